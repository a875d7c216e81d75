"""The program report's content as plain values: what the services hand to `exchange`.

Only domain types and Python values, so that the workbook code never sees a
database. Every figure is the engine's, computed before it gets here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from pilotage.domain.enums import (
    InitiativeStatus,
    KpiStatus,
    Measure,
    MeasurementStatus,
    PartyRole,
    ProgramStatus,
    QualityFlag,
)


@dataclass(frozen=True)
class ProgramInfo:
    reference: str
    title: str
    description: str
    status: ProgramStatus
    signed_on: date | None
    start_date: date
    end_date: date
    currency: str
    total_budget: Decimal | None


@dataclass(frozen=True)
class PartyLine:
    role: PartyRole
    organization: str
    signatory: str
    signatory_title: str


@dataclass(frozen=True)
class GroupLine:
    """A pillar or an initiative with the roll-up of the KPIs under it."""

    pillar_code: str
    code: str
    title: str
    position: int
    counts: Mapping[KpiStatus, int]
    kpi_count: int
    mean_progress: Decimal | None  # a fraction: 0.9 is 90%
    headline: KpiStatus
    status: InitiativeStatus | None = None  # initiatives only
    planned_budget: Decimal | None = None  # initiatives only


@dataclass(frozen=True)
class SeriesPoint:
    period_end: date
    actual: Decimal | None
    target: Decimal | None


@dataclass(frozen=True)
class KpiLine:
    code: str
    name: str
    owner: str  # "P1 / P1-JIT"
    unit: str
    measure: Measure
    baseline: Decimal | None
    target_to_date: Decimal | None
    final_target: Decimal | None
    final_target_date: date | None
    actual: Decimal | None
    progress: Decimal | None  # a fraction
    expected: Decimal | None  # a fraction
    status: KpiStatus
    trace: str  # the engine's sentence, in the engine's language
    flags: frozenset[QualityFlag]
    series: tuple[SeriesPoint, ...] = field(default=())


@dataclass(frozen=True)
class MeasurementLine:
    kpi_code: str
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    disaggregation: str  # "sex: female 340; sex: male 394"
    status: MeasurementStatus
    comment: str
    evidence_link: str
    entered_by: str


@dataclass(frozen=True)
class MilestoneLine:
    pillar_code: str
    initiative_code: str
    title: str
    due_date: date
    done_date: date | None
    days_late: int | None  # None when not late on the as-of date
    note: str


@dataclass(frozen=True)
class BudgetItem:
    pillar_code: str
    initiative_code: str
    initiative_name: str
    planned_budget: Decimal | None
    planned: Decimal
    committed: Decimal
    disbursed: Decimal


@dataclass(frozen=True)
class ProgramReportData:
    program: ProgramInfo
    as_of: date
    parties: tuple[PartyLine, ...]
    counts: Mapping[KpiStatus, int]
    kpi_count: int
    mean_progress: Decimal | None
    headline: KpiStatus
    pillars: tuple[GroupLine, ...]
    initiatives: tuple[GroupLine, ...]
    kpis: tuple[KpiLine, ...]
    measurements: tuple[MeasurementLine, ...]
    milestones: tuple[MilestoneLine, ...]
    budget: tuple[BudgetItem, ...]

    def late_milestones(self) -> tuple[MilestoneLine, ...]:
        return tuple(m for m in self.milestones if m.days_late is not None)


@dataclass(frozen=True)
class ReportContext:
    """What the footer says besides the figures (not part of the fingerprint)."""

    generated_at: datetime  # local time, naive: a spreadsheet cell holds no offset
    version: str
    database: str
