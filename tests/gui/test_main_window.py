"""The window as a whole: title, busy indication, staying responsive, starting the app."""

from __future__ import annotations

from gui_support import MID_YEAR, click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.gui.app import run_gui
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole
from pilotage.gui.qt import QApplication, QTimer
from server_databases import title_of


def test_the_window_opens_on_the_first_programs_page(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    # test.sqlite, or pilotage_t…@127.0.0.1 in the run on PostgreSQL
    assert window.windowTitle() == f"{title_of(demo_db)} — Pilotage"
    assert window.current_page() is window.program_page
    assert window.tree.currentIndex().data(CodeRole) == "CP-MTNRA-MNC"
    wait_idle(qtbot, window)
    assert window.program_page.parties_model.rowCount() == 3
    assert window.statusBar().currentMessage() == "Portfolio as of 2024-12-31 · programs: 1"


def test_loading_shows_a_busy_indicator_until_done(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.busy.isVisible()
    with qtbot.waitSignal(window.tree_loaded):
        window.set_as_of(MID_YEAR)
        # The reading runs on a worker: the window is already showing it is busy.
        assert window.busy.isVisible()
        assert window.statusBar().currentMessage() == "Loading…"
    wait_idle(qtbot, window)
    assert not window.busy.isVisible()


def test_clicking_on_while_a_page_loads_shows_the_last_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    # Several clicks in a row: each page fetch supersedes the one before.
    for code in ("JIT-APP", "JIT-DIP", "JIT-TXD", "JIT-INS"):
        click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    page = window.kpi_page
    assert page.header.title.text().startswith("JIT-INS")
    assert page.detail is not None
    assert page.detail.kpi.code == "JIT-INS"
    assert page.measurements_model.rowCount() == 1


def test_an_empty_database_shows_an_empty_tree(qtbot: QtBot, db: Database) -> None:
    win = MainWindow(db)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.tree_loaded):
        win.show()
    assert win.model.rowCount() == 0
    assert win.current_page() is win.empty_page
    assert win.empty_page.text() == "This database holds no contract-program yet."
    win.close()


def test_run_gui_shows_the_window_and_returns_when_it_is_closed(
    demo_db: Database, db_target: str
) -> None:
    seen: dict[str, str] = {}

    def close_once_loaded() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, MainWindow)
                and widget.isVisible()
                and widget.model.rowCount() > 0
                and not widget.is_busy()
            ):
                seen["title"] = widget.windowTitle()
                widget.close()
                return
        QTimer.singleShot(20, close_once_loaded)

    QTimer.singleShot(0, close_once_loaded)
    assert run_gui(db_target) == 0
    assert seen["title"] == f"{title_of(demo_db)} — Pilotage"
    assert QApplication.applicationName() == "Pilotage"
