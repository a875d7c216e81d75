"""Per-period targets: the original plan, dated revisions that keep it, and the engine's view."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import PLACEMENT, Tree, make_kpi
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.domain.engine import target
from pilotage.domain.enums import AuditAction, Frequency, Measure
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.domain.kpi_types import TargetPoint
from pilotage.services.kpis import KpiRow, kpi_spec
from pilotage.services.targets import (
    list_targets,
    remove_target,
    revise_target,
    set_target,
    target_points,
)
from pilotage.services.undo import restore_deleted

D = Decimal
END_Q1 = date(2024, 3, 31)
END_Q2 = date(2024, 6, 30)


# --- the original plan --------------------------------------------------------


def test_set_target_creates_the_original_and_audits_it(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    row = set_target(db, learners.id, END_Q1, D(250))
    assert (row.kpi_id, row.period_end, row.value) == (learners.id, END_Q1, D(250))
    assert (row.revision, row.revised_on, row.reason, row.is_original) == (0, None, "", True)
    [entry] = audit_log("kpi_target")
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.CREATE)
    assert json.loads(entry.changes) == {
        "kpi_id": [None, str(learners.id)],
        "period_end": [None, "2024-03-31"],
        "value": [None, "250"],
        "revision": [None, "0"],
        "reason": [None, ""],
    }


def test_set_target_again_changes_the_original(
    db: Database, learners: KpiRow, count: Count, audit_log: AuditLog
) -> None:
    first = set_target(db, learners.id, END_Q1, D(250))
    second = set_target(db, learners.id, END_Q1, D(300), version=first.version)
    assert (second.id, second.value, second.version, second.revision) == (first.id, D(300), 2, 0)
    assert count("kpi_target") == 1
    entry = audit_log("kpi_target")[-1]
    assert (entry.action, json.loads(entry.changes)) == (
        AuditAction.UPDATE,
        {"value": ["250", "300"]},
    )


def test_setting_the_same_value_writes_nothing(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    first = set_target(db, learners.id, END_Q1, D(250))
    assert set_target(db, learners.id, END_Q1, D("250.000"), version=first.version) == first
    assert len(audit_log("kpi_target")) == 1


def test_set_target_with_a_stale_version_is_a_conflict(db: Database, learners: KpiRow) -> None:
    first = set_target(db, learners.id, END_Q1, D(250))
    set_target(db, learners.id, END_Q1, D(260), version=first.version)
    with pytest.raises(ConflictError):
        set_target(db, learners.id, END_Q1, D(270), version=first.version)
    assert list_targets(db, learners.id)[0].value == D(260)


def test_set_target_without_version_over_an_existing_one_is_a_conflict(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    """The user saw no target for the period; someone set one since: naming who beats
    overwriting it blind."""
    first = set_target(db, learners.id, END_Q1, D(250))
    logged = audit_log()
    with pytest.raises(ConflictError) as caught:
        set_target(db, learners.id, END_Q1, D(300))
    assert (caught.value.entity, caught.value.entity_id) == ("kpi_target", first.id)
    assert caught.value.changed_by == logged[-1].who
    assert caught.value.changed_by is not None
    # Even the same value is refused: the save was made without seeing the target.
    with pytest.raises(ConflictError):
        set_target(db, learners.id, END_Q1, D(250))
    assert list_targets(db, learners.id) == [first]
    assert len(audit_log()) == len(logged)


def test_set_target_refuses_a_version_that_is_not_a_number(db: Database, learners: KpiRow) -> None:
    first = set_target(db, learners.id, END_Q1, D(250))
    with pytest.raises(ValidationError) as caught:
        set_target(db, learners.id, END_Q1, D(300), version=str(first.version))  # type: ignore[arg-type]
    assert caught.value.fields() == {"version"}
    assert list_targets(db, learners.id) == [first]


PERIOD_ENDS: list[Any] = [
    pytest.param(Frequency.MONTHLY, date(2024, 2, 29), True, id="monthly-leap-february"),
    pytest.param(Frequency.MONTHLY, date(2024, 2, 28), False, id="monthly-mid-month"),
    pytest.param(Frequency.QUARTERLY, date(2024, 9, 30), True, id="quarterly-q3"),
    pytest.param(Frequency.QUARTERLY, date(2024, 8, 31), False, id="quarterly-month-end"),
    pytest.param(Frequency.HALF_YEARLY, date(2024, 6, 30), True, id="half-yearly-h1"),
    pytest.param(Frequency.HALF_YEARLY, date(2024, 3, 31), False, id="half-yearly-quarter-end"),
    pytest.param(Frequency.YEARLY, date(2024, 12, 31), True, id="yearly"),
    pytest.param(Frequency.YEARLY, date(2024, 6, 30), False, id="yearly-mid-year"),
    pytest.param(Frequency.ONE_OFF, date(2024, 5, 17), True, id="one-off-any-day"),
]


@pytest.mark.parametrize(("frequency", "period_end", "accepted"), PERIOD_ENDS)
def test_period_end_must_close_a_period_of_the_frequency(
    db: Database, tree: Tree, frequency: Frequency, period_end: date, accepted: bool, count: Count
) -> None:
    kpi = make_kpi(db, tree.pillar, frequency=frequency)
    if accepted:
        assert set_target(db, kpi.id, period_end, D(10)).period_end == period_end
        return
    with pytest.raises(ValidationError) as caught:
        set_target(db, kpi.id, period_end, D(10))
    [problem] = caught.value.problems
    assert problem.field == "period_end"
    assert "must be the last day of a" in problem.message
    assert count("kpi_target") == 0


def test_the_period_problem_names_the_right_end(db: Database, learners: KpiRow) -> None:
    with pytest.raises(ValidationError) as caught:
        set_target(db, learners.id, date(2024, 5, 15), D(10))
    assert caught.value.problems[0].message == (
        "must be the last day of a quarter for a quarterly KPI "
        "(the quarter holding 2024-05-15 ends on 2024-06-30)"
    )


VALUES: list[Any] = [
    pytest.param(
        {"measure": Measure.PERCENTAGE, "target_value": D(72)},
        D("100.1"),
        "between 0 and 100",
        id="pct-101",
    ),
    pytest.param({"measure": Measure.YES_NO, "target_value": D(1)}, D(2), "0 (no)", id="yes-no"),
    pytest.param({}, D(-1), "must not be negative", id="count-negative"),
    pytest.param({}, D("1.0000001"), "more than 6 decimal places", id="seven-places"),
    pytest.param({}, None, "is required", id="missing"),
]


@pytest.mark.parametrize(("kpi_changes", "value", "message"), VALUES)
def test_the_value_follows_the_kpi_measure(
    db: Database, tree: Tree, kpi_changes: dict[str, Any], value: Decimal | None, message: str
) -> None:
    kpi = make_kpi(db, tree.pillar, **kpi_changes)
    with pytest.raises(ValidationError) as caught:
        set_target(db, kpi.id, END_Q1, value)  # type: ignore[arg-type]
    [problem] = caught.value.problems
    assert (problem.field, message in problem.message) == ("value", True)


def test_a_share_target_is_a_fraction(db: Database, tree: Tree) -> None:
    kpi = make_kpi(db, tree.initiative, PLACEMENT)
    assert set_target(db, kpi.id, END_Q2, D("0.734")).value == D("0.734")
    with pytest.raises(ValidationError) as caught:
        set_target(db, kpi.id, END_Q1, D("73.4"))
    assert "a share is stored as a fraction" in caught.value.problems[0].message


def test_every_problem_at_once(db: Database, learners: KpiRow, count: Count) -> None:
    with pytest.raises(ValidationError) as caught:
        revise_target(db, learners.id, date(2024, 4, 1), D(-3), "   ")
    assert caught.value.fields() == {"period_end", "value", "reason"}
    assert count("kpi_target") == 0


def test_unknown_kpi(db: Database) -> None:
    with pytest.raises(NotFoundError):
        set_target(db, 999, END_Q1, D(1))
    with pytest.raises(NotFoundError):
        list_targets(db, 999)


# --- revisions ----------------------------------------------------------------


def test_revising_keeps_the_original_and_older_revisions(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    original = set_target(db, learners.id, END_Q1, D(250))
    first = revise_target(
        db, learners.id, END_Q1, D(200), "Cohort started late", revised_on=date(2024, 2, 10)
    )
    second = revise_target(
        db, learners.id, END_Q1, D(220), " Extra cohort opened ", revised_on=date(2024, 3, 1)
    )
    assert (first.revision, first.revised_on, first.reason, first.is_original) == (
        1,
        date(2024, 2, 10),
        "Cohort started late",
        False,
    )
    assert (second.revision, second.reason) == (2, "Extra cohort opened")
    listed = list_targets(db, learners.id)
    assert listed == [original, first, second]  # the original untouched, version included
    entry = audit_log("kpi_target")[-1]
    assert (entry.entity_id, entry.action, entry.reason) == (
        second.id,
        AuditAction.CREATE,
        "Extra cohort opened",
    )
    assert json.loads(entry.changes)["revised_on"] == [None, "2024-03-01"]


def test_a_revision_without_an_original_is_revision_1(db: Database, learners: KpiRow) -> None:
    row = revise_target(db, learners.id, END_Q2, D(400), "Plan had no Q2 step")
    assert (row.revision, row.is_original) == (1, False)


def test_a_revision_is_dated_today_by_default(db: Database, learners: KpiRow) -> None:
    before = datetime.now().astimezone().date()
    row = revise_target(db, learners.id, END_Q1, D(200), "Late start")
    assert before <= row.revised_on <= datetime.now().astimezone().date()  # type: ignore[operator]


@pytest.mark.parametrize("reason", ["", "   ", "\n"], ids=["empty", "blanks", "newline"])
def test_a_revision_needs_a_reason(
    db: Database, learners: KpiRow, reason: str, count: Count
) -> None:
    set_target(db, learners.id, END_Q1, D(250))
    with pytest.raises(ValidationError) as caught:
        revise_target(db, learners.id, END_Q1, D(200), reason)
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == ("reason", "is required")
    assert count("kpi_target") == 1


def test_a_revision_may_not_predate_the_last_one(db: Database, learners: KpiRow) -> None:
    revise_target(db, learners.id, END_Q1, D(200), "First", revised_on=date(2024, 3, 1))
    with pytest.raises(ValidationError) as caught:
        revise_target(db, learners.id, END_Q1, D(210), "Second", revised_on=date(2024, 2, 1))
    [problem] = caught.value.problems
    assert problem.field == "revised_on"
    assert "2024-03-01" in problem.message
    # The same day is fine: the higher revision number is the later one.
    same_day = revise_target(db, learners.id, END_Q1, D(210), "Second", date(2024, 3, 1))
    assert same_day.revision == 2


def test_revisions_of_another_period_do_not_count(db: Database, learners: KpiRow) -> None:
    revise_target(db, learners.id, END_Q2, D(400), "Q2", revised_on=date(2024, 6, 1))
    row = revise_target(db, learners.id, END_Q1, D(200), "Q1", revised_on=date(2024, 2, 1))
    assert row.revision == 1


# --- removing -----------------------------------------------------------------


def test_remove_one_target_then_undo(db: Database, learners: KpiRow, audit_log: AuditLog) -> None:
    original = set_target(db, learners.id, END_Q1, D(250))
    revision = revise_target(db, learners.id, END_Q1, D(200), "Late", date(2024, 2, 1))
    snapshot = remove_target(db, revision.id, revision.version)
    assert snapshot.count("kpi_target") == 1
    assert list_targets(db, learners.id) == [original]
    entry = audit_log("kpi_target")[-1]
    assert (entry.entity_id, entry.action) == (revision.id, AuditAction.DELETE)
    assert json.loads(entry.changes)["value"] == ["200", None]
    restore_deleted(db, snapshot)
    assert list_targets(db, learners.id) == [original, revision]


def test_the_original_stays_while_its_revisions_do(
    db: Database, learners: KpiRow, count: Count, audit_log: AuditLog
) -> None:
    original = set_target(db, learners.id, END_Q1, D(250))
    first = revise_target(db, learners.id, END_Q1, D(200), "Late", date(2024, 2, 1))
    second = revise_target(db, learners.id, END_Q1, D(230), "Catching up", date(2024, 3, 1))
    set_target(db, learners.id, END_Q2, D(500))
    logged = len(audit_log())
    with pytest.raises(ValidationError) as caught:
        remove_target(db, original.id, original.version)
    [problem] = caught.value.problems
    assert problem.field == "revision"
    assert problem.message == (
        "the original target of 2024-03-31 cannot be removed while its 2 revisions remain: "
        "remove the revisions first"
    )
    assert (count("kpi_target"), len(audit_log())) == (4, logged)
    # Revisions go one by one, then the original may go.
    remove_target(db, second.id, second.version)
    remove_target(db, first.id, first.version)
    remove_target(db, original.id, original.version)
    assert [t.period_end for t in list_targets(db, learners.id)] == [END_Q2]


def test_remove_with_a_stale_version_is_a_conflict(
    db: Database, learners: KpiRow, count: Count
) -> None:
    first = set_target(db, learners.id, END_Q1, D(250))
    set_target(db, learners.id, END_Q1, D(260), version=first.version)
    with pytest.raises(ConflictError):
        remove_target(db, first.id, first.version)
    assert count("kpi_target") == 1


# --- what the engine reads ----------------------------------------------------


def test_target_points_keep_every_revision_in_order(db: Database, learners: KpiRow) -> None:
    set_target(db, learners.id, END_Q1, D(250))
    revise_target(db, learners.id, END_Q1, D(200), "Late start", date(2024, 2, 1))
    revise_target(db, learners.id, END_Q1, D(230), "Catching up", date(2024, 2, 1))
    set_target(db, learners.id, END_Q2, D(500))
    points = target_points(list_targets(db, learners.id))
    assert points == [
        TargetPoint(END_Q1, D(250)),
        TargetPoint(END_Q1, D(200), date(2024, 2, 1), "Late start", revision=1),
        TargetPoint(END_Q1, D(230), date(2024, 2, 1), "Catching up", revision=2),
        TargetPoint(END_Q2, D(500)),
    ]
    spec = kpi_spec(learners)
    # Two revisions the same day: the later one (revision 2) is the one in force.
    assert target(spec, points, date(2024, 3, 15)).value == D(230)
    assert target(spec, points, date(2024, 3, 15), use_revisions=False).value == D(250)
    assert target(spec, points, date(2024, 5, 1)).value == D(500)
