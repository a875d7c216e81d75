"""Rules every KPI figure obeys, shared by KPIs, their targets and their measurements.

A figure is checked against the KPI's measure (a percentage lies in 0..100, a
yes/no is 0 or 1...) and a period against the KPI's calendar frequency.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pilotage.domain.enums import Frequency, Measure
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_bounds
from pilotage.services.validation import Checker

QUANTITY_PLACES = 6
THRESHOLD_PLACES = 4
# SQLite stores a quantity as a 64-bit integer scaled by 10**6 (db/types.py), so
# a stored value, and any SUM() the read queries take of a KPI's measurements
# over its periods, must stay below 2**63 / 10**6, about 9.2e12. Values below a
# billion keep the sum of 9,223 periods exact (over 750 years of monthly
# figures); below 10**12, ten periods could already overflow ("integer
# overflow" from SQLite). A billion is plenty for counts, and an amount in money
# is entered in thousands or millions (its unit says which).
QUANTITY_LIMIT = Decimal(10) ** 9

_ZERO = Decimal(0)
_ONE = Decimal(1)
_HUNDRED = Decimal(100)

PERIOD_NAMES: dict[Frequency, str] = {
    Frequency.MONTHLY: "month",
    Frequency.QUARTERLY: "quarter",
    Frequency.HALF_YEARLY: "half-year",
    Frequency.YEARLY: "year",
}


def is_share(unit: str) -> bool:
    """Whether a ratio KPI is shown as a percentage, so its fraction cannot pass 1."""
    return unit.strip() == "%"


def quantity(
    check: Checker, field: str, value: Decimal | int | str | None, *, required: bool = False
) -> Decimal | None:
    """A KPI quantity: at most 6 decimal places, and below a billion either way."""
    number = check.decimal(field, value, places=QUANTITY_PLACES, required=required)
    if number is not None and abs(number) >= QUANTITY_LIMIT:
        check.add(
            field,
            translate(
                "Import",
                "is too large: a KPI figure stays below 1,000,000,000 (a billion), so that "
                "sums over its periods stay exact; give larger amounts in thousands or "
                "millions (and say so in the unit)",
            ),
        )
    return number


def measure_problem(measure: Measure, unit: str, value: Decimal, *, measured: bool) -> str | None:
    """What is wrong with `value` for a KPI of `measure`, or None.

    `measured` is True for a measured value (a count is then a whole number);
    baselines and targets may be fractional counts (an average per month).
    For a ratio, `value` is the fraction numerator / denominator (0.734).
    """
    if measure is Measure.COUNT:
        if value < _ZERO:
            return translate("Import", "must not be negative: it is a count")
        if measured and value != value.to_integral_value():
            return translate("Import", "must be a whole number: it is a count")
    elif measure is Measure.PERCENTAGE:
        if not _ZERO <= value <= _HUNDRED:
            return translate("Import", "must be between 0 and 100: it is a percentage")
    elif measure is Measure.YES_NO:
        if value not in (_ZERO, _ONE):
            return translate("Import", "must be 0 (no) or 1 (yes)")
    elif measure is Measure.RATIO:
        if value < _ZERO:
            return translate("Import", "must not be negative: a ratio is a fraction such as 0.734")
        if is_share(unit) and value > _ONE:
            return translate(
                "Import", "must be at most 1: a share is stored as a fraction (0.734 for 73.4%)"
            )
    return None


def check_figure(
    check: Checker,
    field: str,
    value: Decimal | None,
    *,
    measure: Measure,
    unit: str,
    measured: bool,
    required: bool = False,
) -> Decimal | None:
    """A quantity checked for places, size and the rules of the KPI's measure."""
    number = quantity(check, field, value, required=required)
    if number is not None:
        problem = measure_problem(measure, unit, number, measured=measured)
        if problem:
            check.add(field, problem)
    return number


def is_period_end(frequency: Frequency, day: date) -> bool:
    """Whether `day` closes a calendar period of `frequency` (any day for a one-off KPI)."""
    return frequency is Frequency.ONE_OFF or period_bounds(frequency, day)[1] == day


def check_period_end(check: Checker, field: str, frequency: Frequency, day: date | None) -> None:
    if day is None:
        check.add(field, translate("Import", "is required"))
    elif not is_period_end(frequency, day):
        check.add(
            field,
            _per_period(
                frequency,
                translate(
                    "Import",
                    "must be the last day of a month for a monthly KPI (the month "
                    "holding {day} ends on {end})",
                ),
                translate(
                    "Import",
                    "must be the last day of a quarter for a quarterly KPI (the "
                    "quarter holding {day} ends on {end})",
                ),
                translate(
                    "Import",
                    "must be the last day of a half-year for a half-yearly KPI (the "
                    "half-year holding {day} ends on {end})",
                ),
                translate(
                    "Import",
                    "must be the last day of a year for a yearly KPI (the year "
                    "holding {day} ends on {end})",
                ),
            ).format(day=day.isoformat(), end=period_bounds(frequency, day)[1].isoformat()),
        )


def _per_period(frequency: Frequency, month: str, quarter: str, half: str, year: str) -> str:
    """The sentence of `frequency`'s period: each is whole, for languages whose words for
    a month and a quarter differ in gender ("un mois", "un trimestre")."""
    return {
        Frequency.MONTHLY: month,
        Frequency.QUARTERLY: quarter,
        Frequency.HALF_YEARLY: half,
    }.get(frequency, year)


def check_period(
    check: Checker, frequency: Frequency, start: date | None, end: date | None
) -> None:
    """[start, end] must be one whole calendar period of `frequency` (any span if one-off)."""
    check.require("period_start", start)
    check.require("period_end", end)
    if start is None or end is None:
        return
    if end < start:
        check.add("period_end", translate("Import", "must not be before the start of the period"))
        return
    if frequency is Frequency.ONE_OFF:
        return
    first, last = period_bounds(frequency, start)
    if start != first:
        text = _per_period(
            frequency,
            translate(
                "Import",
                "must be the first day of a month: the KPI is reported per calendar "
                "month ({start} falls in the month starting {first})",
            ),
            translate(
                "Import",
                "must be the first day of a quarter: the KPI is reported per "
                "calendar quarter ({start} falls in the quarter starting {first})",
            ),
            translate(
                "Import",
                "must be the first day of a half-year: the KPI is reported per "
                "calendar half-year ({start} falls in the half-year starting {first})",
            ),
            translate(
                "Import",
                "must be the first day of a year: the KPI is reported per calendar "
                "year ({start} falls in the year starting {first})",
            ),
        )
        check.add("period_start", text.format(start=start.isoformat(), first=first.isoformat()))
    elif end != last:
        text = _per_period(
            frequency,
            translate(
                "Import",
                "must be {last}, the last day of the month starting {start}: the "
                "KPI is reported per calendar month",
            ),
            translate(
                "Import",
                "must be {last}, the last day of the quarter starting {start}: the "
                "KPI is reported per calendar quarter",
            ),
            translate(
                "Import",
                "must be {last}, the last day of the half-year starting {start}: "
                "the KPI is reported per calendar half-year",
            ),
            translate(
                "Import",
                "must be {last}, the last day of the year starting {start}: the "
                "KPI is reported per calendar year",
            ),
        )
        check.add("period_end", text.format(last=last.isoformat(), start=start.isoformat()))
