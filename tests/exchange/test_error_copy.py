"""The copy of a partner's workbook with its problems marked: fills and comments on the
cells, the list sheet first, the partner's file untouched, protection kept."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import hostile_files as hostile
import openpyxl
import pytest
from office_support import convert_to_pdf, pdf_pages
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from pilotage.domain.errors import PilotageError
from pilotage.exchange import error_copy
from pilotage.exchange.error_copy import (
    AUTHOR,
    PROBLEM_FILL,
    PROBLEMS_SHEET,
    CellMark,
    mark_errors,
)
from pilotage.exchange.safe_reading import ReadLimits, WorkbookRefusedError


def _partner_workbook(folder: Path) -> Path:
    """A protected sheet "Figures" like a template's (a drop-down, a merged title, a note
    of the partner's), and a very hidden sheet like the marker."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Figures"
    ws["A1"] = "Figures for 2024"
    ws.merge_cells("A1:C1")
    ws.append(["KPI", "Period", "Value"])
    ws.append(["JIT-APP", "2024-Q1", 734])
    ws.append(["JIT-INS", "2024-Q1", "abc"])
    ws["C3"].comment = Comment("from the March report", "Partner")
    choice = DataValidation(type="list", formula1='"yes,no"')
    choice.add("D3:D4")
    ws.add_data_validation(choice)
    ws.protection.sheet = True
    hidden = wb.create_sheet("pilotage")
    hidden["A1"] = "measurements-template"
    hidden.sheet_state = "veryHidden"
    out = folder / "from-partner.xlsx"
    wb.save(out)
    return out


