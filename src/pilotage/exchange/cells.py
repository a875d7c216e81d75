"""Turning Python values into cells that stay what they are: text never becomes a formula.

A spreadsheet reads a text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return as the start of a formula when a person edits or re-types it, and openpyxl
itself turns any string starting with `=` into a `<f>` element. Every value a report
writes goes through `cell_value`, so the only formulas in a workbook are the ones the
report builds on purpose (`formula`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# The first characters a spreadsheet may take for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML 1.0 cannot carry (tab, line feed and carriage return can).
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

# The characters a cell holds (Excel's specification), counted in UTF-16 units.
MAX_CELL_TEXT = 32_767
_SAFE_LENGTH = MAX_CELL_TEXT // 2  # characters: fewer cannot pass the limit in UTF-16 units

Scalar = str | int | float | Decimal | date | datetime | bool | None


def clean_text(text: str) -> str:
    """The text without the control characters a sheet cannot hold (they would abort the
    save), cut to the 32,767 characters a cell holds, an ellipsis saying so: Excel
    "repairs" (and cuts) a longer cell when it opens the workbook, with a warning that the
    file is damaged."""
    cleaned = _UNWRITABLE.sub("", text)
    if len(cleaned) > _SAFE_LENGTH and _units(cleaned) > MAX_CELL_TEXT:
        return _cut(cleaned)
    return cleaned


def _units(text: str) -> int:
    """The text's length as Excel counts it: in UTF-16 units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str) -> str:
    kept = text.encode("utf-16-le")[: (MAX_CELL_TEXT - 1) * 2]
    # A character split in two (half an emoji) is dropped rather than kept broken.
    return kept.decode("utf-16-le", errors="ignore") + "…"


def is_risky(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula."""
    return text.startswith(FORMULA_STARTS)


def plain(value: object) -> Scalar:
    """The value a cell holds: enums by their value, Decimal kept exact, text cleaned."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str):
        return clean_text(value)
    if value is None or isinstance(value, int | float | Decimal | date | datetime | bool):
        return value
    return clean_text(str(value))


def text_cell(ws: WriteOnlyWorksheet, text: str) -> Cell:
    """A cell that is a string whatever `text` starts with (never an `<f>` element)."""
    cell = WriteOnlyCell(ws, value=None)
    cell._value = clean_text(text)
    cell.data_type = "s"
    return cell


def cell_value(ws: WriteOnlyWorksheet, value: object) -> object:
    """What to append for `value`: the plain value, or a string cell where text is risky.

    Plain values are cheapest to stream; only a text openpyxl or a spreadsheet
    would take for a formula is wrapped in an explicit string cell.
    """
    value = plain(value)
    if isinstance(value, str) and is_risky(value):
        return text_cell(ws, value)
    return value


def bind(cell: Cell, value: object) -> None:
    """Puts `value` in `cell` the way openpyxl would, except that text is always a string
    (openpyxl would make "=..." a formula) and the common types skip openpyxl's checks,
    which cost more than the writing itself on a large sheet."""
    kind = type(value)  # the common exact types first: a large sheet binds 300,000 values
    if kind is str:
        cell._value = clean_text(value)  # type: ignore[arg-type]
        cell.data_type = "s"
        return
    if kind is int or kind is Decimal or kind is float:
        cell._value = value
        cell.data_type = "n"
        return
    value = plain(value)
    if isinstance(value, str):
        cell._value = value
        cell.data_type = "s"
    elif isinstance(value, bool):
        cell._value = value
        cell.data_type = "b"
    elif isinstance(value, int | float | Decimal):
        cell._value = value
        cell.data_type = "n"
    elif isinstance(value, date) and cell.has_style:  # a date column's cell: formatted
        cell._value = value
        cell.data_type = "d"
    else:  # a bare date (openpyxl gives it a date format) or None
        cell.value = value


def new_cell(ws: WriteOnlyWorksheet, value: object) -> Cell:
    """A fresh write-only cell holding `value` (text as a string, never a formula)."""
    cell = WriteOnlyCell(ws)
    bind(cell, value)
    return cell


def formula(ws: WriteOnlyWorksheet, expression: str) -> Cell:
    """One of the report's own formulas (the only way a workbook gets an `<f>` element)."""
    if not expression.startswith("="):
        raise ValueError(f"a formula starts with '=': {expression!r}")
    cell = WriteOnlyCell(ws, value=None)
    cell._value = expression
    cell.data_type = "f"
    return cell
