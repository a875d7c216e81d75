"""The KPI engine (DESIGN.md §2): actual, target, progress, status, flags, roll-ups.

Pure functions over the plain values of `kpi_types`: no Qt, no database, no
clock (the as-of date is always given). Values stay exact `Decimal`s; only
the traces round, for reading. Every figure carries the sentence that
explains it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from pilotage.domain import engine_trace as tr
from pilotage.domain.enums import Aggregation, Direction, Frequency, KpiStatus, Measure, QualityFlag
from pilotage.domain.formatting import format_number, format_percent
from pilotage.domain.kpi_types import (
    DEFAULT_AMBER,
    DEFAULT_GREEN,
    Evaluation,
    Figure,
    KpiSpec,
    Observation,
    RollUp,
    TargetPoint,
)
from pilotage.domain.periods import period_bounds as _period_bounds
from pilotage.domain.periods import period_label
from pilotage.domain.periods import previous_period_end as _previous_period_end

REPORTING_GRACE_DAYS = 30
"""Days a partner has after a period ends to report it before it is overdue."""

_ZERO = Decimal(0)
_ONE = Decimal(1)
_NO_BASELINE_NOTE = " (no baseline value, taken as 0)"

# A portfolio's KPIs share a handful of (frequency, day) pairs: compute each once.
period_bounds = lru_cache(maxsize=4096)(_period_bounds)
previous_period_end = lru_cache(maxsize=4096)(_previous_period_end)


# --- actual -------------------------------------------------------------------


def _has_value(spec: KpiSpec, observation: Observation) -> bool:
    """Whether an observation carries a number the engine can use."""
    if spec.measure is Measure.RATIO:
        return observation.numerator is not None and observation.denominator is not None
    return observation.value is not None


def _measured(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> list[Observation]:
    """Usable observations up to `as_of`, oldest first (traces read in time order)."""
    kept = [o for o in observations if o.period_end <= as_of and _has_value(spec, o)]
    return sorted(kept, key=lambda o: (o.period_end, o.period_start))


def actual(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> Figure:
    """The KPI's actual value as of `as_of`, by its aggregation; None when nothing is measured."""
    measured = _measured(spec, observations, as_of)
    if not measured:
        return Figure(None, f"no measurement up to {tr.day(as_of)}")
    if spec.measure is Measure.RATIO:
        return _ratio(spec, measured)
    points = [(o, o.value) for o in measured if o.value is not None]
    values = [v for _, v in points]
    count = len(values)
    if spec.aggregation is Aggregation.LATEST:
        last, value = points[-1]
        return Figure(value, f"latest value, period {tr.label(last)}: {tr.shown(spec, value)}")
    if spec.aggregation is Aggregation.MAXIMUM:
        best, value = max(points, key=lambda p: p[1])  # first of equal maxima: the earliest
        return Figure(
            value,
            f"maximum of {tr.periods(count)}: {tr.shown(spec, value)} (period {tr.label(best)})",
        )
    total = sum(values, _ZERO)
    listed = tr.terms([tr.term(spec, v) for v in values])
    if spec.aggregation is Aggregation.AVERAGE:
        mean = total / count
        if count == 1:
            text = f"average of 1 period ({tr.label(measured[0])}): {tr.shown(spec, mean)}"
        else:
            text = f"average of {tr.periods(count)}: ({listed}) / {count} = {tr.shown(spec, mean)}"
        return Figure(mean, text)
    if count == 1:
        return Figure(total, f"sum of 1 period ({tr.label(measured[0])}): {tr.shown(spec, total)}")
    return Figure(total, f"sum of {tr.periods(count)}: {listed} = {tr.shown(spec, total)}")


