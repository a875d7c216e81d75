"""File > Export program workbook…, then File > Import workbook… in a window on an empty
database: the whole program moves, with the real services. The dialog opens on the
program shown with a suggested name; the export runs off the GUI thread and the message
opens the workbook or its folder; the other window asks to import the program with its
counts (counted by hand in the demo), imports it and shows it."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from gui_support import DEMO_END, click_node, current_code, wait_idle
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from pilotage.db.database import Database, open_database
from pilotage.gui import window_menus
from pilotage.gui.dialogs import program_export_dialog
from pilotage.gui.dialogs.program_export_dialog import ProgramExportDialog, suggested_name
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import (
    QApplication,
    QDesktopServices,
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    Qt,
    QUrl,
)
from pilotage.gui.settings import Settings
from pilotage.services.program_transfer import TransferOutcome
from pilotage.services.programs import ProgramInput, create_program, list_programs
from pilotage.services.workbook_files import WorkbookKind, workbook_kind

WAIT_MS = 20_000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    settings = isolated_settings(tmp_path, monkeypatch)
    settings.set_report_folder(tmp_path)
    return settings


def started(qtbot: QtBot, db: Database, settings: Settings) -> MainWindow:
    window = MainWindow(db, as_of=DEMO_END, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: not window.is_busy())
    return window


@pytest.fixture
def win(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The demo in English, with a second program listed before it."""
    create_program(demo_db, ProgramInput("AA-AUTRE", "Autre", date(2024, 1, 1), date(2025, 1, 1)))
    monkeypatch.setattr(window_menus, "applied_language", lambda: "en")
    window = started(qtbot, demo_db, settings)
    yield window
    window.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def open_from_file_menu(qtbot: QtBot, window: MainWindow) -> ProgramExportDialog:
    bar = window.menuBar()
    bar.setFocus()
    qtbot.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        pos=bar.actionGeometry(window.file_menu.menuAction()).center(),
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is window.file_menu
    action = window.program_export_action
    assert action.text().replace("&", "") == "Export program workbook…"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    dialog = action.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def box_button(box: QMessageBox, text: str) -> QPushButton:
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
    assert isinstance(button, QPushButton)
    return button


@pytest.fixture
def empty_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """Another database, empty, beside the demo's (the `db` fixture would share its file)."""
    path = tmp_path / "empty.sqlite"
    shutil.copyfile(migrated_template, path)
    database = open_database(path)
    yield database
    database.close()


def test_the_program_moves_to_an_empty_database_through_the_file_menu(
    qtbot: QtBot,
    win: MainWindow,
    empty_db: Database,
    settings: Settings,
    opened: list[QUrl],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    export = program_export_dialog.program_transfer.export_program

    def noted(*args: object) -> TransferOutcome:
        threads.append(threading.current_thread())
        return export(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(program_export_dialog.program_transfer, "export_program", noted)
    click_node(qtbot, win.tree, "P1-JIT")  # an initiative of the demo's program
    wait_idle(qtbot, win)
    dialog = open_from_file_menu(qtbot, win)
    assert dialog.program.currentText().startswith("CP-MTNRA-MNC — ")
    out = tmp_path / "CP-MTNRA-MNC-program.xlsx"
    assert dialog.file.text() == str(out)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.done_box is not None or dialog.failure_box is not None, timeout=WAIT_MS
    )
    assert dialog.failure_box is None, dialog.failure_box.text()
    qtbot.waitUntil(lambda: dialog.done_box is not None and dialog.done_box.isVisible())
    assert threads
    assert threads[0] is not threading.main_thread()
    box = dialog.done_box
    assert box is not None
    assert box.text() == f"Program CP-MTNRA-MNC was written to {out}."
    assert box.informativeText() == "13 KPIs, 83 measurements."
    qtbot.mouseClick(box_button(box, "Open its folder"), Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert workbook_kind(out) is WorkbookKind.PROGRAM

    # Another window, on an empty database, imports it.
    db = empty_db
    other = started(qtbot, db, settings)
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(out), ""))
        other.import_action.trigger()
        action = other.import_action
        qtbot.waitUntil(
            lambda: action.message_box is not None and action.message_box.isVisible(),
            timeout=WAIT_MS,
        )
        question = action.message_box
        assert question is not None
        # The demo: 3 pillars, 7 initiatives, 13 KPIs and 83 measurements.
        assert question.text() == (
            "Import program CP-MTNRA-MNC: 3 pillars, 7 initiatives, 13 KPIs, 83 measurements?"
        )
        assert list_programs(db) == []  # a dry run so far
        with qtbot.waitSignal(other.tree_loaded, timeout=WAIT_MS):
            qtbot.mouseClick(box_button(question, "Import"), Qt.MouseButton.LeftButton)
        wait_idle(qtbot, other)
        assert [p.reference for p in list_programs(db)] == ["CP-MTNRA-MNC"]
        assert current_code(other.tree) == "CP-MTNRA-MNC"  # shown at once
        assert other.current_page() is other.program_page
        done = action.message_box
        assert done is not None
        assert done is not question
        assert done.text() == "Program CP-MTNRA-MNC was imported."
    finally:
        other.close()


def test_the_name_follows_the_program_and_a_missing_file_is_said(
    qtbot: QtBot, win: MainWindow, tmp_path: Path
) -> None:
    dialog = open_from_file_menu(qtbot, win)
    dialog.program.setCurrentIndex(dialog.program.findText("AA-AUTRE — Autre"))
    assert dialog.file.text() == str(tmp_path / "AA-AUTRE-program.xlsx")
    dialog.file.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Choose the file to write the program to."
    assert dialog.progress is None
    assert dialog.isVisible()


def test_a_folder_that_does_not_exist_is_one_sentence_and_the_dialog_stays(
    qtbot: QtBot, win: MainWindow, tmp_path: Path
) -> None:
    dialog = open_from_file_menu(qtbot, win)
    out = tmp_path / "gone" / "program.xlsx"
    dialog.file.setText(str(out))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.failure_box is not None and dialog.failure_box.isVisible(),
        timeout=WAIT_MS,
    )
    box = dialog.failure_box
    assert box is not None
    assert box.text().startswith(str(tmp_path / "gone"))
    assert " could not be written: " in box.text()
    assert box.text().endswith(".")
    assert dialog.isVisible()
    assert dialog.form.isEnabled()
    assert not out.exists()


@pytest.mark.parametrize(
    ("reference", "expected"),
    [("CP-MTNRA-MNC", "CP-MTNRA-MNC-program.xlsx"), ("CP 2024/07", "CP-2024-07-program.xlsx")],
)
def test_suggested_names(reference: str, expected: str) -> None:
    assert suggested_name(reference) == expected
