"""Calendar periods: bounds, the previous period's end, labels, and alignment checks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pilotage.domain.enums import Frequency
from pilotage.domain.periods import (
    is_calendar_period,
    period_bounds,
    period_label,
    previous_period_end,
)

M, Q, H, Y, ONE = (
    Frequency.MONTHLY,
    Frequency.QUARTERLY,
    Frequency.HALF_YEARLY,
    Frequency.YEARLY,
    Frequency.ONE_OFF,
)


@pytest.mark.parametrize(
    ("frequency", "day", "expected"),
    [
        pytest.param(M, date(2024, 2, 15), (date(2024, 2, 1), date(2024, 2, 29)), id="month-leap"),
        pytest.param(M, date(2023, 2, 15), (date(2023, 2, 1), date(2023, 2, 28)), id="month-feb"),
        pytest.param(
            M, date(2024, 12, 31), (date(2024, 12, 1), date(2024, 12, 31)), id="month-dec"
        ),
        pytest.param(Q, date(2024, 1, 1), (date(2024, 1, 1), date(2024, 3, 31)), id="q1-first-day"),
        pytest.param(Q, date(2024, 5, 20), (date(2024, 4, 1), date(2024, 6, 30)), id="q2"),
        pytest.param(Q, date(2024, 9, 30), (date(2024, 7, 1), date(2024, 9, 30)), id="q3-last-day"),
        pytest.param(Q, date(2024, 11, 2), (date(2024, 10, 1), date(2024, 12, 31)), id="q4"),
        pytest.param(H, date(2024, 6, 30), (date(2024, 1, 1), date(2024, 6, 30)), id="h1"),
        pytest.param(H, date(2024, 7, 1), (date(2024, 7, 1), date(2024, 12, 31)), id="h2"),
        pytest.param(Y, date(2024, 7, 14), (date(2024, 1, 1), date(2024, 12, 31)), id="year"),
        pytest.param(ONE, date(2024, 7, 14), (date(2024, 7, 14), date(2024, 7, 14)), id="one-off"),
    ],
)
def test_period_bounds(frequency: Frequency, day: date, expected: tuple[date, date]) -> None:
    assert period_bounds(frequency, day) == expected


@pytest.mark.parametrize(
    ("frequency", "day", "expected"),
    [
        pytest.param(M, date(2024, 3, 15), date(2024, 2, 29), id="month-after-leap-feb"),
        pytest.param(M, date(2024, 1, 10), date(2023, 12, 31), id="month-across-year"),
        pytest.param(Q, date(2024, 12, 1), date(2024, 9, 30), id="quarter"),
        pytest.param(Q, date(2024, 1, 1), date(2023, 12, 31), id="quarter-first-day"),
        pytest.param(H, date(2024, 8, 1), date(2024, 6, 30), id="half-year"),
        pytest.param(Y, date(2024, 8, 1), date(2023, 12, 31), id="year"),
        pytest.param(ONE, date(2024, 8, 1), date(2024, 7, 31), id="one-off-day-before"),
    ],
)
def test_previous_period_end(frequency: Frequency, day: date, expected: date) -> None:
    assert previous_period_end(frequency, day) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(date(2024, 3, 1), date(2024, 3, 31), "2024-03", id="month"),
        pytest.param(date(2024, 1, 1), date(2024, 3, 31), "2024-Q1", id="q1"),
        pytest.param(date(2024, 10, 1), date(2024, 12, 31), "2024-Q4", id="q4"),
        pytest.param(date(2024, 1, 1), date(2024, 6, 30), "2024-H1", id="h1"),
        pytest.param(date(2024, 7, 1), date(2024, 12, 31), "2024-H2", id="h2"),
        pytest.param(date(2024, 1, 1), date(2024, 12, 31), "2024", id="year"),
        pytest.param(date(2024, 1, 5), date(2024, 2, 3), "2024-01-05 – 2024-02-03", id="free-span"),
        pytest.param(date(2024, 5, 15), date(2024, 5, 15), "2024-05-15", id="single-day"),
        pytest.param(
            date(2024, 1, 1), date(2024, 3, 30), "2024-01-01 – 2024-03-30", id="quarter-less-a-day"
        ),
        pytest.param(
            date(2024, 2, 1), date(2024, 4, 30), "2024-02-01 – 2024-04-30", id="unaligned-quarter"
        ),
    ],
)
def test_period_label(start: date, end: date, expected: str) -> None:
    assert period_label(start, end) == expected


@pytest.mark.parametrize(
    ("frequency", "start", "end", "expected"),
    [
        pytest.param(Q, date(2024, 4, 1), date(2024, 6, 30), True, id="quarter"),
        pytest.param(Q, date(2024, 4, 1), date(2024, 5, 31), False, id="quarter-too-short"),
        pytest.param(Q, date(2024, 2, 1), date(2024, 4, 30), False, id="quarter-unaligned"),
        pytest.param(M, date(2024, 2, 1), date(2024, 2, 29), True, id="month-leap"),
        pytest.param(M, date(2024, 2, 1), date(2024, 2, 28), False, id="month-short-a-day"),
        pytest.param(H, date(2024, 7, 1), date(2024, 12, 31), True, id="half-year"),
        pytest.param(Y, date(2024, 1, 1), date(2024, 12, 31), True, id="year"),
        pytest.param(Y, date(2024, 7, 1), date(2025, 6, 30), False, id="fiscal-year"),
        pytest.param(ONE, date(2024, 1, 5), date(2024, 2, 3), True, id="one-off-any-span"),
        pytest.param(ONE, date(2024, 2, 3), date(2024, 1, 5), False, id="one-off-reversed"),
    ],
)
def test_is_calendar_period(frequency: Frequency, start: date, end: date, expected: bool) -> None:
    assert is_calendar_period(frequency, start, end) is expected


@pytest.mark.parametrize("frequency", [M, Q, H, Y], ids=str)
def test_every_day_of_two_years_lies_in_its_period(frequency: Frequency) -> None:
    # 2023 (common) and 2024 (leap): periods contain the day, tile the calendar
    # with no gap, and are recognised as calendar periods.
    day = date(2023, 1, 1)
    while day.year < 2025:
        start, end = period_bounds(frequency, day)
        assert start <= day <= end
        assert is_calendar_period(frequency, start, end)
        assert previous_period_end(frequency, day) == start - timedelta(days=1)
        day += timedelta(days=1)
