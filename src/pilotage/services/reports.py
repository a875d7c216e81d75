"""Excel reports as a user action: read what the report shows in a bounded number of
statements, hand it to `exchange` as plain data, and write the workbook.

The workbook is written to a temporary file beside `out` and moved into place only
when complete, so that a failure or a cancel never leaves half a report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pilotage.db.database import Database

# (done, total) while a report is written; total may grow as sheets are reached.
Progress = Callable[[int, int], None]
# Asked between batches of rows: True stops the report (domain.errors.CancelledError).
Cancelled = Callable[[], bool]

LANGUAGES = ("fr", "en")


@dataclass(frozen=True)
class ReportOutcome:
    path: Path
    sheets: tuple[str, ...]
    rows: int  # data rows written, all sheets together
    fingerprint: str  # a hash of the figures: same data and date, same fingerprint


def program_report(
    db: Database,
    program_id: int,
    as_of: date,
    language: str,
    out: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportOutcome:
    """The program report (DESIGN §5) as of `as_of`, in `language` ("fr" or "en")."""
    raise NotImplementedError


def portfolio_report(
    db: Database,
    as_of: date,
    language: str,
    out: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportOutcome:
    """One row per program and per pillar with their roll-ups, and the status counts."""
    raise NotImplementedError
