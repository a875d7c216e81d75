"""The demo contract-program: the Ministry of Digital Transition and Maroc Numeric Cluster.

Facts come from the source article (shared/reference/seed-article-fr.txt):
the parties and signatories, MNC founded in 2010, CDG as JobIntech's partner,
the three pillars and their objectives, JobIntech's pilot (1,000 learners,
734 graduates, 72% placed) and the other lines of action named under each
pillar. Everything else (dates, budgets, targets, the split of the pilot
figures by quarter, monthly figures) is illustrative and says so in its note.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    OrganizationKind,
    PartyRole,
)
from pilotage.domain.periods import period_bounds

ILLUSTRATIVE = "Illustratif : la source ne donne pas ce chiffre."
ARTICLE = "Source : article sur la signature du contrat-programme (chiffres de la phase pilote)."

REFERENCE = "CP-MTNRA-MNC"

ORGANIZATIONS = (
    {
        "acronym": "MTNRA",
        "name": "Ministère de la Transition numérique et de la Réforme de l'administration",
        "kind": OrganizationKind.MINISTRY,
        "founded_year": None,
        "notes": "",
    },
    {
        "acronym": "MNC",
        "name": "Maroc Numeric Cluster",
        "kind": OrganizationKind.ASSOCIATION,
        "founded_year": 2010,
        "notes": "Promeut l'innovation numérique depuis sa création en 2010.",
    },
    {
        "acronym": "CDG",
        "name": "Caisse de Dépôt et de Gestion",
        "kind": OrganizationKind.PUBLIC_INSTITUTION,
        "founded_year": None,
        "notes": "Partenaire de MNC pour JobIntech.",
    },
)

PROGRAM = {
    "reference": REFERENCE,
    "title": "Contrat-programme pour le développement de l'innovation digitale",
    "description": (
        "Contrat-programme entre le ministère de la Transition numérique et de la Réforme "
        "de l'administration et Maroc Numeric Cluster pour favoriser le développement de "
        "l'innovation digitale, en s'appuyant sur l'expérience acquise par MNC depuis 2010. "
        "Dates, budgets et cibles : illustratifs."
    ),
    "signed_on": date(2024, 11, 15),
    "start_date": date(2024, 1, 1),
    "end_date": date(2026, 12, 31),
    "currency": "MAD",
    "total_budget": Decimal("30000000.00"),
}

PARTIES = (
    ("MTNRA", PartyRole.CONTRACTING_AUTHORITY, "Ghita Mezzour",
     "Ministre déléguée chargée de la Transition numérique et de la Réforme de l'administration"),
    ("MNC", PartyRole.CONTRACTOR, "Mehdi Kettani", "Président de Maroc Numeric Cluster"),
    ("CDG", PartyRole.PARTNER, "", ""),
)  # fmt: skip


@dataclass(frozen=True)
class DemoMeasurement:
    period_start: date
    period_end: date
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    status: MeasurementStatus = MeasurementStatus.VALIDATED
    comment: str = ""
    by_sex: tuple[Decimal, Decimal] | None = None  # (women, men)


@dataclass(frozen=True)
class DemoKpi:
    code: str
    name: str
    definition: str
    unit: str
    measure: Measure
    aggregation: Aggregation
    frequency: Frequency
    baseline: Decimal
    baseline_date: date
    target: Decimal
    target_date: date
    data_source: str
    note: str
    direction: Direction = Direction.INCREASE
    measurements: tuple[DemoMeasurement, ...] = ()
    revised: tuple[tuple[date, Decimal, date, str], ...] = ()  # (period end, value, on, reason)


@dataclass(frozen=True)
class DemoInitiative:
    code: str
    name: str
    description: str
    lead: str
    partners: tuple[str, ...]
    start: date
    end: date
    status: InitiativeStatus
    budget: Decimal
    kpis: tuple[DemoKpi, ...] = ()
    milestones: tuple[tuple[str, date, date | None], ...] = ()
    budget_lines: tuple[tuple[int, Decimal, Decimal, Decimal], ...] = ()


@dataclass(frozen=True)
class DemoPillar:
    code: str
    title: str
    objective: str
    initiatives: tuple[DemoInitiative, ...] = field(default_factory=tuple)


def q(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a calendar quarter."""
    return period_bounds(Frequency.QUARTERLY, date(year, 3 * quarter - 2, 1))


def half(year: int, number: int) -> tuple[date, date]:
    return period_bounds(Frequency.HALF_YEARLY, date(year, 6 * number - 5, 1))


def monthly(values: list[int], year: int, first_month: int) -> tuple[DemoMeasurement, ...]:
    """Consecutive monthly measurements from (year, first_month); the newest stay drafts."""
    out = []
    for offset, value in enumerate(values):
        y, m = year + (first_month - 1 + offset) // 12, (first_month - 1 + offset) % 12 + 1
        start, end = period_bounds(Frequency.MONTHLY, date(y, m, 1))
        status = (
            MeasurementStatus.VALIDATED
            if offset < len(values) - 2
            else (
                MeasurementStatus.SUBMITTED
                if offset == len(values) - 2
                else MeasurementStatus.DRAFT
            )
        )
        out.append(DemoMeasurement(start, end, Decimal(value), status=status))
    return tuple(out)


PILOT_START = date(2024, 1, 1)
PILOT_END = date(2024, 12, 31)
D = Decimal

