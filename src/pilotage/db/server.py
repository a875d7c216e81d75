"""Connecting to a PostgreSQL server as an analyst: the URL from what was typed, and
each reason a connection fails told apart so the window can say it in one sentence.

A server database is never migrated by an analyst's window: whoever runs the
server prepares it once with `pilotage db upgrade --db URL`, so that a newer
Pilotage on one desk cannot change the schema under the others.

The password never leaves memory: the URL remembered (recent list, last
database) is built without it, and libpq's own ~/.pgpass and PGPASSWORD still
work when it is left out. A password typed is kept for the session only
(`remember_password`), so that a server reopened is not asked for it again.
"""

from __future__ import annotations

import enum
import re

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from pilotage.db import migrate
from pilotage.db.database import Database, open_database
from pilotage.db.engine import create_db_engine
from pilotage.db.errors import DatabaseError

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
# Seconds before an unreachable host is given up (libpq's connect_timeout).
CONNECT_TIMEOUT_S = 10


class ServerProblem(enum.Enum):
    UNREACHABLE = "unreachable"  # no server answers at host:port
    PASSWORD_NEEDED = "password needed"  # the server asks for one and none was given
    PASSWORD_REFUSED = "password refused"  # wrong password (or unknown user, libpq says the same)
    NO_DATABASE = "no database"  # the server has no database of that name
    NOT_PREPARED = "not prepared"  # empty, or an older schema: `pilotage db upgrade`
    TOO_NEW = "too new"  # written by a newer Pilotage
    NO_DRIVER = "no driver"  # psycopg is not installed
    OTHER = "other"


PASSWORD_PROBLEMS = frozenset({ServerProblem.PASSWORD_NEEDED, ServerProblem.PASSWORD_REFUSED})


class ServerError(DatabaseError):
    """A server connection that failed, with why (`problem`) and where (`url`, no password)."""

    def __init__(self, problem: ServerProblem, url: URL, detail: str) -> None:
        self.problem = problem
        self.url = without_password(url)
        self.detail = detail
        super().__init__(f"cannot use {server_target(url)}: {detail}")


def server_url(host: str, port: int, database: str, user: str, password: str | None = None) -> URL:
    """The URL of a database on a server; blank parts are left to libpq's defaults."""
    return URL.create(
        DRIVER,
        username=user.strip() or None,
        password=password or None,
        host=host.strip() or None,
        port=port if port != DEFAULT_PORT else None,
        database=database.strip() or None,
    )


def without_password(url: URL) -> URL:
    # Not url.set(password=None): set() takes None as "leave it as it is".
    return url._replace(password=None)


def server_target(url: URL) -> str:
    """The URL as text, built without its password: what the recent list may hold.

    Not `render_as_string(hide_password=True)`: that keeps a "***" placeholder,
    which would then be sent as the password."""
    return without_password(url).render_as_string(hide_password=False)


# Passwords typed this session, by the URL without its password. Never written anywhere.
# Read and written from the GUI thread and from workers (start-up opens off it): a
# dict's get and set are atomic.
_PASSWORDS: dict[str, str] = {}


def remember_password(url: URL) -> None:
    """Keep the password of `url` for this session (nothing kept if it has none)."""
    if url.password:
        _PASSWORDS[server_target(url)] = str(url.password)


def with_known_password(url: URL) -> URL:
    """`url` with the password typed earlier this session, if any."""
    password = _PASSWORDS.get(server_target(url))
    return url.set(password=password) if password else url


def forget_passwords() -> None:
    _PASSWORDS.clear()


def is_server_target(target: str) -> bool:
    return target.startswith("postgresql")  # postgresql://, postgresql+psycopg://


def parse_server_target(target: str) -> URL | None:
    """The URL of a server target, None when it is not one (or not a URL at all)."""
    if not is_server_target(target):
        return None
    try:
        return make_url(target)
    except ArgumentError:
        return None


def short_name(url: URL) -> str:
    """What the window's title calls a server database: database@host."""
    return f"{url.database or url.username or ''}@{url.host or 'localhost'}"


_UNREACHABLE = re.compile(
    r"connection refused|could not connect|could not translate host|timeout expired|"
    r"no route to host|network is unreachable|name or service not known|"
    r"server closed the connection|no such file or directory",
)


def classify(text: str) -> ServerProblem:
    """Which problem libpq's message names (its wording is stable across versions)."""
    lowered = text.lower()
    if "no password supplied" in lowered:
        return ServerProblem.PASSWORD_NEEDED
    if "password authentication failed" in lowered or (
        "role" in lowered and "does not exist" in lowered
    ):
        return ServerProblem.PASSWORD_REFUSED
    if "database" in lowered and "does not exist" in lowered:
        return ServerProblem.NO_DATABASE
    if _UNREACHABLE.search(lowered):
        return ServerProblem.UNREACHABLE
    return ServerProblem.OTHER


def _first_line(exc: BaseException) -> str:
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = str(original).strip().splitlines()
    return lines[-1].strip() if lines and "FATAL" in lines[-1] else (lines[0] if lines else "")


def connect_server(url: URL) -> Database:
    """The database at `url`, checked to hold the current schema; `ServerError` if not.

    A first connection (with a timeout) reads the schema's revision and tells the
    reasons apart; the database is then opened without migrating it.
    """
    try:
        probe = create_db_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    except (ImportError, NoSuchModuleError) as exc:
        raise ServerError(ServerProblem.NO_DRIVER, url, str(exc)) from exc
    try:
        current = migrate.current_revision(probe)
    except DBAPIError as exc:
        detail = _first_line(exc)
        raise ServerError(classify(str(exc.orig or exc)), url, detail) from exc
    finally:
        probe.dispose()
    head = migrate.head_revision()
    if current is None:
        raise ServerError(ServerProblem.NOT_PREPARED, url, "the database holds no Pilotage schema")
    if current not in migrate.known_revisions():
        raise ServerError(ServerProblem.TOO_NEW, url, f"schema {current} is from a newer Pilotage")
    if current != head:
        raise ServerError(ServerProblem.NOT_PREPARED, url, f"schema {current} is older than {head}")
    return open_database(url, upgrade=False)
