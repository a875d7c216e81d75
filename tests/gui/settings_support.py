"""Settings in a temporary folder, so that tests never read or write the user's own;
the main window started in a language from them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import DEMO_END
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.gui.app import install_language
from pilotage.gui.i18n import remove_translators
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QSettings
from pilotage.gui.settings import Settings


def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """INI settings of user scope under `tmp_path/settings`."""
    folder = tmp_path / "settings"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    settings = Settings()
    assert Path(settings.store.fileName()).is_relative_to(folder)
    return settings


def window_speaking(
    language: str,
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    """The main window on `db` as of the demo's end, in `language` ("fr", "en"), its
    tree loaded; the translators go when the caller's fixture ends."""
    settings = isolated_settings(tmp_path, monkeypatch)
    settings.set_language(language)
    translators = install_language(settings)  # before the window, as the start-up does
    try:
        win = MainWindow(db, as_of=DEMO_END, settings=settings)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: win.model.rowCount() > 0 and not win.is_busy())
        yield win
        win.close()
    finally:
        remove_translators(translators)
