"""File > Import workbook…, driven as an analyst, the import services faked: the file chosen
is read off the GUI thread with a progress bar and Cancel; a template's preview counts
its rows and paints them (rejected red with their reasons); Apply, Apply valid rows and
Save errors copy run off the thread and say what they wrote; a refusal is one sentence;
a program workbook is confirmed by its counts, imported and shown. The real services are
driven end to end in test_import_round_trip.py."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import export_support
import pytest
from export_support import choose_in_file_menu, click_box_button, shown_box
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.errors import CancelledError, ValidationError
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.exchange.template_reading import CellProblem
from pilotage.gui import import_runner
from pilotage.gui.dialogs import import_dialog
from pilotage.gui.dialogs.import_dialog import ImportPreviewDialog
from pilotage.gui.import_runner import ImportAction
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.import_rows_model import TINTS, ImportRowsModel
from pilotage.gui.qt import (
    QCheckBox,
    QColor,
    QFileDialog,
    QMessageBox,
    QPoint,
    QPushButton,
    Qt,
    QUrl,
)
from pilotage.services.measurement_import import (
    FileChangedError,
    ImportPreview,
    ImportResult,
    PreviewRow,
    RowOutcome,
)
from pilotage.services.program_transfer import ProgramImportOutcome
from pilotage.services.workbook_files import WorkbookKind

WAIT_S = 10
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

FILE = Path("/partners/figures-MNC.xlsx")
TEXT_DUE = CellProblem("Data", 5, "K", "Value", "text where a number is due")


def row(number: int, code: str, outcome: RowOutcome, old: str, new: str) -> PreviewRow:
    problems = (TEXT_DUE,) if outcome is RowOutcome.REJECTED else ()
    return PreviewRow(
        "Data", number, number, code, f"KPI {code}", "2025-Q4", outcome, old, new, problems
    )


MIXED = (
    row(2, "JIT-APP", RowOutcome.NEW, "", "1 200"),
    row(3, "JIT-DIP", RowOutcome.NEW, "", "300"),
    row(4, "VIV-TAL", RowOutcome.CHANGED, "68", "70"),
    row(5, "EVT-ENT", RowOutcome.REJECTED, "80", "many"),
    row(6, "VEI-NOT", RowOutcome.UNCHANGED, "1", "1"),
)


settings = export_support.settings
win = export_support.english_window
opened = export_support.opened


DIGEST = "5e" * 32  # the SHA-256 the preview says it read


class FakeImports:
    """The services the import calls, as the GUI sees them; each call noted with its thread."""

    def __init__(self) -> None:
        self.kind: WorkbookKind | None = WorkbookKind.TEMPLATE
        self.rows: tuple[PreviewRow, ...] = MIXED
        self.calls: list[tuple[object, ...]] = []
        self.threads: set[threading.Thread] = set()
        self.gate = threading.Event()
        self.gate.set()
        self.refusal: Exception | None = None
        self.apply_error: Exception | None = None
        self.waits_for_cancel = False
        self.expected: str | None = None
        self.program_counts = {"pillars": 3, "initiatives": 9, "kpis": 13, "measurements": 40}

    def _note(self, *call: object) -> None:
        self.calls.append(call)
        self.threads.add(threading.current_thread())

    def workbook_kind(self, path: Path) -> WorkbookKind | None:
        self._note("kind", path)
        if self.refusal is not None:
            raise self.refusal
        return self.kind

    def preview_import(
        self,
        _db: Database,
        path: Path,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> ImportPreview:
        self._note("preview", path)
        progress(1, 5)
        if self.waits_for_cancel:
            deadline = time.monotonic() + WAIT_S
            while time.monotonic() < deadline:
                if cancelled():
                    raise CancelledError("the preview")
                time.sleep(0.01)  # the worker's pace, not the test's timing
        assert self.gate.wait(WAIT_S)
        progress(5, 5)
        return ImportPreview(path, "CP-MTNRA-MNC", self.rows, DIGEST)

    def apply_import(
        self,
        _db: Database,
        path: Path,
        *,
        valid_only: bool = False,
        expected: str | None = None,
    ) -> ImportResult:
        self._note("apply", path, valid_only)
        self.expected = expected
        assert self.gate.wait(WAIT_S)
        if self.apply_error is not None:
            raise self.apply_error
        return ImportResult(created=2, changed=1, unchanged=1, skipped=1 if valid_only else 0)

    def save_error_copy(self, preview: ImportPreview, out: Path) -> Path:
        self._note("errors", preview.path, out)
        out.write_bytes(b"PK")
        return out

    def import_program(
        self,
        _db: Database,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ProgramImportOutcome:
        self._note("program", path, dry_run)
        return ProgramImportOutcome(
            "CP-X", self.program_counts, ("Organization MNC reused.",), dry_run=dry_run
        )


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeImports]:
    service = FakeImports()
    monkeypatch.setattr(import_runner.workbook_files, "workbook_kind", service.workbook_kind)
    monkeypatch.setattr(import_runner.measurement_import, "preview_import", service.preview_import)
    monkeypatch.setattr(import_dialog.measurement_import, "apply_import", service.apply_import)
    monkeypatch.setattr(
        import_dialog.measurement_import, "save_error_copy", service.save_error_copy
    )
    monkeypatch.setattr(import_runner.program_transfer, "import_program", service.import_program)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(FILE), ""))
    yield service
    service.gate.set()


def import_from_file_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Click File, then Import workbook… (the open dialog is patched to answer FILE)."""
    choose_in_file_menu(qtbot, window, "Import workbook…")


