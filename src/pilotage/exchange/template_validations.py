"""The data validations of a template's cells to fill: a figure that cannot be right is
refused as it is typed, and each cell says what it expects when selected.

The rule follows the KPI's measure (a count is a whole number, a percentage lies
in 0 %..100 %: its cell is a percent cell holding the fraction, 0..1; a yes/no is
one of two words; a one-off KPI's date reached lies within the program, and not after
the day the partner types it: TODAY() in the rule, read by Excel and LibreOffice) and the
bounds the database keeps
(a figure below a billion: services/kpi_values.QUANTITY_LIMIT; an evidence link of
at most 1,000 characters: db/base.URL_LENGTH). The import checks everything again:
a validation is only the first line, and a pasted value bypasses it in Excel.

A template has one validation per kind of cell, its ranges merged: the rows of one
KPI are adjacent, so a large template has a few thousand ranges, not a rule per cell.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from pilotage.domain.enums import Measure
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_dates import shown
from pilotage.exchange.template_labels import TemplateLabels
from pilotage.exchange.template_layout import Field

QUANTITY_BOUND = "999999999"  # the largest figure the database keeps, whole
EVIDENCE_LENGTH = 1000  # characters: the database's evidence link column
# What the import accepts (services/measurement_validation's limits of the same names).
COMMENT_LENGTH = 10_000
DISAGGREGATIONS_LENGTH = 30_000


class _Row(Protocol):
    @property
    def measure(self) -> Measure: ...
    @property
    def one_off(self) -> bool: ...


def _rule(
    kind: str,
    labels: TemplateLabels,
    type_: str | None,
    operator: str | None = None,
    formula1: str | None = None,
    formula2: str | None = None,
    **words: object,
) -> DataValidation:
    """A validation with its title, prompt and error message in the template's language."""
    rule = DataValidation(
        type=type_,
        operator=operator,
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=type_ is not None,
        showInputMessage=True,
        errorStyle="stop",
        promptTitle=labels[f"dv.{kind}.title"][:32],  # Excel's limits on each text
        prompt=labels[f"dv.{kind}.prompt"].format(**words)[:255],
        errorTitle=labels[f"dv.{kind}.title"][:32],
        error=labels[f"dv.{kind}.error"].format(**words)[:225],
    )
    return rule


def _value_rule(measure: Measure, labels: TemplateLabels) -> DataValidation | None:
    if measure is Measure.COUNT:
        return _rule("count", labels, "whole", "between", "0", QUANTITY_BOUND)
    if measure is Measure.PERCENTAGE:
        # The cell is a percent cell: 72 % is stored as 0.72.
        return _rule("percentage", labels, "decimal", "between", "0", "1")
    if measure is Measure.AMOUNT:  # the domain allows a negative amount (a net change)
        return _rule("amount", labels, "decimal", "between", f"-{QUANTITY_BOUND}", QUANTITY_BOUND)
    if measure is Measure.YES_NO:
        yes, no = layout.YES_NO_WORDS[labels.language]
        rule = _rule("yes_no", labels, "list", None, f'"{yes},{no}"', yes=yes, no=no)
        return rule
    return None  # a ratio's value cell is locked


def runs(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers as (first, last) runs: [2, 3, 4, 7] -> [(2, 4), (7, 7)]."""
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and found[-1][1] == number - 1:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found


def _ranges(letter: str, numbers: Sequence[int]) -> str:
    return " ".join(
        f"{letter}{first}" if first == last else f"{letter}{first}:{letter}{last}"
        for first, last in runs(numbers)
    )


def add_validations(
    ws: WriteOnlyWorksheet,
    rows: Sequence[_Row],
    labels: TemplateLabels,
    days: tuple[date, date],
) -> None:
    """The validations of the cells to fill of `rows` (written from FIRST_DATA_ROW on);
    `days`: the first and last day a one-off KPI's date reached may be."""
    if not rows:
        return
    by_measure: dict[Measure, list[int]] = defaultdict(list)
    for number, row in enumerate(rows, start=layout.FIRST_DATA_ROW):
        by_measure[row.measure].append(number)
    value = layout.column_letter(Field.VALUE)
    for measure, numbers in by_measure.items():
        rule = _value_rule(measure, labels)
        if rule is not None:
            rule.sqref = _ranges(value, numbers)
            ws.data_validations.append(rule)
    ratios = by_measure.get(Measure.RATIO, [])
    if ratios:
        numerator = _rule("numerator", labels, "decimal", "between", "0", QUANTITY_BOUND)
        numerator.sqref = _ranges(layout.column_letter(Field.NUMERATOR), ratios)
        denominator = _rule("denominator", labels, "decimal", "greaterThan", "0")
        denominator.sqref = _ranges(layout.column_letter(Field.DENOMINATOR), ratios)
        ws.data_validations.append(numerator)
        ws.data_validations.append(denominator)
    one_offs = [n for n, row in enumerate(rows, start=layout.FIRST_DATA_ROW) if row.one_off]
    if one_offs:
        ws.data_validations.append(_date_rule(labels, days, one_offs))
    first, last = layout.FIRST_DATA_ROW, layout.FIRST_DATA_ROW + len(rows) - 1
    example = labels["example"]
    for field, kind, length in (
        (Field.DISAGGREGATIONS, "disaggregations", DISAGGREGATIONS_LENGTH),
        (Field.COMMENT, "comment", COMMENT_LENGTH),
        (Field.EVIDENCE, "evidence", EVIDENCE_LENGTH),
    ):
        letter = layout.column_letter(field)
        rule = _rule(
            kind, labels, "textLength", "lessThanOrEqual", str(length),
            example=example, length=count(length, labels.language),
        )  # fmt: skip
        rule.sqref = f"{letter}{first}:{letter}{last}"
        ws.data_validations.append(rule)


def count(number: int, language: str) -> str:
    """10,000 in English, 10 000 in French (a narrow no-break space)."""
    text = f"{number:,}"
    return text.replace(",", "\u202f") if language == "fr" else text


def _date_rule(
    labels: TemplateLabels, days: tuple[date, date], numbers: list[int]
) -> DataValidation:
    """A date between `days` and not after the day it is typed, on the date reached of the
    one-off rows `numbers`."""
    low, high = days
    # TODAY() is worked out when the cell is checked, as the partner types: the template may
    # be filled weeks after it was made. (LibreOffice reads this formula as Excel does.)
    latest = f"MIN({_excel_date(high)},TODAY())"
    rule = _rule(
        "date", labels, "date", "between", _excel_date(low), latest,
        first=shown(low, labels.language), last=shown(high, labels.language),
    )  # fmt: skip
    rule.sqref = _ranges(layout.column_letter(Field.DATE_REACHED), numbers)
    return rule


def _excel_date(day: date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"
