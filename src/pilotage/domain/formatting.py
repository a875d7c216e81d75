"""Number formatting for traces: "1,000", "73.4%", "244.67" in English.

Rounding only ever happens here, for display; the engine's values stay exact.
Rounding is half-even (banker's), the `Decimal` default, so that long columns
of rounded figures do not drift upwards.

The `format_*` functions always write English separators (the command line,
the tests, and the GUI's own formats start from them). `styled` swaps them
for a `NumberStyle`: the one set by `set_number_style` (the GUI sets the
chosen locale's at start) is what the engine's traces use, so the French
window reads "73,4 %" and "1 000" in its traces as in its tables. Dates in
traces are ISO ("2024-12-31") unless `set_day_pattern` gives the locale's.

Both are process-wide (the window's) unless `numbers_in` / `days_in` (through
`messages.speaking`) choose others for the current thread (contextvars context)
only: a report in another language is written beside the window's workers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal

from pilotage.domain.enums import Measure

NO_VALUE = "—"
"""What `format_value` shows when there is no value."""


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes the separators of a number and a percentage."""

    group: str = ","
    point: str = "."
    percent: str = "%"
    """Everything after the digits of a percentage, e.g. "\u202f%" in French ("73,4 %")."""


ENGLISH = NumberStyle()

_style = ENGLISH  # the process-wide style of the traces (the window's)
# The current context's own style, None outside `numbers_in`: the process-wide one then.
_scoped_style: ContextVar[NumberStyle | None] = ContextVar("pilotage_number_style", default=None)


def set_number_style(style: NumberStyle | None) -> None:
    """The separators the engine's traces use from now on wherever no `numbers_in` scope
    chose others; None puts English back."""
    global _style
    _style = style if style is not None else ENGLISH


def number_style() -> NumberStyle:
    """The separators the engine's traces use here and now."""
    scoped = _scoped_style.get()
    return scoped if scoped is not None else _style


@contextmanager
def numbers_in(style: NumberStyle | None) -> Iterator[None]:
    """The traces write numbers in `style` (None: English) inside the block, in this thread
    (this context) only; the previous style comes back on exit."""
    token = _scoped_style.set(style if style is not None else ENGLISH)
    try:
        yield
    finally:
        _scoped_style.reset(token)


def styled(english: str, style: NumberStyle | None = None) -> str:
    """A number formatted here ("1,234.5", "73.4%") with `style`'s separators instead
    (the style set by `set_number_style` when None).

    `english` holds only digits, "-", ",", "." and "%" (what the `format_*` functions
    return without a unit), so a character swap is exact.
    """
    chosen = number_style() if style is None else style
    if chosen is ENGLISH or chosen == ENGLISH:  # the usual case first, without comparing
        return english
    swap = {ord(","): chosen.group, ord("."): chosen.point, ord("%"): chosen.percent}
    return english.translate(swap)


ISO_DAY = "yyyy-MM-dd"
_day_pattern = ISO_DAY  # the process-wide pattern of the traces (the window's)
# The current context's own pattern, None outside `days_in`: the process-wide one then.
_scoped_day_pattern: ContextVar[str | None] = ContextVar("pilotage_day_pattern", default=None)
# The pattern letters of a short date as Qt writes them ("dd/MM/yyyy", "M/d/yyyy").
_DAY_FIELD = re.compile(r"y+|M+|d+")
_DAY_FIELDS = {"yyyy": "{y:04d}", "MM": "{m:02d}", "M": "{m}", "dd": "{d:02d}", "d": "{d}"}


def _usable_day_pattern(pattern: str | None) -> str:
    """`pattern` when made of yyyy, MM, M, dd, d and separators, else ISO."""
    if pattern is None:
        return ISO_DAY
    fields = _DAY_FIELD.findall(pattern)
    return pattern if all(field in _DAY_FIELDS for field in fields) else ISO_DAY


def set_day_pattern(pattern: str | None) -> None:
    """How the engine's traces write a day from now on wherever no `days_in` scope chose
    another: a short date pattern made of yyyy, MM, M, dd, d and separators ("dd/MM/yyyy");
    None (or any other field, such as a month's name) puts ISO back."""
    global _day_pattern
    _day_pattern = _usable_day_pattern(pattern)


def day_pattern() -> str:
    """The pattern the engine's traces write a day in here and now."""
    scoped = _scoped_day_pattern.get()
    return scoped if scoped is not None else _day_pattern


@contextmanager
def days_in(pattern: str | None) -> Iterator[None]:
    """The traces write days in `pattern` (as `set_day_pattern`; None: ISO) inside the block,
    in this thread (this context) only; the previous pattern comes back on exit."""
    token = _scoped_day_pattern.set(_usable_day_pattern(pattern))
    try:
        yield
    finally:
        _scoped_day_pattern.reset(token)


def format_day(value: date) -> str:
    """A day in the traces' pattern: "2024-12-31" by default, "31/12/2024" in French."""
    pattern = day_pattern()
    if pattern == ISO_DAY:
        return value.isoformat()
    template = _DAY_FIELD.sub(
        lambda field: _DAY_FIELDS[field.group()],
        pattern.replace("{", "{{").replace("}", "}}"),
    )
    return template.format(y=value.year, m=value.month, d=value.day)


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
