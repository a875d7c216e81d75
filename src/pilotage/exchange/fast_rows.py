"""A quicker writer for the rows of a large write-only sheet.

openpyxl's write-only sheet writes each cell through nested `xf.element` contexts
and works out its attributes one by one (`cell/_writer.py`): on a program of
300,000 cells that costs more than everything else the report does. This writer
builds each row as one lxml element and hands it to the stream in one `write`,
producing the same XML (coordinates, style ids, inline strings, numbers through
openpyxl's own `safe_string`). A row holding anything else (a formula, a comment,
rich text, a date with a time zone) is left to openpyxl's own writer, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from openpyxl.cell._writer import etree_write_cell
from openpyxl.cell.cell import Cell
from openpyxl.comments.comment_sheet import CommentRecord
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel, to_ISO8601
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.xml.functions import fromstring, tostring

_SIMPLE_TYPES = frozenset({"s", "n", "b", "d"})
_LETTERS = [""] + [get_column_letter(i) for i in range(1, 16385)]


class _Into:
    """Stands for the stream in openpyxl's `etree_write_cell`: keeps the cell's XML text."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, element: Any) -> None:
        self.text += tostring(element, encoding="unicode")


def _escape(text: str) -> str:
    """Text for XML: a carriage return kept as a reference, which the parser would
    otherwise turn into a line feed."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
    )


def install(ws: WriteOnlyWorksheet) -> None:
    """Makes `ws` write its rows through `write_row` below; call it after the sheet's
    head (column widths, panes, print set-up) is settled, before the first `append`."""
    ws._get_writer()
    writer = ws._writer
    workbook = ws.parent
    dims = ws.row_dimensions
    hyperlinks = ws._hyperlinks

    def write_row(xf: Any, row: Iterable[Cell], row_idx: int) -> None:
        attrs = {"r": f"{row_idx}"}
        attrs.update(dims.get(row_idx, {}))
        suffix = attrs["r"]
        # The row as XML text, parsed once by lxml (in C): quicker than an element per
        # cell built from Python. Texts are escaped here; values are already cleaned of
        # the characters XML cannot hold (cells.clean_text).
        parts = ["<row", *[f' {key}="{_escape(str(value))}"' for key, value in attrs.items()], ">"]
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
                parts.append(f"{head}><is><t{space}>{_escape(value)}</t></is></c>")
            else:
                parts.append(f"{head}><v>{_escape(safe_string(value))}</v></c>")
        parts.append("</row>")
        xf.write(fromstring("".join(parts)))

    writer.write_row = write_row
