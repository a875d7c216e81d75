"""Filled data-collection templates for the import tests, written with openpyxl directly.

They follow exchange/template_layout.py (columns by position, the marker sheet), not
the template writer, so that the reader is tested against the layout contract itself.
A row is given as {Field: value}; what is not given stays empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from pilotage.exchange import template_labels
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.exchange.workbook_marker import WorkbookKind, add_marker

SHEET = "Figures"
DEMO = "CP-MTNRA-MNC"
HEADERS: dict[Field, str] = template_labels.HEADERS["en"]  # as the template writes them
Row = Mapping[Field, object]


def figure_row(
    kpi_id: int, code: str, start: date, end: date, label: str, **filled: object
) -> dict[Field, object]:
    """A row of the template as written for a KPI and period, with `filled` typed in
    (value=..., numerator=..., disaggregations=..., comment=..., evidence_link=...)."""
    row: dict[Field, object] = {
        Field.KPI_ID: kpi_id,
        Field.PERIOD_START: start,
        Field.PERIOD_END: end,
        Field.OWNER: "P1 / P1-JIT",
        Field.KPI_CODE: code,
        Field.KPI_NAME: code,
        Field.PERIOD: label,
    }
    row.update({Field(name): value for name, value in filled.items()})
    return row


def write_filled(
    path: Path,
    rows: Sequence[Row],
    *,
    program: str = DEMO,
    language: str = "en",
    sheet: str = SHEET,
    kind: WorkbookKind = WorkbookKind.TEMPLATE,
    version: int = layout.VERSION,
    raw: Mapping[tuple[int, Field], str] | None = None,
) -> Path:
    """A template-shaped workbook at `path`: the header, `rows` from FIRST_DATA_ROW, the
    marker. `raw`: {(sheet row, field): "=1/0"} written as Excel reads them: a formula,
    an error ("#DIV/0!")."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    for field, header in template_labels.HEADERS[language].items():
        ws.cell(layout.HEADER_ROW, layout.INDEX[field], header)
    for number, row in enumerate(rows, start=layout.FIRST_DATA_ROW):
        for field, value in row.items():
            cell = ws.cell(number, layout.INDEX[field])
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text typed as text, never read as a formula
    for (number, field), typed in (raw or {}).items():
        ws.cell(number, layout.INDEX[field]).value = typed
    add_marker(
        wb,
        kind,
        version,
        {
            layout.FACT_DATA_SHEET: sheet,
            layout.FACT_PROGRAM: program,
            layout.FACT_LANGUAGE: language,
            layout.FACT_FROM: "2024-01-01",
            layout.FACT_TO: "2025-12-31",
            # The bounds of a one-off's date reached (the program's start and end).
            layout.FACT_FIRST_DAY: "2024-01-01",
            layout.FACT_LAST_DAY: "2026-12-31",
        },
    )
    wb.save(path)
    return path
