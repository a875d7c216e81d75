"""Small helpers that write the engine's one-line explanations (its traces).

Kept apart from the arithmetic in `engine.py` so that the wording can change
without touching a calculation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache

from pilotage.domain.enums import Measure
from pilotage.domain.formatting import format_number, format_value
from pilotage.domain.kpi_types import KpiSpec, Observation
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


def periods(count: int) -> str:
    """ "1 period", "3 periods"."""
    return "1 period" if count == 1 else f"{count} periods"


def label(observation: Observation) -> str:
    """The observation's period as "2024-Q4", "2024-03", …"""
    return _period_label(observation.period_start, observation.period_end)


def shown(spec: KpiSpec, value: Decimal) -> str:
    """A KPI value with its unit, as a result is shown ("734", "73.4%", "1,000 learners")."""
    return format_value(value, spec.measure, spec.unit)


def term(spec: KpiSpec, value: Decimal) -> str:
    """A KPI value as a term inside a formula: no unit word, and numbers for yes/no."""
    if spec.measure is Measure.YES_NO:
        return format_number(value)
    return format_value(value, spec.measure, spec.unit, show_unit=False)


def day(value: date) -> str:
    return value.isoformat()


def period(start: date | None, end: date | None) -> str:
    """A period as "2024-Q4", …; a summary whose named period lacks a bound is corrupt."""
    if start is None or end is None:
        raise ValueError("inconsistent measured summary: a period is missing")
    return _period_label(start, end)
