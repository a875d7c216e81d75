"""What the GUI asks about workbooks before an export or an import, without touching
openpyxl or a session itself: which kind of Pilotage workbook a file is, and which
initiatives a template can be sent for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Pillar
from pilotage.exchange.safe_reading import WorkbookRefusedError, check_xml_protection, open_workbook
from pilotage.exchange.workbook_marker import WorkbookKind, marker_of

__all__ = [
    "InitiativeChoice",
    "WorkbookKind",
    "initiative_choices",
    "workbook_kind",
    "xml_protection_problem",
]


@dataclass(frozen=True)
class InitiativeChoice:
    """An initiative as the template dialog lists it: "P1 / P1-JIT — JobIntech"."""

    id: int
    pillar_code: str
    code: str
    name: str


def workbook_kind(path: Path) -> WorkbookKind | None:
    """The kind its marker sheet gives the workbook at `path`; None for a workbook Pilotage
    did not make. A file that cannot be read safely raises WorkbookRefusedError (one
    sentence), as the safe opener does."""
    workbook = open_workbook(path, read_only=True)
    try:
        marker = marker_of(workbook)
    finally:
        workbook.close()  # read-only mode keeps the file open until closed
    return marker.kind if marker is not None else None


def initiative_choices(db: Database, program_id: int) -> list[InitiativeChoice]:
    """The program's initiatives in the navigator's order (pillar by pillar), in one statement."""
    query = (
        select(Initiative.id, Pillar.code, Initiative.code, Initiative.name)
        .join(Pillar, Initiative.pillar_id == Pillar.id)
        .where(Pillar.program_id == program_id)
        .order_by(Pillar.position, Initiative.code, Initiative.id)
    )
    with db.reading() as session:
        return [InitiativeChoice(*row) for row in session.execute(query)]


def xml_protection_problem() -> str | None:
    """Why workbooks from outside cannot be read safely on this installation (openpyxl
    without defusedxml), or None. The application asks at start-up, so that the analyst
    hears of it before a partner's file arrives; every import refuses anyway."""
    try:
        check_xml_protection()
    except WorkbookRefusedError as exc:
        return str(exc)
    return None
