"""The rows of a read-only sheet, read quickly, exactly as openpyxl reads them.

openpyxl's read-only sheet parses each cell through `WorkSheetParser.parse_cell`:
a dictionary per cell, a regular expression per coordinate and, for an inline
string, a descriptor-built `Text` object: on a program workbook of hundreds of
thousands of rows, most of an import's time. Worse, a sheet written write-only has
no <dimension>, and openpyxl then parses the whole sheet once more just to size it
when the workbook opens.

`ScannedSheet` is openpyxl's read-only sheet with both costs removed: its size is
the one safe_reading counted while checking the part (never a full parse of its
own), and its rows come from lxml's iterparse straight from the zip member, each
cell turned into the value openpyxl would give (`ReadOnlyCell`s, or values): inline
and shared strings, numbers (int or float, as openpyxl casts them), booleans, dates
by the cell's style number format (the workbook's own date styles, as openpyxl
found them), ISO dates (t="d"), error cells (t="e", their text), formulas (<f>:
data type "f", the text openpyxl gives, shared and array formulas through openpyxl's
own parser). Rows skipped in the file come back empty, as openpyxl gives them.

Asked for it (`typed_rows(..., percent=True)`), a number whose style's number format
is a true percent format ("0%", "0.0%": a % outside quotes) comes with the data type
"%" rather than "n": "72%" typed in Excel is stored as 0.72 in such a cell, and only
the format says the partner meant 72.

Only parts that safe_reading has checked are read here (the same bytes, held in
memory): no document type declaration, no entity, sizes bounded. lxml is asked,
besides, never to load a DTD, resolve an entity or use the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from lxml import etree  # type: ignore[import-untyped]  # no stubs; used untyped
from openpyxl.cell.read_only import EMPTY_CELL, ReadOnlyCell
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_CELL = f"{{{SHEET_MAIN_NS}}}c"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
_DIGITS = "0123456789"

_COLUMNS: dict[str, int] = {}
_Row = TypeVar("_Row")
PERCENT = "%"  # the data type of a number shown as a percentage (percent=True)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # literal text, an escaped character, [Red]


def is_percent_format(code: str | None) -> bool:
    """Whether a number format shows its number times 100 with a % sign: a % outside
    quotes, escapes and brackets ("0%", "0.00%"; not '0.0"%"' nor "0\\%")."""
    return bool(code) and "%" in _QUOTED.sub("", code or "")


def percent_styles(workbook: Any) -> frozenset[int]:
    """The style numbers of `workbook`'s cells whose number format is a percent format
    (read as openpyxl's reader left them: custom formats from BUILTIN_FORMATS_MAX_SIZE)."""
    custom: list[str] = list(getattr(workbook, "_number_formats", None) or [])
    found: set[int] = set()
    for number, style in enumerate(getattr(workbook, "_cell_styles", None) or []):
        format_id = int(getattr(style, "numFmtId", 0) or 0)
        if format_id >= BUILTIN_FORMATS_MAX_SIZE:
            index = format_id - BUILTIN_FORMATS_MAX_SIZE
            code = custom[index] if index < len(custom) else None
        else:
            code = builtin_format_code(format_id)
        if is_percent_format(code):
            found.add(number)
    return frozenset(found)


def _column(reference: str) -> int:
    """The column number of a cell reference ("AB12" -> 28), as openpyxl reads it."""
    letters = reference.rstrip(_DIGITS)
    known = _COLUMNS.get(letters)
    if known is not None:
        return known
    from openpyxl.utils.cell import coordinate_to_tuple

    number: int = coordinate_to_tuple(reference)[1]  # openpyxl's own reading, its errors too
    if len(_COLUMNS) < 20_000:
        _COLUMNS[letters] = number
    return number


def _row_number(text: str) -> int:
    """A row's r attribute as openpyxl reads it (a whole float is accepted)."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number.is_integer():
            return int(number)
        raise ValueError(f"{text} is not a valid row number") from None


def _inline_text(element: Any) -> str:
    """An inline string's text: its plain text, then its runs' (openpyxl's Text.content)."""
    plain: str | None = None
    runs: list[str] = []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            text: str | None = None
            for part in child:
                if part.tag == _TEXT:
                    text = part.text
            if text is not None:
                runs.append(text)
    return (plain or "") + "".join(runs)


class _OutOfRangeError(Exception):
    pass


class _CellReader:
    """Turns `<c>` elements into (value, data type, style id), as openpyxl's parse_cell."""

    def __init__(self, sheet: ReadOnlyWorksheet) -> None:
        wb = sheet.parent
        self.shared: Any = sheet._shared_strings
        self.epoch = wb.epoch
        self.dates = wb._date_formats
        self.durations = wb._timedelta_formats
        self.percents = percent_styles(wb)
        self.formulas: WorkSheetParser | None = None  # openpyxl's, for a formula's text
        # The dates of a sheet repeat (periods): each serial number converted once.
        self.days: dict[tuple[Any, bool], Any] = {}

    def formula(self, element: Any) -> Any:
        if self.formulas is None:
            self.formulas = WorkSheetParser(None, self.shared)
        return self.formulas.parse_formula(element)

    def _day(self, number: Any, duration: bool) -> Any:
        """openpyxl's from_excel of a serial number (a date, a date-time or a duration);
        one outside the dates a workbook holds raises DateOutOfRangeError."""
        key = (number, duration)
        day = self.days.get(key)
        if day is None:
            try:
                day = from_excel(number, self.epoch, timedelta=duration)
            except (OverflowError, ValueError):
                raise _OutOfRangeError from None
            if len(self.days) < 100_000:
                self.days[key] = day
        return day

    def cell(self, element: Any) -> tuple[Any, str, int]:
        try:
            return self._cell(element)
        except _OutOfRangeError:  # as openpyxl reads it: an error cell
            return "#VALUE!", "e", element.get("s", 0) and int(element.get("s"))

    def _cell(self, element: Any) -> tuple[Any, str, int]:
        kind: str = element.get("t", "n")
        style = element.get("s", 0)
        if style:
            style = int(style)
        text: str | None = None
        formula = inline = None
        for child in element:
            tag = child.tag
            if tag == _VALUE:
                text = child.text
            elif tag == _FORMULA:
                formula = child
            elif tag == _INLINE:
                inline = child
        if formula is not None:
            return self.formula(element), "f", style
        if kind == "inlineStr":
            if inline is None:
                return None, kind, style
            if len(inline) == 1:  # the usual <is><t>...</t></is>
                only = inline[0]
                if only.tag == _TEXT:
                    return only.text or "", "s", style
            return _inline_text(inline), "s", style
        if not text:
            return None, kind, style
        if kind == "n":
            if "." in text or "E" in text or "e" in text:
                number: Any = float(text)
            else:
                number = int(text)
            if style in self.dates:
                return self._day(number, style in self.durations), "d", style
            return number, kind, style
        if kind == "s":
            return self.shared[int(text)], kind, style
        if kind == "b":
            return bool(int(text)), kind, style
        if kind == "str":
            return text, "s", style
        if kind == "d":
            return from_ISO8601(text), kind, style
        return text, kind, style  # "e": the error's text


def guarded(
    reading: Callable[[], Iterator[_Row]], refusal: Callable[[Exception], Exception]
) -> Iterator[_Row]:
    """What `reading()` gives, any failure while it is read (a read-only sheet is parsed as
    it is read) raised as `refusal(error)`: openpyxl's and lxml's errors are not one family,
    and any of them is the file's."""
    rows = reading()
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as error:
            raise refusal(error) from None
        yield row


_CELLS, _VALUES, _PAIRS, _PERCENT_PAIRS = "cells", "values", "pairs", "percent pairs"
EMPTY: tuple[None, str] = (None, "n")  # an empty cell, as a (value, data type) pair


def typed_rows(
    sheet: Any,
    *,
    min_row: int = 1,
    max_row: int | None = None,
    max_col: int,
    percent: bool = False,
) -> Iterator[tuple[tuple[Any, str], ...]]:
    """The sheet's rows from `min_row`, each cell up to `max_col` as a (value, data type)
    pair ("f" a formula, "e" an error cell, "s" a text, "n" a number or nothing, ...):
    openpyxl's cells without a cell object each, for a sheet of any kind. With `percent`,
    a number in a percent format has the data type PERCENT ("%")."""
    if isinstance(sheet, ScannedSheet):
        last_row = max_row or sheet.max_row or 1
        yield from fast_rows(
            sheet, 1, min_row, max_col, last_row, _PERCENT_PAIRS if percent else _PAIRS
        )
        return
    for row in sheet.iter_rows(min_row=min_row, max_row=max_row, max_col=max_col):
        yield tuple((cell.value, _data_type(cell, percent)) for cell in row)


def _data_type(cell: Any, percent: bool) -> str:
    kind: str = getattr(cell, "data_type", "n")
    shown = getattr(cell, "number_format", None)
    if percent and kind == "n" and cell.value is not None and is_percent_format(shown):
        return PERCENT
    return kind


def fast_rows(
    sheet: ReadOnlyWorksheet,
    min_col: int,
    min_row: int,
    max_col: int,
    max_row: int,
    values_only: bool | str = False,
) -> Iterator[tuple[Any, ...]]:
    """What openpyxl's `ReadOnlyWorksheet._cells_by_row` yields, read with lxml; with
    values_only "pairs", each cell as a (value, data type) pair."""
    if values_only in (_PAIRS, _PERCENT_PAIRS):
        shape = _PAIRS if values_only == _PAIRS else _PERCENT_PAIRS
    else:
        shape = _VALUES if values_only else _CELLS
    filler: Any = {_CELLS: EMPTY_CELL, _VALUES: None, _PAIRS: EMPTY, _PERCENT_PAIRS: EMPTY}[shape]
    width = max_col + 1 - min_col
    empty_row = (filler,) * width
    reader = _CellReader(sheet)
    counter = min_row
    number = 0
    with sheet._get_source() as source:
        parsed = etree.iterparse(
            source,
            events=("end",),
            tag=_ROW,
            load_dtd=False,
            no_network=True,
            resolve_entities=False,
            huge_tree=False,
        )
        for _, row in parsed:
            given = row.get("r")
            number = _row_number(given) if given is not None else number + 1
            if number > max_row:
                break
            if number >= counter:
                while counter < number:  # rows the file skips
                    counter += 1
                    yield empty_row
                counter += 1
                yield _row(sheet, reader, row, number, min_col, max_col, filler, shape)
            # Free what was read: the row, and the rows before it the tree still holds.
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
    if number > max_row:
        while counter <= max_row:
            counter += 1
            yield empty_row


def _row(
    sheet: ReadOnlyWorksheet,
    reader: _CellReader,
    row: Any,
    number: int,
    min_col: int,
    max_col: int,
    filler: Any,
    shape: str,
) -> tuple[Any, ...]:
    out = [filler] * (max_col + 1 - min_col)
    column = 0
    cell = reader.cell
    columns = _COLUMNS
    for element in row.iterchildren(_CELL):
        reference = element.get("r")
        if reference:
            column = columns.get(reference.rstrip(_DIGITS)) or _column(reference)
        else:
            column += 1
        if min_col <= column <= max_col:
            value, kind, style = cell(element)
            if shape is _PAIRS:
                out[column - min_col] = (value, kind)
            elif shape is _PERCENT_PAIRS:
                percent = kind == "n" and value is not None and style in reader.percents
                out[column - min_col] = (value, PERCENT if percent else kind)
            elif shape is _VALUES:
                out[column - min_col] = value
            else:
                out[column - min_col] = ReadOnlyCell(sheet, number, column, value, kind, style)
    return tuple(out)


class ScannedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
    """openpyxl's read-only sheet, sized by the caller (never by a parse of its own) and
    read by `fast_rows`."""

    def _get_size(self) -> None:
        """Left to the caller (safe_reading gives the size its scan counted)."""

    def _cells_by_row(
        self,
        min_col: int,
        min_row: int,
        max_col: int | None,
        max_row: int | None,
        values_only: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        last_col = max_col or self.max_column or 1
        last_row = max_row or self.max_row or 1
        return fast_rows(self, min_col, min_row, last_col, last_row, values_only)
