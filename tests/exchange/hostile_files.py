"""Hostile and broken files, written into a folder for the tests of everything that reads
a workbook from outside (the safe opener, the import, the program transfer).

Each function writes one file and returns its path. They are fast and light: the zip
bomb's megabyte of compressed zeros is built from one repeated deflate segment (never
a gigabyte in memory), and the sizes a file declares are crafted where that is enough.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook

from pilotage.exchange.safe_reading import DEFAULT_LIMITS, ReadLimits

SHEET_PART = "xl/worksheets/sheet1.xml"
STRINGS_PART = "xl/sharedStrings.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

# with_formulas_and_errors: where the formulas and the error values are (sheet "Data").
FORMULA_CELLS: Mapping[str, str] = {
    "B3": "=SUM(B1:B2)",
    "B4": '=HYPERLINK("http://x","y")',
    "B5": "=1+1",
}
ERROR_CELLS: Mapping[str, str] = {"C1": "#DIV/0!", "C2": "#N/A"}


_SHEET_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<worksheet xmlns="{MAIN_NS}"><dimension ref="A1:B1"/><sheetData><row r="1">'
    '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>'
)
_STRINGS_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>figure</t></si></sst>'
)
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_PARTS = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_PACKAGE}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/{SHEET_PART}" ContentType="{_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/{STRINGS_PART}" ContentType="{_TYPE}.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{_OFFICE}">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PACKAGE}/relationships">'
        f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
    SHEET_PART: _SHEET_XML,
    STRINGS_PART: _STRINGS_XML,
}


def _base_workbook() -> bytes:
    """A small real workbook (sheet "Data": A1 the shared string "figure", B1 1) as bytes,
    written part by part so that each part is known (openpyxl would write inline strings)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in _PARTS.items():
            archive.writestr(name, xml)
    return buffer.getvalue()


