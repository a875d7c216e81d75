"""The header row of a filled template's data sheet, and the check that it is the one written.

The fields are read by position (template_layout): this check refuses a sheet whose
columns were deleted, inserted or moved before any figure is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pilotage.domain.messages import translate
from pilotage.exchange import template_layout as layout
from pilotage.exchange.safe_reading import WorkbookRefusedError, sheet_rows
from pilotage.exchange.template_layout import Field


def read_headers(
    path: Path, ws: Any, width: int, columns: tuple[layout.Slot, ...] = layout.COLUMNS
) -> dict[Field, str]:
    found: dict[Field, str] = {}
    header = layout.HEADER_ROW
    for row in sheet_rows(
        path, ws, min_row=header, max_row=header, max_col=width, values_only=True
    ):
        for slot, value in zip(columns, row, strict=False):
            if value is not None and str(value).strip():
                found[slot.field] = " ".join(str(value).split())
    return found


def check_headers(
    sheet: str,
    found: dict[Field, str],
    written: dict[Field, str],
    columns: tuple[layout.Slot, ...] = layout.COLUMNS,
) -> None:
    """Refuse a data sheet whose header row is not the one the template wrote.

    The fields are read by position: a column deleted, inserted or moved would put
    each figure in another field (a comment read from the evidence link), and a
    header row deleted would take the first figures for headers. Headers are
    compared whitespace- and case-insensitively, in the template's language.
    """
    if not any(_same(found.get(slot.field, ""), written[slot.field]) for slot in columns):
        text = translate(
            "Import",
            "{sheet}: row {row} does not hold the template's headers (a row was deleted "
            "above the figures, or the sheet was replaced): fill a fresh copy of the template",
        )
        raise WorkbookRefusedError(text.format(sheet=sheet, row=layout.HEADER_ROW))
    for slot in columns:
        header = written[slot.field]
        typed = found.get(slot.field, "")
        if not _same(typed, header):
            if typed:
                text = translate(
                    "Import",
                    "{sheet}: column {column} is “{typed}” where the template has “{header}”: "
                    "a column was deleted, inserted or moved; fill a fresh copy of the template",
                )
            else:
                text = translate(
                    "Import",
                    "{sheet}: column {column} is empty where the template has “{header}”: "
                    "a column was deleted, inserted or moved; fill a fresh copy of the template",
                )
            column = layout.column_letter(slot.field)
            raise WorkbookRefusedError(
                text.format(sheet=sheet, column=column, typed=typed, header=header)
            )


def _same(typed: str, header: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(header.split()).casefold()


__all__ = ["check_headers", "read_headers"]
