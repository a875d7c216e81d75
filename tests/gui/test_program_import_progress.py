"""File > Import workbook… with a program workbook, the real services end to end: its
check and its import show their progress, and Cancel during the import rolls it back
whole (row counts and audit log as they were), says so in one sentence, and leaves the
window usable (the same file then imports)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from export_support import choose_in_file_menu, click_box_button, shown_box, started
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings
from sqlalchemy import func, select

from pilotage.db.database import Database, open_database
from pilotage.db.schema import AuditEntry, metadata
from pilotage.gui import import_runner
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QFileDialog, QPushButton, Qt
from pilotage.services import program_transfer
from pilotage.services.program_transfer import export_program
from pilotage.services.programs import find_program, list_programs

WAIT_MS = 20_000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def workbook(demo_db: Database, tmp_path: Path) -> Path:
    path = tmp_path / "programme-MNC.xlsx"
    [program] = list_programs(demo_db)
    export_program(demo_db, program.id, path)
    return path


@pytest.fixture
def empty_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    path = tmp_path / "empty.sqlite"
    shutil.copyfile(migrated_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def win(
    qtbot: QtBot, empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    window = started(qtbot, empty_db, isolated_settings(tmp_path, monkeypatch))
    yield window
    window.close()


class Seen:
    """What the real service told the window, and a hold on the writing: the first
    progress of the writing waits (on the worker thread) until the analyst cancels."""

    def __init__(self) -> None:
        self.progress: list[tuple[bool, int, int]] = []  # (writing, done, total)
        self.writing = threading.Event()


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch, workbook: Path) -> Seen:
    watch = Seen()
    real = program_transfer.import_program

    def import_program(
        db: Database,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> program_transfer.ProgramImportOutcome:
        assert progress is not None
        assert cancelled is not None

        def told(done: int, total: int) -> None:
            watch.progress.append((not dry_run, done, total))
            progress(done, total)
            if not dry_run and not watch.writing.is_set():
                watch.writing.set()
                # Held until the analyst's Cancel reaches the worker (bounded, never forever).
                stopped = threading.Event()
                for _ in range(2_000):
                    if cancelled() or stopped.wait(0.005):
                        break

        return real(db, path, dry_run=dry_run, progress=told, cancelled=cancelled)

    monkeypatch.setattr(import_runner.program_transfer, "import_program", import_program)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(workbook), ""))
    return watch


def counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t)) or 0
            for t in metadata.sorted_tables
        }


def audit_rows(db: Database) -> list[tuple[object, ...]]:
    with db.reading() as session:
        return [tuple(r) for r in session.execute(select(AuditEntry.__table__)).all()]


def test_cancel_during_the_import_leaves_the_database_as_it_was(
    qtbot: QtBot, win: MainWindow, empty_db: Database, seen: Seen
) -> None:
    rows, log = counts(empty_db), audit_rows(empty_db)
    action = win.import_action
    choose_in_file_menu(qtbot, win, "Import workbook…")
    question = shown_box(qtbot, lambda: action.message_box, timeout=WAIT_MS)
    assert question.text().startswith("Import program CP-MTNRA-MNC: 3 pillars")
    assert seen.progress  # the check's progress
    assert not any(writing for writing, _, _ in seen.progress)
    click_box_button(qtbot, question, "Import")
    qtbot.waitUntil(seen.writing.is_set, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: action.progress is not None and action.progress.dialog.isVisible())
    progress = action.progress
    assert progress is not None
    assert progress.dialog.labelText() == "Importing programme-MNC.xlsx…"
    (cancel,) = progress.dialog.findChildren(QPushButton)
    assert cancel.isVisible()
    with qtbot.waitSignal(action.job.cancelled, timeout=WAIT_MS):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    told = shown_box(qtbot, lambda: None if action.message_box is question else action.message_box)
    assert told.text() == (
        "The import of programme-MNC.xlsx was cancelled: nothing was written, the database "
        "is as it was."
    )
    assert action.progress is None
    assert counts(empty_db) == rows
    assert audit_rows(empty_db) == log
    assert find_program(empty_db, "CP-MTNRA-MNC") is None
    # The window is usable: the message closes, and the same file imports after all.
    told.accept()
    assert win.isEnabled()
    choose_in_file_menu(qtbot, win, "Import workbook…")
    again = shown_box(qtbot, lambda: None if action.message_box is told else action.message_box)
    with qtbot.waitSignal(win.tree_loaded, timeout=WAIT_MS):
        click_box_button(qtbot, again, "Import")
    done = shown_box(qtbot, lambda: None if action.message_box is again else action.message_box)
    assert done.text() == "Program CP-MTNRA-MNC was imported."
    assert find_program(empty_db, "CP-MTNRA-MNC") is not None
    writes = [(done, total) for writing, done, total in seen.progress if writing]
    assert writes[-1][0] == writes[-1][1] > 0  # the second import's bar ended full
