"""The look: figures right-aligned and grouped by thousands wherever they are shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from pilotage.domain.enums import Measure
from pilotage.gui.charts import KpiChart
from pilotage.gui.i18n import apply_locale
from pilotage.gui.pages.widgets import FieldForm
from pilotage.gui.qt import QLabel, QLocale, Qt
from pilotage.services.kpi_detail import SeriesPoint


def test_a_numeric_field_is_right_aligned_and_never_wrapped(qtbot: QtBot) -> None:
    form = FieldForm()
    qtbot.addWidget(form)
    text = form.add("Description")
    budget = form.add("Total budget", numeric=True)
    assert budget.alignment() & Qt.AlignmentFlag.AlignRight
    assert not budget.wordWrap()
    assert not text.alignment() & Qt.AlignmentFlag.AlignRight
    assert text.wordWrap()


def test_a_caption_stays_on_the_first_line_of_a_wrapped_value(qtbot: QtBot) -> None:
    form = FieldForm()
    qtbot.addWidget(form)
    form.resize(300, 400)
    value = form.add("Thresholds")
    value.setText("on track from 90% of expected, at risk from 70% " * 3)
    form.show()
    qtbot.waitExposed(form)
    caption = form.findChildren(QLabel)[0]
    assert caption.text() == "Thresholds"
    assert caption.alignment() & Qt.AlignmentFlag.AlignTop
    # The caption's text starts where the value's first line does.
    assert caption.geometry().top() == value.geometry().top()


def _points() -> list[SeriesPoint]:
    return [
        SeriesPoint(date(2024, 6, 30), Decimal(240), Decimal(397), Decimal(397)),
        SeriesPoint(date(2024, 12, 31), Decimal(734), Decimal(800), Decimal(800)),
    ]


@pytest.mark.parametrize(
    ("setting", "thousand"), [("system", "1,000"), ("en", "1,000"), ("fr", "1\u202f000")]
)
def test_the_chart_groups_thousands_like_the_rest_of_the_window(
    qtbot: QtBot, setting: str, thousand: str
) -> None:
    apply_locale(setting)  # "system" is C under the tests: it would leave them out
    chart = KpiChart()
    qtbot.addWidget(chart)
    chart.set_series(_points(), Measure.COUNT, "diplômés", date(2024, 12, 31))
    locale = chart.chart.locale()
    assert not locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator
    assert chart.chart.localizeNumbers()
    assert locale.toString(1000.0, "f", 0) == thousand
