"""Opening a database as a document: checked, backed up, migrated, then handed out.

The services receive a `Database` and run each user action inside
`database.transaction()`: one session, one transaction, committed or rolled
back as a whole.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import ColumnElement, Engine, event, inspect, select
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

from pilotage.db import file_lock, migrate
from pilotage.db.base import Versioned
from pilotage.db.engine import (
    WRITE_OPTION,
    create_db_engine,
    database_url,
    display_name,
    sqlite_path,
)
from pilotage.db.errors import DatabaseError, known_error
from pilotage.db.schema import AuditEntry, metadata
from pilotage.domain.errors import ConflictError, Problem, ValidationError
from pilotage.domain.messages import translate

log = logging.getLogger(__name__)

# StaleDataError names the table only in its message.
_STALE_TABLE = re.compile(r"on table '([^']+)'")


@dataclass(frozen=True)
class _Saving:
    """A versioned row a flush updates or deletes, with the version it expects to find."""

    table: str
    id: int
    version: int


class ReadOnlyDatabaseError(DatabaseError):
    """A write asked of a database opened read only."""


def newest_entry(
    session: Session,
    entity: str,
    entity_ids: Iterable[int],
    *where: ColumnElement[bool],
) -> AuditEntry | None:
    """The newest audit entry of any of the records (those `where` keeps, if given)."""
    return session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id.in_(list(entity_ids)), *where)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()


def who_and_when(entry: AuditEntry | None) -> tuple[str | None, str | None]:
    """Who wrote `entry` and when (ISO, to the second), as a ConflictError takes them."""
    if entry is None:
        return None, None
    return entry.who, entry.at.isoformat(timespec="seconds")


def conflict_error(session: Session, entity: str, entity_id: int) -> ConflictError:
    """The refusal of a stale save, naming who last changed the record and when."""
    return ConflictError(
        entity, entity_id, *who_and_when(newest_entry(session, entity, [entity_id]))
    )


def _versioned_in_flush(session: Session) -> list[_Saving]:
    saving = []
    for obj in (*session.dirty, *session.deleted):
        state = inspect(obj)
        # Read without loading: the version as held is the one the UPDATE will expect.
        version = state.dict.get("version")
        if isinstance(obj, Versioned) and state.identity and isinstance(version, int):
            saving.append(_Saving(str(state.mapper.local_table.name), state.identity[0], version))
    return saving


@dataclass
class Database:
    """An open database: its URL, engine and the factory of per-action sessions."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    # Opened to look only (its file held by another instance): transaction() refuses.
    read_only: bool = False
    # This process's hold on the SQLite file (None: read only, or a server).
    lock: file_lock.FileLock | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return display_name(self.url)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def is_server(self) -> bool:
        """A database on a server (PostgreSQL), not a SQLite file (nor SQLite in memory)."""
        return self.url.get_backend_name() != "sqlite"

    @property
    def recent_target(self) -> str | None:
        """What the recent list and the last database remember: the file's path, or a
        server's URL without its password (never written anywhere); None for SQLite in
        memory, which cannot be reopened."""
        path = self.path
        if path is not None:
            return str(path)
        if not self.is_server:
            return None
        from pilotage.db.server import server_target  # server.py builds on this module

        return server_target(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error.

        On SQLite it begins with BEGIN IMMEDIATE: the write lock is taken (or
        waited for) before the first read, so what the action reads stays true
        until it commits.
        """
        if self.read_only:
            # Refused before a session exists: nothing is written, nothing half done.
            raise ReadOnlyDatabaseError(
                translate(
                    "Database", "{name} is open read only: another instance of Pilotage holds it"
                ).format(name=self.name)
            )
        saving: list[_Saving] = []

        def remember(session: Session, _context: object, _instances: object) -> None:
            # Only the last flush can lose a race: the earlier ones were written.
            saving[:] = _versioned_in_flush(session)

        try:
            with self.sessions.begin() as session:
                event.listen(session, "before_flush", remember)
                session.connection(execution_options={WRITE_OPTION: True})
                yield session
        except StaleDataError as exc:
            # Another session saved or deleted the row between our read and our write.
            conflict = self._lost_race(str(exc), saving)
            if conflict is None:
                raise
            raise conflict from exc
        except IntegrityError as exc:
            # A text over its column's length (a CHECK), or a unique key another analyst
            # took meanwhile (db/errors.unique_refusal), names its field.
            known = known_error(exc, self.name)
            if known is not None:
                raise known from exc
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

    def heartbeat(self) -> bool:
        """Tell other instances this one still holds the file (every ~30 s: the
        window's timer); False when the hold was lost (see FileLock.refresh)."""
        return self.lock.refresh() if self.lock is not None else True

    def close(self) -> None:
        self.engine.dispose()
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.release()

    def _lost_race(self, message: str, saving: Sequence[_Saving]) -> ConflictError | None:
        """Which row of the failed flush changed meanwhile, read after the rollback."""
        match = _STALE_TABLE.search(message)
        candidates = [s for s in saving if match is None or s.table == match.group(1)]
        with self.reading() as session:
            for name in dict.fromkeys(s.table for s in candidates):
                table = metadata.tables[name]
                ids = [s.id for s in candidates if s.table == name]
                query = select(table.c.id, table.c.version).where(table.c.id.in_(ids))
                current = dict(session.execute(query).all())
                for stale in candidates:
                    if stale.table == name and current.get(stale.id) != stale.version:
                        return conflict_error(session, name, stale.id)
        return None


def open_database(
    target: str | os.PathLike[str] | URL | None = None,
    *,
    create: bool = False,
    upgrade: bool = True,
    migrations: Path = migrate.MIGRATIONS_DIR,
    read_only: bool = False,
) -> Database:
    """Open (or with `create`, make) a database and bring its schema to head.

    A SQLite file is looked at read-only first: a missing file (unless
    `create`), a foreign file or one from a newer Pilotage is refused before
    anything is written. Before migrating a file that already has a schema, a
    backup copy is written next to it and checked.

    A SQLite file opened to write is held by this process (db/file_lock.py): one
    held by another instance is refused with FileLockHeldError, naming it. With
    `read_only` the file is neither held nor migrated nor created, and SQLite
    itself refuses writes (see `_read_only_url`). A server arbitrates its own
    writers: no lock.
    """
    url = target if isinstance(target, URL) else database_url(target)
    path = sqlite_path(url)
    state = None
    if path is not None:
        state = migrate.check_sqlite_file(
            path, create=create and not read_only, script_location=migrations
        )
        if (read_only or not upgrade) and state.revision != migrate.head_revision(migrations):
            # Refused before an engine touches the file (even the WAL switch writes).
            raise _needs_upgrade(display_name(url), state.revision, migrations)
        if not state.exists:
            path.parent.mkdir(parents=True, exist_ok=True)
    with ExitStack() as undo:
        # Whatever fails below (even an interrupt), the engine is disposed of and the
        # file no longer held; on success pop_all() keeps both.
        lock = file_lock.acquire(path) if path is not None and not read_only else None
        if lock is not None:
            undo.callback(lock.release)
        try:
            engine = create_db_engine(_read_only_url(path) if read_only and path else url)
        except (ImportError, NoSuchModuleError, ArgumentError) as exc:
            raise DatabaseError(f"{display_name(url)} cannot be used: {exc}") from exc
        undo.callback(engine.dispose)
        try:
            _bring_to_head(engine, path, state, upgrade and not read_only, migrations)
        except DBAPIError as exc:
            known = known_error(exc, display_name(url))
            if known is not None:
                raise known from exc
            if path is None and isinstance(exc, OperationalError):
                password = _password_problem(url, exc)
                if password is not None:
                    raise password from exc
                # A server that is down, refuses us or does not know the database.
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
                raise DatabaseError(f"cannot reach {display_name(url)}: {reason}") from exc
            raise
        undo.pop_all()
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(url=url, engine=engine, sessions=sessions, read_only=read_only, lock=lock)


def _password_problem(url: URL, exc: OperationalError) -> DatabaseError | None:
    """A server that asks for a password and got none, or refused the one given: one
    sentence with the way out (libpq's own PGPASSWORD and ~/.pgpass), not libpq's
    "fe_sendauth: no password supplied". None for any other failure."""
    from pilotage.db import server  # server.py builds on this module

    problem = server.classify(str(exc.orig or exc))
    if problem is server.ServerProblem.PASSWORD_NEEDED:
        text = translate(
            "Database",
            "the server asks for the password of {user}: set PGPASSWORD, or put it in "
            "~/.pgpass (pgpass.conf on Windows)",
        )
    elif problem is server.ServerProblem.PASSWORD_REFUSED:
        text = translate(
            "Database",
            "the server refused the password of {user} (or does not know this user): "
            "check the user and the password in the URL, PGPASSWORD or ~/.pgpass "
            "(pgpass.conf on Windows)",
        )
    else:
        return None
    return server.ServerError(problem, url, text.format(user=_libpq_user(url)))


def _libpq_user(url: URL) -> str:
    """The user libpq logs in as: the URL's, else PGUSER, else the system's user."""
    return url.username or os.environ.get("PGUSER") or file_lock.system_user()


def _read_only_url(path: Path) -> URL:
    """The file opened with SQLite's read-only mode (a `file:` URI, `mode=ro`).

    Chosen over `PRAGMA query_only`, which a connection could turn off: here the
    file itself is opened read only, and it works with WAL (SQLite reads the
    holder's `-wal` and `-shm`, creating them if the holder has none yet, so the
    holder's commits are seen). Such a URL has no `sqlite_path`, so the engine
    does not switch the journal mode (a write) on connecting.
    """
    return URL.create(
        "sqlite", database=path.resolve().as_uri(), query={"mode": "ro", "uri": "true"}
    )


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
        raise _needs_upgrade(display_name(engine.url), current, migrations)
    if path is not None and state is not None and current is not None:
        backup = migrate.backup_sqlite(path, migrate.pre_migration_backup_path(path, current))
        log.info("backed up %s to %s before upgrading", path, backup)
    migrate.upgrade(engine, migrations)


def _needs_upgrade(name: str, current: str | None, migrations: Path) -> DatabaseError:
    return DatabaseError(
        f"{name} needs an upgrade of its schema (from {current or 'empty'} to "
        f"{migrate.head_revision(migrations)}); run `pilotage db upgrade`"
    )
