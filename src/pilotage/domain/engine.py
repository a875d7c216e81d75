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
from pilotage.domain.enums import KpiStatus, Measure
from pilotage.domain.kpi_types import (
    Evaluation,
    Figure,
    KpiSpec,
    MeasuredSummary,
    Observation,
    RollUp,
    TargetPoint,
)
from pilotage.domain.messages import plural, translate

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
        text = translate("Engine", "no measurement up to {date}")
        return Figure(None, text.format(date=tr.day(as_of)))
    value = actual_rules.actual_value(spec, summary)
    latest = tr.period(summary.latest_start, summary.latest_end)
    if spec.measure is Measure.RATIO:
        return Figure(value, tr.ratio_actual(spec, summary, value, latest, kept))
    assert value is not None  # only a ratio can lack a value once something is measured
    return Figure(value, tr.value_actual(spec, summary, value, latest, kept))


# --- target -------------------------------------------------------------------


def _baseline(spec: KpiSpec) -> str:
    """The baseline as a trace names it, saying so when it is missing (and taken as 0)."""
    value = tr.shown(spec, rules.baseline(spec))
    if spec.baseline_value is None:
        text = translate("Engine", "baseline {value} (no baseline value, taken as 0)")
    else:
        text = translate("Engine", "baseline {value}")
    return text.format(value=value)


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
        text = translate("Engine", "planned target for {period}: {value}")
        return Figure(chosen.value, text.format(period=name, value=value_text))
    if chosen.reason.strip():
        text = translate(
            "Engine", "revised target for {period} (revised on {date}: {reason}): {value}"
        )
    else:
        text = translate("Engine", "revised target for {period} (revised on {date}): {value}")
    revised = tr.day(chosen.revised_on)
    return Figure(
        chosen.value,
        text.format(period=name, date=revised, reason=chosen.reason, value=value_text),
    )


def _line_trace(spec: KpiSpec, as_of: date, value: Decimal | None, line: Line) -> str:
    """The sentence for the part of the planned line that gave the target."""
    if line is Line.NO_TARGET:
        return translate("Engine", "no target set")
    final = spec.target_value
    # Every other part of the line has a final target, hence a value.
    assert final is not None
    assert value is not None
    final_text = tr.shown(spec, final)
    if line is Line.NO_BASELINE_DATE:
        text = translate("Engine", "final target (no baseline date to interpolate from): {final}")
        return text.format(final=final_text)
    if line is Line.NO_TARGET_DATE:
        text = translate("Engine", "final target (no target date to interpolate to): {final}")
        return text.format(final=final_text)
    # The remaining parts of the line all end on the target date.
    assert spec.target_date is not None
    due = tr.day(spec.target_date)
    if line is Line.DUE:
        return translate("Engine", "final target, due {due}: {final}").format(
            due=due, final=final_text
        )
    words = {
        "baseline": _baseline(spec),
        "due": due,
        "final": final_text,
        "value": tr.shown(spec, value),
        "date": tr.day(as_of),
    }
    if line is Line.STEP:
        text = translate(
            "Engine",
            "yes/no: {baseline} until the target date {due}, then {final}: {value} on {date}",
        )
        return text.format(**words)
    assert spec.baseline_date is not None  # the two parts left start on the baseline date
    start = tr.day(spec.baseline_date)
    if line is Line.BEFORE_BASELINE:
        text = translate(
            "Engine", "{baseline}: the as-of date {date} is before the baseline date {start}"
        )
    else:
        text = translate(
            "Engine",
            "interpolated between {baseline} on {start} and target {final} on {due}: "
            "{value} on {date}",
        )
    return text.format(start=start, **words)


# --- progress and status ------------------------------------------------------


def _share_trace(spec: KpiSpec, value: Decimal, share: Decimal) -> str:
    """The formula (value − baseline) / (final − baseline) = share, spelled out."""
    assert spec.target_value is not None  # a share is only measured against a final target
    if spec.baseline_value is None:
        text = translate(
            "Engine",
            "({value} − {baseline}) / ({final} − {baseline}) = {share} "
            "(no baseline value, taken as 0)",
        )
    else:
        text = "({value} − {baseline}) / ({final} − {baseline}) = {share}"  # no words to translate
    return text.format(
        value=tr.term(spec, value),
        baseline=tr.term(spec, rules.baseline(spec)),
        final=tr.term(spec, spec.target_value),
        share=tr.percent(share),
    )


