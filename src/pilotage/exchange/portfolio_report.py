"""The portfolio workbook: one row per program and per pillar with its roll-up, and the
KPI counts per status of the whole portfolio.

Two sheets. *Summary*: the as-of date, the portfolio's KPI counts per status (each in
its colour, with its share) and the footer (generation time, version, database,
fingerprint). *Programs*: each program followed by its pillars in position order,
with the program's status, dates and budget, the KPI counts per status, the mean
progress and the overall status in its colour, the same figures as the window's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from pilotage.domain.engine_summary import headline_status
from pilotage.domain.enums import KpiStatus
from pilotage.domain.errors import CancelledError
from pilotage.exchange.columns import NUMBER_FORMATS, Column, Kind
from pilotage.exchange.engine_language import day_text
from pilotage.exchange.fingerprint import fingerprint_of
from pilotage.exchange.labels import Labels
from pilotage.exchange.program_report import Written
from pilotage.exchange.report_model import GroupLine, ProgramInfo, ReportContext
from pilotage.exchange.sheets import TableSheet, new_workbook, print_setup
from pilotage.exchange.styles import header, section, status_cell, styled
from pilotage.exchange.writing import discard, save_atomically

# The counts' columns, in the window's order (best first).
STATUS_ORDER = (
    KpiStatus.ACHIEVED,
    KpiStatus.ON_TRACK,
    KpiStatus.AT_RISK,
    KpiStatus.OFF_TRACK,
    KpiStatus.NO_DATA,
    KpiStatus.NOT_STARTED,
)
SUMMARY_WIDTHS = (28.0, 34.0, 12.0)  # labels; the counts and the footer's values; shares
_COUNT_HEADERS = {
    KpiStatus.ACHIEVED: "h.achieved_n",
    KpiStatus.ON_TRACK: "h.on_track_n",
    KpiStatus.AT_RISK: "h.at_risk_n",
    KpiStatus.OFF_TRACK: "h.off_track_n",
    KpiStatus.NO_DATA: "h.no_data_n",
    KpiStatus.NOT_STARTED: "h.not_started_n",
}


@dataclass(frozen=True)
class ProgramRollUp:
    """A program with the roll-up of all its KPIs and one per pillar (in position order)."""

    program: ProgramInfo
    counts: Mapping[KpiStatus, int]
    kpi_count: int
    mean_progress: Decimal | None  # a fraction: 0.9 is 90%
    headline: KpiStatus
    pillars: tuple[GroupLine, ...]


@dataclass(frozen=True)
class PortfolioReportData:
    as_of: date
    programs: tuple[ProgramRollUp, ...]  # by reference

    def counts(self) -> dict[KpiStatus, int]:
        """The portfolio's KPIs per status: every program's counts added up."""
        total = dict.fromkeys(STATUS_ORDER, 0)
        for line in self.programs:
            for status, count in line.counts.items():
                total[status] += count
        return total


def portfolio_fingerprint(data: PortfolioReportData) -> str:
    """A hash of every figure the report shows and of its as-of date (exchange.fingerprint):
    the same data on the same date gives the same fingerprint, whatever the language, the
    time or the database file."""
    return fingerprint_of(["portfolio", data])


def write_portfolio_report(
    data: PortfolioReportData,
    context: ReportContext,
    language: str,
    fingerprint: str,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Written:
    """Writes the workbook to `out`, whole or not at all (exchange.writing); CancelledError
    when `cancelled()` says so, asked between programs."""
    labels = Labels(language)
    wb = new_workbook(
        labels["doc.portfolio_title"],
        labels["doc.portfolio_subject"].format(as_of=day_text(data.as_of, language)),
        labels["doc.creator"],
    )
    try:
        rows = _summary(wb, data, labels, context, fingerprint)
        rows += _programs(wb, data, labels, progress, cancelled)
    except BaseException:
        discard(wb)
        raise
    save_atomically(wb, out)
    return Written((labels["sheet.summary"], labels["sheet.programs"]), rows)


def _programs(
    wb: Workbook,
    data: PortfolioReportData,
    labels: Labels,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """Each program's row followed by its pillars'; the data rows written."""
    total = len(data.programs)
    if progress is not None:
        progress(0, total)
    columns = _program_columns(data, labels)
    sheet = TableSheet(wb, labels["sheet.programs"], columns, labels.statuses)
    for done, line in enumerate(data.programs, start=1):
        if cancelled is not None and cancelled():
            raise CancelledError("the report")
        sheet.write(_program_row(line, labels))
        sheet.write_all(_pillar_row(line.program.reference, g) for g in line.pillars)
        if progress is not None:
            progress(done, total)
    return sheet.close()


def _summary(
    wb: Workbook, data: PortfolioReportData, labels: Labels, context: ReportContext, stamp: str
) -> int:
    """The portfolio's KPI counts per status and overall status, then the footer, laid out
    as the program report's Summary (`styles`); the data rows of its table."""
    ws: WriteOnlyWorksheet = wb.create_sheet(labels["sheet.summary"])
    for column, width in zip("ABC", SUMMARY_WIDTHS, strict=True):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A4"
    print_setup(ws, "1:3")
    integer, percent = NUMBER_FORMATS[Kind.INTEGER], NUMBER_FORMATS[Kind.PERCENT]
    ws.append([styled(ws, labels["doc.portfolio_title"], bold=True, size=16)])
    ws.append(
        [
            styled(ws, labels["summary.as_of"], bold=True),
            styled(ws, data.as_of, number_format=NUMBER_FORMATS[Kind.DATE]),
        ]
    )
    ws.append(
        [
            styled(ws, labels["sheet.programs"], bold=True),
            styled(ws, len(data.programs), number_format=integer),
        ]
    )
    ws.append([])
    ws.append([section(ws, labels["summary.counts"])])
    ws.append([header(ws, labels[key]) for key in ("h.status", "h.count", "h.share")])
    counts = data.counts()
    kpis = sum(counts.values())
    for status in STATUS_ORDER:
        share = Decimal(counts[status]) / kpis if kpis else None
        ws.append(
            [
                status_cell(ws, status, labels.status(status)),
                styled(ws, counts[status], number_format=integer),
                styled(ws, share, number_format=percent),
            ]
        )
    ws.append(
        [
            styled(ws, labels["summary.total"], bold=True),
            styled(ws, kpis, bold=True, number_format=integer),
        ]
    )
    overall = headline_status(Counter(counts).elements())
    ws.append(
        [
            styled(ws, labels["summary.overall"], bold=True),
            status_cell(ws, overall, labels.status(overall)),
        ]
    )
    ws.append([])
    ws.append([section(ws, labels["summary.footer"])])
    for key, value in (
        ("summary.generated", context.generated_at),
        ("summary.version", context.version),
        ("summary.database", context.database),
        ("summary.fingerprint", stamp),
    ):
        number_format = NUMBER_FORMATS[Kind.DATETIME] if isinstance(value, datetime) else None
        ws.append(
            [styled(ws, labels[key], bold=True), styled(ws, value, number_format=number_format)]
        )
    return len(STATUS_ORDER) + 1


