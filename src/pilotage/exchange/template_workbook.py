"""Writing a data-collection template: instructions, then one row per KPI and period due.

The layout is template_layout's: identifiers in hidden, locked columns A–C; what
the row is about shown and locked (grey); the columns to fill unlocked (white),
with a validation per cell that refuses an impossible figure. A ratio row takes
a numerator and a denominator, so its value cell is locked; any other row takes a
value, so its numerator and denominator are locked. A row whose figure is validated
(closed: the import refuses any change to it) has every cell locked and grey, and
its figure reads "234 (validated, closed)". A recorded split is shown in the
disaggregations cell, as a partner types it, so that a corrected total comes back
with its split (left empty when the split would not read back the same).

The workbook is streamed (write-only) and the data rows written as XML text
(row_xml), each cell in a style registered once per kind of cell: a template of
2,000 KPIs by 12 months (400,000 cells) writes in a few seconds. Text is always a
string there, never a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pilotage.domain.enums import Measure
from pilotage.domain.periods import period_label
from pilotage.exchange import fast_rows
from pilotage.exchange import template_layout as layout
from pilotage.exchange.cells import clean_text
from pilotage.exchange.fast_rows import RawRows
from pilotage.exchange.kpi_formats import value_format
from pilotage.exchange.labels import Labels
from pilotage.exchange.row_xml import RowXml
from pilotage.exchange.sheets import FONT, HEADER_FILL, HEADER_TEXT, LINE_HEIGHT, print_setup
from pilotage.exchange.template_instructions import write_instructions
from pilotage.exchange.template_labels import TemplateLabels
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_validations import add_validations
from pilotage.exchange.workbook_marker import WorkbookKind, add_marker
from pilotage.exchange.writing import discard, save_atomically

READ_FILL = "FFEDEDED"  # shown and locked: what the row is about
NOT_HERE_FILL = "FFBFBFBF"  # locked on this row (a ratio's value, another KPI's numerator)
FILL_FILL = "FFFFFFFF"  # to fill
GRID = "FFA6A6A6"
DATE_FORMAT = "yyyy-mm-dd"
ENTRY_PERCENT_FORMAT = "0.0%"  # a percentage's value cell: it holds the fraction
# Column widths, in units of a digit; wrapped text columns grow rows, never widen.
WIDTHS: dict[Field, float] = {
    Field.KPI_ID: 8,
    Field.PERIOD_START: 11,
    Field.PERIOD_END: 11,
    Field.OWNER: 15,
    Field.KPI_CODE: 11,
    Field.KPI_NAME: 32,
    Field.UNIT: 12,
    Field.PERIOD: 11,
    Field.TARGET: 12,
    Field.RECORDED: 14,
    Field.VALUE: 12,
    Field.NUMERATOR: 12,
    Field.DENOMINATOR: 14,
    Field.DISAGGREGATIONS: 24,
    Field.COMMENT: 20,
    Field.EVIDENCE: 18,
    Field.DATE_REACHED: 14,
}
_WRAPPED = (Field.KPI_NAME, Field.UNIT)  # the read columns whose text may take lines
_CHARS_PER_WIDTH = 1.15  # characters of 11-point text per unit of width (as sheets.py)
_MAX_LINES = 6
_TEXT_FILLS = (Field.DISAGGREGATIONS, Field.COMMENT, Field.EVIDENCE)


@dataclass(frozen=True)
class TemplateRow:
    """One KPI and one period due, with what the partner should see about it."""

    kpi_id: int
    period_start: date
    period_end: date
    owner: str  # "P1 / P1-JIT", "P1", or the program's reference for its own KPIs
    kpi_code: str
    kpi_name: str
    unit: str
    measure: Measure
    target: Decimal | None  # as of the period's end (the engine's target_value)
    recorded_value: Decimal | None = None
    recorded_numerator: Decimal | None = None  # a ratio's figure already recorded
    recorded_denominator: Decimal | None = None
    recorded_validated: bool = False  # the figure is validated: the period is closed
    recorded_parts: tuple[tuple[str, str, Decimal], ...] = ()  # its split, if any
    one_off: bool = False  # measured once: its period is a day, and a date reached is asked

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.period_end)


@dataclass(frozen=True)
class TemplateData:
    program_reference: str
    program_title: str
    start: date  # the range of period ends asked for
    end: date
    prepared_on: date
    initiatives: tuple[str, ...] = ()  # codes chosen; empty: the whole program
    rows: tuple[TemplateRow, ...] = field(default_factory=tuple)
    # The bounds of a one-off KPI's date reached: the program's start and end (the range
    # asked for when not given).
    first_day: date | None = None
    last_day: date | None = None

    @property
    def days(self) -> tuple[date, date]:
        return self.first_day or self.start, self.last_day or self.end

    @property
    def kpi_count(self) -> int:
        return len({row.kpi_id for row in self.rows})


def write_template(data: TemplateData, language: str, out: Path) -> int:
    """Writes the template to `out` (whole or not at all); the number of data rows."""
    labels = TemplateLabels(language)
    wb = Workbook(write_only=True)
    wb.properties.title = clean_text(labels["doc.title"].format(reference=data.program_reference))
    wb.properties.subject = clean_text(
        labels["doc.subject"].format(start=data.start.isoformat(), end=data.end.isoformat())
    )
    wb.properties.creator = wb.properties.lastModifiedBy = labels["doc.creator"]
    data_title = labels["sheet.data"]
    try:
        write_instructions(wb.create_sheet(labels["sheet.instructions"]), data, labels, data_title)
        sheet = _DataSheet(wb.create_sheet(data_title), labels, Labels(language))
        sheet.write(data.rows, data.days)
        add_marker(
            wb,
            WorkbookKind.TEMPLATE,
            layout.VERSION,
            {
                layout.FACT_DATA_SHEET: data_title,
                layout.FACT_PROGRAM: data.program_reference,
                layout.FACT_LANGUAGE: language,
                layout.FACT_FROM: data.start.isoformat(),
                layout.FACT_TO: data.end.isoformat(),
                layout.FACT_FIRST_DAY: data.days[0].isoformat(),
                layout.FACT_LAST_DAY: data.days[1].isoformat(),
            },
        )
        save_atomically(wb, out)  # the workbook opens on its first sheet: the instructions
    except BaseException:
        discard(wb)
        raise
    return len(data.rows)


def _thin_grid() -> Border:
    side = Side(style="thin", color=GRID)
    return Border(left=side, right=side, top=side, bottom=side)


class _DataSheet:
    """The data sheet: header, rows, widths, protection, validations, print set-up.

    The sheet is streamed (write-only) and its rows written as XML text (row_xml): a
    template of 2,000 KPIs by 12 months is 400,000 cells, which openpyxl's own cells
    would take many seconds to build and save."""

    def __init__(
        self, ws: WriteOnlyWorksheet, labels: TemplateLabels, report_labels: Labels
    ) -> None:
        self.ws = ws
        self.labels = labels
        self.report_labels = report_labels  # the yes and no of a yes/no figure's format
        self.xml = RowXml(ws)
        self._styles: dict[tuple[str, str, str, bool, bool], int] = {}

    # -- styles: registered once per kind of cell --------------------------------------------
    def _style(
        self,
        fill: str,
        number_format: str = "General",
        horizontal: str = "general",
        *,
        locked: bool = True,
        wrap: bool = False,
    ) -> int:
        key = (fill, number_format, horizontal, locked, wrap)
        sid = self._styles.get(key)
        if sid is None:
            proto = WriteOnlyCell(self.ws)
            proto.font = Font(name=FONT)
            proto.fill = PatternFill("solid", start_color=fill, end_color=fill)
            proto.border = _thin_grid()
            proto.number_format = number_format
            proto.alignment = Alignment(
                horizontal=None if horizontal == "general" else horizontal,
                vertical="top",
                wrap_text=wrap,
            )
            proto.protection = Protection(locked=locked)
            sid = self._styles[key] = self.xml.style_id(proto)
        return sid

    # -- the sheet ---------------------------------------------------------------------------
    def write(self, rows: tuple[TemplateRow, ...], days: tuple[date, date]) -> None:
        ws = self.ws
        # The head first: a streamed sheet writes its columns and panes before its rows.
        for slot in layout.COLUMNS:
            dimension = ws.column_dimensions[layout.column_letter(slot.field)]
            dimension.width = WIDTHS[slot.field]
            if slot.hidden:
                dimension.hidden = True
        # The row's code and name stay in view while the partner scrolls to the columns to fill.
        ws.freeze_panes = f"{layout.column_letter(Field.KPI_NAME)}{layout.FIRST_DATA_ROW}"
        print_setup(ws, f"{layout.HEADER_ROW}:{layout.HEADER_ROW}")
        fast_rows.install(ws)
        ws._values_to_row = _raw_rows(ws._values_to_row)
        self._header()
        for number, row in enumerate(rows, start=layout.FIRST_DATA_ROW):
            self._row(number, row)
        self.xml.flush()
        last_row = max(layout.FIRST_DATA_ROW, layout.HEADER_ROW + len(rows))
        last_column = layout.column_letter(layout.COLUMNS[-1].field)
        ws.auto_filter.ref = f"A{layout.HEADER_ROW}:{last_column}{last_row}"
        add_validations(ws, rows, self.labels, days)
        self._protect()

    def _protect(self) -> None:
        """Protected without a password: the lock guards against slips, not against a
        partner who means to change a cell (a sheet password is trivially removed, and one
        forgotten would block the partner); the import checks every cell anyway."""
        protection = self.ws.protection
        protection.sheet = True
        # False allows: resizing rows (long comments) and filtering. Formatting columns
        # stays refused: it would let the hidden identifier columns be unhidden. Sorting
        # stays refused: it would move rows, which the instructions forbid.
        protection.formatColumns = True
        protection.formatRows = False
        protection.autoFilter = False

    def _header(self) -> None:
        proto = WriteOnlyCell(self.ws)
        proto.font = Font(name=FONT, bold=True, color=HEADER_TEXT)
        proto.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        proto.alignment = Alignment(vertical="center", wrap_text=True)
        proto.border = _thin_grid()
        sid = self.xml.style_id(proto)
        number = str(layout.HEADER_ROW)
        cells = [
            self.xml.cell(
                layout.column_letter(slot.field) + number, sid, self.labels.header(slot.field)
            )
            for slot in layout.COLUMNS
        ]
        self.xml.row(number, cells, LINE_HEIGHT * 2)

    def _row(self, number: int, row: TemplateRow) -> None:
        ratio = row.measure is Measure.RATIO
        values = dict(self._shown(row))
        lines = 1
        suffix = str(number)
        cells: list[str] = []
        for slot in layout.COLUMNS:
            f = slot.field
            value = values.get(f)
            sid = self._style_of(f, row, value, ratio)
            ref = layout.column_letter(f) + suffix
            if value is None:
                cells.append(f'<c r="{ref}" s="{sid}"/>')  # empty, but styled and locked or not
            else:
                cells.append(self.xml.cell(ref, sid, value))  # text stays text: never <f>
            if f in _WRAPPED and isinstance(value, str):
                per_line = max(int(WIDTHS[f] * _CHARS_PER_WIDTH), 1)
                lines = max(lines, -(-len(value) // per_line))
        height = LINE_HEIGHT * min(lines, _MAX_LINES) if lines > 1 else None
        self.xml.row(suffix, cells, height)

    def _shown(self, row: TemplateRow) -> Iterator[tuple[Field, object]]:
        yield Field.KPI_ID, row.kpi_id
        yield Field.PERIOD_START, row.period_start
        yield Field.PERIOD_END, row.period_end
        yield Field.OWNER, row.owner
        yield Field.KPI_CODE, row.kpi_code
        yield Field.KPI_NAME, row.kpi_name
        yield Field.UNIT, self._unit(row)
        yield Field.PERIOD, row.period
        yield Field.TARGET, row.target
        recorded: object = row.recorded_value
        if row.measure is Measure.RATIO:
            recorded = None
            if row.recorded_numerator is not None and row.recorded_denominator is not None:
                recorded = f"{_plain(row.recorded_numerator)} / {_plain(row.recorded_denominator)}"
        if row.recorded_validated and recorded is not None:
            # Said in the cell itself: a comment box would be missed, a colour not printed.
            recorded = self.labels["recorded.validated"].format(figure=self._figure(row, recorded))
        yield Field.RECORDED, recorded
        split = _split_text(row.recorded_parts)
        if split:
            yield Field.DISAGGREGATIONS, split

    def _figure(self, row: TemplateRow, recorded: object) -> str:
        """A recorded figure as text: "240 / 330", "72.5 %", "oui", "1,250"."""
        if not isinstance(recorded, Decimal):
            return str(recorded)
        if row.measure is Measure.YES_NO:
            yes, no = layout.YES_NO_WORDS[self.labels.language]
            return yes if recorded else no
        text = _plain(recorded)
        return f"{text} %" if row.measure is Measure.PERCENTAGE else text

    def _unit(self, row: TemplateRow) -> str:
        if row.measure is Measure.YES_NO and not row.unit.strip():
            yes, no = layout.YES_NO_WORDS[self.labels.language]
            return f"{yes} / {no}"
        return row.unit

    def _style_of(self, f: Field, row: TemplateRow, value: object, ratio: bool) -> int:
        if f in (Field.PERIOD_START, Field.PERIOD_END):
            return self._style(FILL_FILL, DATE_FORMAT)  # hidden: locked, plain
        if f is Field.KPI_ID:
            return self._style(FILL_FILL, "0")
        if row.recorded_validated and f in layout.TO_FILL:
            return self._style(NOT_HERE_FILL, "@", wrap=True)  # closed: nothing to fill
        if f in (Field.TARGET, Field.RECORDED):
            if isinstance(value, str):  # a ratio's "240 / 330"
                return self._style(READ_FILL, horizontal="right")
            figure = value if isinstance(value, Decimal) else None
            fmt = value_format(row.measure, row.unit, figure, self.report_labels)
            horizontal = "center" if row.measure is Measure.YES_NO else "general"
            return self._style(READ_FILL, fmt, horizontal)
        if f is Field.VALUE:
            if ratio:
                return self._style(NOT_HERE_FILL)
            return self._style(FILL_FILL, *_entry_format(row.measure), locked=False)
        if f in (Field.NUMERATOR, Field.DENOMINATOR):
            if not ratio:
                return self._style(NOT_HERE_FILL)
            return self._style(FILL_FILL, "General", locked=False)
        if f in _TEXT_FILLS:
            return self._style(FILL_FILL, "@", locked=False, wrap=True)
        if f is Field.DATE_REACHED:
            if not row.one_off:
                return self._style(NOT_HERE_FILL)
            return self._style(FILL_FILL, DATE_FORMAT, "center", locked=False)
        return self._style(READ_FILL, wrap=f in _WRAPPED)


_ToRow = Callable[[Sequence[object], int], Iterable[Cell]]


def _raw_rows(cells_of: _ToRow) -> _ToRow:
    """The sheet's `_values_to_row`, letting batches of rows written as text through."""

    def to_row(values: Sequence[object], row_idx: int) -> Iterable[Cell]:
        if type(values) is RawRows:
            return values
        return cells_of(values, row_idx)

    return to_row


def _entry_format(measure: Measure) -> tuple[str, str]:
    """How a figure typed in the value cell shows, and where it sits."""
    if measure is Measure.COUNT:
        return "#,##0", "general"
    if measure is Measure.PERCENTAGE:
        # A true percent cell: 72 % typed (or 72, which Excel's percent entry reads as 72 %)
        # is stored as the fraction 0.72, which the reader turns back into 72 points.
        return ENTRY_PERCENT_FORMAT, "general"
    if measure is Measure.YES_NO:
        return "General", "center"
    return "General", "general"


def _split_text(parts: tuple[tuple[str, str, Decimal], ...]) -> str:
    """The recorded split as the partner types it, or "" when it would not read back the
    same (a category holding "/" or "=", say): the import must find it unchanged."""
    if not parts:
        return ""
    text = layout.format_disaggregations(parts)
    try:
        again = layout.parse_disaggregations(text)
    except ValueError:
        return ""
    return text if again == parts else ""


def _plain(value: Decimal) -> str:
    """240 rather than 240.000000: the stored scale is not the partner's."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
