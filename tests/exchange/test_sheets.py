"""The streamed table sheet: text stays text, formats, colours, links and print set-up."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pilotage.domain.enums import KpiStatus
from pilotage.domain.status_colors import STATUS_COLORS, STATUS_TEXT_COLORS, argb
from pilotage.exchange.columns import Column, Kind, safe_link
from pilotage.exchange.labels import Labels, all_keys_translated
from pilotage.exchange.sheets import SAMPLE_ROWS, TableSheet, new_workbook

INJECTIONS = [
    "=1+1",
    "+33 6 12 34 56 78",
    "-5",
    "@SUM(A1)",
    "\tx",
    "\rx",
    '=HYPERLINK("http://x","y")',
]


def _write(path: Path, rows: list[list[object]]) -> None:
    wb = new_workbook("Title", "Subject", "Pilotage")
    columns = [
        Column("Text"),
        Column("Count", Kind.INTEGER),
        Column("Share", Kind.PERCENT),
        Column("Amount", Kind.MONEY, currency="MAD"),
        Column("Status", Kind.STATUS),
        Column("Link", Kind.LINK),
        Column("Day", Kind.DATE),
    ]
    sheet = TableSheet(wb, "Data", columns, Labels("en").statuses, preamble=[["A title"]])
    sheet.write_all(rows)
    sheet.close()
    wb.save(path)


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_risky_text_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    _write(path, [[text, 1, None, None, None, text, None] for text in INJECTIONS])
    ws = openpyxl.load_workbook(path)["Data"]
    assert [ws.cell(row=3 + i, column=1).value for i in range(len(INJECTIONS))] == INJECTIONS
    assert all(ws.cell(row=3 + i, column=1).data_type == "s" for i in range(len(INJECTIONS)))
    # a link column with a formula-looking "URL" is neither a formula nor a link
    assert ws.cell(row=3, column=6).hyperlink is None
    assert "<f>" not in _sheet_xml(path)
    assert "<f " not in _sheet_xml(path)


def test_formats_colours_links_and_print_setup(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    row: list[object] = [
        "KPI",
        1234,
        Decimal("0.918"),
        Decimal("1500000.5"),
        KpiStatus.ON_TRACK,
        "https://example.org/evidence.pdf",
        date(2024, 12, 31),
    ]
    # more rows than the sample, so that streamed rows are checked too
    _write(path, [row] * (SAMPLE_ROWS + 5) + [["x", None, None, None, KpiStatus.AT_RISK]])
    wb = openpyxl.load_workbook(path)
    assert wb.properties.title == "Title"
    assert wb.properties.creator == "Pilotage"
    ws = wb["Data"]
    last = 2 + SAMPLE_ROWS + 5
    cells = ws[last]
    assert [c.number_format for c in cells[1:4]] == ["#,##0", "0.0%", '#,##0.00 "MAD"']
    assert cells[6].number_format == "yyyy-mm-dd"
    assert cells[4].value == "On track"
    assert cells[4].fill.fgColor.rgb == argb(STATUS_COLORS[KpiStatus.ON_TRACK])
    assert cells[4].font.color.rgb == argb(STATUS_TEXT_COLORS[KpiStatus.ON_TRACK])
    assert cells[5].hyperlink.target == "https://example.org/evidence.pdf"
    amber = ws.cell(row=last + 1, column=5)
    assert amber.fill.fgColor.rgb == argb(STATUS_COLORS[KpiStatus.AT_RISK])
    assert ws["A2"].font.bold
    assert ws["A2"].value == "Text"
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:G{last + 1}"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.oddFooter.center.text == "&P / &N"
    assert ws.column_dimensions["F"].width > ws.column_dimensions["B"].width


def test_unsafe_link_schemes_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    _write(path, [["x", None, None, None, None, "javascript:alert(1)", None]])
    cell = openpyxl.load_workbook(path)["Data"]["F3"]
    assert cell.value == "javascript:alert(1)"
    assert cell.hyperlink is None


def test_labels_in_both_languages() -> None:
    assert all_keys_translated()
    assert Labels("fr")["sheet.kpis"] == "Indicateurs"
    assert Labels("en").status(KpiStatus.ON_TRACK) == "On track"
    assert Labels("fr").status(KpiStatus.ON_TRACK) == "En bonne voie"
    with pytest.raises(ValueError, match="language"):
        Labels("de")


@pytest.mark.parametrize(
    ("evidence", "target"),
    [
        ("https://example.org/a.pdf", "https://example.org/a.pdf"),
        ("http://mnc.ma/r", "http://mnc.ma/r"),
        ("mailto:suivi@example.org", "mailto:suivi@example.org"),
        # Paths stay text: evidence comes from partners' workbooks too, and a clicked UNC
        # path or file:// link sends the analyst's Windows credentials (NTLM) to the
        # partner's server, or runs a local program. The text still shows where it is.
        ("C:\\preuves\\bilan 2024.pdf", None),
        ("C:\\Windows\\System32\\calc.exe", None),
        ("\\\\evil.example\\share\\report.pdf", None),
        ("/srv/preuves/bilan.pdf", None),
        ("file://evil.example/share/report.pdf", None),
        ("file:///C:/Windows/System32/calc.exe", None),
        ("ftp://example.org/a.pdf", None),
        ("https:\\\\evil.example\\x", None),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("bilan.pdf", None),
    ],
)
def test_evidence_links(evidence: str, target: str | None) -> None:
    assert safe_link(evidence) == target


def test_headers_wrap_over_narrow_figures_and_sit_over_them(tmp_path: Path) -> None:
    """A long header wraps at its spaces instead of widening a column of short figures;
    the header row is as tall as its most wrapped header; a figure's header is on the
    right like the figure, a status's in the middle, a yes or no centred."""
    wb = new_workbook("t", "s", "c")
    columns = [
        Column("Code"),
        Column("Expected progress to date", Kind.PERCENT),  # 25 characters over "91.8%"
        Column("Status", Kind.STATUS),
        Column("Late", Kind.CENTERED),
    ]
    with TableSheet(wb, "Data", columns, Labels("en").statuses) as sheet:
        sheet.write(["K1", Decimal("0.918"), KpiStatus.ON_TRACK, "no"])
    wb.save(tmp_path / "h.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx")["Data"]
    # "progress" is the longest word: 8 bold characters and the button's room.
    assert ws.column_dimensions["B"].width == pytest.approx(8 * 1.15 + 3.0)
    # 8 characters a line: "Expected" / "progress" / "to date": three lines.
    assert ws.row_dimensions[1].height == pytest.approx(3 * 15.0)
    assert ws.row_dimensions[2].height is None
    assert ws["A1"].alignment.horizontal in (None, "left", "general")
    assert ws["B1"].alignment.horizontal == "right"
    assert ws["B1"].alignment.indent == 1
    assert ws["C1"].alignment.horizontal == "center"
    assert ws["D2"].alignment.horizontal == "center"
    assert ws["D2"].value == "no"


def test_short_headers_stay_on_one_line(tmp_path: Path) -> None:
    wb = new_workbook("t", "s", "c")
    with TableSheet(wb, "Data", [Column("Target", Kind.INTEGER)], Labels("en").statuses) as s:
        s.write([1])
    wb.save(tmp_path / "h.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx")["Data"]
    assert ws.row_dimensions[1].height is None
    assert ws.column_dimensions["A"].width == pytest.approx(6 * 1.15 + 3.0)
