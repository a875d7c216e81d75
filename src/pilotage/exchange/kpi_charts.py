"""The Charts sheet: actual against target over time, one line chart per KPI that has at
least two measured periods.

Write-only sheets take charts (`add_chart`), whose series point at cells: the sheet
holds the series of the charted KPIs as a table (KPI, period end, actual, target)
and each chart reads its KPI's rows. The number of charts is capped so that a
program of thousands of KPIs does not make a workbook no one can open; then the
KPIs off track come first, then those at risk, then the rest (each group in code
order), and the sheet says so. Every KPI's history is on the Measurements sheet.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.worksheet.pagebreak import Break

from pilotage.domain.enums import KpiStatus
from pilotage.exchange.columns import Column, Kind
from pilotage.exchange.kpi_formats import axis_format, value_cell
from pilotage.exchange.labels import Labels
from pilotage.exchange.report_model import KpiLine
from pilotage.exchange.sheets import TableSheet
from pilotage.exchange.writing import Pacer

MAX_CHARTS = 200
CHART_ROWS = 14  # rows of sheet each chart takes, one under the other
CHARTS_PER_PAGE = 3  # a page break after every third chart: none printed across two pages
CHART_COLUMN = "G"


# When the charts are capped, the KPIs that most need a look are drawn first.
_URGENCY = {KpiStatus.OFF_TRACK: 0, KpiStatus.AT_RISK: 1}


def chartable(kpis: tuple[KpiLine, ...]) -> list[KpiLine]:
    """The KPIs with at least two points of actual against target."""
    return [k for k in kpis if sum(1 for p in k.series if p.actual is not None) >= 2]


def charted(kpis: tuple[KpiLine, ...]) -> list[KpiLine]:
    """The KPIs drawn, in the sheet's order: all that can be, in code order, or when
    there are more than MAX_CHARTS, the most urgent first (a stable sort keeps code order)."""
    shown = chartable(kpis)
    if len(shown) <= MAX_CHARTS:
        return shown
    return sorted(shown, key=lambda k: _URGENCY.get(k.status, 2))[:MAX_CHARTS]


def write_charts(wb: Workbook, kpis: tuple[KpiLine, ...], labels: Labels, pacer: Pacer) -> int:
    """Writes the Charts sheet; the number of data rows."""
    total = len(chartable(kpis))
    shown = charted(kpis)
    preamble: list[list[object]] = []
    if not shown:
        preamble.append([labels["charts.none"]])
    elif total > len(shown):
        preamble.append([labels["charts.capped"].format(shown=len(shown), total=total)])
    columns = [
        Column(labels["h.code"]),
        Column(labels["h.kpi"], max_width=40),
        Column(labels["h.period_end"], Kind.DATE),
        Column(labels["h.actual"], Kind.DECIMAL),
        Column(labels["h.target"], Kind.DECIMAL),
    ]
    # The charts run on pages after the table's: a header repeated there would head nothing.
    sheet = TableSheet(
        wb, labels["sheet.charts"], columns, labels.statuses, preamble=preamble, repeat_header=False
    )
    spans: list[tuple[KpiLine, int, int]] = []
    row = sheet.first_data_row
    for kpi in shown:
        start = row
        for point in kpi.series:
            sheet.write(
                [
                    kpi.code,
                    kpi.name,
                    point.period_end,
                    value_cell(kpi.measure, kpi.unit, point.actual, labels),
                    value_cell(kpi.measure, kpi.unit, point.target, labels),
                ]
            )
            row += 1
            pacer.step()
        spans.append((kpi, start, row - 1))
    ws = sheet.ws
    for index, (kpi, start, end) in enumerate(spans):
        chart = LineChart()
        chart.title = labels["charts.title"].format(code=kpi.code)
        chart.height = 6.5  # cm: within its CHART_ROWS rows of 15 points
        chart.width = 16.0
        chart.y_axis.number_format = axis_format(kpi.measure, kpi.unit)
        # "01/24" fits under each of twelve monthly points on one line: "yyyy-mm-dd" wrapped
        # onto three lines, "mmm yy" onto two.
        chart.x_axis.number_format = "mm/yy"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.add_data(
            Reference(ws, min_col=4, max_col=5, min_row=start, max_row=end), titles_from_data=False
        )
        chart.set_categories(Reference(ws, min_col=3, min_row=start, max_row=end))
        _name_series(chart, labels)
        ws.add_chart(chart, f"{CHART_COLUMN}{sheet.first_data_row + index * CHART_ROWS}")
        if index % CHARTS_PER_PAGE == CHARTS_PER_PAGE - 1 and index + 1 < len(spans):
            ws.row_breaks.append(Break(id=sheet.first_data_row - 1 + (index + 1) * CHART_ROWS))
    return sheet.close()


def _name_series(chart: LineChart, labels: Labels) -> None:
    """Series named by plain text: "Actual", "Target" (the header is far above the rows)."""
    for series, key in zip(chart.series, ("h.actual", "h.target"), strict=False):
        series.tx = SeriesLabel(v=labels[key])
        series.smooth = False  # straight segments: the figures are per period, not a curve
    if chart.series:
        chart.series[0].marker.symbol = "circle"
    if len(chart.series) > 1:
        chart.series[1].graphicalProperties.line.dashStyle = "dash"
