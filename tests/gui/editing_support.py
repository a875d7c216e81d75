"""Driving the record actions as a person would: menus, the forms' OK button, the tree."""

from __future__ import annotations

from gui_support import find_index, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole
from pilotage.gui.qt import (
    QApplication,
    QContextMenuEvent,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QPoint,
    Qt,
    QTimer,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# A popup menu asks the offscreen platform for what it cannot do; nothing is wrong.
POPUP_LOG = "This plugin does not support (raise|grabbing)"


def back_to(window: MainWindow, qtbot: QtBot) -> None:
    """The main window active again once a dialog or menu closed (the offscreen
    platform does not hand activation back by itself)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(window: MainWindow, qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key on the window (Ctrl+Z…), then wait until the tree and the page are reloaded."""
    back_to(window, qtbot)
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(window, key, modifiers)
    wait_idle(qtbot, window)


def _click_in_popup(qtbot: QtBot, text: str, problems: list[str]) -> None:
    menu = QApplication.activePopupWidget()
    if not isinstance(menu, QMenu):
        problems.append("no menu opened")
        return
    actions = [a for a in menu.actions() if a.text().replace("&", "") == text]
    if not actions:
        problems.append(f"no {text!r} in {[a.text() for a in menu.actions()]}")
        menu.close()
        return
    if not actions[0].isEnabled():
        problems.append(f"{text!r} is disabled")
        menu.close()
        return
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(actions[0]).center())


def choose_from_context_menu(window: MainWindow, qtbot: QtBot, code: str, text: str) -> None:
    """Right-click the node and click `text` in the menu that opens."""
    tree = window.tree
    index = find_index(window.proxy, code)
    assert index.isValid(), f"{code} is not in the tree"
    tree.scrollTo(index)
    pos = tree.visualRect(index).center()
    problems: list[str] = []
    QTimer.singleShot(0, lambda: _click_in_popup(qtbot, text, problems))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, tree.viewport().mapToGlobal(pos))
    QApplication.sendEvent(tree.viewport(), event)
    assert not problems, problems


def choose_from_edit_menu(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Open the Edit menu of the menu bar and click `text` in it."""
    problems: list[str] = []
    menu = window.edit_menu
    menu.popup(window.mapToGlobal(QPoint(20, 20)))
    qtbot.waitExposed(menu)
    _click_in_popup(qtbot, text, problems)
    assert not problems, problems
    qtbot.waitUntil(lambda: not menu.isVisible())


def open_form(window: MainWindow, qtbot: QtBot) -> FormDialog:  # type: ignore[type-arg]
    dialog = window.record_actions.dialog
    assert dialog is not None, "no form opened"
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def click_ok(qtbot: QtBot, dialog: FormDialog) -> None:  # type: ignore[type-arg]
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def children(window: MainWindow, code: str) -> list[str]:
    index = find_index(window.proxy, code)
    assert index.isValid(), f"{code} is not in the tree"
    while window.proxy.canFetchMore(index):  # as expanding it would
        window.proxy.fetchMore(index)
    return [
        window.proxy.index(row, 0, index).data(CodeRole)
        for row in range(window.proxy.rowCount(index))
    ]
