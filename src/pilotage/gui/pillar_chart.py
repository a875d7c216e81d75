"""The program dashboard's chart: each pillar's mean progress, a bar in its status colour.

QtCharts colours a bar set, not a bar, so there is one set per status and each
pillar's bar sits in the set of its status (zero in the others), stacked: the
legend then reads as the status key, in the colours of the dots and the reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pilotage.domain.enums import KpiStatus
from pilotage.gui import formats
from pilotage.gui.qt import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QFontMetrics,
    QHorizontalStackedBarSeries,
    QMargins,
    QPainter,
    QResizeEvent,
    Qt,
    QValueAxis,
    QVBoxLayout,
    QWidget,
)
from pilotage.gui.status import STATUS_COLORS, status_label

BAR_HEIGHT = 34  # per pillar, so that a program of eight pillars stays readable
FRAME_HEIGHT = 110  # axis, legend and margins
# QtCharts gives a vertical axis at most 40% of the chart's width and cuts longer
# labels with "...": the titles are elided here, at a word's room less, instead.
AXIS_PORTION = 0.4
AXIS_LABEL_MARGIN = 12


@dataclass(frozen=True)
class PillarBar:
    code: str
    title: str
    progress: Decimal | None  # mean progress as a fraction; None: nothing measured yet
    status: KpiStatus


class PillarProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.bars: tuple[PillarBar, ...] = ()
        self._categories: QBarCategoryAxis | None = None

    def set_bars(self, bars: Sequence[PillarBar]) -> None:
        """One bar per pillar, the first at the top, in percent of the expected pace."""
        self.bars = tuple(bars)
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        # QtCharts draws the first category at the bottom: reverse to read top-down.
        ordered = list(reversed(self.bars))
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.6)
        for status in KpiStatus:
            if not any(bar.status is status for bar in ordered):
                continue
            bar_set = QBarSet(status_label(status))
            bar_set.setColor(QColor(STATUS_COLORS[status]))
            bar_set.setBorderColor(QColor(STATUS_COLORS[status]))
            for bar in ordered:
                bar_set.append(_length(bar) if bar.status is status else 0.0)
            series.append(bar_set)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(self._labels(categories))
        self._categories = categories
        values = QValueAxis()
        top = max((_length(bar) for bar in ordered), default=0.0)
        values.setRange(0, max(100.0, top))
        values.setTickCount(6)
        values.setLabelFormat("%.0f%%")
        values.setTitleText(self.tr("Mean progress of the KPIs"))
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.setFixedHeight(FRAME_HEIGHT + BAR_HEIGHT * max(1, len(ordered)))
        self.setToolTip(
            "\n".join(
                f"{bar.code} {bar.title}: {formats.percent(bar.progress)} · "
                f"{status_label(bar.status)}"
                for bar in self.bars
            )
        )

    def _labels(self, axis: QBarCategoryAxis) -> list[str]:
        """The axis labels, bottom-up: code, title elided to the room the axis has, and
        the figure in the locale's digits."""
        metrics = QFontMetrics(axis.labelsFont())
        room = int(self.width() * AXIS_PORTION) - AXIS_LABEL_MARGIN
        labels = []
        for bar in reversed(self.bars):
            head, tail = f"{bar.code}  ", f"  {formats.percent(bar.progress, places=1)}"
            left = max(room - metrics.horizontalAdvance(head + tail), 0)
            title = metrics.elidedText(bar.title, Qt.TextElideMode.ElideRight, left)
            labels.append(head + title + tail)
        return labels

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # A wider page leaves room for more of each title.
        if self._categories is not None and self.bars:
            labels = self._labels(self._categories)
            if labels != self._categories.categories():
                self._categories.setCategories(labels)


def _length(bar: PillarBar) -> float:
    """The bar in percent, capped at twice the expected pace so one runaway pillar
    does not flatten the others."""
    if bar.progress is None:
        return 0.0
    return float(min(bar.progress, Decimal(2)) * 100)
