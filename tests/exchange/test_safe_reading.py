"""The safe opener: every hostile or broken file refused with one sentence naming it, fast
and without inflating anything large; a good workbook opens, formulas and error values
come back as such, never evaluated; the XML protection is checked."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import hostile_files as hostile
import openpyxl
import pytest

from pilotage.exchange import safe_reading
from pilotage.exchange.safe_reading import (
    DEFAULT_LIMITS,
    ReadLimits,
    WorkbookRefusedError,
    check_xml_protection,
    open_workbook,
    sheet_rows,
)


def _refusal(path: Path, limits: ReadLimits = DEFAULT_LIMITS, *, read_only: bool = True) -> str:
    """The sentence `path` is refused with, checked to be one sentence naming the file."""
    with pytest.raises(WorkbookRefusedError) as refused:
        open_workbook(path, read_only=read_only, limits=limits)
    message = str(refused.value)
    assert message.startswith(path.name), message
    assert "\n" not in message, message
    return message


HOSTILE: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "billion laughs in the shared strings": (
        hostile.billion_laughs,
        ("XML entity declaration", "xl/sharedStrings.xml", "not opened"),
    ),
    "billion laughs in a sheet": (
        lambda folder: hostile.billion_laughs(folder, part="sheet"),
        ("XML entity declaration", "xl/worksheets/sheet1.xml"),
    ),
    "external entity": (hostile.external_entity, ("XML entity declaration",)),
    "zip bomb of 1 GiB": (hostile.zip_bomb, ("would expand to 1,024 MB", "not opened")),
    "zip bomb of 50 MiB (under the total, over the ratio)": (
        lambda folder: hostile.zip_bomb(folder, megabytes=50),
        ("xl/worksheets/sheet1.xml", "would expand 1,0", "more than the 200 times"),
    ),
    "declared size beyond the total": (
        hostile.lying_size,
        ("would expand to 1,907 MB", "more than the 300 MB"),
    ),
    "size declared smaller than the data": (
        hostile.understated_bomb,
        ("is damaged", "xl/worksheets/sheet1.xml", "not valid XML"),
    ),
    "text renamed .xlsx": (hostile.renamed_text, ("is a text file", "not an Excel workbook")),
    "PDF renamed .xlsx": (hostile.renamed_pdf, ("is a PDF document",)),
    "empty file": (hostile.empty_file, ("is empty",)),
    "password": (
        hostile.password_protected,
        ("is protected by a password: remove the password in Excel and send it again",),
    ),
    "old .xls": (hostile.old_xls, ("old Excel format (.xls)", "save it as an Excel workbook")),
    "truncated": (
        lambda folder: hostile.truncated(hostile.with_formulas_and_errors(folder), folder),
        ("is incomplete or damaged", "ask for the file again"),
    ),
    "corrupted member": (
        lambda folder: hostile.corrupted(hostile.with_formulas_and_errors(folder), folder),
        ("is incomplete or damaged",),
    ),
    "missing": (lambda folder: folder / "gone.xlsx", ("does not exist",)),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_or_broken_file_is_refused_quickly_with_its_sentence(
    tmp_path: Path, case: str
) -> None:
    build, words = HOSTILE[case]
    path = build(tmp_path)
    started = time.perf_counter()
    message = _refusal(path)
    assert time.perf_counter() - started < 1.0, case
    for word in words:
        assert word in message, (word, message)


def test_the_zip_bomb_is_refused_before_anything_is_inflated(tmp_path: Path) -> None:
    path = hostile.zip_bomb(tmp_path)
    with zipfile.ZipFile(path) as archive:
        declared = archive.getinfo(hostile.SHEET_PART).file_size
    assert declared == 1 << 30  # the bomb is real: a gigabyte behind about a megabyte
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    try:
        message = _refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2.0
    assert peak < 20 * 1024 * 1024  # the file's megabyte and a little, never the gigabyte
    assert "would expand" in message


def test_a_sheet_with_too_many_rows_is_refused_whatever_its_dimension_says(
    tmp_path: Path,
) -> None:
    limits = ReadLimits(max_rows=100)
    without = hostile.too_many_rows(tmp_path, limits)
    assert "has more than 100 rows in sheet Data" in _refusal(without, limits)
    lying = hostile.too_many_rows(tmp_path, limits, dimension="A1:A2")
    assert "has more than 100 rows in sheet Data" in _refusal(lying, limits)
    # The same 101 rows are welcome under the default limits, all of them: openpyxl alone
    # would stop at the second, where the dimension says the sheet ends.
    wb = open_workbook(lying)
    assert (wb["Data"].max_row, wb["Data"].max_column) == (101, 1)
    values = [row[0] for row in sheet_rows(lying, wb["Data"], values_only=True)]
    assert values == list(range(1, 102))


def test_a_sheet_over_the_default_row_limit_is_refused(tmp_path: Path) -> None:
    path = hostile.too_many_rows(tmp_path)
    started = time.perf_counter()
    assert "has more than 200,000 rows in sheet Data" in _refusal(path)
    assert time.perf_counter() - started < 2.0


def test_a_row_numbered_beyond_the_limit_counts_as_that_many_rows(tmp_path: Path) -> None:
    # openpyxl would yield an empty row for each number skipped before it.
    far = hostile.edited(hostile.good_workbook(tmp_path), tmp_path, "Data", {"A150": 1}, "far.xlsx")
    assert "more than 100 rows" in _refusal(far, ReadLimits(max_rows=100))


def test_too_many_cells_and_too_large_a_file_are_refused(tmp_path: Path) -> None:
    formulas = hostile.with_formulas_and_errors(tmp_path)  # 8 cells
    assert "has more than 5 cells in sheet Data" in _refusal(formulas, ReadLimits(max_cells=5))
    size = formulas.stat().st_size
    message = _refusal(formulas, ReadLimits(max_file_bytes=size - 1))
    assert "larger than the" in message
    assert "split it into smaller files" in message


def test_other_zip_files_are_named_for_what_they_are(tmp_path: Path) -> None:
    document = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "is a Word document" in _refusal(document)
    slides = tmp_path / "slides.xlsx"
    with zipfile.ZipFile(slides, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<presentation/>")
    assert "is a PowerPoint presentation" in _refusal(slides)
    spreadsheet = tmp_path / "calc.xlsx"
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<document/>")
    assert "is an OpenDocument file (.ods)" in _refusal(spreadsheet)
    archive_path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    assert "is a zip file, not an Excel workbook" in _refusal(archive_path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "figures.xlsx"
    folder.mkdir()
    assert "is a folder" in _refusal(folder)


@pytest.mark.parametrize("read_only", [True, False])
def test_a_good_workbook_opens_whatever_its_extension(tmp_path: Path, read_only: bool) -> None:
    good = hostile.good_workbook(tmp_path)
    named_xls = hostile.copy_as(good, tmp_path, "figures.xls")  # openpyxl alone would refuse it
    for path in (good, named_xls):
        wb = open_workbook(path, read_only=read_only)
        rows = list(sheet_rows(path, wb["Data"], values_only=True))
        assert rows == [("figure", 1)]


@pytest.mark.parametrize("read_only", [True, False])
def test_formulas_and_errors_come_back_unevaluated(tmp_path: Path, read_only: bool) -> None:
    path = hostile.with_formulas_and_errors(tmp_path)
    wb = open_workbook(path, read_only=read_only)
    cells = {
        f"{cell.column_letter}{cell.row}": cell
        for row in sheet_rows(path, wb["Data"], max_col=3)
        for cell in row
        if cell.value is not None
    }
    for coordinate, text in hostile.FORMULA_CELLS.items():
        assert (cells[coordinate].data_type, cells[coordinate].value) == ("f", text)
    for coordinate, text in hostile.ERROR_CELLS.items():
        assert (cells[coordinate].data_type, cells[coordinate].value) == ("e", text)
    assert (cells["B1"].data_type, cells["B1"].value) == ("n", 10)


def test_a_bad_cell_of_a_read_only_sheet_is_refused_when_reached(tmp_path: Path) -> None:
    path = hostile.bad_number(tmp_path)
    wb = open_workbook(path)  # the cells are read later, one row at a time
    with pytest.raises(WorkbookRefusedError, match=r"^bad-number\.xlsx .*sheet Data is damaged"):
        list(sheet_rows(path, wb["Data"]))
    assert "cannot be read as an Excel workbook" in _refusal(path, read_only=False)


def test_xml_protection_is_required(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    check_xml_protection()  # defusedxml is installed here
    good = hostile.good_workbook(tmp_path)
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(WorkbookRefusedError, match="defusedxml"):
        check_xml_protection()
    with pytest.raises(WorkbookRefusedError, match="cannot be read safely"):
        open_workbook(good)


def test_defusedxml_refuses_entities_even_past_the_scan(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The second line of defence: were the scan to miss a declaration, openpyxl's defusedxml
    # refuses it, and that too is one sentence.
    monkeypatch.setattr(safe_reading, "scan_parts", lambda *_: None)
    for path in (hostile.billion_laughs(tmp_path), hostile.external_entity(tmp_path)):
        assert "XML entity declaration" in _refusal(path, read_only=False)
