"""A whole program as plain values: what a program workbook holds, without database ids.

Records refer to each other by the keys a person reads: an organization by its acronym
(by its name when it has none), a pillar by its code, an initiative by its pillar's code
and its own, a KPI by its owner's codes and its own. The same values make the comparable
read model of a program (services.program_transfer.program_snapshot), so that "the
imported program is identical" is one equality.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    OrganizationKind,
    OwnerKind,
    PartyRole,
    ProgramStatus,
)
from pilotage.domain.messages import translate

PROGRAM_WORKBOOK_VERSION = 1
"""The layout's version, in the workbook's marker: an import refuses one it does not know."""


@dataclass(frozen=True, slots=True)
class ProgramContent:
    reference: str
    title: str
    description: str
    signed_on: date | None
    start_date: date
    end_date: date
    status: ProgramStatus
    currency: str
    total_budget: Decimal | None


@dataclass(frozen=True, slots=True)
class OrganizationContent:
    name: str
    acronym: str  # "" when it has none: then the others refer to it by its name
    kind: OrganizationKind
    founded_year: int | None
    website: str
    notes: str

    @property
    def key(self) -> str:
        return self.acronym or self.name


@dataclass(frozen=True, slots=True)
class PartyContent:
    organization: str  # an organization's key
    role: PartyRole
    signatory_name: str
    signatory_title: str


@dataclass(frozen=True, slots=True)
class PillarContent:
    position: int
    code: str
    title: str
    objective: str


@dataclass(frozen=True, slots=True)
class InitiativeContent:
    pillar: str
    code: str
    name: str
    description: str
    lead: str  # an organization's key, "" for none
    partners: tuple[str, ...]  # organizations' keys, sorted
    start_date: date | None
    end_date: date | None
    status: InitiativeStatus
    planned_budget: Decimal | None


@dataclass(frozen=True, slots=True)
class MilestoneContent:
    pillar: str
    initiative: str
    title: str
    due_date: date
    done_date: date | None
    note: str


@dataclass(frozen=True, slots=True)
class BudgetLineContent:
    pillar: str
    initiative: str
    year: int
    planned: Decimal
    committed: Decimal
    disbursed: Decimal


@dataclass(frozen=True, slots=True, order=True)
class KpiKey:
    """Which KPI: owned by the program (no pillar, no initiative), a pillar (no
    initiative) or an initiative (its pillar and its code)."""

    pillar: str
    initiative: str
    code: str

    @property
    def owner(self) -> OwnerKind:
        if self.initiative:
            return OwnerKind.INITIATIVE
        return OwnerKind.PILLAR if self.pillar else OwnerKind.PROGRAM

    def __str__(self) -> str:
        return " / ".join(part for part in (self.pillar, self.initiative, self.code) if part)


@dataclass(frozen=True, slots=True)
class KpiContent:
    key: KpiKey
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
    responsible: str  # an organization's key, "" for none
    means_of_verification: str


@dataclass(frozen=True, slots=True)
class TargetContent:
    kpi: KpiKey
    period_end: date
    revision: int  # 0: the original plan; each revision adds one
    value: Decimal
    revised_on: date | None
    reason: str


@dataclass(frozen=True, slots=True)
class MeasurementContent:
    kpi: KpiKey
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: MeasurementStatus
    comment: str
    evidence_link: str
    entered_by: str
    # UTC, to the millisecond: a spreadsheet's date-times hold no finer (see program_workbook).
    entered_at: datetime


@dataclass(frozen=True, slots=True)
class DisaggregationContent:
    kpi: KpiKey
    period_start: date  # with period_end and kpi: the measurement it splits
    period_end: date
    dimension: str
    category: str
    value: Decimal


@dataclass
class ProgramWorkbookContent:
    """Everything a program workbook holds. Measurements and disaggregations may be
    streams (read once, while the workbook is written): a program can hold 300,000."""

    program: ProgramContent
    organizations: list[OrganizationContent] = field(default_factory=list)
    parties: list[PartyContent] = field(default_factory=list)
    pillars: list[PillarContent] = field(default_factory=list)
    initiatives: list[InitiativeContent] = field(default_factory=list)
    milestones: list[MilestoneContent] = field(default_factory=list)
    budget_lines: list[BudgetLineContent] = field(default_factory=list)
    kpis: list[KpiContent] = field(default_factory=list)
    targets: list[TargetContent] = field(default_factory=list)
    measurements: Iterable[MeasurementContent] = field(default_factory=list)
    disaggregations: Iterable[DisaggregationContent] = field(default_factory=list)


@dataclass(frozen=True)
class SheetProblem:
    """One thing wrong in a workbook, where it is: the sheet, the row (as Excel numbers
    it, None for the whole sheet) and the column's key (None for the whole row)."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        """The problem where it is, in the window's language (a whole sentence each)."""
        if self.row is not None and self.column is not None:
            text = translate("Import", "sheet {sheet}, row {row}, column {column}: {problem}")
        elif self.row is not None:
            text = translate("Import", "sheet {sheet}, row {row}: {problem}")
        elif self.column is not None:
            text = translate("Import", "sheet {sheet}, column {column}: {problem}")
        else:
            text = translate("Import", "sheet {sheet}: {problem}")
        return text.format(sheet=self.sheet, row=self.row, column=self.column, problem=self.message)


def millisecond(moment: datetime) -> datetime:
    """`moment` to the millisecond below: what a workbook's date-time keeps of it."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
