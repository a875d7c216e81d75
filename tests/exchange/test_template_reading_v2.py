"""Reading what a partner types the ways Excel stores it: a percentage in its percent cell
(72 % is the fraction 0.72), figures with more decimals than the database keeps, a
one-off KPI's date reached (version 2 of the layout), a period or row that is not the
template's; and a version-1 template, without the date column, still read."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from filled_templates import figure_row, write_filled
from pilotage.exchange.safe_reading import open_workbook
from pilotage.exchange.template_filled import FilledRow
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_reading import read_template

Q3 = (date(2024, 7, 1), date(2024, 9, 30))
DAY = (date(2025, 5, 20), date(2025, 5, 20))  # a one-off KPI's row: its period is a day


def read(path: Path) -> tuple[FilledRow, ...]:
    """The rows as the import reads them (the safe opener's fast rows)."""
    wb = open_workbook(path, read_only=True)
    try:
        return read_template(wb, path).rows
    finally:
        wb.close()


def formatted(path: Path, cells: dict[str, str]) -> Path:
    wb = openpyxl.load_workbook(path)
    for coordinate, number_format in cells.items():
        wb["Figures"][coordinate].number_format = number_format
    wb.save(path)
    return path


def percentage(**filled: object) -> dict[Field, object]:
    return figure_row(8, "JIT-INS", date(2025, 1, 1), date(2025, 6, 30), "2025-H1", **filled)


def one_off(**filled: object) -> dict[Field, object]:
    return figure_row(14, "BEX-LIG", *DAY, "2025-05-20", **filled)


def messages(row: FilledRow) -> list[str]:
    return [problem.message for problem in row.problems]


# -- a percentage in the template's percent cell ---------------------------------------------
def test_every_way_of_typing_72_percent_reads_72(tmp_path: Path) -> None:
    """Excel stores "72%" typed, and 72 typed in a percent cell (its percent entry), as 0.72
    in the cell's "0.0%" format; a plain 72 pasted with its General format stays 72."""
    rows = [
        percentage(value=0.72),  # K2: 72% typed, or 72 typed in the percent cell
        percentage(value=0.725),  # K3: 72.5%
        percentage(value=72),  # K4: pasted with its General format
        percentage(value="72 %"),  # K5: text
        percentage(value=1),  # K6: 100% typed
    ]
    path = formatted(
        write_filled(tmp_path / "f.xlsx", rows),
        {"K2": "0.0%", "K3": "0.0%", "K6": "0.0%"},
    )
    found = read(path)
    assert [(r.value, r.value_percent) for r in found] == [
        (Decimal(72), True),
        (Decimal("72.5"), True),
        (Decimal(72), False),
        (Decimal(72), True),
        (Decimal(100), True),
    ]
    assert not any(r.problems for r in found)


# -- more decimals than the database keeps ---------------------------------------------------
def test_a_numeric_cell_is_rounded_to_six_decimals(tmp_path: Path) -> None:
    rows = [
        percentage(value=200 / 3),  # 66.66666666666667: computed in the partner's sheet
        percentage(value=2 / 3),  # K3, a percent cell: 66.666666666666...%
        figure_row(9, "JIT-TXD", *Q3, "2024-Q3", numerator=1 / 3, denominator=2.5),
        figure_row(7, "JIT-APP", *Q3, "2024-Q3", value=330.0),
    ]
    found = read(formatted(write_filled(tmp_path / "f.xlsx", rows), {"K3": "0.0%"}))
    assert found[0].value == Decimal("66.666667")
    assert found[1].value == Decimal("66.666667")  # rounded after 0.666… became points
    assert (found[2].numerator, found[2].denominator) == (Decimal("0.333333"), Decimal("2.5"))
    assert found[3].value == Decimal(330)
    assert not any(r.problems for r in found)


@pytest.mark.parametrize(
    ("field", "typed"),
    [("value", "66.66666667"), ("value", "66,66666667 %"), ("numerator", "0.3333333")],
)
def test_text_with_more_than_six_decimals_is_refused_quoting_it(
    field: str, typed: str, tmp_path: Path
) -> None:
    (found,) = read(write_filled(tmp_path / "f.xlsx", [percentage(**{field: typed})]))
    assert (found.value, found.numerator) == (None, None)
    assert messages(found) == [f"“{typed}” has more than 6 decimals: round it"]
    assert found.problems[0].column == ("K" if field == "value" else "L")


# -- a one-off KPI's date reached --------------------------------------------------------------
@pytest.mark.parametrize(
    "typed",
    [
        datetime(2025, 3, 14),  # noqa: DTZ001 - a cell's date is naive, as openpyxl gives it
        date(2025, 3, 14),
        "2025-03-14",
        "14/03/2025",
        " 14.03.2025 ",
    ],
)
def test_the_date_reached_is_the_one_off_measurement_s_day(typed: object, tmp_path: Path) -> None:
    path = write_filled(tmp_path / "f.xlsx", [one_off(value="yes", date_reached=typed)])
    if isinstance(typed, date):
        path = formatted(path, {"Q2": "yyyy-mm-dd"})
    (found,) = read(path)
    assert found.problems == ()
    assert (found.period_start, found.period_end) == (date(2025, 3, 14), date(2025, 3, 14))
    assert (found.period, found.date_reached) == ("2025-03-14", date(2025, 3, 14))
    assert found.written_day == date(2025, 5, 20)  # the row's own day, for the service


def test_an_empty_date_reached_keeps_the_row_s_day(tmp_path: Path) -> None:
    (found,) = read(write_filled(tmp_path / "f.xlsx", [one_off(value="yes")]))
    assert (found.period_start, found.period_end, found.date_reached) == (*DAY, None)
    assert found.written_day is None


def test_a_day_first_date_reads_as_french_in_a_french_template(tmp_path: Path) -> None:
    rows = [one_off(value="oui", date_reached="03/04/2025")]
    (found,) = read(write_filled(tmp_path / "f.xlsx", rows, language="fr"))
    assert found.period_start == date(2025, 4, 3)  # 3 April, as a French partner means


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("03/04/2025", "“03/04/2025” is ambiguous: the day or the month may come first; type "
                       "it as 2025-04-03"),
        ("31/02/2025", "“31/02/2025” is not a day of the calendar"),
        ("2025-13-01", "“2025-13-01” is not a day of the calendar"),
        ("soon", "“soon” is not a date: type it as 2025-03-14"),
        (45730, "“45730” is not a date: type it as 2025-03-14, or choose the date again"),
        ("2023-12-31", "2023-12-31 is outside the program (2024-01-01 to 2026-12-31): give "
                       "the day the result was reached, within the program"),
    ],
)  # fmt: skip
def test_a_date_reached_that_cannot_be_taken(typed: object, message: str, tmp_path: Path) -> None:
    (found,) = read(write_filled(tmp_path / "f.xlsx", [one_off(value="yes", date_reached=typed)]))
    assert messages(found) == [message]
    assert found.problems[0].column == "Q"
    assert (found.period_start, found.period_end, found.date_reached) == (*DAY, None)


