"""The quick row writer (exchange.fast_rows) writes what openpyxl's own writer would."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from pilotage.domain.enums import KpiStatus
from pilotage.exchange.sheets import Column, Kind, TableSheet, new_workbook

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
