"""Cells with a look of their own, for the sheets that are not one table (the Summary)."""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pilotage.domain.enums import KpiStatus
from pilotage.domain.status_colors import STATUS_COLORS, STATUS_TEXT_COLORS, argb
from pilotage.exchange.cells import cell_value
from pilotage.exchange.sheets import (
    CHARS_PER_WIDTH,
    FONT,
    HEADER_FILL,
    HEADER_TEXT,
    LINE_HEIGHT,
    MAX_LINES,
)

SECTION_COLOR = "FF1F3A5F"


def styled(
    ws: WriteOnlyWorksheet,
    value: object,
    *,
    bold: bool = False,
    size: float | None = None,
    color: str | None = None,
    fill: str | None = None,
    number_format: str | None = None,
    wrap: bool = False,
    center: bool = False,
) -> Cell:
    """A cell holding `value` safely (text stays text), with the look asked for."""
    made = cell_value(ws, value)
    if isinstance(made, Cell):
        cell = made
    else:
        cell = WriteOnlyCell(ws)
        cell.value = made
    if bold or size or color:  # else the workbook's default font
        cell.font = Font(name=FONT, bold=bold, size=size, color=color)
    if fill:
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    if number_format:
        cell.number_format = number_format
    if wrap or center:
        cell.alignment = Alignment(
            wrap_text=wrap, vertical="top", horizontal="center" if center else None
        )
    return cell


def header(ws: WriteOnlyWorksheet, text: str) -> Cell:
    return styled(ws, text, bold=True, color=HEADER_TEXT, fill=HEADER_FILL)


def section(ws: WriteOnlyWorksheet, text: str) -> Cell:
    return styled(ws, text, bold=True, size=12, color=SECTION_COLOR)


def status_cell(ws: WriteOnlyWorksheet, status: KpiStatus, name: str) -> Cell:
    """The status's name on its colour, as the window draws it."""
    return styled(
        ws,
        name,
        bold=True,
        color=argb(STATUS_TEXT_COLORS[status]),
        fill=argb(STATUS_COLORS[status]),
        center=True,
    )


def fit_height(
    ws: WriteOnlyWorksheet, row: int, texts_and_widths: list[tuple[object, float]]
) -> None:
    """Gives row `row` (not yet written) the lines its wrapped texts need."""
    lines = 1
    for text, width in texts_and_widths:
        if isinstance(text, str) and text:
            per_line = max(int(width * CHARS_PER_WIDTH), 1)
            lines = max(lines, sum(max(1, -(-len(p) // per_line)) for p in text.split("\n")))
    if lines > 1:
        ws.row_dimensions[row].height = LINE_HEIGHT * min(lines, MAX_LINES)
