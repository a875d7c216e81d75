"""A template's first sheet: what the file is and how to fill it, for the partner.

Two columns: a label (a column's header, a fact's name) and its explanation,
wrapped, with each row as tall as its text so that it reads and prints whole
(neither Excel nor LibreOffice grows a row written without a height when printing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.exchange import template_layout as layout
from pilotage.exchange.cells import bind
from pilotage.exchange.sheets import FONT, HEADER_FILL, HEADER_TEXT, LINE_HEIGHT
from pilotage.exchange.template_dates import shown
from pilotage.exchange.template_labels import TemplateLabels
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_validations import EVIDENCE_LENGTH

if TYPE_CHECKING:
    from pilotage.exchange.template_workbook import TemplateData

LABEL_WIDTH = 26.0
TEXT_WIDTH = 92.0
_CHARS_PER_WIDTH = 1.05  # characters of 11-point text per unit of width, conservatively
_READ_FILL = "FFEDEDED"  # as the data sheet's columns to read
_GRID = Side(style="thin", color="FFA6A6A6")


def _lines(text: str, width: float) -> int:
    per_line = max(int(width * _CHARS_PER_WIDTH), 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


class _Writer:
    """Appends the sheet's rows in order (the sheet is streamed), each as tall as its text."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.row = 0

    def _append(self, cells: list[WriteOnlyCell], height: float | None = None) -> None:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)

    def blank(self) -> None:
        self._append([])

    def title(self, text: str) -> None:
        cell = _cell(self.ws, text)
        cell.font = Font(name=FONT, bold=True, size=16, color=HEADER_FILL)
        self._append([cell], 26.0)

    def line(
        self,
        label: str = "",
        text: str = "",
        *,
        label_fill: str | None = None,
        bold_text: bool = False,
    ) -> None:
        head = _cell(self.ws, label)
        head.font = Font(name=FONT, bold=True)
        head.alignment = Alignment(vertical="top", wrap_text=True)
        if label_fill:
            head.fill = PatternFill("solid", start_color=label_fill, end_color=label_fill)
            head.border = Border(left=_GRID, right=_GRID, top=_GRID, bottom=_GRID)
        body = _cell(self.ws, text)
        body.font = Font(name=FONT, bold=bold_text)
        body.alignment = Alignment(vertical="top", wrap_text=True)
        lines = max(_lines(label, LABEL_WIDTH), _lines(text, TEXT_WIDTH))
        self._append([head, body], LINE_HEIGHT * lines if lines > 1 else None)

    def section(self, title: str) -> None:
        self.blank()
        cells = [_cell(self.ws, title), _cell(self.ws, "")]
        for cell in cells:
            cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
            cell.font = Font(name=FONT, bold=True, color=HEADER_TEXT)
            cell.alignment = Alignment(vertical="center")
        self._append(cells, LINE_HEIGHT * 1.3)


def _cell(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    """A cell holding `text` as a string, never a formula (empty text: an empty cell)."""
    cell = WriteOnlyCell(ws)
    if text:
        bind(cell, text)
    return cell


def write_instructions(
    ws: WriteOnlyWorksheet, data: TemplateData, labels: TemplateLabels, data_title: str
) -> None:
    # The head first: a streamed sheet writes its columns before its rows.
    ws.column_dimensions["A"].width = LABEL_WIDTH
    ws.column_dimensions["B"].width = TEXT_WIDTH
    ws.sheet_view.showGridLines = False
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3  # as sheets.print_setup
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.right.text = "&A"
    w = _Writer(ws)
    w.title(labels["title"].format(reference=data.program_reference))
    w.blank()
    w.line(labels["program"], f"{data.program_reference} — {data.program_title}", bold_text=True)
    w.line(
        labels["periods"],
        labels["periods.range"].format(
            start=shown(data.start, labels.language), end=shown(data.end, labels.language)
        ),
    )
    w.line(labels["initiatives"], ", ".join(data.initiatives) or labels["initiatives.all"])
    w.line(labels["rows"], labels["rows.count"].format(rows=len(data.rows), kpis=data.kpi_count))
    w.line(labels["prepared"], shown(data.prepared_on, labels.language))

    w.section(labels["about"])
    w.line("", labels["about.text"].format(data=data_title))

    w.section(labels["read"])
    w.line(labels.header(Field.TARGET), labels["read.target"], label_fill=_READ_FILL)
    w.line(labels.header(Field.RECORDED), labels["read.recorded"], label_fill=_READ_FILL)

    yes, no = layout.YES_NO_WORDS[labels.language]
    w.section(labels["fill"])
    fill = "FFFFFFFF"
    w.line(labels.header(Field.VALUE), labels["fill.value"].format(yes=yes, no=no), label_fill=fill)
    w.line(
        f"{labels.header(Field.NUMERATOR)}, {labels.header(Field.DENOMINATOR).lower()}",
        labels["fill.ratio"],
        label_fill=fill,
    )
    w.line(
        labels.header(Field.DISAGGREGATIONS),
        labels["fill.disaggregations"].format(example=labels["example"]),
        label_fill=fill,
    )
    w.line(labels.header(Field.COMMENT), labels["fill.comment"], label_fill=fill)
    length = f"{EVIDENCE_LENGTH:,}".replace(",", "\u202f")  # 1 000: a thin space in both
    w.line(
        labels.header(Field.EVIDENCE),
        labels["fill.evidence"].format(length=length),
        label_fill=fill,
    )
    first, last = (shown(day, labels.language) for day in data.days)
    w.line(
        labels.header(Field.DATE_REACHED),
        labels["fill.one_off"].format(
            date_reached=labels.header(Field.DATE_REACHED), first=first, last=last
        ),
        label_fill=fill,
    )
    w.line("", labels["fill.empty"])

    w.section(labels["rules"])
    for key in ("rules.locked", "rules.rows", "rules.checks", "rules.send"):
        w.line("", f"•  {labels[key]}")
    ws.print_area = f"A1:B{w.row}"
