"""The data-collection round trip through the window, with the real services: File > Export
data-collection template… writes the demo's 2025-Q4 template; a partner fills it (here
openpyxl, following exchange/template_layout.py); File > Import workbook… previews it
(rows counted by hand below), a rejected row red with its reason; Save errors copy
writes a workbook; Apply valid rows records the rest and the KPI page shows the new
figure. Screenshots of the template dialog and of the preview are kept to look at."""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import export_support
import openpyxl
import pytest
from export_support import WAIT_MS, choose_in_file_menu, done_box, opened_dialog
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.exchange import template_layout as layout
from pilotage.gui.dialogs.template_dialog import TemplateDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.import_rows_model import TINTS, ImportRowsModel
from pilotage.gui.qt import (
    QColor,
    QDate,
    QFileDialog,
    QMessageBox,
    QPushButton,
    Qt,
)
from pilotage.services.measurement_import import RowOutcome

SHOTS = Path(tempfile.gettempdir()) / "pilotage-shots"  # kept after the run, to look at
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")

# What the partner types, by KPI and period, and what each row then does (by hand, from the
# demo: JIT-APP, JIT-DIP and EVT-NB 2025-12 have nothing recorded; VIV-TAL 2025-12 is a
# draft of 68; VEI-NOT 2025-Q4 holds 1 and CP-PART 2025-Q4 holds 14, both validated;
# "many" is no number; ACC-CONV counts conventions, never fewer than none).
FILLED: dict[tuple[str, str], tuple[object, RowOutcome]] = {
    ("CP-PART", "2025-Q4"): (14, RowOutcome.UNCHANGED),
    ("JIT-APP", "2025-Q4"): (1200, RowOutcome.NEW),
    ("JIT-DIP", "2025-Q4"): (310, RowOutcome.NEW),
    ("VIV-TAL", "2025-12"): (70, RowOutcome.CHANGED),
    ("ACC-CONV", "2025-Q4"): (-2, RowOutcome.REJECTED),
    ("EVT-ENT", "2025-Q4"): ("many", RowOutcome.REJECTED),
    ("EVT-NB", "2025-12"): (4, RowOutcome.NEW),
    ("VEI-NOT", "2025-Q4"): (1, RowOutcome.UNCHANGED),
}


settings = export_support.settings_in_tmp
win = export_support.english_window


