"""The values typed in a template's cells, and the sentences saying why one cannot be read.

Numbers typed as text (a cell formatted as text, a figure pasted from a report)
are accepted when they can mean one number only: digits with spaces between the
thousands, an optional sign and one decimal mark, "." or ",". A mark followed by
exactly three digits after a non-zero whole part ("1,234" or "1.234") is refused
as ambiguous, since it is a thousands separator in one language and a decimal
mark in the other; "0,734" and "12,5" are read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from pilotage.domain.messages import translate

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+)(?:[.,](\d+))?$")
LARGEST_ID = 2**63 - 1  # a database id is a signed 64-bit integer


def text_number(text: str) -> tuple[Decimal | None, bool]:
    """(the number `text` can only mean, False), (None, True) when it is ambiguous, or
    (None, False) when it is no number."""
    squeezed = _SPACES.sub("", text)
    found = _PLAIN_NUMBER.match(squeezed)
    if found is None:
        return None, False
    whole, decimals = found.group(1), found.group(2)
    if decimals is not None and len(decimals) == 3 and whole.lstrip("0"):
        return None, True
    try:
        return Decimal(squeezed.replace(",", ".")), False
    except InvalidOperation:  # pragma: no cover - the pattern admits numbers only
        return None, False


def as_points(fraction: Decimal) -> Decimal:
    """The percentage a fraction is shown as (0.725 -> 72.5), exactly."""
    return (fraction * 100).normalize() + 0


def tampered_id(typed: str, how: str) -> str:
    """The KPI's hidden identifier was changed: `how` is "empty", "text" or "number"."""
    if how == "empty":
        text = translate(
            "Import",
            "the KPI's identifier (a hidden column) is empty: it was changed; copy the row "
            "again from the template as it was sent",
        )
    elif how == "text":
        text = translate(
            "Import",
            "the KPI's identifier (a hidden column) is “{typed}”, not a number: it was "
            "changed; copy the row again from the template as it was sent",
        )
    else:
        text = translate(
            "Import",
            "the KPI's identifier (a hidden column) is “{typed}”: it was changed; copy the "
            "row again from the template as it was sent",
        )
    return text.format(typed=typed)


def as_percentage(shown: str) -> str:
    text = translate("Import", "typed as a percentage ({typed} %): type the number itself")
    return text.format(typed=shown)


def text_not_number(typed: str) -> str:
    """ "“many” is text where a number is due", in the language spoken."""
    return translate("Import", "“{typed}” is text where a number is due").format(typed=typed)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value).strip()


__all__ = [
    "LARGEST_ID",
    "as_percentage",
    "as_points",
    "cell_text",
    "is_blank",
    "tampered_id",
    "text_not_number",
    "text_number",
]
