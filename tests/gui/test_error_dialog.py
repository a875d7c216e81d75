"""An error raised inside a slot shows the crash dialog (a known problem, a plain
message box), is logged, and the application goes on."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import MID_YEAR
from pytestqt.qtbot import QtBot

from pilotage.domain.errors import NotFoundError
from pilotage.gui import error_dialog
from pilotage.gui.error_dialog import ErrorDialog, ErrorReporter, install_excepthook
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QApplication, QMessageBox, QPushButton, Qt, QWidget

# pytest-qt would turn the exception into a test failure; here the application's hook
# is the one under test.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "log" / "pilotage.log"
    monkeypatch.setattr(error_dialog, "log_path", lambda: path)
    return path


@pytest.fixture
def reporter(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> ErrorReporter:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return install_excepthook(lambda: window)


def faulty_button(window: MainWindow, error: Callable[[], BaseException]) -> QPushButton:
    """A button in the window whose slot raises `error()`."""
    button = QPushButton("Break", window)

    def broken() -> None:
        raise error()

    button.clicked.connect(broken)
    window.toolbar.addWidget(button)
    return button


def shown(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_an_unexpected_error_shows_the_dialog_and_the_app_goes_on(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter, log_file: Path
) -> None:
    button = faulty_button(window, lambda: RuntimeError("the flux capacitor broke"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown(ErrorDialog)) == 1)
    dialog = shown(ErrorDialog)[0]
    assert isinstance(dialog, ErrorDialog)
    assert "the flux capacitor broke" in dialog.message_label.text()
    assert not dialog.details.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    assert "Traceback" in dialog.details.toPlainText()
    assert "in broken" in dialog.details.toPlainText()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "RuntimeError: the flux capacitor broke" in copied
    assert "Traceback" in copied

    assert "RuntimeError: the flux capacitor broke" in log_file.read_text(encoding="utf-8")

    assert dialog.close_button is not None
    assert reporter.dialogs == [dialog]
    freed: list[bool] = []
    dialog.destroyed.connect(lambda: freed.append(True))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: freed == [True])  # closed, it is freed, not kept hidden
    assert reporter.dialogs == []
    qtbot.waitUntil(lambda: not shown(ErrorDialog))
    with qtbot.waitSignal(window.tree_loaded):  # the window still works
        window.set_as_of(MID_YEAR)
    assert window.isVisible()


def test_a_known_problem_shows_a_plain_message(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter, log_file: Path
) -> None:
    button = faulty_button(window, lambda: NotFoundError("KPI", "JIT-XYZ"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown(QMessageBox)) == 1)
    assert not shown(ErrorDialog)
    box = shown(QMessageBox)[0]
    assert isinstance(box, QMessageBox)
    assert "JIT-XYZ" in box.text()
    assert not log_file.exists()
    freed: list[bool] = []
    box.destroyed.connect(lambda: freed.append(True))
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: freed == [True])
    assert reporter.dialogs == []
    qtbot.waitUntil(lambda: not shown(QMessageBox))
    with qtbot.waitSignal(window.tree_loaded):
        window.set_as_of(MID_YEAR)
