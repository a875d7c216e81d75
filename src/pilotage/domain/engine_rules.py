"""The KPI engine's rules (DESIGN.md §2) as numbers only: the one place they are written.

Which measurements count and what they add up to (`engine_actual`), the target to date, progress,
expected progress, the status and its thresholds, the quality flags and the
roll-up arithmetic are each decided here, once. `engine` and `engine_summary`
call these functions for every value and every decision, and only put the
sentences of their traces around the results; where a sentence depends on
which branch of a rule applied, the rule returns that branch (`Line`, `Share`)
rather than letting the trace decide it again.

`judge_summary` strings the rules together without any trace: writing a trace
costs far more than the arithmetic (a dozen formatted numbers per KPI), and a
portfolio overview of thirty thousand KPIs only needs each one's numbers.
Pure functions: no Qt, no database, no clock (the as-of date is always given).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from pilotage.domain.engine_actual import (
    actual_value,
    measured,
)
from pilotage.domain.enums import (
    Direction,
    Frequency,
    KpiStatus,
    Measure,
    QualityFlag,
)
from pilotage.domain.kpi_types import (
    DEFAULT_AMBER,
    DEFAULT_GREEN,
    KpiSpec,
    MeasuredSummary,
    Observation,
    TargetPoint,
)
from pilotage.domain.periods import period_bounds as _period_bounds
from pilotage.domain.periods import previous_period_end as _previous_period_end

REPORTING_GRACE_DAYS = 30
"""Days a partner has after a period ends to report it before it is overdue."""

_GRACE = timedelta(days=REPORTING_GRACE_DAYS)
_ZERO = Decimal(0)
_ONE = Decimal(1)

# A portfolio's KPIs share a handful of (frequency, day) pairs: compute each once.
period_bounds = lru_cache(maxsize=4096)(_period_bounds)
previous_period_end = lru_cache(maxsize=4096)(_previous_period_end)


# --- the target to date ----------------------------------------------------------------


class Line(Enum):
    """Which part of the planned line gives the target when no per-period target applies."""

    NO_TARGET = "no final target"
    NO_BASELINE_DATE = "the final target: no baseline date to interpolate from"
    NO_TARGET_DATE = "the final target: no target date to interpolate to"
    BEFORE_BASELINE = "the baseline: the as-of date is before the baseline date"
    DUE = "the final target: its date has come"
    INTERPOLATED = "between the baseline and the final target, in proportion to the days"
    STEP = "a yes/no KPI: the baseline before the target date, the final target from it on"


def baseline(spec: KpiSpec) -> Decimal:
    """The baseline value; 0 when none is set."""
    return _ZERO if spec.baseline_value is None else spec.baseline_value


def period_target(
    spec: KpiSpec, targets: Sequence[TargetPoint], as_of: date, *, use_revisions: bool = True
) -> TargetPoint | None:
    """The per-period target of the period containing `as_of`, if any: the latest period
    end, then the latest revision (the original plan counts as the oldest).
    `use_revisions=False` reads the original plan only ("against original targets")."""
    if not targets:  # most KPIs have no per-period target: skip finding the period
        return None
    start, end = period_bounds(spec.frequency, as_of)
    candidates = [
        t
        for t in targets
        if start <= t.period_end <= end and (use_revisions or t.revised_on is None)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda t: (t.period_end, t.revision, t.revised_on or date.min))


def planned_target(spec: KpiSpec, as_of: date) -> tuple[Decimal | None, Line]:
    """The target as of `as_of` on the line from the baseline to the final target, and
    which part of the line gave it."""
    final = spec.target_value
    if final is None:
        return None, Line.NO_TARGET
    due = spec.target_date
    if spec.measure is Measure.YES_NO and due is not None:
        # "The platform is online" cannot be half true on the way: a yes/no result is
        # not due at all before its date and wholly due from it on, so no interpolation.
        return (final if as_of >= due else baseline(spec)), Line.STEP
    start = spec.baseline_date
    if start is None:
        return final, Line.NO_BASELINE_DATE
    if due is None:
        return final, Line.NO_TARGET_DATE
    if as_of < start:
        return baseline(spec), Line.BEFORE_BASELINE
    if as_of >= due:
        return final, Line.DUE
    # Here start <= as_of < due, so the span is at least one day.
    base = baseline(spec)
    return base + (final - base) * (as_of - start).days / (due - start).days, Line.INTERPOLATED


def target_value(
    spec: KpiSpec, targets: Sequence[TargetPoint], as_of: date, *, use_revisions: bool = True
) -> Decimal | None:
    """The target as of `as_of`: the per-period target of its period, else the planned line."""
    point = period_target(spec, targets, as_of, use_revisions=use_revisions)
    if point is not None:
        return point.value
    return planned_target(spec, as_of)[0]


# --- progress, expected progress and status ----------------------------------------------


class Share(Enum):
    """How a value was measured against the way from the baseline to the final target."""

    NO_VALUE = "no value to measure"
    NO_FINAL = "no final target to measure against"
    FLAT = "the final target equals the baseline: there is no way to divide by"
    SPAN = "(value − baseline) / (final target − baseline)"


def progress_share(spec: KpiSpec, actual: Decimal | None) -> tuple[Decimal | None, Share]:
    """How far the actual has gone from the baseline to the final target (1 = all the way).

    The same formula serves decreasing KPIs: both differences are negative. It may
    exceed 1 or be negative. When the final target equals the baseline, progress is
    1 if the actual is at the target or beyond it in the KPI's direction, else 0.
    """
    final = spec.target_value
    if actual is None:
        return None, Share.NO_VALUE
    if final is None:
        return None, Share.NO_FINAL
    base = baseline(spec)
    if final == base:
        reached = actual <= final if spec.direction is Direction.DECREASE else actual >= final
        return (_ONE if reached else _ZERO), Share.FLAT
    return (actual - base) / (final - base), Share.SPAN


def expected_share(spec: KpiSpec, target: Decimal | None) -> tuple[Decimal | None, Share]:
    """The progress the target to date asks for: (target − baseline) / (final − baseline);
    all of it (1) when the final target equals the baseline."""
    final = spec.target_value
    if target is None:
        return None, Share.NO_VALUE
    if final is None:
        return None, Share.NO_FINAL
    base = baseline(spec)
    if final == base:
        return _ONE, Share.FLAT
    return (target - base) / (final - base), Share.SPAN


class Bars(NamedTuple):
    """The thresholds a KPI's progress is held to, given the progress expected of it."""

    expected: Decimal  # no expected progress counts as 0
    green: Decimal  # the KPI's own, else DEFAULT_GREEN
    amber: Decimal  # the KPI's own, else DEFAULT_AMBER
    green_bar: Decimal  # green × expected: on track at or above it
    amber_bar: Decimal  # amber × expected: at risk at or above it, else off track


