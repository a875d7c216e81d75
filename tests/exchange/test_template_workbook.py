"""The data-collection template as the partner opens it: instructions first, then a
protected data sheet where only the cells to fill are open, each with its validation;
identifiers hidden; the marker saying what the workbook is."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.domain.enums import Measure
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_workbook import TemplateData, TemplateRow, write_template
from pilotage.exchange.workbook_marker import WorkbookKind, marker_of

Q1 = (date(2025, 1, 1), date(2025, 3, 31))
Q2 = (date(2025, 4, 1), date(2025, 6, 30))
ROWS = (
    # Row 2 and 3: a count, one period recorded.
    TemplateRow(11, *Q1, "P1 / P1-JIT", "JIT-APP", "Learners", "learners", Measure.COUNT,
                Decimal(250), recorded_value=Decimal(330)),
    TemplateRow(11, *Q2, "P1 / P1-JIT", "JIT-APP", "Learners", "learners", Measure.COUNT,
                Decimal(500)),
    # Row 4: a ratio, recorded as numerator and denominator.
    TemplateRow(12, *Q1, "P1 / P1-JIT", "JIT-TXD", "Graduation rate", "%", Measure.RATIO,
                Decimal("0.8"), recorded_numerator=Decimal(240),
                recorded_denominator=Decimal("330.000000")),
    # Row 5: a percentage; row 6: a yes/no; row 7: an amount.
    TemplateRow(13, date(2025, 1, 1), date(2025, 6, 30), "P1 / P1-JIT", "JIT-INS",
                "Placement rate", "%", Measure.PERCENTAGE, Decimal(75)),
    TemplateRow(14, date(2025, 5, 20), date(2025, 5, 20), "P3 / P3-BEX", "BEX-LIG",
                "Exchange online", "", Measure.YES_NO, Decimal(1), recorded_value=Decimal(1),
                one_off=True),
    TemplateRow(15, *Q1, "P1 / P1-VIV", "VIV-DEL", "=HYPERLINK(\"http://evil\",\"x\")",
                "months", Measure.AMOUNT, Decimal("7.7654")),
)  # fmt: skip


def data(rows: tuple[TemplateRow, ...] = ROWS) -> TemplateData:
    return TemplateData(
        program_reference="CP-MTNRA-MNC",
        program_title="Contrat-programme",
        start=date(2025, 1, 1),
        end=date(2025, 6, 30),
        prepared_on=date(2025, 7, 2),
        initiatives=("P1-JIT",),
        rows=rows,
        first_day=date(2024, 1, 1),  # the program's start and end
        last_day=date(2026, 12, 31),
    )


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def written(tmp_path: Path, language: str) -> Path:
    out = tmp_path / "template.xlsx"
    assert write_template(data(), language, out) == len(ROWS)
    return out


def data_sheet(path: Path) -> Worksheet:
    wb = openpyxl.load_workbook(path)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    assert isinstance(ws, Worksheet)
    return ws


def letter(field: Field) -> str:
    return layout.column_letter(field)


def test_the_instructions_come_first_then_the_data(written: Path, language: str) -> None:
    wb = openpyxl.load_workbook(written)
    assert wb.sheetnames[:2] == (
        ["Mode d'emploi", "Données"] if language == "fr" else ["Instructions", "Data"]
    )
    assert wb.active is not None
    assert wb.active.title == wb.sheetnames[0]
    text = " ".join(
        str(v) for row in wb.worksheets[0].iter_rows(values_only=True) for v in row if v
    )
    if language == "fr":
        for words in ("tapez 72 % (ou 72", "6 décimales", "Date d'atteinte (ponctuel)",
                      "entre le 01/01/2024 et le 31/12/2026", "oui ou non",
                      "sexe / femmes = 400; sexe / hommes = 334",
                      "verrouillées", "Renvoyez le fichier tel quel", "P1-JIT",
                      "du 01/01/2025 au 30/06/2025", "6 (5 indicateurs)"):  # fmt: skip
            assert words in text, words
    else:
        for words in ("type 72 % (or 72", "6 decimals", "Date reached (one-off)",
                      "between 2024-01-01 and 2026-12-31", "yes or no",
                      "sex / women = 400; sex / men = 334",
                      "locked", "Send the file back as it is", "ending from 2025-01-01 to "
                      "2025-06-30", "6 (5 indicators)"):  # fmt: skip
            assert words in text, words
    instructions = wb.worksheets[0]
    assert instructions.column_dimensions["B"].width >= 80
    assert all(c.alignment.wrap_text for c in instructions["B"] if c.value)


def test_the_headers_in_each_language(written: Path, language: str) -> None:
    ws = data_sheet(written)
    header = [c.value for c in ws[layout.HEADER_ROW]]
    assert len(header) == len(layout.COLUMNS)
    if language == "fr":
        assert header[3:11] == ["Rattaché à", "Code", "Indicateur", "Unité", "Période",
                                "Cible à fin de période", "Déjà saisi", "Valeur"]  # fmt: skip
    else:
        assert header[3:11] == ["Belongs to", "KPI code", "Indicator", "Unit", "Period",
                                "Target at period end", "Already recorded", "Value"]  # fmt: skip
    first = ws.cell(layout.HEADER_ROW, 1)
    assert first.font.bold
    assert first.fill.fgColor.rgb.endswith("1F3A5F")
    assert ws.freeze_panes == "F2"
    assert header[-1] == ("Date d'atteinte (ponctuel)" if language == "fr" else
                          "Date reached (one-off)")  # fmt: skip
    assert ws.auto_filter.ref == f"A1:Q{1 + len(ROWS)}"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_one_row_per_kpi_and_period_with_its_identifiers_hidden(written: Path) -> None:
    ws = data_sheet(written)
    for column in "ABC":
        assert ws.column_dimensions[column].hidden, column
    for column in "DEFGHIJKLMNOPQ":
        assert not ws.column_dimensions[column].hidden, column
    rows = list(ws.iter_rows(min_row=2, max_col=10, values_only=True))
    assert [r[0] for r in rows] == [11, 11, 12, 13, 14, 15]
    assert rows[0][1].date() == date(2025, 1, 1)
    assert rows[0][2].date() == date(2025, 3, 31)
    assert rows[0][3:] == ("P1 / P1-JIT", "JIT-APP", "Learners", "learners", "2025-Q1", 250, 330)
    assert rows[1][9] is None  # nothing recorded yet
    assert rows[2][7:] == ("2025-Q1", 0.8, "240 / 330")
    assert rows[3][7] == "2025-H1"
    assert rows[4][7] == "2025-05-20"
    assert rows[4][8:] == (1, 1)


def test_figures_read_as_in_the_report(written: Path, language: str) -> None:
    ws = data_sheet(written)
    target, recorded = letter(Field.TARGET), letter(Field.RECORDED)
    assert ws[f"{target}2"].number_format == "#,##0"
    assert ws[f"{target}4"].number_format == "0.0%"  # a share: 0.8 shows 80.0%
    assert ws[f"{target}5"].number_format == '#,##0.0"%"'  # points: 75 shows 75.0%
    yes = "oui" if language == "fr" else "yes"
    assert f'[=1]"{yes}"' in ws[f"{recorded}6"].number_format
    assert ws[f"{target}7"].number_format == "#,##0.0##"


def test_text_is_never_a_formula(written: Path) -> None:
    ws = data_sheet(written)
    name = ws[f"{letter(Field.KPI_NAME)}7"]
    assert name.value == '=HYPERLINK("http://evil","x")'
    assert name.data_type == "s"
    with zipfile.ZipFile(written) as archive:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(member), member
                assert b"<f " not in archive.read(member), member


def test_only_the_cells_to_fill_are_open(written: Path) -> None:
    ws = data_sheet(written)
    assert ws.protection.sheet
    assert ws.protection.password is None  # a guard against slips, see _protect
    assert ws.protection.formatColumns  # refused: the hidden columns stay hidden
    assert not ws.protection.formatRows
    assert not ws.protection.autoFilter
    assert ws.protection.sort
    assert ws.protection.insertRows
    assert ws.protection.deleteRows
    value, numerator, denominator = (letter(f) for f in (Field.VALUE, Field.NUMERATOR,
                                                         Field.DENOMINATOR))  # fmt: skip
    for row in range(2, 2 + len(ROWS)):
        for field in (Field.KPI_ID, Field.PERIOD_START, Field.OWNER, Field.KPI_CODE,
                      Field.KPI_NAME, Field.TARGET, Field.RECORDED):  # fmt: skip
            assert ws[f"{letter(field)}{row}"].protection.locked, (field, row)
        for field in (Field.DISAGGREGATIONS, Field.COMMENT, Field.EVIDENCE):
            assert not ws[f"{letter(field)}{row}"].protection.locked, (field, row)
        ratio = row == 4
        assert ws[f"{value}{row}"].protection.locked is ratio
        assert ws[f"{numerator}{row}"].protection.locked is not ratio
        assert ws[f"{denominator}{row}"].protection.locked is not ratio
    grey = ws[f"{letter(Field.KPI_CODE)}2"].fill.fgColor.rgb
    white = ws[f"{value}2"].fill.fgColor.rgb
    assert grey != white
    assert white == "FFFFFFFF"
    assert ws[f"{value}4"].fill.fgColor.rgb not in (white, "00000000")
    # A percentage's value cell is a true percent cell: 72 % typed is stored as 0.72.
    assert ws[f"{value}5"].number_format == "0.0%"
    # The date reached: open, as a date, on the one-off row (6) only; grey elsewhere.
    reached = letter(Field.DATE_REACHED)
    assert not ws[f"{reached}6"].protection.locked
    assert ws[f"{reached}6"].number_format == "yyyy-mm-dd"
    assert ws[f"{reached}6"].fill.fgColor.rgb == white
    for row in (2, 3, 4, 5, 7):
        assert ws[f"{reached}{row}"].protection.locked, row
        assert ws[f"{reached}{row}"].fill.fgColor.rgb != white, row
    assert ws["A1"].protection.locked
    assert ws["D1"].protection.locked


def validations(ws: Worksheet) -> dict[str, list[tuple[str | None, str | None, str | None,
                                                     str | None]]]:  # fmt: skip
    """cell -> [(type, operator, formula1, formula2)] of every validation covering it."""
    found: dict[str, list[tuple[str | None, str | None, str | None, str | None]]] = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            for (cell,) in ws.iter_rows(
                min_row=cell_range.min_row,
                max_row=cell_range.max_row,
                min_col=cell_range.min_col,
                max_col=cell_range.max_col,
            ):
                found.setdefault(cell.coordinate, []).append(
                    (dv.type, dv.operator, dv.formula1, dv.formula2)
                )
        assert dv.prompt
        assert dv.promptTitle
        assert dv.showInputMessage
        if dv.type is not None:
            assert dv.error
            assert dv.showErrorMessage
            assert dv.errorStyle == "stop"
    return found


def test_each_cell_to_fill_refuses_what_cannot_be_right(written: Path, language: str) -> None:
    ws = data_sheet(written)
    rules = validations(ws)
    value = letter(Field.VALUE)
    assert rules[f"{value}2"] == [("whole", "between", "0", "999999999")]  # a count
    assert rules[f"{value}3"] == [("whole", "between", "0", "999999999")]
    assert f"{value}4" not in rules  # a ratio's value: locked
    assert rules[f"{value}5"] == [("decimal", "between", "0", "1")]  # a percentage: 0 %..100 %
    words = '"oui,non"' if language == "fr" else '"yes,no"'
    assert rules[f"{value}6"] == [("list", None, words, None)]  # yes/no: a drop-down
    assert rules[f"{value}7"] == [("decimal", "between", "-999999999", "999999999")]
    numerator, denominator = letter(Field.NUMERATOR), letter(Field.DENOMINATOR)
    assert rules[f"{numerator}4"] == [("decimal", "between", "0", "999999999")]
    assert rules[f"{denominator}4"] == [("decimal", "greaterThan", "0", None)]
    for row in (2, 3, 5, 6, 7):  # only on the ratio's row
        assert f"{numerator}{row}" not in rules
        assert f"{denominator}{row}" not in rules
    evidence = letter(Field.EVIDENCE)
    for row in range(2, 8):
        assert rules[f"{evidence}{row}"] == [("textLength", "lessThanOrEqual", "1000", None)]
        # Text no longer than the import takes (a comment of 10,000 characters at most).
        assert rules[f"{letter(Field.DISAGGREGATIONS)}{row}"] == [
            ("textLength", "lessThanOrEqual", "30000", None)
        ]
        assert rules[f"{letter(Field.COMMENT)}{row}"] == [
            ("textLength", "lessThanOrEqual", "10000", None)
        ]
    assert f"{value}8" not in rules  # nothing below the rows
    reached = letter(Field.DATE_REACHED)
    # Not after the program's end, nor after the day the partner types it (TODAY()).
    assert rules[f"{reached}6"] == [
        ("date", "between", "DATE(2024,1,1)", "MIN(DATE(2026,12,31),TODAY())")
    ]
    for row in (2, 3, 4, 5, 7):
        assert f"{reached}{row}" not in rules, row
    prompts = {dv.prompt for dv in ws.data_validations.dataValidation}
    if language == "fr":
        assert "Un pourcentage entre 0 % et 100 % : tapez 72 % (ou 72)." in prompts
        assert any(
            "du 01/01/2024 au 31/12/2026, au plus tard aujourd'hui." in (p or "") for p in prompts
        )
    else:
        assert "A percentage between 0 % and 100 %: type 72 % (or 72)." in prompts
        assert any("2024-01-01 to 2026-12-31, not after today." in (p or "") for p in prompts)
    # Each error names its limit, in the template's language.
    errors = {dv.error for dv in ws.data_validations.dataValidation}
    limit = "10\u202f000 caractères au plus." if language == "fr" else "At most 10,000 characters."
    assert limit in errors


def test_the_marker_and_the_document_properties(written: Path, language: str) -> None:
    wb = openpyxl.load_workbook(written)
    marker = marker_of(wb)
    assert marker is not None
    assert marker.kind is WorkbookKind.TEMPLATE
    assert marker.version == layout.VERSION
    assert marker.facts == {
        layout.FACT_DATA_SHEET: "Données" if language == "fr" else "Data",
        layout.FACT_PROGRAM: "CP-MTNRA-MNC",
        layout.FACT_LANGUAGE: language,
        layout.FACT_FROM: "2025-01-01",
        layout.FACT_TO: "2025-06-30",
        layout.FACT_FIRST_DAY: "2024-01-01",
        layout.FACT_LAST_DAY: "2026-12-31",
    }
    assert wb["pilotage"].sheet_state == "veryHidden"
    assert "CP-MTNRA-MNC" in (wb.properties.title or "")
    assert "2025-06-30" in (wb.properties.subject or "")
    assert wb.properties.creator == "Pilotage"


def test_long_names_get_taller_rows(tmp_path: Path) -> None:
    long = TemplateRow(1, *Q1, "P1", "K", "A name " * 20, "u", Measure.COUNT, None)
    out = tmp_path / "t.xlsx"
    write_template(data((long, ROWS[1])), "en", out)
    ws = data_sheet(out)
    assert (ws.row_dimensions[2].height or 0) >= 45
    assert ws.row_dimensions[3].height is None
    assert ws[f"{letter(Field.KPI_NAME)}2"].alignment.wrap_text


def test_a_large_template_writes_in_seconds(tmp_path: Path) -> None:
    """2,000 KPIs by 12 months: 24,000 rows."""
    import time

    rows = tuple(
        TemplateRow(k, date(2025, m, 1), date(2025, m, 28), "P1 / I", f"K{k:04d}",
                    f"Indicator {k}", "u", list(Measure)[k % 5], Decimal(k))
        for k in range(2000) for m in range(1, 13)
    )  # fmt: skip
    started = time.perf_counter()
    assert write_template(data(rows), "fr", tmp_path / "big.xlsx") == 24_000
    assert time.perf_counter() - started < 30
