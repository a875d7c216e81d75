"""The checks of a program workbook that need several sheets or the database's limits.

Each record must name records that exist (a pillar's code, an initiative's, a KPI's,
an organization of the organizations sheet), must not repeat one (the same KPI and
period twice), and must hold what the database would accept (lengths, decimal places,
dates in order, a revision dated). Every problem names its sheet, row and column; the
import writes nothing unless there is none.

The problems are the analyst's (a colleague's program workbook, not a partner's figures):
whole `translate("Import", …)` templates, in the window's language (English on the
command line); no partner's `speaking` scope is ever open around them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import TypeVar

from pilotage.db.base import (
    CODE_LENGTH,
    CURRENCY_LENGTH,
    NAME_LENGTH,
    NOTE_LENGTH,
    SHORT_LENGTH,
    URL_LENGTH,
)
from pilotage.domain.messages import translate
from pilotage.exchange.program_content import (
    KpiKey,
    ProgramWorkbookContent,
    SheetProblem,
)
from pilotage.services.program_check_rules import (
    Checks,
    no_initiative,
    no_measurement,
    no_organization,
    no_pillar,
)

T = TypeVar("T")
MONEY = (18, 2)  # digits, places: db.base.money()
QUANTITY = (24, 6)  # db.base.quantity()
THRESHOLD = (5, 4)  # Kpi.green, Kpi.amber


def check_content(
    content: ProgramWorkbookContent, rows: dict[str, list[int]]
) -> list[SheetProblem]:
    """Every problem of content read from a workbook (its rows: row numbers per sheet).

    `content.measurements` and `content.disaggregations` must be lists here."""
    c = Checks(rows)
    p = content.program
    c.length("program", 0, "reference", p.reference, CODE_LENGTH)
    c.length("program", 0, "title", p.title, NAME_LENGTH)
    c.length("program", 0, "currency", p.currency, CURRENCY_LENGTH)
    c.length("program", 0, "description", p.description, NOTE_LENGTH)
    c.order("program", 0, "end_date", p.start_date, p.end_date)
    c.number("program", 0, "total_budget", p.total_budget, MONEY, floor="zero")

    orgs = c.unique(
        "organizations",
        "acronym",
        (o.key for o in content.organizations),
        lambda i, row: translate("Import", "organization {key} is already on row {row}").format(
            key=content.organizations[i].key, row=row
        ),
    )
    for i, o in enumerate(content.organizations):
        c.length("organizations", i, "name", o.name, NAME_LENGTH)
        c.length("organizations", i, "acronym", o.acronym, CODE_LENGTH)
        c.length("organizations", i, "website", o.website, URL_LENGTH)
        c.length("organizations", i, "notes", o.notes, NOTE_LENGTH)
        if o.founded_year is not None and not 1000 <= o.founded_year <= 9999:
            c.add(
                "organizations",
                i,
                "founded_year",
                translate("Import", "{year} is not a year").format(year=o.founded_year),
            )

    c.unique(
        "parties",
        "role",
        ((x.organization, x.role) for x in content.parties),
        lambda i, row: translate(
            "Import", "{organization} as {role} is already on row {row}"
        ).format(
            organization=content.parties[i].organization,
            role=content.parties[i].role.value,
            row=row,
        ),
    )
    for i, x in enumerate(content.parties):
        c.known(
            "parties",
            i,
            "organization",
            x.organization,
            orgs,
            partial(no_organization, x.organization),
        )
        c.length("parties", i, "signatory_name", x.signatory_name, NAME_LENGTH)
        c.length("parties", i, "signatory_title", x.signatory_title, NAME_LENGTH)

    pillars = c.unique(
        "pillars",
        "code",
        (x.code for x in content.pillars),
        lambda i, row: translate("Import", "pillar {code} is already on row {row}").format(
            code=content.pillars[i].code, row=row
        ),
    )
    c.unique(
        "pillars",
        "position",
        (x.position for x in content.pillars),
        lambda i, row: translate("Import", "position {position} is already on row {row}").format(
            position=content.pillars[i].position, row=row
        ),
    )
    for i, pl in enumerate(content.pillars):
        if pl.position < 1:
            c.add(
                "pillars",
                i,
                "position",
                translate("Import", "{position} is not a position (1, 2, 3…)").format(
                    position=pl.position
                ),
            )
        c.length("pillars", i, "code", pl.code, CODE_LENGTH)
        c.length("pillars", i, "title", pl.title, NAME_LENGTH)
        c.length("pillars", i, "objective", pl.objective, NOTE_LENGTH)

    initiatives = c.unique(
        "initiatives",
        "code",
        ((x.pillar, x.code) for x in content.initiatives),
        lambda i, row: translate("Import", "initiative {code} is already on row {row}").format(
            code=content.initiatives[i].code, row=row
        ),
    )
    for i, n in enumerate(content.initiatives):
        c.known("initiatives", i, "pillar", n.pillar, pillars, partial(no_pillar, n.pillar))
        if n.lead:
            c.known(
                "initiatives",
                i,
                "lead_organization",
                n.lead,
                orgs,
                partial(no_organization, n.lead),
            )
        for partner in n.partners:
            c.known("initiatives", i, "partners", partner, orgs, partial(no_organization, partner))
        c.length("initiatives", i, "code", n.code, CODE_LENGTH)
        c.length("initiatives", i, "name", n.name, NAME_LENGTH)
        c.length("initiatives", i, "description", n.description, NOTE_LENGTH)
        c.order("initiatives", i, "end_date", n.start_date, n.end_date)
        c.number("initiatives", i, "planned_budget", n.planned_budget, MONEY, floor="zero")

    def initiative(sheet: str, index: int, pillar: str, code: str) -> None:
        if c.known(sheet, index, "pillar", pillar, pillars, lambda: no_pillar(pillar)):
            c.known(
                sheet,
                index,
                "initiative",
                (pillar, code),
                initiatives,
                lambda: no_initiative(code),
            )

    for i, m in enumerate(content.milestones):
        initiative("milestones", i, m.pillar, m.initiative)
        c.length("milestones", i, "title", m.title, NAME_LENGTH)
        c.length("milestones", i, "note", m.note, NOTE_LENGTH)
    c.unique(
        "budget_lines",
        "year",
        ((b.pillar, b.initiative, b.year) for b in content.budget_lines),
        lambda i, row: translate(
            "Import", "the year {year} of this initiative is already on row {row}"
        ).format(year=content.budget_lines[i].year, row=row),
    )
    for i, b in enumerate(content.budget_lines):
        initiative("budget_lines", i, b.pillar, b.initiative)
        if not 1900 <= b.year <= 2200:
            c.add(
                "budget_lines",
                i,
                "year",
                translate("Import", "{year} is not a year between 1900 and 2200").format(
                    year=b.year
                ),
            )
        for column, amount in (
            ("planned", b.planned),
            ("committed", b.committed),
            ("disbursed", b.disbursed),
        ):
            c.number("budget_lines", i, column, amount, MONEY, floor="zero")

    kpis = c.unique(
        "kpis",
        "code",
        (k.key for k in content.kpis),
        lambda i, row: translate("Import", "KPI {key} is already on row {row}").format(
            key=content.kpis[i].key, row=row
        ),
    )
    for i, k in enumerate(content.kpis):
        if (
            k.key.pillar
            and c.known(
                "kpis", i, "pillar", k.key.pillar, pillars, partial(no_pillar, k.key.pillar)
            )
            and k.key.initiative
        ):
            c.known(
                "kpis",
                i,
                "initiative",
                (k.key.pillar, k.key.initiative),
                initiatives,
                partial(no_initiative, k.key.initiative),
            )
        if k.responsible:
            c.known(
                "kpis",
                i,
                "responsible_organization",
                k.responsible,
                orgs,
                partial(no_organization, k.responsible),
            )
        c.length("kpis", i, "code", k.key.code, CODE_LENGTH)
        c.length("kpis", i, "name", k.name, NAME_LENGTH)
        c.length("kpis", i, "unit", k.unit, SHORT_LENGTH)
        for column in ("definition", "data_source", "means_of_verification"):
            c.length("kpis", i, column, getattr(k, column), NOTE_LENGTH)
        c.order("kpis", i, "target_date", k.baseline_date, k.target_date)
        c.number("kpis", i, "baseline_value", k.baseline_value, QUANTITY)
        c.number("kpis", i, "target_value", k.target_value, QUANTITY)
        c.number("kpis", i, "green", k.green, THRESHOLD, floor="above")
        c.number("kpis", i, "amber", k.amber, THRESHOLD, floor="above")
        if k.green is not None and k.amber is not None and k.amber > k.green:
            c.add(
                "kpis",
                i,
                "amber",
                translate("Import", "{amber} is above green ({green})").format(
                    amber=k.amber, green=k.green
                ),
            )

    def kpi(sheet: str, index: int, key: KpiKey) -> None:
        if key not in kpis:  # the sentence written only for a row that needs it
            c.known(
                sheet,
                index,
                "kpi",
                key,
                kpis,
                lambda: translate("Import", "KPI {key} is not in the sheet kpis").format(key=key),
            )

    c.unique(
        "targets",
        "revision",
        ((t.kpi, t.period_end, t.revision) for t in content.targets),
        lambda i, row: translate(
            "Import", "revision {revision} of this KPI and period is already on row {row}"
        ).format(revision=content.targets[i].revision, row=row),
    )
    for i, t in enumerate(content.targets):
        kpi("targets", i, t.kpi)
        c.number("targets", i, "value", t.value, QUANTITY)
        c.length("targets", i, "reason", t.reason, NOTE_LENGTH)
        if t.revision < 0:
            c.add(
                "targets",
                i,
                "revision",
                translate("Import", "{revision}: 0 is the original, 1 its revision…").format(
                    revision=t.revision
                ),
            )
        elif (t.revision == 0) != (t.revised_on is None):
            c.add(
                "targets",
                i,
                "revised_on",
                translate("Import", "a revision (1, 2…) has a date; the original none"),
            )

    measurements = _list(content.measurements)
    measured = c.unique(
        "measurements",
        "period_end",
        ((m.kpi, m.period_start, m.period_end) for m in measurements),
        lambda i, row: translate("Import", "this KPI and period is already on row {row}").format(
            row=row
        ),
    )
    for i, me in enumerate(measurements):
        kpi("measurements", i, me.kpi)
        c.order("measurements", i, "period_end", me.period_start, me.period_end)
        for column, value in (
            ("value", me.value),
            ("numerator", me.numerator),
            ("denominator", me.denominator),
        ):
            c.number(
                "measurements",
                i,
                column,
                value,
                QUANTITY,
                floor="above" if column == "denominator" else "",
            )
        if me.value is None and (me.numerator is None or me.denominator is None):
            c.add(
                "measurements",
                i,
                "value",
                translate("Import", "a value, or a numerator and a denominator, is due"),
            )
        c.length("measurements", i, "evidence_link", me.evidence_link, URL_LENGTH)
        c.length("measurements", i, "entered_by", me.entered_by, SHORT_LENGTH)
        c.length("measurements", i, "comment", me.comment, NOTE_LENGTH)

    splits = _list(content.disaggregations)
    c.unique(
        "disaggregations",
        "category",
        ((d.kpi, d.period_start, d.period_end, d.dimension, d.category) for d in splits),
        lambda i, row: translate(
            "Import", "{dimension} / {category} of this measurement is already on row {row}"
        ).format(dimension=splits[i].dimension, category=splits[i].category, row=row),
    )
    for i, d in enumerate(splits):
        if (d.kpi, d.period_start, d.period_end) not in measured:
            c.known(
                "disaggregations",
                i,
                "period_end",
                (d.kpi, d.period_start, d.period_end),
                measured,
                partial(no_measurement, d.kpi),
            )
        c.number("disaggregations", i, "value", d.value, QUANTITY)
        c.length("disaggregations", i, "dimension", d.dimension, SHORT_LENGTH)
        c.length("disaggregations", i, "category", d.category, SHORT_LENGTH)
    return c.problems


def _list(items: Iterable[T]) -> Sequence[T]:
    assert isinstance(items, list), "read content holds lists"
    return items
