"""Putting back what a delete removed (the GUI's undo of a delete)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import Pillar
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
        if snapshot.root_table == "pillar":  # a program's pillars come back with it
            for pillar in rows_of(snapshot, "pillar"):
                # Deleting a pillar closed the gap in the positions; open it again.
                lock_pillar_positions(session, pillar["program_id"])
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


def _back_within_the_order(session: Session, pillar: dict[str, Any]) -> None:
    """A pillar put back after the last one when pillars were deleted since its delete
    (it was 4th of 4, another went meanwhile: it comes back 3rd, not 4th after a gap)."""
    count = session.scalar(
        select(func.count()).select_from(Pillar).where(Pillar.program_id == pillar["program_id"])
    )
    pillar["position"] = min(int(pillar["position"]), int(count or 0) + 1)
