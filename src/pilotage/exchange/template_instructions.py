"""A template's first sheet: what the file is and how to fill it, for the partner.

Two columns: a label (a column's header, a fact's name) and its explanation,
wrapped, with each row as tall as its text so that it reads and prints whole
(neither Excel nor LibreOffice grows a row written without a height when printing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.exchange import template_layout as layout
from pilotage.exchange.cells import bind
from pilotage.exchange.sheets import FONT, HEADER_FILL, HEADER_TEXT, LINE_HEIGHT
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
    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = 0

    def line(
        self,
        label: str = "",
        text: str = "",
        *,
        label_fill: str | None = None,
        bold_text: bool = False,
    ) -> None:
        self.row += 1
        ws = self.ws
        head = ws.cell(self.row, 1)
        bind(head, label or None)
        head.font = Font(name=FONT, bold=True)
        head.alignment = Alignment(vertical="top", wrap_text=True)
        if label_fill:
            head.fill = PatternFill("solid", start_color=label_fill, end_color=label_fill)
            head.border = Border(left=_GRID, right=_GRID, top=_GRID, bottom=_GRID)
        body = ws.cell(self.row, 2)
        bind(body, text or None)
        body.font = Font(name=FONT, bold=bold_text)
        body.alignment = Alignment(vertical="top", wrap_text=True)
        lines = max(_lines(label, LABEL_WIDTH), _lines(text, TEXT_WIDTH))
        if lines > 1:
            ws.row_dimensions[self.row].height = LINE_HEIGHT * lines

    def section(self, title: str) -> None:
        self.row += 1  # a blank line before each section
        self.row += 1
        for column in (1, 2):
            cell = self.ws.cell(self.row, column)
            cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
            cell.font = Font(name=FONT, bold=True, color=HEADER_TEXT)
        bind(self.ws.cell(self.row, 1), title)
        self.ws.row_dimensions[self.row].height = LINE_HEIGHT * 1.3


def write_instructions(
    ws: Worksheet, data: TemplateData, labels: TemplateLabels, data_title: str
) -> None:
    ws.title = labels["sheet.instructions"]
    ws.column_dimensions["A"].width = LABEL_WIDTH
    ws.column_dimensions["B"].width = TEXT_WIDTH
    ws.sheet_view.showGridLines = False
    w = _Writer(ws)
    w.row = 1
    title = ws.cell(1, 1)
    bind(title, labels["title"].format(reference=data.program_reference))
    title.font = Font(name=FONT, bold=True, size=16, color=HEADER_FILL)
    ws.row_dimensions[1].height = 26
    w.row += 1
    w.line(labels["program"], f"{data.program_reference} — {data.program_title}", bold_text=True)
    w.line(
        labels["periods"],
        labels["periods.range"].format(start=data.start.isoformat(), end=data.end.isoformat()),
    )
    w.line(labels["initiatives"], ", ".join(data.initiatives) or labels["initiatives.all"])
    w.line(labels["rows"], labels["rows.count"].format(rows=len(data.rows), kpis=data.kpi_count))
    w.line(labels["prepared"], data.prepared_on.isoformat())

    w.section(labels["about"])
    w.line("", labels["about.text"].format(data=data_title))

    w.section(labels["read"])
    w.line(labels.header(Field.TARGET), labels["read.target"], label_fill=_READ_FILL)
    w.line(labels.header(Field.RECORDED), labels["read.recorded"], label_fill=_READ_FILL)

    yes, no = layout.YES_NO_WORDS[labels.language]
    w.section(labels["fill"])
    w.line(
        labels.header(Field.VALUE),
        labels["fill.value"].format(yes=yes, no=no),
        label_fill="FFFFFFFF",
    )
    w.line(
        f"{labels.header(Field.NUMERATOR)}, {labels.header(Field.DENOMINATOR).lower()}",
        labels["fill.ratio"],
        label_fill="FFFFFFFF",
    )
    w.line(
        labels.header(Field.DISAGGREGATIONS),
        labels["fill.disaggregations"].format(example=labels["example"]),
        label_fill="FFFFFFFF",
    )
    w.line(labels.header(Field.COMMENT), labels["fill.comment"], label_fill="FFFFFFFF")
    w.line(
        labels.header(Field.EVIDENCE),
        labels["fill.evidence"].format(length=f"{EVIDENCE_LENGTH:,}".replace(",", "\u202f")),
        label_fill="FFFFFFFF",
    )
    w.line("", labels["fill.empty"])
    w.line("", labels["fill.one_off"])

    w.section(labels["rules"])
    for key in ("rules.locked", "rules.rows", "rules.checks", "rules.send"):
        w.line("", f"•  {labels[key]}")

    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.print_area = f"A1:B{w.row}"
