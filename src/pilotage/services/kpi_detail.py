"""Everything a KPI's page shows, read in four statements.

The KPI with its owner path, its targets (original plan and revisions), its
measurements with their disaggregations, the engine's evaluation with full
traces (against the current and against the original targets) and the
series of actual against target that the chart draws.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import (
    ContractProgram,
    Disaggregation,
    Initiative,
    Kpi,
    KpiTarget,
    Measurement,
    Pillar,
)
from pilotage.domain.engine import evaluate
from pilotage.domain.engine_judge import actual_value, target_value
from pilotage.domain.engine_summary import running_summaries
from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    Measure,
    MeasurementStatus,
    OwnerKind,
)
from pilotage.domain.errors import NotFoundError
from pilotage.domain.kpi_types import Evaluation, KpiSpec, Observation, TargetPoint


@dataclass(frozen=True)
class KpiInfo:
    """The KPI's own fields, as stored."""

    id: int
    version: int
    code: str
    name: str
    definition: str
    unit: str
    measure: Measure
    direction: Direction
    aggregation: Aggregation
    frequency: Frequency
    baseline_value: Decimal | None
    baseline_date: date | None
    target_value: Decimal | None
    target_date: date | None
    green: Decimal | None
    amber: Decimal | None
    data_source: str
    responsible_organization_id: int | None
    means_of_verification: str

    def spec(self) -> KpiSpec:
        return KpiSpec(
            measure=self.measure,
            direction=self.direction,
            aggregation=self.aggregation,
            frequency=self.frequency,
            baseline_value=self.baseline_value,
            baseline_date=self.baseline_date,
            target_value=self.target_value,
            target_date=self.target_date,
            green=self.green,
            amber=self.amber,
            unit=self.unit,
            definition=self.definition,
            data_source=self.data_source,
        )


@dataclass(frozen=True)
class OwnerPath:
    """Where the KPI sits: its program, and its pillar and initiative when it has them."""

    kind: OwnerKind
    program_id: int
    program_reference: str
    pillar_id: int | None = None
    pillar_code: str | None = None
    initiative_id: int | None = None
    initiative_code: str | None = None

    def __str__(self) -> str:
        """ "CP-MTNRA-MNC / P1 / P1-JIT"."""
        parts = [self.program_reference, self.pillar_code, self.initiative_code]
        return " / ".join(p for p in parts if p)


@dataclass(frozen=True)
class TargetRow:
    id: int
    version: int
    period_end: date
    value: Decimal
    revision: int  # 0: the original plan
    revised_on: date | None
    reason: str

    @property
    def point(self) -> TargetPoint:
        return TargetPoint(self.period_end, self.value, self.revised_on, self.reason)


@dataclass(frozen=True)
class DisaggregationRow:
    id: int
    version: int
    dimension: str
    category: str
    value: Decimal


@dataclass(frozen=True)
class MeasurementRow:
    id: int
    version: int
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: MeasurementStatus
    comment: str
    evidence_link: str
    entered_by: str
    entered_at: datetime
    disaggregations: tuple[DisaggregationRow, ...]  # by dimension, then category

    @property
    def observation(self) -> Observation:
        return Observation(
            self.period_start, self.period_end, self.value, self.numerator, self.denominator
        )


@dataclass(frozen=True)
class SeriesPoint:
    """One point of the chart: the actual and the targets as of a measured period's end."""

    period_end: date
    actual: Decimal | None
    target: Decimal | None
    original_target: Decimal | None  # the plan before any revision


@dataclass(frozen=True)
class KpiDetail:
    kpi: KpiInfo
    owner: OwnerPath
    as_of: date
    targets: tuple[TargetRow, ...]  # by period end, original before its revisions
    measurements: tuple[MeasurementRow, ...]  # oldest first
    evaluation: Evaluation  # with full traces
    original: Evaluation  # against the original targets only
    series: tuple[SeriesPoint, ...]  # one point per end of a usable period, oldest first


def kpi_detail(db: Database, kpi_id: int, as_of: date) -> KpiDetail:
    """A KPI's page as of `as_of`: four statements (KPI and owner path, targets,
    measurements, disaggregations), whatever the number of measurements."""
    with db.reading() as session:
        info, owner = _kpi_and_owner(session, kpi_id)
        targets = _targets(session, kpi_id)
        measurements = _measurements(session, kpi_id)
    spec = info.spec()
    observations = [m.observation for m in measurements]
    points = [t.point for t in targets]
    return KpiDetail(
        kpi=info,
        owner=owner,
        as_of=as_of,
        targets=targets,
        measurements=measurements,
        evaluation=evaluate(spec, observations, points, as_of),
        original=evaluate(spec, observations, points, as_of, use_revisions=False),
        series=_series(spec, observations, points),
    )


