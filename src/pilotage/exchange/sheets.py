"""A streamed table sheet: styled header, frozen and filtered, widths from content, printable.

The columns (their kinds, formats and widths) are described in columns.py.

Built on openpyxl's write-only mode so that a sheet of a million cells costs the
memory of a few rows. Write-only mode writes the sheet's head (column widths,
frozen panes, page properties) before the first row, so `TableSheet` holds back
the first `SAMPLE_ROWS` rows, sizes the columns from them and the header, then
streams the rest. Every cell goes through `cells.cell_value` or one of the column
kinds below: no text becomes a formula.

Styles are costly per cell in openpyxl; a styled column keeps one prototype cell
and copies its style array into each new cell, which is what openpyxl would
compute anyway, without the lookups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.domain.enums import KpiStatus
from pilotage.domain.status_colors import STATUS_COLORS, STATUS_TEXT_COLORS, argb
from pilotage.exchange import fast_rows
from pilotage.exchange.cells import bind, cell_value, clean_text, new_cell, plain, text_cell
from pilotage.exchange.columns import (
    HEADER_ALIGN,
    MIN_WIDTH,
    NUMBER_FORMATS,
    Column,
    Kind,
    Num,
    display_length,
    header_text_lines,
    header_width,
    money_format,
    safe_link,
)
from pilotage.exchange.fast_rows import RawRows
from pilotage.exchange.row_xml import RowXml

SAMPLE_ROWS = 200  # rows held back to size the columns
FONT = "Calibri"  # openpyxl's default body font; a font without a name prints in serif
LINE_HEIGHT = 15.0  # points per line of 11-point text
# Characters of proportional text per unit of column width (a unit is one digit wide).
CHARS_PER_WIDTH = 1.15
MAX_LINES = 12  # a wrapped cell grows up to this many lines (the rest scrolls)
HEADER_FILL = "FF1F3A5F"  # the window's dark blue header
HEADER_TEXT = "FFFFFFFF"
LINK_COLOR = "FF0563C1"  # Excel's own hyperlink blue


TOP = Alignment(vertical="top")  # every cell of a row level with its wrapped text


def new_workbook(title: str, subject: str, creator: str) -> Workbook:
    """A write-only workbook with its document properties (shown by File > Properties)."""
    wb = Workbook(write_only=True)
    wb.properties.title = clean_text(title)
    wb.properties.subject = clean_text(subject)
    wb.properties.creator = clean_text(creator)
    wb.properties.lastModifiedBy = clean_text(creator)
    return wb


def print_setup(ws: Worksheet | WriteOnlyWorksheet, title_rows: str | None = "1:1") -> None:
    """Landscape, one page wide (as many long as needed), header rows repeated, page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    # The footer sits 0.3" from the edge, well inside the 0.75" bottom margin: with
    # openpyxl's 0.5" footer in a 0.6" margin, LibreOffice clipped the page numbers.
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.right.text = "&A"


class _Styled(Cell):  # type: ignore[misc]
    """A cell whose style was registered once with the workbook (`sid`): openpyxl would
    look the style up again for every cell it writes."""

    __slots__ = ("sid",)

    @property
    def style_id(self) -> int:
        return int(self.sid)

    @property
    def has_style(self) -> bool:
        return True


def _integral(value: object) -> bool:
    if isinstance(value, Decimal):
        return value.is_finite() and value == value.to_integral_value()
    return isinstance(value, int) and not isinstance(value, bool)


