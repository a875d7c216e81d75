"""Reading a filled data-collection template back, cell by cell, without judging it.

The reader checks that the workbook is a Pilotage template of a layout version it
knows (template_layout.LAYOUTS: version 1 without the "date reached" column, version
2 with it), finds each field by its column in that version's layout, checks the
header row (template_headers) and reads each row (template_row_reader), which
turns what the partner typed into plain values and reports what it cannot read,
cell by cell. Whether a figure is right for its KPI is for the service to judge: it
reads the KPIs and their measurements. The rows read are template_filled's.

The sheet is read in read-only mode, row by row: memory stays flat whatever the
number of rows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.domain.errors import CancelledError
from pilotage.domain.messages import in_window_language, speaking, translate
from pilotage.exchange import template_layout as layout
from pilotage.exchange.engine_language import import_language
from pilotage.exchange.safe_reading import WorkbookRefusedError, typed_sheet_rows
from pilotage.exchange.template_filled import CellProblem, FilledRow, FilledTemplate
from pilotage.exchange.template_headers import check_headers, read_headers
from pilotage.exchange.template_labels import HEADERS
from pilotage.exchange.template_layout import Field, Slot
from pilotage.exchange.template_row_reader import RowReader
from pilotage.exchange.workbook_marker import Marker, WorkbookKind, marker_of

# How yes and no are written in the value column, by the template's language.
ANSWERS = layout.YES_NO_WORDS
_CHECK_EVERY = 256  # rows between two looks at progress and cancellation


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def read_template(
    wb: Workbook,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> FilledTemplate:
    """The filled rows of a template opened read-only (formulas kept as formulas) from
    `path` (named in refusals).

    Raises WorkbookRefusedError, with one sentence, for a workbook that is not a
    Pilotage template of this layout's version or whose sheet cannot be read, and
    CancelledError when `cancelled` says so.
    """
    try:
        marker = marker_of(wb)
    except Exception:  # openpyxl's errors are not one family: a read-only sheet parses late
        text = translate("Import", "{name} cannot be read: its hidden “pilotage” sheet is damaged")
        raise WorkbookRefusedError(text.format(name=path.name)) from None
    if marker is None or marker.kind is not WorkbookKind.TEMPLATE:
        raise WorkbookRefusedError(
            translate(
                "Import",
                "this workbook is not a Pilotage data-collection template "
                "(write one with “pilotage template” and fill it in)",
            )
        )
    columns = layout.LAYOUTS.get(marker.version)
    if columns is None:
        known = ", ".join(str(version) for version in sorted(layout.LAYOUTS))
        text = translate(
            "Import",
            "this template follows layout version {version}, which this Pilotage does not "
            "read (it reads versions {known}): write a new template",
        )
        raise WorkbookRefusedError(text.format(version=marker.version, known=known))
    sheet = marker.facts.get(layout.FACT_DATA_SHEET, "")
    if sheet not in wb.sheetnames:
        text = translate(
            "Import", "the template's data sheet “{sheet}” is missing: was it renamed or deleted?"
        )
        raise WorkbookRefusedError(text.format(sheet=sheet))
    language = marker.facts.get(layout.FACT_LANGUAGE, "en")
    ws = wb[sheet]
    if not isinstance(ws, Worksheet | ReadOnlyWorksheet):  # a chart sheet has no cells
        text = translate(
            "Import",
            "the template's data sheet “{sheet}” is not a sheet of cells (it was replaced, "
            "by a chart perhaps): fill a fresh copy of the template",
        )
        raise WorkbookRefusedError(text.format(sheet=sheet))
    # The problems of the cells speak the template's language: the partner reads them.
    with speaking(import_language(language)):
        reader = RowReader(
            sheet,
            {},
            ANSWERS.get(language, ANSWERS["en"]),
            columns=columns,
            language=language,
            days=_days(marker) if Field.DATE_REACHED in {s.field for s in columns} else None,
        )
        headers, rows, identities = _read_rows(path, ws, reader, columns, progress, cancelled)
    return FilledTemplate(
        sheet=sheet,
        program=marker.facts.get(layout.FACT_PROGRAM, ""),
        language=language,
        headers=headers,
        rows=rows,
        identities=identities,
    )


def _days(marker: Marker) -> tuple[date, date] | None:
    """The bounds of a date reached, as the marker gives them (None when unreadable: the
    date is then taken without bounds, and the service still checks its period)."""
    try:
        first = date.fromisoformat(marker.facts.get(layout.FACT_FIRST_DAY, ""))
        last = date.fromisoformat(marker.facts.get(layout.FACT_LAST_DAY, ""))
    except ValueError:
        return None
    return (first, last) if first <= last else None


def _read_rows(
    path: Path,
    ws: Any,
    reading: RowReader,
    columns: tuple[Slot, ...],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[dict[Field, str], tuple[FilledRow, ...], tuple[tuple[int | None, str], ...]]:
    width = len(columns)
    headers = read_headers(path, ws, width, columns)
    written = HEADERS.get(reading.language, HEADERS["en"])
    # The analyst reads this refusal, in the window's language, not the partner's.
    with in_window_language():
        check_headers(reading.sheet, headers, written, columns)
    reading.headers = headers
    total = max(int(ws.max_row or 0) - layout.HEADER_ROW, 0)
    rows: list[FilledRow] = []
    identities: list[tuple[int | None, str]] = []  # of every row, filled or not
    cells_by_row = typed_sheet_rows(
        path, ws, min_row=layout.FIRST_DATA_ROW, max_col=width, percent=True
    )
    for done, cells in enumerate(cells_by_row):
        if done % _CHECK_EVERY == 0:
            if cancelled is not None and cancelled():
                raise CancelledError("reading the template")
            if progress is not None:
                progress(done, total)
        identity = reading.identity(cells)
        if identity is not None:
            identities.append(identity)
        filled = reading.row(layout.FIRST_DATA_ROW + done, cells)
        if filled is not None:
            rows.append(filled)
    if progress is not None:
        progress(total, total)
    return headers, tuple(rows), tuple(identities)


__all__ = [
    "ANSWERS",
    "CellProblem",
    "FilledRow",
    "FilledTemplate",
    "read_template",
]
