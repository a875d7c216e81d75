"""`pilotage` alone: the window on the default database; the first time, on an empty
one, the offer to load the demo or start blank."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from pilotage.db.database import Database
from pilotage.gui import app
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QApplication, QMessageBox, QTimer
from pilotage.gui.settings import Settings
from pilotage.services.programs import list_programs


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return isolated_settings(tmp_path, monkeypatch)


def answer_offer(qtbot: QtBot, button_text: str) -> QTimer:
    """Click `button_text` in the first-run offer as soon as it shows (it runs modally)."""
    timer = QTimer()
    timer.setInterval(10)

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QMessageBox)
                and widget.objectName() == "firstRunOffer"
                and widget.isVisible()
            ):
                timer.stop()
                for button in widget.buttons():
                    if button.text() == button_text:
                        button.click()

    timer.timeout.connect(click)
    timer.start()
    return timer


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[tuple[MainWindow, Database]]]:
    windows: list[tuple[MainWindow, Database]] = []
    yield windows
    for window, db in windows:
        window.close()
        db.close()


def start(
    qtbot: QtBot, settings: Settings, started: list[tuple[MainWindow, Database]]
) -> tuple[MainWindow, Database]:
    result = app.start_window(None, settings)
    assert result is not None
    window, db = result
    qtbot.addWidget(window)
    started.append(result)
    qtbot.waitUntil(lambda: not window.is_busy())
    return window, db


@pytest.mark.sqlite_only  # the default database, a file in the user's data folder
def test_first_run_loads_the_demo_when_asked(
    qtbot: QtBot, settings: Settings, tmp_path: Path, started: list[tuple[MainWindow, Database]]
) -> None:
    timer = answer_offer(qtbot, "Load the demo")
    window, db = start(qtbot, settings, started)
    assert not timer.isActive()  # the offer was shown and answered
    default = tmp_path / "data" / "pilotage" / "pilotage.sqlite"
    assert db.path == default
    assert len(list_programs(db)) == 1
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert settings.last_database() == str(default)


@pytest.mark.sqlite_only  # the default database, a file in the user's data folder
def test_first_run_can_start_blank_and_is_not_asked_again(
    qtbot: QtBot,
    settings: Settings,
    started: list[tuple[MainWindow, Database]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    timer = answer_offer(qtbot, "Start blank")
    window, db = start(qtbot, settings, started)
    assert not timer.isActive()
    assert list_programs(db) == []
    assert window.model.rowCount() == 0
    window.close()

    def no_second_offer(*_args: object) -> bool:
        raise AssertionError("the demo was offered twice")

    monkeypatch.setattr(app, "offer_demo", no_second_offer)
    again, db_again = start(qtbot, Settings(), started)
    assert db_again.path == db.path
    assert again.isVisible()


def test_unsafe_workbook_reading_is_said_at_start_up(
    qtbot: QtBot,
    settings: Settings,
    started: list[tuple[MainWindow, Database]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without defusedxml under openpyxl, the window says at once that partners' workbooks
    cannot be imported (every import refuses them anyway)."""
    import openpyxl

    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    timer = answer_offer(qtbot, "Start blank")
    window, _db = start(qtbot, settings, started)
    assert not timer.isActive()
    warning = window.findChild(QMessageBox, "xmlProtectionWarning")
    assert warning is not None
    assert warning.isVisible()
    assert "cannot be imported" in warning.text()
    assert "defusedxml" in warning.text()
    warning.accept()


def test_no_warning_when_workbooks_are_read_safely(
    qtbot: QtBot, settings: Settings, started: list[tuple[MainWindow, Database]]
) -> None:
    timer = answer_offer(qtbot, "Start blank")
    window, _db = start(qtbot, settings, started)
    assert not timer.isActive()
    assert window.findChild(QMessageBox, "xmlProtectionWarning") is None
