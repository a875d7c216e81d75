"""The KPI engine on aggregated figures: the same judgement without every measurement.

`evaluate` reads a KPI's observations one by one; a portfolio of thirty
thousand KPIs cannot afford that. The database instead sums, counts and
finds the latest and the maximum period per KPI in one query
(a `MeasuredSummary`), and `evaluate_summary` draws the same actual,
progress, status and flags from it. Only the actual's trace is shorter when
several periods are summed or averaged ("sum of 12 periods = 734"): the
individual terms are not in the summary.

`headline_status` gives a tree node its status dot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pilotage.domain import engine_trace as tr
from pilotage.domain.engine import conclude
from pilotage.domain.engine_judge import actual_value
from pilotage.domain.enums import Aggregation, KpiStatus, Measure
from pilotage.domain.formatting import format_number
from pilotage.domain.kpi_types import (
    Evaluation,
    Figure,
    KpiSpec,
    MeasuredSummary,
    Observation,
    RollUp,
    TargetPoint,
)
from pilotage.domain.periods import period_label

EMPTY_SUMMARY = MeasuredSummary()

_ZERO = Decimal(0)

# Judged statuses, worst news first: the first one present is a node's headline.
_WORST_FIRST = (KpiStatus.OFF_TRACK, KpiStatus.AT_RISK, KpiStatus.ON_TRACK, KpiStatus.ACHIEVED)


# --- summarising observations (the reference the SQL aggregate must match) ---------


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


def _usable(spec: KpiSpec, observations: Iterable[Observation]) -> list[Observation]:
    """Observations with a number the engine can use, in the engine's time order."""
    if spec.measure is Measure.RATIO:
        kept = [o for o in observations if o.numerator is not None and o.denominator is not None]
    else:
        kept = [o for o in observations if o.value is not None]
    return sorted(kept, key=lambda o: (o.period_end, o.period_start))


def summarize(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> MeasuredSummary:
    """The summary of the usable observations whose period ends on or before `as_of`."""
    running = _Running()
    for observation in _usable(spec, observations):
        if observation.period_end > as_of:
            break
        running.add(observation)
    return running.frozen()


def running_summaries(
    spec: KpiSpec, observations: Sequence[Observation]
) -> list[tuple[date, MeasuredSummary]]:
    """For each distinct end of a usable period, oldest first, the summary as of that day.

    One pass, for a chart of the actual over time (not one summary per point).
    """
    running = _Running()
    points: list[tuple[date, MeasuredSummary]] = []
    usable = _usable(spec, observations)
    for index, observation in enumerate(usable):
        running.add(observation)
        following = usable[index + 1] if index + 1 < len(usable) else None
        if following is None or following.period_end != observation.period_end:
            points.append((observation.period_end, running.frozen()))
    return points


# --- the actual from a summary ---------------------------------------------------------


def _label(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        raise ValueError("inconsistent measured summary: a period is missing")
    return period_label(start, end)


def actual_from_summary(spec: KpiSpec, summary: MeasuredSummary, as_of: date) -> Figure:
    """`engine.actual` from a summary: the same value; a trace without the single terms."""
    count = summary.count
    if count == 0:
        return Figure(None, f"no measurement up to {tr.day(as_of)}")
    if summary.latest_end is not None and summary.latest_end > as_of:
        raise ValueError(f"the summary covers periods after the as-of date {as_of}")
    value = actual_value(spec, summary)
    latest = _label(summary.latest_start, summary.latest_end)
    if spec.measure is Measure.RATIO:
        return Figure(value, _ratio_trace(spec, summary, value, latest))
    assert value is not None  # only a ratio can lack a value once something is measured
    shown = tr.shown(spec, value)
    if spec.aggregation is Aggregation.LATEST:
        return Figure(value, f"latest value, period {latest}: {shown}")
    if spec.aggregation is Aggregation.MAXIMUM:
        where = _label(summary.max_start, summary.max_end)
        return Figure(value, f"maximum of {tr.periods(count)}: {shown} (period {where})")
    if count == 1:
        verb = "average" if spec.aggregation is Aggregation.AVERAGE else "sum"
        return Figure(value, f"{verb} of 1 period ({latest}): {shown}")
    if spec.aggregation is Aggregation.AVERAGE:
        total = tr.term(spec, summary.value_sum or _ZERO)
        return Figure(value, f"average of {tr.periods(count)}: {total} / {count} = {shown}")
    return Figure(value, f"sum of {tr.periods(count)} = {shown}")


def _ratio_trace(
    spec: KpiSpec, summary: MeasuredSummary, value: Decimal | None, latest: str
) -> str:
    """As `engine._ratio`'s traces: numerators and denominators summed apart, then divided."""
    if spec.aggregation is Aggregation.LATEST:
        head = f"latest ratio, period {latest}"
        num, den = summary.latest_numerator, summary.latest_denominator
        if value is None:
            return f"{head}: the denominator is zero, so there is no ratio"
    else:
        head = f"ratio of sums over {tr.periods(summary.count)}"
        num, den = summary.numerator_sum, summary.denominator_sum
        if value is None:
            return f"{head}: the denominators add up to zero, so there is no ratio"
        if summary.count == 1:
            head = f"{head} ({latest})"
    # actual_value checked both terms.
    assert num is not None
    assert den is not None
    return f"{head}: {format_number(num)} / {format_number(den)} = {tr.shown(spec, value)}"


def evaluate_summary(
    spec: KpiSpec,
    summary: MeasuredSummary,
    targets: Sequence[TargetPoint],
    as_of: date,
    *,
    use_revisions: bool = True,
) -> Evaluation:
    """`engine.evaluate` from a summary of the usable measurements up to `as_of`.

    Same actual, target, progress, expected, status and flags as `evaluate` on the
    observations themselves; only the actual's trace may leave out the terms.
    """
    return conclude(
        spec,
        actual_from_summary(spec, summary, as_of),
        summary.last_period_end,
        targets,
        as_of,
        use_revisions=use_revisions,
    )


def target_window(as_of: date) -> tuple[date, date]:
    """The days within which every per-period target `engine.target` may read lies.

    The longest calendar period is a year and a one-off KPI's period is the day
    itself, so a period containing `as_of` never leaves its calendar year: a
    query may load only the targets that end in that year.
    """
    return date(as_of.year, 1, 1), date(as_of.year, 12, 31)


# --- a tree node's status dot ----------------------------------------------------------


def headline_status(statuses: RollUp | Iterable[KpiStatus]) -> KpiStatus:
    """The one status that stands for a group of KPIs (a tree node's dot).

    The worst judged status wins: off track, then at risk, on track, achieved.
    When no KPI is judged: no data if any KPI lacks data, else not started.
    A node without any KPI has nothing to be judged by, so it shows NO_DATA too.
    """
    counts = statuses.counts if isinstance(statuses, RollUp) else Counter(statuses)
    for status in (*_WORST_FIRST, KpiStatus.NO_DATA, KpiStatus.NOT_STARTED):
        if counts.get(status, 0) > 0:
            return status
    return KpiStatus.NO_DATA
