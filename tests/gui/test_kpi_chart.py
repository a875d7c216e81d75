"""The KPI page's chart of actual against target, driven from the tree and the as-of date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from gui_support import DEMO_END, MID_YEAR, click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.domain.enums import Measure
from pilotage.gui.charts import CHART_HEIGHT, KpiChart
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QChart, QLocale, QPainter, Qt
from pilotage.services.kpi_detail import SeriesPoint


def _values(chart: KpiChart) -> list[float]:
    return [value for _day, value in chart.actual_points()]


def test_jit_dip_charts_its_cumulative_graduates_up_to_the_as_of_date(
    window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    chart = window.kpi_page.chart
    assert not chart.is_placeholder()
    assert chart.isVisible()
    # Quarterly 240, 260 and 234 graduates, summed as they come.
    assert _values(chart) == [240, 500, 734]
    assert [day for day, _ in chart.actual_points()] == [
        date(2024, 6, 30),
        date(2024, 9, 30),
        date(2024, 12, 31),
    ]
    assert chart.target.count() == 3
    assert chart.target.points()[-1].y() == 800  # the final target, on its date
    assert chart.original.count() == 0  # never revised: no dotted line
    assert chart.y_axis.titleText() == "diplômés"
    assert chart.y_axis.max() >= 800
    assert window.kpi_page.chart_title.text() == "Actual against target (diplômés)"

    window.set_as_of(date(2024, 9, 30))
    qtbot.waitUntil(lambda: len(chart.actual_points()) == 2)
    wait_idle(qtbot, window)
    assert _values(chart) == [240, 500]
    assert not chart.is_placeholder()

    window.set_as_of(MID_YEAR)
    qtbot.waitUntil(chart.is_placeholder)
    wait_idle(qtbot, window)
    assert "at least two" in chart.placeholder.text()
    assert chart.placeholder.isVisible()
    assert not chart.view.isVisible()
    # One line's height, not an empty box of the chart's.
    assert chart.height() < 2 * chart.placeholder.fontMetrics().height() + 2 * 12

    window.set_as_of(DEMO_END)
    qtbot.waitUntil(lambda: not chart.is_placeholder())
    wait_idle(qtbot, window)
    assert chart.height() >= CHART_HEIGHT


def test_a_ratio_in_percent_is_charted_in_percent(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-TXD")
    chart = window.kpi_page.chart
    # 240/330, 500/680 and 734/1000, ×100 so that the axis reads as the tables do.
    assert [round(v, 1) for v in _values(chart)] == [72.7, 73.5, 73.4]
    assert chart.target.points()[-1].y() == pytest.approx(80)
    assert chart.y_axis.titleText() == "%"


def _point(day: date, actual: str | None, target: str, original: str) -> SeriesPoint:
    return SeriesPoint(
        day, None if actual is None else Decimal(actual), Decimal(target), Decimal(original)
    )


def test_a_revised_target_adds_the_original_as_a_dotted_line(qtbot: QtBot) -> None:
    chart = KpiChart()
    qtbot.addWidget(chart)
    chart.show()
    series = [
        _point(date(2025, 3, 31), "10", "12", "12"),
        _point(date(2025, 6, 30), "20", "20", "25"),
        _point(date(2025, 9, 30), None, "30", "37"),
    ]
    chart.set_series(series, Measure.COUNT, "events", date(2025, 12, 31))
    assert not chart.is_placeholder()
    assert chart.actual.count() == 2  # a period without an actual has no point
    assert [p.y() for p in chart.original.points()] == [12, 25, 37]
    assert chart.target.pen().style() == Qt.PenStyle.DashLine
    assert chart.original.pen().style() == Qt.PenStyle.DotLine
    assert chart.original.pen().widthF() < chart.target.pen().widthF()
    assert chart.actual.pointsVisible()
    legend = [m.label() for m in chart.chart.legend().markers() if m.isVisible()]
    assert legend == ["Original target", "Target to date", "Actual"]
    assert chart.chart.legend().alignment() == Qt.AlignmentFlag.AlignBottom
    assert chart.chart.animationOptions() == QChart.AnimationOption.NoAnimation
    assert chart.view.renderHints() & QPainter.RenderHint.Antialiasing

    # The same KPI without the revision: the dotted line and its legend entry go.
    plain = [
        _point(p.period_end, None if p.actual is None else str(p.actual), "5", "5") for p in series
    ]
    chart.set_series(plain, Measure.COUNT, "events", date(2025, 12, 31))
    assert chart.original.count() == 0
    assert [m.label() for m in chart.chart.legend().markers() if m.isVisible()] == [
        "Target to date",
        "Actual",
    ]


def test_no_measurement_shows_a_sentence_not_an_empty_chart(qtbot: QtBot) -> None:
    chart = KpiChart()
    qtbot.addWidget(chart)
    chart.show()
    chart.set_series([], Measure.COUNT, "", date(2024, 12, 31))
    assert chart.is_placeholder()
    assert chart.placeholder.isVisible()
    assert chart.placeholder.text().startswith("No measurement up to this date")


def test_the_date_axis_speaks_the_locale(qtbot: QtBot) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        chart = KpiChart()
        qtbot.addWidget(chart)
        quarters = [
            _point(date(2024, 6, 30), "240", "397", "397"),
            _point(date(2024, 9, 30), "500", "598", "598"),
        ]
        chart.set_series(quarters, Measure.COUNT, "diplômés", date(2024, 12, 31))
        assert chart.x_axis.format() == "dd/MM/yyyy"  # a short span: the day counts
        assert chart.chart.locale().language() == QLocale.Language.French
        assert chart.x_axis.tickCount() == 3
        monthly = [
            _point(date(y, m, 28), str(m), str(m), str(m))
            for y in (2024, 2025)
            for m in range(1, 13)
        ]
        chart.set_series(monthly, Measure.COUNT, "", date(2025, 12, 31))
        assert chart.x_axis.format() == "MMM yyyy"  # two years: months, named in French
        assert chart.x_axis.tickCount() <= 7
        assert chart.actual.markerSize() < 8  # two dozen points: smaller dots
    finally:
        QLocale.setDefault(previous)
