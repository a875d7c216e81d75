"""The names of a measurement's fields as the page says them in its refusals."""

from __future__ import annotations

from collections.abc import Sequence

from pilotage.gui.qt import translate
from pilotage.services.measurements import MeasurementRow

_CONTEXT = "MeasurementsSection"  # the page's own words, translated with it


def field_name(field: str) -> str:
    """A service field ("period_end") as the table's column names it ("Period")."""
    names = {
        "value": translate(_CONTEXT, "Value"),
        "numerator": translate(_CONTEXT, "Numerator"),
        "denominator": translate(_CONTEXT, "Denominator"),
        "comment": translate(_CONTEXT, "Comment"),
        "status": translate(_CONTEXT, "Status"),
        "reason": translate(_CONTEXT, "Reason"),
        "disaggregations": translate(_CONTEXT, "Disaggregations"),
        "period_start": translate(_CONTEXT, "Period"),
        "period_end": translate(_CONTEXT, "Period"),
        "evidence_link": translate(_CONTEXT, "Evidence"),
    }
    return names.get(field, field)


def named_periods(rows: Sequence[MeasurementRow]) -> bool:
    """True when every period has a name (2024-Q2, 2024-03, 2024): its dates would only
    repeat it. A free period's label is its two dates; the columns show them then."""
    return all("–" not in m.label for m in rows)
