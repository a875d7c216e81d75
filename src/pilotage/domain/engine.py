"""The KPI engine (DESIGN.md §2): actual, target, progress, status, flags, roll-ups.

Every figure carries the sentence that explains it. The numbers and the
decisions come from `engine_rules`, the one place the rules are written; this
module only writes the traces around them, so that a traced evaluation and a
trace-free judgement (`engine_rules.judge_summary`) cannot disagree. Values stay
exact `Decimal`s; only the traces round, for reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from pilotage.domain import engine_actual as actual_rules
from pilotage.domain import engine_rules as rules
from pilotage.domain import engine_trace as tr
from pilotage.domain.engine_rules import (
    REPORTING_GRACE_DAYS,
    Line,
    Share,
    flags_given_last,
    last_reported,
    quality_flags,
)
from pilotage.domain.enums import Aggregation, KpiStatus, Measure
from pilotage.domain.formatting import format_number, format_percent
from pilotage.domain.kpi_types import (
    Evaluation,
    Figure,
    KpiSpec,
    MeasuredSummary,
    Observation,
    RollUp,
    TargetPoint,
)

__all__ = [
    "REPORTING_GRACE_DAYS",
    "actual",
    "actual_figure",
    "conclude",
    "evaluate",
    "expected_progress",
    "flags_given_last",
    "last_reported",
    "progress",
    "quality_flags",
    "roll_up",
    "roll_up_judged",
    "target",
]

_NO_BASELINE_NOTE = " (no baseline value, taken as 0)"


# --- actual -------------------------------------------------------------------


def actual(spec: KpiSpec, observations: Sequence[Observation], as_of: date) -> Figure:
    """The KPI's actual value as of `as_of`, by its aggregation; None when nothing is measured."""
    kept = actual_rules.measured(spec, observations, as_of)
    return actual_figure(spec, actual_rules.summary_of(kept), as_of, kept)


def actual_figure(
    spec: KpiSpec,
    summary: MeasuredSummary,
    as_of: date,
    kept: Sequence[Observation] | None = None,
) -> Figure:
    """The actual of a summary of the usable measurements up to `as_of`, with its trace.

    `kept`, the observations summarised, lets a sum or average of several periods
    list its terms ("240 + 260 + 234 = 734"); without them the trace gives only the
    total ("sum of 3 periods = 734"). Every other trace is the same either way.
    """
    count = summary.count
    if count == 0:
        return Figure(None, f"no measurement up to {tr.day(as_of)}")
    value = actual_rules.actual_value(spec, summary)
    latest = tr.period(summary.latest_start, summary.latest_end)
    if spec.measure is Measure.RATIO:
        return Figure(value, _ratio_trace(spec, summary, value, latest, kept))
    assert value is not None  # only a ratio can lack a value once something is measured
    shown = tr.shown(spec, value)
    if spec.aggregation is Aggregation.LATEST:
        return Figure(value, f"latest value, period {latest}: {shown}")
    if spec.aggregation is Aggregation.MAXIMUM:
        where = tr.period(summary.max_start, summary.max_end)
        return Figure(value, f"maximum of {tr.periods(count)}: {shown} (period {where})")
    verb = "average" if spec.aggregation is Aggregation.AVERAGE else "sum"
    if count == 1:
        return Figure(value, f"{verb} of 1 period ({latest}): {shown}")
    head = f"{verb} of {tr.periods(count)}"
    if kept is None:
        if spec.aggregation is Aggregation.AVERAGE:
            assert summary.value_sum is not None  # actual_rules.actual_value divided it
            total = tr.term(spec, summary.value_sum)
            return Figure(value, f"{head}: {total} / {count} = {shown}")
        return Figure(value, f"{head} = {shown}")
    listed = tr.terms([tr.term(spec, o.value) for o in kept if o.value is not None])
    if spec.aggregation is Aggregation.AVERAGE:
        return Figure(value, f"{head}: ({listed}) / {count} = {shown}")
    return Figure(value, f"{head}: {listed} = {shown}")


