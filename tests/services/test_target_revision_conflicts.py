"""A revision is made over the latest target the analyst saw: when another analyst
revised the period (or removed its latest row) since, the revision is refused naming
who and when, and nothing is added. It never silently supersedes a figure the analyst
has not seen, and it is the same on both engines, including two analysts at once."""

from __future__ import annotations

import re
import threading
from datetime import date
from decimal import Decimal

import pytest

from pilotage.db.database import Database
from pilotage.domain.errors import ConflictError, ValidationError
from pilotage.services import targets
from pilotage.services.conflicts import TargetRevisedError
from pilotage.services.kpis import KpiRow
from pilotage.services.targets import list_targets, remove_target, revise_target, set_target
from two_analysts import as_analyst, race_while_held, second_database

END_Q1 = date(2024, 3, 31)
# "the target of 31/03/2024 of K1 was changed by sara at 2026-12-01 10:42, after you had
# opened this form: your revision was not saved" (the day and time as the analyst reads them)
BY_SARA = re.compile(
    r"^the target of \S+ of K1 was changed by sara at \S+ \d\d:\d\d, after you had opened "
    r"this form: your revision was not saved$"
)


def figures(db: Database, kpi: KpiRow) -> list[tuple[int, Decimal]]:
    return [(t.revision, t.value) for t in list_targets(db, kpi.id)]


def latest(db: Database, kpi: KpiRow) -> targets.TargetRow:
    """The period's latest target as the analyst's form shows it."""
    return list_targets(db, kpi.id)[-1]


def test_a_revision_over_the_latest_target_seen_is_saved(db: Database, learners: KpiRow) -> None:
    set_target(db, learners.id, END_Q1, Decimal(300))
    first = revise_target(
        db, learners.id, END_Q1, Decimal(250), "Late start", seen=latest(db, learners)
    )
    second = revise_target(db, learners.id, END_Q1, Decimal(200), "Later", seen=first)
    assert second.revision == 2
    assert figures(db, learners) == [(0, Decimal(300)), (1, Decimal(250)), (2, Decimal(200))]


def test_a_revision_added_by_another_analyst_since_is_refused(
    db: Database, learners: KpiRow
) -> None:
    set_target(db, learners.id, END_Q1, Decimal(300))
    seen = latest(db, learners)  # the form shows the original: 300
    with second_database(db) as other:
        theirs = as_analyst(
            "sara", lambda: revise_target(other, learners.id, END_Q1, Decimal(250), "Sara's")
        )
    with pytest.raises(TargetRevisedError) as caught:
        revise_target(db, learners.id, END_Q1, Decimal(200), "Mine", seen=seen)
    refusal = caught.value
    assert isinstance(refusal, ConflictError)  # a form reloads on it like any conflict
    assert (refusal.changed_by, refusal.entity_id) == ("sara", theirs.id)
    assert BY_SARA.match(str(refusal)), str(refusal)
    # Nothing added: Sara's revision stands alone, and nothing was renumbered.
    assert figures(db, learners) == [(0, Decimal(300)), (1, Decimal(250))]


def test_the_original_changed_by_another_analyst_since_is_refused(
    db: Database, learners: KpiRow
) -> None:
    """The form showed the original at 300; Sara set it to 350 since: a revision to 200
    made over the 300 would hide her change."""
    set_target(db, learners.id, END_Q1, Decimal(300))
    seen = latest(db, learners)
    with second_database(db) as other:
        as_analyst(
            "sara",
            lambda: set_target(other, learners.id, END_Q1, Decimal(350), version=seen.version),
        )
    with pytest.raises(TargetRevisedError) as caught:
        revise_target(db, learners.id, END_Q1, Decimal(200), "Mine", seen=seen)
    assert (caught.value.changed_by, caught.value.entity_id) == ("sara", seen.id)
    assert figures(db, learners) == [(0, Decimal(350))]


def test_a_first_target_set_by_another_analyst_since_is_refused(
    db: Database, learners: KpiRow
) -> None:
    """The form showed no target for the period (the KPI's final target instead)."""
    with second_database(db) as other:
        as_analyst("sara", lambda: set_target(other, learners.id, END_Q1, Decimal(300)))
    with pytest.raises(TargetRevisedError) as caught:
        revise_target(db, learners.id, END_Q1, Decimal(200), "Mine", seen=None)
    assert caught.value.changed_by == "sara"
    assert figures(db, learners) == [(0, Decimal(300))]


