"""The demo's three pillars, their initiatives and KPIs, and the program's own KPIs.

JobIntech and the lines of action come from the source article; every target and
figure beyond the article's is illustrative (see demo_data.ILLUSTRATIVE).
"""

from __future__ import annotations

from datetime import date

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
)
from pilotage.services.demo_data import (
    JOBINTECH,
    PILOT_START,
    D,
    DemoInitiative,
    DemoMeasurement,
    DemoPillar,
    half,
    illustrative_kpi,
    monthly,
    q,
    quarterly,
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
                    illustrative_kpi(
                        "VIV-TAL",
                        "Talents formés par les initiatives partenaires",
                        "Personnes formées aux métiers du numérique hors JobIntech.",
                        "personnes",
                        frequency=Frequency.MONTHLY,
                        baseline_date=date(2025, 1, 1),
                        target=D(1500),
                        measurements=monthly(
                            [40, 55, 60, 48, 70, 65, 30, 25, 80, 75, 72, 68], 2025, 1
                        ),
                    ),
                    illustrative_kpi(
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
                start=PILOT_START,
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("6000000.00"),
                kpis=(
                    illustrative_kpi(
                        "EVT-NB",
                        "Événements organisés",
                        "Événements (rencontres, ateliers, concours) organisés par MNC.",
                        "événements",
                        frequency=Frequency.MONTHLY,
                        target=D(60),
                        measurements=monthly(
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
                    illustrative_kpi(
                        "EVT-ENT",
                        "Entreprises formées",
                        "Startups et TPE-PME ayant suivi au moins une formation.",
                        "entreprises",
                        target=D(800),
                        measurements=quarterly([40, 55, 35, 70, 60, 65, 30, 80]),
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
                start=PILOT_START,
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("2000000.00"),
                kpis=(
                    illustrative_kpi(
                        "ACC-CONV",
                        "Conventions de collaboration signées",
                        "Conventions signées avec incubateurs, accélérateurs et associations.",
                        "conventions",
                        target=D(20),
                        measurements=quarterly([1, 2, 0, 2, 1, 1, 0, 1]),
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
                start=PILOT_START,
                end=date(2026, 12, 31),
                status=InitiativeStatus.RUNNING,
                budget=D("1500000.00"),
                kpis=(
                    illustrative_kpi(
                        "VEI-NOT",
                        "Notes de veille publiées",
                        "Notes d'analyse des tendances numériques publiées par MNC.",
                        "notes",
                        target=D(24),
                        measurements=quarterly([2, 2, 1, 3, 2, 2, 2, 1]),
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
                    illustrative_kpi(
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
                    illustrative_kpi(
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
    illustrative_kpi(
        "CP-PART",
        "Partenaires mobilisés",
        "Organisations engagées par convention dans les actions du contrat-programme.",
        "organisations",
        aggregation=Aggregation.LATEST,
        target=D(30),
        measurements=quarterly([3, 5, 6, 8, 10, 11, 12, 14]),
    ),
)
