"""The quick sheet reader gives exactly what openpyxl's read-only sheet gives: same
values, same data types, same empty rows, on our own workbooks, on a workbook holding
every kind of cell, and on both as LibreOffice Calc saves them."""

from __future__ import annotations

from datetime import date, datetime, time  # naive: a workbook's dates have no time zone
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from office_support import convert
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.worksheet.formula import ArrayFormula

from pilotage.db.database import Database
from pilotage.exchange.safe_reading import open_workbook
from pilotage.exchange.sheet_reading import ScannedSheet, is_percent_format
from pilotage.services.program_transfer import PROGRAM_LIMITS, export_program
from pilotage.services.programs import list_programs
from pilotage.services.templates import write_template

Grid = dict[str, list[tuple[Any, ...]]]


def _grid(wb: Any, sizes: dict[str, tuple[int, int]], values_only: bool) -> Grid:
    out: Grid = {}
    for ws in wb.worksheets:
        rows, columns = sizes[ws.title]
        out[ws.title] = [
            tuple(
                _same(cell) if values_only else (_same(cell.value), cell.data_type, _place(cell))
                for cell in row
            )
            for row in ws.iter_rows(
                min_row=1, max_row=rows, max_col=columns, values_only=values_only
            )
        ]
    return out


def _same(value: Any) -> Any:
    """An array formula (an object without equality) as what it says."""
    return ("array", value.ref, value.text) if isinstance(value, ArrayFormula) else value


def _place(cell: Any) -> tuple[int, int] | None:
    return (cell.row, cell.column) if cell.value is not None else None


def assert_read_as_openpyxl(path: Path) -> Grid:
    """The sheets of `path` read by the safe opener equal openpyxl's own read-only reading
    of the same file, cells (value, type, place) and values; the values returned."""
    ours = open_workbook(path, limits=PROGRAM_LIMITS)
    theirs = openpyxl.load_workbook(path, read_only=True)
    try:
        assert all(isinstance(ws, ScannedSheet) for ws in ours.worksheets)
        assert ours.sheetnames == theirs.sheetnames
        sizes = {ws.title: (ws.max_row, ws.max_column) for ws in ours.worksheets}
        for values_only in (False, True):
            assert _grid(ours, sizes, values_only) == _grid(theirs, sizes, values_only)
        return _grid(ours, sizes, True)
    finally:
        ours.close()
        theirs.close()


@pytest.fixture
def every_kind(tmp_path: Path) -> Path:
    """A workbook holding each kind of cell a partner's file can hold."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Cells"
    ws.append(["text", 12, 12.5, -3e-7, True, False, None, "  spaced  ", ""])
    ws.append([datetime(2025, 3, 31, 14, 30), date(2024, 12, 31), time(8, 15), 1e20])  # noqa: DTZ001
    ws.append(["=SUM(B1:C1)", "=1/0", '="a"&"b"', "=TODAY()"])
    ws["E3"] = ArrayFormula("E3:E4", "=B1:B2*2")
    ws["F3"] = CellRichText("plain ", TextBlock(InlineFont(b=True), "bold"), " end")
    ws["G3"] = "#DIV/0!"
    ws["G3"].data_type = "e"
    ws["B7"] = "after two empty rows"
    ws["Z9"] = 42  # far right, far down
    dated = wb.create_sheet("Dates")
    dated["A1"] = 45000
    dated["A1"].number_format = "yyyy-mm-dd"
    dated["B1"] = 45000.5
    dated["B1"].number_format = "dd/mm/yyyy hh:mm"
    dated["C1"] = 1.25
    dated["C1"].number_format = "[h]:mm:ss"
    dated["D1"] = 45000
    dated["D1"].number_format = "0.00"
    path = tmp_path / "every-kind.xlsx"
    wb.save(path)
    return path


def test_every_kind_of_cell_reads_as_openpyxl_reads_it(every_kind: Path) -> None:
    values = assert_read_as_openpyxl(every_kind)
    cells = values["Cells"]
    # Checked by hand, not only against openpyxl: the formulas stay formulas, the error its text.
    assert cells[0][:6] == ("text", 12, 12.5, -3e-7, True, False)
    assert cells[2][:4] == ("=SUM(B1:C1)", "=1/0", '="a"&"b"', "=TODAY()")
    assert cells[2][4] == ("array", "E3:E4", "=B1:B2*2")
    assert cells[2][5] == "plain bold end"
    assert cells[2][6] == "#DIV/0!"
    assert cells[3] == (None,) * 26
    assert cells[6][1] == "after two empty rows"
    assert cells[8][25] == 42
    assert values["Dates"][0][0] == datetime(2023, 3, 15)  # noqa: DTZ001 (serial 45000)
    assert values["Dates"][0][3] == 45000


def _demo_id(db: Database) -> int:
    (program,) = list_programs(db)
    return program.id


def test_our_workbooks_read_as_openpyxl_reads_them(demo_db: Database, tmp_path: Path) -> None:
    demo = _demo_id(demo_db)
    program = export_program(demo_db, demo, tmp_path / "program.xlsx").path
    template = write_template(
        demo_db, demo, date(2024, 1, 1), date(2025, 12, 31), "fr", tmp_path / "template.xlsx"
    ).path
    measurements = assert_read_as_openpyxl(program)["measurements"]
    assert len(measurements) == 1 + 83  # the header, then the demo's 83 figures
    data = assert_read_as_openpyxl(template)
    assert len(data) == 3  # instructions, data, the marker


@pytest.mark.libreoffice
@pytest.mark.slow
def test_workbooks_saved_by_libreoffice_read_as_openpyxl_reads_them(
    demo_db: Database, tmp_path: Path, every_kind: Path
) -> None:
    program = export_program(demo_db, _demo_id(demo_db), tmp_path / "program.xlsx").path
    saved = tmp_path / "saved"
    for path in (program, every_kind):
        again = convert(path, saved, "xlsx")
        assert again.read_bytes() != path.read_bytes()  # Calc's own file: shared strings
        assert_read_as_openpyxl(again)


@pytest.mark.parametrize(
    ("code", "percent"),
    [
        ("0%", True),
        ("0.00%", True),
        ("[Red]0.0%", True),
        ("0%;[Red]-0%", True),
        ('#,##0.0"%"', False),  # the template's own points format: the % is text
        ("0\\%", False),
        ("General", False),
        ("0.00", False),
        (None, False),
    ],
)
def test_a_true_percent_format_has_a_percent_outside_quotes(
    code: str | None, percent: bool
) -> None:
    assert is_percent_format(code) is percent