def _ratio(spec: KpiSpec, measured: list[Observation]) -> Figure:
    """Numerators and denominators are summed apart, then divided: never a mean of ratios."""
    pairs = [
        (o, o.numerator, o.denominator)
        for o in measured
        if o.numerator is not None and o.denominator is not None
    ]
    if spec.aggregation is Aggregation.LATEST:
        last, num, den = pairs[-1]
        head = f"latest ratio, period {tr.label(last)}"
        if den == 0:
            return Figure(None, f"{head}: the denominator is zero, so there is no ratio")
        value = num / den
        text = f"{head}: {format_number(num)} / {format_number(den)} = {tr.shown(spec, value)}"
        return Figure(value, text)
    count = len(pairs)
    numerator = sum((n for _, n, _ in pairs), _ZERO)
    denominator = sum((d for _, _, d in pairs), _ZERO)
    head = f"ratio of sums over {tr.periods(count)}"
    if denominator == 0:
        return Figure(None, f"{head}: the denominators add up to zero, so there is no ratio")
    value = numerator / denominator
    if count == 1:
        head = f"{head} ({tr.label(pairs[0][0])})"
        formula = f"{format_number(numerator)} / {format_number(denominator)}"
    else:
        nums = tr.terms([format_number(n) for _, n, _ in pairs])
        dens = tr.terms([format_number(d) for _, _, d in pairs])
        formula = f"({nums}) / ({dens})"
    return Figure(value, f"{head}: {formula} = {tr.shown(spec, value)}")


# --- target -------------------------------------------------------------------


def _baseline(spec: KpiSpec) -> tuple[Decimal, str]:
    """The baseline value (0 when none is set) and the note a trace adds when it is missing."""
    if spec.baseline_value is None:
        return _ZERO, _NO_BASELINE_NOTE
    return spec.baseline_value, ""


def target(
    spec: KpiSpec, targets: Sequence[TargetPoint], as_of: date, *, use_revisions: bool = True
) -> Figure:
    """The target as of `as_of`: the per-period target of the period containing it, else
    the line from the baseline to the final target. `use_revisions=False` reads the
    original plan only ("against original targets" views)."""
    start, end = period_bounds(spec.frequency, as_of)
    candidates = [t for t in targets if start <= t.period_end <= end]
    if not use_revisions:
        candidates = [t for t in candidates if t.revised_on is None]
    if candidates:
        # Latest period end first, then the latest revision (the original counts as oldest).
        chosen = max(candidates, key=lambda t: (t.period_end, t.revised_on or date.min))
        name = period_label(start, end)
        value_text = tr.shown(spec, chosen.value)
        if chosen.revised_on is None:
            return Figure(chosen.value, f"planned target for {name}: {value_text}")
        why = f": {chosen.reason}" if chosen.reason.strip() else ""
        return Figure(
            chosen.value,
            f"revised target for {name} (revised on {tr.day(chosen.revised_on)}{why}): "
            f"{value_text}",
        )
    return _interpolated(spec, as_of)


def _interpolated(spec: KpiSpec, as_of: date) -> Figure:
    final = spec.target_value
    if final is None:
        return Figure(None, "no target set")
    final_text = tr.shown(spec, final)
    if spec.baseline_date is None:
        return Figure(final, f"final target (no baseline date to interpolate from): {final_text}")
    if spec.target_date is None:
        return Figure(final, f"final target (no target date to interpolate to): {final_text}")
    baseline, note = _baseline(spec)
    start, finish = spec.baseline_date, spec.target_date
    if as_of < start:
        return Figure(
            baseline,
            f"baseline {tr.shown(spec, baseline)}{note}: the as-of date {tr.day(as_of)} "
            f"is before the baseline date {tr.day(start)}",
        )
    if as_of >= finish:
        return Figure(final, f"final target, due {tr.day(finish)}: {final_text}")
    # Here start <= as_of < finish, so the span is at least one day.
    elapsed, span = (as_of - start).days, (finish - start).days
    value = baseline + (final - baseline) * elapsed / span
    return Figure(
        value,
        f"interpolated between baseline {tr.shown(spec, baseline)}{note} on {tr.day(start)} "
        f"and target {final_text} on {tr.day(finish)}: {tr.shown(spec, value)} on {tr.day(as_of)}",
    )


# --- progress and status ------------------------------------------------------