def _ratio_trace(
    spec: KpiSpec,
    summary: MeasuredSummary,
    value: Decimal | None,
    latest: str,
    kept: Sequence[Observation] | None,
) -> str:
    """Numerators and denominators summed apart, then divided: never a mean of ratios."""
    if spec.aggregation is Aggregation.LATEST:
        head = f"latest ratio, period {latest}"
        if value is None:
            return f"{head}: the denominator is zero, so there is no ratio"
        num, den = summary.latest_numerator, summary.latest_denominator
    else:
        head = f"ratio of sums over {tr.periods(summary.count)}"
        if value is None:
            return f"{head}: the denominators add up to zero, so there is no ratio"
        num, den = summary.numerator_sum, summary.denominator_sum
        if summary.count == 1:
            head = f"{head} ({latest})"
    # actual_rules.actual_value checked both terms.
    assert num is not None
    assert den is not None
    formula = f"{format_number(num)} / {format_number(den)}"
    if kept is not None and summary.count > 1 and spec.aggregation is not Aggregation.LATEST:
        nums = tr.terms([format_number(o.numerator) for o in kept if o.numerator is not None])
        dens = tr.terms([format_number(o.denominator) for o in kept if o.denominator is not None])
        formula = f"({nums}) / ({dens})"
    return f"{head}: {formula} = {tr.shown(spec, value)}"


# --- target -------------------------------------------------------------------


def _note(spec: KpiSpec) -> str:
    """What a trace adds after the baseline when it is missing (and taken as 0)."""
    return _NO_BASELINE_NOTE if spec.baseline_value is None else ""


def target(
    spec: KpiSpec, targets: Sequence[TargetPoint], as_of: date, *, use_revisions: bool = True
) -> Figure:
    """The target as of `as_of`: the per-period target of the period containing it, else
    the line from the baseline to the final target. `use_revisions=False` reads the
    original plan only ("against original targets" views)."""
    chosen = rules.period_target(spec, targets, as_of, use_revisions=use_revisions)
    if chosen is None:
        value, line = rules.planned_target(spec, as_of)
        return Figure(value, _line_trace(spec, as_of, value, line))
    name = tr.period(*rules.period_bounds(spec.frequency, as_of))
    value_text = tr.shown(spec, chosen.value)
    if chosen.revised_on is None:
        return Figure(chosen.value, f"planned target for {name}: {value_text}")
    why = f": {chosen.reason}" if chosen.reason.strip() else ""
    return Figure(
        chosen.value,
        f"revised target for {name} (revised on {tr.day(chosen.revised_on)}{why}): {value_text}",
    )


def _line_trace(spec: KpiSpec, as_of: date, value: Decimal | None, line: Line) -> str:
    """The sentence for the part of the planned line that gave the target."""
    if line is Line.NO_TARGET:
        return "no target set"
    final = spec.target_value
    # Every other part of the line has a final target, hence a value.
    assert final is not None
    assert value is not None
    final_text = tr.shown(spec, final)
    if line is Line.NO_BASELINE_DATE:
        return f"final target (no baseline date to interpolate from): {final_text}"
    if line is Line.NO_TARGET_DATE:
        return f"final target (no target date to interpolate to): {final_text}"
    # The remaining parts of the line all end on the target date.
    assert spec.target_date is not None
    due = tr.day(spec.target_date)
    base = f"baseline {tr.shown(spec, rules.baseline(spec))}{_note(spec)}"
    if line is Line.STEP:
        return (
            f"yes/no: {base} until the target date {due}, then {final_text}: "
            f"{tr.shown(spec, value)} on {tr.day(as_of)}"
        )
    if line is Line.DUE:
        return f"final target, due {due}: {final_text}"
    assert spec.baseline_date is not None  # the two parts left start on the baseline date
    start = tr.day(spec.baseline_date)
    if line is Line.BEFORE_BASELINE:
        return f"{base}: the as-of date {tr.day(as_of)} is before the baseline date {start}"
    return (
        f"interpolated between {base} on {start} and target {final_text} on {due}: "
        f"{tr.shown(spec, value)} on {tr.day(as_of)}"
    )


# --- progress and status ------------------------------------------------------


def _share_trace(spec: KpiSpec, value: Decimal, share: Decimal) -> str:
    """The formula (value − baseline) / (final − baseline) = share, spelled out."""
    assert spec.target_value is not None  # a share is only measured against a final target
    base = tr.term(spec, rules.baseline(spec))
    return (
        f"({tr.term(spec, value)} − {base}) / ({tr.term(spec, spec.target_value)} − {base}) = "
        f"{format_percent(share)}{_note(spec)}"
    )


