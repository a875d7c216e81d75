"""The main window on the demo database; helpers for driving it are in gui_support.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import DEMO_END
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.gui.i18n import reset_locale
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QApplication, QMessageBox


@pytest.fixture(autouse=True)
def _application(qapp: QApplication, gui_collector: None) -> QApplication:
    """Every GUI test runs with the QApplication (icons and fonts need one)."""
    return qapp


@pytest.fixture(autouse=True)
def _system_locale() -> Iterator[None]:
    """Numbers and dates back in the system's locale after each test (some choose French)."""
    yield
    reset_locale()


@pytest.fixture(autouse=True)
def _no_unexpected_message_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box no test expected fails the test instead of waiting for a click
    that never comes (a test that expects one patches it again, after this)."""

    def unexpected(kind: str) -> object:
        def box(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> None:
            raise AssertionError(f"unexpected {kind} box: {title}: {text}")

        return box

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, unexpected(kind))


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> Iterator[MainWindow]:
    """The main window on the demo as of 2024-12-31, its tree loaded."""
    win = MainWindow(demo_db, as_of=DEMO_END)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()  # keyboard focus goes where a person's would
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.waitUntil(lambda: win.model.rowCount() > 0 and not win.is_busy())
    yield win
    # Before demo_db closes: wait for any worker still reading it.
    win.close()
