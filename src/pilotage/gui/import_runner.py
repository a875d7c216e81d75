"""File > Import workbook…: a filled template or a whole-program workbook, read off the
GUI thread.

The file chosen is opened safely and its marker says what it is. A template is
previewed (with a progress bar and Cancel) in ImportPreviewDialog; a program workbook
is checked first (a dry run), then the analyst confirms its counts and it is imported,
the window reloads and shows it. A file refused (not a workbook, too large, not one
Pilotage made…) is one sentence in a message box, and nothing else happens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pilotage.db.database import Database
from pilotage.gui import formats, icons
from pilotage.gui.dialogs.import_dialog import ImportPreviewDialog
from pilotage.gui.jobs import (
    Cancelled,
    Job,
    JobProgress,
    Progress,
    problem_sentence,
)
from pilotage.gui.qt import (
    QAction,
    QEvent,
    QFileDialog,
    QMessageBox,
    QObject,
    QThreadPool,
    QWidget,
    Slot,
)
from pilotage.gui.settings import Settings
from pilotage.services import measurement_import, program_transfer, workbook_files
from pilotage.services.measurement_import import ImportPreview
from pilotage.services.program_transfer import ProgramImportOutcome
from pilotage.services.programs import find_program
from pilotage.services.workbook_files import WorkbookKind

# What a program workbook's counts are called, in the order the confirmation lists them.
_COUNTED = ("pillars", "initiatives", "kpis", "measurements")


class _NotOurs:
    """A workbook without Pilotage's marker: neither a template nor a program workbook."""


