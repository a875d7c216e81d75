"""The checks of a program workbook's records, one rule at a time, and their sentences.

program_import_checks runs them over a workbook's content. The problems are the
analyst's (a colleague's program workbook, not a partner's figures): whole
`translate("Import", …)` templates, in the window's language (English on the command
line); no partner's `speaking` scope is ever open around them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import date
from decimal import Decimal

from pilotage.domain.messages import translate
from pilotage.exchange.program_content import KpiKey, SheetProblem

_BOUNDS: dict[int, Decimal] = {}


def _bound(whole_digits: int) -> Decimal:
    """10 ** whole_digits: the least number too large for a column of that many whole digits."""
    bound = _BOUNDS.get(whole_digits)
    if bound is None:
        bound = _BOUNDS[whole_digits] = Decimal(10) ** whole_digits
    return bound


class Checks:
    """The problems found so far, each naming its sheet, row (from the sheet's rows) and
    column, and the checks that add them."""

    def __init__(self, rows: dict[str, list[int]]) -> None:
        self.rows = rows
        self.problems: list[SheetProblem] = []

    def add(self, sheet: str, index: int | None, column: str | None, message: str) -> None:
        row = None if index is None else self.rows.get(sheet, [])[index]
        self.problems.append(SheetProblem(sheet, row, column, message))

    def length(self, sheet: str, index: int, column: str, text: str, limit: int) -> None:
        if len(text) > limit:
            self.add(
                sheet,
                index,
                column,
                translate("Import", "is {length} characters long; at most {limit} fit").format(
                    length=len(text), limit=limit
                ),
            )

    def number(
        self,
        sheet: str,
        index: int,
        column: str,
        value: Decimal | None,
        shape: tuple[int, int],
        *,
        floor: str = "",
    ) -> None:
        """`floor`: "" any sign, "zero" at least 0, "above" above 0."""
        if value is None:
            return
        digits, places = shape
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            # Normalizing only strips trailing zeros (the exponent grows): done when needed.
            exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and -exponent > places:
            text = translate("Import", "{value} has more than {places} decimal places")
            self.add(sheet, index, column, text.format(value=value, places=places))
        elif abs(value) >= _bound(digits - places):
            text = translate("Import", "{value} is too large")
            self.add(sheet, index, column, text.format(value=value))
        if floor == "above" and value <= 0:
            text = translate("Import", "{value} must be above 0")
            self.add(sheet, index, column, text.format(value=value))
        elif floor and value < 0:
            text = translate("Import", "{value} must be at least 0")
            self.add(sheet, index, column, text.format(value=value))

    def order(
        self, sheet: str, index: int, column: str, start: date | None, end: date | None
    ) -> None:
        if start is not None and end is not None and end < start:
            text = translate("Import", "{end} is before {start}")
            self.add(
                sheet, index, column, text.format(end=end.isoformat(), start=start.isoformat())
            )

    def unique(
        self,
        sheet: str,
        column: str,
        keys: Iterable[Hashable],
        again: Callable[[int, int], str],
    ) -> set[Hashable]:
        """The keys, each once; `again(index, first row)` the sentence of a repeated one."""
        seen: dict[Hashable, int] = {}
        for index, key in enumerate(keys):
            if key in seen:
                first = self.rows.get(sheet, [])[seen[key]]
                self.add(sheet, index, column, again(index, first))
            else:
                seen[key] = index
        return set(seen)

    def known(
        self,
        sheet: str,
        index: int,
        column: str,
        key: Hashable,
        known: set[Hashable],
        unknown: Callable[[], str],
    ) -> bool:
        """Whether `key` is in `known`; `unknown()` the sentence when it is not (written
        only for a row that needs it)."""
        if key in known:
            return True
        self.add(sheet, index, column, unknown())
        return False


def no_pillar(code: str) -> str:
    return translate("Import", "pillar {code} is not in the sheet pillars").format(code=code)


def no_initiative(code: str) -> str:
    return translate(
        "Import", "initiative {code} is not in the sheet initiatives (under this pillar)"
    ).format(code=code)


def no_measurement(key: KpiKey) -> str:
    return translate(
        "Import", "no measurement of KPI {key} for this period in the sheet measurements"
    ).format(key=key)


def no_organization(key: str) -> str:
    return translate(
        "Import", "{organization} is not an organization of the sheet organizations"
    ).format(organization=key)
