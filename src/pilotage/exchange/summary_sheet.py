"""The program report's first sheet: who, when, how much, and how the KPIs stand.

Not one table but sections one under the other, each with its own small table,
so it is written row by row with `styles`; the progress per pillar is drawn as
a native Excel bar chart beside its table.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.marker import DataPoint
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break

from pilotage.domain.enums import KpiStatus
from pilotage.domain.status_colors import STATUS_COLORS
from pilotage.exchange.columns import NUMBER_FORMATS, Kind, money_format
from pilotage.exchange.labels import Labels
from pilotage.exchange.report_model import ProgramReportData, ReportContext
from pilotage.exchange.sheets import print_setup
from pilotage.exchange.styles import fit_height, header, section, status_cell, styled

WIDTHS = (24.0, 44.0, 22.0, 34.0, 14.0)  # about a landscape page at 11 points
CHART_ROWS = 18  # rows left empty under the pillar table for its chart
TITLE_ROWS = 3  # frozen and repeated on every printed page


class _Rows:
    """Appends rows to a write-only sheet and knows the number of the last one."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.count = 0

    def add(self, cells: Sequence[object] = ()) -> int:
        wrapped = [
            (cell.value, WIDTHS[index] if index < len(WIDTHS) else 10.0)
            for index, cell in enumerate(cells)
            if isinstance(cell, Cell) and cell.alignment is not None and cell.alignment.wrap_text
        ]
        fit_height(self.ws, self.count + 1, wrapped)
        self.ws.append(list(cells))
        self.count += 1
        return self.count

    def page_break(self) -> None:
        """The next row starts a printed page."""
        self.ws.row_breaks.append(Break(id=self.count))