def _rewrite(out: Path, replacements: Mapping[str, bytes]) -> Path:
    """The base workbook with some of its parts replaced, written to `out`."""
    with (
        zipfile.ZipFile(io.BytesIO(_base_workbook())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = replacements.get(info.filename)
            target.writestr(info.filename, source.read(info) if data is None else data)
    return out


# --- raw zip writing (sizes and compressed data chosen by the test) -----------------


_LOCAL, _CENTRAL, _END = 0x04034B50, 0x02014B50, 0x06054B50  # zip record signatures


def _raw_zip(out: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """Writes a zip of deflated members given as (name, deflated bytes, crc, declared size)."""
    central = bytearray()
    with out.open("wb") as file:
        for name, deflated, crc, size in members:
            offset = file.tell()
            encoded = name.encode()
            # version 2.0, no flags, deflated, a fixed time and day, CRC and both sizes.
            common = (0, 8, 0, 0x21, crc, len(deflated), size, len(encoded), 0)
            file.write(struct.pack("<IH" + "HHHHIIIHH", _LOCAL, 20, *common) + encoded)
            file.write(deflated)
            tail = (0, 0, 0, 0, offset)  # comment, disk, attributes, where the header is
            central += struct.pack("<IHH" + "HHHHIIIHH" + "HHHII", _CENTRAL, 20, 20, *common, *tail)
            central += encoded
        start = file.tell()
        file.write(central)
        file.write(
            struct.pack("<IHHHHIIH", _END, 0, 0, len(members), len(members), len(central), start, 0)
        )
    return out


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _base_members(skip: str) -> list[tuple[str, bytes, int, int]]:
    with zipfile.ZipFile(io.BytesIO(_base_workbook())) as source:
        return [
            (info.filename, _deflate(data), zlib.crc32(data), len(data))
            for info in source.infolist()
            if info.filename != skip
            for data in [source.read(info)]
        ]


def _zeros(megabytes: int) -> tuple[bytes, int]:
    """`megabytes` MiB of zeros deflated (about 1 KB per MiB) and their CRC, built from one
    fully flushed segment repeated (each segment decodes on its own)."""
    mebibyte = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(mebibyte, crc)
    return segment * megabytes + final, crc


def zip_bomb(folder: Path, megabytes: int = 1024) -> Path:
    """A workbook whose sheet is `megabytes` MiB of zeros (1 GiB by default) compressed to
    about 1 MB: a ratio near 1000 and a declared size beyond the limit."""
    deflated, crc = _zeros(megabytes)
    members = [*_base_members(SHEET_PART), (SHEET_PART, deflated, crc, megabytes << 20)]
    return _raw_zip(folder / "bomb.xlsx", members)


def understated_bomb(folder: Path, megabytes: int = 64) -> Path:
    """A sheet of `megabytes` MiB of zeros whose header declares 1,000 bytes (an honest ratio):
    a reader that trusted the data rather than the header would inflate it all."""
    deflated, _ = _zeros(megabytes)
    declared = 1000
    members = [
        *_base_members(SHEET_PART),
        (SHEET_PART, deflated, zlib.crc32(bytes(declared)), declared),
    ]
    return _raw_zip(folder / "understated.xlsx", members)


def lying_size(folder: Path, declared: int = 2_000_000_000) -> Path:
    """A real small workbook whose sheet claims `declared` bytes once uncompressed."""
    members = []
    for name, deflated, crc, size in _base_members(""):
        members.append((name, deflated, crc, declared if name == SHEET_PART else size))
    return _raw_zip(folder / "lying.xlsx", members)


# --- XML attacks ------------------------------------------------------------------


def _laughs() -> str:
    lines = ['<!ENTITY lol "lol">']
    previous = "lol"
    for level in range(1, 10):
        lines.append(f'<!ENTITY lol{level} "{("&" + previous + ";") * 10}">')
        previous = f"lol{level}"
    return "\n".join(lines)


def billion_laughs(folder: Path, part: str = "sharedStrings") -> Path:
    """The billion laughs (nested entities, 10^9 "lol" once expanded) in the shared
    strings (`part="sharedStrings"`) or in the sheet itself (`part="sheet"`)."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    if part == "sheet":
        xml = (
            f"{head}<!DOCTYPE worksheet [\n{_laughs()}\n]>\n"
            f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
        )
        return _rewrite(folder / "laughs-sheet.xlsx", {SHEET_PART: xml.encode()})
    xml = (
        f"{head}<!DOCTYPE sst [\n{_laughs()}\n]>\n"
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    return _rewrite(folder / "laughs.xlsx", {STRINGS_PART: xml.encode()})


def external_entity(folder: Path) -> Path:
    """An entity that would read a file of the computer into a shared string (XXE)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>'
    )
    return _rewrite(folder / "xxe.xlsx", {STRINGS_PART: xml.encode()})


# --- files that are not (whole) workbooks ------------------------------------------


def truncated(source: Path, folder: Path) -> Path:
    """The first half of `source` (a download or an e-mail cut short)."""
    data = source.read_bytes()
    out = folder / f"truncated-{source.name}"
    out.write_bytes(data[: len(data) // 2])
    return out


def corrupted(source: Path, folder: Path) -> Path:
    """`source` whole, with bytes in the middle of its largest member's data changed, so
    that the member no longer matches its CRC (or no longer inflates)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = max(archive.infolist(), key=lambda member: member.compress_size)
    # The data starts after the 30-byte local header, its name and its extra field.
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 2
    for index in range(middle, min(middle + 8, start + info.compress_size)):
        data[index] ^= 0x55
    out = folder / f"corrupted-{source.name}"
    out.write_bytes(bytes(data))
    return out


def renamed_text(folder: Path) -> Path:
    """A text file named .xlsx."""
    out = folder / "notes.xlsx"
    out.write_text("KPI;value\nJIT-APP;734\n", encoding="utf-8")
    return out


def renamed_pdf(folder: Path) -> Path:
    """The start of a PDF, named .xlsx."""
    out = folder / "report.xlsx"
    out.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    return out


def empty_file(folder: Path) -> Path:
    out = folder / "empty.xlsx"
    out.write_bytes(b"")
    return out


def _ole(streams: list[str]) -> bytes:
    """An OLE compound file's header and one directory sector naming `streams` (what the
    opener looks at), followed by filler where the streams' data would be."""
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 0xFFFE)  # minor, major version, byte order
    struct.pack_into("<H", header, 30, 9)  # sectors of 512 bytes
    directory = bytearray()
    for name in ["Root Entry", *streams]:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le")
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded) + 2)
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    directory += bytes(-len(directory) % 512)
    return bytes(header) + bytes(directory) + bytes(range(256)) * 8


