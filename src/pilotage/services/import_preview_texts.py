"""The texts of an import preview: a figure as recorded or as it would be written, what
the partner typed in a rejected row, and the details of a change (old → new)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pilotage.domain.enums import Measure
from pilotage.domain.formatting import styled
from pilotage.domain.periods import period_label
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_reading import FilledRow
from pilotage.services.import_records import KpiFact, Parts, Recorded

__all__ = ["figure_text", "grouped", "typed_text", "with_day", "with_details"]


def with_day(recorded: Recorded, source: FilledRow, old: str, new: str) -> tuple[str, str]:
    """Old and new prefixed with their days, when a one-off's figure moves to its date
    reached: "2025-05-20: 3" → "2025-04-10: 3"."""
    before = period_label(recorded.period_start, recorded.period_end)
    if source.period_start is None or source.period_end is None:
        return f"{before}: {old}", new
    return f"{before}: {old}", f"{period_label(source.period_start, source.period_end)}: {new}"


def with_details(
    recorded: Recorded, parts: Parts, comment: str, link: str, old: str, new: str
) -> tuple[str, str]:
    """Old and new figures, followed by the disaggregations, comment and link that change
    (`parts`, `comment` and `link`: the row's, as they would be written)."""
    if recorded.parts != parts:
        old += f" · {layout.format_disaggregations(recorded.parts)}" if recorded.parts else " · –"
        new += f" · {layout.format_disaggregations(parts)}" if parts else " · –"
    if recorded.comment != comment:
        old += f" · “{recorded.comment}”" if recorded.comment else " · –"
        new += f" · “{comment}”" if comment else " · –"
    if recorded.evidence_link != link:
        old, new = f"{old} · {recorded.evidence_link or '–'}", f"{new} · {link}"
    return old, new


def typed_text(source: FilledRow, language: str) -> str:
    """The figure as the partner typed it, as far as it could be read: "-5", "many",
    "12 / ?" (a ratio's numerator without its denominator), "" when nothing was typed."""
    if source.value_text:
        return source.value_text
    if source.answer is not None:
        yes, no = layout.YES_NO_WORDS.get(language, layout.YES_NO_WORDS["en"])
        return yes if source.answer else no
    if source.value is not None:
        shown = grouped(source.value)
        return f"{shown} %" if source.value_percent else shown
    terms = (source.numerator, source.denominator)
    if all(term is None for term in terms):
        return ""
    return " / ".join("?" if term is None else grouped(term) for term in terms)


def figure_text(kpi: KpiFact, figures: Mapping[str, Decimal | None], language: str) -> str:
    """A figure as the preview shows it: "320", "72.5 %" for a percentage (as a rejected
    one is shown, and as the window's tables show percentages), "240 / 330" for a ratio,
    "yes" or "no"."""
    if kpi.measure is Measure.RATIO:
        numerator, denominator = figures.get("numerator"), figures.get("denominator")
        if numerator is None or denominator is None:
            return ""
        return f"{grouped(numerator)} / {grouped(denominator)}"
    value = figures.get("value")
    if value is None:
        return ""
    if kpi.measure is Measure.YES_NO and value in (0, 1):
        yes, no = layout.YES_NO_WORDS.get(language, layout.YES_NO_WORDS["en"])
        return yes if value == 1 else no
    shown = grouped(value)
    return f"{shown} %" if kpi.measure is Measure.PERCENTAGE else shown


def grouped(value: Decimal) -> str:
    """Every decimal of `value` (the preview shows exactly what would be written), its
    thousands grouped as the window writes them: "1,200.5", "1 200,5" in French."""
    if not value.is_finite():
        return str(value)
    exact = value.normalize() + 0  # "+ 0" turns -0 into 0 and 1.2E+3 back into 1200
    return styled(f"{exact:,f}")
