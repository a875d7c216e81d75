"""Numbers, money, percentages and dates as the analyst's locale writes them.

Rounding stays the domain's (`domain.formatting`: exact decimals, half-even);
only the separators and date patterns come from the locale. The separators are
swapped by the domain's `styled`, with the `NumberStyle` of the locale: the same
style `i18n.apply_locale` gives the engine's traces, so tables and traces agree.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pilotage.domain.enums import Measure
from pilotage.domain.formatting import (
    NO_VALUE,
    NumberStyle,
    format_number,
    format_percent,
    format_value,
    styled,
)
from pilotage.gui.qt import QT_TRANSLATE_NOOP, QDate, QLocale, translate

__all__ = [
    "NO_VALUE",
    "date_format",
    "date_text",
    "from_qdate",
    "kpi_value",
    "money",
    "number",
    "number_style",
    "percent",
    "plain_number",
    "to_qdate",
]

_CONTEXT = "Formats"
_YES = QT_TRANSLATE_NOOP("Formats", "yes")
_NO = QT_TRANSLATE_NOOP("Formats", "no")
_ISO_DATE = "yyyy-MM-dd"


# Languages whose typography puts a space before "%" ("73,4 %"): the narrow
# no-break space, as CLDR writes French percentages, so "%" never wraps alone.
_SPACE_BEFORE_PERCENT = {QLocale.Language.French: "\u202f"}


def number_style(locale: QLocale | None = None) -> NumberStyle:
    """How `locale` (the default locale when None) writes separators and percentages."""
    locale = locale if locale is not None else QLocale()
    sign = _SPACE_BEFORE_PERCENT.get(locale.language(), "") + locale.percent()
    return NumberStyle(group=locale.groupSeparator(), point=locale.decimalPoint(), percent=sign)


def _localized(english: str) -> str:
    """Swap the English separators of a number the domain formatted for the locale's."""
    return styled(english, number_style())


def number(value: Decimal | int, places: int | None = None) -> str:
    """1000 -> "1,000" (en), "1 000" (fr); `places` as `format_number`."""
    return _localized(format_number(Decimal(value), places))


def plain_number(value: Decimal) -> str:
    """A number as it is typed into a field: no thousands separator, the locale's
    decimal point, no trailing zeros ("1500.5" / "1500,5")."""
    text = format(value.normalize() if value == value.to_integral_value() else value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    point = QLocale().decimalPoint()
    return text.replace(".", point) if point != "." else text


def percent(fraction: Decimal | None, places: int | None = None) -> str:
    """0.734 -> "73.4%" (en), "73,4 %" (fr); None -> the no-value dash.

    `places=None`: at most one decimal, as the domain writes it ("25%", "26.7%");
    `places=n`: exactly n decimals ("25.0%"), so a right-aligned column lines up.
    """
    if fraction is None:
        return NO_VALUE
    if places is None:
        return _localized(format_percent(fraction))
    return _localized(format_number(fraction.scaleb(2), places) + "%")


def money(value: Decimal | None, currency: str) -> str:
    """30000000 -> "30,000,000.00 MAD" (en), "30 000 000,00 MAD" (fr)."""
    if value is None:
        return NO_VALUE
    return f"{number(value, 2)} {currency}"


def kpi_value(
    value: Decimal | None,
    measure: Measure,
    unit: str = "",
    *,
    show_unit: bool = True,
    percent_places: int | None = None,
) -> str:
    """A KPI figure as `domain.formatting.format_value` shows it, in the locale's digits.

    Two GUI-only choices (the command line keeps the domain's text):
    - a count shows at most one decimal: a target to date interpolated between two
      whole targets reads "12.5 organisations", not "12.47";
    - `percent_places=n` writes a percentage with exactly n decimals (table columns).
    """
    if value is None:
        return NO_VALUE
    if measure is Measure.YES_NO and value in (0, 1):
        return translate(_CONTEXT, _YES if value == 1 else _NO)
    if measure is Measure.COUNT:
        text = _count(value)
        return text if not (show_unit and unit and unit != "%") else f"{text} {unit}"
    if percent_places is not None and _is_percent(measure, unit):
        points = value if measure is Measure.PERCENTAGE else value.scaleb(2)
        return _localized(format_number(points, percent_places) + "%")
    bare = format_value(value, measure, unit, show_unit=False)
    full = format_value(value, measure, unit, show_unit=show_unit)
    # The unit, when shown, is what format_value puts after the bare number.
    suffix = full[len(bare) :] if full.startswith(bare) else ""
    return _localized(bare) + suffix


def _count(value: Decimal) -> str:
    """A count with at most one decimal, trailing zero dropped ("12.5", "1,000")."""
    text = format_number(value, 1)
    return _localized(text[:-2] if text.endswith(".0") else text)


def _is_percent(measure: Measure, unit: str) -> bool:
    """Whether `format_value` writes this measure as a percentage."""
    return measure is Measure.PERCENTAGE or (measure is Measure.RATIO and unit in ("", "%"))


def date_format() -> str:
    """The locale's short date pattern, always with a four-digit year.

    The C locale's pattern ("d MM yyyy") reads poorly: ISO dates there.
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return _ISO_DATE
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def date_text(day: date | None) -> str:
    if day is None:
        return NO_VALUE
    return QLocale().toString(to_qdate(day), date_format())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())
