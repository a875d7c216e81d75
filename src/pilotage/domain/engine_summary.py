"""The KPI engine on aggregated figures: the same judgement without every measurement.

`evaluate` reads a KPI's observations one by one; a portfolio of thirty
thousand KPIs cannot afford that. The database instead sums, counts and
finds the latest and the maximum period per KPI in one query
(a `MeasuredSummary`), and `evaluate_summary` draws the same actual,
progress, status and flags from it: the rules are those of `engine_rules`,
the traces those of `engine`. Only the actual's trace is shorter when
several periods are summed or averaged ("sum of 12 periods = 734"): the
individual terms are not in the summary.

`headline_status` gives a tree node its status dot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from pilotage.domain.engine import actual_figure, conclude
from pilotage.domain.engine_actual import EMPTY_SUMMARY, running_summaries, summarize
from pilotage.domain.enums import KpiStatus
from pilotage.domain.kpi_types import (
    Evaluation,
    Figure,
    KpiSpec,
    MeasuredSummary,
    RollUp,
    TargetPoint,
)

# Summarising observations is a rule (which ones count, which period is the latest):
# it lives in engine_rules; these names stay importable from here.
__all__ = [
    "EMPTY_SUMMARY",
    "actual_from_summary",
    "evaluate_summary",
    "headline_status",
    "running_summaries",
    "summarize",
    "target_window",
]

# Judged statuses, worst news first: the first one present is a node's headline.
_WORST_FIRST = (KpiStatus.OFF_TRACK, KpiStatus.AT_RISK, KpiStatus.ON_TRACK, KpiStatus.ACHIEVED)


def actual_from_summary(spec: KpiSpec, summary: MeasuredSummary, as_of: date) -> Figure:
    """`engine.actual` from a summary: the same value; a trace without the single terms."""
    if summary.latest_end is not None and summary.latest_end > as_of:
        raise ValueError(f"the summary covers periods after the as-of date {as_of}")
    return actual_figure(spec, summary, as_of)


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
