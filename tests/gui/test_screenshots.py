"""The main window with each kind of page, saved as PNGs to look at (and to check fit)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.gui.main_window import MainWindow
from pilotage.gui.pages.base import Page
from pilotage.gui.qt import QPoint

# Kept after the run so that a person can look at them.
SHOTS = Path(tempfile.gettempdir()) / "pilotage-shots"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("program", "CP-MTNRA-MNC"),
        ("pillar", "P2"),
        ("initiative", "P1-JIT"),
        ("kpi", "JIT-INS"),
    ],
)
def test_each_page_fits_the_window_and_is_saved(
    window: MainWindow, qtbot: QtBot, name: str, code: str
) -> None:
    click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    page = window.current_page()
    assert isinstance(page, Page)
    assert type(page).__name__.lower() == f"{name}page"
    # Nothing wider than the page: no sideways scrolling, the status badge fully shown.
    assert not page.horizontalScrollBar().isVisible()
    badge = page.header.badge
    right_edge = badge.mapTo(page.viewport(), QPoint(badge.width(), 0)).x()
    assert 0 < right_edge <= page.viewport().width()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
