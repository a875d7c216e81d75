"""Reading each part of a workbook's zip once, before openpyxl does, with a bounded parser.

Every member is inflated in chunks, so its CRC is checked (a damaged file is caught
here, not halfway through an import) and never more than the size its header declares
comes out (Python's zipfile stops there). Each XML part goes through expat with
handlers that refuse a document type declaration as soon as it starts, before any
entity is declared, let alone expanded, and that count the rows and cells of a sheet
as they stream past, so that a sheet too large is refused after reading just past
its limit, whatever its <dimension> claims (or without one).

Counting in Python as expat reports each element costs a call per element: at 300,000
figures, 4 million calls and most of the time a workbook takes to open. So each XML part
is first tried the fast way (`_FastCounter`): expat checks it as above with no element
handler at all (C speed), and its rows and cells are counted in the inflated bytes by
C-speed searches. That is exact only for a plain part, which is the part Excel and
Pilotage write: UTF-8, no comment, CDATA or processing instruction (so that every "<" in
the bytes opens a tag: text and attribute values cannot hold one), the spreadsheet
namespace the default one, declared once on the root, no prefixed row or cell, each row
and cell with its reference as its first attribute. Anything else, or anything unsure,
and the part is read again the exact way, element by element: the fast way never
decides less strictly, it only gives up.
"""

from __future__ import annotations

import re
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
    try:
        return _scan_fast(archive, info, limits)
    except _UnsureError:
        return _scan_exact(archive, info, limits)


def _scan_exact(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: PartLimits
) -> Extent | None:
    """scan_member element by element: every part, whatever it holds."""
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


# --- the fast way ------------------------------------------------------------------------


class _UnsureError(Exception):
    """The part is not plain enough for the byte counts to be exact: read it element by element."""


