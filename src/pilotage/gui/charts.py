"""The KPI chart: actual against target over time (QtCharts).

Actual is a line with its points, the target to date a dashed line and, when a
revision changed it, the original target a thin dotted line. Fractions shown as
percentages (ratios in "%") are drawn ×100, so that the axis reads as the tables do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from pilotage.domain.enums import Measure
from pilotage.gui import formats
from pilotage.gui.qt import (
    QChart,
    QChartView,
    QColor,
    QDateTime,
    QDateTimeAxis,
    QLabel,
    QLineSeries,
    QLocale,
    QMargins,
    QPainter,
    QPen,
    QPointF,
    QStackedLayout,
    Qt,
    QTime,
    QValueAxis,
    QWidget,
)
from pilotage.services.kpi_detail import SeriesPoint

ACTUAL_COLOR = "#1565C0"  # blue: the measured line stands out from the greys of the plan
TARGET_COLOR = "#424242"
ORIGINAL_COLOR = "#9E9E9E"
CHART_HEIGHT = 300
PLACEHOLDER_PADDING = 6
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
MAX_DATE_TICKS = 7


def percent_scale(measure: Measure, unit: str) -> Decimal | None:
    """100 where values are fractions read as percentages, 1 for percent points,
    None where the axis is in the KPI's own unit."""
    if measure is Measure.RATIO and unit in ("", "%"):
        return Decimal(100)
    if measure is Measure.PERCENTAGE:
        return Decimal(1)
    return None


def _msecs(day: date) -> float:
    return float(QDateTime(formats.to_qdate(day), QTime(12, 0)).toMSecsSinceEpoch())


class KpiChart(QWidget):
    """The chart, or a short sentence while there are fewer than two measured points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.placeholder.setObjectName("chartPlaceholder")
        self.placeholder.setStyleSheet(
            "QLabel#chartPlaceholder { border: 1px dashed palette(mid);"
            f" padding: {PLACEHOLDER_PADDING}px; }}"
        )
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)
        self.actual = QLineSeries()
        self.target = QLineSeries()
        self.original = QLineSeries()
        self.x_axis = QDateTimeAxis()
        self.y_axis = QValueAxis()
        self._build()
        self._show(self.view)

    def _build(self) -> None:
        self.actual.setName(self.tr("Actual"))
        pen = QPen(QColor(ACTUAL_COLOR))
        pen.setWidthF(2.5)
        self.actual.setPen(pen)
        self.actual.setPointsVisible(True)
        self.actual.setMarkerSize(8)
        self.target.setName(self.tr("Target to date"))
        pen = QPen(QColor(TARGET_COLOR))
        pen.setWidthF(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.target.setPen(pen)
        self.original.setName(self.tr("Original target"))
        pen = QPen(QColor(ORIGINAL_COLOR))
        pen.setWidthF(1.2)
        pen.setStyle(Qt.PenStyle.DotLine)
        self.original.setPen(pen)
        for series in (self.original, self.target, self.actual):  # actual drawn on top
            self.chart.addSeries(series)
        self.x_axis.setTickCount(5)
        self.y_axis.setLabelFormat("%.0f")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.original, self.target, self.actual):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)

    def is_placeholder(self) -> bool:
        return self._stack.currentWidget() is self.placeholder

    def actual_points(self) -> list[tuple[date, float]]:
        """The actual line's points as (day, value), for tests and tooltips."""
        return [
            (formats.from_qdate(QDateTime.fromMSecsSinceEpoch(int(p.x())).date()), p.y())
            for p in self.actual.points()
        ]

    def set_series(
        self,
        series: Sequence[SeriesPoint],
        measure: Measure,
        unit: str,
        as_of: date,
    ) -> None:
        """Draw the points up to `as_of`; a sentence instead when fewer than two were measured."""
        # Month names and decimal points in the interface's locale (set at start-up);
        # thousands grouped as everywhere else in the window ("1,000" / "1 000"), even
        # where the locale would leave them out (C).
        locale = QLocale()
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
        self.chart.setLocale(locale)
        self.chart.setLocalizeNumbers(True)
        shown = [p for p in series if p.period_end <= as_of]
        measured = [p for p in shown if p.actual is not None]
        scale = percent_scale(measure, unit)
        factor = scale or Decimal(1)

        def line(values: list[tuple[date, Decimal | None]]) -> list[QPointF]:
            return [QPointF(_msecs(d), float(v * factor)) for d, v in values if v is not None]

        actual = line([(p.period_end, p.actual) for p in shown])
        target = line([(p.period_end, p.target) for p in shown])
        revised = any(p.original_target != p.target for p in shown)
        original = line([(p.period_end, p.original_target) for p in shown]) if revised else []
        self.actual.replace(actual)
        self.target.replace(target)
        self.original.replace(original)
        self._set_legend_entry(self.original, revised)
        if len(measured) < 2:
            self.placeholder.setText(
                self.tr("Not enough measurements yet to draw a trend (at least two are needed).")
                if measured
                else self.tr("No measurement up to this date: nothing to chart yet.")
            )
            self._show(self.placeholder)
            return
        self._fit_axes(actual + target + original, scale, unit)
        self._show(self.view)

    def _show(self, widget: QWidget) -> None:
        """The chart at its full height; the sentence in one line's height, so that an
        empty chart does not push the measurements table down the page."""
        self._stack.setCurrentWidget(widget)
        if widget is self.placeholder:
            line = self.placeholder.fontMetrics().height() + 2 * PLACEHOLDER_PADDING + 2
            self.setFixedHeight(line)
        else:
            self.setMinimumHeight(CHART_HEIGHT)
            self.setMaximumHeight(QWIDGETSIZE_MAX)

    def _set_legend_entry(self, series: QLineSeries, visible: bool) -> None:
        for marker in self.chart.legend().markers(series):
            marker.setVisible(visible)

    def _fit_axes(self, points: list[QPointF], scale: Decimal | None, unit: str) -> None:
        xs = sorted({p.x() for p in points})
        ys = [p.y() for p in points]
        first = QDateTime.fromMSecsSinceEpoch(int(xs[0]))
        last = QDateTime.fromMSecsSinceEpoch(int(xs[-1]))
        span_days = max(first.daysTo(last), 1)
        # A little air on both sides so that the end points are not cut in half.
        pad = max(span_days // 25, 6)
        self.x_axis.setRange(first.addDays(-pad), last.addDays(pad))
        self.x_axis.setTickCount(date_tick_count(len(xs)))
        self.x_axis.setFormat(_axis_date_format(span_days))
        # Big dots for a few quarterly points, small ones for a long monthly series.
        self.actual.setMarkerSize(8 if len(xs) <= 12 else 5)
        low = min(0.0, min(ys))
        high = max(ys) if max(ys) > low else low + 1
        self.y_axis.setRange(low, high * 1.08)
        self.y_axis.applyNiceNumbers()
        self.y_axis.setLabelFormat("%.0f" if self.y_axis.max() - self.y_axis.min() >= 5 else "%.2f")
        if scale is not None:
            self.y_axis.setTitleText("%")
        else:
            self.y_axis.setTitleText(unit)


def date_tick_count(points: int) -> int:
    """One tick per point and one more while they fit, else as many as fit."""
    return min(MAX_DATE_TICKS, max(3, points + 1))


def _axis_date_format(span_days: int) -> str:
    """Month and year (names in the locale's language) once the span is long enough for
    the ticks to fall between period ends; the locale's short date for short spans."""
    if span_days > 150:
        return "MMM yyyy"
    return formats.date_format()
