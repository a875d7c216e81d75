"""Changes made by another analyst show in the window within seconds, never under an
edit in progress, and the window's own saves do not refresh it a second time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import click_node, current_code, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database, open_database
from pilotage.domain.enums import MeasurementStatus
from pilotage.gui.change_watcher import CHECK_EVERY_MS, edit_in_progress
from pilotage.gui.dialogs.reason_dialog import ReasonDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.qt import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QEvent,
    Qt,
)
from pilotage.services.changes import latest_change
from pilotage.services.identity import set_user_name
from pilotage.services.measurements import get_measurement, set_measurement_status

Q3, Q4 = 1, 2  # JIT-DIP's rows: 2024-Q2, 2024-Q3, 2024-Q4 (all validated in the demo)
QUICK_MS = 40  # the tests look at the audit log this often, not every 5 s


@pytest.fixture
def other(demo_db: Database) -> Iterator[Database]:
    """Another analyst's connection to the window's database."""
    second = open_database(demo_db.url)
    set_user_name("Karim Alaoui")
    yield second
    set_user_name(None)
    second.close()


@pytest.fixture
def quick(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window on JIT-DIP's page, looking for changes every QUICK_MS."""
    assert window.changes.interval() == CHECK_EVERY_MS
    window.changes.set_interval(QUICK_MS)
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    wait_idle(qtbot, window)
    return window


def _status(window: MainWindow, row: int) -> MeasurementStatus:
    return window.kpi_page.measurements_model.row_at(row).status


def _edit_status(qtbot: QtBot, window: MainWindow, row: int) -> QComboBox:
    """Click a period's status, press F2: its drop-down opens, with the focus."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.kpi_page.measurements
    index = table.model().index(row, MeasurementsModel.STATUS)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.indexWidget(index) is not None)
    editor = table.indexWidget(index)
    assert isinstance(editor, QComboBox)
    return editor


def _unlock_elsewhere(window: MainWindow, other: Database, row: int) -> None:
    """The other analyst sets a validated period back to submitted."""
    measurement_id = window.kpi_page.measurements_model.row_at(row).id
    current = get_measurement(other, measurement_id)
    set_measurement_status(
        other, measurement_id, current.version, MeasurementStatus.SUBMITTED, "Recount"
    )


def test_a_change_by_another_analyst_shows_within_the_interval(
    quick: MainWindow, qtbot: QtBot, other: Database
) -> None:
    window = quick
    note = window.changes.note
    assert not note.isVisible()
    assert _status(window, Q4) is MeasurementStatus.VALIDATED
    _unlock_elsewhere(window, other, Q4)
    with qtbot.waitSignal(window.changes.refresh_requested) as refresh:
        pass
    assert refresh.args is not None
    assert refresh.args[0].who == "Karim Alaoui"
    qtbot.waitUntil(lambda: _status(window, Q4) is MeasurementStatus.SUBMITTED)
    qtbot.waitUntil(note.isVisible)
    assert note.text().startswith("Changed by others: refreshed at ")
    # The KPI stays selected, its page shown.
    assert current_code(window.tree) == "JIT-DIP"
    assert window.current_page() is window.kpi_page
    assert window.kpi_page.kpi is not None
    assert window.kpi_page.kpi.code == "JIT-DIP"
    assert window.changes.covered() == latest_change(other)


def test_an_open_cell_editor_holds_the_refresh_back(
    quick: MainWindow, qtbot: QtBot, other: Database
) -> None:
    window = quick
    table = window.kpi_page.measurements
    index = table.model().index(Q3, MeasurementsModel.STATUS)
    editor = _edit_status(qtbot, window, Q3)
    assert table.state() is QAbstractItemView.State.EditingState
    assert edit_in_progress(window)

    refreshes: list[object] = []
    window.changes.refresh_requested.connect(refreshes.append)
    _unlock_elsewhere(window, other, Q4)
    qtbot.waitUntil(window.changes.is_waiting)
    assert window.changes.note.text() == "Changed by others: will refresh when you finish"
    # Several looks later, still held back: the editor and what it shows stay.
    ticks = window.changes.covered()
    for _ in range(3):
        with qtbot.waitSignal(window.changes._runner.finished):
            pass
    assert refreshes == []
    assert window.changes.covered() == ticks
    assert table.indexWidget(index) is editor
    assert _status(window, Q4) is MeasurementStatus.VALIDATED

    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # the analyst leaves the cell unchanged
    qtbot.waitUntil(lambda: _status(window, Q4) is MeasurementStatus.SUBMITTED)
    assert len(refreshes) == 1
    assert not window.changes.is_waiting()
    qtbot.waitUntil(lambda: window.changes.note.text().startswith("Changed by others: refreshed"))


def test_our_own_save_does_not_refresh_a_second_time(
    quick: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    window = quick
    refreshes: list[object] = []
    window.changes.refresh_requested.connect(refreshes.append)
    # The analyst unlocks Q4 from its status drop-down, saying why in the reason dialog.
    page = window.kpi_page
    combo = _edit_status(qtbot, window, Q4)
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # submitted: chosen at once
    dialog = page.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitExposed(dialog)
    assert edit_in_progress(window)
    qtbot.keyClicks(dialog.reason_edit, "Recount")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, window)
    assert _status(window, Q4) is MeasurementStatus.SUBMITTED
    mark = latest_change(demo_db)
    qtbot.waitUntil(lambda: window.changes.covered() == mark)
    # Several looks at the log later: nothing new to anyone but us.
    for _ in range(3):
        with qtbot.waitSignal(window.changes._runner.finished):
            pass
    assert refreshes == []
    assert not window.changes.note.isVisible()


def test_coming_back_to_the_window_looks_at_once(
    window: MainWindow, qtbot: QtBot, other: Database
) -> None:
    """With the timer far off, the window's activation alone finds the change."""
    window.changes.set_interval(3_600_000)
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    wait_idle(qtbot, window)
    _unlock_elsewhere(window, other, Q4)
    assert _status(window, Q4) is MeasurementStatus.VALIDATED
    with qtbot.waitSignal(window.changes.refresh_requested):
        QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: _status(window, Q4) is MeasurementStatus.SUBMITTED)
