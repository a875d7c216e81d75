"""Helpers shared by the KPI, target and measurement service tests.

Pillars and initiatives are written as ORM rows directly: these tests are
about KPIs, not about the services that manage the program's structure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Pillar
from pilotage.domain.enums import Aggregation, Frequency, InitiativeStatus, Measure, OwnerKind
from pilotage.services.kpis import KpiInput, KpiOwner, KpiRow, create_kpi
from pilotage.services.measurements import DisaggregationInput
from pilotage.services.programs import ProgramInput, create_program

D = Decimal
Q1 = (date(2024, 1, 1), date(2024, 3, 31))
Q2 = (date(2024, 4, 1), date(2024, 6, 30))
Q3 = (date(2024, 7, 1), date(2024, 9, 30))


@dataclass(frozen=True)
class Tree:
    """A program with pillars P1, P2... the first holding one initiative (JIT)."""

    program_id: int
    pillar_id: int
    initiative_id: int
    pillar_ids: tuple[int, ...]  # every pillar, by position

    @property
    def program(self) -> KpiOwner:
        return KpiOwner(OwnerKind.PROGRAM, self.program_id)

    @property
    def pillar(self) -> KpiOwner:
        return KpiOwner(OwnerKind.PILLAR, self.pillar_id)

    @property
    def initiative(self) -> KpiOwner:
        return KpiOwner(OwnerKind.INITIATIVE, self.initiative_id)


def make_tree(db: Database, reference: str = "CP-MNC-2024", pillars: int = 1) -> Tree:
    program = create_program(
        db,
        ProgramInput(
            reference=reference,
            title="Contrat-programme MNC",
            start_date=date(2024, 1, 1),
            end_date=date(2026, 12, 31),
        ),
    )
    with db.transaction() as session:
        created = []
        for position in range(1, pillars + 1):
            pillar = Pillar(
                program_id=program.id,
                position=position,
                code=f"P{position}",
                title=f"Levier {position}",
                objective="",
            )
            session.add(pillar)
            created.append(pillar)
        session.flush()
        initiative = Initiative(
            pillar_id=created[0].id,
            code="JIT",
            name="JobIntech",
            status=InitiativeStatus.RUNNING,
        )
        session.add(initiative)
        session.flush()
        return Tree(program.id, created[0].id, initiative.id, tuple(p.id for p in created))


def add_initiative(db: Database, pillar_id: int, code: str) -> int:
    with db.transaction() as session:
        initiative = Initiative(
            pillar_id=pillar_id, code=code, name=code, status=InitiativeStatus.RUNNING
        )
        session.add(initiative)
        session.flush()
        return initiative.id


LEARNERS = KpiInput(
    code="K1",
    name="Apprenants formés",
    measure=Measure.COUNT,
    aggregation=Aggregation.SUM,
    frequency=Frequency.QUARTERLY,
    unit="learners",
    baseline_value=D(0),
    baseline_date=date(2024, 1, 1),
    target_value=D(1000),
    target_date=date(2025, 12, 31),
)

PLACEMENT = KpiInput(
    code="K2",
    name="Taux d'insertion",
    measure=Measure.RATIO,
    aggregation=Aggregation.SUM,
    frequency=Frequency.QUARTERLY,
    unit="%",
    baseline_value=D(0),
    baseline_date=date(2024, 1, 1),
    target_value=D("0.7"),
    target_date=date(2025, 12, 31),
)


def kpi_input(base: KpiInput = LEARNERS, **changes: Any) -> KpiInput:
    return replace(base, **changes)


def make_kpi(db: Database, owner: KpiOwner, base: KpiInput = LEARNERS, **changes: Any) -> KpiRow:
    return create_kpi(db, owner, kpi_input(base, **changes))


def by_sex(women: int, men: int) -> tuple[DisaggregationInput, ...]:
    return (
        DisaggregationInput("sexe", "femmes", D(women)),
        DisaggregationInput("sexe", "hommes", D(men)),
    )