# Every row and cell tag (one match each): its number or column letters when its
# reference comes first, as Excel and openpyxl write it, else b"" (then: unsure).
_ROW_NUMBERS = re.compile(rb'<row(?:\s+r="([0-9]{1,12})"|[\s/>])')
_CELL_COLUMNS = re.compile(rb'<c(?:\s+r="([A-Z]{1,3})[0-9]+"|[\s/>])')
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")  # a row or cell under a prefix (or text like it)
_DEFAULT_NAMESPACE = re.compile(rb"xmlns\s*=")
_ROOT_NAME = re.compile(rb"<[^\s/>]+")
# One attribute, its value whole: matched one after another, a value is never taken for a name.
_ATTRIBUTE = re.compile(rb"""\s+([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DECLARATION = re.compile(rb"^<\?xml\s[^<>]*?\?>")
_ENCODING = re.compile(rb'encoding\s*=\s*["\']([A-Za-z0-9._-]*)["\']')
_SHEET_NAMESPACE_BYTES = tuple(namespace.encode() for namespace in _SHEET_NAMESPACES)
_MAX_CARRY = 4 * CHUNK  # bytes without a "<" held over before giving up


class _FastCounter:
    """Rows and cells counted in the bytes of a plain part, fed piece by piece, each piece
    cut just before a "<" (so that no tag is ever split between two)."""

    def __init__(self, limits: PartLimits) -> None:
        self.limits = limits
        self.rows = 0
        self.row = 0  # the highest row number
        self.cells = 0
        self.columns: set[bytes] = set()  # the column letters seen
        self.carry = b""
        self.started = False
        self.namespaced = False  # the root declares the spreadsheet namespace as default

    def feed(self, chunk: bytes, final: bool = False) -> None:
        data = self.carry + chunk
        if not self.started and not final and data.count(b"<") < 3:
            self.carry = data  # the declaration and the root's tag are looked at whole
            if len(data) > _MAX_CARRY:
                raise _UnsureError
            return
        if not final:
            cut = data.rfind(b"<")
            if cut < 0:
                cut = 0
            data, self.carry = data[:cut], data[cut:]
            if len(self.carry) > _MAX_CARRY:
                raise _UnsureError
        else:
            self.carry = b""
        if not self.started:
            if not data and not final:
                return
            data = self._start(data)
        self._count(data)

    def _start(self, data: bytes) -> bytes:
        """The part's beginning: UTF-8 (or said so), then its root, which must declare the
        spreadsheet namespace as default for a cell or row to count."""
        self.started = True
        data = data.removeprefix(b"\xef\xbb\xbf")
        declaration = _DECLARATION.match(data)
        if declaration is not None:
            encoding = _ENCODING.search(declaration.group())
            if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
                raise _UnsureError
            data = data[declaration.end() :].lstrip()
        if not data.startswith(b"<") or data.startswith((b"<!", b"<?")) or b"\x00" in data[:64]:
            raise _UnsureError  # not UTF-8, or a comment or instruction before the root
        root = data[: data.find(b"<", 1) if b"<" in data[1:] else len(data)]
        if _ROW_NUMBERS.match(root) or _CELL_COLUMNS.match(root):
            raise _UnsureError  # a root that is itself a row or a cell
        self.namespaced = _default_namespace(root) in _SHEET_NAMESPACE_BYTES
        return data[len(root) :]  # its namespace decided here, once

    def _count(self, data: bytes) -> None:
        if b"<!" in data or b"<?" in data or _PREFIXED.search(data) is not None:
            raise _UnsureError  # a comment, CDATA, instruction, or a prefixed row or cell
        if _DEFAULT_NAMESPACE.search(data) is not None:
            raise _UnsureError  # another default namespace (or text that looks like one)
        numbers = _ROW_NUMBERS.findall(data)
        columns = _CELL_COLUMNS.findall(data)
        if not numbers and not columns:
            return
        letters = set(columns)
        if not self.namespaced or b"" in letters or b"" in numbers:
            raise _UnsureError  # not the spreadsheet's, or without its reference first
        self.rows += len(numbers)
        self.cells += len(columns)
        if numbers:
            self.row = max(self.row, max(map(int, numbers)))
        self.columns |= letters
        if self.cells > self.limits.max_cells:
            raise TooLargeError("cells", self.cells)
        if max(self.rows, self.row) > self.limits.max_rows:
            raise TooLargeError("rows", max(self.rows, self.row))

    def extent(self) -> Extent | None:
        if not self.rows:
            return None
        highest = max(self.columns, key=lambda c: (len(c), c), default=b"")
        return Extent(max(self.rows, self.row), _column(highest.decode()) if highest else 0)


def _default_namespace(tag: bytes) -> bytes | None:
    """The default namespace a start tag declares (its xmlns attribute's value, as written)."""
    name = _ROOT_NAME.match(tag)
    if name is None:
        return None
    at = name.end()
    while (attribute := _ATTRIBUTE.match(tag, at)) is not None:
        if attribute.group(1) == b"xmlns":
            return attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
        at = attribute.end()
    return None


def _scan_fast(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: PartLimits
) -> Extent | None:
    """scan_member the fast way; _UnsureError when the part is not plain (see above), and a
    part that is not XML goes the exact way whole."""
    name = info.filename.lower()
    with archive.open(info) as member:
        chunk = member.read(CHUNK)
        if not chunk:
            raise _UnsureError
        if not (
            name.endswith(_XML_ENDINGS)
            or (not name.endswith(".vml") and chunk.lstrip().startswith(_XML_STARTS))
        ):
            raise _UnsureError
        parser = expat.ParserCreate(namespace_separator="\x01")
        parser.StartDoctypeDeclHandler = _refuse_declaration
        parser.EntityDeclHandler = _refuse_declaration
        parser.UnparsedEntityDeclHandler = _refuse_declaration
        parser.ExternalEntityRefHandler = _refuse_declaration  # type: ignore[assignment]
        counter = _FastCounter(limits)
        while chunk:
            _parse(parser, chunk, False, name)
            counter.feed(chunk)
            chunk = member.read(CHUNK)
    _parse(parser, b"", True, name)
    counter.feed(b"", final=True)
    return counter.extent()


def _parse(parser: expat.XMLParserType, data: bytes, final: bool, name: str) -> None:
    try:
        parser.Parse(data, final)
    except expat.ExpatError as error:
        if _is_workbook_part(name):
            raise NotWellFormedError(str(error)) from None
        raise _UnsureError from None  # a part openpyxl does not read: the exact way decides
