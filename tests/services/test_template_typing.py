"""A template written for the demo, filled the ways Excel stores what a partner types, and
previewed by the import: a percentage typed in its percent cell is the figure meant, a
computed figure is rounded to 6 decimals, a row added below the template's rows is one
problem, a period moved in the hidden columns is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from pilotage.db.database import Database
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.services.measurement_import import RowOutcome, preview_import
from pilotage.services.programs import ProgramRow
from pilotage.services.templates import write_template

H1_2025 = date(2025, 1, 1), date(2025, 6, 30)


def filled(template: Path, typed: dict[tuple[str, str], dict[Field, object]], out: Path) -> Path:
    """`typed` entered in the rows of those (KPI code, period), as openpyxl stores them: a
    cell keeps the template's number format (the percentage's is "0.0%")."""
    wb = openpyxl.load_workbook(template)
    ws = wb["Data"]
    code, period = layout.INDEX[Field.KPI_CODE], layout.INDEX[Field.PERIOD]
    last = ws.max_row
    for number in range(layout.FIRST_DATA_ROW, last + 1):
        key = (ws.cell(number, code).value, ws.cell(number, period).value)
        for field, value in typed.get(key, {}).items():
            ws.cell(number, layout.INDEX[field]).value = value
    for field, value in typed.get(("added", ""), {}).items():
        ws.cell(last + 1, layout.INDEX[field]).value = value
    wb.save(out)
    return out


def test_what_excel_stores_is_what_the_partner_meant(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    template = write_template(db, demo.id, *H1_2025, "en", tmp_path / "t.xlsx").path
    typed: dict[tuple[str, str], dict[Field, object]] = {
        # JIT-INS (a percentage): "72%" typed, or 72 typed in its percent cell: 0.72.
        ("JIT-INS", "2025-H1"): {Field.VALUE: 0.72},
        # JIT-TXD (a ratio): a numerator computed in the partner's sheet, 1000/3.
        ("JIT-TXD", "2025-Q1"): {Field.NUMERATOR: 1000 / 3, Field.DENOMINATOR: 400},
        # JIT-DIP: the hidden bounds moved to Q2 while the row shows Q1.
        ("JIT-DIP", "2025-Q1"): {
            Field.VALUE: 700,
            Field.PERIOD_START: date(2025, 4, 1),
            Field.PERIOD_END: date(2025, 6, 30),
        },
        ("added", ""): {Field.VALUE: 9},
    }
    preview = preview_import(db, filled(template, typed, tmp_path / "f.xlsx"))
    rows = {(r.kpi_code, r.period): r for r in preview.rows}
    percentage = rows["JIT-INS", "2025-H1"]
    assert (percentage.outcome, percentage.new) == (RowOutcome.NEW, "72 %")
    ratio = rows["JIT-TXD", "2025-Q1"]
    assert (ratio.outcome, ratio.new) == (RowOutcome.NEW, "333.333333 / 400")
    moved = rows["JIT-DIP", "2025-Q2"]  # the reader's label is the hidden bounds'
    assert moved.outcome is RowOutcome.REJECTED
    assert [(p.column, p.header) for p in moved.problems] == [("H", "Period")]
    added = rows["", ""]
    assert added.outcome is RowOutcome.REJECTED
    last = max(r.row for r in preview.rows)
    assert [(p.column, p.message) for p in added.problems] == [
        ("", f"row {last} was added: only the template's rows can be imported")
    ]
    assert len(preview.rows) == 4