def test_the_revision_seen_removed_by_another_analyst_since_is_refused(
    db: Database, learners: KpiRow
) -> None:
    """Who removed the row the analyst saw is named, not who created the one left."""
    set_target(db, learners.id, END_Q1, Decimal(300))
    seen = revise_target(db, learners.id, END_Q1, Decimal(250), "Late start")
    with second_database(db) as other:
        as_analyst("sara", lambda: remove_target(other, seen.id, seen.version))
    with pytest.raises(TargetRevisedError) as caught:
        revise_target(db, learners.id, END_Q1, Decimal(200), "Mine", seen=seen)
    assert (caught.value.changed_by, caught.value.entity_id) == ("sara", seen.id)
    assert figures(db, learners) == [(0, Decimal(300))]


def test_without_what_was_seen_nothing_is_compared(db: Database, learners: KpiRow) -> None:
    """A script revising a target shows nobody a figure: it adds the next revision."""
    set_target(db, learners.id, END_Q1, Decimal(300))
    revise_target(db, learners.id, END_Q1, Decimal(250), "One")
    assert revise_target(db, learners.id, END_Q1, Decimal(200), "Two").revision == 2


def test_a_bad_input_is_said_before_the_revisions_are_compared(
    db: Database, learners: KpiRow
) -> None:
    """A period end that is not a date has no revisions to compare: its field is named."""
    with pytest.raises(ValidationError) as caught:
        revise_target(db, learners.id, "Q1", Decimal(200), "Mine", seen=None)  # type: ignore[arg-type]
    assert [p.field for p in caught.value.problems] == ["period_end"]


@pytest.fixture
def pause_sara(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """(written, release): Sara's target action, in a thread named "sara", stops inside
    its transaction (its lock held, its row read) until `release` is set."""
    written, release = threading.Event(), threading.Event()
    real = targets._audited

    def pausing(row: targets.TargetRow) -> dict[str, object]:
        if threading.current_thread().name == "sara":
            written.set()
            assert release.wait(10)
        return real(row)

    monkeypatch.setattr(targets, "_audited", pausing)
    return written, release


@pytest.mark.postgresql_only  # SQLite's writes run one at a time: the second waits anyway
def test_two_analysts_revising_one_period_at_once(
    db: Database, learners: KpiRow, pause_sara: tuple[threading.Event, threading.Event]
) -> None:
    """Sara's revision is written and not committed when the analyst's starts: the
    analyst's waits for hers, then reads it and is refused naming her, instead of
    taking the same revision number and hitting the unique key ("already used")."""
    set_target(db, learners.id, END_Q1, Decimal(300))
    seen = latest(db, learners)
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: revise_target(other, learners.id, END_Q1, Decimal(250), "Sara's", seen=seen),
            lambda: revise_target(db, learners.id, END_Q1, Decimal(200), "Mine", seen=seen),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, TargetRevisedError), refusal
    assert refusal.changed_by == "sara"
    assert figures(db, learners) == [(0, Decimal(300)), (1, Decimal(250))]


@pytest.mark.postgresql_only
def test_a_revision_while_another_analyst_removes_the_original(
    db: Database, learners: KpiRow, pause_sara: tuple[threading.Event, threading.Event]
) -> None:
    """Sara removes the original the analyst's form shows: the analyst's revision waits
    for her removal and is refused, never left as a revision without its original."""
    set_target(db, learners.id, END_Q1, Decimal(300))
    seen = latest(db, learners)
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: remove_target(other, seen.id, seen.version),
            lambda: revise_target(db, learners.id, END_Q1, Decimal(200), "Mine", seen=seen),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, TargetRevisedError), refusal
    assert (refusal.changed_by, refusal.entity_id) == ("sara", seen.id)
    assert figures(db, learners) == []


@pytest.mark.postgresql_only
def test_a_removal_of_the_original_while_another_analyst_revises_it(
    db: Database, learners: KpiRow, pause_sara: tuple[threading.Event, threading.Event]
) -> None:
    """The other way round: Sara's revision first, so the original now has a revision
    and the analyst's removal of it is refused (the revisions would lose their plan)."""
    set_target(db, learners.id, END_Q1, Decimal(300))
    seen = latest(db, learners)
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: revise_target(other, learners.id, END_Q1, Decimal(250), "Sara's", seen=seen),
            lambda: remove_target(db, seen.id, seen.version),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, ValidationError), refusal
    assert [p.field for p in refusal.problems] == ["revision"]
    assert figures(db, learners) == [(0, Decimal(300)), (1, Decimal(250))]
