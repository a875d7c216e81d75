"""File > Export program workbook…: a whole program (structure, targets, measurements,
milestones, budget) in one workbook, to prepare in Excel, hand to another team or move
to another database (File > Import workbook… reads it back).

Written off the GUI thread (a busy bar, the dialog disabled), then the message that
opens the workbook or its folder. A failure is one sentence; the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.dialogs.export_dialog import SUFFIX, ExportAction, ExportDialog, Shown, safe_stem
from pilotage.gui.jobs import Cancelled, Progress, Work
from pilotage.gui.qt import QT_TRANSLATE_NOOP, QMessageBox, QThreadPool, QWidget
from pilotage.gui.settings import Settings
from pilotage.services import program_transfer
from pilotage.services.program_transfer import TransferOutcome


def suggested_name(reference: str) -> str:
    """ "CP-MTNRA-MNC-program.xlsx" """
    return f"{safe_stem(reference) or 'program'}-program{SUFFIX}"


class ProgramExportDialog(ExportDialog):
    """On the program shown; the name follows the program until the analyst has their own."""

    NAME = "programExportDialog"
    TITLE = QT_TRANSLATE_NOOP("ProgramExportDialog", "Export program workbook")
    written: TransferOutcome | None

    def build(self, shown: Shown) -> None:
        self.form_layout.addRow(self.tr("&Program"), self.program)
        self.add_file_rows()

    def suggested_name(self) -> str:
        return suggested_name(self.chosen_reference() or "")

    def prepared(self) -> tuple[Path, Work] | None:
        program = self.chosen_program()
        out = self.chosen_file()
        if program is None:
            self.say(self.tr("Choose the program to export."))
            return None
        if out is None:
            self.say(self.tr("Choose the file to write the program to."))
            return None
        self.say("")
        db = self._db

        def work(_progress: Progress, _cancelled: Cancelled) -> TransferOutcome:
            return program_transfer.export_program(db, program, out)  # in one go

        return out, work

    def written_message(self, outcome: object) -> QMessageBox:
        assert isinstance(outcome, TransferOutcome)
        counts = outcome.counts
        return self.message(
            outcome.path,
            self.tr("Program {reference} was written to {path}.").format(
                reference=outcome.reference, path=outcome.path
            ),
            self.tr("&Open the workbook"),
            "programWrittenBox",
            self.tr("{kpis} KPIs, {measurements} measurements.").format(
                kpis=formats.number(counts.get("kpis", 0)),
                measurements=formats.number(counts.get("measurements", 0)),
            ),
        )


class ProgramExportAction(ExportAction):
    """File > Export program workbook…: the dialog (kept in `dialog`) on the program shown."""

    TEXT = QT_TRANSLATE_NOOP("ProgramExportAction", "Export &program workbook…")
    DIALOG = ProgramExportDialog
    dialog: ProgramExportDialog | None

    def __init__(
        self,
        window: QWidget,
        settings: Settings | None,
        pool: QThreadPool,
        db: Callable[[], Database],
        program_id: Callable[[], int | None],
    ) -> None:
        super().__init__(window, settings, pool, db, None, None, program_id)
