"""File > Export report… with the real report service, end to end: the demo's program report
in French as of 2024-12-31, written off the GUI thread, read back with openpyxl.

JobIntech's graduates (JIT-DIP): 240 + 260 + 234 = 734 of 800 by 2024-12-31, 91.75% ->
91.8%, on track; the French window or not, the report's trace is French with French digits."""

from __future__ import annotations

from pathlib import Path

import export_support
import openpyxl
import pytest
from export_support import click_box_button, done_box
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot
from test_report_dialog import open_from_file_menu

from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import Qt, QUrl

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
NNBSP = "\u202f"


settings = export_support.settings_in_tmp
english_window = export_support.english_window
opened = export_support.opened


def test_the_demo_program_report_in_french_from_an_english_window(
    qtbot: QtBot, english_window: MainWindow, opened: list[QUrl], tmp_path: Path
) -> None:
    click_node(qtbot, english_window.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, english_window)
    dialog = open_from_file_menu(qtbot, english_window)
    dialog.language.setCurrentIndex(dialog.language.findText("Français"))
    out = tmp_path / "CP-MTNRA-MNC-2024-12-31-fr.xlsx"
    assert Path(dialog.file.text()) == out
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = done_box(qtbot, dialog, 60_000)
    assert dialog.written is not None
    assert dialog.written.path == out

    workbook = openpyxl.load_workbook(out, read_only=True)
    texts = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    workbook.close()
    assert "JIT-DIP" in texts
    french = f"en bonne voie : avancement 91,8{NNBSP}% ≥ 0,9 × attendu 100{NNBSP}% = 90{NNBSP}%"
    assert any(text.startswith(french) for text in texts), "no French trace for JIT-DIP"
    assert not any(text.startswith("on track: progress") for text in texts)

    click_box_button(qtbot, box, "Open the report")
    assert opened == [QUrl.fromLocalFile(str(out))]


def test_the_portfolio_report_in_english(
    qtbot: QtBot, english_window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_from_file_menu(qtbot, english_window)
    dialog.kind.setCurrentIndex(dialog.kind.findText("Portfolio report"))
    out = tmp_path / "portfolio-2024-12-31-en.xlsx"
    assert Path(dialog.file.text()) == out
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = done_box(qtbot, dialog, 60_000)
    workbook = openpyxl.load_workbook(out, read_only=True)
    texts = {
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    }
    workbook.close()
    assert "CP-MTNRA-MNC" in texts
    qtbot.mouseClick(box.button(box.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert not box.isVisible()
