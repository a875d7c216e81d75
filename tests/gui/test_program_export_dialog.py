"""File > Export program workbook…, then File > Import workbook… in a window on an empty
database: the whole program moves, with the real services. The dialog opens on the
program shown with a suggested name; the export runs off the GUI thread and the message
opens the workbook or its folder; the other window asks to import the program with its
counts (counted by hand in the demo), imports it and shows it."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import export_support
import pytest
from export_support import (
    WAIT_MS,
    choose_in_file_menu,
    click_box_button,
    done_box,
    opened_dialog,
    shown_box,
    started,
)
from gui_support import click_node, current_code, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database, open_database
from pilotage.gui.dialogs import program_export_dialog
from pilotage.gui.dialogs.program_export_dialog import ProgramExportDialog, suggested_name
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QFileDialog, Qt, QUrl
from pilotage.gui.settings import Settings
from pilotage.services.program_transfer import TransferOutcome
from pilotage.services.programs import list_programs
from pilotage.services.workbook_files import WorkbookKind, workbook_kind

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

settings = export_support.settings_in_tmp
win = export_support.two_programs_window
opened = export_support.opened


def open_from_file_menu(qtbot: QtBot, window: MainWindow) -> ProgramExportDialog:
    choose_in_file_menu(qtbot, window, "Export program workbook…")
    dialog = opened_dialog(qtbot, window.program_export_action.dialog)
    assert isinstance(dialog, ProgramExportDialog)
    return dialog


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
    box = done_box(qtbot, dialog)
    assert threads
    assert threads[0] is not threading.main_thread()
    assert box.text() == f"Program CP-MTNRA-MNC was written to {out}."
    assert box.informativeText() == "13 KPIs, 83 measurements."
    click_box_button(qtbot, box, "Open its folder")
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert workbook_kind(out) is WorkbookKind.PROGRAM

    # Another window, on an empty database, imports it.
    db = empty_db
    other = started(qtbot, db, settings)
    try:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(out), ""))
        other.import_action.trigger()
        action = other.import_action
        question = shown_box(qtbot, lambda: action.message_box, WAIT_MS)
        # The demo: 3 pillars, 7 initiatives, 13 KPIs and 83 measurements.
        assert question.text() == (
            "Import program CP-MTNRA-MNC: 3 pillars, 7 initiatives, 13 KPIs, 83 measurements?"
        )
        assert list_programs(db) == []  # a dry run so far
        with qtbot.waitSignal(other.tree_loaded, timeout=WAIT_MS):
            click_box_button(qtbot, question, "Import")
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
    box = shown_box(qtbot, lambda: dialog.failure_box, WAIT_MS)
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
