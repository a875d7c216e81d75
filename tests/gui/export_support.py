"""The File menu's exports and import driven as an analyst: the fixtures and helpers of
test_report_dialog, test_template_dialog, test_program_export_dialog, test_import_dialog,
test_collection_round_trip and test_report_export_real.

A test module takes a fixture under the name its tests ask for, e.g.

    settings = export_support.settings_in_tmp  # the last export's folder: tmp_path
    win = export_support.english_window
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from gui_support import DEMO_END
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from pilotage.db.database import Database
from pilotage.gui import window_menus
from pilotage.gui.jobs import JobDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import (
    QApplication,
    QDesktopServices,
    QMenu,
    QMessageBox,
    QPushButton,
    Qt,
    QUrl,
)
from pilotage.gui.settings import Settings
from pilotage.services.programs import ProgramInput, create_program

WAIT_MS = 20_000  # a real service writing a workbook, on a slow machine


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings of their own, never the user's; no export remembered."""
    return isolated_settings(tmp_path, monkeypatch)


@pytest.fixture
def settings_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings of their own whose last export went to tmp_path (the suggested folder)."""
    settings = isolated_settings(tmp_path, monkeypatch)
    settings.set_report_folder(tmp_path)
    return settings


def started(qtbot: QtBot, db: Database, settings: Settings) -> MainWindow:
    """A main window on `db` as of the demo's end, active, its tree loaded (if any)."""
    window = MainWindow(db, as_of=DEMO_END, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not window.is_busy())
    return window


def _english(
    qtbot: QtBot, db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(window_menus, "applied_language", lambda: "en")
    window = started(qtbot, db, settings)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.is_busy())
    yield window
    window.close()


@pytest.fixture
def english_window(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The demo as of 2024-12-31 in a window speaking English, with `settings`."""
    yield from _english(qtbot, demo_db, settings, monkeypatch)


@pytest.fixture
def two_programs_window(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The same with a second program that sorts before the demo's (so that the first of a
    list is no answer)."""
    create_program(demo_db, ProgramInput("AA-AUTRE", "Autre", date(2024, 1, 1), date(2025, 1, 1)))
    yield from _english(qtbot, demo_db, settings, monkeypatch)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the desktop was asked to open (nothing opens)."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def choose_in_file_menu(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Click File in the menu bar, then the item `text` ("&" left out) in the menu."""
    bar = window.menuBar()
    bar.setFocus()
    qtbot.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        pos=bar.actionGeometry(window.file_menu.menuAction()).center(),
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert menu is window.file_menu
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == text]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def opened_dialog(qtbot: QtBot, dialog: JobDialog | None) -> JobDialog:
    """`dialog` (an action's, once chosen in the menu), waited for until shown."""
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def box_button(box: QMessageBox, text: str) -> QPushButton:
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
    assert isinstance(button, QPushButton)
    return button


def click_box_button(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    qtbot.mouseClick(box_button(box, text), Qt.MouseButton.LeftButton)


def shown_box(
    qtbot: QtBot, box: Callable[[], QMessageBox | None], timeout: int = 5_000
) -> QMessageBox:
    """The message box `box()` gives once it is shown."""
    qtbot.waitUntil(lambda: (shown := box()) is not None and shown.isVisible(), timeout=timeout)
    found = box()
    assert found is not None
    return found


def done_box(qtbot: QtBot, dialog: JobDialog, timeout: int = WAIT_MS) -> QMessageBox:
    """The message saying what `dialog`'s job wrote, once shown; a failure fails the test
    with its sentence."""
    qtbot.waitUntil(
        lambda: dialog.done_box is not None or dialog.failure_box is not None, timeout=timeout
    )
    assert dialog.failure_box is None, dialog.failure_box.text()
    return shown_box(qtbot, lambda: dialog.done_box)
