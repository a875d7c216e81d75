"""Everything a KPI's page shows, read in four statements.

The KPI with its owner path, its targets (original plan and revisions), its
measurements with their disaggregations, the engine's evaluation with full
traces (against the current and against the original targets) and the
series of actual against target that the chart draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Initiative, Kpi, Pillar
from pilotage.domain.engine import evaluate
from pilotage.domain.engine_actual import actual_value
from pilotage.domain.engine_rules import target_value
from pilotage.domain.engine_summary import running_summaries
from pilotage.domain.enums import OwnerKind
from pilotage.domain.errors import NotFoundError
from pilotage.domain.kpi_types import Evaluation, KpiSpec, Observation, TargetPoint
from pilotage.services.kpis import KpiRow, kpi_row, kpi_spec, owner_of
from pilotage.services.measurements import MeasurementRow, observation, read_measurements
from pilotage.services.targets import TargetRow, read_targets, target_points


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
class SeriesPoint:
    """One point of the chart: the actual and the targets as of a measured period's end."""

    period_end: date
    actual: Decimal | None
    target: Decimal | None
    original_target: Decimal | None  # the plan before any revision


@dataclass(frozen=True)
class KpiDetail:
    kpi: KpiRow
    owner: OwnerPath
    as_of: date
    targets: tuple[TargetRow, ...]  # by period end, original before its revisions
    measurements: tuple[MeasurementRow, ...]  # by period end, oldest first
    evaluation: Evaluation  # with full traces
    original: Evaluation  # against the original targets only
    series: tuple[SeriesPoint, ...]  # one point per end of a usable period, oldest first


def kpi_detail(db: Database, kpi_id: int, as_of: date) -> KpiDetail:
    """A KPI's page as of `as_of`: four statements (KPI and owner path, targets,
    measurements, disaggregations), whatever the number of measurements."""
    with db.reading() as session:
        kpi, owner = _kpi_and_owner(session, kpi_id)
        targets = read_targets(session, kpi_id)
        measurements = read_measurements(session, kpi_id, kpi.measure)
    spec = kpi_spec(kpi)
    observations = [observation(m) for m in measurements]
    points = target_points(targets)
    return KpiDetail(
        kpi=kpi,
        owner=owner,
        as_of=as_of,
        targets=tuple(targets),
        measurements=tuple(measurements),
        evaluation=evaluate(spec, observations, points, as_of),
        original=evaluate(spec, observations, points, as_of, use_revisions=False),
        series=_series(spec, observations, points),
    )


def _kpi_and_owner(session: Session, kpi_id: int) -> tuple[KpiRow, OwnerPath]:
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
    owner = OwnerPath(
        kind=owner_of(kpi).kind,
        program_id=program_id,
        program_reference=reference,
        pillar_id=pillar_id,
        pillar_code=pillar_code,
        initiative_id=kpi.initiative_id,
        initiative_code=initiative_code,
    )
    return kpi_row(kpi, program_id), owner


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
