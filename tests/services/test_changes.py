"""The latest change: what a window compares to tell that someone else changed something."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from service_support import Statements

from pilotage.db.database import Database, open_database
from pilotage.services.changes import NOTHING, latest_change
from pilotage.services.identity import set_user_name
from pilotage.services.kpis import KpiRow
from pilotage.services.measurement_validation import MeasurementInput
from pilotage.services.measurements import record_measurement
from pilotage.services.targets import set_target


@pytest.fixture
def second(db: Database) -> Iterator[Database]:
    """Another analyst's connection to the same database."""
    other = open_database(db.url)
    yield other
    other.close()


@pytest.fixture
def karim() -> Iterator[str]:
    set_user_name("Karim Alaoui")
    yield "Karim Alaoui"
    set_user_name(None)


def test_an_empty_log_has_no_mark(db: Database) -> None:
    assert latest_change(db) == NOTHING
    assert latest_change(db).count == 0


def test_a_change_by_another_connection_moves_the_mark(
    db: Database, second: Database, learners: KpiRow, karim: str
) -> None:
    seen = latest_change(db)
    set_target(second, learners.id, date(2024, 12, 31), Decimal(500))
    now = latest_change(db)
    assert now.count == seen.count + 1
    assert now.is_newer_than(seen)
    assert not seen.is_newer_than(now)
    assert now.who == "Karim Alaoui"
    assert now.at is not None
    assert now.at.tzinfo is not None
    # Nothing changed since: the mark stays where it is.
    assert latest_change(second) == now


def test_each_action_moves_it_once_more(db: Database, learners: KpiRow) -> None:
    before = latest_change(db)
    record_measurement(
        db, learners.id, MeasurementInput(date(2024, 1, 1), date(2024, 3, 31), Decimal(120))
    )
    after = latest_change(db)
    assert after.count == before.count + 1
    assert latest_change(db) == after


def test_one_statement(db: Database, learners: KpiRow, statements: Statements) -> None:
    with statements() as sql:
        latest_change(db)
    assert len(sql) == 1
    assert "LIMIT" in sql[0].upper()
