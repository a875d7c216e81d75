"""The change counter follows commit order: a window never misses a committed change,
even one whose audit entry was written before a change that committed first."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pilotage.db.database import Database, open_database
from pilotage.db.engine import WRITE_OPTION
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.changes import latest_change
from pilotage.services.kpis import KpiRow
from pilotage.services.targets import set_target
from two_analysts import wait_until_blocked


@pytest.fixture
def second(db: Database) -> Iterator[Database]:
    """Another analyst's connection to the same database."""
    other = open_database(db.url)
    yield other
    other.close()


def slow_change(db: Database) -> Session:
    """A change that has written its audit entry (its id taken) and not committed yet."""
    session = db.sessions()
    session.begin()
    session.connection(execution_options={WRITE_OPTION: True})
    audit.record(session, "kpi", 1, AuditAction.UPDATE, {"name": ("a", "b")})
    session.flush()
    return session


def test_a_transaction_counts_once_however_many_entries_it_writes(
    db: Database, learners: KpiRow
) -> None:
    before = latest_change(db).count
    with db.transaction() as session:
        for n in range(3):
            audit.record(session, "kpi", learners.id, AuditAction.UPDATE, {"n": (None, str(n))})
        audit.record_many(session, [("kpi", learners.id, AuditAction.UPDATE, {})] * 4)
    assert latest_change(db).count == before + 1


def test_a_rolled_back_change_and_a_read_count_nothing(db: Database, learners: KpiRow) -> None:
    before = latest_change(db)

    def failing_action() -> None:
        with db.transaction() as session:
            audit.record(session, "kpi", learners.id, AuditAction.UPDATE, {})
            raise RuntimeError("the analyst's action fails")

    with pytest.raises(RuntimeError, match="action fails"):
        failing_action()
    with db.transaction():
        pass  # a transaction that writes nothing
    with db.reading() as session:
        session.execute(text("SELECT 1"))
    assert latest_change(db) == before


def test_the_counter_has_one_row(db: Database) -> None:
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(text("INSERT INTO change_counter (id, value) VALUES (2, 0)"))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT id, value FROM change_counter")).all() == [(1, 0)]


@pytest.mark.postgresql_only  # SQLite's writes run one at a time: B would wait for A
def test_a_change_committed_after_a_newer_one_is_still_seen(
    db: Database, second: Database, learners: KpiRow
) -> None:
    """The reviewer's interleaving: A writes its audit entry first and commits last."""
    start = latest_change(db)
    slow = slow_change(db)  # A: its audit entry is older than B's
    try:
        set_target(second, learners.id, date(2024, 12, 31), Decimal(500))  # B commits
        seen = latest_change(db)  # the window reads B's change
        assert seen.count == start.count + 1
        slow.commit()  # A commits after
    finally:
        slow.close()
    now = latest_change(db)
    assert now.count == start.count + 2
    assert now.is_newer_than(seen)


@pytest.mark.postgresql_only
def test_a_writer_counting_waits_for_the_one_counting_before_it(
    db: Database, second: Database, learners: KpiRow
) -> None:
    """A has bumped the counter and not committed: B's bump waits on the row lock
    and adds one to A's committed value, so a reader never sees B's count before
    A's change is committed too."""
    start = latest_change(db).count
    slow = slow_change(db)
    done: list[BaseException | None] = []
    try:
        audit._count_the_change(slow)  # A's last statement before its commit

        def fast() -> None:
            try:
                set_target(second, learners.id, date(2024, 12, 31), Decimal(500))
            except BaseException as exc:  # handed to the test's thread
                done.append(exc)
            else:
                done.append(None)

        writer = threading.Thread(target=fast)
        writer.start()
        wait_until_blocked(db, lambda: bool(done))  # B waits on A's row lock
        # Neither committed: the window sees neither.
        assert latest_change(db).count == start
        slow.commit()
    finally:
        slow.close()
    writer.join(10)
    assert done == [None]
    assert latest_change(db).count == start + 2
