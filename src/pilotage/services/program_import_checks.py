"""The checks of a program workbook that need several sheets or the database's limits.

Each record must name records that exist (a pillar's code, an initiative's, a KPI's,
an organization of the organizations sheet), must not repeat one (the same KPI and
period twice), and must hold what the database would accept (lengths, decimal places,
dates in order, a revision dated). Every problem names its sheet, row and column; the
import writes nothing unless there is none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TypeVar

from pilotage.db.base import CODE_LENGTH, CURRENCY_LENGTH, NAME_LENGTH, SHORT_LENGTH, URL_LENGTH
from pilotage.exchange.program_content import (
    KpiKey,
    ProgramWorkbookContent,
    SheetProblem,
)

T = TypeVar("T")
MONEY = (18, 2)  # digits, places: db.base.money()
QUANTITY = (24, 6)  # db.base.quantity()
THRESHOLD = (5, 4)  # Kpi.green, Kpi.amber


_BOUNDS: dict[int, Decimal] = {}


def _bound(whole_digits: int) -> Decimal:
    """10 ** whole_digits: the least number too large for a column of that many whole digits."""
    bound = _BOUNDS.get(whole_digits)
    if bound is None:
        bound = _BOUNDS[whole_digits] = Decimal(10) ** whole_digits
    return bound


class _Checks:
    def __init__(self, rows: dict[str, list[int]]) -> None:
        self.rows = rows
        self.problems: list[SheetProblem] = []

    def add(self, sheet: str, index: int | None, column: str | None, message: str) -> None:
        row = None if index is None else self.rows.get(sheet, [])[index]
        self.problems.append(SheetProblem(sheet, row, column, message))

    def length(self, sheet: str, index: int, column: str, text: str, limit: int) -> None:
        if len(text) > limit:
            self.add(sheet, index, column, f"is {len(text)} characters long; at most {limit} fit")

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
            self.add(sheet, index, column, f"{value} has more than {places} decimal places")
        elif abs(value) >= _bound(digits - places):
            self.add(sheet, index, column, f"{value} is too large")
        if (floor and value < 0) or (floor == "above" and value == 0):
            least = "above 0" if floor == "above" else "at least 0"
            self.add(sheet, index, column, f"{value} must be {least}")

    def order(
        self, sheet: str, index: int, column: str, start: date | None, end: date | None
    ) -> None:
        if start is not None and end is not None and end < start:
            self.add(sheet, index, column, f"{end.isoformat()} is before {start.isoformat()}")

    def unique(
        self, sheet: str, column: str, keys: Iterable[Hashable], what: Callable[[int], str]
    ) -> set[Hashable]:
        seen: dict[Hashable, int] = {}
        for index, key in enumerate(keys):
            if key in seen:
                first = self.rows.get(sheet, [])[seen[key]]
                self.add(sheet, index, column, f"{what(index)} is already on row {first}")
            else:
                seen[key] = index
        return set(seen)

    def known(
        self, sheet: str, index: int, column: str, key: Hashable, known: set[Hashable], what: str
    ) -> bool:
        if key in known:
            return True
        self.add(sheet, index, column, what)
        return False


def check_content(
    content: ProgramWorkbookContent, rows: dict[str, list[int]]
) -> list[SheetProblem]:
    """Every problem of content read from a workbook (its rows: row numbers per sheet).

    `content.measurements` and `content.disaggregations` must be lists here."""
    c = _Checks(rows)
    p = content.program
    c.length("program", 0, "reference", p.reference, CODE_LENGTH)
    c.length("program", 0, "title", p.title, NAME_LENGTH)
    c.length("program", 0, "currency", p.currency, CURRENCY_LENGTH)
    c.order("program", 0, "end_date", p.start_date, p.end_date)
    c.number("program", 0, "total_budget", p.total_budget, MONEY, floor="zero")

    orgs = c.unique(
        "organizations", "acronym", (o.key for o in content.organizations),
        lambda i: f"organization {content.organizations[i].key}",
    )  # fmt: skip
    for i, o in enumerate(content.organizations):
        c.length("organizations", i, "name", o.name, NAME_LENGTH)
        c.length("organizations", i, "acronym", o.acronym, CODE_LENGTH)
        c.length("organizations", i, "website", o.website, URL_LENGTH)
        if o.founded_year is not None and not 1000 <= o.founded_year <= 9999:
            c.add("organizations", i, "founded_year", f"{o.founded_year} is not a year")
    org_missing = "is not an organization of the sheet organizations"

    c.unique(
        "parties", "role", ((x.organization, x.role) for x in content.parties),
        lambda i: f"{content.parties[i].organization} as {content.parties[i].role.value}",
    )  # fmt: skip
    for i, x in enumerate(content.parties):
        c.known(
            "parties", i, "organization", x.organization, orgs, f"{x.organization} {org_missing}"
        )
        c.length("parties", i, "signatory_name", x.signatory_name, NAME_LENGTH)
        c.length("parties", i, "signatory_title", x.signatory_title, NAME_LENGTH)

    pillars = c.unique(
        "pillars", "code", (x.code for x in content.pillars),
        lambda i: f"pillar {content.pillars[i].code}",
    )  # fmt: skip
    c.unique(
        "pillars", "position", (x.position for x in content.pillars),
        lambda i: f"position {content.pillars[i].position}",
    )  # fmt: skip
    for i, pl in enumerate(content.pillars):
        if pl.position < 1:
            c.add("pillars", i, "position", f"{pl.position} is not a position (1, 2, 3…)")
        c.length("pillars", i, "code", pl.code, CODE_LENGTH)
        c.length("pillars", i, "title", pl.title, NAME_LENGTH)

    initiatives = c.unique(
        "initiatives", "code", ((x.pillar, x.code) for x in content.initiatives),
        lambda i: f"initiative {content.initiatives[i].code}",
    )  # fmt: skip
    for i, n in enumerate(content.initiatives):
        c.known("initiatives", i, "pillar", n.pillar, pillars, _no_pillar(n.pillar))
        if n.lead:
            c.known("initiatives", i, "lead_organization", n.lead, orgs, f"{n.lead} {org_missing}")
        for partner in n.partners:
            c.known("initiatives", i, "partners", partner, orgs, f"{partner} {org_missing}")
        c.length("initiatives", i, "code", n.code, CODE_LENGTH)
        c.length("initiatives", i, "name", n.name, NAME_LENGTH)
        c.order("initiatives", i, "end_date", n.start_date, n.end_date)
        c.number("initiatives", i, "planned_budget", n.planned_budget, MONEY, floor="zero")

    def initiative(sheet: str, index: int, pillar: str, code: str) -> None:
        if c.known(sheet, index, "pillar", pillar, pillars, _no_pillar(pillar)):
            c.known(sheet, index, "initiative", (pillar, code), initiatives, _no_initiative(code))

    for i, m in enumerate(content.milestones):
        initiative("milestones", i, m.pillar, m.initiative)
        c.length("milestones", i, "title", m.title, NAME_LENGTH)
    c.unique(
        "budget_lines", "year", ((b.pillar, b.initiative, b.year) for b in content.budget_lines),
        lambda i: f"the year {content.budget_lines[i].year} of this initiative",
    )  # fmt: skip
    for i, b in enumerate(content.budget_lines):
        initiative("budget_lines", i, b.pillar, b.initiative)
        if not 1900 <= b.year <= 2200:
            c.add("budget_lines", i, "year", f"{b.year} is not a year between 1900 and 2200")
        for column, amount in (("planned", b.planned), ("committed", b.committed),
                               ("disbursed", b.disbursed)):  # fmt: skip
            c.number("budget_lines", i, column, amount, MONEY, floor="zero")

    kpis = c.unique(
        "kpis", "code", (k.key for k in content.kpis), lambda i: f"KPI {content.kpis[i].key}"
    )
    for i, k in enumerate(content.kpis):
        if (
            k.key.pillar
            and c.known("kpis", i, "pillar", k.key.pillar, pillars, _no_pillar(k.key.pillar))
            and k.key.initiative
        ):
            c.known("kpis", i, "initiative", (k.key.pillar, k.key.initiative), initiatives,
                        _no_initiative(k.key.initiative))  # fmt: skip
        if k.responsible:
            c.known("kpis", i, "responsible_organization", k.responsible, orgs,
                    f"{k.responsible} {org_missing}")  # fmt: skip
        c.length("kpis", i, "code", k.key.code, CODE_LENGTH)
        c.length("kpis", i, "name", k.name, NAME_LENGTH)
        c.length("kpis", i, "unit", k.unit, SHORT_LENGTH)
        c.order("kpis", i, "target_date", k.baseline_date, k.target_date)
        c.number("kpis", i, "baseline_value", k.baseline_value, QUANTITY)
        c.number("kpis", i, "target_value", k.target_value, QUANTITY)
        c.number("kpis", i, "green", k.green, THRESHOLD, floor="above")
        c.number("kpis", i, "amber", k.amber, THRESHOLD, floor="above")
        if k.green is not None and k.amber is not None and k.amber > k.green:
            c.add("kpis", i, "amber", f"{k.amber} is above green ({k.green})")

    def kpi(sheet: str, index: int, key: KpiKey) -> None:
        if key not in kpis:  # the sentence written only for a row that needs it
            c.known(sheet, index, "kpi", key, kpis, f"KPI {key} is not in the sheet kpis")

    c.unique(
        "targets", "revision", ((t.kpi, t.period_end, t.revision) for t in content.targets),
        lambda i: f"revision {content.targets[i].revision} of this KPI and period",
    )  # fmt: skip
    for i, t in enumerate(content.targets):
        kpi("targets", i, t.kpi)
        c.number("targets", i, "value", t.value, QUANTITY)
        if t.revision < 0:
            c.add("targets", i, "revision", f"{t.revision}: 0 is the original, 1 its revision…")
        elif (t.revision == 0) != (t.revised_on is None):
            c.add("targets", i, "revised_on", "a revision (1, 2…) has a date; the original none")

    measurements = _list(content.measurements)
    measured = c.unique(
        "measurements", "period_end",
        ((m.kpi, m.period_start, m.period_end) for m in measurements),
        lambda i: "this KPI and period",
    )  # fmt: skip
    for i, me in enumerate(measurements):
        kpi("measurements", i, me.kpi)
        c.order("measurements", i, "period_end", me.period_start, me.period_end)
        for column, value in (("value", me.value), ("numerator", me.numerator),
                              ("denominator", me.denominator)):  # fmt: skip
            c.number(
                "measurements",
                i,
                column,
                value,
                QUANTITY,
                floor="above" if column == "denominator" else "",
            )
        if me.value is None and (me.numerator is None or me.denominator is None):
            c.add("measurements", i, "value", "a value, or a numerator and a denominator, is due")
        c.length("measurements", i, "evidence_link", me.evidence_link, URL_LENGTH)
        c.length("measurements", i, "entered_by", me.entered_by, SHORT_LENGTH)

    splits = _list(content.disaggregations)
    c.unique(
        "disaggregations", "category",
        ((d.kpi, d.period_start, d.period_end, d.dimension, d.category) for d in splits),
        lambda i: f"{splits[i].dimension} / {splits[i].category} of this measurement",
    )  # fmt: skip
    for i, d in enumerate(splits):
        if (d.kpi, d.period_start, d.period_end) not in measured:
            c.known("disaggregations", i, "period_end", (d.kpi, d.period_start, d.period_end),
                    measured, f"no measurement of KPI {d.kpi} for this period in the sheet "
                    "measurements")  # fmt: skip
        c.number("disaggregations", i, "value", d.value, QUANTITY)
        c.length("disaggregations", i, "dimension", d.dimension, SHORT_LENGTH)
        c.length("disaggregations", i, "category", d.category, SHORT_LENGTH)
    return c.problems


def _list(items: Iterable[T]) -> Sequence[T]:
    assert isinstance(items, list), "read content holds lists"
    return items


def _no_pillar(code: str) -> str:
    return f"pillar {code} is not in the sheet pillars"


def _no_initiative(code: str) -> str:
    return f"initiative {code} is not in the sheet initiatives (under this pillar)"
