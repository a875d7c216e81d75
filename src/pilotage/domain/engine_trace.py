"""Small helpers that write the engine's one-line explanations (its traces).

Kept apart from the arithmetic in `engine.py` so that the wording can change
without touching a calculation. Numbers come out in the traces' number style
(`formatting.set_number_style`); the sentences are `messages` templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache

from pilotage.domain.enums import Aggregation, Measure
from pilotage.domain.formatting import (
    format_day,
    format_number,
    format_percent,
    format_value,
    styled,
)
from pilotage.domain.kpi_types import KpiSpec, MeasuredSummary, Observation
from pilotage.domain.messages import plural, translate
from pilotage.domain.periods import period_label

MAX_TERMS = 6
"""Longer lists of terms are shortened to the first two, "…" and the last one."""

# Naming a period tries up to four calendars; a portfolio's KPIs share a few hundred
# periods, so each name is worked out once.
_period_label = lru_cache(maxsize=4096)(period_label)


def terms(values: Sequence[str], operator: str = "+") -> str:
    """ "240 + 260 + 234"; beyond MAX_TERMS: "240 + 260 + … + 234"."""
    shown = list(values)
    if len(shown) > MAX_TERMS:
        shown = [shown[0], shown[1], "…", shown[-1]]
    return f" {operator} ".join(shown)


def label(observation: Observation) -> str:
    """The observation's period as "2024-Q4", "2024-03", …"""
    return _period_label(observation.period_start, observation.period_end)


def number(value: Decimal) -> str:
    """A plain number in the traces' style ("1,000" / "1 000")."""
    return styled(format_number(value))


def percent(fraction: Decimal) -> str:
    """A fraction as a percentage in the traces' style ("73.4%" / "73,4 %")."""
    return styled(format_percent(fraction))


def shown(spec: KpiSpec, value: Decimal) -> str:
    """A KPI value with its unit, as a result is shown ("734", "73.4%", "1,000 learners")."""
    if spec.measure is Measure.YES_NO and value in (0, 1):
        return translate("Engine", "yes") if value == 1 else translate("Engine", "no")
    bare = format_value(value, spec.measure, spec.unit, show_unit=False)
    full = format_value(value, spec.measure, spec.unit)
    # The unit, when shown, is what format_value puts after the bare number; a unit may
    # hold "," or "." of its own, so only the number is restyled.
    return styled(bare) + full[len(bare) :] if full.startswith(bare) else styled(full)


def term(spec: KpiSpec, value: Decimal) -> str:
    """A KPI value as a term inside a formula: no unit word, and numbers for yes/no."""
    if spec.measure is Measure.YES_NO:
        return number(value)
    return styled(format_value(value, spec.measure, spec.unit, show_unit=False))


def day(value: date) -> str:
    """A day in the traces' pattern ("2024-12-31" unless the GUI set its locale's)."""
    return format_day(value)


def period(start: date | None, end: date | None) -> str:
    """A period as "2024-Q4", …; a summary whose named period lacks a bound is corrupt."""
    if start is None or end is None:
        raise ValueError("inconsistent measured summary: a period is missing")
    return _period_label(start, end)


# --- the actual's sentences (engine.actual_figure) --------------------------------


def value_actual(
    spec: KpiSpec,
    summary: MeasuredSummary,
    value: Decimal,
    latest: str,
    kept: Sequence[Observation] | None,
) -> str:
    """The actual of a KPI other than a ratio, by its aggregation."""
    count = summary.count
    result = shown(spec, value)
    if spec.aggregation is Aggregation.LATEST:
        text = translate("Engine", "latest value, period {period}: {value}")
        return text.format(period=latest, value=result)
    if spec.aggregation is Aggregation.MAXIMUM:
        where = period(summary.max_start, summary.max_end)
        text = plural(
            count,
            translate("Engine", "maximum of 1 period: {value} (period {period})"),
            translate("Engine", "maximum of {count} periods: {value} (period {period})"),
        )
        return text.format(count=count, value=result, period=where)
    average = spec.aggregation is Aggregation.AVERAGE
    if count == 1:
        if average:
            text = translate("Engine", "average of 1 period ({period}): {value}")
        else:
            text = translate("Engine", "sum of 1 period ({period}): {value}")
        return text.format(period=latest, value=result)
    if kept is None:
        if average:
            assert summary.value_sum is not None  # actual_rules.actual_value divided it
            text = translate("Engine", "average of {count} periods: {total} / {count} = {value}")
            return text.format(count=count, total=term(spec, summary.value_sum), value=result)
        text = translate("Engine", "sum of {count} periods = {value}")
        return text.format(count=count, value=result)
    listed = terms([term(spec, o.value) for o in kept if o.value is not None])
    if average:
        text = translate("Engine", "average of {count} periods: ({terms}) / {count} = {value}")
    else:
        text = translate("Engine", "sum of {count} periods: {terms} = {value}")
    return text.format(count=count, terms=listed, value=result)


def ratio_actual(
    spec: KpiSpec,
    summary: MeasuredSummary,
    value: Decimal | None,
    latest: str,
    kept: Sequence[Observation] | None,
) -> str:
    """Numerators and denominators summed apart, then divided: never a mean of ratios."""
    count = summary.count
    if spec.aggregation is Aggregation.LATEST:
        if value is None:
            text = translate(
                "Engine",
                "latest ratio, period {period}: the denominator is zero, so there is no ratio",
            )
            return text.format(period=latest)
        num, den = summary.latest_numerator, summary.latest_denominator
        text = translate("Engine", "latest ratio, period {period}: {formula} = {value}")
    else:
        if value is None:
            text = plural(
                count,
                translate(
                    "Engine",
                    "ratio of sums over 1 period: the denominators add up to zero, "
                    "so there is no ratio",
                ),
                translate(
                    "Engine",
                    "ratio of sums over {count} periods: the denominators add up to zero, "
                    "so there is no ratio",
                ),
            )
            return text.format(count=count)
        num, den = summary.numerator_sum, summary.denominator_sum
        text = plural(
            count,
            translate("Engine", "ratio of sums over 1 period ({period}): {formula} = {value}"),
            translate("Engine", "ratio of sums over {count} periods: {formula} = {value}"),
        )
    # actual_rules.actual_value checked both terms.
    assert num is not None
    assert den is not None
    formula = f"{number(num)} / {number(den)}"
    if kept is not None and count > 1 and spec.aggregation is not Aggregation.LATEST:
        nums = terms([number(o.numerator) for o in kept if o.numerator is not None])
        dens = terms([number(o.denominator) for o in kept if o.denominator is not None])
        formula = f"({nums}) / ({dens})"
    return text.format(count=count, period=latest, formula=formula, value=shown(spec, value))
