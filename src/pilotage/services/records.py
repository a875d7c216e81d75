"""Loading, version-checking and cascading deletes shared by every service."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Table, select, update
from sqlalchemy.orm import Session

from pilotage.db.base import Base
from pilotage.db.database import conflict_error, newest_entry, who_and_when
from pilotage.db.schema import AuditEntry, ContractProgram, Pillar, metadata
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import ConflictError, DeletedError, NotFoundError
from pilotage.services import audit
from pilotage.services.conflicts import moment
from pilotage.services.input_types import wrong_type
from pilotage.services.validation import refuse

T = TypeVar("T", bound=Base)


def load(session: Session, model: type[T], record_id: int) -> T:
    """The record, or NotFoundError; DeletedError (who deleted it and when) if its delete
    is in the audit log: a form saved over a record deleted meanwhile says so."""
    row = session.get(model, record_id)
    if row is None:
        entity = entity_name(model)
        entry = deletion(session, entity, record_id) if isinstance(record_id, int) else None
        if entry is not None:
            raise DeletedError(entity, record_id, *who_and_when(entry))
        raise NotFoundError(entity, record_id)
    return row


def entity_name(model: type[Base]) -> str:
    return str(model.__tablename__)


def check_version(session: Session, row: Base, expected_version: int) -> None:
    """Refuse a save made from a stale copy, naming who changed the record and when.

    The version is required: a caller without one (None, as older callers passed
    to skip the check) is refused on the field "version", not waved through.
    """
    problem = wrong_type(expected_version, int)
    if problem:
        refuse("version", problem)
    current = getattr(row, "version", None)
    if current == expected_version:
        return
    record_id = int(getattr(row, "id"))  # noqa: B009 - every Versioned row has an id
    entity = entity_name(type(row))
    if entity == entity_name(Pillar):
        # A move of the pillar changed no version: the one who changed it is the last
        # one who changed something else than its position.
        raise _named_conflict(session, entity, record_id, ~_position_only())
    raise conflict_error(session, entity, record_id)


# A move audits {"position": [old, new]} alone (audit.py writes the keys sorted, with
# json's default separators, and positions as digits): no "], " of a second key.
def _position_only() -> ColumnElement[bool]:
    return (
        (AuditEntry.action == AuditAction.UPDATE)
        & AuditEntry.changes.like('{"position": [%')
        & AuditEntry.changes.not_like('%], "%')
    )


def position_conflict(session: Session, pillar_id: int) -> ConflictError:
    """The refusal of a move decided from an old order: names the last one who changed
    the pillar's position (moved it, pushed it aside, put it back), not a later edit
    of its title."""
    changed_position = AuditEntry.changes.like('%"position": [%') | (
        AuditEntry.action == AuditAction.CREATE
    )
    return _named_conflict(session, entity_name(Pillar), pillar_id, changed_position)


def _named_conflict(
    session: Session, entity: str, entity_id: int, condition: ColumnElement[bool]
) -> ConflictError:
    last = newest_entry(session, entity, [entity_id], condition)
    if last is None:  # none of that kind: the last entry, as for any other record
        return conflict_error(session, entity, entity_id)
    return ConflictError(entity, entity_id, *who_and_when(last))


class DeletedMeanwhileError(ConflictError):
    """A record the action needs was deleted by another analyst: refused with one sentence
    naming it, who deleted it and when (its DELETE audit entry). A ConflictError, so that
    the window reloads what it shows; the sentence is its own, as the caller words it."""

    def __init__(self, entry: AuditEntry, label: str, template: str, **names: str) -> None:
        """`template` (translated) names who with {by} and when with {at}; `names` fill
        its other places (the record's code…)."""
        by, at = who_and_when(entry)
        super().__init__(entry.entity, entry.entity_id, by, at)
        self.label = label
        self.args = (template.format(by=by, at=moment(at), **names),)


def deletion(session: Session, entity: str, entity_id: int) -> AuditEntry | None:
    """The audit entry of the record's delete (its own, or the cascade of its parent's)."""
    return newest_entry(session, entity, [entity_id], AuditEntry.action == AuditAction.DELETE)


def deleted_value(entry: AuditEntry, field: str) -> str:
    """What `field` held when the record was deleted (its code, reference…), from the
    entry's changes ({field: [old, null]}); the record's id if the entry lacks it."""
    try:
        old = json.loads(entry.changes or "{}").get(field, [None])[0]
    except (ValueError, AttributeError, IndexError, TypeError):
        old = None
    return str(old) if old else str(entry.entity_id)


@dataclass(frozen=True)
class Snapshot:
    """Every row a delete removes, parents first, so an undo can put them back."""

    root_table: str
    root_ids: tuple[int, ...]
    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def count(self, table: str) -> int:
        return sum(len(rows) for name, rows in self.tables if name == table)

    def summary(self) -> str:
        """e.g. '3 initiative, 12 kpi, 240 measurement' for the audit reason."""
        parts = [
            f"{len(rows)} {name}" for name, rows in self.tables if rows and name != self.root_table
        ]
        return ", ".join(parts)


def _cascading_children(table: Table) -> list[tuple[Table, str]]:
    """Tables whose rows go when a row of `table` goes, with the column pointing at it."""
    children: list[tuple[Table, str]] = []
    for child in metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table and (fk.ondelete or "").upper() == "CASCADE":
                children.append((child, fk.parent.name))
    return children


def capture(session: Session, table_name: str, ids: Iterable[int]) -> Snapshot:
    """Read the rows of `ids` and, one statement per table, all that cascades from them.

    Children are selected through subqueries on their parents' condition, not
    through lists of ids, so that a program with hundreds of thousands of
    measurements stays within the engine's limit on bound parameters.
    """
    root = metadata.tables[table_name]
    root_ids = sorted(set(ids))
    found: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    frontier: list[tuple[Table, ColumnElement[bool]]] = [(root, root.c.id.in_(root_ids))]
    while frontier:
        table, condition = frontier.pop()
        rows = session.execute(select(table).where(condition)).mappings().all()
        if not rows:
            continue
        bucket = found.setdefault(table.name, {})
        pk = [c.name for c in table.primary_key.columns]
        for row in rows:
            bucket.setdefault(tuple(row[c] for c in pk), dict(row))
        if "id" in table.c:
            parent_ids = select(table.c.id).where(condition)
            frontier += [
                (child, child.c[column].in_(parent_ids))
                for child, column in _cascading_children(table)
            ]
    ordered = tuple(
        (t.name, tuple(found[t.name].values())) for t in metadata.sorted_tables if found.get(t.name)
    )
    return Snapshot(root_table=table_name, root_ids=tuple(root_ids), tables=ordered)


def restore(session: Session, snapshot: Snapshot) -> None:
    """Put back what `capture` read: one executemany per table, parents first."""
    for name, rows in snapshot.tables:
        if rows:
            session.execute(metadata.tables[name].insert(), list(rows))


def rows_of(snapshot: Snapshot, table: str) -> Sequence[dict[str, Any]]:
    for name, rows in snapshot.tables:
        if name == table:
            return rows
    return ()


# Out of the way of any real position, and positive for the CHECK (position >= 1).
POSITION_PARKING = 1_000_000


def lock_pillar_positions(session: Session, program_id: int) -> bool:
    """Hold the program's row until the transaction ends, before reading or shifting its
    pillars' positions: they are unique in a program, and two analysts adding, moving or
    restoring pillars at once on PostgreSQL would otherwise both take the same free
    position (on SQLite, BEGIN IMMEDIATE already serialises writers). False when the
    program is gone (deleted by another analyst while this one waited for the lock)."""
    locked = session.execute(
        select(ContractProgram.id).where(ContractProgram.id == program_id).with_for_update()
    )
    return locked.first() is not None


def shift_positions(
    session: Session, program_id: int, from_position: int, delta: int, reason: str = ""
) -> None:
    """Move the pillars at or after `from_position` by `delta`, keeping positions unique,
    and audit each one's new position with `reason` (by default, that a pillar was put
    back or taken out there).

    The unique (program, position) constraint is checked row by row on SQLite,
    so the rows are parked far away first and brought back shifted. Versions stay
    as they are: a position is not part of what a pillar's version guards (its
    code, title, objective), so an analyst's open form on a pillar pushed aside is
    not refused for it; a move checks the position the analyst saw instead, and
    the audit entry names who shifted it and when. The ORM update also shifts the
    Pillar objects `session` holds.
    """
    at_or_after = (Pillar.program_id == program_id) & (Pillar.position >= from_position)
    shifted = session.execute(
        select(Pillar.id, Pillar.position).where(at_or_after).order_by(Pillar.position)
    ).all()
    if not shifted:
        return
    session.execute(
        update(Pillar).where(at_or_after).values(position=Pillar.position + POSITION_PARKING)
    )
    parked = (Pillar.program_id == program_id) & (Pillar.position >= POSITION_PARKING)
    session.execute(
        update(Pillar).where(parked).values(position=Pillar.position - POSITION_PARKING + delta)
    )
    if not reason:
        reason = (
            f"a pillar put back at position {from_position}"
            if delta > 0
            else f"a pillar taken out of position {from_position + delta}"
        )
    audit.record_many(
        session,
        [
            (
                entity_name(Pillar),
                pillar_id,
                AuditAction.UPDATE,
                {"position": (str(old), str(old + delta))},
            )
            for pillar_id, old in shifted
        ],
        reason=reason,
    )
