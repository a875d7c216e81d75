"""Excel reports as a user action: read what the report shows in a bounded number of
statements, hand it to `exchange` as plain data, and write the workbook.

The workbook is written to a temporary file beside `out` and moved into place only
when complete, so that a failure or a cancel never leaves half a report.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pilotage.db.database import Database
from pilotage.exchange.fingerprint import program_fingerprint
from pilotage.exchange.portfolio_report import (
    PortfolioReportData,
    ProgramRollUp,
    portfolio_fingerprint,
    write_portfolio_report,
)
from pilotage.exchange.program_report import write_program_report
from pilotage.exchange.report_model import GroupLine, ProgramInfo, ReportContext
from pilotage.services.overview import ProgramSummary, portfolio_overview
from pilotage.services.report_data import program_report_data

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
    """The program report (DESIGN §5) as of `as_of`, in `language` ("fr" or "en").

    Reads the program in a fixed number of statements (`report_data`), then writes
    the workbook to a temporary file beside `out` and moves it into place;
    `progress(done, total)` is called per batch of rows and `cancelled()` asked between
    batches (CancelledError, and no file left behind).
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown report language {language!r}: one of {LANGUAGES}")
    data = program_report_data(db, program_id, as_of, language)
    fingerprint = program_fingerprint(data)
    written = write_program_report(
        data, report_context(db), language, fingerprint, out, progress, cancelled
    )
    return ReportOutcome(out, written.sheets, written.rows, fingerprint)


def report_context(db: Database) -> ReportContext:
    """The footer's facts: when, by which version, from which database."""
    try:
        version = importlib.metadata.version("pilotage")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        version = "unknown"
    # Local wall-clock time without its offset: a spreadsheet date-time cell holds none.
    generated = datetime.now().astimezone().replace(microsecond=0, tzinfo=None)
    return ReportContext(generated_at=generated, version=version, database=db.name)


def portfolio_report(
    db: Database,
    as_of: date,
    language: str,
    out: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReportOutcome:
    """One row per program and per pillar with their roll-ups, and the status counts.

    The figures are `overview.portfolio_overview`'s (six statements for the whole
    database, the window's own roll-ups); written whole or not at all, like the program's.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown report language {language!r}: one of {LANGUAGES}")
    data = PortfolioReportData(as_of, tuple(map(_rolled_up, portfolio_overview(db, as_of))))
    fingerprint = portfolio_fingerprint(data)
    written = write_portfolio_report(
        data, report_context(db), language, fingerprint, out, progress, cancelled
    )
    return ReportOutcome(out, written.sheets, written.rows, fingerprint)


def _rolled_up(summary: ProgramSummary) -> ProgramRollUp:
    p = summary.program
    return ProgramRollUp(
        program=ProgramInfo(
            reference=p.reference,
            title=p.title,
            description=p.description,
            status=p.status,
            signed_on=p.signed_on,
            start_date=p.start_date,
            end_date=p.end_date,
            currency=p.currency,
            total_budget=p.total_budget,
        ),
        counts=dict(summary.rollup.counts),
        kpi_count=summary.rollup.kpi_count,
        mean_progress=summary.rollup.mean_progress,
        headline=summary.headline,
        pillars=tuple(
            GroupLine(
                pillar_code=g.code,
                code=g.code,
                title=g.title,
                position=g.position,
                counts=dict(g.rollup.counts),
                kpi_count=g.rollup.kpi_count,
                mean_progress=g.rollup.mean_progress,
                headline=g.headline,
            )
            for g in summary.pillars
        ),
    )
