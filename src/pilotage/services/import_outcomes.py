"""What the import makes of each filled row of a template: its outcome and its figures.

import_validation judges the rows into these; measurement_import previews them and
import_writing writes the new and changed ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pilotage.domain.enums import MeasurementStatus
from pilotage.exchange.template_reading import CellProblem, FilledRow
from pilotage.services.import_records import KpiFact, Parts, Recorded, audited

__all__ = ["Judged", "RowOutcome"]


class RowOutcome(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Judged:
    """One filled row and what the import makes of it."""

    source: FilledRow
    kpi: KpiFact | None
    outcome: RowOutcome
    recorded: Recorded | None
    figures: dict[str, Decimal | None]  # value, numerator, denominator as they would be written
    comment: str
    evidence_link: str
    parts: Parts
    problems: tuple[CellProblem, ...]
    old: str
    new: str

    def audited(self) -> dict[str, object]:
        status = self.recorded.status if self.recorded else MeasurementStatus.SUBMITTED
        return audited(status, self.comment, self.evidence_link, self.parts, self.figures)

    @property
    def day_moved(self) -> bool:
        """Whether the row gives the recorded figure another period: a one-off KPI's figure
        given another date reached (its one figure is found by the KPI, not by the day)."""
        recorded, source = self.recorded, self.source
        return recorded is not None and (recorded.period_start, recorded.period_end) != (
            source.period_start,
            source.period_end,
        )

    def compared(self) -> tuple[dict[str, object], dict[str, object]]:
        """The recorded fields and the row's, as the audit log compares them: with the
        period when the day moves, so that a move alone is a change, audited as one."""
        recorded = self.recorded
        assert recorded is not None
        before, after = recorded.audited(), self.audited()
        if self.day_moved:
            before = {"period_start": recorded.period_start, "period_end": recorded.period_end}
            before |= recorded.audited()
            after = {"period_start": self.source.period_start, "period_end": self.source.period_end}
            after |= self.audited()
        return before, after
