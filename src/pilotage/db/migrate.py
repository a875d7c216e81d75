"""Schema revisions: where a database stands, backing it up and bringing it to head.

Every step that only looks is read-only, so that a database this version does
not know (written by a newer Pilotage) is refused with its bytes unchanged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from pilotage.db.errors import (
    BackupError,
    DatabaseMissingError,
    DatabaseTooNewError,
    NotADatabaseError,
)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def script_directory(script_location: Path = MIGRATIONS_DIR) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    head = script_directory(script_location).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise RuntimeError("no migration revision found")
    return head


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> set[str]:
    return {script.revision for script in script_directory(script_location).walk_revisions()}


@dataclass(frozen=True)
class FileState:
    """What a SQLite file holds, as far as a read-only look can tell."""

    exists: bool
    empty: bool
    revision: str | None
    has_tables: bool


def inspect_sqlite_file(path: Path) -> FileState:
    """Look at a SQLite file without writing to it (no WAL switch, no migration)."""
    if not path.exists():
        return FileState(exists=False, empty=True, revision=None, has_tables=False)
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file")
    if path.stat().st_size == 0:
        return FileState(exists=True, empty=True, revision=None, has_tables=False)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotADatabaseError(f"{path} is not a Pilotage database (not a SQLite file)")
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotADatabaseError(f"{path} cannot be read: {exc}") from exc
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(f"{path} is not a Pilotage database ({exc})") from exc
    finally:
        connection.close()
    return FileState(exists=True, empty=False, revision=revision, has_tables=bool(tables))


def check_revision_known(
    revision: str | None, where: str, script_location: Path = MIGRATIONS_DIR
) -> None:
    if revision is not None and revision not in known_revisions(script_location):
        raise DatabaseTooNewError(
            f"{where} was written by a newer version of Pilotage (schema {revision}); "
            "install that version to open it. The file was left untouched."
        )


def check_sqlite_file(
    path: Path, *, create: bool, script_location: Path = MIGRATIONS_DIR
) -> FileState:
    """Refuse, before any write, a file that is missing, foreign or too new."""
    state = inspect_sqlite_file(path)
    if not state.exists and not create:
        raise DatabaseMissingError(f"there is no database at {path}")
    if state.has_tables and state.revision is None:
        raise NotADatabaseError(f"{path} is a SQLite file but not a Pilotage database")
    check_revision_known(state.revision, str(path), script_location)
    return state


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a live database with SQLite's online backup, then prove the copy opens."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name")
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(destination)
            try:
                src.backup(dst)
                # The copy is one file, read without the -wal and -shm files a WAL
                # database has beside it (WAL comes back when Pilotage opens it).
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        check = sqlite3.connect(f"{destination.as_uri()}?mode=ro", uri=True)
        try:
            verdict = check.execute("PRAGMA quick_check").fetchone()
        finally:
            check.close()
    except sqlite3.Error as exc:
        raise BackupError(f"the backup copy {destination} could not be written: {exc}") from exc
    if not verdict or verdict[0] != "ok":
        raise BackupError(f"the backup copy {destination} does not open cleanly: {verdict}")
    return destination


def pre_migration_backup_path(path: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return path.with_name(f"{path.stem}.before-upgrade-from-{revision}-{stamp}{path.suffix}")


@contextmanager
def _migrating(engine: Engine, script_location: Path) -> Iterator[tuple[Connection, Config]]:
    """One connection and one transaction for Alembic: all of a migration or none of it."""
    config = alembic_config(script_location)
    is_sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw: Any = connection.connection.driver_connection
        if is_sqlite:
            # Batch mode rebuilds tables; with foreign keys on, dropping the old
            # copy would cascade. The pragma only takes effect outside a transaction.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                yield connection, config
        finally:
            if is_sqlite:
                raw.execute("PRAGMA foreign_keys=ON")


def upgrade(engine: Engine, script_location: Path = MIGRATIONS_DIR) -> None:
    """Bring the schema to head in one transaction: all of it or none of it."""
    with _migrating(engine, script_location) as (connection, config):
        command.upgrade(config, "head")
        if engine.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")


def downgrade(engine: Engine, revision: str, script_location: Path = MIGRATIONS_DIR) -> None:
    """Take the schema back to `revision` in one transaction (tests of the migrations)."""
    with _migrating(engine, script_location) as (_connection, config):
        command.downgrade(config, revision)


def schema_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