JOBINTECH = DemoInitiative(
    code="P1-JIT",
    name="JobIntech",
    description=(
        "Formations intensives et qualifiantes visant à former un grand nombre de "
        "professionnels de l'informatique, lancées en collaboration avec MNC et CDG. "
        "Phase pilote : 1 000 apprenants, 734 diplômés, taux d'insertion de 72 %."
    ),
    lead="MNC",
    partners=("CDG",),
    start=PILOT_START,
    end=date(2026, 12, 31),
    status=InitiativeStatus.RUNNING,
    budget=D("12000000.00"),
    kpis=(
        DemoKpi(
            code="JIT-APP",
            name="Apprenants inscrits (phase pilote)",
            definition="Nombre d'apprenants ayant commencé une formation JobIntech.",
            unit="apprenants",
            measure=Measure.COUNT,
            aggregation=Aggregation.SUM,
            frequency=Frequency.QUARTERLY,
            baseline=D(0),
            baseline_date=PILOT_START,
            target=D(1000),
            target_date=PILOT_END,
            data_source="Registre des inscriptions JobIntech (MNC)",
            note=ARTICLE + " Répartition par trimestre : illustrative.",
            measurements=(
                DemoMeasurement(*q(2024, 1), value=D(330), comment="Cohorte A"),
                DemoMeasurement(*q(2024, 2), value=D(350), comment="Cohorte B"),
                DemoMeasurement(*q(2024, 3), value=D(320), comment="Cohorte C"),
            ),
        ),
        DemoKpi(
            code="JIT-DIP",
            name="Diplômés",
            definition="Nombre d'apprenants ayant obtenu leur diplôme JobIntech.",
            unit="diplômés",
            measure=Measure.COUNT,
            aggregation=Aggregation.SUM,
            frequency=Frequency.QUARTERLY,
            baseline=D(0),
            baseline_date=PILOT_START,
            target=D(800),
            target_date=PILOT_END,
            data_source="Procès-verbaux de jury (MNC)",
            note=ARTICLE + " Cible et répartition par trimestre : illustratives.",
            measurements=(
                DemoMeasurement(*q(2024, 2), value=D(240), by_sex=(D(104), D(136))),
                DemoMeasurement(*q(2024, 3), value=D(260), by_sex=(D(118), D(142))),
                DemoMeasurement(*q(2024, 4), value=D(234), by_sex=(D(110), D(124))),
            ),
        ),
        DemoKpi(
            code="JIT-TXD",
            name="Taux de diplomation",
            definition="Diplômés rapportés aux apprenants de leur cohorte.",
            unit="%",
            measure=Measure.RATIO,
            aggregation=Aggregation.SUM,
            frequency=Frequency.QUARTERLY,
            baseline=D(0),
            baseline_date=PILOT_START,
            target=D("0.8"),
            target_date=PILOT_END,
            data_source="Registre des inscriptions et procès-verbaux de jury (MNC)",
            note=ARTICLE + " 734 / 1 000 ; répartition par cohorte et cible illustratives.",
            measurements=(
                DemoMeasurement(*q(2024, 2), numerator=D(240), denominator=D(330)),
                DemoMeasurement(*q(2024, 3), numerator=D(260), denominator=D(350)),
                DemoMeasurement(*q(2024, 4), numerator=D(234), denominator=D(320)),
            ),
        ),
        DemoKpi(
            code="JIT-INS",
            name="Taux d'insertion dans l'emploi",
            definition="Part des diplômés en emploi six mois après la fin de leur formation.",
            unit="%",
            measure=Measure.PERCENTAGE,
            aggregation=Aggregation.LATEST,
            frequency=Frequency.HALF_YEARLY,
            baseline=D(0),
            baseline_date=PILOT_START,
            target=D(75),
            target_date=date(2025, 6, 30),
            data_source="Enquête d'insertion auprès des diplômés (MNC, CDG)",
            note=ARTICLE + " Cible illustrative.",
            measurements=(DemoMeasurement(*half(2024, 2), value=D(72)),),
        ),
    ),
    milestones=(
        ("Lancement de la phase pilote", date(2024, 1, 15), date(2024, 1, 15)),
        ("Première promotion diplômée", date(2024, 6, 30), date(2024, 6, 28)),
        ("Bilan de la phase pilote", date(2025, 1, 31), date(2025, 3, 10)),
        ("Passage à l'échelle : cahier des charges", date(2025, 9, 30), None),
    ),
    budget_lines=(
        (2024, D("4000000.00"), D("3800000.00"), D("3500000.00")),
        (2025, D("4000000.00"), D("2500000.00"), D("1200000.00")),
        (2026, D("4000000.00"), D(0), D(0)),
    ),
)


def illustrative_kpi(code: str, name: str, definition: str, unit: str, **rest: object) -> DemoKpi:
    """An illustrative KPI: its targets and figures are made up for the demo."""
    values: dict[str, object] = {
        "measure": Measure.COUNT,
        "aggregation": Aggregation.SUM,
        "frequency": Frequency.QUARTERLY,
        "baseline": D(0),
        "baseline_date": PILOT_START,
        "target_date": date(2026, 12, 31),
        "data_source": "Rapports d'activité de MNC",
        "note": ILLUSTRATIVE,
        **rest,
    }
    return DemoKpi(code, name, definition, unit, **values)  # type: ignore[arg-type]


QUARTERS_2024_2025 = [q(2024, n) for n in range(1, 5)] + [q(2025, n) for n in range(1, 5)]


def quarterly(values: list[int]) -> tuple[DemoMeasurement, ...]:
    return tuple(
        DemoMeasurement(start, end, D(v))
        for (start, end), v in zip(QUARTERS_2024_2025, values, strict=False)
    )
