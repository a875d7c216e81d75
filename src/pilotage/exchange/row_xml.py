"""The data rows of a table sheet written straight as XML text.

openpyxl makes a cell object for every value, works out its style and type, then
builds an element for it: on a program of 300,000 cells that cost more than all
the rest of the report. A table sheet knows each column's style and the type of
its values, so it writes each `<c>` element as text here and hands the rows to
the sheet's stream in batches (`fast_rows.RawRows`). The XML is what openpyxl
writes for the same cells: inline strings, numbers as "%.16g", dates as serial
numbers, hyperlinks listed with the sheet.

Text is always a string element (never `<f>`): nothing written here can become
a formula.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from openpyxl.cell.cell import Cell
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink

from pilotage.exchange.cells import clean_text
from pilotage.exchange.fast_rows import RawRows, escape

BATCH_ROWS = 256  # rows handed to the stream at once: one parse each, memory flat
_NOT_FINITE = frozenset({"nan", "inf", "-inf"})
_SERIALS_KEPT = 50_000  # dates remembered as serial numbers (a report repeats its period ends)


class RowXml:
    """Writes rows of cells as XML text into one write-only sheet."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._styles = ws.parent._cell_styles
        self._sids: dict[int, int] = {}  # id of a prototype cell -> its style's index
        self._protos: list[Cell] = []  # kept alive, so that their ids stay theirs
        self._epoch = ws.parent.epoch
        self._serials: dict[date, str] = {}
        self._batch = RawRows()

    def style_id(self, proto: Cell) -> int:
        """The workbook's index of `proto`'s style, registered the first time it is asked."""
        sid = self._sids.get(id(proto))
        if sid is None:
            sid = self._sids[id(proto)] = self._styles.add(proto._style)
            self._protos.append(proto)
        return sid

    def cell(self, ref: str, sid: int | None, value: object) -> str:
        """One `<c>` element as text: the value at `ref` (such as "B12") in style `sid`."""
        style = "" if sid is None else f' s="{sid}"'
        kind = type(value)
        if kind is str:
            return _text(ref, style, value)  # type: ignore[arg-type]
        if kind is int or kind is Decimal or kind is float:
            return _number(ref, style, value)  # type: ignore[arg-type]
        if kind is bool:  # bool has no subclasses
            return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
        if isinstance(value, Enum):
            return self.cell(ref, sid, value.value)
        if isinstance(value, date):
            return f'<c r="{ref}"{style} t="n"><v>{self._serial(value)}</v></c>'
        if isinstance(value, int | float | Decimal):
            return _number(ref, style, value)
        return _text(ref, style, str(value))

    def link(self, ref: str, target: str) -> None:
        """Makes the cell at `ref` a hyperlink to `target` (listed at the sheet's end)."""
        self.ws._hyperlinks.append(Hyperlink(ref=ref, target=target))

    def row(self, number: str, cells: list[str], height: float | None = None) -> None:
        """Adds row `number`; a height in points is set for rows of wrapped text."""
        head = (
            f'<row r="{number}">'
            if height is None
            else f'<row r="{number}" ht="{height:g}" customHeight="1">'
        )
        self._batch.append(head + "".join(cells) + "</row>")
        if len(self._batch) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Hands the rows held to the sheet's stream."""
        if self._batch:
            self.ws.append(self._batch)
            self._batch = RawRows()

    def _serial(self, value: date) -> str:
        serial = self._serials.get(value)
        if serial is None:
            if isinstance(value, datetime) and value.tzinfo is not None:
                # As openpyxl: a spreadsheet has no time zones, and guessing one would be wrong.
                raise TypeError(f"a date with a time zone cannot be written: {value}")
            if len(self._serials) > _SERIALS_KEPT:
                self._serials.clear()
            serial = self._serials[value] = f"{to_excel(value, self._epoch):.16g}"
        return serial


def _text(ref: str, style: str, value: str) -> str:
    value = clean_text(value)
    if not value:
        return f'<c r="{ref}"{style} t="inlineStr"/>'
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'


def _number(ref: str, style: str, value: float | Decimal) -> str:
    text = f"{float(value):.16g}"  # as openpyxl's safe_string: a Decimal goes through float
    if text in _NOT_FINITE:  # openpyxl writes these as an empty cell
        return f'<c r="{ref}"{style} t="n"/>'
    return f'<c r="{ref}"{style} t="n"><v>{text}</v></c>'
