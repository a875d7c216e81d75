"""The partner's own workbook sent back with its problems shown where they are.

Each marked cell is filled light red and carries a comment (author "Pilotage") with
its problems; a first sheet, "Problems", lists every problem by sheet and cell (and the
KPI and period when the import knows them), with a link to the cell, and prints one
page wide with its header on every page. A problem of a hidden column (the template's
identifiers, A–C) is shown on the row's KPI code instead: the partner cannot see a
hidden cell, nor follow a link to it. The partner's file is opened through the safe
opener and never written: the copy goes to `out`, saved whole or not at all. openpyxl
writes cells and comments whatever a sheet's protection, so a protected template is
marked like any other, and stays protected.

Languages: the list's title and headers, the cell comments and their "row 5" speak the
partner's language (`mark_errors(..., language="fr")`, the template's), the partner reads
them; a refusal to make the copy (the file unreadable, the copy replacing it) is the
analyst's and speaks the window's (opened and checked before the partner's scope starts).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import column_index_from_string, get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from pilotage.domain.errors import PilotageError
from pilotage.domain.messages import speaking, translate
from pilotage.exchange.cells import bind, clean_text
from pilotage.exchange.engine_language import import_language
from pilotage.exchange.safe_reading import ReadLimits, open_workbook
from pilotage.exchange.sheets import FONT, HEADER_FILL, HEADER_TEXT, LINE_HEIGHT, print_setup
from pilotage.exchange.template_layout import Field, column_letter
from pilotage.exchange.writing import save_atomically

AUTHOR = "Pilotage"
PROBLEMS_SHEET = "Problems"
PROBLEM_HEADERS = ("Sheet", "Cell", "KPI", "Period", "Problem")
_EARLIER_HEADERS = (PROBLEM_HEADERS, ("Sheet", "Cell", "Problem"))  # lists of older copies
_SHOWN_INSTEAD = column_letter(Field.KPI_CODE)  # where a hidden cell's problem is shown
PROBLEM_FILL = "FFFFC7CE"  # the light red of Excel's own "bad" style
# The copy loads the whole workbook in memory (openpyxl's normal mode keeps every cell as
# an object of some 500 bytes): fewer cells than a read for the import allows.
COPY_LIMITS = ReadLimits(max_cells=500_000)
_MAX_ROW = 1_048_576  # Excel's last row
_MAX_COLUMN = 16_384  # Excel's last column (XFD)
_COMMENT_CHARS = 60  # characters on a line of a comment box
_CHAR_PIXELS = 7
_MESSAGE_WIDTH = 80  # the list's Problem column, in characters of width
_MESSAGE_CHARS = 85  # characters of 11-point text on one line of it
_LINE_PIXELS = 16


@dataclass(frozen=True)
class CellMark:
    """One problem to show on the partner's workbook: the cell (row from 1, column as a
    letter; column "" for the whole row) and the sentence."""

    sheet: str
    row: int
    column: str
    message: str
    kpi: str = ""  # the row's KPI code and period, when the import knows them
    period: str = ""
    row_anchor: str = "A"  # the column of a whole-row mark's comment

    @property
    def coordinate(self) -> str:
        """ "B7", or "" when the mark is for a whole row or no cell of a sheet."""
        return f"{self.column.upper()}{self.row}" if _is_cell(self.row, self.column) else ""

    @property
    def anchor(self) -> str:
        """The cell that carries the comment: the mark's own, or the first of its row."""
        if self.column == "" and _is_cell(self.row, self.row_anchor):
            return f"{self.row_anchor}{self.row}"
        return self.coordinate

    @property
    def place(self) -> str:
        """Where the list of problems says the mark is: "B7", "row 7", or ""."""
        if self.column == "" and self.anchor:
            return translate("Import", "row {row}").format(row=self.row)
        return self.coordinate


