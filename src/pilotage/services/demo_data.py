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


def _monthly(values: list[int], year: int, first_month: int) -> tuple[DemoMeasurement, ...]:
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


_PILOT_START = date(2024, 1, 1)
_PILOT_END = date(2024, 12, 31)
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
    start=_PILOT_START,
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
            baseline_date=_PILOT_START,
            target=D(1000),
            target_date=_PILOT_END,
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
            baseline_date=_PILOT_START,
            target=D(800),
            target_date=_PILOT_END,
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
            baseline_date=_PILOT_START,
            target=D("0.8"),
            target_date=_PILOT_END,
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
            baseline_date=_PILOT_START,
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


def _kpi(code: str, name: str, definition: str, unit: str, **rest: object) -> DemoKpi:
    """An illustrative KPI: its targets and figures are made up for the demo."""
    values: dict[str, object] = {
        "measure": Measure.COUNT,
        "aggregation": Aggregation.SUM,
        "frequency": Frequency.QUARTERLY,
        "baseline": D(0),
        "baseline_date": _PILOT_START,
        "target_date": date(2026, 12, 31),
        "data_source": "Rapports d'activité de MNC",
        "note": ILLUSTRATIVE,
        **rest,
    }
    return DemoKpi(code, name, definition, unit, **values)  # type: ignore[arg-type]


_QUARTERS_2024_2025 = [q(2024, n) for n in range(1, 5)] + [q(2025, n) for n in range(1, 5)]


def _quarterly(values: list[int]) -> tuple[DemoMeasurement, ...]:
    return tuple(
        DemoMeasurement(start, end, D(v))
        for (start, end), v in zip(_QUARTERS_2024_2025, values, strict=False)
    )


