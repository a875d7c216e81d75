"""Undoable edits driven as a person would: add a measurement, delete one, delete an
initiative from the navigator; Ctrl+Z and Ctrl+Shift+Z take them back and redo them."""

from __future__ import annotations

from datetime import date

import pytest
from gui_support import click_node, find_index, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole
from pilotage.gui.qt import (
    QApplication,
    QContextMenuEvent,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    Qt,
    QTimer,
)

END_OF_Q1 = date(2025, 3, 31)
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every confirmation box is answered Yes."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes
    )


def _open_jit_dip(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.tree_loaded):
        window.set_as_of(END_OF_Q1)
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    wait_idle(qtbot, window)


def _back_to(window: MainWindow, qtbot: QtBot) -> None:
    """The main window active again once a dialog or menu closed (the offscreen
    platform does not hand activation back by itself)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _press(window: MainWindow, qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
    """Ctrl+Z (or Ctrl+Shift+Z), then wait until the tree and the page are reloaded."""
    _back_to(window, qtbot)
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(window, Qt.Key.Key_Z, modifiers)
    wait_idle(qtbot, window)


def _add_measurement(window: MainWindow, qtbot: QtBot, value: str) -> None:
    page = window.kpi_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.value_edit, value)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_add_a_measurement_then_undo_and_redo_it(window: MainWindow, qtbot: QtBot) -> None:
    _open_jit_dip(window, qtbot)
    page = window.kpi_page
    assert page.measurements_title.text() == "Measurements (diplômés): 3"
    assert "734" in page.actual.text()  # 240 + 260 + 234, nothing yet for 2025-Q1

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # The next quarter after the last one measured (2024-Q4).
    assert dialog.start_edit.date().toPython() == date(2025, 1, 1)
    assert dialog.end_edit.date().toPython() == END_OF_Q1
    qtbot.keyClicks(dialog.value_edit, "200")
    qtbot.keyClicks(dialog.comment_edit, "Cohorte D")
    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    wait_idle(qtbot, window)
    assert page.dialog is None  # closed on OK
    assert page.measurements_title.text() == "Measurements (diplômés): 4"
    assert "934" in page.actual.text()
    model = page.measurements_model
    assert [model.row_at(r).label for r in range(model.rowCount())][-1] == "2025-Q1"
    assert window.undo_action.text().replace("&", "") == "Undo Add measurement 2025-Q1 to JIT-DIP"

    _press(window, qtbot, CTRL)
    assert page.measurements_title.text() == "Measurements (diplômés): 3"
    assert "734" in page.actual.text()
    assert window.redo_action.text().replace("&", "") == "Redo Add measurement 2025-Q1 to JIT-DIP"

    _press(window, qtbot, CTRL_SHIFT)
    assert page.measurements_title.text() == "Measurements (diplômés): 4"
    assert "934" in page.actual.text()


def test_a_refused_measurement_shows_why_in_the_dialog_and_saves_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_jit_dip(window, qtbot)
    page = window.kpi_page
    _add_measurement(window, qtbot, "-5")
    dialog = page.dialog
    assert dialog is not None
    error = dialog.errors["value"]
    assert dialog.isVisible()  # it stays open, to be corrected
    assert error.isVisible()
    assert "negative" in error.text()
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    assert not window.is_busy()  # nothing saved, nothing reloaded
    assert page.measurements_title.text() == "Measurements (diplômés): 3"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_delete_a_measurement_with_the_delete_key_and_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open_jit_dip(window, qtbot)
    page = window.kpi_page
    with qtbot.waitSignal(page.loaded):
        _add_measurement(window, qtbot, "200")
    wait_idle(qtbot, window)
    _back_to(window, qtbot)
    table = page.measurements
    last = page.measurements_model.index(page.measurements_model.rowCount() - 1, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(last).center()
    )
    assert page.delete_button.isEnabled()
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert page.measurements_title.text() == "Measurements (diplômés): 3"
    assert (
        window.undo_action.text().replace("&", "") == "Undo Delete measurement 2025-Q1 of JIT-DIP"
    )

    _press(window, qtbot, CTRL)
    assert page.measurements_title.text() == "Measurements (diplômés): 4"
    assert "934" in page.actual.text()


def _choose_from_context_menu(window: MainWindow, qtbot: QtBot, code: str, text: str) -> None:
    """Right-click the node and click `text` in the menu that opens."""
    tree = window.tree
    index = find_index(window.proxy, code)
    assert index.isValid()
    tree.scrollTo(index)
    pos = tree.visualRect(index).center()
    problems: list[str] = []

    def click_item() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            problems.append("no menu opened")
            return
        actions = [a for a in menu.actions() if a.text().replace("&", "") == text]
        if not actions:
            problems.append(f"no {text!r} in {[a.text() for a in menu.actions()]}")
            menu.close()
            return
        qtbot.mouseClick(
            menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(actions[0]).center()
        )
        if menu.isVisible():
            problems.append("the menu stayed open")
            menu.close()

    QTimer.singleShot(0, click_item)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, tree.viewport().mapToGlobal(pos))
    QApplication.sendEvent(tree.viewport(), event)
    assert not problems, problems


def _children(window: MainWindow, code: str) -> list[str]:
    index = find_index(window.proxy, code)
    return [
        window.proxy.index(row, 0, index).data(CodeRole)
        for row in range(window.proxy.rowCount(index))
    ]


# A popup menu asks the offscreen platform for what it cannot do; nothing is wrong.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_delete_an_initiative_from_the_navigator_undo_and_redo(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert _children(window, "P1-JIT") == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]
    with qtbot.waitSignal(window.tree_loaded):
        _choose_from_context_menu(window, qtbot, "P1-JIT", "Delete…")
    wait_idle(qtbot, window)
    assert not find_index(window.proxy, "P1-JIT").isValid()
    assert not find_index(window.proxy, "JIT-DIP").isValid()
    assert window.undo_action.text().replace("&", "") == "Undo Delete initiative P1-JIT"

    _press(window, qtbot, CTRL)
    assert _children(window, "P1-JIT") == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    wait_idle(qtbot, window)
    assert window.kpi_page.measurements_model.rowCount() == 3
    assert window.kpi_page.measurements_title.text() == "Measurements (diplômés): 3"

    _press(window, qtbot, CTRL_SHIFT)
    assert not find_index(window.proxy, "P1-JIT").isValid()
    assert window.current_page() is not window.kpi_page  # its KPI went with it
