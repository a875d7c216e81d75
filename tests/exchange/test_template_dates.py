"""A one-off KPI's date reached after the day of the import is refused, naming the day:
a result is not reached in the future (most often the wrong year was typed)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from filled_templates import figure_row, write_filled
from pilotage.exchange import template_dates
from pilotage.exchange.safe_reading import open_workbook
from pilotage.exchange.template_dates import read_day
from pilotage.exchange.template_filled import FilledRow
from pilotage.exchange.template_reading import read_template

PROGRAM = (date(2024, 1, 1), date(2026, 12, 31))
DAY = (date(2025, 5, 20), date(2025, 5, 20))  # the one-off row's own day


def test_today_is_taken_and_tomorrow_is_refused() -> None:
    today = date(2025, 6, 10)
    assert read_day("2025-06-10", "en", PROGRAM, today) == date(2025, 6, 10)
    assert read_day("2025-06-11", "en", PROGRAM, today) == (
        "2025-06-11 is in the future: give the day the result was reached"
    )


def test_the_future_day_is_named_as_the_template_s_language_writes_it() -> None:
    assert read_day("30/12/2026", "fr", PROGRAM, date(2026, 12, 1)) == (
        "30/12/2026 is in the future: give the day the result was reached"
    )


def test_a_day_outside_the_program_says_so_even_when_in_the_future() -> None:
    assert read_day("2027-01-05", "en", PROGRAM, date(2026, 12, 1)) == (
        "2027-01-05 is outside the program (2024-01-01 to 2026-12-31): give the day the "
        "result was reached, within the program"
    )


def test_without_a_day_given_the_computer_s_date_is_today() -> None:
    today = datetime.now().astimezone().date()
    tomorrow = date.fromordinal(today.toordinal() + 1)
    assert read_day(tomorrow.isoformat(), "en", None) == (
        f"{tomorrow.isoformat()} is in the future: give the day the result was reached"
    )
    assert read_day(today, "en", None) == today


def _read(path: Path) -> tuple[FilledRow, ...]:
    wb = open_workbook(path, read_only=True)
    try:
        return read_template(wb, path).rows
    finally:
        wb.close()


@pytest.mark.parametrize("typed", [date(2026, 12, 30), "2026-12-30"])
def test_the_reader_refuses_a_date_reached_after_today_on_its_cell(
    typed: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's case: 2026-12-30 typed on 2026-12-01, within the program."""
    monkeypatch.setattr(template_dates, "_today", lambda: date(2026, 12, 1))
    row = figure_row(14, "BEX-LIG", *DAY, "2025-05-20", value="yes", date_reached=typed)
    (found,) = _read(write_filled(tmp_path / "f.xlsx", [row]))
    assert [problem.message for problem in found.problems] == [
        "2026-12-30 is in the future: give the day the result was reached"
    ]
    assert found.problems[0].column == "Q"
    # The figure stays on its own day: nothing moves.
    assert (found.period_start, found.period_end, found.date_reached) == (*DAY, None)


def test_the_reader_takes_a_date_reached_of_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(template_dates, "_today", lambda: date(2026, 12, 1))
    row = figure_row(14, "BEX-LIG", *DAY, "2025-05-20", value="yes", date_reached="2026-12-01")
    (found,) = _read(write_filled(tmp_path / "f.xlsx", [row]))
    assert found.problems == ()
    assert found.date_reached == date(2026, 12, 1)