def bars(spec: KpiSpec, expected: Decimal | None) -> Bars:
    # With a final target, the target to date always has a value: 0 only guards the types.
    expected = _ZERO if expected is None else expected
    green = DEFAULT_GREEN if spec.green is None else spec.green
    amber = DEFAULT_AMBER if spec.amber is None else spec.amber
    return Bars(expected, green, amber, green * expected, amber * expected)


def status_of(
    spec: KpiSpec,
    as_of: date,
    actual: Decimal | None,
    progress: Decimal | None,
    expected: Decimal | None,
) -> KpiStatus:
    """Not started before the baseline date; no data without an actual (or without a
    final target to measure it against); achieved at 100%; else by the bars."""
    if spec.baseline_date is not None and as_of < spec.baseline_date:
        return KpiStatus.NOT_STARTED
    if actual is None or progress is None:
        return KpiStatus.NO_DATA
    if progress >= 1:
        return KpiStatus.ACHIEVED
    held_to = bars(spec, expected)
    if progress >= held_to.green_bar:
        return KpiStatus.ON_TRACK
    if progress >= held_to.amber_bar:
        return KpiStatus.AT_RISK
    return KpiStatus.OFF_TRACK


# --- quality flags -----------------------------------------------------------------------


def last_reported(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> date | None:
    """The end of the last usable period up to `as_of`, None when nothing is measured."""
    return max((o.period_end for o in measured(spec, observations, as_of)), default=None)


def _overdue(spec: KpiSpec, last_period_end: date | None, as_of: date) -> bool:
    if spec.frequency is Frequency.ONE_OFF:
        late = spec.target_date is not None and as_of > spec.target_date + _GRACE
        return late and last_period_end is None
    # The last period whose reporting grace has run out by the as-of date.
    due_end = previous_period_end(spec.frequency, as_of - _GRACE)
    if spec.target_date is not None:
        # Nothing is due after the period of the final target: a closed KPI is not late.
        due_end = min(due_end, period_bounds(spec.frequency, spec.target_date)[1])
    if spec.baseline_date is not None and spec.baseline_date > due_end:
        return False  # no period has been due yet
    return last_period_end is None or last_period_end < due_end


def flags_given_last(
    spec: KpiSpec, last_period_end: date | None, as_of: date
) -> frozenset[QualityFlag]:
    """What is missing or late in a KPI's definition and data, as of `as_of`, when only
    the end of its last usable period up to `as_of` is known."""
    flags: set[QualityFlag] = set()
    if spec.baseline_value is None:
        flags.add(QualityFlag.NO_BASELINE)
    if spec.target_value is None:
        flags.add(QualityFlag.NO_TARGET)
    if not spec.definition.strip():
        flags.add(QualityFlag.NO_DEFINITION)
    if not spec.data_source.strip():
        flags.add(QualityFlag.NO_DATA_SOURCE)
    if _overdue(spec, last_period_end, as_of):
        flags.add(QualityFlag.OVERDUE_MEASUREMENT)
    return frozenset(flags)


def quality_flags(
    spec: KpiSpec, observations: Sequence[Observation], as_of: date
) -> frozenset[QualityFlag]:
    """What is missing or late in a KPI's definition and data, as of `as_of`."""
    return flags_given_last(spec, last_reported(spec, observations, as_of), as_of)


# --- roll-ups and the whole judgement ----------------------------------------------------


def tally(
    judged: Iterable[tuple[KpiStatus, Decimal | None]],
) -> tuple[dict[KpiStatus, int], int, Decimal | None]:
    """KPI counts per status, how many have a progress, and the mean of those progress
    values, each capped to 0–100% first so that one over-achiever cannot hide a laggard.
    Raw values are never averaged: they are in different units."""
    counts = dict.fromkeys(KpiStatus, 0)
    capped: list[Decimal] = []
    for status, progress_value in judged:
        counts[status] += 1
        if progress_value is not None:
            capped.append(min(max(progress_value, _ZERO), _ONE))
    if not capped:
        return counts, 0, None
    return counts, len(capped), sum(capped, _ZERO) / len(capped)


class Judgement(NamedTuple):
    """What the engine says about a KPI, as numbers only.

    A named tuple rather than a dataclass: a portfolio builds tens of thousands.
    """

    actual: Decimal | None
    target: Decimal | None
    progress: Decimal | None
    expected: Decimal | None
    status: KpiStatus
    flags: frozenset[QualityFlag]


def judge_summary(
    spec: KpiSpec,
    summary: MeasuredSummary,
    targets: Sequence[TargetPoint],
    as_of: date,
    *,
    use_revisions: bool = True,
) -> Judgement:
    """The numbers of `engine_summary.evaluate_summary` (hence of `engine.evaluate`),
    from a summary of the usable measurements up to `as_of`, without any trace."""
    if summary.latest_end is not None and summary.latest_end > as_of:
        raise ValueError(f"the summary covers periods after the as-of date {as_of}")
    actual = actual_value(spec, summary)
    target = target_value(spec, targets, as_of, use_revisions=use_revisions)
    progress = progress_share(spec, actual)[0]
    expected = expected_share(spec, target)[0]
    return Judgement(
        actual,
        target,
        progress,
        expected,
        status_of(spec, as_of, actual, progress, expected),
        flags_given_last(spec, summary.last_period_end, as_of),
    )