class TableSheet:
    """One sheet holding a table: `write` each row, then `close` (or use `with`)."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        columns: Sequence[Column],
        status_names: Mapping[KpiStatus, str],
        *,
        preamble: Sequence[Sequence[object]] = (),
        repeat_header: bool = True,
    ) -> None:
        """`preamble`: lines written above the table (a title, the as-of date), in bold.
        `repeat_header`: print the header row on every page (not where later pages hold
        only charts, which would print under an empty header)."""
        self.ws: WriteOnlyWorksheet = wb.create_sheet(title=title[:31])
        self.columns = tuple(columns)
        self.status_names = status_names
        self.preamble = tuple(preamble)
        self.header_row = len(self.preamble) + 1
        self.repeat_header = repeat_header
        self.rows = 0
        self._pending: list[Sequence[object]] | None = []
        self._shared: Cell = WriteOnlyCell(self.ws)
        self.ws._values_to_row = self._to_row  # see _to_row
        self._xml = RowXml(self.ws)
        # Per column: its letter, its kind and the style of its cells (None: unstyled).
        self._plans: list[tuple[str, Kind, int | None]] = []
        self._status_sids: dict[KpiStatus, int] = {}
        self._link_sid = self._top_sid = 0
        self._formats: dict[str, int] = {}  # number format -> style (top-aligned)
        self._wrapped: list[tuple[int, float]] = []  # (column index, width) of wrapped columns
        self.after_close: list[Callable[[WriteOnlyWorksheet], None]] = []

    # -- rows ----------------------------------------------------------------------------
    def write(self, row: Sequence[object]) -> None:
        if self._pending is not None:
            self._pending.append(row)
            if len(self._pending) >= SAMPLE_ROWS:
                self._start()
            return
        self._append(row)

    def write_all(self, rows: Iterable[Sequence[object]]) -> None:
        for row in rows:
            self.write(row)

    def close(self) -> int:
        """Writes what is held back and the sheet's tail (filter, print set-up); the row count."""
        if self._pending is not None:
            self._start()
        self._xml.flush()
        last_row = self.header_row + self.rows
        last_col = get_column_letter(max(len(self.columns), 1))
        self.ws.auto_filter.ref = f"A{self.header_row}:{last_col}{last_row}"
        for hook in self.after_close:
            hook(self.ws)
        return self.rows

    def __enter__(self) -> TableSheet:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    # -- head ----------------------------------------------------------------------------
    def _start(self) -> None:
        pending = self._pending or []
        self._pending = None
        self._size_columns(pending)
        ws = self.ws
        ws.freeze_panes = f"A{self.header_row + 1}"
        print_setup(ws, f"{self.header_row}:{self.header_row}" if self.repeat_header else None)
        self._build_prototypes()
        fast_rows.install(ws)  # after the head (widths, panes): its writer starts now
        bold = Font(name=FONT, bold=True)
        for line in self.preamble:
            cells: list[object] = []
            for value in line:
                cell = WriteOnlyCell(ws, value=None)
                cell_v = cell_value(ws, value)
                if isinstance(cell_v, Cell):
                    cell = cell_v
                else:
                    cell.value = cell_v
                cell.font = bold
                cells.append(cell)
            ws.append(cells)
        ws.append([self._header_cell(c) for c in self.columns])
        for row in pending:
            self._append(row)

    def _header_cell(self, column: Column) -> Cell:
        cell = text_cell(self.ws, column.header)
        cell.font = Font(name=FONT, bold=True, color=HEADER_TEXT)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        # Over its figures: a number's header on their right (indented, clear of the filter's
        # button, which sits in the cell's right corner), a status's in their middle.
        horizontal = HEADER_ALIGN.get(column.kind, "left")
        cell.alignment = Alignment(
            horizontal=horizontal,
            vertical="center",
            wrap_text=True,
            indent=1 if horizontal == "right" else 0,
        )
        cell.border = Border(bottom=Side(style="thin", color="FF000000"))
        return cell

    def _size_columns(self, sample: Sequence[Sequence[object]]) -> None:
        header_lines = 1
        for index, column in enumerate(self.columns):
            longest = header_width(column.header)
            money = money_format(column.currency) if column.kind is Kind.MONEY else ""
            for row in sample:
                if index < len(row):
                    value = row[index]
                    number_format = money
                    if column.kind is Kind.STATUS and isinstance(value, KpiStatus):
                        value = self.status_names.get(value, value.value)
                    elif isinstance(value, Num):
                        number_format = value.number_format
                        value = value.value
                    elif isinstance(value, tuple):  # (text, url) links
                        value = value[0]
                    longest = max(longest, display_length(plain(value), number_format) + 1.0)
            width = min(max(longest, MIN_WIDTH), column.max_width)
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width
            if column.kind is Kind.WRAP:
                self._wrapped.append((index, width))
            header_lines = max(header_lines, len(header_text_lines(column.header, width)))
        if header_lines > 1:  # the header's wrapped words, all shown
            self.ws.row_dimensions[self.header_row].height = LINE_HEIGHT * header_lines

    def _build_prototypes(self) -> None:
        """Registers the styles of the columns, the statuses, the links and the formats."""
        ws = self.ws
        xml = self._xml
        for index, column in enumerate(self.columns):
            proto: Cell | None = None
            if column.kind is Kind.MONEY:
                proto = WriteOnlyCell(ws)
                proto.number_format = money_format(column.currency)
            elif column.kind in NUMBER_FORMATS:
                proto = WriteOnlyCell(ws)
                proto.number_format = NUMBER_FORMATS[column.kind]
            elif column.kind is Kind.WRAP:
                proto = WriteOnlyCell(ws)
                proto.alignment = Alignment(wrap_text=True, vertical="top")
            elif column.kind is Kind.CENTERED:
                proto = WriteOnlyCell(ws)
                proto.alignment = Alignment(horizontal="center", vertical="top")
            if proto is not None and column.kind not in (Kind.WRAP, Kind.CENTERED):
                proto.alignment = TOP
            sid = None if proto is None else xml.style_id(proto)
            self._plans.append((get_column_letter(index + 1), column.kind, sid))
        for status, colour in STATUS_COLORS.items():
            cell = WriteOnlyCell(ws)
            cell.fill = PatternFill("solid", start_color=argb(colour), end_color=argb(colour))
            cell.font = Font(name=FONT, bold=True, color=argb(STATUS_TEXT_COLORS[status]))
            cell.alignment = Alignment(horizontal="center", vertical="top")
            self._status_sids[status] = xml.style_id(cell)
        link = WriteOnlyCell(ws)
        link.font = Font(name=FONT, color=LINK_COLOR, underline="single")
        link.alignment = TOP
        self._link_sid = xml.style_id(link)
        top = WriteOnlyCell(ws)
        top.alignment = TOP
        self._top_sid = xml.style_id(top)

    def _format_sid(self, number_format: str) -> int:
        """The style of a top-aligned cell in `number_format`."""
        sid = self._formats.get(number_format)
        if sid is None:
            proto = WriteOnlyCell(self.ws)
            proto.number_format = number_format
            proto.alignment = TOP
            sid = self._formats[number_format] = self._xml.style_id(proto)
        return sid

    def _to_row(self, values: Sequence[object], row_idx: int) -> Iterable[Cell]:
        """Replaces the sheet's `_values_to_row`: the cells of one row for openpyxl's writer
        (the preamble and the header), or a batch of data rows already written as text.

        Plain values share one cell (as openpyxl does), bound by `cells.bind` so text is
        never a formula.
        """
        if type(values) is RawRows:
            return values
        return self._cells(values, row_idx)

    def _cells(self, values: Sequence[object], row_idx: int) -> Iterator[Cell]:
        shared = self._shared
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            elif isinstance(value, date):  # openpyxl gives a bare date a style of its own
                cell = new_cell(self.ws, value)
            else:
                cell = shared
                bind(cell, value)
            cell.column = col_idx
            cell.row = row_idx
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell

    def _row_height(self, row: Sequence[object]) -> float | None:
        """Wrapped text gets the lines it needs: neither Excel nor LibreOffice grows a
        row written without a height when printing. The height in points of a row taller
        than a line (its cells are then aligned at the top, as wrapped text is), else None."""
        lines = 1
        for index, width in self._wrapped:
            value = row[index] if index < len(row) else None
            if isinstance(value, str) and len(value) > width - 1:
                per_line = max(int(width * CHARS_PER_WIDTH), 1)
                needed = sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))
                lines = max(lines, needed)
        return LINE_HEIGHT * min(lines, MAX_LINES) if lines > 1 else None

    def _append(self, row: Sequence[object]) -> None:
        """Writes one data row as XML text: each value in its column's style."""
        number = str(self.header_row + self.rows + 1)
        height = self._row_height(row) if self._wrapped else None
        xml = self._xml
        cells: list[str] = []
        for (letter, kind, sid), value in zip(self._plans, row, strict=False):
            if value is None:
                continue
            if type(value) is Num:
                if value.value is None:
                    continue
                sid = self._format_sid(value.number_format)
                value = value.value
            elif kind is Kind.STATUS and isinstance(value, KpiStatus):
                sid = self._status_sids[value]
                value = self.status_names.get(value, value.value)
            elif kind is Kind.LINK:
                text, url = value if isinstance(value, tuple) else (value, value)
                target = safe_link(str(url))
                value = text
                if target is None:
                    sid = self._top_sid if height else None
                else:
                    sid = self._link_sid
                    xml.link(letter + number, target)
            elif kind is Kind.DECIMAL and _integral(value):
                sid = self._format_sid(NUMBER_FORMATS[Kind.INTEGER])
            elif sid is None:
                if isinstance(value, date):  # a date outside a date column: still a date
                    kind_format = Kind.DATETIME if isinstance(value, datetime) else Kind.DATE
                    sid = self._format_sid(NUMBER_FORMATS[kind_format])
                elif height:
                    sid = self._top_sid
            cells.append(xml.cell(letter + number, sid, value))
        xml.row(number, cells, height)
        self.rows += 1
