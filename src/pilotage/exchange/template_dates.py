"""A one-off KPI's "date reached", as the partner gives it: a date cell, or a date typed
as text.

A date cell (the template's own, formatted as a date) comes as a datetime. Text is
read when it can mean one day only: "2025-03-14" always; "14/03/2025" (also with "."
or "-") when the day cannot be a month (above 12) or equals it, or when the template
is French, whose partners write the day first. "03/04/2025" in an English template
could be 3 April or 4 March: refused, asking for 2025-04-03. The day must lie within
the bounds the template gives (the program's start and end), and not after the day of the
import: a result is not reached in the future, and a day after today is most often a
wrong year, which would also move the figure out of the KPI's status "as of today".
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pilotage.domain.messages import translate

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def shown(day: date, language: str) -> str:
    """14/03/2025 in French, 2025-03-14 in English (as the template's messages show it)."""
    return day.strftime("%d/%m/%Y") if language == "fr" else day.isoformat()


def read_day(
    value: object, language: str, bounds: tuple[date, date] | None, today: date | None = None
) -> date | str:
    """The day `value` means, or the sentence saying why it cannot be taken. `today`: the
    day of the import (None: the computer's date), the last day a result may be reached."""
    day = _day(value, language)
    if isinstance(day, str):
        return day
    if bounds is not None and not bounds[0] <= day <= bounds[1]:
        text = translate(
            "Import",
            "{day} is outside the program ({first} to {last}): give the day the result was "
            "reached, within the program",
        )
        first, last = (shown(b, language) for b in bounds)
        return text.format(day=shown(day, language), first=first, last=last)
    if day > (_today() if today is None else today):
        text = translate("Import", "{day} is in the future: give the day the result was reached")
        return text.format(day=shown(day, language))
    return day


def _today() -> date:
    """The day on the analyst's computer, as services/clock.local_today gives it (a function
    of its own, so that a test can set the day)."""
    return datetime.now().astimezone().date()


def _day(value: object, language: str) -> date | str:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        # A number: the cell's date format was lost (pasted over), so its meaning is unsure.
        text = translate(
            "Import", "“{typed}” is not a date: type it as {example}, or choose the date again"
        )
        return text.format(typed=value, example=_example(language))
    typed = value.strip()
    iso = _ISO.match(typed)
    if iso is not None:
        year, month, day = (int(part) for part in iso.groups())
    else:
        found = _DAY_FIRST.match(typed)
        if found is None:
            text = translate("Import", "“{typed}” is not a date: type it as {example}")
            return text.format(typed=typed, example=_example(language))
        day, month, year = (int(part) for part in found.groups())
        if language != "fr" and day <= 12 and day != month:
            text = translate(
                "Import",
                "“{typed}” is ambiguous: the day or the month may come first; type it as {example}",
            )
            return text.format(typed=typed, example=_iso_example(day, month, year))
    try:
        return date(year, month, day)
    except ValueError:
        text = translate("Import", "“{typed}” is not a day of the calendar")
        return text.format(typed=typed)


def _example(language: str) -> str:
    return "14/03/2025" if language == "fr" else "2025-03-14"


def _iso_example(day: int, month: int, year: int) -> str:
    """The ISO form of the day-first reading, as an example to type."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return "2025-03-14"


__all__ = ["read_day", "shown"]
