"""The data-collection dialogs for `pilotage screenshots`: the template dialog on the program
shown, and an import's preview with a sample of what a partner sends back (rows new,
changed, unchanged and rejected, as the demo's 2025-Q4 figures would give them).

The preview is built from plain rows rather than from a filled workbook: the GUI reads
no workbook itself, and a picture needs no file.
"""

from __future__ import annotations

from pathlib import Path

from pilotage.gui.dialogs.import_dialog import ImportPreviewDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QModelIndex, QThreadPool
from pilotage.gui.shot_support import Save, settle
from pilotage.services.measurement_import import (
    CellProblem,
    ImportPreview,
    PreviewRow,
    RowOutcome,
)

SAMPLE_FILE = Path("~/Documents/figures-MNC-2025-Q4.xlsx")
_NEW, _CHANGED, _SAME, _REJECTED = (
    RowOutcome.NEW,
    RowOutcome.CHANGED,
    RowOutcome.UNCHANGED,
    RowOutcome.REJECTED,
)


def _row(
    number: int,
    code: str,
    name: str,
    period: str,
    outcome: RowOutcome,
    old: str,
    new: str,
    problem: str = "",
) -> PreviewRow:
    problems = (CellProblem("Data", number, "K", "Value", problem),) if problem else ()
    return PreviewRow("Data", number, None, code, name, period, outcome, old, new, problems)


SAMPLE_ROWS = (
    _row(2, "CP-PART", "Partenaires mobilisés", "2025-Q4", _SAME, "14", "14"),
    _row(3, "JIT-APP", "Apprenants inscrits (phase pilote)", "2025-Q4", _NEW, "", "1200"),
    _row(4, "JIT-DIP", "Diplômés", "2025-Q4", _NEW, "", "310"),
    _row(10, "VIV-TAL", "Talents formés par les initiatives partenaires", "2025-12", _CHANGED,
         "68", "70"),
    _row(11, "ACC-CONV", "Conventions de collaboration signées", "2025-Q4", _REJECTED, "1", "",
         "must not be negative: it is a count"),
    _row(12, "EVT-ENT", "Entreprises formées", "2025-Q4", _REJECTED, "80", "",
         "“many” is text where a number is due"),
    _row(15, "EVT-NB", "Événements organisés", "2025-12", _NEW, "", "4"),
    _row(17, "VEI-NOT", "Notes de veille publiées", "2025-Q4", _SAME, "1", "1"),
)  # fmt: skip


def save_template_dialog(window: MainWindow, path: Path, save: Save) -> Path:
    """File > Export data-collection template… on the program shown, left without writing."""
    dialog = window.template_action.open_dialog()
    try:
        # The home folder as "~": the same picture on every machine.
        dialog.file.setText(dialog.file.text().replace(str(Path.home()), "~"))
        settle()
        return save(dialog, path)
    finally:
        dialog.reject()


def save_import_preview(window: MainWindow, path: Path, save: Save) -> Path:
    """An import's preview of the sample rows, a rejected row's reasons shown in full."""
    preview = ImportPreview(SAMPLE_FILE, "CP-MTNRA-MNC", SAMPLE_ROWS)
    dialog = ImportPreviewDialog(window.database(), QThreadPool.globalInstance(), preview, window)
    try:
        dialog.show()
        rejected = next(n for n, r in enumerate(SAMPLE_ROWS) if r.kpi_code == "EVT-ENT")
        # Current without being selected: the row keeps its red, its reasons show below.
        index: QModelIndex = dialog.model.index(rejected, 1)
        dialog.table.selectionModel().setCurrentIndex(
            index, dialog.table.selectionModel().SelectionFlag.NoUpdate
        )
        settle()
        return save(dialog, path)
    finally:
        dialog.reject()
        dialog.deleteLater()