def _program_columns(data: PortfolioReportData, labels: Labels) -> list[Column]:
    currencies = {line.program.currency for line in data.programs}
    # One currency for all: its code in the cells' format; several: a plain amount beside it.
    budget = (
        Column(labels["summary.total_budget"], Kind.MONEY, currency=next(iter(currencies)))
        if len(currencies) == 1
        else Column(labels["summary.total_budget"], Kind.DECIMAL)
    )
    return [
        Column(labels["h.program"]),
        Column(labels["h.pillar"]),
        Column(labels["h.title"], Kind.WRAP, max_width=36),
        Column(labels["summary.status"]),
        Column(labels["summary.start"], Kind.DATE),
        Column(labels["summary.end"], Kind.DATE),
        budget,
        Column(labels["summary.currency"], Kind.CENTERED),
        Column(labels["h.kpis"], Kind.INTEGER),
        *(Column(labels[_COUNT_HEADERS[s]], Kind.INTEGER) for s in STATUS_ORDER),
        Column(labels["h.progress"], Kind.PERCENT),
        Column(labels["h.headline"], Kind.STATUS),
    ]


def _program_row(line: ProgramRollUp, labels: Labels) -> list[object]:
    p = line.program
    return [
        p.reference,
        None,
        p.title,
        labels.enum(p.status),
        p.start_date,
        p.end_date,
        p.total_budget,
        p.currency,
        *_rollup_cells(line.counts, line.kpi_count, line.mean_progress, line.headline),
    ]


def _pillar_row(reference: str, pillar: GroupLine) -> list[object]:
    return [
        reference,
        pillar.code,
        pillar.title,
        None,
        None,
        None,
        None,
        None,
        *_rollup_cells(pillar.counts, pillar.kpi_count, pillar.mean_progress, pillar.headline),
    ]


def _rollup_cells(
    counts: Mapping[KpiStatus, int], kpi_count: int, mean: Decimal | None, headline: KpiStatus
) -> list[object]:
    return [kpi_count, *(counts.get(s, 0) for s in STATUS_ORDER), mean, headline]
