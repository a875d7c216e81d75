"""The KPI page with its chart and the program page with its watch lists, saved as PNGs
(the visible window and the whole scrolled page) to look at."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.gui.main_window import MainWindow
from pilotage.gui.pages.base import Page

# Kept after the run so that a person can look at them.
SHOTS = Path(tempfile.gettempdir()) / "pilotage-shots"


def _save(window: MainWindow, page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    body = page.widget()  # the whole page, beyond what the window shows
    assert body is not None
    for suffix, widget in (("window", window), ("page", body)):
        path = SHOTS / f"{name}-{suffix}.png"
        assert widget.grab().save(str(path))
        assert path.stat().st_size > 10_000


@pytest.mark.parametrize("code", ["JIT-DIP", "JIT-TXD", "EVT-NB"])
def test_kpi_page_with_its_chart(window: MainWindow, qtbot: QtBot, code: str) -> None:
    if code == "EVT-NB":
        window.set_as_of(date(2025, 12, 31))
        qtbot.waitUntil(lambda: not window.is_busy())
    click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    page = window.kpi_page
    assert window.current_page() is page
    assert not page.chart.is_placeholder()
    assert not page.horizontalScrollBar().isVisible()
    _save(window, page, f"kpi-{code.lower()}")


def test_program_page_with_its_watch_lists(window: MainWindow, qtbot: QtBot) -> None:
    click_node(qtbot, window.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.program_page.loaded):
        window.set_as_of(date(2025, 12, 31))
    wait_idle(qtbot, window)
    page = window.program_page
    assert page.late_model.rowCount() == 2
    assert not page.horizontalScrollBar().isVisible()
    _save(window, page, "program")