def progress(spec: KpiSpec, actual_value: Decimal | None) -> Figure:
    """How far the actual has gone from the baseline to the final target (1 = all the way);
    `engine_rules.progress_share` says how it is measured."""
    value, share = rules.progress_share(spec, actual_value)
    if share is Share.NO_VALUE:
        return Figure(None, translate("Engine", "no actual value"))
    if share is Share.NO_FINAL:
        return Figure(None, translate("Engine", "no final target"))
    assert actual_value is not None
    assert value is not None
    assert spec.target_value is not None
    if share is Share.FLAT:
        if value == 1:
            text = translate(
                "Engine",
                "final target equals the baseline ({final}): actual {actual} reaches it, "
                "so {share}",
            )
        else:
            text = translate(
                "Engine",
                "final target equals the baseline ({final}): actual {actual} does not reach it, "
                "so {share}",
            )
        final, shown = tr.shown(spec, spec.target_value), tr.shown(spec, actual_value)
        return Figure(value, text.format(final=final, actual=shown, share=tr.percent(value)))
    return Figure(value, _share_trace(spec, actual_value, value))


def expected_progress(spec: KpiSpec, target_value: Decimal | None) -> Figure:
    """The progress the target to date asks for: (target − baseline) / (final − baseline)."""
    value, share = rules.expected_share(spec, target_value)
    if share is Share.NO_VALUE:
        return Figure(None, translate("Engine", "no target to date"))
    if share is Share.NO_FINAL:
        return Figure(None, translate("Engine", "no final target"))
    assert target_value is not None
    assert value is not None
    if share is Share.FLAT:
        return Figure(value, translate("Engine", "final target equals the baseline: expected 100%"))
    return Figure(value, _share_trace(spec, target_value, value))


def _status(
    spec: KpiSpec, as_of: date, actual_fig: Figure, progress_fig: Figure, expected_fig: Figure
) -> tuple[KpiStatus, str]:
    """The status of `engine_rules.status_of`, and the sentence that says why."""
    status = rules.status_of(spec, as_of, actual_fig.value, progress_fig.value, expected_fig.value)
    if status is KpiStatus.NOT_STARTED:
        assert spec.baseline_date is not None
        text = translate(
            "Engine", "not started: as-of date {date} is before the baseline date {start}"
        )
        return status, text.format(date=tr.day(as_of), start=tr.day(spec.baseline_date))
    if status is KpiStatus.NO_DATA:
        # No actual, or an actual but no final target to measure it against.
        missing = actual_fig if actual_fig.value is None else progress_fig
        return status, translate("Engine", "no data: {reason}").format(reason=missing.trace)
    done = progress_fig.value
    assert done is not None  # every other status measures a progress
    if status is KpiStatus.ACHIEVED:
        text = translate("Engine", "achieved: progress {progress} ≥ 100%")
        return status, text.format(progress=tr.percent(done))
    held_to = rules.bars(spec, expected_fig.value)
    progress_text, expected_text = tr.percent(done), tr.percent(held_to.expected)
    # Only the bars a sentence names are formatted: a portfolio writes thousands.
    if status is KpiStatus.OFF_TRACK:
        text = translate(
            "Engine", "off track: progress {progress} < {amber} × expected {expected} = {bar}"
        )
        return status, text.format(
            progress=progress_text,
            amber=tr.number(held_to.amber),
            expected=expected_text,
            bar=tr.percent(held_to.amber_bar),
        )
    green = {
        "progress": progress_text,
        "green": tr.number(held_to.green),
        "expected": expected_text,
        "bar": tr.percent(held_to.green_bar),
    }
    if status is KpiStatus.ON_TRACK:
        text = translate(
            "Engine", "on track: progress {progress} ≥ {green} × expected {expected} = {bar}"
        )
        return status, text.format(**green)
    text = translate(
        "Engine",
        "at risk: progress {progress} < {green} × expected {expected} = {bar} "
        "but ≥ {amber} × expected = {amber_bar}",
    )
    amber = tr.number(held_to.amber)
    return status, text.format(amber=amber, amber_bar=tr.percent(held_to.amber_bar), **green)


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
        return RollUp(counts, None, kpi_count, translate("Engine", "no KPI has a progress value"))
    text = plural(
        measured_count,
        translate("Engine", "mean of 1 progress value (each capped at 0–100%): {mean}"),
        translate("Engine", "mean of {count} progress values (each capped at 0–100%): {mean}"),
    )
    return RollUp(counts, mean, kpi_count, text.format(count=measured_count, mean=tr.percent(mean)))
