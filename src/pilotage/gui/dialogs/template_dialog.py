"""File > Export data-collection template…: the workbook a partner fills, for a program or
some of its initiatives, over a range of periods, in French or English.

The template is written off the GUI thread (a busy bar, the dialog disabled); then a
message offers to open it or its folder. What is missing or wrong (no file, periods
from after to, no initiative checked) is said next to its field and nothing starts;
a failure is one sentence and the dialog stays open to choose again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pilotage.db.database import Database
from pilotage.domain.enums import Frequency
from pilotage.domain.periods import period_bounds, period_label
from pilotage.gui import formats, icons
from pilotage.gui.dialogs.form_dialog import error_label
from pilotage.gui.dialogs.report_dialog import default_folder
from pilotage.gui.dialogs.written_box import written_box
from pilotage.gui.jobs import Job, JobProgress, Progress, problem_sentence
from pilotage.gui.qt import (
    QAction,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    Qt,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.settings import Settings
from pilotage.services import templates
from pilotage.services.programs import list_programs
from pilotage.services.templates import TemplateOutcome
from pilotage.services.workbook_files import initiative_choices

SUFFIX = ".xlsx"
_UNSAFE = re.compile(r"[^\w.-]+")  # what a file name had better not hold, on any system


@dataclass(frozen=True)
class TemplateRequest:
    program_id: int
    start: date
    end: date
    language: str  # "fr" or "en"
    out: Path
    initiative_ids: tuple[int, ...] | None  # None: the whole program, its own KPIs too


def last_complete_quarter(as_of: date) -> tuple[date, date]:
    """The last quarter over by `as_of` (the day it ends counts): its first and last day."""
    start, end = period_bounds(Frequency.QUARTERLY, as_of)
    if end == as_of:
        return start, end
    return period_bounds(Frequency.QUARTERLY, start - timedelta(days=1))


def suggested_name(reference: str, start: date, end: date, language: str) -> str:
    """ "CP-MTNRA-MNC-template-2024-Q4-en.xlsx"; a range that is no one period names both ends."""
    label = period_label(start, end) if start <= end else f"{start}-{end}"
    stem = _UNSAFE.sub("-", f"{reference}-template-{label}").strip("-")
    return f"{stem}-{language}{SUFFIX}"


def with_suffix(name: str) -> str:
    return name if name.lower().endswith(SUFFIX) else name + SUFFIX


class TemplateDialog(QDialog):
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
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Export data-collection template"))
        self._db = db
        self._settings = settings
        self.job = Job(pool, self)
        self.job.succeeded.connect(self._on_written)
        self.job.failed.connect(self._on_failed)
        self.progress: JobProgress | None = None
        self.done_box: QMessageBox | None = None
        self.failure_box: QMessageBox | None = None
        self.written: TemplateOutcome | None = None

        self.program = QComboBox()
        self._references: dict[int, str] = {}
        for row in list_programs(db):
            self._references[row.id] = row.reference
            self.program.addItem(f"{row.reference} — {row.title}", row.id)
        self.program.setCurrentIndex(max(self.program.findData(program_id), 0))
        self.initiatives = QListWidget()
        self.initiatives.setObjectName("templateInitiatives")
        self.initiatives.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.all_button = QPushButton(self.tr("Check &all"))
        self.none_button = QPushButton(self.tr("Check &none"))
        self.all_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        self.scope = QLabel()  # what the checks mean: the whole program, or some initiatives
        self.scope.setWordWrap(True)
        checks = QHBoxLayout()
        checks.setContentsMargins(0, 0, 0, 0)
        checks.addWidget(self.all_button)
        checks.addWidget(self.none_button)
        checks.addWidget(self.scope, 1)
        self.initiative_problem = error_label()

        first, last = last_complete_quarter(as_of)
        self.start = self._date_edit(first)
        self.end = self._date_edit(last)
        periods = QHBoxLayout()
        periods.setContentsMargins(0, 0, 0, 0)
        periods.addWidget(self.start)
        periods.addWidget(QLabel(self.tr("to")))
        periods.addWidget(self.end)
        periods.addStretch(1)
        self.period_problem = error_label()
        self.language = QComboBox()
        self.language.addItem("Français", "fr")  # each language named in itself
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.file = QLineEdit()
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        self.file_problem = error_label()

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Program"), self.program)
        form.addRow(self.tr("&Initiatives"), self.initiatives)
        form.addRow("", checks)
        form.addRow("", self.initiative_problem)
        # A row holding a layout has no buddy of its own: its label is given one, so
        # that its shortcut (Alt+F…) reaches the field and the "&" does not show.
        form.addRow(self._label(self.tr("Periods &from"), self.start), periods)
        form.addRow("", self.period_problem)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self._label(self.tr("F&ile"), self.file), file_row)
        form.addRow("", self.file_problem)
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
        self.setMinimumWidth(720)

        # The file name follows the choices until the analyst types or browses their own.
        self._suggested = ""
        self.file.setText(str(default_folder(settings) / "template.xlsx"))
        self._suggested = self.file.text()
        self._fill_initiatives()
        self.program.currentIndexChanged.connect(self._on_program_changed)
        self.start.dateChanged.connect(self._on_choice_changed)
        self.end.dateChanged.connect(self._on_choice_changed)
        self.language.currentIndexChanged.connect(self._on_choice_changed)
        self.initiatives.itemChanged.connect(self._on_checks_changed)
        self._on_choice_changed()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(formats.to_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(formats.date_format())
        return edit

    # --- the choices ----------------------------------------------------------

    def chosen_program(self) -> int | None:
        data = self.program.currentData()
        return data if isinstance(data, int) else None

    def chosen_language(self) -> str:
        data = self.language.currentData()
        return data if isinstance(data, str) else "en"

    def chosen_initiatives(self) -> tuple[int, ...] | None:
        """The checked initiatives' ids; None when all are checked (the whole program)."""
        items = [self.initiatives.item(n) for n in range(self.initiatives.count())]
        checked = tuple(
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )
        return None if len(checked) == len(items) else checked

    def _fill_initiatives(self) -> None:
        self.initiatives.clear()
        program = self.chosen_program()
        for choice in initiative_choices(self._db, program) if program is not None else []:
            item = QListWidgetItem(f"{choice.pillar_code} / {choice.code} — {choice.name}")
            item.setToolTip(choice.name)  # a long name is cut at the list's edge
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.initiatives.addItem(item)
        # Tall enough for every initiative up to ten, then it scrolls.
        shown = min(max(self.initiatives.count(), 3), 10)
        row = self.initiatives.sizeHintForRow(0) if self.initiatives.count() else 20
        self.initiatives.setFixedHeight(row * shown + 2 * self.initiatives.frameWidth() + 4)
        self._on_checks_changed()

    def _check_all(self, state: Qt.CheckState) -> None:
        for n in range(self.initiatives.count()):
            self.initiatives.item(n).setCheckState(state)

    @Slot()
    def _on_checks_changed(self) -> None:
        chosen = self.chosen_initiatives()
        if chosen is None:
            self.scope.setText(self.tr("The whole program, its own KPIs included."))
        else:
            self.scope.setText(
                self.tr("{checked} of {count} initiatives.").format(
                    checked=len(chosen), count=self.initiatives.count()
                )
            )
        if chosen != ():
            self.initiative_problem.hide()

    @Slot()
    def _on_program_changed(self) -> None:
        self._fill_initiatives()
        self._on_choice_changed()

    def _suggested_name(self) -> str:
        program = self.chosen_program()
        reference = self._references.get(program, "") if program is not None else ""
        return suggested_name(
            reference or "template",
            formats.from_qdate(self.start.date()),
            formats.from_qdate(self.end.date()),
            self.chosen_language(),
        )

    @Slot()
    def _on_choice_changed(self) -> None:
        if self.file.text() == self._suggested:  # not the analyst's own name: it follows
            self._suggested = str(Path(self._suggested).with_name(self._suggested_name()))
            self.file.setText(self._suggested)

    @Slot()
    def browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export data-collection template"),
            self.file.text().strip() or str(default_folder(self._settings)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if name:
            self.file.setText(with_suffix(name))

    def request(self) -> TemplateRequest | None:
        """What the fields ask for, or None after saying, next to each field, what is wrong."""
        for label in (self.initiative_problem, self.period_problem, self.file_problem):
            label.hide()
        start = formats.from_qdate(self.start.date())
        end = formats.from_qdate(self.end.date())
        text = self.file.text().strip()
        program = self.chosen_program()
        initiatives = self.chosen_initiatives()
        if program is None:
            self._say(self.initiative_problem, self.tr("Choose the program to collect for."))
        elif initiatives == ():
            self._say(self.initiative_problem, self.tr("Check at least one initiative."))
        if start > end:
            self._say(self.period_problem, self.tr("The first period starts after the last."))
        if not text:
            self._say(self.file_problem, self.tr("Choose the file to write the template to."))
        if program is None or initiatives == () or start > end or not text:
            return None
        return TemplateRequest(
            program,
            start,
            end,
            self.chosen_language(),
            Path(with_suffix(text)).expanduser(),
            initiatives,
        )

    @staticmethod
    def _say(label: QLabel, problem: str) -> None:
        label.setText(problem)
        label.show()

    # --- writing --------------------------------------------------------------

    def accept(self) -> None:
        """Export: write the template; the dialog closes once it is written."""
        if self.job.is_running():
            return
        request = self.request()
        if request is None:
            return
        self.file.setText(str(request.out))
        if self._settings is not None and request.out.parent.is_dir():
            self._settings.set_report_folder(request.out.parent)
        self._set_busy(True)
        self.progress = JobProgress(
            self,
            self.windowTitle(),
            self.tr("Writing {name}…").format(name=request.out.name),
            None,  # written in one go: nothing to stop halfway
        )
        db = self._db

        def work(_progress: Progress, _cancelled: Callable[[], bool]) -> TemplateOutcome:
            return templates.write_template(
                db,
                request.program_id,
                request.start,
                request.end,
                request.language,
                request.out,
                initiative_ids=request.initiative_ids,
            )

        self.job.start(work)

    def reject(self) -> None:
        if self.job.is_running():
            return  # the template is being written: the message follows in a moment
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
        assert isinstance(outcome, TemplateOutcome)
        self.written = outcome
        super().accept()
        rows = (
            self.tr("1 row to fill")
            if outcome.rows == 1
            else self.tr("{count} rows to fill").format(count=formats.number(outcome.rows))
        )
        box = self.done_box = written_box(
            self.parentWidget() or self,
            outcome.path,
            title=self.windowTitle(),
            text=self.tr("The template was written to {path}.").format(path=outcome.path),
            open_label=self.tr("&Open the template"),
            object_name="templateWrittenBox",
        )
        box.setInformativeText(
            self.tr("{rows}, for {kpis} KPIs.").format(rows=rows, kpis=formats.number(outcome.kpis))
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


class TemplateAction(QAction):
    """File > Export data-collection template…: the dialog (kept in `dialog`) on the program
    the window shows."""

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
        self.setText(self.tr("Export data-collection &template…"))
        self._window = window
        self._settings = settings
        self._pool = pool
        self._db, self._as_of, self._language, self._program_id = db, as_of, language, program_id
        self.dialog: TemplateDialog | None = None
        self.triggered.connect(self.open_dialog)

    @Slot()
    def open_dialog(self) -> TemplateDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        if self.dialog is not None and not self.dialog.job.is_running():
            self.dialog.deleteLater()
        remembered = self._settings.report_language() if self._settings is not None else None
        self.dialog = TemplateDialog(
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
