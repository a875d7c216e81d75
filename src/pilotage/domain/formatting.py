"""English number formatting for traces: "1,000", "73.4%", "244.67".

Rounding only ever happens here, for display; the engine's values stay exact.
Rounding is half-even (banker's), the `Decimal` default, so that long columns
of rounded figures do not drift upwards.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal

from pilotage.domain.enums import Measure

NO_VALUE = "—"
"""What `format_value` shows when there is no value."""

_NUMBER_PLACES = 2  # at most, when the caller does not choose
_PERCENT_PLACES = 1  # at most, for every percentage
_RATIO_PLACES = 3  # at most, for a ratio shown in its own unit (e.g. learners per trainer)


def _fixed(value: Decimal, places: int, *, strip: bool) -> str:
    """`value` rounded to `places` decimals, with "," for thousands.

    `strip` drops trailing zeros (and the point when nothing is left after it).
    """
    if not value.is_finite():
        return str(value)
    # Enough digits that neither quantize nor normalize rounds a large value.
    context = Context(prec=max(28, max(value.adjusted(), 0) + places + 2))
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN, context=context)
    if strip:
        rounded = rounded.normalize(context)
    if rounded.is_zero():
        rounded = abs(rounded)  # never show "-0"
    return f"{rounded:,f}"


def format_number(value: Decimal, places: int | None = None) -> str:
    """A number with "," for thousands and "." for decimals.

    `places=None`: at most two decimals, trailing zeros dropped
    (1000 -> "1,000", 73.40 -> "73.4", 244.666… -> "244.67").
    `places=n`: exactly n decimals (format_number(Decimal(5), 2) -> "5.00").
    """
    if places is None:
        return _fixed(value, _NUMBER_PLACES, strip=True)
    if places < 0:
        raise ValueError(f"places must be 0 or more, not {places}")
    return _fixed(value, places, strip=False)


def format_percent(fraction: Decimal) -> str:
    """A fraction as a percentage with at most one decimal: 0.734 -> "73.4%", 1.25 -> "125%"."""
    return format_points(fraction.scaleb(2))


def format_points(points: Decimal) -> str:
    """A value already in percent points: 72 -> "72%", 73.45 -> "73.4%"."""
    return _fixed(points, _PERCENT_PLACES, strip=True) + "%"


def format_value(
    value: Decimal | None, measure: Measure, unit: str = "", *, show_unit: bool = True
) -> str:
    """A KPI value as a person reads it, given the KPI's measure and unit.

    - count, amount: the number, then the unit after a space ("1,000 learners");
    - percentage: the value is in percent points (72 -> "72%");
    - ratio: the value is a fraction, shown as a percentage when the unit is "%" or
      empty (0.734 -> "73.4%"), else with at most 3 decimals and the unit
      ("12.346 learners per trainer");
    - yes/no: 1 -> "yes", 0 -> "no"; anything else (an average of yes/no) as a number.

    `show_unit=False` leaves out a count's, amount's or ratio's own unit (for
    terms inside a formula); "%" is always shown since it changes the number's meaning.
    """
    if value is None:
        return NO_VALUE
    if measure is Measure.PERCENTAGE:
        return format_points(value)
    if measure is Measure.RATIO:
        if unit in ("", "%"):
            return format_percent(value)
        text = _fixed(value, _RATIO_PLACES, strip=True)
        return f"{text} {unit}" if show_unit else text
    if measure is Measure.YES_NO:
        if value == 1:
            return "yes"
        if value == 0:
            return "no"
        return format_number(value)
    text = format_number(value)
    if show_unit and unit and unit != "%":
        return f"{text} {unit}"
    return text