def password_protected(folder: Path) -> Path:
    """What Excel writes for an .xlsx with a password to open: an OLE compound file holding
    EncryptionInfo and EncryptedPackage."""
    out = folder / "protected.xlsx"
    out.write_bytes(_ole(["\x06DataSpaces", "EncryptionInfo", "EncryptedPackage"]))
    return out


def old_xls(folder: Path, name: str = "old.xls") -> Path:
    """A workbook of Excel 97-2003 (.xls): an OLE compound file with a Workbook stream."""
    out = folder / name
    out.write_bytes(_ole(["Workbook", "\x05SummaryInformation"]))
    return out


# --- workbooks that open but hold what must not be trusted -------------------------


def with_formulas_and_errors(folder: Path) -> Path:
    """Sheet "Data": figures in B1:B2, the formulas of FORMULA_CELLS, the error values of
    ERROR_CELLS (openpyxl writes "#DIV/0!" as an error cell, data type "e")."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Data"
    ws["A1"] = "figure"
    ws["B1"] = 10
    ws["B2"] = 20
    for coordinate, value in {**FORMULA_CELLS, **ERROR_CELLS}.items():
        ws[coordinate] = value
    out = folder / "formulas.xlsx"
    wb.save(out)
    return out


def edited(source: Path, folder: Path, sheet: str, cells: Mapping[str, object], name: str) -> Path:
    """A copy of `source` (a template, say) with `cells` of `sheet` set as openpyxl sets them:
    "=..." becomes a formula, "#DIV/0!" an error cell; saved as folder/name."""
    wb = load_workbook(source)
    ws = wb[sheet]
    for coordinate, value in cells.items():
        ws[coordinate] = value
    out = folder / name
    wb.save(out)
    return out


def too_many_rows(
    folder: Path, limits: ReadLimits = DEFAULT_LIMITS, *, dimension: str | None = None
) -> Path:
    """A sheet of limits.max_rows + 1 rows. Without `dimension` the sheet says nothing of
    its size (rows must be counted); with it, the sheet claims that range (e.g. "A1:B2",
    a lie that must not be believed)."""
    rows = limits.max_rows + 1
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, rows + 1))
    size = "" if dimension is None else f'<dimension ref="{dimension}"/>'
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}">{size}<sheetData>{body}</sheetData></worksheet>'
    )
    return _rewrite(folder / "many-rows.xlsx", {SHEET_PART: xml.encode()})


def good_workbook(folder: Path) -> Path:
    """A plain small workbook (sheet "Data": A1 "figure", B1 1)."""
    out = folder / "good.xlsx"
    out.write_bytes(_base_workbook())
    return out


def copy_as(source: Path, folder: Path, name: str) -> Path:
    """`source` copied under another name (an .xlsx named .xls, say)."""
    out = folder / name
    shutil.copyfile(source, out)
    return out


def bad_number(folder: Path) -> Path:
    """A sheet whose cell B1 says it holds a number but holds "abc": openpyxl fails only
    when a read-only sheet reaches that cell."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'
        '<c r="A1" t="s"><v>0</v></c><c r="B1" t="n"><v>abc</v></c></row></sheetData></worksheet>'
    )
    return _rewrite(folder / "bad-number.xlsx", {SHEET_PART: xml.encode()})


def chart_instead_of_sheet(source: Path, folder: Path, sheet: str, name: str) -> Path:
    """A copy of `source` whose `sheet` is replaced by a chart sheet of the same name."""
    from openpyxl.chart import BarChart

    wb = load_workbook(source)
    place = wb.sheetnames.index(sheet)
    del wb[sheet]
    chart_sheet = wb.create_chartsheet(sheet, place)
    chart_sheet.add_chart(BarChart())
    out = folder / name
    wb.save(out)
    return out
