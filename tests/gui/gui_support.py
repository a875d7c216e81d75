"""Driving the main window as a person would: finding, clicking, waiting."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole
from pilotage.gui.qt import QApplication, QModelIndex, QSortFilterProxyModel, Qt, QTreeView

DEMO_END = date(2024, 12, 31)  # the end of the demo's pilot year
MID_YEAR = date(2024, 6, 30)


def find_index(model: QSortFilterProxyModel, code: str) -> QModelIndex:
    """The visible node with this code (depth first), or an invalid index.

    The navigator hands a node's children over when asked (as expanding it does):
    the walk asks, for every node it goes through and for the one it finds."""

    def fetch(parent: QModelIndex) -> None:
        while model.canFetchMore(parent):
            model.fetchMore(parent)

    def walk(parent: QModelIndex) -> QModelIndex:
        fetch(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(CodeRole) == code:
                fetch(index)
                return index
            found = walk(index)
            if found.isValid():
                return found
        return QModelIndex()

    return walk(QModelIndex())


def click_node(qtbot: QtBot, tree: QTreeView, code: str) -> None:
    """Click a node as a person would, scrolling to it (which opens its parents) first."""
    index = find_index(tree.model(), code)  # type: ignore[arg-type]
    assert index.isValid(), f"{code} is not in the tree"
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def current_code(tree: QTreeView) -> str | None:
    return tree.currentIndex().data(CodeRole)


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    """Until nothing loads, and the layouts have caught up with what was filled in."""
    qtbot.waitUntil(lambda: not window.is_busy())
    for _ in range(2):  # a layout pass can post another (word-wrapped labels)
        QApplication.sendPostedEvents()
        QApplication.processEvents()
