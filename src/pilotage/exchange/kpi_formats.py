"""How a KPI's value reads in a cell: the number stays the engine's, the format says it.

Like `domain.formatting.format_value`: a ratio with unit "%" (or none) is a fraction
shown as a percentage (0.734 -> 73.4%); a percentage KPI holds percent points
(72 -> 72.0%), kept as the engine's number with a "%" in the format; yes/no reads
yes or no; counts and amounts have thousands separators and decimals only when
they have some (one for a count, which is whole but for a target to date).
"""

from __future__ import annotations

from decimal import Decimal

from pilotage.domain.enums import Measure
from pilotage.exchange.columns import NUMBER_FORMATS, Kind, Num
from pilotage.exchange.labels import Labels

POINTS_FORMAT = '#,##0.0"%"'
RATIO_FORMAT = "#,##0.0##"
COUNT_FORMAT = "#,##0.0"


def is_fraction(measure: Measure, unit: str) -> bool:
    return measure is Measure.RATIO and unit.strip() in ("", "%")


def value_format(measure: Measure, unit: str, value: Decimal | None, labels: Labels) -> str:
    if is_fraction(measure, unit):
        return NUMBER_FORMATS[Kind.PERCENT]
    if measure is Measure.PERCENTAGE:
        return POINTS_FORMAT
    if measure is Measure.YES_NO:
        yes, no = (labels[k].replace('"', "") for k in ("yes", "no"))
        return f'[=1]"{yes}";[=0]"{no}";0.00'
    if value is not None and value.is_finite() and value == value.to_integral_value():
        return NUMBER_FORMATS[Kind.INTEGER]
    if measure is Measure.COUNT:  # a count's target to date: 266.7 enterprises, not 266.667
        return COUNT_FORMAT
    return RATIO_FORMAT


def value_cell(measure: Measure, unit: str, value: Decimal | None, labels: Labels) -> Num:
    return Num(value, value_format(measure, unit, value, labels))


def axis_format(measure: Measure, unit: str) -> str:
    """The value axis of a KPI's chart."""
    if is_fraction(measure, unit):
        return "0%"
    if measure is Measure.PERCENTAGE:
        return '0"%"'
    return "#,##0.##" if measure is Measure.RATIO else "#,##0"
