"""Reading a filled template: fields by column, cells that cannot be read named by sheet,
row and column, empty rows skipped, foreign workbooks refused in one sentence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from filled_templates import figure_row, write_filled
from pilotage.domain.errors import CancelledError
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_reading import FilledTemplate, read_template
from pilotage.exchange.template_values import text_number
from pilotage.exchange.workbook_marker import WorkbookKind

Q3 = (date(2024, 7, 1), date(2024, 9, 30))


def read(path: Path) -> FilledTemplate:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        return read_template(wb, path)
    finally:
        wb.close()


def row(**filled: object) -> dict[Field, object]:
    return figure_row(7, "JIT-APP", *Q3, "2024-Q3", **filled)


def test_fields_are_read_by_column(tmp_path: Path) -> None:
    path = write_filled(
        tmp_path / "f.xlsx",
        [
            row(
                value=320,
                disaggregations="sexe / femmes = 150; sexe / hommes = 170",
                comment="Cohorte C",
                evidence_link="https://mnc.ma/rapport.pdf",
            ),
            row(),  # nothing filled: skipped
            figure_row(9, "JIT-TXD", *Q3, "2024-Q3", numerator=260, denominator=350.0),
        ],
    )
    template = read(path)
    assert (template.sheet, template.program, template.language) == (
        "Figures",
        "CP-MTNRA-MNC",
        "en",
    )
    assert [r.row for r in template.rows] == [2, 4]
    first, second = template.rows
    assert (first.kpi_id, first.period_start, first.period_end) == (7, *Q3)
    assert (first.kpi_code, first.period, first.value) == ("JIT-APP", "2024-Q3", Decimal(320))
    assert first.disaggregations == (
        ("sexe", "femmes", Decimal(150)),
        ("sexe", "hommes", Decimal(170)),
    )
    assert (first.comment, first.evidence_link) == ("Cohorte C", "https://mnc.ma/rapport.pdf")
    assert first.problems == ()
    assert (second.value, second.numerator, second.denominator) == (None, 260, 350)


def test_a_float_cell_is_read_as_typed(tmp_path: Path) -> None:
    template = read(write_filled(tmp_path / "f.xlsx", [row(value=72.1)]))
    assert template.rows[0].value == Decimal("72.1")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 234", Decimal(1234)),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("12,5", Decimal("12.5")),
        ("0,734", Decimal("0.734")),
        (" 330 ", Decimal(330)),
        ("-4", Decimal(-4)),
    ],
)
def test_numbers_typed_as_text_are_read_when_unambiguous(typed: str, expected: Decimal) -> None:
    assert text_number(typed) == (expected, False)


@pytest.mark.parametrize("typed", ["1,234", "1.234", "12.500"])
def test_a_mark_before_three_digits_is_ambiguous(typed: str, tmp_path: Path) -> None:
    assert text_number(typed) == (None, True)
    found = read(write_filled(tmp_path / "f.xlsx", [row(numerator=typed)])).rows[0]
    assert found.numerator is None
    (problem,) = found.problems
    assert (problem.column, problem.header, problem.row) == ("L", "Numerator", 2)
    assert "ambiguous" in problem.message


def test_text_in_a_number_column_is_a_problem(tmp_path: Path) -> None:
    found = read(write_filled(tmp_path / "f.xlsx", [row(denominator="about 300")])).rows[0]
    (problem,) = found.problems
    assert str(problem) == "Figures!M2 (Denominator): “about 300” is text where a number is due"


def test_text_in_the_value_column_is_kept_for_the_service(tmp_path: Path) -> None:
    # Only the KPI's measure says whether a word is right there: the service judges it.
    found = read(write_filled(tmp_path / "f.xlsx", [row(value="n/a")])).rows[0]
    assert (found.value, found.answer, found.value_text, found.problems) == (None, None, "n/a", ())


@pytest.mark.parametrize(
    ("language", "typed", "answer"),
    [("fr", "Oui", True), ("fr", "non", False), ("en", "yes", True), ("en", " No ", False)],
)
def test_yes_and_no_in_the_template_language(
    language: str, typed: str, answer: bool, tmp_path: Path
) -> None:
    found = read(write_filled(tmp_path / "f.xlsx", [row(value=typed)], language=language)).rows[0]
    assert (found.answer, found.value, found.value_text) == (answer, None, "")


def test_yes_of_the_other_language_is_text(tmp_path: Path) -> None:
    found = read(write_filled(tmp_path / "f.xlsx", [row(value="yes")], language="fr")).rows[0]
    assert (found.answer, found.value_text) == (None, "yes")


def test_formulas_and_error_cells_are_reported_not_evaluated(tmp_path: Path) -> None:
    path = write_filled(
        tmp_path / "f.xlsx",
        [row(comment="x"), row(comment="y")],
        raw={(2, Field.VALUE): "=SUM(1,2)", (3, Field.NUMERATOR): "#DIV/0!"},
    )
    first, second = read(path).rows
    assert first.value is None
    assert [str(p) for p in first.problems] == [
        "Figures!K2 (Value): is a formula: type the figure itself"
    ]
    assert [str(p) for p in second.problems] == [
        "Figures!L3 (Numerator): holds the error #DIV/0!: type the figure itself"
    ]


def test_a_disaggregations_cell_that_cannot_be_read(tmp_path: Path) -> None:
    found = read(write_filled(tmp_path / "f.xlsx", [row(disaggregations="women 400")])).rows[0]
    (problem,) = found.problems
    assert (problem.column, problem.header) == ("N", "Disaggregations")
    assert problem.message.startswith("cannot be read: “women 400” is not")


@pytest.mark.parametrize(
    ("field", "typed", "column", "words"),
    [
        (Field.KPI_ID, "seven", "A", "KPI's identifier (a hidden column) is “seven”, not a number"),
        (Field.KPI_ID, 7.5, "A", "not a number"),
        (Field.KPI_ID, None, "A", "KPI's identifier (a hidden column) is empty"),
        (
            Field.PERIOD_START,
            "July",
            "B",
            "period's bounds (a hidden column) is “July”, not a date",
        ),
        (Field.PERIOD_END, 45000, "C", "not a date"),
    ],
)
def test_hidden_identifiers_changed(
    field: Field, typed: object, column: str, words: str, tmp_path: Path
) -> None:
    filled = row(value=1)
    filled[field] = typed
    found = read(write_filled(tmp_path / "f.xlsx", [filled])).rows[0]
    (problem,) = found.problems
    assert (problem.sheet, problem.row, problem.column) == ("Figures", 2, column)
    assert words in problem.message
    assert "copy the row again from the template" in problem.message


def test_iso_text_dates_are_read(tmp_path: Path) -> None:
    filled = row(value=1)
    filled[Field.PERIOD_START] = "2024-07-01"
    assert read(write_filled(tmp_path / "f.xlsx", [filled])).rows[0].period_start == Q3[0]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"kind": WorkbookKind.PROGRAM}, "not a Pilotage data-collection template"),
        ({"version": 99}, "layout version 99"),
    ],
)
def test_foreign_workbooks_are_refused(
    options: dict[str, object], words: str, tmp_path: Path
) -> None:
    path = write_filled(tmp_path / "f.xlsx", [row(value=1)], **options)  # type: ignore[arg-type]
    with pytest.raises(WorkbookRefusedError, match=words):
        read(path)


def test_a_workbook_without_marker_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(WorkbookRefusedError, match="not a Pilotage data-collection template"):
        read(path)


def test_a_renamed_data_sheet_is_refused(tmp_path: Path) -> None:
    path = write_filled(tmp_path / "f.xlsx", [row(value=1)])
    wb = openpyxl.load_workbook(path)
    wb["Figures"].title = "Chiffres"
    wb.save(path)
    with pytest.raises(WorkbookRefusedError, match="data sheet “Figures” is missing"):
        read(path)


def _reshaped(path: Path, change: str) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb["Figures"]
    if change == "deleted":
        ws.delete_cols(7)  # Unit
    elif change == "inserted":
        ws.insert_cols(11)  # before Value
    elif change == "moved":  # Comment and Evidence link swapped
        for cells in ws.iter_rows(min_col=15, max_col=16):
            cells[0].value, cells[1].value = cells[1].value, cells[0].value
    else:
        ws.delete_rows(1)  # the header row
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("deleted", "Figures: column G is “Period” where the template has “Unit”"),
        ("inserted", "Figures: column K is empty where the template has “Value”"),
        ("moved", "Figures: column O is “Evidence link” where the template has “Comment”"),
        ("header row deleted", "Figures: row 1 does not hold the template's headers"),
    ],
)
def test_a_reshaped_data_sheet_is_refused(change: str, words: str, tmp_path: Path) -> None:
    rows = [row(value=1, comment="a note", evidence_link="https://example.org/r.pdf")]
    path = _reshaped(write_filled(tmp_path / "f.xlsx", rows), change)
    with pytest.raises(WorkbookRefusedError) as refused:
        read(path)
    assert str(refused.value).startswith(words)
    assert str(refused.value).endswith("fill a fresh copy of the template")


def test_headers_are_compared_in_the_template_language(tmp_path: Path) -> None:
    path = write_filled(tmp_path / "f.xlsx", [row(value=1)], language="fr")
    assert read(path).header(Field.VALUE) == "Valeur"
    wb = openpyxl.load_workbook(path)
    wb["Figures"]["K1"] = "  valeur "  # spaces and case are no change
    wb.save(path)
    assert read(path).rows[0].value == Decimal(1)


def test_a_chart_in_place_of_the_data_sheet_is_refused(tmp_path: Path) -> None:
    from hostile_files import chart_instead_of_sheet

    source = write_filled(tmp_path / "f.xlsx", [row(value=1)])
    path = chart_instead_of_sheet(source, tmp_path, "Figures", "chart.xlsx")
    with pytest.raises(WorkbookRefusedError, match="data sheet “Figures” is not a sheet of cells"):
        read(path)


@pytest.mark.parametrize("typed", [10**30, 1e30, 0, -3, 2**63])
def test_a_kpi_id_no_database_holds_is_tampered(typed: object, tmp_path: Path) -> None:
    filled = row(value=1)
    filled[Field.KPI_ID] = typed
    found = read(write_filled(tmp_path / "f.xlsx", [filled])).rows[0]
    assert found.kpi_id is None
    (problem,) = found.problems
    assert problem.column == "A"
    assert "(a hidden column)" in problem.message


def test_progress_and_cancel(tmp_path: Path) -> None:
    path = write_filled(tmp_path / "f.xlsx", [row(value=n) for n in range(300)])
    seen: list[tuple[int, int]] = []
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        read_template(wb, path, progress=lambda done, total: seen.append((done, total)))
        with pytest.raises(CancelledError):
            read_template(wb, path, cancelled=lambda: True)
    finally:
        wb.close()
    assert seen[0] == (0, 300)
    assert seen[-1] == (300, 300)


def _formatted(path: Path, cells: dict[str, str]) -> Path:
    wb = openpyxl.load_workbook(path)
    for coordinate, number_format in cells.items():
        wb["Figures"][coordinate].number_format = number_format
    wb.save(path)
    return path


@pytest.mark.parametrize("safely", [False, True])
def test_a_value_typed_as_a_percentage_is_read_in_points(safely: bool, tmp_path: Path) -> None:
    rows = [row(value=0.72), row(value="72 %"), row(value=72), row(value=0.725)]
    path = write_filled(tmp_path / "f.xlsx", rows)
    path = _formatted(path, {"K2": "0%", "K4": '#,##0.0"%"', "K5": "0.0%"})
    if safely:  # the importer's reader (sheet_reading's fast rows)
        from pilotage.exchange.safe_reading import open_workbook

        wb = open_workbook(path, read_only=True)
        try:
            found = read_template(wb, path).rows
        finally:
            wb.close()
    else:
        found = read(path).rows
    assert [(r.value, r.value_percent, r.value_text) for r in found] == [
        (Decimal(72), True, ""),
        (Decimal(72), True, ""),
        (Decimal(72), False, ""),
        (Decimal("72.5"), True, ""),
    ]
    assert not any(r.problems for r in found)


def test_a_numerator_typed_as_a_percentage_is_a_problem(tmp_path: Path) -> None:
    path = write_filled(tmp_path / "f.xlsx", [row(numerator=0.5, denominator="40%")])
    (found,) = read(_formatted(path, {"L2": "0%"})).rows
    assert (found.numerator, found.denominator) == (None, None)
    assert [p.message for p in found.problems] == [
        "typed as a percentage (50 %): type the number itself",
        "typed as a percentage (40 %): type the number itself",
    ]


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_percentage_saved_by_libreoffice_is_read_in_points(tmp_path: Path) -> None:
    from office_support import convert

    from pilotage.exchange.safe_reading import open_workbook

    path = _formatted(write_filled(tmp_path / "f.xlsx", [row(value=0.72)]), {"K2": "0%"})
    again = convert(path, tmp_path / "saved", "xlsx")  # Calc's own styles: a built-in "0%"
    wb = open_workbook(again, read_only=True)
    try:
        (found,) = read_template(wb, again).rows
    finally:
        wb.close()
    assert (found.value, found.value_percent) == (Decimal(72), True)