class ImportAction(QAction):
    """Opens a workbook and takes it through its preview or confirmation."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings | None,
        pool: QThreadPool,
        db: Callable[[], Database],
        imported: Callable[[int | None], None],
    ) -> None:
        """`imported(program_id)`: what the window does once something was written (reload,
        and show the program a program workbook brought, None for measurements)."""
        super().__init__(icons.icon("import"), "", window)
        self.setText(self.tr("&Import workbook…"))
        self._window = window
        self._settings = settings
        self._db = db
        self._imported = imported
        self.job = Job(pool, self)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_read)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.failed.connect(self._on_failed)
        self._pool = pool
        self.path: Path | None = None
        self.progress: JobProgress | None = None
        self.message_box: QMessageBox | None = None  # a refusal, a confirmation, an outcome
        self.preview_dialog: ImportPreviewDialog | None = None
        self._stopped = False  # the analyst cancelled: whatever comes back is dropped
        self._importing = False  # a program workbook being written (not a dry run)
        self.triggered.connect(self.choose_file)
        window.installEventFilter(self)  # the window waits for its pool when it closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close:
            self.job.cancel()
        return False

    def _title(self) -> str:
        return self.tr("Import workbook")

    # --- reading the file -----------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        if self.job.is_running():
            return
        folder = self._settings.report_folder() if self._settings is not None else None
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self._title(),
            str(folder or Path.home()),
            self.tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"),
        )
        if name:
            self.read(Path(name))

    def read(self, path: Path) -> None:
        """What `path` is, then its preview (a template) or its dry run (a program)."""
        if self.job.is_running():
            return
        self.path = path
        self._stopped = False
        self._importing = False
        db = self._db()

        def work(progress: Progress, cancelled: Cancelled) -> object:
            kind = workbook_files.workbook_kind(path)
            if kind is WorkbookKind.TEMPLATE:
                return measurement_import.preview_import(db, path, progress, cancelled)
            if kind is WorkbookKind.PROGRAM:
                return program_transfer.import_program(
                    db, path, dry_run=True, progress=progress, cancelled=cancelled
                )
            return _NotOurs()

        self.progress = JobProgress(
            self._window,
            self._title(),
            self.tr("Reading {name}…").format(name=path.name),
            self.cancel,
        )
        self.job.start(work)

    @Slot()
    def cancel(self) -> None:
        """Stop reading: nothing is written, so the window is free at once and whatever the
        reading gives back is dropped."""
        self._stopped = True
        self.job.cancel()
        self._close_progress()

    @Slot()
    def cancel_import(self) -> None:
        """Stop writing a program: the call rolls its transaction back, then says so
        (`_on_cancelled`); if it finished first, what it wrote is reported as usual."""
        if not self.job.is_running():
            return
        self.job.cancel()
        if self.progress is not None:
            self.progress.dialog.setLabelText(self.tr("Stopping…"))

    @Slot()
    def _on_cancelled(self) -> None:
        self._close_progress()
        if self._importing and self.path is not None:
            self._importing = False
            self._tell(
                QMessageBox.Icon.Information,
                self.tr(
                    "The import of {name} was cancelled: nothing was written, the database "
                    "is as it was."
                ).format(name=self.path.name),
            )

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.update(done, total)

    @Slot()
    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    @Slot(object)
    def _on_read(self, outcome: object) -> None:
        self._close_progress()
        if self._stopped:
            return
        path = self.path
        assert path is not None
        if isinstance(outcome, ImportPreview):
            self._show_preview(outcome)
        elif isinstance(outcome, ProgramImportOutcome) and outcome.dry_run:
            self._confirm_program(outcome)
        elif isinstance(outcome, ProgramImportOutcome):
            self._program_imported(outcome)
        else:
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr(
                    "{name} is neither a data-collection template nor a program workbook "
                    "made by Pilotage."
                ).format(name=path.name),
            )

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._close_progress()
        if self._stopped:
            return
        assert self.path is not None
        self._tell(QMessageBox.Icon.Warning, problem_sentence(error, self.path, writing=False))

    def _tell(self, icon: QMessageBox.Icon, text: str, details: str = "") -> QMessageBox:
        box = self.message_box = QMessageBox(self._window)
        box.setObjectName("importMessageBox")
        box.setIcon(icon)
        box.setWindowTitle(self._title())
        box.setText(text)
        if details:
            box.setInformativeText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        return box

    # --- a template -----------------------------------------------------------

    def _show_preview(self, preview: ImportPreview) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.deleteLater()
        dialog = self.preview_dialog = ImportPreviewDialog(
            self._db(), self._pool, preview, self._window
        )
        dialog.applied.connect(lambda _result: self._imported(None))
        dialog.open()

    # --- a program workbook ---------------------------------------------------

    def _confirm_program(self, outcome: ProgramImportOutcome) -> None:
        counts = outcome.counts
        words = {
            "pillars": self.tr("{count} pillars"),
            "initiatives": self.tr("{count} initiatives"),
            "kpis": self.tr("{count} KPIs"),
            "measurements": self.tr("{count} measurements"),
        }
        listed = ", ".join(
            words[k].format(count=formats.number(counts.get(k, 0))) for k in _COUNTED
        )
        box = self.message_box = QMessageBox(self._window)
        box.setObjectName("programImportBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self._title())
        box.setText(
            self.tr("Import program {reference}: {counts}?").format(
                reference=outcome.reference, counts=listed
            )
        )
        if outcome.notes:
            box.setInformativeText("\n".join(outcome.notes))
        yes = box.addButton(self.tr("&Import"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda button: self._import_program() if button is yes else None)
        box.open()

    def _import_program(self) -> None:
        path = self.path
        if path is None or self.job.is_running():
            return
        db = self._db()
        self._stopped = False
        self._importing = True

        def work(progress: Progress, cancelled: Cancelled) -> ProgramImportOutcome:
            return program_transfer.import_program(db, path, progress=progress, cancelled=cancelled)

        self.progress = JobProgress(
            self._window,
            self._title(),
            self.tr("Importing {name}…").format(name=path.name),
            self.cancel_import,  # one transaction: a cancel rolls it back whole
        )
        self.job.start(work)

    def _program_imported(self, outcome: ProgramImportOutcome) -> None:
        program = find_program(self._db(), outcome.reference)
        self._imported(program.id if program is not None else None)
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("Program {reference} was imported.").format(reference=outcome.reference),
            "\n".join(outcome.notes),
        )
