"""Engines for SQLite files and PostgreSQL servers, set up so transactions are real.

Python's sqlite3 driver neither emits BEGIN before DDL nor before SAVEPOINT,
so the driver's own transaction handling is switched off and SQLAlchemy's
"begin" event emits BEGIN itself (the recipe of SQLAlchemy's SQLite notes).

A connection carrying the WRITE_OPTION execution option begins with BEGIN
IMMEDIATE: it takes the write lock up front, waiting up to the busy timeout.
A deferred BEGIN that reads and then writes after another connection has
committed fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT),
which the busy timeout cannot help.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.pool import ConnectionPoolEntry

APP_NAME = "pilotage"
DEFAULT_FILE_NAME = "pilotage.sqlite"
BUSY_TIMEOUT_MS = 5000
# Tests shorten the wait for a lock held by another program.
BUSY_TIMEOUT_VARIABLE = "PILOTAGE_BUSY_TIMEOUT_MS"
# Execution option of a connection about to write (Database.transaction sets it).
WRITE_OPTION = "pilotage_write"

# File systems on which SQLite's WAL (shared memory) is unsafe.
_NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs"}
)


def default_database_path() -> Path:
    """`pilotage.sqlite` in the user's data folder (created on demand)."""
    return user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILE_NAME


def database_url(target: str | os.PathLike[str] | None) -> URL:
    """A SQLAlchemy URL from what the user typed: nothing, a file path or a URL."""
    if target is None:
        return URL.create("sqlite", database=str(default_database_path()))
    text = os.fspath(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, None for a server or an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)


def display_name(url: URL) -> str:
    """What to call the database in a message: its file, or the URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)


def is_local_disk(path: Path) -> bool:
    """False when the file sits on a network file system (Linux /proc/mounts)."""
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return True
    target = str(path.resolve().parent)
    best, best_type = "", ""
    for line in mounts.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point, fs_type = parts[1], parts[2]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, fs_type
    return best_type not in _NETWORK_FILE_SYSTEMS


class ForeignKeysOffError(RuntimeError):
    """A pooled SQLite connection came up without foreign keys: a bug, never ignored."""


def busy_timeout_ms() -> int:
    text = os.environ.get(BUSY_TIMEOUT_VARIABLE, "")
    return int(text) if text.isdigit() else BUSY_TIMEOUT_MS


def _set_up_sqlite(engine: Engine, wal: bool, timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Autocommit at the driver level; SQLAlchemy's "begin" below opens transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={timeout_ms}")
            cursor.execute("PRAGMA synchronous=FULL")
            if wal:
                cursor.execute("PRAGMA journal_mode=WAL")
            enabled = cursor.execute("PRAGMA foreign_keys").fetchone()
        finally:
            cursor.close()
        if not enabled or enabled[0] != 1:
            raise ForeignKeysOffError("SQLite refused to enable foreign keys")

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # The options are already on the connection: a Session applies them before begin().
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_db_engine(url: URL, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite files get foreign keys, WAL, FULL sync and a busy timeout."""
    path = sqlite_path(url)
    if url.get_backend_name() == "sqlite":
        timeout_ms = busy_timeout_ms()
        connect_args = {"timeout": timeout_ms / 1000, "check_same_thread": False}
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        _set_up_sqlite(engine, wal=path is not None and is_local_disk(path), timeout_ms=timeout_ms)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)
