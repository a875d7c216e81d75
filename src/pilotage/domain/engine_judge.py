"""The engine's figures and status without their traces, for portfolio-wide roll-ups.

Writing a trace costs far more than the arithmetic (a dozen formatted numbers
per KPI); a portfolio overview of thirty thousand KPIs only needs each one's
status and progress. `judge_summary` computes exactly the numbers of
`engine.evaluate` (DESIGN.md §2) and no text: the property tests in
tests/domain/test_engine_summary.py hold the two to the same results on any
data, so a change to one of them that the other does not follow fails there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pilotage.domain.engine import flags_given_last, period_bounds  # period_bounds: cached
from pilotage.domain.enums import Aggregation, Direction, KpiStatus, Measure, QualityFlag
from pilotage.domain.kpi_types import (
    DEFAULT_AMBER,
    DEFAULT_GREEN,
    KpiSpec,
    MeasuredSummary,
    TargetPoint,
)

_ZERO = Decimal(0)
_ONE = Decimal(1)


@dataclass(frozen=True)
class Judgement:
    """What `engine.evaluate` says about a KPI, as numbers only."""

    actual: Decimal | None
    target: Decimal | None
    progress: Decimal | None
    expected: Decimal | None
    status: KpiStatus
    flags: frozenset[QualityFlag]


def actual_value(spec: KpiSpec, summary: MeasuredSummary) -> Decimal | None:
    """The actual of `engine.actual`, from a summary of the usable periods."""
    count = summary.count
    if count == 0:
        return None
    if spec.measure is Measure.RATIO:
        if spec.aggregation is Aggregation.LATEST:
            numerator, denominator = summary.latest_numerator, summary.latest_denominator
        else:
            numerator, denominator = summary.numerator_sum, summary.denominator_sum
        if numerator is None or denominator is None:
            raise ValueError("inconsistent measured summary: a ratio lacks its terms")
        return None if denominator == 0 else numerator / denominator
    if spec.aggregation is Aggregation.LATEST:
        value = summary.latest_value
    elif spec.aggregation is Aggregation.MAXIMUM:
        value = summary.max_value
    elif spec.aggregation is Aggregation.AVERAGE:
        value = None if summary.value_sum is None else summary.value_sum / count
    else:
        value = summary.value_sum
    if value is None:
        raise ValueError("inconsistent measured summary: a figure is missing")
    return value


def target_value(
    spec: KpiSpec, targets: Sequence[TargetPoint], as_of: date, *, use_revisions: bool = True
) -> Decimal | None:
    """The value of `engine.target`."""
    if targets:  # most KPIs have no per-period target: skip finding the period
        start, end = period_bounds(spec.frequency, as_of)
        candidates = [
            t
            for t in targets
            if start <= t.period_end <= end and (use_revisions or t.revised_on is None)
        ]
        if candidates:
            return max(candidates, key=lambda t: (t.period_end, t.revised_on or date.min)).value
    final = spec.target_value
    if final is None:
        return None
    if spec.baseline_date is None or spec.target_date is None:
        return final
    baseline = _baseline(spec)
    if as_of < spec.baseline_date:
        return baseline
    if as_of >= spec.target_date:
        return final
    elapsed, span = (as_of - spec.baseline_date).days, (spec.target_date - spec.baseline_date).days
    return baseline + (final - baseline) * elapsed / span


def _baseline(spec: KpiSpec) -> Decimal:
    return _ZERO if spec.baseline_value is None else spec.baseline_value


def progress_value(spec: KpiSpec, actual: Decimal | None) -> Decimal | None:
    """The value of `engine.progress`."""
    final = spec.target_value
    if actual is None or final is None:
        return None
    baseline = _baseline(spec)
    if final == baseline:
        reached = actual <= final if spec.direction is Direction.DECREASE else actual >= final
        return _ONE if reached else _ZERO
    return (actual - baseline) / (final - baseline)


def expected_value(spec: KpiSpec, target: Decimal | None) -> Decimal | None:
    """The value of `engine.expected_progress`."""
    final = spec.target_value
    if target is None or final is None:
        return None
    baseline = _baseline(spec)
    if final == baseline:
        return _ONE
    return (target - baseline) / (final - baseline)


def status_of(
    spec: KpiSpec,
    as_of: date,
    actual: Decimal | None,
    progress: Decimal | None,
    expected: Decimal | None,
) -> KpiStatus:
    """The status `engine.evaluate` gives, from its numbers."""
    if spec.baseline_date is not None and as_of < spec.baseline_date:
        return KpiStatus.NOT_STARTED
    if actual is None or progress is None:
        return KpiStatus.NO_DATA
    if progress >= 1:
        return KpiStatus.ACHIEVED
    expected = _ZERO if expected is None else expected
    green = DEFAULT_GREEN if spec.green is None else spec.green
    amber = DEFAULT_AMBER if spec.amber is None else spec.amber
    if progress >= green * expected:
        return KpiStatus.ON_TRACK
    if progress >= amber * expected:
        return KpiStatus.AT_RISK
    return KpiStatus.OFF_TRACK


def judge_summary(
    spec: KpiSpec,
    summary: MeasuredSummary,
    targets: Sequence[TargetPoint],
    as_of: date,
    *,
    use_revisions: bool = True,
) -> Judgement:
    """The numbers of `engine_summary.evaluate_summary` (hence of `engine.evaluate`)."""
    if summary.latest_end is not None and summary.latest_end > as_of:
        raise ValueError(f"the summary covers periods after the as-of date {as_of}")
    actual = actual_value(spec, summary)
    target = target_value(spec, targets, as_of, use_revisions=use_revisions)
    progress = progress_value(spec, actual)
    expected = expected_value(spec, target)
    return Judgement(
        actual=actual,
        target=target,
        progress=progress,
        expected=expected,
        status=status_of(spec, as_of, actual, progress, expected),
        flags=flags_given_last(spec, summary.last_period_end, as_of),
    )
