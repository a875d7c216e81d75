"""The quick row writer (exchange.fast_rows) writes what openpyxl's own writer would."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pilotage.domain.enums import KpiStatus
from pilotage.exchange.columns import Column, Kind
from pilotage.exchange.sheets import TableSheet, new_workbook

_ROWS: list[list[object]] = [
    ["=SUM(A1:A9)", Decimal("734"), date(2024, 12, 31), KpiStatus.ON_TRACK],
    ["  spaced  ", 0.918, date(2025, 1, 1), KpiStatus.AT_RISK],
    ['a & b < c > d "q"', -3, None, None],
    ["line one\r\nline two", Decimal("1E+3"), date(2024, 2, 29), KpiStatus.ON_TRACK],
    ["élève 123", None, None, None],
]


def _write(path: Path) -> None:
    wb = new_workbook("t", "s", "c")
    columns = [
        Column("Text"),
        Column("Figure", Kind.DECIMAL),
        Column("Date", Kind.DATE),
        Column("Status", Kind.STATUS),
    ]
    with TableSheet(wb, "Data", columns, {s: s.value for s in KpiStatus}) as sheet:
        sheet.write_all(_ROWS)
    wb.save(path)


def test_values_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "rows.xlsx"
    _write(path)
    ws = load_workbook(path)["Data"]
    read = [[c.value for c in row] for row in ws.iter_rows(min_row=2, max_col=4)]
    assert read[0][0] == "=SUM(A1:A9)"  # text, not a formula
    assert read[0][1] == 734
    assert read[0][2].date() == date(2024, 12, 31)
    assert read[0][3] == KpiStatus.ON_TRACK.value
    assert read[1][0] == "  spaced  "  # spaces kept
    assert read[1][1] == 0.918
    assert read[2][0] == 'a & b < c > d "q"'
    assert read[2][1] == -3
    assert read[3][0] == "line one\r\nline two"  # the carriage return survives
    assert read[3][1] == 1000
    assert read[4][0] == "élève 123"
    assert read[4][1] is None
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml


def test_rows_past_the_sample_and_their_heights(tmp_path: Path) -> None:
    """Rows beyond the sized sample stream in batches; a long wrapped text gets its height;
    a bare date outside a date column still reads as a date; text past ASCII is UTF-8."""
    wb = new_workbook("t", "s", "c")
    columns = [Column("No.", Kind.INTEGER), Column("Note", Kind.WRAP, max_width=20), Column("On")]
    # The column is sized from the first 200 rows: "ligne 199 é" and a character, 12 wide,
    # which holds 13 characters a line (sheets.CHARS_PER_WIDTH): 51 characters take 4 lines.
    long_text = "mot " * 12 + "fin"
    count = 1000
    with TableSheet(wb, "Data", columns, {s: s.value for s in KpiStatus}) as sheet:
        for n in range(count):
            sheet.write([n, long_text if n == 700 else f"ligne {n} é", date(2024, 1, 1)])
    path = tmp_path / "many.xlsx"
    wb.save(path)
    ws = load_workbook(path)["Data"]
    assert ws.max_row == count + 1
    assert [ws.cell(row=r, column=1).value for r in (2, 500, 1001)] == [0, 498, 999]
    assert ws["B2"].value == "ligne 0 é"
    assert ws.row_dimensions[702].height == pytest.approx(15.0 * 4)
    assert ws.row_dimensions[701].height is None
    assert ws["C1001"].value.date() == date(2024, 1, 1)
    assert ws["C1001"].number_format == "yyyy-mm-dd"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert "ligne 999 é".encode() in xml  # written as UTF-8, not as references


def test_nothing_goes_through_openpyxl_after_rows_written_as_text(tmp_path: Path) -> None:
    wb = new_workbook("t", "s", "c")
    sheet = TableSheet(wb, "Data", [Column("A")], {s: s.value for s in KpiStatus})
    sheet.write_all([["x"]] * 300)  # past the sample: the first batch is written
    sheet.close()
    with pytest.raises(RuntimeError, match="misnumbered"):
        sheet.ws.append(["late"])