def _kpi_and_owner(session: Session, kpi_id: int) -> tuple[KpiInfo, OwnerPath]:
    """The KPI and the codes above it, whichever level owns it: one statement."""
    found = session.execute(
        select(
            Kpi,
            Initiative.code,
            Pillar.id,
            Pillar.code,
            ContractProgram.id,
            ContractProgram.reference,
        )
        .outerjoin(Initiative, Initiative.id == Kpi.initiative_id)
        .outerjoin(Pillar, Pillar.id == func.coalesce(Kpi.pillar_id, Initiative.pillar_id))
        .join(
            ContractProgram,
            ContractProgram.id == func.coalesce(Kpi.program_id, Pillar.program_id),
        )
        .where(Kpi.id == kpi_id)
    ).first()
    if found is None:
        raise NotFoundError("kpi", kpi_id)
    kpi, initiative_code, pillar_id, pillar_code, program_id, reference = found
    if kpi.initiative_id is not None:
        kind = OwnerKind.INITIATIVE
    elif kpi.pillar_id is not None:
        kind = OwnerKind.PILLAR
    else:
        kind = OwnerKind.PROGRAM
    owner = OwnerPath(
        kind=kind,
        program_id=program_id,
        program_reference=reference,
        pillar_id=pillar_id,
        pillar_code=pillar_code,
        initiative_id=kpi.initiative_id,
        initiative_code=initiative_code,
    )
    return _info(kpi), owner


def _targets(session: Session, kpi_id: int) -> tuple[TargetRow, ...]:
    return tuple(
        TargetRow(t.id, t.version, t.period_end, t.value, t.revision, t.revised_on, t.reason or "")
        for t in session.scalars(
            select(KpiTarget)
            .where(KpiTarget.kpi_id == kpi_id)
            .order_by(KpiTarget.period_end, KpiTarget.revision)
        )
    )


def _measurements(session: Session, kpi_id: int) -> tuple[MeasurementRow, ...]:
    """The KPI's measurements, oldest first, with their disaggregations: two statements."""
    measurements = session.scalars(
        select(Measurement)
        .where(Measurement.kpi_id == kpi_id)
        .order_by(Measurement.period_end, Measurement.period_start)
    ).all()
    splits: dict[int, list[DisaggregationRow]] = defaultdict(list)
    of_this_kpi = select(Measurement.id).where(Measurement.kpi_id == kpi_id).scalar_subquery()
    for d in session.scalars(
        select(Disaggregation)
        .where(Disaggregation.measurement_id.in_(of_this_kpi))
        .order_by(Disaggregation.measurement_id, Disaggregation.dimension, Disaggregation.category)
    ):
        splits[d.measurement_id].append(
            DisaggregationRow(d.id, d.version, d.dimension, d.category, d.value)
        )
    return tuple(
        MeasurementRow(
            id=m.id,
            version=m.version,
            period_start=m.period_start,
            period_end=m.period_end,
            value=m.value,
            numerator=m.numerator,
            denominator=m.denominator,
            status=m.status,
            comment=m.comment or "",
            evidence_link=m.evidence_link or "",
            entered_by=m.entered_by or "",
            entered_at=m.entered_at,
            disaggregations=tuple(splits[m.id]),
        )
        for m in measurements
    )


def _series(
    spec: KpiSpec, observations: list[Observation], targets: list[TargetPoint]
) -> tuple[SeriesPoint, ...]:
    """The actual and targets as of each measured period end, in one pass over the
    measurements (a KPI may have hundreds)."""
    return tuple(
        SeriesPoint(
            end,
            actual_value(spec, summary),
            target_value(spec, targets, end),
            target_value(spec, targets, end, use_revisions=False),
        )
        for end, summary in running_summaries(spec, observations)
    )


def _info(kpi: Kpi) -> KpiInfo:
    return KpiInfo(
        id=kpi.id,
        version=kpi.version,
        code=kpi.code,
        name=kpi.name,
        definition=kpi.definition or "",
        unit=kpi.unit or "",
        measure=kpi.measure,
        direction=kpi.direction,
        aggregation=kpi.aggregation,
        frequency=kpi.frequency,
        baseline_value=kpi.baseline_value,
        baseline_date=kpi.baseline_date,
        target_value=kpi.target_value,
        target_date=kpi.target_date,
        green=kpi.green,
        amber=kpi.amber,
        data_source=kpi.data_source or "",
        responsible_organization_id=kpi.responsible_organization_id,
        means_of_verification=kpi.means_of_verification or "",
    )
