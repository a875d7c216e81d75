"""Known database problems: the user's to fix, told in one sentence, never a crash.

Anything not translated here is a bug and reaches the crash dialog.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlalchemy.exc import DBAPIError, IntegrityError

from pilotage.db.base import LENGTH_OF_INFO
from pilotage.domain.errors import PilotageError, Problem, ValidationError
from pilotage.domain.messages import translate

# SQLite names the failed CHECK; PostgreSQL gives it in the error's diagnostics.
_SQLITE_CHECK = re.compile(r"check constraint failed: (\w+)", re.IGNORECASE)
# PostgreSQL's own refusal of a VARCHAR(n) overflow names the type, not the column.
_PG_TOO_LONG = re.compile(r"value too long for type character varying\((\d+)\)")
_WRITTEN_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)
# Positional (SQLite) statements: the columns in the order of their "?".
_INSERT_COLUMNS = re.compile(r"^\s*INSERT\s+INTO\s+\S+\s*\(([^)]*)\)", re.IGNORECASE)
_ASSIGNED = re.compile(r'(?:"?\w+"?\.)?"?(\w+)"?\s*(?:=|<=|>=|<|>|!=)\s*\?')
# SQLite names a failed unique constraint by its columns: "pillar.program_id, pillar.code".
_SQLITE_UNIQUE = re.compile(r"unique constraint failed: ([\w.]+(?:\s*,\s*[\w.]+)*)", re.IGNORECASE)
# PostgreSQL's SQLSTATE of a unique violation (psycopg's errors.UniqueViolation).
_PG_UNIQUE_VIOLATION = "23505"


class DatabaseError(PilotageError):
    """A database cannot be used as asked; the message says why."""


class DatabaseMissingError(DatabaseError):
    pass


class NotADatabaseError(DatabaseError):
    pass


class DatabaseTooNewError(DatabaseError):
    pass


class DatabaseLockedError(DatabaseError):
    pass


class DiskFullError(DatabaseError):
    pass


class BackupError(DatabaseError):
    pass


def known_error(exc: BaseException, where: str) -> PilotageError | None:
    """The known problem behind a driver error, or None when it is a bug."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(original).lower()
    if isinstance(exc, DBAPIError):
        too_long = length_refusal(exc)
        if too_long is not None:
            return too_long
    if isinstance(exc, IntegrityError):
        taken = unique_refusal(exc)
        if taken is not None:
            return taken
    if isinstance(original, sqlite3.OperationalError | sqlite3.DatabaseError):
        if "locked" in text or "busy" in text:
            return DatabaseLockedError(
                f"{where} is in use by another program (the database is locked); "
                "close it there or try again"
            )
        if "disk is full" in text or "database or disk is full" in text:
            return DiskFullError(f"the disk holding {where} is full")
        if "not a database" in text or "malformed" in text:
            return NotADatabaseError(f"{where} is not a Pilotage database (or it is damaged)")
        if "unable to open" in text or "readonly" in text or "read-only" in text:
            return DatabaseError(f"{where} cannot be opened for writing: {original}")
    return None


@cache
def _length_checks() -> dict[str, tuple[str, str, int]]:
    """Each length CHECK's name -> (table, column, most characters), from the models
    (db/base.py's naming convention: ck_<table>_<column>_length)."""
    from pilotage.db.schema import metadata  # the models import this module's neighbours

    checks = {}
    for table in metadata.tables.values():
        for constraint in table.constraints:
            bound = constraint.info.get(LENGTH_OF_INFO)
            if isinstance(constraint, CheckConstraint) and bound is not None:
                column, limit = bound
                checks[str(constraint.name)] = (table.name, column, limit)
    return checks


def length_refusal(exc: DBAPIError) -> ValidationError | None:
    """A text longer than its column, as refused by either engine, naming the field.

    SQLite fails the column's length CHECK (db/base.add_length_checks); PostgreSQL
    fails it too for a TEXT column, and refuses a VARCHAR(n) overflow itself
    (string data right truncation) before any CHECK, naming only the type: the
    column is then the one of the written table whose value is too long.
    """
    original = exc.orig
    checks = _length_checks()
    found: tuple[str, str, int] | None = None
    name = getattr(getattr(original, "diag", None), "constraint_name", None)
    if name is None and isinstance(original, sqlite3.IntegrityError):
        match = _SQLITE_CHECK.search(str(original))
        name = match.group(1) if match else None
    if name is not None:
        found = checks.get(name)
    else:
        too_long = _PG_TOO_LONG.search(str(original))
        if too_long is None:
            return None
        found = _overlong_column(exc, int(too_long.group(1)), checks)
        if found is None:
            return _refused("", int(too_long.group(1)), None)
    if found is None:
        return None
    _table, column, limit = found
    return _refused(column, limit, _longest_written(exc, column, limit))


