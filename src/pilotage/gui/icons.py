"""The application's icons: SVG files under `gui/resources/icons/`, one per action or kind.

Names in use: add, edit, delete, undo, redo, move-up, move-down, today, new, open,
backup, export, import, search, settings, program, pillar, initiative, kpi,
measurement, organization, refresh, warning, lock, history.

Drawn by hand in one style: 24×24 line drawings, stroke 2 with round caps, in
#37474F; colour only where it means something (delete in red, warning in amber).
A new icon follows the same style and is added to this list (a test checks both).
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