def shoot(widget: object, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    assert widget.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def fill(template: Path, filled: Path) -> int:
    """Type the partner's figures into the value column; the number of rows filled."""
    wb = openpyxl.load_workbook(template)
    ws = wb["Data"]
    code_at = layout.INDEX[layout.Field.KPI_CODE]
    period_at = layout.INDEX[layout.Field.PERIOD]
    value_at = layout.INDEX[layout.Field.VALUE]
    typed = 0
    for number in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        key = (ws.cell(number, code_at).value, ws.cell(number, period_at).value)
        if key in FILLED:
            ws.cell(number, value_at).value = FILLED[key][0]
            typed += 1
    wb.save(filled)
    return typed


def test_template_out_figures_back_in_through_the_window(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --- the template, for the whole program, 2025-Q4 ---
    click_node(qtbot, win.tree, "CP-MTNRA-MNC")
    wait_idle(qtbot, win)
    choose_in_file_menu(qtbot, win, "Export data-collection template…")
    dialog = opened_dialog(qtbot, win.template_action.dialog)
    assert isinstance(dialog, TemplateDialog)
    dialog.end.setDate(QDate(2025, 12, 31))
    dialog.start.setDate(QDate(2025, 10, 1))
    template = tmp_path / "CP-MTNRA-MNC-template-2025-Q4-en.xlsx"
    assert dialog.file.text() == str(template)
    shoot(dialog, "template-dialog.png")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    box = done_box(qtbot, dialog)
    assert box.text() == f"The template was written to {template}."
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)

    # --- the partner fills it ---
    filled = tmp_path / "figures-MNC.xlsx"
    assert fill(template, filled) == len(FILLED)  # every KPI and period above has its row

    # --- the preview ---
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(filled), ""))
    choose_in_file_menu(qtbot, win, "Import workbook…")
    action = win.import_action
    qtbot.waitUntil(
        lambda: action.preview_dialog is not None or action.message_box is not None,
        timeout=WAIT_MS,
    )
    assert action.message_box is None
    preview = action.preview_dialog
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert preview.summary.text() == "3 new, 1 changed, 2 unchanged, 2 rejected"
    model = preview.model
    assert isinstance(model, ImportRowsModel)
    by_kpi = {
        (
            model.index(r, ImportRowsModel.KPI).data(),
            model.index(r, ImportRowsModel.PERIOD).data(),
        ): r
        for r in range(model.rowCount())
    }
    assert set(by_kpi) == set(FILLED)
    for key, (_typed, outcome) in FILLED.items():
        assert model.row_at(by_kpi[key]).outcome is outcome, key
    many = by_kpi[("EVT-ENT", "2025-Q4")]
    assert model.index(many, ImportRowsModel.OUTCOME).data() == "Rejected"
    assert model.index(many, ImportRowsModel.RECORDED).data() == "80"
    reason = model.index(many, ImportRowsModel.PROBLEMS).data()
    assert reason.startswith("Value: ")
    assert "many" in reason
    background = model.index(many, ImportRowsModel.KPI).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == QColor(TINTS[RowOutcome.REJECTED])
    changed = by_kpi[("VIV-TAL", "2025-12")]
    assert model.index(changed, ImportRowsModel.RECORDED).data() == "68"
    assert model.index(changed, ImportRowsModel.IN_FILE).data() == "70"
    assert not preview.apply_button.isVisible()
    # Clicking the rejected row shows its reasons in full under the table.
    view = preview.table
    cell = model.index(many, ImportRowsModel.KPI)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    # EVT-ENT is the 11th row due: after CP-PART, four of P1-JIT, four of P1-VIV, ACC-CONV.
    assert preview.detail.text() == f"Data!K12 (Value): {reason.removeprefix('Value: ')}"
    view.clearSelection()  # the row's red, not the selection's colour, in the picture
    shoot(preview, "import-preview.png")

    # --- the errors copy, to send back ---
    errors = tmp_path / "figures-MNC-errors.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(errors), ""))
    qtbot.mouseClick(preview.save_errors_button, Qt.MouseButton.LeftButton)
    written = done_box(qtbot, preview)
    assert written.text() == f"The copy with the errors marked was written to {errors}."
    qtbot.mouseClick(written.button(QMessageBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert openpyxl.load_workbook(errors, read_only=True).sheetnames  # a workbook

    # --- apply the valid rows ---
    with qtbot.waitSignal(win.tree_loaded, timeout=WAIT_MS):
        qtbot.mouseClick(preview.apply_valid_button, Qt.MouseButton.LeftButton)
    applied = preview.done_box
    assert applied is not None
    assert applied is not written
    assert applied.text() == "3 measurements recorded, 1 changed. 2 rejected rows were left out."
    (ok,) = [b for b in applied.buttons() if isinstance(b, QPushButton)]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    # --- the KPI page shows the new figure ---
    click_node(qtbot, win.tree, "JIT-APP")
    wait_idle(qtbot, win)
    page = win.kpi_page
    qtbot.waitUntil(lambda: page.measurements_model.rowCount() > 0, timeout=WAIT_MS)
    rows = {(m.period_start, m.period_end): m for m in page.measurements_model.rows()}
    assert rows[(date(2025, 10, 1), date(2025, 12, 31))].value == Decimal(1200)

    # --- the same file again: the valid rows are now unchanged ---
    choose_in_file_menu(qtbot, win, "Import workbook…")
    qtbot.waitUntil(
        lambda: action.preview_dialog is not None and action.preview_dialog is not preview,
        timeout=WAIT_MS,
    )
    again = action.preview_dialog
    assert again is not None
    qtbot.waitUntil(again.isVisible)
    assert again.summary.text() == "0 new, 0 changed, 6 unchanged, 2 rejected"
    assert not again.apply_valid_button.isVisible()
    again.reject()
