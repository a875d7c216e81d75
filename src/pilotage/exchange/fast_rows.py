"""A quicker writer for the rows of a large write-only sheet.

openpyxl's write-only sheet writes each cell through nested `xf.element` contexts
and works out its attributes one by one (`cell/_writer.py`): on a program of
300,000 cells that costs more than everything else the report does. This writer
builds each row as XML text and writes it into the sheet's file, producing the
same XML (coordinates, style ids, inline strings, numbers through openpyxl's own
`safe_string`). A cell holding anything else (a formula, a comment, rich text, a
date with a time zone) is written by openpyxl's own cell writer.

A table sheet's data rows come already written as text (`row_xml`), in batches
(`RawRows`), and go into the file as they are.

The sheet's file is openpyxl's, opened by `_TextStream` so that text can go into
it between lxml's elements (lxml's stream is flushed first, which keeps the order).
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from datetime import timedelta
from typing import Any

from openpyxl.cell._writer import etree_write_cell
from openpyxl.cell.cell import Cell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel, to_ISO8601
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring, xmlfile

_SIMPLE_TYPES = frozenset({"s", "n", "b", "d"})
_LETTERS = [""] + [get_column_letter(i) for i in range(1, 16385)]


class _Into:
    """Stands for the stream in openpyxl's `etree_write_cell`: keeps the cell's XML text."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, element: Any) -> None:
        self.text += tostring(element, encoding="unicode")


def escape(text: str) -> str:
    """Text for XML: a carriage return kept as a reference, which the parser would
    otherwise turn into a line feed."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
    )


class RawRows(list[str]):
    """Rows written as XML text (`<row r="12">…</row>`), numbered by their writer.

    Once a sheet has had a batch, nothing more goes through openpyxl's own row
    numbering, which counts one row per `append`."""


class _TextStream(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's writer of one sheet, on a file that also takes text (`write_text`)."""

    def get_stream(self) -> Generator[Any, Any, None]:
        # openpyxl's protocol: `send(element)` writes it, `send(True)` yields the lxml
        # stream (to write rows into), `send(None)` does nothing, `close()` ends the file.
        with open(self.out, "wb") as self.file, xmlfile(self.file, encoding="utf-8") as xf:
            self.stream = xf
            with xf.element("worksheet", xmlns=SHEET_MAIN_NS):
                try:
                    while True:
                        sent = yield
                        if sent is True:
                            yield xf
                        elif sent is not None:
                            xf.write(sent)
                except GeneratorExit:
                    pass

    def write_text(self, text: str) -> None:
        """Writes `text` (well-formed XML) where the stream stands."""
        self.stream.flush()
        self.file.write(text.encode("utf-8"))


def install(ws: WriteOnlyWorksheet) -> None:
    """Makes `ws` write its rows through `write_row` below; call it after the sheet's
    head (column widths, panes, print set-up) is settled, before the first `append`."""
    if ws._writer is not None:
        raise RuntimeError("install the row writer before the sheet's first row")
    writer = ws._writer = _TextStream(ws)
    writer.write_top()
    workbook = ws.parent
    dims = ws.row_dimensions
    hyperlinks = ws._hyperlinks

    raw = False  # whether a batch of rows written as text went before

    def write_row(xf: Any, row: Iterable[Cell], row_idx: int) -> None:
        nonlocal raw
        if type(row) is RawRows:
            raw = True
            writer.write_text("".join(row))
            return
        if raw:
            raise RuntimeError("a row appended after rows written as text would be misnumbered")
        attrs = {"r": f"{row_idx}"}
        attrs.update(dims.get(row_idx, {}))
        suffix = attrs["r"]
        # The row as XML text: quicker than an element per cell built from Python. Texts
        # are escaped here; values are already cleaned of the characters XML cannot hold
        # (cells.clean_text).
        parts = ["<row", *[f' {key}="{escape(str(value))}"' for key, value in attrs.items()], ">"]
        # `row` may hand the same cell object over for several values (openpyxl's shared
        # cell): each is turned into XML before the next is asked for.
        for cell in row:
            styled = cell.has_style
            value = cell._value
            if cell._comment is not None:
                ws._comments.append(CommentRecord.from_cell(cell))
            elif value is None and not styled:
                continue
            kind = cell.data_type
            if (
                cell._comment is not None
                or kind not in _SIMPLE_TYPES
                or (kind == "s" and value is not None and not isinstance(value, str))
                or (kind == "d" and getattr(value, "tzinfo", None) is not None)
            ):
                into = _Into()
                etree_write_cell(into, ws, cell, styled)  # openpyxl's own writing
                parts.append(into.text)
                continue
            style = f' s="{cell.style_id}"' if styled else ""
            if kind == "s":
                kind = "inlineStr"
            elif kind == "d":
                if workbook.iso_dates and not isinstance(value, timedelta):
                    value = to_ISO8601(value)
                else:
                    kind = "n"
                    value = to_excel(value, workbook.epoch)
            if cell.hyperlink:
                hyperlinks.append(cell.hyperlink)
            head = f'<c r="{_LETTERS[cell.column]}{suffix}"{style} t="{kind}"'
            if value is None or value == "":
                parts.append(head + "/>")
            elif kind == "inlineStr":
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(f"{head}><is><t{space}>{escape(value)}</t></is></c>")
            else:
                parts.append(f"{head}><v>{escape(safe_string(value))}</v></c>")
        parts.append("</row>")
        writer.write_text("".join(parts))

    writer.write_row = write_row
