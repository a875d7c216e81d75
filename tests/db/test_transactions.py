"""Write transactions take SQLite's write lock up front; version races name who and when."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from pilotage.db.database import Database, open_database
from pilotage.db.errors import DatabaseLockedError
from pilotage.db.schema import AuditEntry, Organization
from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import ConflictError
from pilotage.services.identity import set_user_name
from pilotage.services.organizations import (
    OrganizationInput,
    create_organization,
    delete_organization,
    update_organization,
)


def organization(name: str) -> OrganizationInput:
    return OrganizationInput(name=name, kind=OrganizationKind.OTHER)


@pytest.fixture
def other_user() -> Iterator[str]:
    set_user_name("fatima")
    yield "fatima"
    set_user_name(None)


def sent(db: Database) -> list[str]:
    """Starts recording the SQL `db` sends; returns the (growing) list."""
    seen: list[str] = []

    def remember(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        seen.append(sql.strip())

    event.listen(db.engine, "before_cursor_execute", remember)
    return seen


@pytest.mark.sqlite_only
def test_a_transaction_begins_immediate_and_a_read_begins_deferred(db: Database) -> None:
    statements = sent(db)
    with db.transaction() as session:
        session.execute(select(1))
    assert statements[0] == "BEGIN IMMEDIATE"
    statements.clear()
    with db.reading() as session:
        session.execute(select(1))
    assert statements[0] == "BEGIN"
    statements.clear()
    with db.engine.begin() as connection:  # migrations' way in: a plain BEGIN
        connection.exec_driver_sql("SELECT 1")
    assert statements[0] == "BEGIN"


def test_a_write_after_a_read_waits_for_the_other_writer(db: Database, db_target: str) -> None:
    """A reads, B saves meanwhile, A writes: A must not fail with "database is locked".

    With a deferred BEGIN, A's read snapshot is older than B's commit and its
    write fails at once (SQLITE_BUSY_SNAPSHOT, no busy wait). With BEGIN
    IMMEDIATE, B waits for A's commit instead. On PostgreSQL nobody waits (different rows):
    both are saved all the same.
    """
    other = open_database(db_target)
    a_has_read = threading.Event()
    b_saved = threading.Event()
    errors: list[BaseException] = []

    def writer_b() -> None:
        try:
            a_has_read.wait(5)
            create_organization(other, organization("Written by B"))
            b_saved.set()
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    thread = threading.Thread(target=writer_b)
    thread.start()
    try:
        with db.transaction() as session:
            before = session.scalar(select(func.count()).select_from(Organization))
            a_has_read.set()
            # B either saves now (deferred BEGIN) or blocks on A's lock until A commits.
            b_saved.wait(0.5)
            session.add(Organization(name="Written by A", kind=OrganizationKind.OTHER))
    finally:
        thread.join(10)
        other.close()
    assert not thread.is_alive()
    assert errors == []
    assert before == 0
    with db.reading() as session:
        names = set(session.scalars(select(Organization.name)))
    assert names == {"Written by A", "Written by B"}


@pytest.mark.sqlite_only
def test_a_transaction_waits_for_the_busy_timeout_then_reports_the_lock(
    db_path: Path, migrated_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.write_bytes(migrated_template.read_bytes())
    monkeypatch.setenv("PILOTAGE_BUSY_TIMEOUT_MS", "300")
    database = open_database(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseLockedError, match="locked"), database.transaction() as s:
            s.execute(select(1))
        assert time.monotonic() - started >= 0.25
        with database.reading() as session:  # readers are never kept waiting
            assert session.scalar(select(func.count()).select_from(Organization)) == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        database.close()


def last_entry(db: Database, entity_id: int) -> AuditEntry:
    with db.reading() as session:
        return session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "organization", AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id.desc())
        ).first() or pytest.fail("no audit entry")


def test_a_race_lost_at_flush_names_the_record_who_and_when(db: Database, other_user: str) -> None:
    """Loaded in one session, saved meanwhile in another, flushed: refused by name."""
    create_organization(db, organization("Before"))  # another id, to tell them apart
    org = create_organization(db, organization("Maroc Numeric Cluster"))
    with db.reading() as session:
        mine = session.get(Organization, org.id)
    assert mine is not None
    assert mine.version == 1
    update_organization(db, org.id, org.version, organization("MNC, renamed by Fatima"))
    entry = last_entry(db, org.id)
    assert (entry.who, entry.action) == (other_user, "update")

    def save_my_copy() -> None:
        with db.transaction() as session:
            session.add(mine)  # my copy still says version 1
            mine.notes = "my change"
            session.flush()

    with pytest.raises(ConflictError) as caught:
        save_my_copy()

    conflict = caught.value
    assert (conflict.entity, conflict.entity_id) == ("organization", org.id)
    assert conflict.changed_by == other_user
    assert conflict.changed_at == entry.at.isoformat(timespec="seconds")
    assert str(conflict).startswith(f"organization {org.id} was changed by fatima at ")
    with db.reading() as session:
        kept = session.get(Organization, org.id)
        assert kept is not None
        assert (kept.name, kept.notes, kept.version) == ("MNC, renamed by Fatima", "", 2)


def test_deleting_a_record_deleted_meanwhile_names_it(db: Database, other_user: str) -> None:
    org = create_organization(db, organization("Gone"))
    with db.reading() as session:
        mine = session.get(Organization, org.id)
    delete_organization(db, org.id, org.version)
    entry = last_entry(db, org.id)
    assert entry.action == "delete"

    def delete_my_copy() -> None:
        with db.transaction() as session:
            session.add(mine)
            session.delete(mine)  # flushed at commit

    with pytest.raises(ConflictError) as caught:
        delete_my_copy()

    assert (caught.value.entity, caught.value.entity_id) == ("organization", org.id)
    assert caught.value.changed_by == other_user
    assert caught.value.changed_at == entry.at.isoformat(timespec="seconds")
