"""The latest change written to the database, so that a window can tell whether
someone else has changed something since it last read.

Every writing transaction bumps the change counter just before it commits
(services/audit.py), and the counter's row lock makes writers bump it in commit
order: a window that has read everything up to count N and finds a larger one has
something to refresh. Audit ids would not do: on PostgreSQL they are handed out at
insert, so a slow change can commit with an id below one already seen. The newest
audit entry only says who changed something and when. The check is one statement,
on one row and the audit log's primary key, cheap enough to run every few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, true

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry, ChangeCounter


@dataclass(frozen=True)
class ChangeMark:
    """The committed changes counted so far (0 for none), and who wrote the newest
    audit entry and when."""

    count: int
    who: str = ""
    at: datetime | None = None

    def is_newer_than(self, other: ChangeMark | None) -> bool:
        return other is None or self.count > other.count


NOTHING = ChangeMark(0)


def latest_change(db: Database) -> ChangeMark:
    """The counter and the newest audit entry: one statement, one snapshot."""
    newest = (
        select(AuditEntry.who, AuditEntry.at).order_by(AuditEntry.id.desc()).limit(1).subquery()
    )
    with db.reading() as session:
        row = session.execute(
            select(ChangeCounter.value, newest.c.who, newest.c.at)
            .outerjoin(newest, true())
            .where(ChangeCounter.id == 1)
        ).first()
    if row is None:
        return NOTHING
    return ChangeMark(row.value, row.who or "", row.at)
