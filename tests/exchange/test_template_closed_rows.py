"""Rows of the template that cannot take a figure, and what a row shows of its recorded
figure: a validated period is locked, grey and says it is closed; a recorded split is
filled in, as the partner types it, so that a corrected total comes back with it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.domain.enums import Measure
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_workbook import (
    NOT_HERE_FILL,
    TemplateData,
    TemplateRow,
    write_template,
)
from pilotage.exchange.workbook_marker import marker_of

Q4 = (date(2024, 10, 1), date(2024, 12, 31))
Q1 = (date(2025, 1, 1), date(2025, 3, 31))
SPLIT = (("sexe", "femmes", Decimal("110.000000")), ("sexe", "hommes", Decimal(124)))
ROWS = (
    # Row 2: validated, with its split; row 3: a draft with its split.
    TemplateRow(12, *Q4, "P1 / P1-JIT", "JIT-DIP", "Graduates", "", Measure.COUNT,
                Decimal(300), recorded_value=Decimal(234), recorded_validated=True,
                recorded_parts=SPLIT),
    TemplateRow(12, *Q1, "P1 / P1-JIT", "JIT-DIP", "Graduates", "", Measure.COUNT,
                Decimal(300), recorded_value=Decimal(100),
                recorded_parts=(("sexe", "femmes", Decimal(40)), ("sexe", "hommes", Decimal(60)))),
    # Row 4: a validated ratio; row 5: a validated percentage; row 6: a split that would not
    # read back the same ("18/24" holds the separator).
    TemplateRow(13, *Q4, "P1 / P1-JIT", "JIT-TXD", "Rate", "%", Measure.RATIO, None,
                recorded_numerator=Decimal(234), recorded_denominator=Decimal(320),
                recorded_validated=True),
    TemplateRow(14, *Q4, "P1 / P1-JIT", "JIT-INS", "Placed", "%", Measure.PERCENTAGE, None,
                recorded_value=Decimal("72.5"), recorded_validated=True),
    TemplateRow(15, *Q1, "P1 / P1-JIT", "JIT-AGE", "By age", "", Measure.COUNT, None,
                recorded_value=Decimal(5),
                recorded_parts=(("âge", "18/24", Decimal(5)),)),
)  # fmt: skip


def sheet(tmp_path: Path, language: str) -> Worksheet:
    out = tmp_path / "t.xlsx"
    data = TemplateData("CP-MTNRA-MNC", "Contrat", *Q4[:1], Q1[1], date(2025, 4, 2), (), ROWS)
    write_template(data, language, out)
    wb = openpyxl.load_workbook(out)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    assert isinstance(ws, Worksheet)
    return ws


def cell(ws: Worksheet, field: Field, row: int) -> Any:
    return ws[f"{layout.column_letter(field)}{row}"]


@pytest.mark.parametrize(
    ("language", "closed"), [("en", "(validated, closed)"), ("fr", "(validé, clos)")]
)
def test_a_validated_period_is_locked_grey_and_says_it_is_closed(
    tmp_path: Path, language: str, closed: str
) -> None:
    ws = sheet(tmp_path, language)
    assert ws["J2"].value == f"234 {closed}"
    assert ws["J4"].value == f"234 / 320 {closed}"
    assert ws["J5"].value == f"72.5 % {closed}"
    for row in (2, 4, 5):
        for field in layout.TO_FILL:
            target = cell(ws, field, row)
            assert target.protection.locked, (field, row)
            assert target.fill.fgColor.rgb == NOT_HERE_FILL, (field, row)
    # The draft's row stays open: its value and its split can be corrected.
    assert not cell(ws, Field.VALUE, 3).protection.locked
    assert not cell(ws, Field.DISAGGREGATIONS, 3).protection.locked
    assert ws["J3"].value == 100


def test_the_recorded_split_is_filled_in_as_the_partner_types_it(tmp_path: Path) -> None:
    ws = sheet(tmp_path, "en")
    split = cell(ws, Field.DISAGGREGATIONS, 3)
    assert split.value == "sexe / femmes = 40; sexe / hommes = 60"
    assert split.data_type == "s"
    assert cell(ws, Field.DISAGGREGATIONS, 2).value == ("sexe / femmes = 110; sexe / hommes = 124")
    # "âge / 18/24 = 5" would not read back: left empty (an empty cell keeps the split).
    assert cell(ws, Field.DISAGGREGATIONS, 6).value is None


def test_the_instructions_say_validated_periods_are_closed_and_the_split_is_filled_in(
    tmp_path: Path,
) -> None:
    sheet(tmp_path, "en")
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    text = " ".join(
        str(value) for row in wb.worksheets[0].iter_rows(values_only=True) for value in row if value
    )
    assert "A period already validated is closed: its row is grey and locked" in text
    assert "The split already recorded is filled in" in text
    assert "from the indicator's start (its baseline date, or its initiative's start)" in text