def mark_errors(
    source: Path, out: Path, marks: Sequence[CellMark], *, language: str | None = None
) -> Path:
    """Writes to `out` a copy of the workbook at `source` with each mark's cell (or row)
    filled and commented (the messages on one cell joined, each once) and a first sheet
    listing every mark. A mark whose sheet or cell does not exist is listed but marks
    nothing. Returns `out`. What the partner reads is in `language` ("fr", "en"; None:
    the language spoken here).

    Raises WorkbookRefusedError when `source` cannot be read safely, PilotageError when
    `out` is `source` (the partner's file stays as it came)."""
    if out.resolve() == source.resolve():
        raise PilotageError(
            translate(
                "Import",
                "the copy with the problems marked cannot replace {name}: choose another name",
            ).format(name=source.name)
        )
    wb = open_workbook(source, read_only=False, limits=COPY_LIMITS)
    partner = nullcontext() if language is None else speaking(import_language(language))
    with partner:
        _mark(wb, marks)
    save_atomically(wb, out)
    return out


def _mark(wb: Workbook, marks: Sequence[CellMark]) -> None:
    marks = [_visible(wb, mark) for mark in marks]
    notes: dict[tuple[str, str], list[str]] = {}
    for mark in marks:
        if mark.sheet not in wb.sheetnames or not mark.anchor:
            continue
        ws = wb[mark.sheet]
        cells = (ws[mark.coordinate],) if mark.coordinate else ws[mark.row]
        for cell in cells:
            _owner(ws, cell).fill = PatternFill(
                "solid", start_color=PROBLEM_FILL, end_color=PROBLEM_FILL
            )
        messages = notes.setdefault((mark.sheet, mark.anchor), [])
        if mark.message not in messages:
            messages.append(mark.message)
    for (sheet, anchor), messages in notes.items():
        _annotate(wb[sheet], anchor, messages)
    _problems_sheet(wb, marks)


def _visible(wb: Workbook, mark: CellMark) -> CellMark:
    """The mark moved to a cell the partner sees when its column is hidden (or, for a whole
    row, when the row's first cell is): to the KPI code column, else the first visible one."""
    if mark.sheet not in wb.sheetnames or not _is_cell(mark.row, mark.column or "A"):
        return mark
    ws = wb[mark.sheet]
    if not hasattr(ws, "column_dimensions"):  # a chart sheet: nothing to mark anyway
        return mark
    hidden = _hidden_columns(ws)
    if column_index_from_string((mark.column or "A").upper()) not in hidden:
        return mark
    shown = column_index_from_string(_SHOWN_INSTEAD)
    if shown in hidden:
        shown = next((n for n in range(1, _MAX_COLUMN + 1) if n not in hidden), shown)
    if mark.column == "":  # the whole row stays marked; its comment moves
        return replace(mark, row_anchor=get_column_letter(shown))
    return replace(
        mark,
        column=get_column_letter(shown),
        message=translate("Import", "{problem} (hidden column {column})").format(
            problem=mark.message, column=mark.column.upper()
        ),
    )


def _hidden_columns(ws: Any) -> set[int]:
    """The numbers of the sheet's hidden columns (a dimension may cover a range)."""
    found: set[int] = set()
    for dimension in ws.column_dimensions.values():
        if dimension.hidden and dimension.min and dimension.max:
            found.update(range(dimension.min, min(dimension.max, _MAX_COLUMN) + 1))
    return found


def _is_cell(row: int, column: str) -> bool:
    if not (1 <= row <= _MAX_ROW) or not column.isalpha() or not column.isascii():
        return False
    try:
        index: int = column_index_from_string(column.upper())
    except ValueError:
        return False
    return index <= _MAX_COLUMN


def _owner(ws: Any, cell: Any) -> Any:
    """The cell itself, or the first cell of the merged range it lies in (only that one
    shows a fill, holds a comment)."""
    if isinstance(cell, MergedCell):
        for merged in ws.merged_cells.ranges:
            if cell.coordinate in merged:
                return ws.cell(merged.min_row, merged.min_col)
    return cell


def _annotate(ws: Any, coordinate: str, messages: list[str]) -> None:
    """Puts the messages in a comment on the cell."""
    cell = _owner(ws, ws[coordinate])
    text = "\n".join(clean_text(message) for message in messages)
    earlier = cell.comment
    # The partner's own note is kept under ours; ours from an earlier round is replaced.
    if earlier is not None and earlier.author != AUTHOR and earlier.text:
        text = f"{text}\n\n{earlier.text}"
    cell.comment = _comment(text)


