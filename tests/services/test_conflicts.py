"""Two analysts on one database: the second save of a record is refused naming who
changed it and when; a KPI's period recorded twice at once is kept once.

Each test runs on the run's engine (SQLite files, or PostgreSQL with
PILOTAGE_TEST_DATABASE_URL): the second analyst is another `Database` on the same
database (`two_analysts.second_database`), or another process.
"""

from __future__ import annotations

import multiprocessing
import re
from datetime import date

import pytest
from kpi_fixtures import Q1, D, Tree, kpi_input, make_kpi, make_tree
from service_support import Count

from pilotage.db.database import Database
from pilotage.domain.enums import InitiativeStatus
from pilotage.domain.errors import ConflictError
from pilotage.services import measurement_validation, measurements, targets
from pilotage.services.conflicts import MeasurementRecordedError, moment
from pilotage.services.initiatives import InitiativeInput, get_initiative, update_initiative
from pilotage.services.kpis import KpiRow, get_kpi, update_kpi
from pilotage.services.measurements import MeasurementInput, list_measurements, record_measurement
from pilotage.services.targets import list_targets, set_target
from two_analysts import as_analyst, record_at_once, second_database, url_text


@pytest.fixture
def tree(db: Database) -> Tree:
    return make_tree(db)


@pytest.fixture
def kpi(db: Database, tree: Tree) -> KpiRow:
    return make_kpi(db, tree.initiative)


def test_a_kpi_saved_by_another_analyst_since_it_was_read_refuses_the_second_save(
    db: Database, kpi: KpiRow
) -> None:
    seen = get_kpi(db, kpi.id)  # what the first analyst's form was filled with
    with second_database(db) as other:
        theirs = as_analyst(
            "sara",
            lambda: update_kpi(other, kpi.id, seen.version, kpi_input(name="Apprenants (Sara)")),
        )
    assert theirs.version == seen.version + 1
    with pytest.raises(ConflictError) as caught:
        update_kpi(db, kpi.id, seen.version, kpi_input(name="Apprenants (moi)"))
    assert (caught.value.entity, caught.value.entity_id) == ("kpi", kpi.id)
    assert caught.value.changed_by == "sara"
    assert caught.value.changed_at is not None
    assert "by sara at" in str(caught.value)
    now = get_kpi(db, kpi.id)
    assert (now.name, now.version) == ("Apprenants (Sara)", theirs.version)  # not overwritten
    # Saved again from what the other analyst left, it goes through.
    assert update_kpi(db, kpi.id, now.version, kpi_input(name="Apprenants (moi)")).version == (
        theirs.version + 1
    )


def test_an_initiative_saved_by_another_analyst_refuses_the_second_save(
    db: Database, tree: Tree
) -> None:
    seen = get_initiative(db, tree.initiative_id)
    status = InitiativeStatus.RUNNING
    with second_database(db) as other:
        as_analyst(
            "sara",
            lambda: update_initiative(
                other, seen.id, seen.version, InitiativeInput("JIT", "JobIntech 2", status=status)
            ),
        )
    with pytest.raises(ConflictError) as caught:
        update_initiative(db, seen.id, seen.version, InitiativeInput("JIT", "Mine", status=status))
    assert caught.value.changed_by == "sara"
    assert get_initiative(db, seen.id).name == "JobIntech 2"


def test_a_period_recorded_by_another_analyst_meanwhile_is_refused_naming_who_and_when(
    db: Database, kpi: KpiRow, count: Count
) -> None:
    with second_database(db) as other:
        theirs = as_analyst(
            "sara", lambda: record_measurement(other, kpi.id, MeasurementInput(*Q1, value=D(12)))
        )
    with pytest.raises(MeasurementRecordedError) as caught:
        record_measurement(db, kpi.id, MeasurementInput(*Q1, value=D(15)))
    assert caught.value.entity_id == theirs.id
    assert caught.value.changed_by == "sara"
    when = moment(caught.value.changed_at)
    assert when is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", when), when
    assert str(caught.value) == (
        f"2024-Q1 of K1 was recorded by sara at {when} meanwhile: your figure was not saved; "
        "edit that measurement instead"
    )
    assert count("measurement") == 1
    assert [m.value for m in list_measurements(db, kpi.id)] == [D(12)]