PILLARS = (
    DemoPillar(
        code="P1",
        title="Compétences numériques",
        objective=(
            "Renforcer les compétences numériques en massifiant l'offre de formation-insertion, "
            "en particulier dans le domaine de l'informatique."
        ),
        initiatives=(
            JOBINTECH,
            DemoInitiative(
                code="P1-VIV",
                name="Autres initiatives pour le vivier de talents",
                description=(
                    "Contribution de MNC à d'autres initiatives visant à renforcer le vivier "
                    "de talents du secteur numérique."
                ),
                lead="MNC",
                partners=(),
                start=date(2025, 1, 1),
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("5000000.00"),
                kpis=(
                    _kpi(
                        "VIV-TAL",
                        "Talents formés par les initiatives partenaires",
                        "Personnes formées aux métiers du numérique hors JobIntech.",
                        "personnes",
                        frequency=Frequency.MONTHLY,
                        baseline_date=date(2025, 1, 1),
                        target=D(1500),
                        measurements=_monthly(
                            [40, 55, 60, 48, 70, 65, 30, 25, 80, 75, 72, 68], 2025, 1
                        ),
                    ),
                    _kpi(
                        "VIV-DEL",
                        "Délai moyen d'accès à l'emploi",
                        "Mois entre la fin de la formation et le premier emploi.",
                        "mois",
                        measure=Measure.AMOUNT,
                        aggregation=Aggregation.LATEST,
                        direction=Direction.DECREASE,
                        frequency=Frequency.HALF_YEARLY,
                        baseline=D(9),
                        baseline_date=date(2025, 1, 1),
                        target=D(4),
                        measurements=(
                            DemoMeasurement(*half(2025, 1), value=D("8.5")),
                            DemoMeasurement(*half(2025, 2), value=D("7.2")),
                        ),
                    ),
                ),
                milestones=(("Cartographie des initiatives partenaires", date(2025, 3, 31), None),),
                budget_lines=(
                    (2025, D("2500000.00"), D("2000000.00"), D("1500000.00")),
                    (2026, D("2500000.00"), D("500000.00"), D(0)),
                ),
            ),
        ),
    ),
    DemoPillar(
        code="P2",
        title="Écosystème des startups et des TPE-PME",
        objective=(
            "Dynamiser l'écosystème des startups et des petites et moyennes entreprises "
            "(TPE-PME) en organisant des événements et des formations, et promouvoir la culture "
            "de l'innovation et de l'entrepreneuriat dans le secteur numérique."
        ),
        initiatives=(
            DemoInitiative(
                code="P2-EVT",
                name="Événements et formations pour startups et TPE-PME",
                description="Événements et formations organisés par MNC pour l'écosystème.",
                lead="MNC",
                partners=(),
                start=_PILOT_START,
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("6000000.00"),
                kpis=(
                    _kpi(
                        "EVT-NB",
                        "Événements organisés",
                        "Événements (rencontres, ateliers, concours) organisés par MNC.",
                        "événements",
                        frequency=Frequency.MONTHLY,
                        target=D(60),
                        measurements=_monthly(
                            [1, 2, 2, 1, 3, 2, 0, 1, 3, 2, 2, 3, 2, 2, 3, 1, 2, 2, 0, 1, 2, 3, 2],
                            2024,
                            1,
                        ),
                        revised=(
                            (
                                date(2025, 12, 31),
                                D(40),
                                date(2025, 6, 30),
                                "Calendrier resserré après la revue à mi-parcours",
                            ),
                        ),
                    ),
                    _kpi(
                        "EVT-ENT",
                        "Entreprises formées",
                        "Startups et TPE-PME ayant suivi au moins une formation.",
                        "entreprises",
                        target=D(800),
                        measurements=_quarterly([40, 55, 35, 70, 60, 65, 30, 80]),
                    ),
                ),
                milestones=(
                    ("Programme annuel d'événements 2025", date(2025, 1, 31), date(2025, 2, 12)),
                    ("Programme annuel d'événements 2026", date(2026, 1, 31), None),
                ),
                budget_lines=(
                    (2024, D("2000000.00"), D("1900000.00"), D("1850000.00")),
                    (2025, D("2000000.00"), D("2100000.00"), D("1700000.00")),
                ),
            ),
            DemoInitiative(
                code="P2-ACC",
                name="Collaboration avec incubateurs, accélérateurs et associations",
                description=(
                    "Collaboration de MNC avec des incubateurs, des accélérateurs et des "
                    "associations professionnelles pour stimuler l'écosystème."
                ),
                lead="MNC",
                partners=(),
                start=_PILOT_START,
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("2000000.00"),
                kpis=(
                    _kpi(
                        "ACC-CONV",
                        "Conventions de collaboration signées",
                        "Conventions signées avec incubateurs, accélérateurs et associations.",
                        "conventions",
                        target=D(20),
                        measurements=_quarterly([1, 2, 0, 2, 1, 1, 0, 1]),
                    ),
                ),
            ),
        ),
    ),
    DemoPillar(
        code="P3",
        title="Veille et production de contenu",
        objective=(
            "Analyser les dernières tendances numériques, stimuler l'innovation dans le secteur "
            "numérique et créer une base d'échange pour partager les meilleures pratiques entre "
            "les acteurs du secteur et les partenaires de Maroc Numeric Cluster."
        ),
        initiatives=(
            DemoInitiative(
                code="P3-VEI",
                name="Veille sur les tendances numériques",
                description="Analyse des dernières tendances numériques.",
                lead="MNC",
                partners=(),
                start=_PILOT_START,
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("1500000.00"),
                kpis=(
                    _kpi(
                        "VEI-NOT",
                        "Notes de veille publiées",
                        "Notes d'analyse des tendances numériques publiées par MNC.",
                        "notes",
                        target=D(24),
                        measurements=_quarterly([2, 2, 1, 3, 2, 2, 2, 1]),
                    ),
                ),
            ),
            DemoInitiative(
                code="P3-INN",
                name="Stimulation de l'innovation dans le secteur numérique",
                description="Actions de stimulation de l'innovation dans le secteur numérique.",
                lead="MNC",
                partners=(),
                start=date(2025, 1, 1),
                end=date(2026, 12, 31),
                status=InitiativeStatus.PLANNED,
                budget=D("1500000.00"),
            ),
            DemoInitiative(
                code="P3-BEX",
                name="Base d'échange de bonnes pratiques",
                description=(
                    "Base d'échange pour partager les meilleures pratiques entre les acteurs du "
                    "secteur et les partenaires de Maroc Numeric Cluster."
                ),
                lead="MNC",
                partners=("CDG",),
                start=date(2024, 6, 1),
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("2000000.00"),
                kpis=(
                    _kpi(
                        "BEX-LIG",
                        "Base d'échange en ligne",
                        "La base d'échange est ouverte aux membres.",
                        "",
                        measure=Measure.YES_NO,
                        aggregation=Aggregation.LATEST,
                        frequency=Frequency.ONE_OFF,
                        baseline_date=date(2024, 6, 1),
                        target=D(1),
                        target_date=date(2025, 6, 30),
                        measurements=(
                            DemoMeasurement(date(2025, 5, 20), date(2025, 5, 20), value=D(1)),
                        ),
                    ),
                    _kpi(
                        "BEX-MEM",
                        "Membres actifs de la base d'échange",
                        "Membres ayant contribué ou consulté la base dans le trimestre.",
                        "membres",
                        aggregation=Aggregation.LATEST,
                        baseline_date=date(2025, 4, 1),
                        target=D(500),
                        measurements=(
                            DemoMeasurement(*q(2025, 2), value=D(85)),
                            DemoMeasurement(*q(2025, 3), value=D(140)),
                            DemoMeasurement(
                                *q(2025, 4), value=D(190), status=MeasurementStatus.SUBMITTED
                            ),
                        ),
                    ),
                ),
                milestones=(
                    ("Ouverture de la base d'échange", date(2025, 3, 31), date(2025, 5, 20)),
                ),
            ),
        ),
    ),
)

PROGRAM_KPIS = (
    _kpi(
        "CP-PART",
        "Partenaires mobilisés",
        "Organisations engagées par convention dans les actions du contrat-programme.",
        "organisations",
        aggregation=Aggregation.LATEST,
        target=D(30),
        measurements=_quarterly([3, 5, 6, 8, 10, 11, 12, 14]),
    ),
)
