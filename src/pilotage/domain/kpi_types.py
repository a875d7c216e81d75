"""What the KPI engine reads and what it returns: plain frozen values.

The services build these from database rows; the engine never sees the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    KpiStatus,
    Measure,
    QualityFlag,
)
from pilotage.domain.messages import translate

DEFAULT_GREEN = Decimal("0.9")
DEFAULT_AMBER = Decimal("0.7")


@dataclass(frozen=True)
class KpiSpec:
    """The parts of a KPI's definition that the engine needs.

    Values are in the KPI's own unit: a percentage KPI stores 72 for 72 %;
    a ratio KPI's actual is numerator / denominator (0.734), and its baseline
    and targets are fractions too.
    """

    measure: Measure
    direction: Direction
    aggregation: Aggregation
    frequency: Frequency
    baseline_value: Decimal | None = None
    baseline_date: date | None = None
    target_value: Decimal | None = None
    target_date: date | None = None
    green: Decimal | None = None  # None: DEFAULT_GREEN
    amber: Decimal | None = None  # None: DEFAULT_AMBER
    unit: str = ""
    definition: str = ""
    data_source: str = ""


@dataclass(frozen=True)
class Observation:
    """One measurement as the engine sees it (validated or not)."""

    period_start: date
    period_end: date
    value: Decimal | None = None
    numerator: Decimal | None = None  # ratio KPIs only
    denominator: Decimal | None = None  # ratio KPIs only


@dataclass(frozen=True)
class TargetPoint:
    """A per-period target. `revised_on` is None for the original plan (revision 0);
    revisions are numbered 1, 2... so that two made the same day still have an order."""

    period_end: date
    value: Decimal
    revised_on: date | None = None
    reason: str = ""
    revision: int = 0


@dataclass(frozen=True)
class Figure:
    """A computed number and the one line that explains it."""

    value: Decimal | None
    trace: str


@dataclass(frozen=True)
class Evaluation:
    """Everything the engine says about one KPI as of one date."""

    as_of: date
    actual: Figure
    target: Figure
    progress: Figure
    expected: Figure
    status: KpiStatus
    status_trace: str
    flags: frozenset[QualityFlag] = field(default_factory=frozenset)

    @property
    def trace(self) -> str:
        """The whole reasoning in one readable line."""
        text = translate("Engine", "{status}. Actual: {actual}. Target: {target}.")
        return text.format(
            status=self.status_trace, actual=self.actual.trace, target=self.target.trace
        )


@dataclass(frozen=True)
class RollUp:
    """Counts of KPIs per status and their mean progress, for a group of KPIs."""

    counts: dict[KpiStatus, int]
    mean_progress: Decimal | None
    kpi_count: int
    trace: str


@dataclass(frozen=True)
class MeasuredSummary:
    """What a KPI's usable measurements up to a date add up to, as SQL can aggregate it.

    "Usable" is what the engine counts: numerator and denominator both set for a
    ratio KPI, a value for any other. The engine judges a KPI from this alone
    (`engine_summary.evaluate_summary`), so that a whole portfolio is evaluated
    from one GROUP BY instead of every measurement row. `latest_*` is the period
    with the last end (the last start among equal ends); `max_*` is the earliest
    period holding the maximum value. Empty: `count == 0`, every other field None.
    """

    count: int = 0
    value_sum: Decimal | None = None
    numerator_sum: Decimal | None = None
    denominator_sum: Decimal | None = None
    max_value: Decimal | None = None
    max_start: date | None = None
    max_end: date | None = None
    latest_start: date | None = None
    latest_end: date | None = None
    latest_value: Decimal | None = None
    latest_numerator: Decimal | None = None
    latest_denominator: Decimal | None = None

    @property
    def last_period_end(self) -> date | None:
        """The end of the last usable period (what the overdue flag looks at)."""
        return self.latest_end
