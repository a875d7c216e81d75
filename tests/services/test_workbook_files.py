"""What the GUI asks before a template export or an import: the initiatives a template can
be sent for (one statement), and which kind of Pilotage workbook a file is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from service_support import Statements

from pilotage.db.database import Database
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.exchange.workbook_marker import WorkbookKind, add_marker
from pilotage.services.programs import ProgramInput, ProgramRow, create_program
from pilotage.services.workbook_files import InitiativeChoice, initiative_choices, workbook_kind


def test_the_demo_initiatives_pillar_by_pillar_in_one_statement(
    db: Database, demo: ProgramRow, statements: Statements
) -> None:
    with statements() as sql:
        choices = initiative_choices(db, demo.id)
    assert len(sql) == 1
    # The demo's seven initiatives, P1 then P2 then P3, by code within a pillar.
    assert [(c.pillar_code, c.code) for c in choices] == [
        ("P1", "P1-JIT"),
        ("P1", "P1-VIV"),
        ("P2", "P2-ACC"),
        ("P2", "P2-EVT"),
        ("P3", "P3-BEX"),
        ("P3", "P3-INN"),
        ("P3", "P3-VEI"),
    ]
    assert choices[0].name == "JobIntech"
    assert all(isinstance(c, InitiativeChoice) and c.id > 0 for c in choices)
    assert len({c.id for c in choices}) == 7


def test_a_program_without_initiatives_has_no_choices(db: Database, demo: ProgramRow) -> None:
    other = create_program(db, ProgramInput("CP-VIDE", "Vide", date(2024, 1, 1), date(2025, 1, 1)))
    assert initiative_choices(db, other.id) == []
    assert initiative_choices(db, 99_999) == []


def _workbook(path: Path, kind: WorkbookKind | None) -> Path:
    wb = Workbook()
    wb.active.append(["a", "b"])
    if kind is not None:
        add_marker(wb, kind, 1, {"program": "CP-X"})
    wb.save(path)
    return path


@pytest.mark.parametrize("kind", [WorkbookKind.TEMPLATE, WorkbookKind.PROGRAM])
def test_the_marker_says_the_kind(tmp_path: Path, kind: WorkbookKind) -> None:
    assert workbook_kind(_workbook(tmp_path / "made.xlsx", kind)) is kind


def test_a_workbook_pilotage_did_not_make_has_no_kind(tmp_path: Path) -> None:
    assert workbook_kind(_workbook(tmp_path / "theirs.xlsx", None)) is None


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("not a workbook at all\n", encoding="utf-8")
    with pytest.raises(WorkbookRefusedError):
        workbook_kind(path)
