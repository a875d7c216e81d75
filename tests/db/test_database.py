"""Opening, refusing and upgrading databases; SQLite connections set up right."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pilotage.db import migrate
from pilotage.db.database import Database, open_database
from pilotage.db.errors import DatabaseMissingError, DatabaseTooNewError, NotADatabaseError
from pilotage.db.schema import metadata


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_a_new_file_is_migrated_to_head(db_path: Path) -> None:
    database = open_database(db_path, create=True)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
        assert {"contract_program", "kpi", "measurement", "audit_entry"} <= migrate.schema_tables(
            database.engine
        )
    finally:
        database.close()


def test_head_schema_equals_the_orm_metadata(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


@pytest.mark.sqlite_only
def test_foreign_keys_are_on_for_every_pooled_connection(db: Database) -> None:
    connections = [db.engine.connect() for _ in range(4)]
    try:
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        for connection in connections:
            connection.close()


@pytest.mark.sqlite_only
def test_a_local_file_uses_the_wal_journal(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_foreign_key_violation_is_refused(db: Database) -> None:
    # SQLite: "FOREIGN KEY constraint failed"; PostgreSQL: "violates foreign key constraint".
    with pytest.raises(Exception, match=r"(?i)foreign key"), db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO pillar (program_id, position, code, title, objective, version)"
                " VALUES (999, 1, 'P1', 'x', '', 1)"
            )
        )


def test_a_rolled_back_savepoint_leaves_nothing_behind(db: Database) -> None:
    insert = text(
        "INSERT INTO organization (name, kind, website, notes, version)"
        " VALUES (:name, 'other', '', '', 1)"
    )
    with db.engine.connect() as connection:
        with connection.begin():
            connection.execute(insert, {"name": "kept"})
            savepoint = connection.begin_nested()
            connection.execute(insert, {"name": "dropped"})
            savepoint.rollback()
        names = connection.execute(text("SELECT name FROM organization")).scalars().all()
    assert names == ["kept"]


def test_an_outer_rollback_undoes_ddl_too(db: Database) -> None:
    """BEGIN is really emitted: DDL inside a rolled-back transaction vanishes."""
    with db.engine.connect() as connection:
        transaction = connection.begin()
        connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        transaction.rollback()
    assert "scratch" not in migrate.schema_tables(db.engine)


@pytest.mark.sqlite_only
def test_a_missing_file_is_refused_unless_created(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissingError, match="no database at"):
        open_database(tmp_path / "absent.sqlite")
    assert not (tmp_path / "absent.sqlite").exists()


@pytest.mark.sqlite_only
def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("hello, this is not a database\n", encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a Pilotage database"):
        open_database(path)
    assert digest(path) == before


@pytest.mark.sqlite_only
def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a Pilotage database"):
        open_database(path)
    assert digest(path) == before


def test_a_database_from_a_newer_version_is_refused(db: Database, db_target: str) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.close()
    with pytest.raises(DatabaseTooNewError, match="newer version of Pilotage"):
        open_database(db_target)


@pytest.mark.sqlite_only
def test_a_database_from_a_newer_version_is_refused_untouched(db: Database, db_path: Path) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.close()  # the last connection to close folds the WAL into the file
    assert not db_path.with_name(db_path.name + "-wal").exists()
    before = digest(db_path)
    with pytest.raises(DatabaseTooNewError, match="newer version of Pilotage"):
        open_database(db_path)
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.before-upgrade-*"))


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_entry SET who = 'someone else'", "DELETE FROM audit_entry"]
)
def test_the_audit_log_cannot_be_changed(db: Database, statement: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_entry (at, who, entity, entity_id, action, changes, reason)"
                " VALUES ('2024-01-01 00:00:00', 'analyst', 'kpi', 1, 'create', '{}', '')"
            )
        )
    with pytest.raises(Exception, match="audit log cannot be changed"), db.engine.begin() as c:
        c.execute(text(statement))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT who FROM audit_entry")).scalar() == "analyst"