def progress(spec: KpiSpec, actual_value: Decimal | None) -> Figure:
    """How far the actual has gone from the baseline to the final target (1 = all the way);
    `engine_rules.progress_share` says how it is measured."""
    value, share = rules.progress_share(spec, actual_value)
    if share is Share.NO_VALUE:
        return Figure(None, "no actual value")
    if share is Share.NO_FINAL:
        return Figure(None, "no final target")
    assert actual_value is not None
    assert value is not None
    assert spec.target_value is not None
    if share is Share.FLAT:
        verb = "reaches" if value == 1 else "does not reach"
        return Figure(
            value,
            f"final target equals the baseline ({tr.shown(spec, spec.target_value)}): actual "
            f"{tr.shown(spec, actual_value)} {verb} it, so {format_percent(value)}",
        )
    return Figure(value, _share_trace(spec, actual_value, value))


def expected_progress(spec: KpiSpec, target_value: Decimal | None) -> Figure:
    """The progress the target to date asks for: (target − baseline) / (final − baseline)."""
    value, share = rules.expected_share(spec, target_value)
    if share is Share.NO_VALUE:
        return Figure(None, "no target to date")
    if share is Share.NO_FINAL:
        return Figure(None, "no final target")
    assert target_value is not None
    assert value is not None
    if share is Share.FLAT:
        return Figure(value, "final target equals the baseline: expected 100%")
    return Figure(value, _share_trace(spec, target_value, value))


def _status(
    spec: KpiSpec, as_of: date, actual_fig: Figure, progress_fig: Figure, expected_fig: Figure
) -> tuple[KpiStatus, str]:
    """The status of `engine_rules.status_of`, and the sentence that says why."""
    status = rules.status_of(spec, as_of, actual_fig.value, progress_fig.value, expected_fig.value)
    if status is KpiStatus.NOT_STARTED:
        assert spec.baseline_date is not None
        return status, (
            f"not started: as-of date {tr.day(as_of)} is before the baseline date "
            f"{tr.day(spec.baseline_date)}"
        )
    if status is KpiStatus.NO_DATA:
        # No actual, or an actual but no final target to measure it against.
        missing = actual_fig if actual_fig.value is None else progress_fig
        return status, f"no data: {missing.trace}"
    done = progress_fig.value
    assert done is not None  # every other status measures a progress
    done_text = format_percent(done)
    if status is KpiStatus.ACHIEVED:
        return status, f"achieved: progress {done_text} ≥ 100%"
    held_to = rules.bars(spec, expected_fig.value)
    expected_text = format_percent(held_to.expected)
    # Only the bars a sentence names are formatted: a portfolio writes thousands.
    if status is KpiStatus.OFF_TRACK:
        return status, (
            f"off track: progress {done_text} < {format_number(held_to.amber)} × expected "
            f"{expected_text} = {format_percent(held_to.amber_bar)}"
        )
    green_text = (
        f"{format_number(held_to.green)} × expected {expected_text} = "
        f"{format_percent(held_to.green_bar)}"
    )
    if status is KpiStatus.ON_TRACK:
        return status, f"on track: progress {done_text} ≥ {green_text}"
    return status, (
        f"at risk: progress {done_text} < {green_text} but ≥ {format_number(held_to.amber)} "
        f"× expected = {format_percent(held_to.amber_bar)}"
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


# --- roll-ups -----------------------------------------------------------------


def roll_up(evaluations: Iterable[Evaluation]) -> RollUp:
    """KPI counts per status and the mean of their progress, each capped to 0–100% first,
    so that one over-achiever cannot hide a laggard. Raw values are never averaged."""
    return roll_up_judged((e.status, e.progress.value) for e in evaluations)


def roll_up_judged(judged: Iterable[tuple[KpiStatus, Decimal | None]]) -> RollUp:
    """`roll_up` from (status, progress) pairs: for KPIs judged without traces."""
    counts, measured_count, mean = rules.tally(judged)
    kpi_count = sum(counts.values())
    if mean is None:
        return RollUp(counts, None, kpi_count, "no KPI has a progress value")
    noun = "value" if measured_count == 1 else "values"
    return RollUp(
        counts,
        mean,
        kpi_count,
        f"mean of {measured_count} progress {noun} (each capped at 0–100%): {format_percent(mean)}",
    )
