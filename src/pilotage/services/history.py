"""The audit log of one record, for its "History" panel: who changed what, and when."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry
from pilotage.domain.enums import AuditAction

Change = tuple[str | None, str | None]
"""(old, new), both as the audit log rendered them; None where there was no value."""


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    who: str
    action: AuditAction
    reason: str
    changes: dict[str, Change] = field(default_factory=dict)  # by field name


def record_history(db: Database, entity: str, entity_id: int) -> list[HistoryEntry]:
    """Every audit entry of one record (entity as in the log: "kpi", "pillar"...),
    newest first: one statement."""
    with db.reading() as session:
        entries = session.execute(
            select(
                AuditEntry.id,
                AuditEntry.at,
                AuditEntry.who,
                AuditEntry.action,
                AuditEntry.reason,
                AuditEntry.changes,
            )
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        ).all()
    return [
        HistoryEntry(e.id, e.at, e.who, e.action, e.reason or "", decode_changes(e.changes))
        for e in entries
    ]


def decode_changes(text: str | None) -> dict[str, Change]:
    """The {field: [old, new]} JSON of an audit entry as {field: (old, new)}.

    The log is never edited, so an entry written by an older version that does
    not parse is shown as it is rather than hidden: {"": (None, text)}.
    """
    if not text:
        return {}
    try:
        decoded = json.loads(text)
    except ValueError:
        return {"": (None, text)}
    if not isinstance(decoded, dict):
        return {"": (None, text)}
    changes: dict[str, Change] = {}
    for name, pair in decoded.items():
        if isinstance(pair, list) and len(pair) == 2:
            changes[str(name)] = (_text(pair[0]), _text(pair[1]))
        else:
            changes[str(name)] = (None, _text(pair))
    return changes


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
