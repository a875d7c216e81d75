"""Which measurements count for a KPI and what they add up to (DESIGN.md §2, actual).

Part of the engine's rules (`engine_rules`): numbers only, no trace. The same
summary serves a list of observations (a KPI's page) and a summary the
database computed (the portfolio), so both reach the same actual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pilotage.domain.enums import Aggregation, Measure
from pilotage.domain.kpi_types import KpiSpec, MeasuredSummary, Observation

EMPTY_SUMMARY = MeasuredSummary()

_ZERO = Decimal(0)


def usable(spec: KpiSpec, observations: Iterable[Observation]) -> list[Observation]:
    """The observations carrying a number the engine can use (numerator and denominator
    for a ratio KPI, a value for any other), oldest first: traces read in time order."""
    if spec.measure is Measure.RATIO:
        kept = [o for o in observations if o.numerator is not None and o.denominator is not None]
    else:
        kept = [o for o in observations if o.value is not None]
    return sorted(kept, key=lambda o: (o.period_end, o.period_start))


def measured(spec: KpiSpec, observations: Iterable[Observation], as_of: date) -> list[Observation]:
    """The usable observations whose period ends on or before `as_of`, oldest first."""
    return [o for o in usable(spec, observations) if o.period_end <= as_of]


@dataclass
class _Running:
    """A summary being built, one usable observation at a time, oldest first."""

    count: int = 0
    value_sum: Decimal | None = None
    numerator_sum: Decimal | None = None
    denominator_sum: Decimal | None = None
    max_value: Decimal | None = None
    max_period: tuple[date, date] | None = None
    latest: Observation | None = None

    def add(self, observation: Observation) -> None:
        self.count += 1
        value = observation.value
        if value is not None:
            self.value_sum = value if self.value_sum is None else self.value_sum + value
            # Strictly greater: among equal maxima the earliest period stays.
            if self.max_value is None or value > self.max_value:
                self.max_value = value
                self.max_period = (observation.period_start, observation.period_end)
        if observation.numerator is not None:
            num = observation.numerator
            self.numerator_sum = num if self.numerator_sum is None else self.numerator_sum + num
        if observation.denominator is not None:
            den = observation.denominator
            total = self.denominator_sum
            self.denominator_sum = den if total is None else total + den
        self.latest = observation

    def frozen(self) -> MeasuredSummary:
        if self.latest is None:
            return EMPTY_SUMMARY
        latest = self.latest
        max_start, max_end = self.max_period or (None, None)
        return MeasuredSummary(
            count=self.count,
            value_sum=self.value_sum,
            numerator_sum=self.numerator_sum,
            denominator_sum=self.denominator_sum,
            max_value=self.max_value,
            max_start=max_start,
            max_end=max_end,
            latest_start=latest.period_start,
            latest_end=latest.period_end,
            latest_value=latest.value,
            latest_numerator=latest.numerator,
            latest_denominator=latest.denominator,
        )


def summary_of(measured_observations: Iterable[Observation]) -> MeasuredSummary:
    """The summary of observations already kept by `measured` (usable, oldest first)."""
    running = _Running()
    for observation in measured_observations:
        running.add(observation)
    return running.frozen()


def summarize(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> MeasuredSummary:
    """The summary of the usable observations up to `as_of`: what the SQL aggregate of
    `services.measured.load_summaries` must match."""
    return summary_of(measured(spec, observations, as_of))


def running_summaries(
    spec: KpiSpec, observations: Sequence[Observation]
) -> list[tuple[date, MeasuredSummary]]:
    """For each distinct end of a usable period, oldest first, the summary as of that day.

    One pass, for a chart of the actual over time (not one summary per point).
    """
    running = _Running()
    points: list[tuple[date, MeasuredSummary]] = []
    kept = usable(spec, observations)
    for index, observation in enumerate(kept):
        running.add(observation)
        following = kept[index + 1] if index + 1 < len(kept) else None
        if following is None or following.period_end != observation.period_end:
            points.append((observation.period_end, running.frozen()))
    return points


def actual_value(spec: KpiSpec, summary: MeasuredSummary) -> Decimal | None:
    """The actual by the KPI's aggregation; None when nothing is measured (not zero).

    A ratio sums its numerators and its denominators apart, then divides (never a
    mean of ratios); a zero denominator gives no ratio.
    """
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