def write_summary(
    wb: Workbook,
    data: ProgramReportData,
    context: ReportContext,
    labels: Labels,
    fingerprint: str,
) -> int:
    """Writes the Summary sheet; the number of rows written."""
    ws: WriteOnlyWorksheet = wb.create_sheet(labels["sheet.summary"])
    for index, width in enumerate(WIDTHS):
        ws.column_dimensions["ABCDE"[index]].width = width
    ws.freeze_panes = f"A{TITLE_ROWS + 1}"
    print_setup(ws, f"1:{TITLE_ROWS}")
    rows = _Rows(ws)
    program = data.program
    money = money_format(program.currency)
    day = NUMBER_FORMATS[Kind.DATE]

    ws.row_dimensions[1].height = 24.0  # the 16-point title
    rows.add([styled(ws, f"{labels['summary.title']} {program.reference}", bold=True, size=16)])
    rows.add([styled(ws, program.title, bold=True, size=12)])
    rows.add(
        [styled(ws, labels["summary.as_of"], bold=True), styled(ws, data.as_of, number_format=day)]
    )
    rows.add()

    def field(label: str, value: object, number_format: str | None = None) -> None:
        rows.add(
            [
                styled(ws, label, bold=True, wrap=True),
                styled(ws, value, number_format=number_format, wrap=isinstance(value, str)),
            ]
        )

    rows.add([section(ws, labels["summary.identity"])])
    field(labels["summary.reference"], program.reference)
    field(labels["summary.name"], program.title)
    field(labels["summary.status"], labels.enum(program.status))
    if program.description:
        field(labels["summary.description"], program.description)
    field(labels["summary.start"], program.start_date, day)
    field(labels["summary.end"], program.end_date, day)
    field(labels["summary.signed"], program.signed_on, day)
    field(labels["summary.currency"], program.currency)
    field(labels["summary.total_budget"], program.total_budget, money)
    zero = Decimal(0)
    field(labels["h.planned"], sum((b.planned for b in data.budget), zero), money)
    field(labels["h.committed"], sum((b.committed for b in data.budget), zero), money)
    field(labels["h.disbursed"], sum((b.disbursed for b in data.budget), zero), money)
    rows.add()

    rows.add([section(ws, labels["summary.parties"])])
    rows.add(
        [
            header(ws, labels[key])
            for key in ("h.role", "h.organization", "h.signatory", "h.signatory_title")
        ]
    )
    for party in data.parties:
        rows.add(
            [
                styled(ws, labels.enum(party.role), wrap=True),
                styled(ws, party.organization, wrap=True),
                styled(ws, party.signatory, wrap=True),
                styled(ws, party.signatory_title, wrap=True),
            ]
        )
    rows.add()

    # The status counts with the pillars' progress and its chart on a page of their own,
    # the late milestones and the footer on the next: a table never split over two pages.
    rows.page_break()
    rows.add([section(ws, labels["summary.counts"])])
    rows.add([header(ws, labels[key]) for key in ("h.status", "h.count", "h.share")])
    for status in KpiStatus:
        count = data.counts.get(status, 0)
        share = Decimal(count) / data.kpi_count if data.kpi_count else None
        rows.add(
            [
                status_cell(ws, status, labels.status(status)),
                styled(ws, count, number_format=NUMBER_FORMATS[Kind.INTEGER]),
                styled(ws, share, number_format=NUMBER_FORMATS[Kind.PERCENT]),
            ]
        )
    rows.add(
        [
            styled(ws, labels["summary.total"], bold=True),
            styled(ws, data.kpi_count, bold=True, number_format=NUMBER_FORMATS[Kind.INTEGER]),
        ]
    )
    rows.add(
        [
            styled(ws, labels["summary.overall"], bold=True),
            status_cell(ws, data.headline, labels.status(data.headline)),
            styled(ws, data.mean_progress, number_format=NUMBER_FORMATS[Kind.PERCENT]),
        ]
    )
    rows.add()

    rows.add([section(ws, labels["summary.progress"])])
    first = rows.add(
        [
            header(ws, labels[key])
            for key in ("h.code", "h.title", "h.kpis", "h.progress", "h.headline")
        ]
    )
    for pillar in data.pillars:
        rows.add(
            [
                styled(ws, pillar.code),
                styled(ws, pillar.title, wrap=True),
                styled(ws, pillar.kpi_count, number_format=NUMBER_FORMATS[Kind.INTEGER]),
                styled(ws, pillar.mean_progress, number_format=NUMBER_FORMATS[Kind.PERCENT]),
                status_cell(ws, pillar.headline, labels.status(pillar.headline)),
            ]
        )
    if data.pillars:
        statuses = [pillar.headline for pillar in data.pillars]
        _progress_chart(ws, labels, first, rows.count, f"B{rows.count + 2}", statuses)
        for _ in range(CHART_ROWS):
            rows.add()
    rows.add()

    rows.page_break()
    rows.add([section(ws, labels["summary.late"])])
    late = data.late_milestones()
    if late:
        keys = ("h.pillar", "h.initiative", "h.title", "h.due", "h.days_late")
        rows.add([header(ws, labels[key]) for key in keys])
        for m in late:
            rows.add(
                [
                    styled(ws, m.pillar_code),
                    styled(ws, m.initiative_code),
                    styled(ws, m.title, wrap=True),
                    styled(ws, m.due_date, number_format=day),
                    styled(ws, m.days_late, number_format=NUMBER_FORMATS[Kind.INTEGER]),
                ]
            )
    else:
        rows.add([styled(ws, labels["summary.no_late"])])
    rows.add()

    rows.add([section(ws, labels["summary.footer"])])
    field(labels["summary.generated"], context.generated_at, NUMBER_FORMATS[Kind.DATETIME])
    field(labels["summary.version"], context.version)
    field(labels["summary.database"], context.database)
    field(labels["summary.fingerprint"], fingerprint)
    return rows.count


def _progress_chart(
    ws: WriteOnlyWorksheet,
    labels: Labels,
    header_row: int,
    last_row: int,
    anchor: str,
    statuses: Sequence[KpiStatus],
) -> None:
    """Horizontal bars of the mean progress of each pillar (column D, codes in column A),
    under the table, in the rows left empty for it; each bar in its pillar's status
    colour, as in the window."""
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = labels["summary.chart_title"]
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # the first pillar on top, as in the table
    chart.legend = None
    # openpyxl 3.1 leaves the axes' "delete" unset, which recent Excel reads as hidden.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.add_data(
        Reference(ws, min_col=4, min_row=header_row, max_row=last_row), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    for index, status in enumerate(statuses):
        point = DataPoint(idx=index)
        point.graphicalProperties.solidFill = STATUS_COLORS[status].removeprefix("#")
        point.graphicalProperties.line.noFill = True
        chart.series[0].dPt.append(point)
    chart.height = 8.5
    chart.width = 18.0
    ws.add_chart(chart, anchor)
