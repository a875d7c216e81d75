"""Text written to any workbook fits a cell: Excel holds 32,767 characters (UTF-16 units)
in one and "repairs" a longer cell, calling the file damaged. A longer text is cut, an
ellipsis saying so; shorter ones pass whole."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pilotage.exchange.cells import MAX_CELL_TEXT, clean_text
from pilotage.exchange.columns import Column
from pilotage.exchange.labels import Labels
from pilotage.exchange.sheets import TableSheet, new_workbook


def test_a_text_that_fits_passes_whole() -> None:
    text = "x" * MAX_CELL_TEXT
    assert clean_text(text) == text
    assert clean_text("a\x00b\tc") == "a" + "b\tc"  # control characters still dropped


def test_a_longer_text_is_cut_to_the_cells_limit_with_an_ellipsis() -> None:
    cut = clean_text("y" * 40_000)
    assert len(cut) == MAX_CELL_TEXT
    assert cut.endswith("y…")


def test_characters_beyond_the_basic_plane_count_twice() -> None:
    # 20,000 emoji are 40,000 UTF-16 units: cut to 16,383 of them and the ellipsis.
    cut = clean_text("😀" * 20_000)
    assert cut == "😀" * 16_383 + "…"
    assert len(cut.encode("utf-16-le")) // 2 <= MAX_CELL_TEXT


def test_a_report_cell_never_passes_the_limit(tmp_path: Path) -> None:
    wb = new_workbook("Title", "Subject", "Pilotage")
    sheet = TableSheet(wb, "Data", [Column("Comment")], Labels("en").statuses)
    sheet.write_all([["=" + "z" * 40_000]])  # a formula-like text stays text, cut
    sheet.close()
    out = tmp_path / "r.xlsx"
    wb.save(out)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    texts = re.findall(r"<t[^>]*>([^<]*)</t>", xml)
    longest = max(texts, key=len)
    assert len(longest) == MAX_CELL_TEXT
    assert longest.startswith("=z")
    assert longest.endswith("z…")
    assert "<f>" not in xml