def _comment(text: str) -> Comment:
    """A comment whose box fits its text (openpyxl's default box shows three short lines)."""
    lines = [
        piece
        for paragraph in text.split("\n")
        for piece in (textwrap.wrap(paragraph, _COMMENT_CHARS) or [""])
    ]
    widest = max((len(line) for line in lines), default=10)
    width = max(widest, 20) * _CHAR_PIXELS + 16
    height = len(lines) * _LINE_PIXELS + 24
    return Comment(text, AUTHOR, height=height, width=width)


def _problems_sheet(wb: Workbook, marks: Sequence[CellMark]) -> None:
    """The list of every problem, as the first sheet and the one the workbook opens on."""
    _drop_earlier_list(wb)
    name = _title()
    title = name
    number = 2
    while title in wb.sheetnames:  # the partner's own sheet of that name stays
        title = f"{name} ({number})"
        number += 1
    ws = wb.create_sheet(title, 0)
    bold = Font(name=FONT, bold=True, color=HEADER_TEXT)
    fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    for column, text in enumerate(_headers(), start=1):
        cell = ws.cell(1, column)
        bind(cell, text)
        cell.font = bold
        cell.fill = fill
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, mark in enumerate(_in_sheet_order(wb, marks), start=2):
        values = (mark.sheet, mark.place, mark.kpi, mark.period, mark.message)
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row, column)
            bind(cell, value)  # text stays text, "=..." included
            cell.alignment = wrap
        # As tall as the wrapped message: printed, a longer one would run over the next.
        lines = len(textwrap.wrap(mark.message, _MESSAGE_CHARS)) or 1
        if lines > 1:
            ws.row_dimensions[row].height = LINE_HEIGHT * lines
        if mark.anchor and mark.sheet in wb.sheetnames:
            link = ws.cell(row, 2)
            quoted = mark.sheet.replace("'", "''")
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{mark.anchor}")
            link.font = Font(name=FONT, color="FF0563C1", underline="single")
    for letter, width in zip("ABCDE", (16, 10, 14, 10, _MESSAGE_WIDTH), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    print_setup(ws)  # landscape, one page wide, the header on every page
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = 0


def _in_sheet_order(wb: Workbook, marks: Sequence[CellMark]) -> list[CellMark]:
    """The marks as the partner meets them: by sheet, then row, then column (K before Q, Z
    before AA; a whole row first), whatever order the import found them in (the reader's
    problems come before the service's). Marks of another sheet follow, as they came."""
    sheets = {title: number for number, title in enumerate(wb.sheetnames)}

    def key(mark: CellMark) -> tuple[int, int, int]:
        column = mark.column.upper()
        index = column_index_from_string(column) if _is_cell(1, column) else 0
        return sheets.get(mark.sheet, len(sheets)), mark.row, index

    return sorted(marks, key=key)  # stable: one cell's problems keep their order


def _drop_earlier_list(wb: Workbook) -> None:
    """Removes the list a previous copy added (recognised by its headers), so that a copy of
    a copy does not pile up lists."""
    titles = (PROBLEMS_SHEET, _title())
    for ws in list(wb.worksheets):
        if not ws.title.startswith(titles):
            continue
        for earlier in (*_EARLIER_HEADERS, _headers()):
            headers = tuple(ws.cell(1, n).value for n in range(1, len(earlier) + 1))
            if headers == earlier:
                wb.remove(ws)
                break


def _title() -> str:
    """The list's sheet name in the language spoken (PROBLEMS_SHEET in English)."""
    return translate("Import", "Problems")


def _headers() -> tuple[str, ...]:
    """The list's headers in the language spoken (PROBLEM_HEADERS in English)."""
    return (
        translate("Import", "Sheet"),
        translate("Import", "Cell"),
        translate("Import", "KPI"),
        translate("Import", "Period"),
        translate("Import", "Problem"),
    )
