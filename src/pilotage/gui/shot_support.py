"""What the screenshot modules share: how a picture is saved, and letting a widget
just shown lay itself out before it is grabbed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pilotage.gui.qt import QApplication, QWidget

# Saves a widget's picture to a path and returns the path (screenshots._save).
Save = Callable[[QWidget, Path], Path]


def settle() -> None:
    """Run the posted events twice: a layout pass can post another (word-wrapped labels)."""
    for _ in range(2):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