def test_a_date_reached_on_a_period_row_is_refused(tmp_path: Path) -> None:
    rows = [figure_row(7, "JIT-APP", *Q3, "2024-Q3", value=3, date_reached="2024-08-01")]
    (found,) = read(write_filled(tmp_path / "f.xlsx", rows))
    assert messages(found) == [
        "only a one-off indicator's row takes a date reached: leave this cell empty"
    ]
    assert (found.period_start, found.period_end) == Q3


def test_a_version_1_template_is_still_read(tmp_path: Path) -> None:
    rows = [figure_row(7, "JIT-APP", *Q3, "2024-Q3", value=12, evidence_link="https://x.ma")]
    (found,) = read(write_filled(tmp_path / "f.xlsx", rows, version=1))
    assert (found.value, found.evidence_link, found.problems) == (Decimal(12), "https://x.ma", ())
    assert (found.period_start, found.period_end, found.date_reached) == (*Q3, None)


# -- rows and periods that are not the template's ----------------------------------------------
def test_a_period_shown_that_is_not_the_hidden_one_is_tampered(tmp_path: Path) -> None:
    """The protection lifted, the hidden bounds moved to Q4 while the row still shows Q3."""
    rows = [figure_row(7, "JIT-APP", date(2024, 10, 1), date(2024, 12, 31), "2024-Q3", value=3)]
    (found,) = read(write_filled(tmp_path / "f.xlsx", rows))
    assert messages(found) == [
        "the period shown is “2024-Q3” but the row's hidden period is 2024-Q4: the row was "
        "changed; copy the row again from the template as it was sent"
    ]
    assert found.problems[0].column == "H"


def test_a_row_added_below_the_template_s_rows_is_one_message(tmp_path: Path) -> None:
    rows = [row := figure_row(7, "JIT-APP", *Q3, "2024-Q3", value=3), {Field.VALUE: 5}]
    assert row[Field.VALUE] == 3
    found = read(write_filled(tmp_path / "f.xlsx", rows))
    assert found[0].problems == ()
    assert [(p.row, p.column, p.message) for p in found[1].problems] == [
        (3, "", "row 3 was added: only the template's rows can be imported")
    ]
    assert found[1].problems[0].where == "Figures!3"
