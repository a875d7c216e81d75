"""The columns of a table sheet: their kinds, number formats and header widths.

A `Column` says what a column holds (`Kind`); the kind gives its cells' number
format, its header's alignment and, with the values of the first rows, its width
(TableSheet in sheets.py writes them). `safe_link` says which URLs become links.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple
from urllib.parse import urlsplit

MIN_WIDTH = 6.0
MAX_WIDTH = 60.0
# Schemes a report makes clickable; anything else stays text (no javascript: or data:).
LINK_SCHEMES = frozenset({"http", "https", "mailto"})  # see safe_link


class Kind(StrEnum):
    TEXT = "text"
    WRAP = "wrap"  # long text: wrapped, width capped
    CENTERED = "centered"  # a short word such as yes or no, centred between its neighbours
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"  # a fraction: 0.918 shows 91.8%
    DATE = "date"
    DATETIME = "datetime"
    MONEY = "money"  # with the column's currency code
    STATUS = "status"  # a KpiStatus, in its colour
    LINK = "link"  # a URL (clickable when its scheme is safe)


NUMBER_FORMATS: dict[Kind, str] = {
    Kind.INTEGER: "#,##0",
    # Integral values of a decimal column take the integer format: "#,##0.##" would
    # leave Excel's trailing point ("1,000.").
    Kind.DECIMAL: "#,##0.0##",
    Kind.PERCENT: "0.0%",
    Kind.DATE: "yyyy-mm-dd",
    Kind.DATETIME: "yyyy-mm-dd hh:mm",
}


HEADER_ALIGN: dict[Kind, str] = {
    Kind.INTEGER: "right",
    Kind.DECIMAL: "right",
    Kind.PERCENT: "right",
    Kind.MONEY: "right",
    Kind.DATE: "right",
    Kind.DATETIME: "right",
    Kind.STATUS: "center",
    Kind.CENTERED: "center",
}


def money_format(currency: str) -> str:
    """'#,##0.00 "MAD"': thousands separators, two decimals and the currency code."""
    code = "".join(ch for ch in currency if ch.isalnum())
    return f'#,##0.00 "{code}"' if code else "#,##0.00"


class Num(NamedTuple):
    """A number with a format of its own, where a column's rows differ (a KPI's value is
    a count on one row, a percentage on the next)."""

    value: Decimal | int | float | None
    number_format: str


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT
    currency: str = ""  # Kind.MONEY only
    max_width: float = MAX_WIDTH


_QUOTED = re.compile(r'"([^"]*)"')


def format_suffix_length(number_format: str) -> int:
    """Characters a number format adds as quoted text: 5 for '#,##0.00 "MAD"' (with its space)."""
    quoted = sum(len(text) for text in _QUOTED.findall(number_format))
    return quoted + number_format.count(" ") if quoted else 0


def display_length(value: object, number_format: str = "") -> float:
    """Roughly the characters a value takes once formatted, for the column width: for a
    number its separators, two decimals, sign and the format's quoted text ("MAD"), as a
    column too narrow for them prints "###"."""
    if value is None:
        return 0.0
    if isinstance(value, datetime):
        return 16.0
    if isinstance(value, date):
        return 10.0
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        digits = len(f"{value:,.2f}")
        return digits + 1.0 + format_suffix_length(number_format)
    text = str(value)
    return float(max((len(line) for line in text.splitlines()), default=0))


# A header wraps at its spaces rather than widen a column of short figures, but keeps a
# header of up to this many characters on one line (two-line headers everywhere read badly).
HEADER_ONE_LINE = 7


BOLD_WIDTH = 1.15  # units of column width per character of bold header text
HEADER_ROOM = 3.0  # units beside a header's text: the filter's button, or the indent


def header_width(header: str) -> float:
    """The width a column needs for its header: its longest word (or the whole header when
    short), with room for the filter's button; a word is never broken."""
    longest_word = max((len(word) for word in header.split()), default=0)
    whole = len(header) if len(header) <= HEADER_ONE_LINE else HEADER_ONE_LINE
    return max(longest_word, whole) * BOLD_WIDTH + HEADER_ROOM


def header_text_lines(header: str, width: float) -> list[str]:
    """The lines of a bold header wrapped in a column of `width`."""
    per_line = max(int((width - HEADER_ROOM) / BOLD_WIDTH), 1)
    return textwrap.wrap(header, per_line, break_long_words=False) or [""]


def safe_link(url: str) -> str | None:
    """The URL if it is one a person can safely click, else None (then it stays text).

    Only web addresses (http, https, with a host) and mailto become links. Evidence now
    also comes from partners' workbooks, so a file path is text, never a link: clicking a
    UNC path or a file:// link to a partner's server makes Windows send the analyst's
    credentials (NTLM) to it, and a link to a local program runs it. The path stays
    readable, to be copied by a person who trusts it.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES:
        return None
    if scheme != "mailto" and not parts.netloc:  # "https:" and a path: no host to trust
        return None
    return url
