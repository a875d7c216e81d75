"""A form opens without blocking, stays reachable while open, and is deleted once closed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pilotage.gui.dialogs.opening import forget_dialog, open_dialog
from pilotage.gui.qt import QDialog, QWidget


class _Owner(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.dialog: QDialog | None = None


def test_the_open_dialog_is_kept_until_it_closes(qtbot: QtBot) -> None:
    owner = _Owner()
    qtbot.addWidget(owner)
    owner.show()
    dialog = QDialog(owner)
    open_dialog(owner, "dialog", dialog)
    assert owner.dialog is dialog
    assert dialog.isVisible()
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.reject()
    assert owner.dialog is None  # forgotten at once, deleted by the event loop
    qtbot.waitUntil(lambda: bool(gone))


def test_opening_another_replaces_and_deletes_the_first(qtbot: QtBot) -> None:
    owner = _Owner()
    qtbot.addWidget(owner)
    owner.show()
    first, second = QDialog(owner), QDialog(owner)
    open_dialog(owner, "dialog", first)
    gone: list[bool] = []
    first.destroyed.connect(lambda: gone.append(True))
    open_dialog(owner, "dialog", second)
    assert owner.dialog is second
    qtbot.waitUntil(lambda: bool(gone))
    assert second.isVisible()
    second.accept()
    assert owner.dialog is None


def test_forgetting_nothing_is_harmless(qtbot: QtBot) -> None:
    owner = _Owner()
    qtbot.addWidget(owner)
    forget_dialog(owner, "dialog")
    assert owner.dialog is None