def preview_of(qtbot: QtBot, window: MainWindow) -> ImportPreviewDialog:
    import_from_file_menu(qtbot, window)
    action = window.import_action
    qtbot.waitUntil(lambda: action.preview_dialog is not None and action.preview_dialog.isVisible())
    dialog = action.preview_dialog
    assert dialog is not None
    assert action.progress is None
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_check(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its box (the widget spans the dialog; its label does not)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def shown_rows(dialog: ImportPreviewDialog) -> list[list[str]]:
    model = dialog.table.model()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# --- the model -----------------------------------------------------------------------------


def test_the_rows_model_holds_plain_rows_painted_by_what_happens(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = ImportRowsModel()
    model.set_rows(MIXED)
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "Cell",
        "KPI",
        "Name",
        "Period",
        "What happens",
        "Recorded",
        "In the file",
        "Problems",
    ]
    rejected = model.index(3, ImportRowsModel.PROBLEMS)
    assert model.index(3, ImportRowsModel.CELL).data() == "Data!5"
    assert model.index(3, ImportRowsModel.OUTCOME).data() == "Rejected"
    assert rejected.data() == "Value: text where a number is due"
    assert (
        rejected.data(Qt.ItemDataRole.ToolTipRole) == "Data!K5 (Value): text where a number is due"
    )
    background = Qt.ItemDataRole.BackgroundRole
    assert rejected.data(background).color() == QColor(TINTS[RowOutcome.REJECTED])
    assert model.index(0, 0).data(background).color() == QColor(TINTS[RowOutcome.NEW])
    assert model.index(2, 5).data(background).color() == QColor(TINTS[RowOutcome.CHANGED])
    assert model.index(4, 0).data(background) is None  # unchanged: the table's own colours
    assert model.index(2, ImportRowsModel.RECORDED).data() == "68"
    assert model.index(2, ImportRowsModel.IN_FILE).data() == "70"
    # Sorted by what happens: new, changed, unchanged, rejected (the service's order of kinds).
    model.sort(ImportRowsModel.OUTCOME)
    assert [model.index(r, 1).data() for r in range(5)] == [
        "JIT-APP",
        "JIT-DIP",
        "VIV-TAL",
        "VEI-NOT",
        "EVT-ENT",
    ]


# --- a template ----------------------------------------------------------------------------


def test_a_template_is_previewed_off_the_gui_thread_rejected_rows_in_red(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    dialog = preview_of(qtbot, win)
    assert [c[0] for c in fake.calls] == ["kind", "preview"]
    assert threading.main_thread() not in fake.threads
    assert dialog.summary.text() == "2 new, 1 changed, 1 unchanged, 1 rejected"
    assert dialog.source.text() == "figures-MNC.xlsx · program CP-MTNRA-MNC"
    assert dialog.table.model().rowCount() == 5
    assert shown_rows(dialog)[3] == [
        "Data!5",
        "EVT-ENT",
        "KPI EVT-ENT",
        "2025-Q4",
        "Rejected",
        "80",
        "many",
        "Value: text where a number is due",
    ]
    # Rejected rows: apply the valid ones, or send the errors back; not everything.
    assert not dialog.apply_button.isVisible()
    assert dialog.apply_valid_button.isVisible()
    assert dialog.save_errors_button.isVisible()
    assert dialog.cancel_button.text().replace("&", "") == "Cancel"
    click_check(qtbot, dialog.only_rejected)
    assert [r[1] for r in shown_rows(dialog)] == ["EVT-ENT"]
    click_check(qtbot, dialog.only_rejected)
    assert dialog.table.model().rowCount() == 5
    # Cancel writes nothing.
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()
    assert [c[0] for c in fake.calls] == ["kind", "preview"]


def test_apply_valid_rows_writes_them_says_so_and_the_window_reloads(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    dialog = preview_of(qtbot, win)
    fake.gate.clear()
    click(qtbot, dialog.apply_valid_button)
    qtbot.waitUntil(lambda: dialog.progress is not None and dialog.progress.dialog.isVisible())
    assert not dialog.buttons.isEnabled()
    with qtbot.waitSignal(win.tree_loaded, timeout=WAIT_S * 1000):
        fake.gate.set()
    assert fake.calls[-1] == ("apply", FILE, True)
    assert fake.expected == DIGEST  # what is written is the file as previewed
    assert threading.main_thread() not in fake.threads
    assert not dialog.isVisible()
    box = dialog.done_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == "2 measurements recorded, 1 changed. 1 rejected row was left out."
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_nothing_rejected_apply_writes_everything(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    fake.rows = tuple(r for r in MIXED if r.outcome is not RowOutcome.REJECTED)
    dialog = preview_of(qtbot, win)
    assert dialog.summary.text() == "2 new, 1 changed, 1 unchanged, 0 rejected"
    assert dialog.apply_button.isVisible()
    assert not dialog.apply_valid_button.isVisible()
    assert not dialog.save_errors_button.isVisible()
    assert not dialog.only_rejected.isVisible()
    click(qtbot, dialog.apply_button)
    box = shown_box(qtbot, lambda: dialog.done_box)
    assert fake.calls[-1] == ("apply", FILE, False)
    assert box.text() == "2 measurements recorded, 1 changed."


def test_a_file_that_changes_nothing_says_so_and_offers_nothing_to_apply(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    fake.rows = (MIXED[4],)
    dialog = preview_of(qtbot, win)
    assert dialog.summary.text() == "0 new, 0 changed, 1 unchanged, 0 rejected"
    assert dialog.advice.text() == (
        "This file changes nothing: every figure in it is already recorded."
    )
    for button in (dialog.apply_button, dialog.apply_valid_button, dialog.save_errors_button):
        assert not button.isVisible()
    assert dialog.cancel_button.text() == "Close"
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()


def test_an_apply_refused_meanwhile_is_one_sentence_and_the_preview_stays(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    fake.apply_error = ValidationError([])
    dialog = preview_of(qtbot, win)
    click(qtbot, dialog.apply_valid_button)
    assert shown_box(qtbot, lambda: dialog.failure_box).text() == "Invalid input."
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()
    assert dialog.done_box is None


def test_a_long_figure_is_cut_and_the_problems_keep_their_room(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    split = "300 / 400 · " + "; ".join(f"region / Région numéro {n} = 10" for n in range(30))
    fake.rows = (*MIXED, row(7, "JIT-TXD", RowOutcome.CHANGED, "240 / 330", split))
    dialog = preview_of(qtbot, win)
    header = dialog.table.horizontalHeader()
    assert header.sectionSize(ImportRowsModel.IN_FILE) <= 180
    assert header.sectionSize(ImportRowsModel.RECORDED) <= 180
    cell = dialog.model.index(5, ImportRowsModel.IN_FILE)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == split  # whole, where it is cut
    problems = header.sectionSize(ImportRowsModel.PROBLEMS)
    assert problems >= 250, problems


def test_a_file_changed_since_the_preview_is_one_sentence_and_nothing_written(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    fake.apply_error = FileChangedError(FILE)
    dialog = preview_of(qtbot, win)
    click(qtbot, dialog.apply_valid_button)
    text = shown_box(qtbot, lambda: dialog.failure_box).text()
    assert "has changed since it was previewed: preview it again" in text
    assert dialog.done_box is None


def test_save_errors_copy_writes_it_off_the_thread_and_opens_it(
    qtbot: QtBot,
    win: MainWindow,
    fake: FakeImports,
    opened: list[QUrl],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "to send back"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog = preview_of(qtbot, win)
    click(qtbot, dialog.save_errors_button)
    assert asked == ["/partners/figures-MNC-errors.xlsx"]  # beside the partner's file
    box = shown_box(qtbot, lambda: dialog.done_box)
    out = tmp_path / "to send back.xlsx"
    assert fake.calls[-1] == ("errors", FILE, out)
    assert box.text() == f"The copy with the errors marked was written to {out}."
    click_box_button(qtbot, box, "Open the copy")
    assert opened == [QUrl.fromLocalFile(str(out))]
    assert dialog.isVisible()  # still to apply the valid rows, or cancel


@pytest.mark.parametrize(
    ("kind", "refusal", "expected"),
    [
        (
            None,
            WorkbookRefusedError("figures-MNC.xlsx is not an Excel workbook"),
            "Figures-MNC.xlsx is not an Excel workbook.",
        ),
        (
            None,
            None,
            "figures-MNC.xlsx is neither a data-collection template nor a program workbook "
            "made by Pilotage.",
        ),
    ],
)
def test_a_refused_file_is_one_sentence_and_nothing_else_happens(
    qtbot: QtBot,
    win: MainWindow,
    fake: FakeImports,
    kind: WorkbookKind | None,
    refusal: Exception | None,
    expected: str,
) -> None:
    fake.kind = kind
    fake.refusal = refusal
    import_from_file_menu(qtbot, win)
    action = win.import_action
    box = shown_box(qtbot, lambda: action.message_box)
    assert box.text() == expected
    assert box.icon() == QMessageBox.Icon.Warning
    assert [c[0] for c in fake.calls] == ["kind"]
    assert action.preview_dialog is None
    assert action.progress is None


def reading_until_stopped(qtbot: QtBot, window: MainWindow, fake: FakeImports) -> ImportAction:
    """Import a workbook whose preview is read until it is told to stop; its progress shown."""
    fake.waits_for_cancel = True
    import_from_file_menu(qtbot, window)
    action = window.import_action
    qtbot.waitUntil(lambda: action.progress is not None and action.progress.dialog.maximum() == 5)
    return action


def test_cancel_stops_the_preview_and_nothing_follows(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    action = reading_until_stopped(qtbot, win, fake)
    assert action.progress is not None
    (cancel,) = action.progress.dialog.findChildren(QPushButton)
    with qtbot.waitSignal(action.job.cancelled, timeout=WAIT_S * 1000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert action.progress is None
    assert action.preview_dialog is None
    assert action.message_box is None


# --- a program workbook --------------------------------------------------------------------


def program_question(
    qtbot: QtBot, window: MainWindow, fake: FakeImports
) -> tuple[ImportAction, QMessageBox]:
    """Import a program workbook: the action, and the question asked once it is checked."""
    fake.kind = WorkbookKind.PROGRAM
    import_from_file_menu(qtbot, window)
    action = window.import_action
    return action, shown_box(qtbot, lambda: action.message_box)


def test_a_program_workbook_is_confirmed_by_its_counts_then_imported(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    action, box = program_question(qtbot, win, fake)
    assert box.text() == "Import program CP-X: 3 pillars, 9 initiatives, 13 KPIs, 40 measurements?"
    assert box.informativeText() == "Organization MNC reused."
    assert fake.calls == [("kind", FILE), ("program", FILE, True)]
    with qtbot.waitSignal(win.tree_loaded, timeout=WAIT_S * 1000):
        click_box_button(qtbot, box, "Import")
    assert fake.calls[-1] == ("program", FILE, False)
    done = shown_box(qtbot, lambda: None if action.message_box is box else action.message_box)
    assert done.text() == "Program CP-X was imported."


def test_a_program_workbook_cancelled_at_the_question_imports_nothing(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    action, box = program_question(qtbot, win, fake)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert fake.calls == [("kind", FILE), ("program", FILE, True)]
    assert not action.job.is_running()


def test_closing_the_window_stops_a_preview_being_read(
    qtbot: QtBot, win: MainWindow, fake: FakeImports
) -> None:
    """The window waits for its workers when it closes: the preview stops instead of running on."""
    action = reading_until_stopped(qtbot, win, fake)
    win.close()  # returns once the worker has stopped (the fake waits for the cancel)
    assert [c[0] for c in fake.calls] == ["kind", "preview"]
    assert action.preview_dialog is None
