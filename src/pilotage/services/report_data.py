"""What a program report shows, read in a fixed number of statements.

One statement each for the KPIs' definitions, all their targets, all their
measurements up to the as-of date, all the disaggregations of those, the parties
and the milestones; three for the program's tree (`overview.judged_tree`) and one
for the budget. Ten in all, whether the program has ten KPIs or ten thousand.

Each KPI is evaluated once from its observations (`engine.evaluate`, as its page
does), so that the KPI sheet carries the full trace with the measured terms, and
the tree is rolled up from those evaluations: the engine's summary evaluation,
which the window's tree uses, gives the same figures (tested).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import (
    Disaggregation,
    Initiative,
    Kpi,
    Measurement,
    Milestone,
    Organization,
    Pillar,
    ProgramParty,
)
from pilotage.domain.engine import evaluate
from pilotage.domain.engine_actual import actual_value
from pilotage.domain.engine_rules import target_value
from pilotage.domain.engine_summary import running_summaries
from pilotage.domain.enums import MeasurementStatus
from pilotage.domain.kpi_types import Evaluation, KpiSpec, Observation, TargetPoint
from pilotage.domain.messages import speaking
from pilotage.exchange.engine_language import engine_language
from pilotage.exchange.report_model import (
    BudgetItem,
    GroupLine,
    KpiLine,
    MeasurementLine,
    MilestoneLine,
    PartyLine,
    ProgramInfo,
    ProgramReportData,
    SeriesPoint,
)
from pilotage.services.budget import budget_summary
from pilotage.services.measured import KpiFacts, load_all_targets, load_kpis, program_scope
from pilotage.services.milestones import is_late
from pilotage.services.overview import InitiativeNode, PillarNode, ProgramTree, judged_tree
from pilotage.services.parties import _ROLE_ORDER


class _Measured(NamedTuple):
    id: int
    kpi_id: int
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: MeasurementStatus
    comment: str
    evidence_link: str
    entered_by: str


def program_report_data(
    db: Database, program_id: int, as_of: date, language: str
) -> ProgramReportData:
    """The program report's content as of `as_of`; traces in `language` ("fr" or "en").

    Each KPI is judged once, from its whole history, and the tree's roll-ups are made
    from those same judgements: the figures of every sheet agree."""
    scope = program_scope(program_id)
    with db.reading() as session:
        kpis = load_kpis(session, scope)
        targets = load_all_targets(session, program_scope(program_id))
        measured = _measurements(session, program_id, as_of)
        parts = _disaggregations(session, program_id, as_of)
        parties = _parties(session, program_id)
        milestones = _milestones(session, program_id, as_of)
        observations: dict[int, list[Observation]] = defaultdict(list)
        for m in measured:
            observations[m.kpi_id].append(
                Observation(m.period_start, m.period_end, m.value, m.numerator, m.denominator)
            )
        with speaking(*engine_language(language)):
            evaluated = [
                (kpi, evaluate(kpi.spec, observations[kpi.id], targets.get(kpi.id, []), as_of))
                for kpi in kpis
            ]
        tree = judged_tree(session, program_id, as_of, evaluated)
    budget = budget_summary(db, program_id)
    owners = _owner_paths(tree)
    code_of = {kpi.id: kpi.code for kpi in kpis}
    # An evaluation's trace is worded when it is read: in the report's language here.
    with speaking(*engine_language(language)):
        kpi_lines = tuple(
            _kpi_line(kpi, evaluation, owners, observations[kpi.id], targets.get(kpi.id, []))
            for kpi, evaluation in evaluated
        )
    program = tree.program
    return ProgramReportData(
        program=ProgramInfo(
            reference=program.reference,
            title=program.title,
            description=program.description,
            status=program.status,
            signed_on=program.signed_on,
            start_date=program.start_date,
            end_date=program.end_date,
            currency=program.currency,
            total_budget=program.total_budget,
        ),
        as_of=as_of,
        parties=parties,
        counts=dict(tree.rollup.counts),
        kpi_count=tree.rollup.kpi_count,
        mean_progress=tree.rollup.mean_progress,
        headline=tree.headline,
        pillars=tuple(_pillar_line(p) for p in tree.pillars),
        initiatives=tuple(
            _initiative_line(p, i, budget_of=_planned(budget.initiatives))
            for p in tree.pillars
            for i in p.initiatives
        ),
        kpis=kpi_lines,
        measurements=tuple(
            MeasurementLine(
                kpi_code=code_of.get(m.kpi_id, ""),
                period_start=m.period_start,
                period_end=m.period_end,
                value=m.value,
                numerator=m.numerator,
                denominator=m.denominator,
                disaggregation="; ".join(parts.get(m.id, ())),
                status=m.status,
                comment=m.comment,
                evidence_link=m.evidence_link,
                entered_by=m.entered_by,
            )
            for m in sorted(
                measured, key=lambda m: (code_of.get(m.kpi_id, ""), m.period_end, m.period_start)
            )
        ),
        milestones=milestones,
        budget=tuple(
            BudgetItem(
                pillar_code=i.pillar_code,
                initiative_code=i.initiative_code,
                initiative_name=i.initiative_name,
                planned_budget=i.planned_budget,
                planned=i.planned,
                committed=i.committed,
                disbursed=i.disbursed,
            )
            for i in budget.initiatives
        ),
    )


def _planned(items: Iterable[object]) -> dict[int, Decimal | None]:
    return {getattr(i, "initiative_id"): getattr(i, "planned_budget") for i in items}  # noqa: B009


def _pillar_line(p: PillarNode) -> GroupLine:
    r = p.rollup
    counts = dict(r.counts)
    return GroupLine(
        p.code, p.code, p.title, p.position, counts, r.kpi_count, r.mean_progress, p.headline
    )


def _initiative_line(
    p: PillarNode, i: InitiativeNode, budget_of: dict[int, Decimal | None]
) -> GroupLine:
    r = i.rollup
    return GroupLine(
        pillar_code=p.code,
        code=i.code,
        title=i.name,
        position=p.position,
        counts=dict(r.counts),
        kpi_count=r.kpi_count,
        mean_progress=r.mean_progress,
        headline=i.headline,
        status=i.status,
        planned_budget=budget_of.get(i.id),
    )


def _owner_paths(tree: ProgramTree) -> dict[tuple[str, int], str]:
    """("pillar" | "initiative", id) -> "P1" or "P1 / P1-JIT"."""
    paths: dict[tuple[str, int], str] = {}
    for p in tree.pillars:
        paths["pillar", p.id] = p.code
        for i in p.initiatives:
            paths["initiative", i.id] = f"{p.code} / {i.code}"
    return paths


def _kpi_line(
    kpi: KpiFacts,
    evaluation: Evaluation,
    owners: dict[tuple[str, int], str],
    observations: list[Observation],
    targets: list[TargetPoint],
) -> KpiLine:
    spec = kpi.spec
    if kpi.initiative_id is not None:
        owner = owners.get(("initiative", kpi.initiative_id), "")
    elif kpi.pillar_id is not None:
        owner = owners.get(("pillar", kpi.pillar_id), "")
    else:
        owner = ""
    return KpiLine(
        code=kpi.code,
        name=kpi.name,
        owner=owner,
        unit=spec.unit,
        measure=spec.measure,
        baseline=spec.baseline_value,
        target_to_date=evaluation.target.value,
        final_target=spec.target_value,
        final_target_date=spec.target_date,
        actual=evaluation.actual.value,
        progress=evaluation.progress.value,
        expected=evaluation.expected.value,
        status=evaluation.status,
        trace=evaluation.trace,
        flags=evaluation.flags,
        series=_series(spec, observations, targets),
    )


def _series(
    spec: KpiSpec, observations: list[Observation], targets: list[TargetPoint]
) -> tuple[SeriesPoint, ...]:
    """Actual and target as of each measured period end (the KPI page's chart)."""
    return tuple(
        SeriesPoint(end, actual_value(spec, summary), target_value(spec, targets, end))
        for end, summary in running_summaries(spec, observations)
    )


def _measurements(session: Session, program_id: int, as_of: date) -> list[_Measured]:
    """Every measurement of the program's KPIs up to `as_of`, by KPI and period: one statement."""
    statement = (
        select(
            Measurement.id,
            Measurement.kpi_id,
            Measurement.period_start,
            Measurement.period_end,
            Measurement.value,
            Measurement.numerator,
            Measurement.denominator,
            Measurement.status,
            Measurement.comment,
            Measurement.evidence_link,
            Measurement.entered_by,
        )
        .join(Kpi, Kpi.id == Measurement.kpi_id)
        .where(program_scope(program_id), Measurement.period_end <= as_of)
        .order_by(Measurement.kpi_id, Measurement.period_end, Measurement.period_start)
    )
    return [_Measured(*row) for row in session.connection().execute(statement)]


def _disaggregations(session: Session, program_id: int, as_of: date) -> dict[int, list[str]]:
    """Per measurement, its categories as "dimension: category value": one statement."""
    statement = (
        select(
            Disaggregation.measurement_id,
            Disaggregation.dimension,
            Disaggregation.category,
            Disaggregation.value,
        )
        .join(Measurement, Measurement.id == Disaggregation.measurement_id)
        .join(Kpi, Kpi.id == Measurement.kpi_id)
        .where(program_scope(program_id), Measurement.period_end <= as_of)
        .order_by(Disaggregation.measurement_id, Disaggregation.dimension, Disaggregation.category)
    )
    parts: dict[int, list[str]] = defaultdict(list)
    for measurement_id, dimension, category, value in session.connection().execute(statement):
        parts[measurement_id].append(f"{dimension}: {category} {_plain_number(value)}")
    return parts


def _plain_number(value: Decimal) -> str:
    """734 rather than 734.0000: the stored scale is not the analyst's."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _parties(session: Session, program_id: int) -> tuple[PartyLine, ...]:
    found = session.execute(
        select(
            ProgramParty.id,
            ProgramParty.role,
            Organization.name,
            Organization.acronym,
            ProgramParty.signatory_name,
            ProgramParty.signatory_title,
        )
        .join(Organization, Organization.id == ProgramParty.organization_id)
        .where(ProgramParty.program_id == program_id)
    ).all()
    ordered = sorted(found, key=lambda r: (_ROLE_ORDER[r[1]], r[2].casefold(), r[0]))
    return tuple(
        PartyLine(role, f"{name} ({acronym})" if acronym else name, signatory, title)
        for _id, role, name, acronym, signatory, title in ordered
    )


def _milestones(session: Session, program_id: int, as_of: date) -> tuple[MilestoneLine, ...]:
    found = session.execute(
        select(
            Pillar.code,
            Initiative.code,
            Milestone.title,
            Milestone.due_date,
            Milestone.done_date,
            Milestone.note,
        )
        .join(Initiative, Initiative.id == Milestone.initiative_id)
        .join(Pillar, Pillar.id == Initiative.pillar_id)
        .where(Pillar.program_id == program_id)
        .order_by(Milestone.due_date, Pillar.position, Initiative.code, Milestone.id)
    ).all()
    return tuple(
        MilestoneLine(
            pillar_code=pillar,
            initiative_code=initiative,
            title=title,
            due_date=due,
            done_date=done,
            days_late=(as_of - due).days if is_late(due, done, as_of) else None,
            note=note,
        )
        for pillar, initiative, title, due, done, note in found
    )
