"""Audit entries, written in the same transaction as the change they describe.

A transaction that writes an entry also bumps the change counter, last, just before
it commits (`_count_the_change`): a window compares that counter to tell that
someone else changed something (services/changes.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from pilotage.db.schema import AuditEntry, ChangeCounter
from pilotage.domain.enums import AuditAction
from pilotage.services.identity import current_user

if TYPE_CHECKING:  # records imports this module
    from pilotage.services.records import Snapshot


# In session.info: this transaction wrote audit entries, so it bumps the counter.
_COUNTED = "pilotage.audit.counted"


def _counted(session: Session) -> None:
    session.info[_COUNTED] = True


@event.listens_for(Session, "before_commit")
def _count_the_change(session: Session) -> None:
    """Bump the change counter once, as the transaction's last statement.

    The flush first: every row lock the change takes is held before the counter's,
    so a writer holding the counter waits on nothing but its commit (no deadlock).
    On PostgreSQL the next writer's bump waits for that commit and adds one to the
    committed value: the counter follows commit order, which audit ids do not.
    """
    if not session.info.pop(_COUNTED, False):
        return
    session.flush()
    counter = ChangeCounter.metadata.tables[ChangeCounter.__tablename__]
    session.execute(update(counter).where(counter.c.id == 1).values(value=counter.c.value + 1))


@event.listens_for(Session, "after_rollback")
def _forget_the_change(session: Session) -> None:
    session.info.pop(_COUNTED, None)


def render(value: Any) -> str | None:
    """A stable text form of a field value, so the log reads the same on every engine."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return format(value.normalize() + Decimal(0), "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return json.dumps(sorted(render(v) or "" for v in value), ensure_ascii=False)
    return str(value)


def diff(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> dict[str, tuple[str | None, str | None]]:
    """The fields whose rendered value changed, as {field: (old, new)}."""
    changes: dict[str, tuple[str | None, str | None]] = {}
    for field in new:
        before, after = render(old.get(field)), render(new[field])
        if before != after:
            changes[field] = (before, after)
    return changes


def removed(old: Mapping[str, Any]) -> dict[str, tuple[str | None, str | None]]:
    """Every field of a deleted record, as {field: (old, None)}."""
    return {field: (render(value), None) for field, value in old.items() if value is not None}


def record(
    session: Session,
    entity: str,
    entity_id: int,
    action: AuditAction,
    changes: Mapping[str, tuple[str | None, str | None]] | None = None,
    reason: str = "",
) -> AuditEntry:
    entry = AuditEntry(
        at=datetime.now(UTC),
        who=current_user(),
        entity=entity,
        entity_id=entity_id,
        action=action,
        changes=json.dumps(
            {k: list(v) for k, v in (changes or {}).items()}, ensure_ascii=False, sort_keys=True
        ),
        reason=reason,
    )
    session.add(entry)
    _counted(session)
    return entry


def record_created(
    session: Session, entity: str, entity_id: int, fields: Mapping[str, Any], reason: str = ""
) -> None:
    record(session, entity, entity_id, AuditAction.CREATE, diff({}, fields), reason)


def record_deleted(
    session: Session,
    entity: str,
    entity_id: int,
    fields: Mapping[str, Any],
    cascade: Snapshot | None = None,
    reason: str = "",
) -> None:
    """A delete's entry: every field the record had. The reason, unless given, names
    what went with it: "with 2 kpi_target, 5 measurement" from `cascade`, the
    snapshot taken before the delete."""
    if not reason and cascade is not None and cascade.summary():
        reason = f"with {cascade.summary()}"
    record(session, entity, entity_id, AuditAction.DELETE, removed(fields), reason)


def record_many(
    session: Session,
    entries: Iterable[tuple[str, int, AuditAction, Mapping[str, tuple[str | None, str | None]]]],
    reason: str = "",
) -> None:
    """Many entries at once (imports, cascades): one executemany, not one per row."""
    who, at = current_user(), datetime.now(UTC)
    rows = [
        {
            "at": at,
            "who": who,
            "entity": entity,
            "entity_id": entity_id,
            "action": action,
            "changes": json.dumps(
                {k: list(v) for k, v in changes.items()}, ensure_ascii=False, sort_keys=True
            ),
            "reason": reason,
        }
        for entity, entity_id, action, changes in entries
    ]
    if rows:
        # The table's Core insert: a plain executemany (the ORM's bulk insert works out
        # each row's columns again: a third of a large import's time).
        session.execute(insert(AuditEntry.metadata.tables[AuditEntry.__tablename__]), rows)
        _counted(session)


def record_cascade(
    session: Session,
    snapshot: Snapshot,
    reason: str,
    action: AuditAction = AuditAction.DELETE,
) -> int:
    """A delete entry for every row a delete took along with its root (the rows of
    `snapshot` but the root's own), so that the history of a KPI deleted with its
    initiative says so. `reason` names the root: "deleted with initiative P1-JIT".
    With CREATE, the entries of the same rows put back by an undo.

    One executemany whatever the number of rows. Rows without an id (the links of
    initiative_partner) have no history to write to. Returns the entries written.
    """
    roots = set(snapshot.root_ids)
    entries = [
        (table, row["id"], action, removed(row) if action is AuditAction.DELETE else diff({}, row))
        for table, rows in snapshot.tables
        for row in rows
        if "id" in row and not (table == snapshot.root_table and row["id"] in roots)
    ]
    record_many(session, entries, reason)
    return len(entries)


def last_change(session: Session, entity: str, entity_id: int) -> AuditEntry | None:
    return session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
