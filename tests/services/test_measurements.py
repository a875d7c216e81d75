"""Measurements: ratios kept exact, audit, warnings, updates, conflicts, the lock, undo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from kpi_fixtures import Q1, Q2, Q3, Tree, by_sex, make_kpi
from service_support import AuditLog, Count, Statements
from sqlalchemy import insert

from pilotage.db.database import Database
from pilotage.db.schema import Disaggregation, Measurement
from pilotage.domain.engine import actual
from pilotage.domain.enums import AuditAction, Frequency, Measure, MeasurementStatus
from pilotage.domain.errors import ConflictError, Problem, ValidationError
from pilotage.domain.periods import period_bounds
from pilotage.services.identity import set_user_name
from pilotage.services.kpis import KpiRow, kpi_spec
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    delete_measurement,
    get_measurement,
    list_measurements,
    observation,
    record_measurement,
    set_measurement_status,
    update_measurement,
)
from pilotage.services.undo import restore_deleted

D = Decimal
DRAFT, SUBMITTED, VALIDATED = (
    MeasurementStatus.DRAFT,
    MeasurementStatus.SUBMITTED,
    MeasurementStatus.VALIDATED,
)


@pytest.fixture
def analyst() -> Iterator[str]:
    set_user_name("Salma Benali")
    yield "Salma Benali"
    set_user_name(None)


# --- recording ----------------------------------------------------------------


def test_a_ratio_keeps_its_numerator_and_denominator_exactly(
    db: Database, placement: KpiRow
) -> None:
    row = record_measurement(
        db, placement.id, MeasurementInput(*Q1, numerator=D("734"), denominator=D("1000"))
    )
    [back] = list_measurements(db, placement.id)
    assert back == row
    assert (back.numerator, back.denominator, back.value) == (D("734"), D("1000"), None)
    # 734 graduates in a job out of 1,000: 73.4%, as the engine sees it.
    assert actual(kpi_spec(placement), [observation(back)], Q1[1]).value == D("0.734")


def test_record_returns_a_plain_row_with_who_and_when(
    db: Database, learners: KpiRow, analyst: str
) -> None:
    before = datetime.now(UTC)
    row = record_measurement(
        db,
        learners.id,
        MeasurementInput(
            *Q1,
            value=D(240),
            status=SUBMITTED,
            comment=" Première cohorte ",
            evidence_link="https://mnc.ma/jobintech/t1.pdf",
            disaggregations=by_sex(100, 140),
        ),
    )
    assert (row.kpi_id, row.value, row.status, row.comment) == (
        learners.id,
        D(240),
        SUBMITTED,
        "Première cohorte",
    )
    assert (row.label, row.is_locked, row.version, row.warnings) == ("2024-Q1", False, 1, ())
    assert row.entered_by == analyst
    assert row.entered_at.tzinfo is not None
    assert before <= row.entered_at <= datetime.now(UTC)
    assert [(d.dimension, d.category, d.value) for d in row.disaggregations] == [
        ("sexe", "femmes", D(100)),
        ("sexe", "hommes", D(140)),
    ]
    assert get_measurement(db, row.id) == row


def test_record_is_audited_with_its_disaggregations(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    row = record_measurement(
        db, learners.id, MeasurementInput(*Q1, value=D(240), disaggregations=by_sex(100, 140))
    )
    [entry] = audit_log("measurement")
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.CREATE)
    changes = json.loads(entry.changes)
    assert changes["value"] == [None, "240"]
    assert changes["period_start"] == [None, "2024-01-01"]
    assert changes["status"] == [None, "draft"]
    assert json.loads(changes["disaggregations"][1]) == [
        "sexe / femmes: 100",
        "sexe / hommes: 140",
    ]


def test_a_one_off_kpi_takes_any_period(db: Database, tree: Tree) -> None:
    kpi = make_kpi(
        db, tree.program, frequency=Frequency.ONE_OFF, measure=Measure.YES_NO, target_value=D(1)
    )
    kpi_dates = (date(2024, 5, 17), date(2024, 5, 17))
    row = record_measurement(db, kpi.id, MeasurementInput(*kpi_dates, value=D(1)))
    assert row.label == "2024-05-17"


COUNT_Q1 = MeasurementInput(*Q1, value=D(240))


# --- warnings -----------------------------------------------------------------


def test_categories_that_do_not_add_up_warn_but_are_saved(
    db: Database, learners: KpiRow, count: Count
) -> None:
    parts = (*by_sex(100, 130), DisaggregationInput("region", "Casablanca", D(240)))
    row = record_measurement(db, learners.id, replace(COUNT_Q1, disaggregations=parts))
    # 100 + 130 = 230, not 240; the region dimension adds up.
    assert row.warnings == (
        Problem("disaggregations", "the sexe categories add up to 230, not to the total 240"),
    )
    assert count("disaggregation") == 3
    assert list_measurements(db, learners.id)[0].warnings == row.warnings


def test_amounts_warn_too(db: Database, tree: Tree) -> None:
    kpi = make_kpi(db, tree.program, measure=Measure.AMOUNT)
    parts = (DisaggregationInput("source", "État", D("0.5")),)
    row = record_measurement(db, kpi.id, replace(COUNT_Q1, value=D("1.25"), disaggregations=parts))
    assert [w.message for w in row.warnings] == [
        "the source categories add up to 0.5, not to the total 1.25"
    ]


def test_rates_are_not_expected_to_add_up(db: Database, tree: Tree) -> None:
    kpi = make_kpi(db, tree.program, measure=Measure.PERCENTAGE, target_value=D(72))
    parts = (
        DisaggregationInput("sexe", "femmes", D(60)),
        DisaggregationInput("sexe", "hommes", D(80)),
    )
    row = record_measurement(db, kpi.id, replace(COUNT_Q1, value=D(72), disaggregations=parts))
    assert row.warnings == ()


# --- update -------------------------------------------------------------------


def test_update_replaces_the_disaggregations_and_audits_old_and_new(
    db: Database, learners: KpiRow, count: Count, audit_log: AuditLog
) -> None:
    row = record_measurement(db, learners.id, replace(COUNT_Q1, disaggregations=by_sex(100, 140)))
    # "femmes" is kept across the edit: the old row must go before the new one comes.
    new_parts = (
        DisaggregationInput("sexe", "femmes", D(110)),
        DisaggregationInput("region", "Rabat", D(250)),
    )
    changed = update_measurement(
        db, row.id, row.version, replace(COUNT_Q1, value=D(250), disaggregations=new_parts)
    )
    assert (changed.value, changed.version) == (D(250), 2)
    assert [(d.dimension, d.category, d.value) for d in changed.disaggregations] == [
        ("region", "Rabat", D(250)),
        ("sexe", "femmes", D(110)),
    ]
    assert count("disaggregation") == 2
    entry = audit_log("measurement")[-1]
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.UPDATE)
    changes = json.loads(entry.changes)
    assert set(changes) == {"value", "disaggregations"}
    assert changes["value"] == ["240", "250"]
    old, new = (json.loads(side) for side in changes["disaggregations"])
    assert old == ["sexe / femmes: 100", "sexe / hommes: 140"]
    assert new == ["region / Rabat: 250", "sexe / femmes: 110"]
    # 110 women against a total of 250.
    assert [w.message for w in changed.warnings] == [
        "the sexe categories add up to 110, not to the total 250"
    ]


def test_update_without_change_writes_nothing(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    row = record_measurement(db, learners.id, replace(COUNT_Q1, disaggregations=by_sex(100, 140)))
    same = update_measurement(
        db, row.id, row.version, replace(COUNT_Q1, disaggregations=by_sex(100, 140))
    )
    assert same == row
    assert len(audit_log("measurement")) == 1


def test_update_refreshes_who_entered_it(db: Database, learners: KpiRow, analyst: str) -> None:
    set_user_name("Someone Else")
    row = record_measurement(db, learners.id, COUNT_Q1)
    set_user_name(analyst)
    changed = update_measurement(db, row.id, row.version, replace(COUNT_Q1, value=D(241)))
    assert (row.entered_by, changed.entered_by) == ("Someone Else", analyst)
    assert changed.entered_at >= row.entered_at


def test_update_may_keep_its_own_period_but_not_take_another(
    db: Database, learners: KpiRow
) -> None:
    q1 = record_measurement(db, learners.id, COUNT_Q1)
    record_measurement(db, learners.id, MeasurementInput(*Q2, value=D(260)))
    with pytest.raises(ValidationError) as caught:
        update_measurement(db, q1.id, q1.version, MeasurementInput(*Q2, value=D(1)))
    assert caught.value.fields() == {"period_start"}
    moved = update_measurement(db, q1.id, q1.version, MeasurementInput(*Q3, value=D(240)))
    assert moved.label == "2024-Q3"


def test_stale_version_is_a_conflict(db: Database, learners: KpiRow, audit_log: AuditLog) -> None:
    row = record_measurement(db, learners.id, COUNT_Q1)
    update_measurement(db, row.id, row.version, replace(COUNT_Q1, value=D(241)))
    with pytest.raises(ConflictError) as caught:
        update_measurement(db, row.id, row.version, replace(COUNT_Q1, value=D(242)))
    assert caught.value.changed_by == audit_log()[-1].who
    with pytest.raises(ConflictError):
        set_measurement_status(db, row.id, row.version, SUBMITTED)
    with pytest.raises(ConflictError):
        delete_measurement(db, row.id, row.version)
    assert get_measurement(db, row.id).value == D(241)


# --- status and the validated lock --------------------------------------------


def test_status_goes_draft_submitted_validated_and_is_audited(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    row = record_measurement(db, learners.id, COUNT_Q1)
    submitted = set_measurement_status(db, row.id, row.version, SUBMITTED)
    validated = set_measurement_status(db, row.id, submitted.version, VALIDATED, "Checked")
    assert (validated.status, validated.is_locked, validated.version) == (VALIDATED, True, 3)
    first, second = audit_log("measurement")[-2:]
    assert json.loads(first.changes) == {"status": ["draft", "submitted"]}
    assert (json.loads(second.changes), second.reason) == (
        {"status": ["submitted", "validated"]},
        "Checked",
    )


def test_setting_the_same_status_writes_nothing(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    row = record_measurement(db, learners.id, COUNT_Q1)
    assert set_measurement_status(db, row.id, row.version, DRAFT) == row
    assert len(audit_log("measurement")) == 1


def test_a_validated_period_is_locked(db: Database, learners: KpiRow, count: Count) -> None:
    row = record_measurement(
        db, learners.id, replace(COUNT_Q1, status=VALIDATED, disaggregations=by_sex(100, 140))
    )
    expected = "period 2024-Q1 is validated and locked, so it cannot be"
    with pytest.raises(ValidationError) as caught:
        update_measurement(db, row.id, row.version, replace(COUNT_Q1, value=D(1)))
    [problem] = caught.value.problems
    assert (problem.field, problem.message.startswith(expected + " changed")) == ("status", True)
    with pytest.raises(ValidationError) as caught:
        delete_measurement(db, row.id, row.version)
    assert caught.value.problems[0].message.startswith(expected + " deleted")
    with pytest.raises(ValidationError) as caught:
        set_measurement_status(db, row.id, row.version, DRAFT, "Wrong figure")
    assert caught.value.fields() == {"status"}
    assert get_measurement(db, row.id) == row
    assert count("disaggregation") == 2


@pytest.mark.parametrize("reason", ["", "  "], ids=["empty", "blanks"])
def test_unlocking_needs_a_reason(db: Database, learners: KpiRow, reason: str) -> None:
    row = record_measurement(db, learners.id, replace(COUNT_Q1, status=VALIDATED))
    with pytest.raises(ValidationError) as caught:
        set_measurement_status(db, row.id, row.version, SUBMITTED, reason)
    [problem] = caught.value.problems
    assert problem.field == "reason"
    assert get_measurement(db, row.id).status is VALIDATED


def test_unlock_with_a_reason_then_edit(
    db: Database, learners: KpiRow, audit_log: AuditLog
) -> None:
    row = record_measurement(db, learners.id, replace(COUNT_Q1, status=VALIDATED))
    unlocked = set_measurement_status(
        db, row.id, row.version, SUBMITTED, " Partner corrected the Q1 count "
    )
    entry = audit_log("measurement")[-1]
    assert (entry.reason, json.loads(entry.changes)) == (
        "Partner corrected the Q1 count",
        {"status": ["validated", "submitted"]},
    )
    edited = update_measurement(
        db, row.id, unlocked.version, replace(COUNT_Q1, value=D(238), status=SUBMITTED)
    )
    assert (edited.value, edited.status) == (D(238), SUBMITTED)


# --- delete and undo ----------------------------------------------------------


def test_delete_takes_the_disaggregations_and_undo_restores_them(
    db: Database, learners: KpiRow, count: Count, audit_log: AuditLog
) -> None:
    row = record_measurement(db, learners.id, replace(COUNT_Q1, disaggregations=by_sex(100, 140)))
    kept = record_measurement(
        db, learners.id, MeasurementInput(*Q2, value=D(260), disaggregations=by_sex(130, 130))
    )
    snapshot = delete_measurement(db, row.id, row.version)
    assert (snapshot.count("measurement"), snapshot.count("disaggregation")) == (1, 2)
    assert list_measurements(db, learners.id) == [kept]
    assert count("disaggregation") == 2
    entry = audit_log("measurement")[-1]
    assert (entry.entity_id, entry.action, entry.reason) == (
        row.id,
        AuditAction.DELETE,
        "with 2 disaggregation",
    )
    assert json.loads(entry.changes)["value"] == ["240", None]
    parts = audit_log("disaggregation")
    assert [(p.action, p.reason) for p in parts] == [
        (AuditAction.DELETE, "deleted with measurement 2024-Q1")
    ] * 2
    assert {p.entity_id for p in parts} == {d.id for d in row.disaggregations}
    assert json.loads(parts[0].changes)["category"] == ["femmes", None]
    restore_deleted(db, snapshot)
    assert list_measurements(db, learners.id) == [row, kept]


# --- reading ------------------------------------------------------------------


def test_list_reads_any_number_of_measurements_in_three_statements(
    db: Database, learners: KpiRow, statements: Statements
) -> None:
    quarters = [
        Q3,
        Q1,
        Q2,
        (date(2024, 10, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 3, 31)),
    ]
    for number, period in enumerate(quarters, start=1):
        record_measurement(
            db,
            learners.id,
            MeasurementInput(
                *period, value=D(number * 10), disaggregations=by_sex(number, number * 9)
            ),
        )
    with statements() as selects:
        rows = list_measurements(db, learners.id)
    assert len(selects) == 3  # the KPI, its measurements, their disaggregations
    assert [r.label for r in rows] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]
    assert [len(r.disaggregations) for r in rows] == [2] * 5
    assert all(r.warnings == () for r in rows)


def test_list_stays_at_three_statements_past_an_eager_load_batch(
    db: Database, learners: KpiRow, statements: Statements
) -> None:
    """An eager load splits its IN list every 500 rows; 600 measurements must not."""
    periods = [period_bounds(Frequency.QUARTERLY, date(2000 + n // 4, 3 * (n % 4) + 1, 1))
               for n in range(600)]  # fmt: skip
    with db.transaction() as session:
        ids = session.scalars(
            insert(Measurement).returning(Measurement.id, sort_by_parameter_order=True),
            [
                {"kpi_id": learners.id, "period_start": start, "period_end": end,
                 "value": D(n), "status": MeasurementStatus.DRAFT, "comment": "",
                 "evidence_link": "", "entered_by": "test",
                 "entered_at": datetime(2024, 1, 1, tzinfo=UTC), "version": 1}
                for n, (start, end) in enumerate(periods)
            ],
        ).all()  # fmt: skip
        session.execute(
            insert(Disaggregation),
            [{"measurement_id": i, "dimension": "sexe", "category": "femmes", "value": D(0),
              "version": 1} for i in ids],
        )  # fmt: skip
    with statements() as selects:
        rows = list_measurements(db, learners.id)
    assert len(selects) == 3
    assert len(rows) == 600
    assert all(len(r.disaggregations) == 1 for r in rows)


def test_list_of_a_kpi_without_measurements(
    db: Database, learners: KpiRow, statements: Statements
) -> None:
    with statements() as selects:
        assert list_measurements(db, learners.id) == []
    assert len(selects) == 3