def _share(spec: KpiSpec, value: Decimal, final: Decimal) -> Figure:
    """(value − baseline) / (final − baseline), with its formula; final ≠ baseline."""
    baseline, note = _baseline(spec)
    share = (value - baseline) / (final - baseline)
    base = tr.term(spec, baseline)
    return Figure(
        share,
        f"({tr.term(spec, value)} − {base}) / ({tr.term(spec, final)} − {base}) = "
        f"{format_percent(share)}{note}",
    )


def progress(spec: KpiSpec, actual_value: Decimal | None) -> Figure:
    """How far the actual has gone from the baseline to the final target (1 = all the way).

    The same formula serves decreasing KPIs: both differences are negative. It may
    exceed 1 or be negative. When the final target equals the baseline, progress is
    1 if the actual is at the target or beyond it in the KPI's direction, else 0.
    """
    if actual_value is None:
        return Figure(None, "no actual value")
    final = spec.target_value
    if final is None:
        return Figure(None, "no final target")
    baseline, _ = _baseline(spec)
    if final == baseline:
        if spec.direction is Direction.DECREASE:
            reached = actual_value <= final
        else:
            reached = actual_value >= final
        value = _ONE if reached else _ZERO
        verb = "reaches" if reached else "does not reach"
        return Figure(
            value,
            f"final target equals the baseline ({tr.shown(spec, final)}): actual "
            f"{tr.shown(spec, actual_value)} {verb} it, so {format_percent(value)}",
        )
    return _share(spec, actual_value, final)


def expected_progress(spec: KpiSpec, target_value: Decimal | None) -> Figure:
    """The progress the target to date asks for: (target − baseline) / (final − baseline)."""
    if target_value is None:
        return Figure(None, "no target to date")
    final = spec.target_value
    if final is None:
        return Figure(None, "no final target")
    baseline, _ = _baseline(spec)
    if final == baseline:
        return Figure(_ONE, "final target equals the baseline: expected 100%")
    return _share(spec, target_value, final)


def _status(
    spec: KpiSpec, as_of: date, actual_fig: Figure, progress_fig: Figure, expected_fig: Figure
) -> tuple[KpiStatus, str]:
    if spec.baseline_date is not None and as_of < spec.baseline_date:
        return KpiStatus.NOT_STARTED, (
            f"not started: as-of date {tr.day(as_of)} is before the baseline date "
            f"{tr.day(spec.baseline_date)}"
        )
    if actual_fig.value is None:
        return KpiStatus.NO_DATA, f"no data: {actual_fig.trace}"
    done = progress_fig.value
    if done is None:  # an actual but no final target to measure it against
        return KpiStatus.NO_DATA, f"no data: {progress_fig.trace}"
    if done >= 1:
        return KpiStatus.ACHIEVED, f"achieved: progress {format_percent(done)} ≥ 100%"
    # With a final target, target() always returns a value; 0 only guards the types.
    expected = expected_fig.value if expected_fig.value is not None else _ZERO
    green = spec.green if spec.green is not None else DEFAULT_GREEN
    amber = spec.amber if spec.amber is not None else DEFAULT_AMBER
    green_bar, amber_bar = green * expected, amber * expected
    done_text, expected_text = format_percent(done), format_percent(expected)
    green_text = f"{format_number(green)} × expected {expected_text} = {format_percent(green_bar)}"
    if done >= green_bar:
        return KpiStatus.ON_TRACK, f"on track: progress {done_text} ≥ {green_text}"
    if done >= amber_bar:
        return KpiStatus.AT_RISK, (
            f"at risk: progress {done_text} < {green_text} but ≥ {format_number(amber)} "
            f"× expected = {format_percent(amber_bar)}"
        )
    return KpiStatus.OFF_TRACK, (
        f"off track: progress {done_text} < {format_number(amber)} × expected "
        f"{expected_text} = {format_percent(amber_bar)}"
    )