def _comment_boxes(path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(path) as archive:
        drawings = [name for name in archive.namelist() if name.endswith(".vml")]
        text = "".join(archive.read(name).decode() for name in drawings)
    return re.findall(r"width:(\d+)px;height:(\d+)px", text)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


MARKS = [
    CellMark("Figures", 4, "C", "text where a number is due"),
    CellMark("Figures", 3, "C", "a count cannot be negative"),
    CellMark("Figures", 3, "C", "the same KPI and period twice"),
    CellMark("Figures", 3, "c", "the same KPI and period twice"),  # the same problem again
    CellMark("Gone", 2, "B", "unknown KPI"),
    CellMark("Figures", 0, "B", "the sheet has no header row"),
    CellMark("Figures", 5, "1A", '=HYPERLINK("http://x","y")'),
]


def test_marked_cells_are_filled_and_commented_and_listed(tmp_path: Path) -> None:
    source = _partner_workbook(tmp_path)
    before = _digest(source)
    out = mark_errors(source, tmp_path / "problems.xlsx", MARKS)
    assert out == tmp_path / "problems.xlsx"
    assert _digest(source) == before

    wb = openpyxl.load_workbook(out)
    ws = wb["Figures"]
    assert ws["C4"].fill.fgColor.rgb == PROBLEM_FILL
    assert ws["C4"].comment.text == "text where a number is due"
    assert ws["C4"].comment.author == AUTHOR
    assert ws["C3"].fill.fgColor.rgb == PROBLEM_FILL
    # Both problems of C3, each once, then the partner's own note.
    assert ws["C3"].comment.text == (
        "a count cannot be negative\nthe same KPI and period twice\n\nfrom the March report"
    )
    # openpyxl reads no box size back: the drawing says it. C3's box fits 4 lines of at most
    # 29 characters (7 px each and a margin): wider and taller than openpyxl's 144 x 79 px.
    assert ("219", "88") in _comment_boxes(out)
    for unmarked in ("A3", "B3", "C2", "B5", "A5"):
        assert ws[unmarked].fill.fill_type is None, unmarked
        assert ws[unmarked].comment is None, unmarked
    # The cells keep their values, the sheet its protection and its drop-down.
    assert [ws["C3"].value, ws["C4"].value] == [734, "abc"]
    assert ws.protection.sheet
    assert [str(v.sqref) for v in ws.data_validations.dataValidation] == ["D3:D4"]
    assert wb["pilotage"].sheet_state == "veryHidden"

    problems = wb.worksheets[0]
    assert problems.title == PROBLEMS_SHEET
    assert wb.active.title == PROBLEMS_SHEET
    rows = [tuple(row) for row in problems.iter_rows(values_only=True)]
    # In the order of the sheets, then rows (row 3 before 4), whatever order they came in;
    # the marks of a sheet the workbook lacks come last.
    assert rows == [
        ("Sheet", "Cell", "KPI", "Period", "Problem"),
        ("Figures", None, None, None, "the sheet has no header row"),
        ("Figures", "C3", None, None, "a count cannot be negative"),
        ("Figures", "C3", None, None, "the same KPI and period twice"),
        ("Figures", "C3", None, None, "the same KPI and period twice"),
        ("Figures", "C4", None, None, "text where a number is due"),
        ("Figures", None, None, None, '=HYPERLINK("http://x","y")'),
        ("Gone", "B2", None, None, "unknown KPI"),  # listed, no link: no such sheet
    ]
    assert problems["E7"].data_type == "s"  # a message is text, never a formula
    assert problems["B6"].hyperlink.location == "'Figures'!C4"
    assert problems["B8"].hyperlink is None


def test_a_merged_cell_is_marked_on_its_first_cell(tmp_path: Path) -> None:
    source = _partner_workbook(tmp_path)
    out = mark_errors(source, tmp_path / "copy.xlsx", [CellMark("Figures", 1, "B", "no title")])
    ws = openpyxl.load_workbook(out)["Figures"]
    assert ws["A1"].comment.text == "no title"
    assert ws["A1"].fill.fgColor.rgb == PROBLEM_FILL


def test_a_whole_row_is_filled_and_commented_on_its_first_cell(tmp_path: Path) -> None:
    marks = [
        CellMark("Figures", 3, "", "the same KPI and period twice"),
        CellMark("Figures", 3, "A", "unknown KPI"),
    ]
    out = mark_errors(_partner_workbook(tmp_path), tmp_path / "copy.xlsx", marks)
    wb = openpyxl.load_workbook(out)
    ws = wb["Figures"]
    # Row 3 filled across the sheet's columns (A to C hold values; D only a drop-down).
    assert [ws.cell(3, column).fill.fgColor.rgb for column in range(1, 4)] == [PROBLEM_FILL] * 3
    assert ws["A4"].fill.fill_type is None
    assert ws["A3"].comment.text == "the same KPI and period twice\nunknown KPI"
    assert ws["C3"].comment.text == "from the March report"  # the partner's note alone
    rows = list(wb[PROBLEMS_SHEET].iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("Figures", "row 3", None, None, "the same KPI and period twice"),
        ("Figures", "A3", None, None, "unknown KPI"),
    ]
    assert wb[PROBLEMS_SHEET]["B2"].hyperlink.location == "'Figures'!A3"


def test_a_copy_of_a_copy_keeps_one_list_and_our_latest_comments(tmp_path: Path) -> None:
    source = _partner_workbook(tmp_path)
    first = mark_errors(source, tmp_path / "first.xlsx", MARKS[:1])
    second = mark_errors(
        first, tmp_path / "second.xlsx", [CellMark("Figures", 4, "C", "still text")]
    )
    wb = openpyxl.load_workbook(second)
    assert [ws.title for ws in wb.worksheets] == [PROBLEMS_SHEET, "Figures", "pilotage"]
    assert wb["Figures"]["C4"].comment.text == "still text"
    assert wb[PROBLEMS_SHEET]["E2"].value == "still text"
    assert wb[PROBLEMS_SHEET].max_row == 2


def test_a_sheet_of_the_partners_named_problems_stays(tmp_path: Path) -> None:
    source = _partner_workbook(tmp_path)
    wb = openpyxl.load_workbook(source)
    wb.create_sheet(PROBLEMS_SHEET)["A1"] = "our own notes"
    wb.save(source)
    wb = openpyxl.load_workbook(mark_errors(source, tmp_path / "copy.xlsx", MARKS[:1]))
    assert wb.sheetnames[0] == f"{PROBLEMS_SHEET} (2)"
    assert wb[PROBLEMS_SHEET]["A1"].value == "our own notes"


def test_the_partners_file_is_never_overwritten(tmp_path: Path) -> None:
    source = _partner_workbook(tmp_path)
    before = _digest(source)
    with pytest.raises(PilotageError, match=r"cannot replace from-partner\.xlsx"):
        mark_errors(source, source, MARKS)
    assert _digest(source) == before


def test_a_hostile_file_is_refused_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "copy.xlsx"
    with pytest.raises(WorkbookRefusedError, match="XML entity declaration"):
        mark_errors(hostile.billion_laughs(tmp_path), out, MARKS)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["laughs.xlsx"]  # no temporary left


def test_a_workbook_too_large_to_copy_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(error_copy, "COPY_LIMITS", ReadLimits(max_cells=5))
    out = tmp_path / "copy.xlsx"
    with pytest.raises(WorkbookRefusedError, match="has more than 5 cells in sheet Figures"):
        mark_errors(_partner_workbook(tmp_path), out, MARKS)
    assert not out.exists()


def test_no_marks_still_gives_the_list_header(tmp_path: Path) -> None:
    out = mark_errors(_partner_workbook(tmp_path), tmp_path / "copy.xlsx", [])
    rows = list(openpyxl.load_workbook(out)[PROBLEMS_SHEET].iter_rows(values_only=True))
    assert rows == [("Sheet", "Cell", "KPI", "Period", "Problem")]


def test_the_list_names_the_kpi_and_period_and_prints_one_page_wide(tmp_path: Path) -> None:
    mark = CellMark("Figures", 4, "C", "must be a whole number", kpi="JIT-APP", period="2025-Q1")
    out = mark_errors(_partner_workbook(tmp_path), tmp_path / "copy.xlsx", [mark])
    ws = openpyxl.load_workbook(out)[PROBLEMS_SHEET]
    assert [c.value for c in ws[2]] == ["Figures", "C4", "JIT-APP", "2025-Q1", mark.message]
    # Printed landscape, one page wide, the header row on every page.
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"


def test_a_long_message_gets_a_row_as_tall_as_its_lines(tmp_path: Path) -> None:
    long = "the sexe categories add up to 100, not to the total 120: " * 4  # 228 characters
    marks = [CellMark("Figures", 4, "C", long), CellMark("Figures", 3, "C", "short")]
    out = mark_errors(_partner_workbook(tmp_path), tmp_path / "copy.xlsx", marks)
    ws = openpyxl.load_workbook(out)[PROBLEMS_SHEET]
    # Row 3's problem listed first, then row 4's.
    assert [ws["E2"].value, ws["E3"].value] == ["short", long]
    assert ws.row_dimensions[3].height == 3 * 15.0  # 85 characters a line: three lines
    assert ws.row_dimensions[2].height is None


def test_the_list_follows_the_sheet_by_row_then_column(tmp_path: Path) -> None:
    """The review's case: row 6's Q6 (found by the reader) came before K6 (found by the
    service); AA comes after Z, not between A and B as text would sort it."""
    marks = [
        CellMark("Figures", 6, "Q", "not a date"),
        CellMark("Figures", 6, "AA", "after Z"),
        CellMark("Figures", 14, "K", "between 0 % and 100 %"),
        CellMark("Figures", 6, "K", "must not be negative"),
        CellMark("Figures", 6, "Z", "column Z"),
        CellMark("Figures", 6, "", "the whole row"),
        CellMark("Figures", 2, "q", "lower-case column"),
    ]
    out = mark_errors(_partner_workbook(tmp_path), tmp_path / "copy.xlsx", marks)
    ws = openpyxl.load_workbook(out)[PROBLEMS_SHEET]
    listed = [(row[1], row[4]) for row in ws.iter_rows(min_row=2, values_only=True)]
    assert listed == [
        ("Q2", "lower-case column"),
        ("row 6", "the whole row"),
        ("K6", "must not be negative"),
        ("Q6", "not a date"),
        ("Z6", "column Z"),
        ("AA6", "after Z"),
        ("K14", "between 0 % and 100 %"),
    ]


def test_a_list_of_an_older_copy_is_replaced_too(tmp_path: Path) -> None:
    source = _partner_workbook(tmp_path)
    wb = openpyxl.load_workbook(source)
    older = wb.create_sheet(PROBLEMS_SHEET, 0)
    older.append(["Sheet", "Cell", "Problem"])
    wb.save(source)
    wb = openpyxl.load_workbook(mark_errors(source, tmp_path / "copy.xlsx", MARKS[:1]))
    assert wb.sheetnames == [PROBLEMS_SHEET, "Figures", "pilotage"]


def _template_like(folder: Path) -> Path:
    """A sheet laid out as a template's: identifiers in hidden A-C, the KPI code in E."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Data"
    ws.append(["id", "start", "end", "owner", "code", "name"])
    ws.append([999, "2025-01-01", "2025-03-31", "P1", "JIT-APP", "Apprenants"])
    ws.column_dimensions.group("A", "C", hidden=True)
    out = folder / "template.xlsx"
    wb.save(out)
    return out


def test_a_mark_on_a_hidden_column_is_shown_on_the_kpi_code(tmp_path: Path) -> None:
    marks = [
        CellMark("Data", 2, "B", "the period's bounds (a hidden column) were changed"),
        CellMark("Data", 2, "", "this row was added"),
    ]
    out = mark_errors(_template_like(tmp_path), tmp_path / "copy.xlsx", marks)
    wb = openpyxl.load_workbook(out)
    ws = wb["Data"]
    assert ws["E2"].fill.fgColor.rgb == PROBLEM_FILL
    assert ws["E2"].comment.text == (
        "the period's bounds (a hidden column) were changed (hidden column B)\nthis row was added"
    )
    assert ws["B2"].comment is None
    assert ws["A2"].comment is None
    listed = wb[PROBLEMS_SHEET]
    assert [listed["B2"].value, listed["B3"].value] == ["row 2", "E2"]  # the row first
    assert listed["B2"].hyperlink.location == "'Data'!E2"
    assert listed["B3"].hyperlink.location == "'Data'!E2"


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_spreadsheet_application_opens_the_copy(tmp_path: Path) -> None:
    out = mark_errors(_partner_workbook(tmp_path), tmp_path / "copy.xlsx", MARKS)
    pdf = convert_to_pdf(out, tmp_path / "pdf")
    assert pdf_pages(pdf) >= 2  # the list of problems, then the partner's sheet
