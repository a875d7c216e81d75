"""File > Export program workbook…: a whole program (structure, targets, measurements,
milestones, budget) in one workbook, to prepare in Excel, hand to another team or move
to another database (File > Import workbook… reads it back).

Written off the GUI thread (a busy bar, the dialog disabled), then the message that
opens the workbook or its folder. A failure is one sentence; the dialog stays open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pilotage.db.database import Database
from pilotage.gui import formats, icons
from pilotage.gui.dialogs.form_dialog import error_label
from pilotage.gui.dialogs.report_dialog import default_folder
from pilotage.gui.dialogs.written_box import written_box
from pilotage.gui.jobs import Cancelled, Job, JobProgress, Progress, problem_sentence
from pilotage.gui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.settings import Settings
from pilotage.services import program_transfer
from pilotage.services.program_transfer import TransferOutcome
from pilotage.services.programs import list_programs

_SUFFIX = ".xlsx"
_UNSAFE = re.compile(r"[^\w.-]+")  # what a file name had better not hold, on any system


def suggested_name(reference: str) -> str:
    """ "CP-MTNRA-MNC-program.xlsx" """
    stem = _UNSAFE.sub("-", reference).strip("-") or "program"
    return f"{stem}-program{_SUFFIX}"


class ProgramExportDialog(QDialog):
    def __init__(
        self,
        db: Database,
        pool: QThreadPool,
        program_id: int | None,
        settings: Settings | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("programExportDialog")
        self.setWindowTitle(self.tr("Export program workbook"))
        self._db = db
        self._settings = settings
        self.job = Job(pool, self)
        self.job.succeeded.connect(self._on_written)
        self.job.failed.connect(self._on_failed)
        self.progress: JobProgress | None = None
        self.done_box: QMessageBox | None = None
        self.failure_box: QMessageBox | None = None
        self.written: TransferOutcome | None = None

        self.program = QComboBox()
        self._references: dict[int, str] = {}
        for row in list_programs(db):
            self._references[row.id] = row.reference
            self.program.addItem(f"{row.reference} — {row.title}", row.id)
        self.program.setCurrentIndex(max(self.program.findData(program_id), 0))
        self.file = QLineEdit()
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        self.problem = error_label()

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Program"), self.program)
        form.addRow(self.tr("&File"), file_row)
        form.addRow("", self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 12)
        column.setSpacing(12)
        column.addWidget(self.form)
        column.addStretch(1)
        column.addWidget(self.buttons)
        self.setMinimumWidth(560)

        # The file name follows the program until the analyst types or browses their own.
        self._suggested = str(default_folder(settings) / self._suggested_name())
        self.file.setText(self._suggested)
        self.program.currentIndexChanged.connect(self._on_program_changed)

    def chosen_program(self) -> int | None:
        data = self.program.currentData()
        return data if isinstance(data, int) else None

    def _suggested_name(self) -> str:
        program = self.chosen_program()
        return suggested_name(self._references.get(program, "") if program is not None else "")

    @Slot()
    def _on_program_changed(self) -> None:
        if self.file.text() == self._suggested:
            self._suggested = str(Path(self._suggested).with_name(self._suggested_name()))
            self.file.setText(self._suggested)

    @Slot()
    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.windowTitle(),
            self.file.text().strip() or str(default_folder(self._settings)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.file.setText(name if name.lower().endswith(_SUFFIX) else name + _SUFFIX)

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def accept(self) -> None:
        if self.job.is_running():
            return
        text = self.file.text().strip()
        program = self.chosen_program()
        if program is None:
            self._say(self.tr("Choose the program to export."))
            return
        if not text:
            self._say(self.tr("Choose the file to write the program to."))
            return
        self._say("")
        out = Path(text if text.lower().endswith(_SUFFIX) else text + _SUFFIX).expanduser()
        self.file.setText(str(out))
        if self._settings is not None and out.parent.is_dir():
            self._settings.set_report_folder(out.parent)
        self._set_busy(True)
        self.progress = JobProgress(
            self, self.windowTitle(), self.tr("Writing {name}…").format(name=out.name), None
        )
        db = self._db

        def work(_progress: Progress, _cancelled: Cancelled) -> TransferOutcome:
            return program_transfer.export_program(db, program, out)

        self.job.start(work)

    def reject(self) -> None:
        if self.job.is_running():
            return  # written in one go: the message follows in a moment
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self._set_busy(False)

    @Slot(object)
    def _on_written(self, outcome: object) -> None:
        self._close_progress()
        assert isinstance(outcome, TransferOutcome)
        self.written = outcome
        super().accept()
        box = self.done_box = written_box(
            self.parentWidget() or self,
            outcome.path,
            title=self.windowTitle(),
            text=self.tr("Program {reference} was written to {path}.").format(
                reference=outcome.reference, path=outcome.path
            ),
            open_label=self.tr("&Open the workbook"),
            object_name="programWrittenBox",
        )
        counts = outcome.counts
        box.setInformativeText(
            self.tr("{kpis} KPIs, {measurements} measurements.").format(
                kpis=formats.number(counts.get("kpis", 0)),
                measurements=formats.number(counts.get("measurements", 0)),
            )
        )
        box.open()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._close_progress()
        box = self.failure_box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.windowTitle())
        box.setText(problem_sentence(error, Path(self.file.text()), writing=True))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()


class ProgramExportAction(QAction):
    """File > Export program workbook…: the dialog (kept in `dialog`) on the program shown."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings | None,
        pool: QThreadPool,
        db: Callable[[], Database],
        program_id: Callable[[], int | None],
    ) -> None:
        super().__init__(icons.icon("export"), "", window)
        self.setText(self.tr("Export &program workbook…"))
        self._window = window
        self._settings = settings
        self._pool = pool
        self._db, self._program_id = db, program_id
        self.dialog: ProgramExportDialog | None = None
        self.triggered.connect(self.open_dialog)

    @Slot()
    def open_dialog(self) -> ProgramExportDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        if self.dialog is not None and not self.dialog.job.is_running():
            self.dialog.deleteLater()
        self.dialog = ProgramExportDialog(
            self._db(), self._pool, self._program_id(), self._settings, self._window
        )
        self.dialog.open()
        return self.dialog
