"""Settings in a temporary folder, so that tests never read or write the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest

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
