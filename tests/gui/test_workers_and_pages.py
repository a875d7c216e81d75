"""Work off the GUI thread: only the latest answer counts; a failure is shown, not raised."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from gui_support import DEMO_END
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.enums import Measure
from pilotage.gui import formats
from pilotage.gui.pages.kpi_page import KpiPage
from pilotage.gui.qt import QLocale, QThreadPool
from pilotage.gui.workers import TaskRunner
from pilotage.services.overview import program_trees


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    threads = QThreadPool()
    threads.setMaxThreadCount(2)
    yield threads
    threads.waitForDone()


def test_a_late_answer_to_an_older_request_is_dropped(qtbot: QtBot, pool: QThreadPool) -> None:
    runner = TaskRunner(pool)
    results: list[object] = []
    runner.finished.connect(results.append)
    gate = threading.Event()

    def slow() -> str:
        gate.wait(5)
        return "old"

    with qtbot.waitSignal(runner.busy_changed) as busy:
        runner.run(slow)
    assert busy.args == [True]
    runner.run(lambda: "new")
    qtbot.waitUntil(lambda: results == ["new"])
    assert runner.is_busy()  # the slow one still runs
    with qtbot.waitSignal(runner.busy_changed) as idle:
        gate.set()
    assert idle.args == [False]
    assert results == ["new"]


def test_a_failure_is_delivered_as_a_signal(qtbot: QtBot, pool: QThreadPool) -> None:
    runner = TaskRunner(pool)
    with qtbot.waitSignal(runner.failed) as failed:
        runner.run(lambda: 1 / 0)
    assert isinstance(failed.args[0], ZeroDivisionError)
    assert not runner.is_busy()


def test_a_page_whose_record_is_gone_says_so(
    qtbot: QtBot, pool: QThreadPool, demo_db: Database
) -> None:
    page = KpiPage(demo_db, pool)
    qtbot.addWidget(page)
    page.show()
    kpi = next(program_trees(demo_db, DEMO_END)[0].all_kpis())
    with qtbot.waitSignal(page.failed) as failed:
        page.show_kpi(replace(kpi, id=987654), DEMO_END)
    assert failed.args[0] == "kpi 987654 does not exist"
    assert page.problem.isVisible()
    assert page.problem.text() == "kpi 987654 does not exist"


@pytest.fixture
def french() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    yield
    QLocale.setDefault(previous)


def test_numbers_and_dates_follow_the_locale(french: None) -> None:
    space = "\u202f"  # French groups thousands with a narrow no-break space
    assert formats.number(Decimal("30000000.5"), 2) == f"30{space}000{space}000,50"
    assert formats.money(Decimal(1500), "MAD") == f"1{space}500,00 MAD"
    assert formats.percent(Decimal("0.734")) == f"73,4{space}%"  # French sets "%" apart
    assert formats.kpi_value(Decimal(1000), Measure.COUNT, "apprenants") == (
        f"1{space}000 apprenants"
    )
    assert formats.date_text(date(2024, 6, 30)) == "30/06/2024"


def test_numbers_and_dates_in_the_c_locale() -> None:
    assert formats.number(Decimal(1234567)) == "1,234,567"
    assert formats.kpi_value(Decimal("0.734"), Measure.RATIO, "%") == "73.4%"
    assert formats.kpi_value(Decimal(1), Measure.YES_NO) == "yes"
    assert formats.kpi_value(None, Measure.COUNT) == "—"
    assert formats.date_text(date(2024, 6, 30)) == "2024-06-30"  # ISO where C would be odd
