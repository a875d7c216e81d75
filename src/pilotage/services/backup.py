"""Saving a backup copy of the open database (SQLite's online backup)."""

from __future__ import annotations

from pathlib import Path

from pilotage.db.database import Database
from pilotage.db.errors import DatabaseError
from pilotage.db.migrate import backup_sqlite


def backup_copy(db: Database, destination: Path) -> Path:
    """Write a consistent copy of `db` to `destination` (a new file), safe while in use.

    A server database is refused: its own tools back it up.
    """
    source = db.path
    if source is None:
        raise DatabaseError(f"{db.name} is a server database: back it up with the server's tools")
    return backup_sqlite(source, destination.expanduser().resolve())
