"""Read models of a program's tree and of the whole portfolio, each KPI judged as of a date.

Both are built from a fixed number of statements, however many pillars,
initiatives, KPIs and measurements there are: program_tree uses six
(program, pillars, initiatives, KPIs, targets, measurement summaries) and
portfolio_overview six for the whole database. The KPIs are judged from
aggregated figures (`measured.evaluate_kpis`); a KPI's page uses
`kpi_detail.kpi_detail` for the full traces.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Initiative, Pillar
from pilotage.domain.engine import roll_up, roll_up_judged
from pilotage.domain.engine_summary import headline_status
from pilotage.domain.enums import (
    Aggregation,
    InitiativeStatus,
    KpiStatus,
    Measure,
    OwnerKind,
    QualityFlag,
)
from pilotage.domain.kpi_types import Evaluation, RollUp
from pilotage.services.measured import KpiFacts, evaluate_kpis, judge_kpis, program_scope
from pilotage.services.programs import ProgramRow, program_row
from pilotage.services.records import load


@dataclass(frozen=True)
class KpiNode:
    id: int
    version: int
    code: str
    name: str
    unit: str
    measure: Measure
    aggregation: Aggregation
    owner_kind: OwnerKind
    evaluation: Evaluation

    @property
    def status(self) -> KpiStatus:
        return self.evaluation.status

    @property
    def flags(self) -> frozenset[QualityFlag]:
        return self.evaluation.flags


@dataclass(frozen=True)
class InitiativeNode:
    id: int
    version: int
    pillar_id: int
    code: str
    name: str
    status: InitiativeStatus
    kpis: tuple[KpiNode, ...]
    rollup: RollUp
    headline: KpiStatus


@dataclass(frozen=True)
class PillarNode:
    id: int
    version: int
    position: int
    code: str
    title: str
    kpis: tuple[KpiNode, ...]  # the pillar's own KPIs
    initiatives: tuple[InitiativeNode, ...]
    rollup: RollUp  # over its own KPIs and its initiatives'
    headline: KpiStatus

    def all_kpis(self) -> Iterator[KpiNode]:
        yield from self.kpis
        for initiative in self.initiatives:
            yield from initiative.kpis


@dataclass(frozen=True)
class ProgramTree:
    program: ProgramRow
    as_of: date
    kpis: tuple[KpiNode, ...]  # the program's own KPIs
    pillars: tuple[PillarNode, ...]  # in position order
    rollup: RollUp  # over every KPI of the program
    headline: KpiStatus

    def all_kpis(self) -> Iterator[KpiNode]:
        """Every KPI of the program: its own, then pillar by pillar."""
        yield from self.kpis
        for pillar in self.pillars:
            yield from pillar.all_kpis()


@dataclass(frozen=True)
class PillarSummary:
    id: int
    position: int
    code: str
    title: str
    rollup: RollUp
    headline: KpiStatus


@dataclass(frozen=True)
class ProgramSummary:
    program: ProgramRow
    rollup: RollUp
    headline: KpiStatus
    pillars: tuple[PillarSummary, ...]  # in position order


def _node(kpi: KpiFacts, evaluation: Evaluation) -> KpiNode:
    return KpiNode(
        id=kpi.id,
        version=kpi.version,
        code=kpi.code,
        name=kpi.name,
        unit=kpi.spec.unit,
        measure=kpi.spec.measure,
        aggregation=kpi.spec.aggregation,
        owner_kind=kpi.owner[0],
        evaluation=evaluation,
    )


def _judged(nodes: Iterable[KpiNode]) -> tuple[RollUp, KpiStatus]:
    rollup = roll_up(node.evaluation for node in nodes)
    return rollup, headline_status(rollup)


_PILLAR_COLUMNS = (
    Pillar.id,
    Pillar.version,
    Pillar.program_id,
    Pillar.position,
    Pillar.code,
    Pillar.title,
)
_INITIATIVE_COLUMNS = (
    Initiative.id,
    Initiative.version,
    Initiative.pillar_id,
    Initiative.code,
    Initiative.name,
    Initiative.status,
)

_Row = Row[*tuple[Any, ...]]
_Owned = dict[tuple[OwnerKind, int], list[KpiNode]]
_Judged = tuple[KpiStatus, Decimal | None]  # what a roll-up reads of a KPI


def _by_owner(evaluated: Iterable[tuple[KpiFacts, Evaluation]]) -> _Owned:
    """KPI nodes per owner, in code order."""
    own: _Owned = defaultdict(list)
    for kpi, evaluation in evaluated:
        own[kpi.owner].append(_node(kpi, evaluation))
    return own


def _tree(
    program: ProgramRow,
    as_of: date,
    pillars: Iterable[_Row],
    initiatives: Iterable[_Row],
    own: _Owned,
) -> ProgramTree:
    """Nodes and roll-ups from the program's pillar rows (by position) and initiative
    rows (by code); the same for the tree and the portfolio, so their figures agree."""
    children: dict[int, list[InitiativeNode]] = defaultdict(list)
    for i in initiatives:
        nodes = tuple(own.get((OwnerKind.INITIATIVE, i.id), ()))
        rollup, headline = _judged(nodes)
        children[i.pillar_id].append(
            InitiativeNode(
                i.id, i.version, i.pillar_id, i.code, i.name, i.status, nodes, rollup, headline
            )
        )
    pillar_nodes = []
    for p in pillars:
        below = tuple(children[p.id])
        nodes = tuple(own.get((OwnerKind.PILLAR, p.id), ()))
        rollup, headline = _judged([*nodes, *(k for c in below for k in c.kpis)])
        pillar_nodes.append(
            PillarNode(p.id, p.version, p.position, p.code, p.title, nodes, below, rollup, headline)
        )
    program_kpis = tuple(own.get((OwnerKind.PROGRAM, program.id), ()))
    rollup, headline = _judged([*program_kpis, *(k for p in pillar_nodes for k in p.all_kpis())])
    return ProgramTree(program, as_of, program_kpis, tuple(pillar_nodes), rollup, headline)


def program_tree(db: Database, program_id: int, as_of: date) -> ProgramTree:
    """The program, its pillars (by position), initiatives (by code) and KPIs (by code),
    each KPI judged as of `as_of` and each node rolled up: six statements."""
    with db.reading() as session:
        evaluated = evaluate_kpis(session, as_of, program_scope(program_id))
        return judged_tree(session, program_id, as_of, evaluated)


def judged_tree(
    session: Session,
    program_id: int,
    as_of: date,
    evaluated: Iterable[tuple[KpiFacts, Evaluation]],
) -> ProgramTree:
    """`program_tree` for KPIs the caller has judged (the report judges them once, from
    their whole history, with the traces in its language): three statements."""
    program = program_row(load(session, ContractProgram, program_id))
    pillars = session.execute(
        select(*_PILLAR_COLUMNS).where(Pillar.program_id == program_id).order_by(Pillar.position)
    ).all()
    initiatives = session.execute(
        select(*_INITIATIVE_COLUMNS)
        .join(Pillar, Pillar.id == Initiative.pillar_id)
        .where(Pillar.program_id == program_id)
        .order_by(Initiative.code, Initiative.id)
    ).all()
    return _tree(program, as_of, pillars, initiatives, _by_owner(evaluated))


def program_trees(db: Database, as_of: date) -> list[ProgramTree]:
    """`program_tree` of every program (by reference), in six statements for all of them."""
    with db.reading() as session:
        programs = [
            program_row(p)
            for p in session.scalars(select(ContractProgram).order_by(ContractProgram.reference))
        ]
        pillars = session.execute(
            select(*_PILLAR_COLUMNS).order_by(Pillar.program_id, Pillar.position)
        ).all()
        initiatives = session.execute(
            select(*_INITIATIVE_COLUMNS, Pillar.program_id)
            .join(Pillar, Pillar.id == Initiative.pillar_id)
            .order_by(Initiative.code, Initiative.id)
        ).all()
        evaluated = evaluate_kpis(session, as_of)
    own = _by_owner(evaluated)
    pillars_of: dict[int, list[_Row]] = defaultdict(list)
    for p in pillars:
        pillars_of[p.program_id].append(p)
    initiatives_of: dict[int, list[_Row]] = defaultdict(list)
    for i in initiatives:
        initiatives_of[i.program_id].append(i)
    return [
        _tree(program, as_of, pillars_of[program.id], initiatives_of[program.id], own)
        for program in programs
    ]


def portfolio_overview(db: Database, as_of: date) -> list[ProgramSummary]:
    """Every program (by reference) with its roll-up and one per pillar, as of `as_of`.

    Six statements for the whole database, whatever its size: programs, pillars,
    initiatives, KPIs, targets and measurement summaries. KPIs are judged without
    traces (`engine_rules.judge_summary`), and rolled up in the tree's order, so
    that the figures are exactly those of each program's `program_tree`.
    """
    with db.reading() as session:
        programs = [
            program_row(p)
            for p in session.scalars(select(ContractProgram).order_by(ContractProgram.reference))
        ]
        pillars = session.execute(
            select(
                Pillar.id, Pillar.program_id, Pillar.position, Pillar.code, Pillar.title
            ).order_by(Pillar.program_id, Pillar.position)
        ).all()
        initiatives = session.execute(
            select(Initiative.id, Initiative.pillar_id).order_by(Initiative.code, Initiative.id)
        ).all()
        judged = judge_kpis(session, as_of)

    own: dict[tuple[OwnerKind, int], list[_Judged]] = defaultdict(list)
    for kpi, judgement in judged:  # in code order, as in the tree
        own[kpi.owner].append((judgement.status, judgement.progress))
    # A pillar's KPIs, then its initiatives' in code order: the tree's order.
    under_pillar: dict[int, list[_Judged]] = defaultdict(list)
    for p in pillars:
        under_pillar[p.id] += own.get((OwnerKind.PILLAR, p.id), ())
    for i in initiatives:
        under_pillar[i.pillar_id] += own.get((OwnerKind.INITIATIVE, i.id), ())
    pillars_of: dict[int, list[PillarSummary]] = defaultdict(list)
    under_program: dict[int, list[_Judged]] = defaultdict(list)
    for p in pillars:
        rollup = roll_up_judged(under_pillar[p.id])
        pillars_of[p.program_id].append(
            PillarSummary(p.id, p.position, p.code, p.title, rollup, headline_status(rollup))
        )
        under_program[p.program_id] += under_pillar[p.id]
    summaries = []
    for program in programs:
        judged_here = [*own.get((OwnerKind.PROGRAM, program.id), ()), *under_program[program.id]]
        rollup = roll_up_judged(judged_here)
        summaries.append(
            ProgramSummary(program, rollup, headline_status(rollup), tuple(pillars_of[program.id]))
        )
    return summaries
