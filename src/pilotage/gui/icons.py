"""The application's icons: SVG files under `gui/resources/icons/`, one per action or kind.

Names in use: add, edit, delete, undo, redo, move-up, move-down, today, new, open,
backup, export, import, search, settings, program, pillar, initiative, kpi,
measurement, organization, refresh.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pilotage.gui.qt import QIcon

ICON_DIR = Path(__file__).with_name("resources") / "icons"


@cache
def icon(name: str) -> QIcon:
    """The icon called `name` (an empty icon if there is no such file)."""
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