def test_the_insert_that_loses_the_race_on_the_unique_period_is_refused_the_same_way(
    db: Database, kpi: KpiRow, count: Count, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL's case, on both engines: the check before the insert saw no row (the
    other transaction had not committed yet), the unique constraint refuses the insert."""
    with second_database(db) as other:
        as_analyst(
            "sara", lambda: record_measurement(other, kpi.id, MeasurementInput(*Q1, value=D(12)))
        )
    real = measurements._recorded_period
    calls: list[int] = []

    def blind_first(*args: object) -> MeasurementRecordedError | None:
        calls.append(1)
        return None if len(calls) == 1 else real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(measurements, "_recorded_period", blind_first)
    # The overlap check reads the same table: blind too, as it is before the other commits.
    monkeypatch.setattr(measurement_validation, "_check_no_overlap", lambda *_args: None)
    with pytest.raises(MeasurementRecordedError) as caught:
        record_measurement(db, kpi.id, MeasurementInput(*Q1, value=D(15)))
    assert len(calls) == 2  # the blind check, then the one read after the rollback
    assert str(caught.value).startswith("2024-Q1 of K1 was recorded by sara at ")
    assert count("measurement") == 1
    with db.transaction():  # the connection is usable again after the failed insert
        pass


def test_a_period_committed_between_the_look_and_the_checks_names_who_recorded_it(
    db: Database, kpi: KpiRow, count: Count, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL's other window: the first look saw no row, the other analyst committed,
    and the overlap check (a later statement) sees it: still who and when, not a bare
    "already has a measurement"."""
    with second_database(db) as other:
        as_analyst(
            "sara", lambda: record_measurement(other, kpi.id, MeasurementInput(*Q1, value=D(12)))
        )
    real = measurements._recorded_period
    calls: list[int] = []

    def blind_first(*args: object) -> MeasurementRecordedError | None:
        calls.append(1)
        return None if len(calls) == 1 else real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(measurements, "_recorded_period", blind_first)
    with pytest.raises(MeasurementRecordedError) as caught:
        record_measurement(db, kpi.id, MeasurementInput(*Q1, value=D(15)))
    assert len(calls) == 2  # the blind look, then the one after the overlap check
    assert str(caught.value).startswith("2024-Q1 of K1 was recorded by sara at ")
    assert count("measurement") == 1


def test_two_processes_recording_the_same_period_at_once_keep_one_figure(
    db: Database, kpi: KpiRow, count: Count
) -> None:
    spawn = multiprocessing.get_context("spawn")  # no fork of a process that may hold Qt
    barrier, out = spawn.Barrier(2), spawn.Queue()
    start, end = Q1
    workers = [
        spawn.Process(
            target=record_at_once,
            args=(url_text(db.url), name, kpi.id, start, end, value, barrier, out),
        )
        for name, value in (("sara", "12"), ("karim", "15"))
    ]
    for worker in workers:
        worker.start()
    try:
        outcomes = sorted(out.get(timeout=120) for _ in workers)
    finally:
        for worker in workers:
            worker.join(timeout=60)
    [(refused, sentence), (saved, saved_id)] = outcomes
    assert (refused, saved) == ("refused", "saved"), outcomes
    [row] = list_measurements(db, kpi.id)
    assert row.id == saved_id
    winner = row.entered_by
    assert winner in {"sara", "karim"}
    assert row.value == {"sara": D(12), "karim": D(15)}[winner]
    assert sentence.startswith(f"2024-Q1 of K1 was recorded by {winner} at "), sentence
    assert sentence.endswith(" meanwhile: your figure was not saved; edit that measurement instead")
    assert count("measurement") == 1
    assert all(worker.exitcode == 0 for worker in workers)


def test_two_first_targets_of_a_period_set_at_once_keep_one_and_name_who(
    db: Database, kpi: KpiRow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target set first wins; the other is told who set it (PostgreSQL's race: the
    look before the insert saw nothing, the unique constraint refuses the insert)."""
    end = date(2024, 12, 31)
    with second_database(db) as other:
        as_analyst("sara", lambda: set_target(other, kpi.id, end, D(100)))
    real = targets._original
    calls: list[int] = []

    def blind_first(*args: object) -> object:
        calls.append(1)
        return None if len(calls) == 1 else real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(targets, "_original", blind_first)
    with pytest.raises(ConflictError) as caught:
        set_target(db, kpi.id, end, D(120))
    assert caught.value.changed_by == "sara"
    assert [(t.period_end, t.value) for t in list_targets(db, kpi.id)] == [(end, D(100))]
