"""Calendar periods of a KPI's reporting frequency, and their short labels.

Periods are calendar-aligned: a quarter is January–March, April–June and so
on; a half-year is January–June or July–December. Both bounds are inclusive.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from pilotage.domain.enums import Frequency

# Length in months of each calendar frequency; periods start in January.
_MONTHS_PER_PERIOD: dict[Frequency, int] = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_bounds(frequency: Frequency, day: date) -> tuple[date, date]:
    """First and last day of the calendar period of `frequency` containing `day`.

    A one-off KPI has no calendar: its "period" is the day itself.
    """
    if frequency is Frequency.ONE_OFF:
        return day, day
    length = _MONTHS_PER_PERIOD[frequency]
    first_month = (day.month - 1) // length * length + 1
    return date(day.year, first_month, 1), _month_end(day.year, first_month + length - 1)


def previous_period_end(frequency: Frequency, day: date) -> date:
    """Last day of the last complete period strictly before the one containing `day`."""
    start, _ = period_bounds(frequency, day)
    return start - timedelta(days=1)


def is_calendar_period(frequency: Frequency, start: date, end: date) -> bool:
    """Whether [start, end] is exactly one calendar period of `frequency`.

    Any non-empty span is acceptable for a one-off KPI.
    """
    if frequency is Frequency.ONE_OFF:
        return start <= end
    return period_bounds(frequency, start) == (start, end)


def period_label(start: date, end: date) -> str:
    """Short name of a period: "2024-03", "2024-Q1", "2024-H1", "2024", else its two dates."""
    if period_bounds(Frequency.MONTHLY, start) == (start, end):
        return f"{start.year}-{start.month:02d}"
    if period_bounds(Frequency.QUARTERLY, start) == (start, end):
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if period_bounds(Frequency.HALF_YEARLY, start) == (start, end):
        return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    if period_bounds(Frequency.YEARLY, start) == (start, end):
        return str(start.year)
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"
