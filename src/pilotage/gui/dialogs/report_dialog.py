"""File > Export report…: the program's or the portfolio's Excel report, as of a date, in
French or English, written off the GUI thread with a progress bar and Cancel.

When it is written, a message offers to open the report or its folder. A failure (a
folder that cannot be written, a program deleted meanwhile) is said in one sentence and
the dialog stays open to choose again; a cancel says the report was not written (the
service writes the whole workbook or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.dialogs.export_dialog import (
    SUFFIX,
    ExportAction,
    ExportDialog,
    Shown,
    date_edit,
    language_combo,
    language_of,
    safe_stem,
)
from pilotage.gui.jobs import Cancelled, Progress, Work
from pilotage.gui.qt import QT_TRANSLATE_NOOP, QComboBox, QMessageBox, Slot
from pilotage.services import reports
from pilotage.services.reports import ReportOutcome

PROGRAM = "program"
PORTFOLIO = "portfolio"


@dataclass(frozen=True)
class ReportRequest:
    """What the analyst asked for: the program report of `program_id` (or the portfolio's)."""

    kind: str  # PROGRAM or PORTFOLIO
    program_id: int | None  # None for the portfolio
    as_of: date
    language: str  # "fr" or "en"
    out: Path


def suggested_name(reference: str | None, as_of: date, language: str) -> str:
    """ "CP-MTNRA-MNC-2024-12-31-fr.xlsx"; "portfolio-2024-12-31-en.xlsx" without a program."""
    stem = safe_stem(reference) if reference else "portfolio"
    return f"{stem or 'report'}-{as_of.isoformat()}-{language}{SUFFIX}"


def report_work(db: Database, request: ReportRequest) -> Work:
    """The report service's call for `request`, with its progress and cancel."""

    def work(progress: Progress, cancelled: Cancelled) -> ReportOutcome:
        day, language, out = request.as_of, request.language, request.out
        if request.kind == PORTFOLIO:
            return reports.portfolio_report(db, day, language, out, progress, cancelled)
        if request.program_id is None:
            raise ValueError("a program report needs a program")
        return reports.program_report(
            db, request.program_id, day, language, out, progress, cancelled
        )

    return work


class ReportDialog(ExportDialog):
    """On the program shown (`shown.program_id`), the window's date, `shown.language`."""

    NAME = "reportDialog"
    TITLE = QT_TRANSLATE_NOOP("ReportDialog", "Export report")
    CANCELLABLE = True  # the service checks between batches of rows
    written: ReportOutcome | None

    def build(self, shown: Shown) -> None:
        assert shown.as_of is not None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Program report"), PROGRAM)
        self.kind.addItem(self.tr("Portfolio report"), PORTFOLIO)
        self.as_of = date_edit(shown.as_of)
        self.language = language_combo(shown.language)
        form = self.form_layout
        form.addRow(self.tr("&Report"), self.kind)
        form.addRow(self.tr("&Program"), self.program)
        form.addRow(self.tr("&As of"), self.as_of)
        form.addRow(self.tr("&Language"), self.language)
        self.add_file_rows()
        self.kind.currentIndexChanged.connect(self._on_choice_changed)
        self.as_of.dateChanged.connect(self._on_choice_changed)
        self.language.currentIndexChanged.connect(self._on_choice_changed)

    # --- the choices ----------------------------------------------------------

    def chosen_kind(self) -> str:
        return PORTFOLIO if self.kind.currentData() == PORTFOLIO else PROGRAM

    def chosen_program(self) -> int | None:
        return super().chosen_program() if self.chosen_kind() == PROGRAM else None

    def chosen_language(self) -> str:
        return language_of(self.language)

    def suggested_name(self) -> str:
        day = formats.from_qdate(self.as_of.date())
        return suggested_name(self.chosen_reference(), day, self.chosen_language())

    @Slot()
    def _on_choice_changed(self) -> None:
        self.program.setEnabled(self.chosen_kind() == PROGRAM)
        self.follow_choices()

    def request(self) -> ReportRequest | None:
        """What the fields ask for, or None after saying what is missing."""
        out = self.chosen_file()
        if out is None:
            self.say(self.tr("Choose the file to write the report to."))
            return None
        if self.chosen_kind() == PROGRAM and self.chosen_program() is None:
            self.say(self.tr("Choose the program to report on."))
            return None
        return ReportRequest(
            kind=self.chosen_kind(),
            program_id=self.chosen_program(),
            as_of=formats.from_qdate(self.as_of.date()),
            language=self.chosen_language(),
            out=out,
        )

    # --- writing --------------------------------------------------------------

    def prepared(self) -> tuple[Path, Work] | None:
        request = self.request()
        if request is None:
            return None
        self.say("")
        return request.out, report_work(self._db, request)

    def remember(self, out: Path) -> None:
        if self._settings is not None:
            self._settings.set_report_language(self.chosen_language())
        super().remember(out)

    def written_message(self, outcome: object) -> QMessageBox:
        assert isinstance(outcome, ReportOutcome)
        return self.message(
            outcome.path,
            self.tr("The report was written to {path}.").format(path=outcome.path),
            self.tr("&Open the report"),
            "reportWrittenBox",
        )

    def job_cancelled(self) -> None:
        self.tell(
            QMessageBox.Icon.Information,
            self.tr("The report was cancelled: {path} was not written.").format(
                path=self.file.text()
            ),
        )


class ReportAction(ExportAction):
    """File > Export report…: opens the dialog (kept in `dialog`) on what the window shows."""

    TEXT = QT_TRANSLATE_NOOP("ReportAction", "&Export report…")
    DIALOG = ReportDialog
    dialog: ReportDialog | None
