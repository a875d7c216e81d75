"""Known database problems: the user's to fix, told in one sentence, never a crash.

Anything not translated here is a bug and reaches the crash dialog.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError

from pilotage.domain.errors import PilotageError


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


def known_error(exc: BaseException, where: str) -> DatabaseError | None:
    """The known problem behind a driver error, or None when it is a bug."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(original).lower()
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
