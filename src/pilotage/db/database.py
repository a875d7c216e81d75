"""Opening a database as a document: checked, backed up, migrated, then handed out.

The services receive a `Database` and run each user action inside
`database.transaction()`: one session, one transaction, committed or rolled
back as a whole.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from pilotage.db import migrate
from pilotage.db.engine import create_db_engine, database_url, display_name, sqlite_path
from pilotage.db.errors import DatabaseError, known_error
from pilotage.domain.errors import ConflictError, Problem, ValidationError

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open database: its URL, engine and the factory of per-action sessions."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def name(self) -> str:
        return display_name(self.url)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error."""
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            # Another session saved the row between our read and our write.
            raise ConflictError("record", 0, None, None) from exc
        except IntegrityError as exc:
            # The services check first; this is a race they could not see.
            raise ValidationError(
                [Problem("", f"the database refused the change ({exc.orig})")]
            ) from exc
        except DBAPIError as exc:
            known = known_error(exc, self.name)
            if known is not None:
                raise known from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look: closing the session rolls its transaction back.

        Objects read stay usable after it (closed, not expired), though
        services still hand out plain rows only.
        """
        session = self.sessions()
        try:
            yield session
        except DBAPIError as exc:
            known = known_error(exc, self.name)
            if known is not None:
                raise known from exc
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    target: str | os.PathLike[str] | URL | None = None,
    *,
    create: bool = False,
    upgrade: bool = True,
    migrations: Path = migrate.MIGRATIONS_DIR,
) -> Database:
    """Open (or with `create`, make) a database and bring its schema to head.

    A SQLite file is looked at read-only first: a missing file (unless
    `create`), a foreign file or one from a newer Pilotage is refused before
    anything is written. Before migrating a file that already has a schema, a
    backup copy is written next to it and checked.
    """
    url = target if isinstance(target, URL) else database_url(target)
    path = sqlite_path(url)
    state = None
    if path is not None:
        state = migrate.check_sqlite_file(path, create=create, script_location=migrations)
        if not state.exists:
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_db_engine(url)
    except (ImportError, NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(f"{display_name(url)} cannot be used: {exc}") from exc
    try:
        _bring_to_head(engine, path, state, upgrade, migrations)
    except DBAPIError as exc:
        engine.dispose()
        known = known_error(exc, display_name(url))
        if known is not None:
            raise known from exc
        if path is None and isinstance(exc, OperationalError):
            # A server that is down, refuses us or does not know the database.
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise DatabaseError(f"cannot reach {display_name(url)}: {reason}") from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def _bring_to_head(
    engine: Engine,
    path: Path | None,
    state: migrate.FileState | None,
    upgrade: bool,
    migrations: Path,
) -> None:
    current = migrate.current_revision(engine)
    head = migrate.head_revision(migrations)
    if current == head:
        return
    migrate.check_revision_known(current, display_name(engine.url), migrations)
    if not upgrade:
        raise DatabaseError(
            f"{display_name(engine.url)} needs an upgrade of its schema "
            f"(from {current or 'empty'} to {head}); run `pilotage db upgrade`"
        )
    if path is not None and state is not None and current is not None:
        backup = migrate.backup_sqlite(path, migrate.pre_migration_backup_path(path, current))
        log.info("backed up %s to %s before upgrading", path, backup)
    migrate.upgrade(engine, migrations)
