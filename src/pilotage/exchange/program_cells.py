"""The cells of a program workbook turned into values by their column's type, and the
sentence for a cell that holds something else.

Each converter raises ValueError with the analyst's sentence (a whole
`translate("Import", …)` template, in the window's language; English on the command
line): program_workbook_reading reports it with the sheet, row and column.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pilotage.domain.formatting import styled
from pilotage.domain.messages import translate
from pilotage.exchange.program_workbook import Field, Type

__all__ = ["CONVERT"]


def _said(template: str, value: object) -> str:
    """A translated template about `value`, shown as a cell's value is."""
    return template.format(value=_shown(value))


def _text(value: object, spec: Field) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool | date):
        raise ValueError(_said(translate("Import", "{value} where a text is due"), value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value: object, spec: Field) -> date:
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise ValueError(
                _said(translate("Import", "{value} has a time of day; a date is due"), value)
            )
        return _day_of(value)
    if isinstance(value, date):
        return value
    raise ValueError(_said(translate("Import", "{value} is not a date"), value))


@lru_cache(maxsize=1 << 16)
def _day_of(moment: datetime) -> date:
    """The day of a midnight, one date object for all the rows of a period."""
    return moment.date()


def _datetime(value: object, spec: Field) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0), UTC)
    raise ValueError(_said(translate("Import", "{value} is not a date and time"), value))


# The whole numbers of a program (positions, years, revisions) are stored in INTEGER
# columns: 32 bits on PostgreSQL. A larger one would fail the write, not this check.
_LARGEST_INTEGER = 2**31 - 1


def _integer(value: object, spec: Field) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        raise ValueError(_said(translate("Import", "{value} is not a whole number"), value))
    if not -_LARGEST_INTEGER <= number <= _LARGEST_INTEGER:
        shown = f"{number:,}" if abs(number) < 10**15 else f"{float(number):.3g}"
        raise ValueError(
            translate(
                "Import", "{value} is too large: a whole number of at most {largest} is due"
            ).format(value=styled(shown), largest=styled(f"{_LARGEST_INTEGER:,}"))
        )
    return number


def _decimal(value: object, spec: Field) -> Decimal:
    if isinstance(value, bool | date):
        raise ValueError(_said(translate("Import", "{value} is not a number"), value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # The shortest decimal that is this float: what was written (program_workbook).
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(_said(translate("Import", "{value} is not a number"), value)) from None
    if not number.is_finite():
        raise ValueError(_said(translate("Import", "{value} is not a number"), value))
    return number


def _choice(value: object, spec: Field) -> object:
    assert spec.choices is not None
    try:
        return spec.choices(str(value).strip())
    except ValueError:
        allowed = ", ".join(m.value for m in spec.choices)
        raise ValueError(
            translate("Import", "{value} is not one of: {allowed}").format(
                value=_shown(value), allowed=allowed
            )
        ) from None


def _shown(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


CONVERT: dict[Type, Callable[[object, Field], object]] = {
    Type.TEXT: _text,
    Type.CODE: _text,
    Type.DATE: _date,
    Type.DATETIME: _datetime,
    Type.INTEGER: _integer,
    Type.DECIMAL: _decimal,
    Type.CHOICE: _choice,
}
