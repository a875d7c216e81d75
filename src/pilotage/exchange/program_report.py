"""The program report (DESIGN §5): Summary, Pillars, Initiatives, KPIs, Measurements,
Milestones, Budget and Charts, in French or English.

`write_program_report` takes the plain data the services gathered and writes the
workbook whole or not at all: streamed sheets, progress and a cancel check every
batch of rows, a temporary file moved into place at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from pilotage.domain.enums import KpiStatus
from pilotage.exchange.columns import Column, Kind
from pilotage.exchange.engine_language import day_text
from pilotage.exchange.kpi_charts import charted, write_charts
from pilotage.exchange.kpi_formats import value_cell
from pilotage.exchange.labels import Labels
from pilotage.exchange.report_model import GroupLine, KpiLine, ProgramReportData, ReportContext
from pilotage.exchange.sheets import TableSheet, new_workbook
from pilotage.exchange.summary_sheet import write_summary
from pilotage.exchange.writing import Pacer, discard, save_atomically

ZERO = Decimal(0)
_COUNT_KEYS = {
    KpiStatus.ACHIEVED: "h.achieved_n",
    KpiStatus.ON_TRACK: "h.on_track_n",
    KpiStatus.AT_RISK: "h.at_risk_n",
    KpiStatus.OFF_TRACK: "h.off_track_n",
    KpiStatus.NO_DATA: "h.no_data_n",
    KpiStatus.NOT_STARTED: "h.not_started_n",
}


@dataclass(frozen=True)
class Written:
    sheets: tuple[str, ...]
    rows: int  # data rows, all sheets together


def write_program_report(
    data: ProgramReportData,
    context: ReportContext,
    language: str,
    fingerprint: str,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Written:
    """Writes the program report to `out` (replaced only when complete)."""
    labels = Labels(language)
    program = data.program
    wb = new_workbook(
        labels["doc.program_title"].format(reference=program.reference),
        labels["doc.program_subject"].format(
            name=program.title, as_of=day_text(data.as_of, language)
        ),
        labels["doc.creator"],
    )
    total = (
        len(data.pillars)
        + len(data.initiatives)
        + len(data.kpis)
        + len(data.measurements)
        + len(data.milestones)
        + len(data.budget)
        + sum(len(k.series) for k in charted(data.kpis))
    )
    pacer = Pacer(total, progress, cancelled)
    try:
        pacer.checkpoint()
        rows = 0
        write_summary(wb, data, context, labels, fingerprint)
        for write in (_pillars, _initiatives, _kpis, _measurements, _milestones, _budget):
            rows += write(wb, data, labels, pacer)
            pacer.checkpoint()
        rows += write_charts(wb, data.kpis, labels, pacer)
        pacer.checkpoint()
        sheets = tuple(wb.sheetnames)
        save_atomically(wb, out)
    except BaseException:
        discard(wb)
        raise
    if progress is not None:
        progress(total, total)
    return Written(sheets, rows)


def _counts_columns(labels: Labels) -> list[Column]:
    return [Column(labels[_COUNT_KEYS[s]], Kind.INTEGER) for s in KpiStatus]


def _group_cells(g: GroupLine) -> list[object]:
    return [
        g.kpi_count,
        *(g.counts.get(s, 0) for s in KpiStatus),
        g.mean_progress,
        g.headline,
    ]


def _pillars(wb: Workbook, data: ProgramReportData, labels: Labels, pacer: Pacer) -> int:
    columns = [
        Column(labels["h.position"], Kind.INTEGER),
        Column(labels["h.code"]),
        Column(labels["h.title"], Kind.WRAP, max_width=50),
        Column(labels["h.kpis"], Kind.INTEGER),
        *_counts_columns(labels),
        Column(labels["h.progress"], Kind.PERCENT),
        Column(labels["h.headline"], Kind.STATUS),
    ]
    sheet = TableSheet(wb, labels["sheet.pillars"], columns, labels.statuses)
    for p in data.pillars:
        sheet.write([p.position, p.code, p.title, *_group_cells(p)])
        pacer.step()
    return sheet.close()


def _initiatives(wb: Workbook, data: ProgramReportData, labels: Labels, pacer: Pacer) -> int:
    columns = [
        Column(labels["h.pillar"]),
        Column(labels["h.code"]),
        Column(labels["h.name"], Kind.WRAP, max_width=50),
        Column(labels["h.status"]),
        Column(labels["h.kpis"], Kind.INTEGER),
        *_counts_columns(labels),
        Column(labels["h.progress"], Kind.PERCENT),
        Column(labels["h.headline"], Kind.STATUS),
        Column(labels["h.planned"], Kind.MONEY, currency=data.program.currency),
    ]
    sheet = TableSheet(wb, labels["sheet.initiatives"], columns, labels.statuses)
    for i in data.initiatives:
        status = labels.enum(i.status) if i.status is not None else None
        sheet.write([i.pillar_code, i.code, i.title, status, *_group_cells(i), i.planned_budget])
        pacer.step()
    return sheet.close()


def _kpis(wb: Workbook, data: ProgramReportData, labels: Labels, pacer: Pacer) -> int:
    columns = [
        Column(labels["h.code"]),
        Column(labels["h.name"], Kind.WRAP, max_width=32),
        Column(labels["h.owner"]),
        Column(labels["h.unit"], max_width=20),
        Column(labels["h.measure"]),
        Column(labels["h.baseline"], Kind.DECIMAL),
        Column(labels["h.target_to_date"], Kind.DECIMAL),
        Column(labels["h.final_target"], Kind.DECIMAL),
        Column(labels["h.final_target_date"], Kind.DATE),
        Column(labels["h.actual"], Kind.DECIMAL),
        Column(labels["h.progress"], Kind.PERCENT),
        Column(labels["h.expected"], Kind.PERCENT),
        Column(labels["h.status"], Kind.STATUS),
        Column(labels["h.trace"], Kind.WRAP, max_width=56),
        Column(labels["h.flags"], Kind.WRAP, max_width=24),
    ]
    sheet = TableSheet(wb, labels["sheet.kpis"], columns, labels.statuses)
    for k in data.kpis:

        def value(v: Decimal | None, k: KpiLine = k) -> object:
            return value_cell(k.measure, k.unit, v, labels)

        sheet.write(
            [
                k.code,
                k.name,
                k.owner,
                k.unit,
                labels.measure(k.measure),
                value(k.baseline),
                value(k.target_to_date),
                value(k.final_target),
                k.final_target_date,
                value(k.actual),
                k.progress,
                k.expected,
                k.status,
                k.trace,
                labels.flags(k.flags),
            ]
        )
        pacer.step()
    return sheet.close()


def _measurements(wb: Workbook, data: ProgramReportData, labels: Labels, pacer: Pacer) -> int:
    kinds = {k.code: (k.measure, k.unit) for k in data.kpis}
    columns = [
        Column(labels["h.kpi"]),
        Column(labels["h.period_start"], Kind.DATE),
        Column(labels["h.period_end"], Kind.DATE),
        Column(labels["h.value"], Kind.DECIMAL),
        Column(labels["h.numerator"], Kind.DECIMAL),
        Column(labels["h.denominator"], Kind.DECIMAL),
        Column(labels["h.disaggregation"], Kind.WRAP, max_width=45),
        Column(labels["h.status"]),
        Column(labels["h.comment"], Kind.WRAP, max_width=60),
        Column(labels["h.evidence"], Kind.LINK, max_width=40),
        Column(labels["h.entered_by"]),
    ]
    sheet = TableSheet(wb, labels["sheet.measurements"], columns, labels.statuses)
    for m in data.measurements:
        measure_unit = kinds.get(m.kpi_code)
        shown = (
            value_cell(measure_unit[0], measure_unit[1], m.value, labels)
            if measure_unit is not None
            else m.value
        )
        sheet.write(
            [
                m.kpi_code,
                m.period_start,
                m.period_end,
                shown,
                m.numerator,
                m.denominator,
                m.disaggregation,
                labels.measurement_status(m.status),
                m.comment,
                m.evidence_link or None,
                m.entered_by,
            ]
        )
        pacer.step()
    return sheet.close()


def _milestones(wb: Workbook, data: ProgramReportData, labels: Labels, pacer: Pacer) -> int:
    columns = [
        Column(labels["h.pillar"]),
        Column(labels["h.initiative"]),
        Column(labels["h.title"], Kind.WRAP, max_width=50),
        Column(labels["h.due"], Kind.DATE),
        Column(labels["h.done"], Kind.DATE),
        Column(labels["h.late"], Kind.CENTERED),
        Column(labels["h.days_late"], Kind.INTEGER),
        Column(labels["h.comment"], Kind.WRAP, max_width=50),
    ]
    sheet = TableSheet(wb, labels["sheet.milestones"], columns, labels.statuses)
    for m in data.milestones:
        late = m.days_late is not None
        sheet.write(
            [
                m.pillar_code,
                m.initiative_code,
                m.title,
                m.due_date,
                m.done_date,
                labels.yes_no(late),
                m.days_late,
                m.note,
            ]
        )
        pacer.step()
    return sheet.close()


def _rate(part: Decimal, whole: Decimal) -> Decimal | None:
    return part / whole if whole else None


def _budget(wb: Workbook, data: ProgramReportData, labels: Labels, pacer: Pacer) -> int:
    currency = data.program.currency
    columns = [
        Column(labels["h.pillar"]),
        Column(labels["h.code"]),
        Column(labels["h.initiative"], Kind.WRAP, max_width=45),
        Column(labels["summary.budget"], Kind.MONEY, currency=currency),
        Column(labels["h.planned"], Kind.MONEY, currency=currency),
        Column(labels["h.committed"], Kind.MONEY, currency=currency),
        Column(labels["h.disbursed"], Kind.MONEY, currency=currency),
        Column(labels["h.commitment_rate"], Kind.PERCENT),
        Column(labels["h.disbursement_rate"], Kind.PERCENT),
    ]
    sheet = TableSheet(wb, labels["sheet.budget"], columns, labels.statuses)
    for b in data.budget:
        sheet.write(
            [
                b.pillar_code,
                b.initiative_code,
                b.initiative_name,
                b.planned_budget,
                b.planned,
                b.committed,
                b.disbursed,
                _rate(b.committed, b.planned),
                _rate(b.disbursed, b.planned),
            ]
        )
        pacer.step()
    return sheet.close()
