"""Putting back what a delete removed (the GUI's undo of a delete)."""

from __future__ import annotations

from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.records import (
    Snapshot,
    lock_pillar_positions,
    restore,
    rows_of,
    shift_positions,
)


def restore_deleted(db: Database, snapshot: Snapshot) -> None:
    """Re-insert every row of `snapshot` with its old ids, in one transaction."""
    with db.transaction() as session:
        for pillar in rows_of(snapshot, "pillar"):
            # Deleting a pillar closed the gap in the positions; open it again.
            lock_pillar_positions(session, pillar["program_id"])
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