def evaluate(
    spec: KpiSpec,
    observations: Sequence[Observation],
    targets: Sequence[TargetPoint],
    as_of: date,
    *,
    use_revisions: bool = True,
) -> Evaluation:
    """Everything the engine says about one KPI as of one date."""
    return conclude(
        spec,
        actual(spec, observations, as_of),
        last_reported(spec, observations, as_of),
        targets,
        as_of,
        use_revisions=use_revisions,
    )


def conclude(
    spec: KpiSpec,
    actual_fig: Figure,
    last_period_end: date | None,
    targets: Sequence[TargetPoint],
    as_of: date,
    *,
    use_revisions: bool = True,
) -> Evaluation:
    """The evaluation from the actual and the end of the last usable period: shared by
    `evaluate` and `engine_summary.evaluate_summary`, so both judge a KPI alike."""
    target_fig = target(spec, targets, as_of, use_revisions=use_revisions)
    progress_fig = progress(spec, actual_fig.value)
    expected_fig = expected_progress(spec, target_fig.value)
    status, status_trace = _status(spec, as_of, actual_fig, progress_fig, expected_fig)
    return Evaluation(
        as_of=as_of,
        actual=actual_fig,
        target=target_fig,
        progress=progress_fig,
        expected=expected_fig,
        status=status,
        status_trace=status_trace,
        flags=flags_given_last(spec, last_period_end, as_of),
    )


# --- quality flags and roll-ups -----------------------------------------------


def last_reported(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> date | None:
    """The end of the last usable period up to `as_of`, None when nothing is measured."""
    return max((o.period_end for o in _measured(spec, observations, as_of)), default=None)


def _overdue(spec: KpiSpec, last_period_end: date | None, as_of: date) -> bool:
    grace = timedelta(days=REPORTING_GRACE_DAYS)
    if spec.frequency is Frequency.ONE_OFF:
        late = spec.target_date is not None and as_of > spec.target_date + grace
        return late and last_period_end is None
    # The last period whose reporting grace has run out by the as-of date.
    due_end = previous_period_end(spec.frequency, as_of - grace)
    if spec.target_date is not None:
        # Nothing is due after the period of the final target: a closed KPI is not late.
        due_end = min(due_end, period_bounds(spec.frequency, spec.target_date)[1])
    if spec.baseline_date is not None and spec.baseline_date > due_end:
        return False  # no period has been due yet
    return last_period_end is None or last_period_end < due_end


def quality_flags(
    spec: KpiSpec, observations: Sequence[Observation], as_of: date
) -> frozenset[QualityFlag]:
    """What is missing or late in a KPI's definition and data, as of `as_of`."""
    return flags_given_last(spec, last_reported(spec, observations, as_of), as_of)


def flags_given_last(
    spec: KpiSpec, last_period_end: date | None, as_of: date
) -> frozenset[QualityFlag]:
    """`quality_flags` when only the end of the last usable period up to `as_of` is known."""
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


def roll_up(evaluations: Iterable[Evaluation]) -> RollUp:
    """KPI counts per status and the mean of their progress, each capped to 0–100% first,
    so that one over-achiever cannot hide a laggard. Raw values are never averaged."""
    return roll_up_judged((e.status, e.progress.value) for e in evaluations)


def roll_up_judged(judged: Iterable[tuple[KpiStatus, Decimal | None]]) -> RollUp:
    """`roll_up` from (status, progress) pairs: for KPIs judged without traces."""
    counts = dict.fromkeys(KpiStatus, 0)
    capped: list[Decimal] = []
    for status, progress_value in judged:
        counts[status] += 1
        if progress_value is not None:
            capped.append(min(max(progress_value, _ZERO), _ONE))
    kpi_count = sum(counts.values())
    if not capped:
        return RollUp(counts, None, kpi_count, "no KPI has a progress value")
    mean = sum(capped, _ZERO) / len(capped)
    noun = "value" if len(capped) == 1 else "values"
    return RollUp(
        counts,
        mean,
        kpi_count,
        f"mean of {len(capped)} progress {noun} (each capped at 0–100%): {format_percent(mean)}",
    )
