"""The test run's databases on a PostgreSQL server (PILOTAGE_TEST_DATABASE_URL).

Not a test module (no test_ prefix): tests/conftest.py builds its fixtures on it.

Each test gets a database of its own, cloned by the server from a template database
(CREATE DATABASE ... TEMPLATE ...), as the SQLite run copies a template file: the
migrations and the demo run once per run, not once per test. Every database this run
creates is named after the run (`pilotage_t<pid>_...`) and dropped at its end; a clone is
dropped WITH (FORCE), which ends the connections a test left open.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from pilotage.db.database import Database
from pilotage.db.engine import create_db_engine
from pilotage.db.server import server_target, short_name

# The URL of a database on the server the tests may use, its role allowed to CREATEDB.
DATABASE_URL_VARIABLE = "PILOTAGE_TEST_DATABASE_URL"
# SQLite files copied per test; FILE_COPY copies the template's files as they are, which
# for these small databases is faster than WAL_LOG's page by page copy through the WAL.
_STRATEGY = "STRATEGY FILE_COPY"
_DROP_ATTEMPTS = 50
_RUN_NAME = re.compile(r"pilotage_t(\d+)_\w+")
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", None})


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def server_url() -> URL | None:
    """The server the run uses, None for a run on SQLite files."""
    text_url = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    return make_url(text_url) if text_url else None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Server:
    """The test run's connection to the server, to create and drop databases."""

    url: URL
    admin: Engine
    prefix: str = field(default_factory=lambda: f"pilotage_t{os.getpid()}")
    _numbers: itertools.count[int] = field(default_factory=itertools.count)
    _made: list[str] = field(default_factory=list)

    @classmethod
    def connect(cls, url: URL) -> Server:
        # Autocommit: CREATE and DROP DATABASE cannot run inside a transaction.
        admin = create_db_engine(url, isolation_level="AUTOCOMMIT")
        server = cls(url=url, admin=admin)
        server.drop_left_behind()
        return server

    def drop_left_behind(self) -> None:
        """Drops what runs killed before their end left on a server on this machine (their
        process is gone); never on another machine's server, whose runs cannot be seen."""
        if self.url.host not in _LOOPBACK:
            return
        with self.admin.connect() as connection:
            names = connection.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE 'pilotage\\_t%'")
            ).scalars()
            found = [(name, _RUN_NAME.fullmatch(name)) for name in names]
        for name, match in found:
            if match is not None and not _running(int(match.group(1))):
                self.drop(name)

    def new_name(self, what: str) -> str:
        return f"{self.prefix}_{what}{next(self._numbers)}"

    def url_of(self, name: str) -> URL:
        return self.url.set(database=name)

    def create(self, name: str, template: str | None = None) -> URL:
        """An empty database, or a copy of `template` (to which nobody may be connected)."""
        source = f"TEMPLATE {_quoted(template)} {_STRATEGY}" if template else "TEMPLATE template0"
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {_quoted(name)} {source}"))
        self._made.append(name)
        return self.url_of(name)

    def drop(self, name: str) -> None:
        """Drop a database of this run, ending any connection still open on it.

        A connection still starting (a worker's, as the test ends) has no role yet, which
        a role that is not a superuser may not end: tried again a moment later."""
        statement = text(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)")
        for attempt in itertools.count(1):
            try:
                with self.admin.connect() as connection:
                    connection.execute(statement)
                break
            except DBAPIError:
                if attempt == _DROP_ATTEMPTS:
                    raise
                time.sleep(0.1)
        if name in self._made:
            self._made.remove(name)

    def close(self) -> None:
        """Drop whatever this run made and is still there (clones first, templates last)."""
        for name in reversed(list(self._made)):
            self.drop(name)
        self.admin.dispose()


def target_of(database: Database) -> str:
    """What the settings remember of `database`: its file, or its URL without a password."""
    path = database.path
    return str(path) if path is not None else server_target(database.url)


def title_of(database: Database) -> str:
    """What the window's title calls `database`: its file's name, or database@host."""
    path = database.path
    return path.name if path is not None else short_name(database.url)
