"""The latest change written to the database, so that a window can tell whether
someone else has changed something since it last read.

Every change goes through the audit log in the change's own transaction, so the
newest audit entry marks "the database as it is now": a window that has read
everything up to entry N and finds a newer one has something to refresh. The
check is one statement on the audit log's primary key, cheap enough to run every
few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry


@dataclass(frozen=True)
class ChangeMark:
    """The newest audit entry: its id (0 for an empty log), who wrote it and when."""

    id: int
    who: str = ""
    at: datetime | None = None

    def is_newer_than(self, other: ChangeMark | None) -> bool:
        return other is None or self.id > other.id


NOTHING = ChangeMark(0)


def latest_change(db: Database) -> ChangeMark:
    """The newest audit entry: one statement, read backwards on the primary key."""
    with db.reading() as session:
        row = session.execute(
            select(AuditEntry.id, AuditEntry.who, AuditEntry.at)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).first()
    if row is None:
        return NOTHING
    return ChangeMark(row.id, row.who, row.at)