@cache
def _unique_constraints() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each unique constraint's name -> (table, columns), from the models (db/base.py's
    naming convention: uq_<table>_<columns>)."""
    from pilotage.db.schema import metadata

    return {
        str(constraint.name): (table.name, tuple(c.name for c in constraint.columns))
        for table in metadata.tables.values()
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint) and constraint.name
    }


def unique_refusal(exc: IntegrityError) -> ValidationError | None:
    """A unique key another analyst took between the service's check and this write.

    The services check every unique key before writing; on PostgreSQL another
    transaction may commit the same key after that check, and the constraint
    refuses the insert (SQLite's write lock makes the check see it). The problem
    names the field: the key's last column that is not a reference to another
    record (a pillar's code, not its program), with the value written when the
    statement's parameters say it. None when the error is no unique violation.
    """
    original = exc.orig
    constraints = _unique_constraints()
    found: tuple[str, tuple[str, ...]] | None = None
    if getattr(original, "sqlstate", None) == _PG_UNIQUE_VIOLATION:
        name = getattr(getattr(original, "diag", None), "constraint_name", None)
        found = constraints.get(name) if isinstance(name, str) else None
        if found is None:
            return _taken("", None)
    elif isinstance(original, sqlite3.IntegrityError):
        match = _SQLITE_UNIQUE.search(str(original))
        if match is None:
            return None
        named = [part.strip().split(".") for part in match.group(1).split(",")]
        columns = tuple(part[-1] for part in named)
        table = named[0][0] if len(named[0]) == 2 else ""
        found = (table, columns)
    else:
        return None
    table, columns = found
    field = _key_field(table, columns)
    values = {str(v) for v in _written(exc, field) if v is not None}
    return _taken(field, values.pop() if len(values) == 1 else None)


def _key_field(table: str, columns: Sequence[str]) -> str:
    from pilotage.db.schema import metadata

    known = metadata.tables.get(table)
    own = [c for c in columns if known is None or c not in known.c or not known.c[c].foreign_keys]
    return (own or list(columns))[-1]


def _taken(field: str, value: str | None) -> ValidationError:
    if value is None:
        text = translate("Database", "already used: another analyst created it meanwhile")
    else:
        text = translate(
            "Database", "“{value}” is already used: another analyst created it meanwhile"
        ).format(value=value)
    return ValidationError([Problem(field, text)])


def _refused(field: str, limit: int, length: int | None) -> ValidationError:
    if length is None:
        text = translate(
            "Database", "at most {limit} characters (the database refused a longer text)"
        )
    else:
        text = translate("Database", "at most {limit} characters (the database refused {length})")
    return ValidationError([Problem(field, text.format(limit=limit, length=length))])


def _overlong_column(
    exc: DBAPIError, limit: int, checks: Mapping[str, tuple[str, str, int]]
) -> tuple[str, str, int] | None:
    match = _WRITTEN_TABLE.match(exc.statement or "")
    if match is None:
        return None
    for table, column, bound in checks.values():
        if table == match.group(1) and bound == limit and _longest_written(exc, column, limit):
            return table, column, bound
    return None


def _longest_written(exc: DBAPIError, column: str, limit: int) -> int | None:
    """The length of the longest text over `limit` the failed statement wrote in `column`."""
    lengths = [len(v) for v in _written(exc, column) if isinstance(v, str) and len(v) > limit]
    return max(lengths, default=None)


def _written(exc: DBAPIError, column: str) -> list[Any]:
    """Every value the failed statement wrote in `column` (none when it cannot be told)."""
    params: Any = exc.params
    rows: Sequence[Any]
    if isinstance(params, Mapping) or (isinstance(params, Sequence) and not _is_many(params)):
        rows = [params]
    elif isinstance(params, Sequence):
        rows = params  # executemany: one set of values per row
    else:
        return []
    # Multi-row VALUES (insertmanyvalues) number their parameters: name__0, name__1…
    keyed = re.compile(rf"{re.escape(column)}(?:__\d+)?")
    positions = _positions(exc.statement or "", column)
    written: list[Any] = []
    for row in rows:
        if isinstance(row, Mapping):
            written += [v for k, v in row.items() if isinstance(k, str) and keyed.fullmatch(k)]
        elif isinstance(row, Sequence) and not isinstance(row, str):
            written += [row[i] for i in positions if i < len(row)]
    return written


def _is_many(params: Sequence[Any]) -> bool:
    """Whether positional parameters hold several rows (executemany) or one."""
    return bool(params) and all(
        isinstance(row, Mapping) or (isinstance(row, Sequence) and not isinstance(row, str))
        for row in params
    )


def _positions(statement: str, column: str) -> list[int]:
    """Where `column`'s values sit among a positional statement's parameters."""
    insert = _INSERT_COLUMNS.match(statement)
    if insert is not None and "?" in statement:
        names = [n.strip().strip('"') for n in insert.group(1).split(",")]
        per_row = len(names)
        count = statement.count("?")
        # Multi-row VALUES repeat the column list once per row.
        return [i for i in range(count) if per_row and names[i % per_row] == column]
    return [i for i, name in enumerate(_ASSIGNED.findall(statement)) if name == column]
