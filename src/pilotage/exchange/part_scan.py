"""Reading each part of a workbook's zip once, before openpyxl does, with a bounded parser.

Every member is inflated in chunks, so its CRC is checked (a damaged file is caught
here, not halfway through an import) and never more than the size its header declares
comes out (Python's zipfile stops there). Each XML part goes through expat with
handlers that refuse a document type declaration as soon as it starts, before any
entity is declared, let alone expanded, and that count the rows and cells of a sheet
as they stream past, so that a sheet too large is refused after reading just past
its limit, whatever its <dimension> claims (or without one).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from xml.parsers import expat

CHUNK = 1 << 20
# The spreadsheet namespaces (transitional and strict): a row or cell element is one of them.
_SHEET_NAMESPACES = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_ROWS = frozenset(f"{namespace}\x01row" for namespace in _SHEET_NAMESPACES)
_CELLS = frozenset(f"{namespace}\x01c" for namespace in _SHEET_NAMESPACES)
# Parts read as XML; the legacy drawings (.vml) are not always well-formed, so they are,
# like binary parts, only searched for a declaration.
_XML_ENDINGS = (".xml", ".rels")
_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_XML_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # a tag, or a UTF-8/16 mark


class EntityDeclaredError(Exception):
    """A part declares a document type (the way in for the billion laughs and XXE)."""


class TooLargeError(Exception):
    """A part holds more rows or cells than allowed."""

    def __init__(self, what: str, count: int) -> None:
        super().__init__(what)
        self.what = what  # "rows" or "cells"
        self.count = count


class NotWellFormedError(Exception):
    """A part of the workbook proper is not XML; the message says where expat stopped."""


@dataclass(frozen=True)
class PartLimits:
    max_rows: int
    max_cells: int


@dataclass(frozen=True)
class Extent:
    """How far a sheet really reaches (the last row and column holding a cell element)."""

    rows: int
    columns: int


class _SheetCounter:
    """Counts the rows (by number and by position) and cells an XML part holds, as expat
    reports its elements, and stops the parse once a limit is passed."""

    def __init__(self, limits: PartLimits) -> None:
        self.limits = limits
        self.rows = 0
        self.cells = 0
        self.row = 0  # the current row's number, as openpyxl numbers it
        self.column = 0  # the current cell's column
        self.highest_column = 0

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name in _CELLS:
            self.cells += 1
            if self.cells > self.limits.max_cells:
                raise TooLargeError("cells", self.cells)
            place = attributes.get("r")
            self.column = _column(place) if place else self.column + 1
            if self.column > self.highest_column:
                self.highest_column = self.column
        elif name in _ROWS:
            self.rows += 1
            self.column = 0
            number = attributes.get("r")
            # openpyxl yields an empty row for every number skipped: a row numbered a
            # billion would be a billion rows to read.
            if not number:
                self.row += 1
            elif number.isdigit() and len(number) <= 12:
                self.row = max(self.row, int(number))
            else:
                self.row = max(self.row, self.limits.max_rows + 1)
            if max(self.rows, self.row) > self.limits.max_rows:
                raise TooLargeError("rows", max(self.rows, self.row))

    def extent(self) -> Extent | None:
        return Extent(max(self.rows, self.row), self.highest_column) if self.rows else None


_COLUMNS: dict[str, int] = {}


def _column(place: str) -> int:
    """The column number of a cell reference ("AB12" -> 28); 0 if it has none."""
    letters = place.rstrip("0123456789").upper()
    known = _COLUMNS.get(letters)
    if known is not None:
        return known
    number = 0
    for letter in letters[:8]:
        number = number * 26 + (ord(letter) - 64 if "A" <= letter <= "Z" else 0)
    if len(_COLUMNS) < 20_000:
        _COLUMNS[letters] = number
    return number


def _refuse_declaration(*_: object) -> None:
    raise EntityDeclaredError


def _parser(counter: _SheetCounter) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="\x01")
    parser.StartDoctypeDeclHandler = _refuse_declaration
    parser.EntityDeclHandler = _refuse_declaration
    parser.UnparsedEntityDeclHandler = _refuse_declaration
    parser.ExternalEntityRefHandler = _refuse_declaration  # type: ignore[assignment]
    parser.StartElementHandler = counter.start
    return parser


def scan_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: PartLimits
) -> Extent | None:
    """Inflates `info` whole (checking its CRC) and, if it is XML, parses it with the counts
    and refusals above. Raises EntityDeclaredError, TooLargeError, NotWellFormedError, or
    what zipfile raises for a damaged member (BadZipFile, zlib.error, EOFError). Returns
    how far the part's rows and cells reach if it holds any (a sheet, that is)."""
    name = info.filename.lower()
    counter = _SheetCounter(limits)
    parser: expat.XMLParserType | None = None
    tail = b""  # the end of the previous chunk, for a declaration cut in two
    with archive.open(info) as member:
        first = True
        while chunk := member.read(CHUNK):
            if first:
                # Whatever its name says, a part that starts like XML is read as XML (a sheet
                # stored as "sheet1.bin" is still counted), but for legacy drawings.
                first = False
                if name.endswith(_XML_ENDINGS) or (
                    not name.endswith(".vml") and chunk.lstrip().startswith(_XML_STARTS)
                ):
                    parser = _parser(counter)
            if parser is not None:
                try:
                    parser.Parse(chunk, False)
                except expat.ExpatError as error:
                    if _is_workbook_part(name):
                        raise NotWellFormedError(str(error)) from None
                    parser = None  # a part openpyxl does not read: left to it
            elif any(declaration in tail + chunk for declaration in _DECLARATIONS):
                raise EntityDeclaredError
            tail = chunk[-16:]
    if parser is not None:
        try:
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            if _is_workbook_part(name):
                raise NotWellFormedError(str(error)) from None
    return counter.extent()


def _is_workbook_part(name: str) -> bool:
    """Parts openpyxl reads to build the workbook (document properties and custom parts
    aside, which it may skip or read leniently)."""
    return name.startswith(("xl/", "_rels/", "[content_types]"))
