"""Putting back what a delete removed (the GUI's undo of a delete)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import Pillar, metadata
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.domain.messages import translate
from pilotage.services import audit
from pilotage.services.records import (
    DeletedMeanwhileError,
    Snapshot,
    deleted_value,
    deletion,
    lock_pillar_positions,
    restore,
    rows_of,
    shift_positions,
)


def restore_deleted(
    db: Database, snapshot: Snapshot, check: Callable[[Session], None] | None = None
) -> None:
    """Re-insert every row of `snapshot` with its old ids, in one transaction.

    A row whose parent another analyst deleted since (the program of a pillar, the
    initiative of a KPI…) cannot come back: the undo is refused naming that parent,
    who deleted it and when, and nothing is put back. `check`, given, runs first in
    the same transaction and may refuse too (what the record comes back over changed).
    """
    with db.transaction() as session:
        if check is not None:
            check(session)
        # A program's pillars come back with it; a pillar alone reopens its place.
        pillars = rows_of(snapshot, "pillar") if snapshot.root_table == "pillar" else ()
        for pillar in pillars:
            # Before the parents' check: it would take a weaker lock on the same row first.
            lock_pillar_positions(session, pillar["program_id"])
        _check_parents(session, snapshot)
        for pillar in pillars:
            # Deleting a pillar closed the gap in the positions; open it again.
            _back_within_the_order(session, pillar)
            shift_positions(session, pillar["program_id"], pillar["position"], +1)
        restore(session, snapshot)
        cascade = snapshot.summary()
        # The rows that came back with the root get their own history line too.
        audit.record_cascade(
            session, snapshot, f"restored with {snapshot.root_table}", AuditAction.CREATE
        )
        for root_id in snapshot.root_ids:
            audit.record(
                session,
                snapshot.root_table,
                root_id,
                AuditAction.CREATE,
                reason=f"restored after delete with {cascade}"
                if cascade
                else "restored after delete",
            )


def _outside_parents(snapshot: Snapshot) -> dict[str, set[int]]:
    """The ids, by table, of the records the snapshot's rows refer to and that are not
    in the snapshot themselves: a pillar's program, an initiative's lead organization."""
    inside = {name: {row["id"] for row in rows if "id" in row} for name, rows in snapshot.tables}
    outside: dict[str, set[int]] = defaultdict(set)
    for name, rows in snapshot.tables:
        for fk in metadata.tables[name].foreign_keys:
            parent = fk.column.table.name
            for row in rows:
                value = row.get(fk.parent.name)
                if value is not None and value not in inside.get(parent, ()):
                    outside[parent].add(int(value))
    return outside


def _check_parents(session: Session, snapshot: Snapshot) -> None:
    """Refuse the undo when a record the rows refer to is gone (the database would refuse
    the insert with its own words). One statement per table of parents. On PostgreSQL
    the parents found are locked against a delete (FOR KEY SHARE) until the commit, so
    that none goes between this check and the insert."""
    # The nearest parent first (children come after their parents in sorted_tables): an
    # initiative whose pillar and partner both went names its pillar.
    nearest_first = {table.name: -n for n, table in enumerate(metadata.sorted_tables)}
    for parent, ids in sorted(
        _outside_parents(snapshot).items(), key=lambda p: nearest_first[p[0]]
    ):
        table = metadata.tables[parent]
        found = set(
            session.scalars(
                select(table.c.id)
                .where(table.c.id.in_(sorted(ids)))
                .with_for_update(read=True, key_share=True)
            )
        )
        for missing in sorted(ids - found):
            raise _parent_gone(session, parent, missing)


def _parent_gone(session: Session, parent: str, parent_id: int) -> PilotageError:
    """The refusal naming the parent, who deleted it and when (its DELETE entry)."""
    entry = deletion(session, parent, parent_id)
    template = _template(parent)
    if entry is None or template is None:
        return NotFoundError(parent, parent_id)
    label = deleted_value(entry, _NAMED_BY.get(parent, "code"))
    return DeletedMeanwhileError(entry, label, template, parent=label)


# The field that names a parent in the audit entry of its delete.
_NAMED_BY = {"contract_program": "reference", "organization": "name"}


def _template(parent: str) -> str | None:
    """Each kind of parent its own sentence: another language agrees its words with it."""
    if parent == "contract_program":
        return translate(
            "Conflicts", "cannot be put back: its program {parent} was deleted by {by} at {at}"
        )
    if parent == "pillar":
        return translate(
            "Conflicts", "cannot be put back: its pillar {parent} was deleted by {by} at {at}"
        )
    if parent == "initiative":
        return translate(
            "Conflicts", "cannot be put back: its initiative {parent} was deleted by {by} at {at}"
        )
    if parent == "kpi":
        return translate(
            "Conflicts", "cannot be put back: its KPI {parent} was deleted by {by} at {at}"
        )
    if parent == "organization":
        return translate(
            "Conflicts",
            "cannot be put back: its organization {parent} was deleted by {by} at {at}",
        )
    return None  # a measurement: its disaggregations are never put back without it


def _back_within_the_order(session: Session, pillar: dict[str, Any]) -> None:
    """A pillar put back after the last one when pillars were deleted since its delete
    (it was 4th of 4, another went meanwhile: it comes back 3rd, not 4th after a gap)."""
    count = session.scalar(
        select(func.count()).select_from(Pillar).where(Pillar.program_id == pillar["program_id"])
    )
    pillar["position"] = min(int(pillar["position"]), int(count or 0) + 1)
