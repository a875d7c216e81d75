"""The frame shared by File > Export report…, Export data-collection template… and Export
program workbook…: a program, a language, the file to write (Browse… adds ".xlsx"),
Export and Cancel; the file name suggested follows the choices until the analyst types
or browses their own, in the folder of the last export.

Export says what is missing under the fields and starts nothing; otherwise the workbook
is written off the GUI thread (gui/jobs.py: a progress window, the dialog disabled),
then a message offers to open it or its folder. A failure is one sentence and the
dialog stays open to choose again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pilotage.db.database import Database
from pilotage.gui import formats, icons
from pilotage.gui.dialogs.form_dialog import error_label
from pilotage.gui.dialogs.written_box import written_box
from pilotage.gui.jobs import JobDialog, Work, problem_sentence
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
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QPushButton,
    QStandardPaths,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.settings import Settings
from pilotage.services.programs import list_programs

SUFFIX = ".xlsx"
_UNSAFE = re.compile(r"[^\w.-]+")  # what a file name had better not hold, on any system


def safe_stem(text: str) -> str:
    """`text` fit for a file name on any system: "CP 2024/07" -> "CP-2024-07"."""
    return _UNSAFE.sub("-", text).strip("-")


def with_suffix(name: str) -> str:
    return name if name.lower().endswith(SUFFIX) else name + SUFFIX


def default_folder(settings: Settings | None) -> Path:
    """The folder of the last export, else Documents, else home."""
    remembered = settings.report_folder() if settings is not None else None
    if remembered is not None:
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(formats.to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(formats.date_format())
    return edit


def language_combo(language: str) -> QComboBox:
    """French and English, each named in itself (as in the preferences); `language` chosen."""
    combo = QComboBox()
    combo.addItem("Français", "fr")
    combo.addItem("English", "en")
    combo.setCurrentIndex(max(combo.findData(language), 0))
    return combo


def language_of(combo: QComboBox) -> str:
    data = combo.currentData()
    return data if isinstance(data, str) else "en"


@dataclass(frozen=True)
class Shown:
    """What the window shows as a dialog opens: the dialog starts from it."""

    program_id: int | None
    as_of: date | None = None  # the window's date, for the exports that have one
    language: str = "en"  # the last export's language, else the window's


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label for a row holding a layout (which has no buddy of its own): its
    shortcut (Alt+F…) reaches `buddy` and its "&" does not show."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class ExportDialog(JobDialog):
    """The program combo, the file row and the buttons; a subclass adds its own fields and
    the form's rows (`build`, `add_file_rows` last), says its suggested name, prepares its
    call and says what was written. The outcome is kept in `written`."""

    NAME = ""  # the object name
    TITLE = ""  # marked with QT_TRANSLATE_NOOP in the subclass's context
    CANCELLABLE = False  # whether the service stops when asked (Cancel in the progress)

    def __init__(
        self,
        db: Database,
        pool: QThreadPool,
        shown: Shown,
        settings: Settings | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(pool, parent)
        self.setObjectName(self.NAME)
        self.setWindowTitle(self.tr(self.TITLE))
        self._db = db
        self._settings = settings
        self.written: object | None = None

        self.program = QComboBox()
        self._references: dict[int, str] = {}
        for row in list_programs(db):
            self._references[row.id] = row.reference
            self.program.addItem(f"{row.reference} — {row.title}", row.id)
        self.program.setCurrentIndex(max(self.program.findData(shown.program_id), 0))
        self.file = QLineEdit()
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self._file_row = QHBoxLayout()
        self._file_row.setContentsMargins(0, 0, 0, 0)
        self._file_row.addWidget(self.file, 1)
        self._file_row.addWidget(self.browse_button)
        self.problem = error_label()  # under the file: what keeps Export from starting

        self.form = QWidget()
        self.form_layout = QFormLayout(self.form)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
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
        self._suggested: str | None = None  # the name last suggested, while it stands
        self.build(shown)
        self.program.currentIndexChanged.connect(self._on_program_changed)
        self.follow_choices()

    def build(self, shown: Shown) -> None:
        """The subclass's own fields, and every row of `form_layout`."""
        raise NotImplementedError

    def add_file_rows(self, file_label: str | QLabel | None = None) -> None:
        """The file row and the problem under it, last in the form."""
        self.form_layout.addRow(file_label or self.tr("&File"), self._file_row)
        self.form_layout.addRow("", self.problem)

    # --- the choices ----------------------------------------------------------

    def chosen_program(self) -> int | None:
        data = self.program.currentData()
        return data if isinstance(data, int) else None

    def chosen_reference(self) -> str | None:
        program = self.chosen_program()
        return self._references.get(program) if program is not None else None

    def suggested_name(self) -> str:
        """The file name the choices suggest (the folder is the last export's)."""
        raise NotImplementedError

    @Slot()
    def follow_choices(self) -> None:
        """Suggest the name again, unless the analyst typed or browsed their own."""
        if self._suggested is None:
            self._suggested = str(default_folder(self._settings) / self.suggested_name())
            self.file.setText(self._suggested)
        elif self.file.text() == self._suggested:
            self._suggested = str(Path(self._suggested).with_name(self.suggested_name()))
            self.file.setText(self._suggested)

    @Slot()
    def _on_program_changed(self) -> None:
        self.follow_choices()

    @Slot()
    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.windowTitle(),
            self.file.text().strip() or str(default_folder(self._settings)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.file.setText(with_suffix(name))

    def chosen_file(self) -> Path | None:
        text = self.file.text().strip()
        return Path(with_suffix(text)).expanduser() if text else None

    def say(self, problem: str, label: QLabel | None = None) -> None:
        """`problem` under its field (the file's by default); "" hides it."""
        shown = label if label is not None else self.problem
        shown.setText(problem)
        shown.setVisible(bool(problem))

    # --- writing --------------------------------------------------------------

    def prepared(self) -> tuple[Path, Work] | None:
        """The file to write and the call writing it, or None after saying what is wrong."""
        raise NotImplementedError

    def accept(self) -> None:
        """Export: start writing; the dialog closes once it is written."""
        if self.job.is_running():
            return
        prepared = self.prepared()
        if prepared is None:
            return
        out, work = prepared
        self.file.setText(str(out))
        self.remember(out)
        label = self.tr("Writing {name}…").format(name=out.name)
        self.run(label, work, cancellable=self.CANCELLABLE)

    def remember(self, out: Path) -> None:
        """What the next export starts from: this one's folder."""
        if self._settings is not None and out.parent.is_dir():
            self._settings.set_report_folder(out.parent)

    def set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def failure_sentence(self, error: object) -> str:
        return problem_sentence(error, Path(self.file.text()), writing=True)

    def job_succeeded(self, outcome: object) -> None:
        self.written = outcome
        QDialog.accept(self)  # closed, not exported again
        box = self.done_box = self.written_message(outcome)
        box.open()

    def written_message(self, outcome: object) -> QMessageBox:
        """The message saying what was written (see `message`)."""
        raise NotImplementedError

    def message(
        self, path: Path, text: str, open_label: str, object_name: str, details: str = ""
    ) -> QMessageBox:
        """The written box over the window (the dialog is closed), titled as the dialog."""
        box = written_box(
            self.parentWidget() or self,
            path,
            title=self.windowTitle(),
            text=text,
            open_label=open_label,
            object_name=object_name,
        )
        if details:
            box.setInformativeText(details)
        return box


class ExportAction(QAction):
    """A File menu item opening its dialog (kept in `dialog`) on what the window shows; a
    dialog still writing is kept until it is done. The window waits for its pool when
    it closes: an export that can stop is told to, first.

    `as_of` and `language` (the window's date and language) are for the exports that
    have them; the subclass says `TEXT` (marked with QT_TRANSLATE_NOOP in its own
    context) and its `DIALOG`."""

    TEXT = ""
    DIALOG: type[ExportDialog] = ExportDialog

    def __init__(
        self,
        window: QWidget,
        settings: Settings | None,
        pool: QThreadPool,
        db: Callable[[], Database],
        as_of: Callable[[], date] | None,
        language: Callable[[], str] | None,
        program_id: Callable[[], int | None],
    ) -> None:
        super().__init__(icons.icon("export"), "", window)
        self.setText(self.tr(self.TEXT))
        self._window = window
        self._settings = settings
        self._pool = pool
        self._db, self._as_of, self._language, self._program_id = db, as_of, language, program_id
        self.dialog: ExportDialog | None = None
        self.triggered.connect(self.open_dialog)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and self.dialog is not None:
            self.dialog.job.cancel()
        return False

    def shown(self) -> Shown:
        """The program shown; the window's date and the language to start from, if any."""
        remembered = self._settings.report_language() if self._settings is not None else None
        language = remembered or (self._language() if self._language is not None else "en")
        as_of = self._as_of() if self._as_of is not None else None
        return Shown(self._program_id(), as_of, language)

    @Slot()
    def open_dialog(self) -> ExportDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        if self.dialog is not None and not self.dialog.job.is_running():
            self.dialog.deleteLater()
        self.dialog = self.DIALOG(
            self._db(), self._pool, self.shown(), self._settings, self._window
        )
        self.dialog.open()
        return self.dialog
