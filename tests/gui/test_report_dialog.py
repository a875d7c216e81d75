"""File > Export report…, driven as an analyst: the dialog opens on the program shown, the
window's date and language; Browse picks the file; Export writes it off the GUI thread
with a progress bar; the message then opens the report or its folder. Cancel and
failures are said in one sentence. The report service is a fake here (its progress and
cancel calls are what the dialog must handle); the real one is tested end to end at
the bottom."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import export_support
import pytest
from export_support import choose_in_file_menu, click_box_button, opened_dialog, shown_box
from gui_support import DEMO_END, click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.errors import CancelledError, NotFoundError
from pilotage.gui.dialogs.report_dialog import ReportDialog, suggested_name
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import (
    QDate,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStandardPaths,
    Qt,
    QUrl,
)
from pilotage.gui.settings import Settings
from pilotage.services import reports
from pilotage.services.programs import find_program
from pilotage.services.reports import ReportOutcome

WAIT_MS = 10_000
# The offscreen platform cannot raise a window or grab the keyboard for the File menu's popup.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

settings = export_support.settings  # nothing remembered: Documents is the first folder
win = export_support.two_programs_window
opened = export_support.opened


class FakeReports:
    """The report service as the dialog sees it: progress, then an outcome, an error or a
    stop when asked. `gate` holds the worker until the test has looked at the progress."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self.threads: list[threading.Thread] = []
        self.gate = threading.Event()
        self.error: Exception | None = None
        self.stops_when_cancelled = False

    def _write(
        self,
        kind: str,
        args: tuple[object, ...],
        out: Path,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> ReportOutcome:
        assert progress is not None
        assert cancelled is not None
        self.calls.append((kind, args))
        self.threads.append(threading.current_thread())
        progress(1, 4)
        if self.stops_when_cancelled:
            # As the service checks between batches of rows; never asked: it writes on.
            deadline = time.monotonic() + WAIT_MS / 1000
            while time.monotonic() < deadline:
                if cancelled():
                    raise CancelledError("the report")
                time.sleep(0.01)  # the worker's pace, not the test's timing
            self.gate.set()
        assert self.gate.wait(WAIT_MS / 1000)
        if self.error is not None:
            raise self.error
        progress(4, 4)
        out.write_bytes(b"PK")  # a workbook, as far as the dialog knows
        return ReportOutcome(out, ("Summary",), 12, "f1ng3rpr1nt")

    def program_report(
        self,
        _db: Database,
        program_id: int,
        as_of: date,
        language: str,
        out: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportOutcome:
        return self._write("program", (program_id, as_of, language, out), out, progress, cancelled)

    def portfolio_report(
        self,
        _db: Database,
        as_of: date,
        language: str,
        out: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportOutcome:
        return self._write("portfolio", (as_of, language, out), out, progress, cancelled)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeReports]:
    service = FakeReports()
    monkeypatch.setattr(reports, "program_report", service.program_report)
    monkeypatch.setattr(reports, "portfolio_report", service.portfolio_report)
    yield service
    service.gate.set()  # never leave a worker waiting


def open_from_file_menu(qtbot: QtBot, window: MainWindow) -> ReportDialog:
    choose_in_file_menu(qtbot, window, "Export report…")
    dialog = opened_dialog(qtbot, window.report_action.dialog)
    assert isinstance(dialog, ReportDialog)
    return dialog


def export(qtbot: QtBot, dialog: ReportDialog) -> QProgressDialog:
    """Click Export: the progress window, once shown."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.dialog.isVisible())
    assert dialog.progress is not None
    return dialog.progress.dialog


def test_the_dialog_opens_on_the_program_shown_the_window_date_and_language(
    qtbot: QtBot, win: MainWindow
) -> None:
    click_node(qtbot, win.tree, "JIT-DIP")  # a KPI of the demo's program
    wait_idle(qtbot, win)
    dialog = open_from_file_menu(qtbot, win)
    assert dialog.kind.currentText() == "Program report"
    assert dialog.program.currentText().startswith("CP-MTNRA-MNC — ")
    assert dialog.program.count() == 2  # and AA-AUTRE, listed first
    assert dialog.as_of.date() == QDate(2024, 12, 31)
    assert dialog.language.currentText() == "English"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(dialog.file.text()) == Path(documents) / "CP-MTNRA-MNC-2024-12-31-en.xlsx"
    # The suggested name follows the choices while it is still the suggestion.
    dialog.language.setCurrentIndex(dialog.language.findText("Français"))
    assert Path(dialog.file.text()).name == "CP-MTNRA-MNC-2024-12-31-fr.xlsx"
    dialog.kind.setCurrentIndex(dialog.kind.findText("Portfolio report"))
    assert not dialog.program.isEnabled()
    assert Path(dialog.file.text()).name == "portfolio-2024-12-31-fr.xlsx"


def test_export_writes_off_the_gui_thread_with_progress_then_opens_the_report(
    qtbot: QtBot,
    win: MainWindow,
    settings: Settings,
    fake: FakeReports,
    opened: list[QUrl],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "for the ministry"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(folder / "rapport"), "")
    )
    click_node(qtbot, win.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, win)
    dialog = open_from_file_menu(qtbot, win)
    dialog.language.setCurrentIndex(dialog.language.findText("Français"))
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.file.text() == str(folder / "rapport.xlsx")  # the suffix added

    progress = export(qtbot, dialog)
    qtbot.waitUntil(lambda: progress.maximum() == 4 and progress.value() == 1)
    assert not dialog.form.isEnabled()  # nothing to change while it writes
    fake.gate.set()
    box = shown_box(qtbot, lambda: dialog.done_box)

    program = find_program(win.database(), "CP-MTNRA-MNC")
    assert program is not None
    assert fake.calls == [("program", (program.id, DEMO_END, "fr", folder / "rapport.xlsx"))]
    assert fake.threads[0] is not threading.main_thread()
    assert dialog.progress is None
    assert not dialog.isVisible()
    assert str(folder / "rapport.xlsx") in box.text()
    click_box_button(qtbot, box, "Open the report")
    assert opened == [QUrl.fromLocalFile(str(folder / "rapport.xlsx"))]
    # Remembered for the next report: its folder and language.
    assert settings.report_folder() == folder
    assert settings.report_language() == "fr"
    again = open_from_file_menu(qtbot, win)
    assert again.language.currentText() == "Français"
    assert Path(again.file.text()).parent == folder


def test_the_message_opens_the_folder_of_a_portfolio_report(
    qtbot: QtBot,
    win: MainWindow,
    settings: Settings,
    fake: FakeReports,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    settings.set_report_folder(tmp_path)
    dialog = open_from_file_menu(qtbot, win)
    dialog.kind.setCurrentIndex(dialog.kind.findText("Portfolio report"))
    expected = tmp_path / "portfolio-2024-12-31-en.xlsx"
    assert dialog.file.text() == str(expected)
    fake.gate.set()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = shown_box(qtbot, lambda: dialog.done_box)
    assert fake.calls == [("portfolio", (DEMO_END, "en", expected))]
    click_box_button(qtbot, box, "Open its folder")
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


@pytest.mark.parametrize("by_closing", [False, True])
def test_cancel_stops_the_report_and_says_it_was_not_written(
    qtbot: QtBot,
    win: MainWindow,
    settings: Settings,
    fake: FakeReports,
    tmp_path: Path,
    by_closing: bool,
) -> None:
    """Cancel in the progress window, or closing the dialog (which waits for the stop)."""
    settings.set_report_folder(tmp_path)
    fake.stops_when_cancelled = True
    dialog = open_from_file_menu(qtbot, win)
    path = Path(dialog.file.text())
    assert path.parent == tmp_path  # the folder remembered
    progress = export(qtbot, dialog)
    qtbot.waitUntil(lambda: progress.maximum() == 4)
    if by_closing:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert progress.labelText() == "Stopping…"
    else:
        (cancel,) = progress.findChildren(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    box = shown_box(qtbot, lambda: dialog.failure_box)
    assert box.text() == f"The report was cancelled: {path} was not written."
    assert not path.exists()
    assert dialog.done_box is None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.isEnabled()


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            PermissionError(13, "Permission denied", "/reports/locked.xlsx"),
            "/reports/locked.xlsx could not be written: Permission denied.",
        ),
        (NotFoundError("program", 999), None),  # the service's own sentence
    ],
)
def test_a_failure_is_one_sentence_and_the_dialog_stays(
    qtbot: QtBot,
    win: MainWindow,
    settings: Settings,
    fake: FakeReports,
    tmp_path: Path,
    error: Exception,
    expected: str | None,
) -> None:
    settings.set_report_folder(tmp_path)
    fake.error = error
    dialog = open_from_file_menu(qtbot, win)
    export(qtbot, dialog)
    fake.gate.set()
    box = shown_box(qtbot, lambda: dialog.failure_box)
    if expected is None:
        text = str(error)
        expected = text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
    assert box.text() == expected
    assert box.icon() == QMessageBox.Icon.Warning
    assert dialog.done_box is None
    assert dialog.isVisible()
    assert dialog.ok_button.isEnabled()


def test_a_program_report_needs_a_file(qtbot: QtBot, win: MainWindow, fake: FakeReports) -> None:
    dialog = open_from_file_menu(qtbot, win)
    dialog.file.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Choose the file to write the report to."
    assert dialog.progress is None
    assert fake.calls == []


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("CP-MTNRA-MNC", "CP-MTNRA-MNC-2024-12-31-fr.xlsx"),
        ("CP 2024/07: santé", "CP-2024-07-santé-2024-12-31-fr.xlsx"),
        (None, "portfolio-2024-12-31-fr.xlsx"),
    ],
)
def test_suggested_names(reference: str | None, expected: str) -> None:
    assert suggested_name(reference, DEMO_END, "fr") == expected


def test_report_settings_read_defensively(settings: Settings, tmp_path: Path) -> None:
    assert settings.report_folder() is None
    assert settings.report_language() is None
    settings.store.setValue("reports/folder", str(tmp_path / "gone"))
    settings.store.setValue("reports/language", "klingon")
    assert settings.report_folder() is None
    assert settings.report_language() is None
    with pytest.raises(ValueError, match="klingon"):
        settings.set_report_language("klingon")


def test_closing_the_window_stops_a_report_being_written(
    qtbot: QtBot, win: MainWindow, settings: Settings, fake: FakeReports, tmp_path: Path
) -> None:
    """The window waits for its workers when it closes: the report stops instead of running on."""
    settings.set_report_folder(tmp_path)
    fake.stops_when_cancelled = True
    dialog = open_from_file_menu(qtbot, win)
    export(qtbot, dialog)
    win.close()  # returns once the worker has stopped (the fake waits for the cancel)
    assert len(fake.calls) == 1
    assert list(tmp_path.glob("*.xlsx")) == []
