"""The preview of a filled template: what each row would do, before anything is written.

A summary line counts the rows (new, changed, unchanged, rejected); the table shows
each, rejected rows in red with their reasons. The analyst then applies everything
(nothing rejected), applies the valid rows only, saves a copy of the workbook with the
errors marked to send back, or cancels. Applying and saving run off the GUI thread;
once applied, a message says what was written and `applied` tells the window to reload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.dialogs.export_dialog import with_suffix
from pilotage.gui.dialogs.written_box import written_box
from pilotage.gui.jobs import Cancelled, JobDialog, Progress, problem_sentence
from pilotage.gui.models.import_rows_model import ImportRowsModel
from pilotage.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pilotage.services import measurement_import
from pilotage.services.measurement_import import ImportPreview, ImportResult, RowOutcome


def error_copy_name(source: Path) -> Path:
    """Where the errors copy of `source` goes by default: beside it, "-errors" added."""
    return source.with_name(with_suffix(f"{source.stem}-errors"))


class ImportPreviewDialog(JobDialog):
    applied = Signal(object)  # the ImportResult, once written

    def __init__(
        self, db: Database, pool: QThreadPool, preview: ImportPreview, parent: QWidget | None
    ) -> None:
        super().__init__(pool, parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import measurements"))
        self._db = db
        self.preview = preview
        self._writing: Path | None = None  # the errors copy being written, if any

        counts = preview.counts
        self.n_new = counts.get(RowOutcome.NEW, 0)
        self.n_changed = counts.get(RowOutcome.CHANGED, 0)
        self.n_unchanged = counts.get(RowOutcome.UNCHANGED, 0)
        self.n_rejected = counts.get(RowOutcome.REJECTED, 0)
        self.source = QLabel(
            self.tr("{file} · program {program}").format(
                file=preview.path.name, program=preview.program
            )
        )
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self.summary_text())
        self.summary.setObjectName("importSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.advice = QLabel(self._advice())
        self.advice.setWordWrap(True)
        self.only_rejected = QCheckBox(self.tr("Show only the &rejected rows"))
        self.only_rejected.setVisible(self.n_rejected > 0)
        self.only_rejected.toggled.connect(self._on_filter)

        self.model = ImportRowsModel(self)
        self.model.set_rows(preview.rows)
        self.table = QTableView()
        self.table.setObjectName("importRows")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the workbook's order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        # A figure with its split ("300 / 400 · sex / men = 150; …") would take the width
        # the problems need: the figures are cut (their tooltip holds them whole), and the
        # Problems column, the last, stretches over the rest.
        for section, widest in (
            (ImportRowsModel.NAME, 240),
            (ImportRowsModel.RECORDED, 180),
            (ImportRowsModel.IN_FILE, 180),
        ):
            header.resizeSection(section, min(header.sectionSize(section), widest))

        # The current row's problems in full (the Problems column is cut at its width).
        self.detail = QLabel()
        self.detail.setObjectName("importDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(self.n_rejected > 0)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._on_current_row(QModelIndex())

        self.buttons = QDialogButtonBox()
        self.apply_button = self._button(self.tr("&Apply"), self.apply_all)
        self.apply_valid_button = self._button(self.tr("Apply &valid rows"), self.apply_valid)
        self.save_errors_button = self._button(self.tr("&Save errors copy…"), self.save_errors)
        valid = self.n_new + self.n_changed
        self.apply_button.setVisible(self.n_rejected == 0 and valid > 0)
        self.apply_valid_button.setVisible(self.n_rejected > 0 and valid > 0)
        self.save_errors_button.setVisible(self.n_rejected > 0)
        nothing = valid == 0 and self.n_rejected == 0
        cancel = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Close
            if nothing
            else QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button = cancel
        cancel.clicked.connect(self.reject)
        for button in (self.apply_button, self.apply_valid_button):
            if button.isVisibleTo(self):
                button.setDefault(True)

        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 12)
        column.setSpacing(8)
        column.addWidget(self.source)
        column.addWidget(self.summary)
        column.addWidget(self.advice)
        column.addWidget(self.only_rejected)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        column.addWidget(self.buttons)
        self.resize(1100, 600)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    # --- what the preview says ------------------------------------------------

    def summary_text(self) -> str:
        """ "12 new, 3 changed, 40 unchanged, 2 rejected" """
        return self.tr(
            "{new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected"
        ).format(
            new=formats.number(self.n_new),
            changed=formats.number(self.n_changed),
            unchanged=formats.number(self.n_unchanged),
            rejected=formats.number(self.n_rejected),
        )

    def _advice(self) -> str:
        if self.n_rejected and (self.n_new or self.n_changed):
            return self.tr(
                "Rejected rows are in red with their reasons. Apply the valid rows only, or "
                "save a copy of the workbook with the errors marked, to send back."
            )
        if self.n_rejected:
            return self.tr(
                "Every row with a figure is rejected: nothing can be applied. Save a copy of "
                "the workbook with the errors marked, to send back."
            )
        if self.n_new or self.n_changed:
            return self.tr("Apply writes the new and changed figures, all in one go.")
        return self.tr("This file changes nothing: every figure in it is already recorded.")

    @Slot(QModelIndex)
    def _on_current_row(self, current: QModelIndex) -> None:
        problems = self.model.row_at(current.row()).problems if current.isValid() else ()
        self.detail.setText(
            "\n".join(str(p) for p in problems)
            if problems
            else self.tr("Select a rejected row to read its reasons in full.")
        )

    @Slot(bool)
    def _on_filter(self, only_rejected: bool) -> None:
        rows = self.preview.rows
        self.model.set_rows(
            [r for r in rows if r.outcome is RowOutcome.REJECTED] if only_rejected else rows
        )

    # --- applying and saving --------------------------------------------------

    @Slot()
    def apply_all(self) -> None:
        self._apply(valid_only=False)

    @Slot()
    def apply_valid(self) -> None:
        self._apply(valid_only=True)

    def _apply(self, *, valid_only: bool) -> None:
        if self.job.is_running():
            return
        db, path = self._db, self.preview.path
        digest = self.preview.digest or None  # refused if the file changed since
        self._writing = None

        def work(_progress: Progress, _cancelled: Cancelled) -> ImportResult:
            return measurement_import.apply_import(db, path, valid_only=valid_only, expected=digest)

        # One transaction: nothing to stop halfway.
        self.run(self.tr("Recording the figures of {name}…").format(name=path.name), work)

    @Slot()
    def save_errors(self) -> None:
        if self.job.is_running():
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save errors copy"),
            str(error_copy_name(self.preview.path)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return
        out = Path(with_suffix(name))
        preview = self.preview
        self._writing = out

        def work(_progress: Progress, _cancelled: Cancelled) -> Path:
            return measurement_import.save_error_copy(preview, out)

        self.run(self.tr("Writing {name}…").format(name=out.name), work)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.only_rejected.setEnabled(not busy)

    def job_succeeded(self, outcome: object) -> None:
        if isinstance(outcome, Path):
            box = self.done_box = written_box(
                self,
                outcome,
                title=self.tr("Save errors copy"),
                text=self.tr("The copy with the errors marked was written to {path}.").format(
                    path=outcome
                ),
                open_label=self.tr("&Open the copy"),
                object_name="errorsWrittenBox",
            )
            box.open()
            return
        assert isinstance(outcome, ImportResult)
        self.accept()
        box = self.done_box = QMessageBox(self.parentWidget() or self)
        box.setObjectName("importAppliedBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.applied_text(outcome))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(box.deleteLater)
        box.open()
        self.applied.emit(outcome)

    def applied_text(self, result: ImportResult) -> str:
        """ "12 measurements recorded, 3 changed." and the rows left out, if any."""
        recorded = (
            self.tr("1 measurement recorded")
            if result.created == 1
            else self.tr("{count} measurements recorded").format(
                count=formats.number(result.created)
            )
        )
        text = self.tr("{recorded}, {changed} changed.").format(
            recorded=recorded, changed=formats.number(result.changed)
        )
        if result.skipped:
            left = (
                self.tr("1 rejected row was left out.")
                if result.skipped == 1
                else self.tr("{count} rejected rows were left out.").format(
                    count=formats.number(result.skipped)
                )
            )
            text = f"{text} {left}"
        return text

    def failure_sentence(self, error: object) -> str:
        writing = self._writing is not None
        return problem_sentence(error, self._writing or self.preview.path, writing=writing)
