"""The fast way of counting a part's rows and cells (bytes searches) gives exactly what the
element-by-element way gives on a plain part, and gives up (the exact way then decides)
on anything less plain; limits and declarations are refused either way."""

from __future__ import annotations

import io
import zipfile

import pytest

from pilotage.exchange import part_scan
from pilotage.exchange.part_scan import (
    EntityDeclaredError,
    Extent,
    PartLimits,
    TooLargeError,
    scan_member,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
LIMITS = PartLimits(max_rows=1_000, max_cells=5_000)


def archive(
    xml: bytes, name: str = "xl/worksheets/sheet1.xml"
) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr(name, xml)
    opened = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    return opened, opened.getinfo(name)


def sheet(rows: str, root: str = f'<worksheet xmlns="{MAIN}">') -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f"{head}{root}<sheetData>{rows}</sheetData></worksheet>".encode()


def plain_rows(count: int, columns: str = "ABC", start: int = 1) -> str:
    return "".join(
        f'<row r="{n}">'
        + "".join(f'<c r="{c}{n}" t="n"><v>{n}</v></c>' for c in columns)
        + "</row>"
        for n in range(start, start + count)
    )


def both(xml: bytes) -> tuple[Extent | str | None, Extent | None]:
    """(the fast way's extent, or "unsure"; the exact way's extent)."""
    zf, info = archive(xml)
    try:
        fast: Extent | str | None = part_scan._scan_fast(zf, info, LIMITS)
    except part_scan._UnsureError:
        fast = "unsure"
    return fast, part_scan._scan_exact(zf, info, LIMITS)


def test_a_plain_sheet_is_counted_the_fast_way_exactly() -> None:
    fast, exact = both(
        sheet(plain_rows(150, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + '<row r="400"><c r="AB400"/></row>')
    )
    assert exact == Extent(rows=400, columns=28)
    assert fast == exact


def test_rows_skipped_and_cells_out_of_order_reach_as_far_either_way() -> None:
    fast, exact = both(sheet('<row r="7"><c r="C7"/><c r="A7"/></row><row r="3"><c r="B3"/></row>'))
    assert exact == Extent(rows=7, columns=3)
    assert fast == exact


def test_a_part_without_rows_has_no_extent() -> None:
    assert both(
        b'<?xml version="1.0"?><styleSheet xmlns="x"><cols><col min="1"/></cols></styleSheet>'
    ) == (None, None)


@pytest.mark.parametrize(
    "xml",
    [
        sheet('<row r="1"><!-- <c r="Z1"/> --><c r="A1"/></row>'),  # a comment
        sheet('<row r="1"><c t="n" r="B1"/></row>'),  # the reference not first
        sheet("<row><c/><c/></row>"),  # no references at all
        sheet('<row r="1"><c r="A1"/></row>', f'<x:worksheet xmlns:x="{MAIN}">').replace(
            b"</worksheet>", b"</x:worksheet>"
        ),  # prefixed root, unprefixed cells in no namespace
        sheet('<row r="1"><c r="A1"/></row>', '<worksheet xmlns="urn:other">'),  # not a sheet
        sheet('<row r="1"><c r="A1"/><c xmlns="urn:other" r="Z1"/></row>'),  # another default
        sheet('<row r="1"><c r="a1"/></row>'),  # lower case letters
        sheet(
            '<row r="1"><c r="A1"/></row>',
            f'<worksheet xmlns="urn:other" a=\' xmlns="{MAIN}"\'>',
        ),  # the sheet's namespace only in another attribute's value
        sheet('<row r="1"><c r="A1"/></row>', f'<!-- a note --><worksheet xmlns="{MAIN}">'),
    ],
    ids=[
        "comment",
        "reference not first",
        "no references",
        "prefixed root",
        "other namespace",
        "another default",
        "lower case",
        "namespace in a value",
        "comment before the root",
    ],
)
def test_anything_less_plain_is_left_to_the_exact_way(xml: bytes) -> None:
    fast, exact = both(xml)
    assert fast == "unsure"
    zf, info = archive(xml)
    assert scan_member(zf, info, LIMITS) == exact


def test_prefixed_cells_of_the_spreadsheet_are_counted_the_exact_way() -> None:
    xml = (
        f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData><x:row r="2"><x:c r="D2"/></x:row>'
        "</x:sheetData></x:worksheet>"
    ).encode()
    fast, exact = both(xml)
    assert fast == "unsure"
    assert exact == Extent(rows=2, columns=4)


def test_a_sheet_in_utf16_is_counted_the_exact_way() -> None:
    xml = sheet(plain_rows(5)).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    fast, exact = both(xml.encode("utf-16"))
    assert fast == "unsure"
    assert exact == Extent(rows=5, columns=3)


@pytest.mark.parametrize(
    ("rows", "what"),
    [
        (plain_rows(1_001, "A"), "rows"),
        ('<row r="999999999999"><c r="A999999999999"/></row>', "rows"),  # one row, far down
        (plain_rows(900, "ABCDEF"), "cells"),
    ],
)
def test_too_many_rows_or_cells_are_refused(rows: str, what: str) -> None:
    zf, info = archive(sheet(rows))
    with pytest.raises(TooLargeError) as large:
        scan_member(zf, info, LIMITS)
    assert large.value.what == what
    with pytest.raises(TooLargeError):
        part_scan._scan_fast(zf, info, LIMITS)  # the fast way refuses it itself


def test_a_declaration_is_refused_the_fast_way_too() -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet xmlns="'
        + MAIN.encode()
        + b'">&a;</worksheet>'
    )
    zf, info = archive(xml)
    with pytest.raises(EntityDeclaredError):
        part_scan._scan_fast(zf, info, LIMITS)
    with pytest.raises(EntityDeclaredError):
        scan_member(zf, info, LIMITS)


def test_a_large_plain_sheet_split_across_chunks_is_counted_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(part_scan, "CHUNK", 97)  # tags cut everywhere between two reads
    fast, exact = both(sheet(plain_rows(200, "ABCDE", start=3)))
    assert exact == Extent(rows=202, columns=5)
    assert fast == exact
