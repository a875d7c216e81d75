"""The program page's chart of progress per pillar: one bar per pillar, in its status
colour, top to bottom in the pillars' order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.domain.enums import KpiStatus
from pilotage.gui.main_window import MainWindow
from pilotage.gui.pillar_chart import BAR_HEIGHT, FRAME_HEIGHT, PillarBar, PillarProgressChart
from pilotage.gui.qt import QBarSet, QColor, QHorizontalStackedBarSeries
from pilotage.gui.status import STATUS_COLORS


def _sets(chart: PillarProgressChart) -> dict[str, list[float]]:
    (series,) = chart.chart.series()
    assert isinstance(series, QHorizontalStackedBarSeries)
    found: dict[str, list[float]] = {}
    for bar_set in series.barSets():
        assert isinstance(bar_set, QBarSet)
        found[bar_set.label()] = [bar_set.at(i) for i in range(bar_set.count())]
    return found


def test_the_demo_pillars_as_of_the_end_of_the_pilot(window: MainWindow, qtbot: QtBot) -> None:
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, window)
    chart = window.program_page.pillar_chart
    assert chart.isVisible()
    # The Pillars table of the same page, checked by hand against the tree:
    # P1 94.9% on track, P2 28.9% at risk, P3 33.3% on track. Bottom-up in QtCharts.
    sets = _sets(chart)
    assert set(sets) == {"On track", "At risk"}
    on_track, at_risk = sets["On track"], sets["At risk"]
    assert on_track[1] == at_risk[0] == at_risk[2] == 0
    assert on_track[2] == pytest.approx(94.9, abs=0.05)  # P1, drawn at the top
    assert at_risk[1] == pytest.approx(28.9, abs=0.05)
    assert on_track[0] == pytest.approx(33.3, abs=0.05)
    (categories, _values) = chart.chart.axes()
    labels = categories.categories()
    assert labels[2].startswith("P1  ")
    assert labels[2].endswith("94.9%")
    assert labels[0].startswith("P3  ")


def test_colours_are_the_status_colours_and_runaway_bars_are_capped(qtbot: QtBot) -> None:
    chart = PillarProgressChart()
    qtbot.addWidget(chart)
    chart.set_bars(
        [
            PillarBar("A", "Ahead", Decimal("3.5"), KpiStatus.ACHIEVED),
            PillarBar("B", "Behind", Decimal("0.2"), KpiStatus.OFF_TRACK),
            PillarBar("C", "Nothing yet", None, KpiStatus.NO_DATA),
        ]
    )
    (series,) = chart.chart.series()
    colours = {s.label(): s.color() for s in series.barSets()}
    assert colours["Achieved"] == QColor(STATUS_COLORS[KpiStatus.ACHIEVED])
    assert colours["Off track"] == QColor(STATUS_COLORS[KpiStatus.OFF_TRACK])
    sets = _sets(chart)
    assert sets["Achieved"][2] == 200  # 350% drawn at twice the expected pace
    assert sets["No data"] == [0, 0, 0]
    assert chart.height() == FRAME_HEIGHT + 3 * BAR_HEIGHT  # grows with the pillars


def test_titles_are_elided_to_the_room_the_axis_has(qtbot: QtBot) -> None:
    title = "Écosystème des startups et des TPE-PME"  # 38 characters: longer than the old 28
    chart = PillarProgressChart()
    qtbot.addWidget(chart)
    chart.resize(1200, 300)
    chart.show()  # a hidden widget hears of its new size only once shown
    chart.set_bars([PillarBar("P2", title, Decimal("0.289"), KpiStatus.AT_RISK)])
    (categories, _values) = chart.chart.axes()
    assert categories.categories() == [f"P2  {title}  28.9%"]  # 40% of 1200 px is room enough
    chart.resize(400, 300)  # 160 px for code, title and figure
    (label,) = categories.categories()
    assert label.startswith("P2  Éco")
    assert label.endswith("…  28.9%")
