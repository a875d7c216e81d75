"""File > Export report…: the program's or the portfolio's Excel report, as of a date, in
French or English, written off the GUI thread with a progress bar and Cancel.

When it is written, a message offers to open the report or its folder. A failure (a
folder that cannot be written, a program deleted meanwhile) is said in one sentence and
the dialog stays open to choose again; a cancel says the report was not written (the
service writes the whole workbook or nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pilotage.db.database import Database
from pilotage.domain.errors import PilotageError
from pilotage.gui import formats, icons
from pilotage.gui.dialogs.form_dialog import error_label
from pilotage.gui.dialogs.written_box import written_box
from pilotage.gui.qt import (
    QAction,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QObject,
    QProgressDialog,
    QPushButton,
    QStandardPaths,
    Qt,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.report_runner import PORTFOLIO, PROGRAM, ReportRequest, ReportRunner
from pilotage.gui.settings import Settings
from pilotage.gui.text import sentence
from pilotage.services.programs import list_programs
from pilotage.services.reports import ReportOutcome

_UNSAFE = re.compile(r"[^\w.-]+")  # what a file name had better not hold, on any system
_SUFFIX = ".xlsx"


def suggested_name(reference: str | None, as_of: date, language: str) -> str:
    """ "CP-MTNRA-MNC-2024-12-31-fr.xlsx"; "portfolio-2024-12-31-en.xlsx" without a program."""
    stem = _UNSAFE.sub("-", reference).strip("-") if reference else "portfolio"
    return f"{stem or 'report'}-{as_of.isoformat()}-{language}{_SUFFIX}"


def default_folder(settings: Settings | None) -> Path:
    """The folder of the last report, else Documents, else home."""
    remembered = settings.report_folder() if settings is not None else None
    if remembered is not None:
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


class ReportDialog(QDialog):
    def __init__(
        self,
        db: Database,
        pool: QThreadPool,
        as_of: date,
        language: str,
        program_id: int | None,
        settings: Settings | None,
        parent: QWidget | None = None,
    ) -> None:
        """`language`: the one preselected ("fr", "en"); `program_id`: the program shown."""
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Export report"))
        self._settings = settings
        self.runner = ReportRunner(db, pool, self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.written.connect(self._on_written)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.progress: QProgressDialog | None = None
        self.done_box: QMessageBox | None = None  # the message once written
        self.failure_box: QMessageBox | None = None  # a failure or a cancel, said once
        self.written: ReportOutcome | None = None

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Program report"), PROGRAM)
        self.kind.addItem(self.tr("Portfolio report"), PORTFOLIO)
        self.program = QComboBox()
        self._references: dict[int, str] = {}
        for row in list_programs(db):
            self._references[row.id] = row.reference
            self.program.addItem(f"{row.reference} — {row.title}", row.id)
        self.program.setCurrentIndex(max(self.program.findData(program_id), 0))
        self.as_of = QDateEdit(formats.to_qdate(as_of))
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat(formats.date_format())
        self.language = QComboBox()
        # Each language named in itself, as in the preferences.
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
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
        form.addRow(self.tr("&Report"), self.kind)
        form.addRow(self.tr("&Program"), self.program)
        form.addRow(self.tr("&As of"), self.as_of)
        form.addRow(self.tr("&Language"), self.language)
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

        # The file name follows the choices until the analyst types or browses their own.
        self._suggested = str(default_folder(settings) / self._suggested_name())
        self.file.setText(self._suggested)
        self.kind.currentIndexChanged.connect(self._on_choice_changed)
        self.program.currentIndexChanged.connect(self._on_choice_changed)
        self.as_of.dateChanged.connect(self._on_choice_changed)
        self.language.currentIndexChanged.connect(self._on_choice_changed)
        self._on_choice_changed()

    # --- the choices ----------------------------------------------------------

    def chosen_kind(self) -> str:
        return PORTFOLIO if self.kind.currentData() == PORTFOLIO else PROGRAM

    def chosen_program(self) -> int | None:
        data = self.program.currentData()
        return data if isinstance(data, int) and self.chosen_kind() == PROGRAM else None

    def chosen_language(self) -> str:
        data = self.language.currentData()
        return data if isinstance(data, str) else "en"

    def _suggested_name(self) -> str:
        program = self.chosen_program()
        reference = self._references.get(program) if program is not None else None
        day = formats.from_qdate(self.as_of.date())
        return suggested_name(reference, day, self.chosen_language())

    @Slot()
    def _on_choice_changed(self) -> None:
        self.program.setEnabled(self.chosen_kind() == PROGRAM)
        if self.file.text() == self._suggested:  # not the analyst's own name: it follows
            self._suggested = str(Path(self._suggested).with_name(self._suggested_name()))
            self.file.setText(self._suggested)

    @Slot()
    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export report"),
            self.file.text().strip() or str(default_folder(self._settings)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.file.setText(self._with_suffix(name))

    @staticmethod
    def _with_suffix(name: str) -> str:
        return name if name.lower().endswith(_SUFFIX) else name + _SUFFIX

    def request(self) -> ReportRequest | None:
        """What the fields ask for, or None after saying what is missing."""
        text = self.file.text().strip()
        if not text:
            self._say(self.tr("Choose the file to write the report to."))
            return None
        if self.chosen_kind() == PROGRAM and self.chosen_program() is None:
            self._say(self.tr("Choose the program to report on."))
            return None
        return ReportRequest(
            kind=self.chosen_kind(),
            program_id=self.chosen_program(),
            as_of=formats.from_qdate(self.as_of.date()),
            language=self.chosen_language(),
            out=Path(self._with_suffix(text)).expanduser(),
        )

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    # --- writing --------------------------------------------------------------

    def accept(self) -> None:
        """Export: start writing the report; the dialog closes once it is written."""
        if self.runner.is_running():
            return
        request = self.request()
        if request is None:
            return
        self._say("")
        self.file.setText(str(request.out))
        if self._settings is not None:
            self._settings.set_report_language(request.language)
            if request.out.parent.is_dir():
                self._settings.set_report_folder(request.out.parent)
        self._set_busy(True)
        progress = self.progress = QProgressDialog(
            self.tr("Writing {name}…").format(name=request.out.name),
            self.tr("Cancel"),
            0,
            0,  # busy until the first progress says how much there is
            self,
        )
        progress.setWindowTitle(self.tr("Export report"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self.cancel_report)
        progress.open()
        self.runner.start(request)

    def reject(self) -> None:
        if self.runner.is_running():
            self.cancel_report()  # closing while it writes stops it; the dialog waits for it
            return
        super().reject()

    @Slot()
    def cancel_report(self) -> None:
        if self.runner.is_running():
            self.runner.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Stopping…"))

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel_report)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._set_busy(False)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is None or total <= 0:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(min(done, total))

    @Slot(object)
    def _on_written(self, outcome: object) -> None:
        self._close_progress()
        assert isinstance(outcome, ReportOutcome)
        self.written = outcome
        super().accept()
        self.done_box = self._written_box(outcome.path)
        self.done_box.open()

    def _written_box(self, path: Path) -> QMessageBox:
        return written_box(
            self.parentWidget() or self,
            path,
            title=self.tr("Export report"),
            text=self.tr("The report was written to {path}.").format(path=path),
            open_label=self.tr("&Open the report"),
            object_name="reportWrittenBox",
        )

    @Slot()
    def _on_cancelled(self) -> None:
        self._close_progress()
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("The report was cancelled: {path} was not written.").format(
                path=self.file.text()
            ),
        )

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._close_progress()
        if isinstance(error, OSError):
            # A folder that does not exist or cannot be written, a disk full: one sentence.
            path = error.filename if error.filename is not None else self.file.text()
            message = self.tr("{path} could not be written: {reason}").format(
                path=path, reason=error.strerror or str(error)
            )
        elif isinstance(error, PilotageError):
            message = str(error)
        else:  # a bug: the application's error dialog shows it
            raise error if isinstance(error, BaseException) else RuntimeError(str(error))
        self._tell(QMessageBox.Icon.Warning, sentence(message))

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = self.failure_box = QMessageBox(self)
        box.setIcon(icon)
        box.setWindowTitle(self.tr("Export report"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()


class ReportAction(QAction):
    """File > Export report…: opens the dialog (kept in `dialog`) on what the window shows."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings | None,
        pool: QThreadPool,
        db: Callable[[], Database],
        as_of: Callable[[], date],
        language: Callable[[], str],
        program_id: Callable[[], int | None],
    ) -> None:
        super().__init__(icons.icon("export"), "", window)
        self.setText(self.tr("&Export report…"))
        self._window = window
        self._settings = settings
        self._pool = pool
        self._db, self._as_of, self._language, self._program_id = db, as_of, language, program_id
        self.dialog: ReportDialog | None = None
        self.triggered.connect(self.open_dialog)
        # The window waits for its pool when it closes: a report being written stops first.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and self.dialog is not None:
            self.dialog.runner.cancel()
        return False

    @Slot()
    def open_dialog(self) -> ReportDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        if self.dialog is not None and not self.dialog.runner.is_running():
            self.dialog.deleteLater()
        remembered = self._settings.report_language() if self._settings is not None else None
        self.dialog = ReportDialog(
            self._db(),
            self._pool,
            self._as_of(),
            remembered or self._language(),
            self._program_id(),
            self._settings,
            self._window,
        )
        self.dialog.open()
        return self.dialog
