"""Adding, editing and deleting the records a page holds, as a person would: JobIntech's
milestones and budget lines on its page, the program's parties on the dashboard;
Ctrl+Z and Ctrl+Shift+Z take the changes back and redo them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from gui_support import click_node, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.domain.enums import PartyRole
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.pages.record_section import RecordSection
from pilotage.gui.qt import QDate, QDialogButtonBox, QLineEdit, QMessageBox, Qt, QWidget
from pilotage.services.budget import list_budget_lines
from pilotage.services.milestones import list_milestones
from pilotage.services.parties import list_parties

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
RECRUITING = "Recrutement des formateurs"


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation box is answered Yes; the questions asked are kept."""
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def _open(window: MainWindow, qtbot: QtBot, code: str) -> None:
    page = window.initiative_page if code.startswith("P1-") else window.program_page
    if code == "CP-MTNRA-MNC" and window.current_page() is page:
        return  # the window opens on the program's dashboard
    with qtbot.waitSignal(page.loaded):
        click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)


def _back_to(window: MainWindow, qtbot: QtBot) -> None:
    """The main window active again once a dialog closed (offscreen does not do it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _press(window: MainWindow, qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
    """Ctrl+Z (or Ctrl+Shift+Z), then wait until the tree and the page are reloaded."""
    _back_to(window, qtbot)
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(window, Qt.Key.Key_Z, modifiers)
    wait_idle(qtbot, window)


def _click_row(qtbot: QtBot, section: RecordSection, row: int) -> None:
    table = section.table
    rect = table.visualRect(section.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _double_click_row(qtbot: QtBot, section: RecordSection, row: int) -> None:
    """Press then double-click, as a real double-click arrives (Qt's views ignore a bare
    double-click event on a row never pressed)."""
    table = section.table
    rect = table.visualRect(section.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _form(qtbot: QtBot, section: RecordSection) -> FormDialog[object]:
    dialog = section.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)


def _ok(qtbot: QtBot, dialog: FormDialog[object]) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _titles(section: RecordSection) -> list[str]:
    return [section.model.index(r, 0).data() for r in range(section.model.rowCount())]


def test_add_a_late_milestone_and_find_it_on_the_dashboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    program = window.program_page
    assert program.late_model.rowCount() == 0  # the demo has none late on 2024-12-31
    _open(window, qtbot, "P1-JIT")
    page = window.initiative_page
    section = page.milestones
    assert section.model.rowCount() == 4
    assert section.add_button.isEnabled()
    assert not section.edit_button.isEnabled()  # nothing selected yet

    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = _form(qtbot, section)
    assert dialog.windowTitle() == "Add a milestone"
    assert dialog.heading.text() == "P1-JIT  JobIntech"
    qtbot.keyClicks(dialog.title_edit, RECRUITING)
    dialog.due_edit.setDate(QDate(2024, 10, 31))
    with qtbot.waitSignal(page.loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert section.dialog is None  # closed on OK

    # Listed by due date: after the graduation of June, before the review of January.
    assert _titles(section) == [
        "Lancement de la phase pilote",
        "Première promotion diplômée",
        RECRUITING,
        "Bilan de la phase pilote",
        "Passage à l'échelle : cahier des charges",
    ]
    selected = section.selected_row()  # the new milestone, ready to edit
    assert selected is not None
    assert selected.title == RECRUITING
    assert section.edit_button.isEnabled()
    # Due on 31 October, not done: 30 days of November and 31 of December late.
    assert section.model.index(2, section.model.columnCount() - 1).data() == "Late by 61 day(s)"
    assert (
        window.undo_action.text().replace("&", "") == f"Undo Add milestone {RECRUITING} to P1-JIT"
    )

    _open(window, qtbot, "CP-MTNRA-MNC")
    assert program.late_model.rowCount() == 1
    late = program.late_model.row_at(0)
    assert (late.title, late.initiative_code, late.days_late) == (RECRUITING, "P1-JIT", 61)
    assert program.late_title.text() == "Late milestones: 1"
    assert program.late.isVisible()


def test_delete_a_milestone_with_the_delete_key_undo_and_redo(
    window: MainWindow, qtbot: QtBot, questions: list[str]
) -> None:
    _open(window, qtbot, "P1-JIT")
    page = window.initiative_page
    section = page.milestones
    _click_row(qtbot, section, 1)  # Première promotion diplômée
    assert section.delete_button.isEnabled()
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert questions == ["Delete the milestone Première promotion diplômée of P1-JIT?"]
    assert "Première promotion diplômée" not in _titles(section)
    assert section.model.rowCount() == 3
    initiative_id = page.initiative.id if page.initiative else -1
    assert len(list_milestones(window.edits.db, initiative_id)) == 3  # type: ignore[union-attr]

    _press(window, qtbot, CTRL)
    assert _titles(section)[1] == "Première promotion diplômée"
    back = section.model.row_at(1)
    assert (back.due_date, back.done_date) == (date(2024, 6, 30), date(2024, 6, 28))

    _press(window, qtbot, CTRL_SHIFT)
    assert "Première promotion diplômée" not in _titles(section)
    assert section.model.rowCount() == 3


def test_a_refused_budget_line_shows_why_next_to_the_fields_and_saves_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open(window, qtbot, "P1-JIT")
    page = window.initiative_page
    section = page.budget
    assert page.initiative is not None
    db = window.edits.db  # type: ignore[union-attr]
    before = list_budget_lines(db, page.initiative.id)
    assert [line.year for line in before] == [2024, 2025, 2026]

    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = _form(qtbot, section)
    assert dialog.year_edit.text() == "2027"  # the year after the last line
    _retype(qtbot, dialog.year_edit, "1850")
    qtbot.keyClicks(dialog.planned_edit, "-5")
    _ok(qtbot, dialog)

    assert dialog.isVisible()  # stays open, to be corrected
    assert dialog.errors["year"].isVisible()
    assert dialog.errors["year"].text() == "must be a year between 1900 and 2200"
    assert dialog.errors["planned"].text() == "must be at least 0"
    assert not dialog.errors["committed"].isVisible()
    assert list_budget_lines(db, page.initiative.id) == before
    assert window.undo_stack.count() == 0
    assert section.model.rowCount() == 3

    # A year already budgeted is refused on the year too.
    _retype(qtbot, dialog.year_edit, "2025")
    _retype(qtbot, dialog.planned_edit, "100")
    _ok(qtbot, dialog)
    assert dialog.errors["year"].text() == "2025 already has a budget line for this initiative"
    assert not dialog.errors["planned"].isVisible()
    assert list_budget_lines(db, page.initiative.id) == before
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: section.dialog is None)


def test_spending_beyond_the_commitment_is_saved_with_a_warning(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open(window, qtbot, "P1-JIT")
    page = window.initiative_page
    section = page.budget
    assert not section.notice.isVisible()
    _click_row(qtbot, section, 1)  # 2025: 4 M planned, 2.5 M committed, 1.2 M disbursed
    qtbot.keyClick(section.table, Qt.Key.Key_Return)  # Enter edits
    dialog = _form(qtbot, section)
    assert dialog.windowTitle() == "Edit a budget line"
    _retype(qtbot, dialog.disbursed_edit, "3 000 000")
    with qtbot.waitSignal(page.loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)

    line = section.model.row_at(1)
    assert (line.year, line.disbursed) == (2025, Decimal("3000000.00"))
    warning = "disbursed (3,000,000.00) exceeds committed (2,500,000.00)"
    assert section.notice.isVisible()
    assert section.notice.text() == f"Budget line 2025 saved, with a warning: {warning}"
    assert section.model.index(1, section.model.NOTE).data() == warning
    assert page.budget_total.text() == (
        "Total: planned 12,000,000.00 MAD, committed 6,300,000.00 MAD, disbursed 6,500,000.00 MAD"
    )

    _press(window, qtbot, CTRL)  # the warning goes with the change
    assert section.model.row_at(1).disbursed == Decimal("1200000.00")
    assert not section.notice.isVisible()


def test_edit_a_signatory_by_double_click_and_undo(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "CP-MTNRA-MNC")
    page = window.program_page
    section = page.parties
    assert section.model.index(1, 2).data() == "Mehdi Kettani"
    _double_click_row(qtbot, section, 1)
    dialog = _form(qtbot, section)
    assert dialog.windowTitle() == "Edit a party"
    assert dialog.heading.text().startswith("CP-MTNRA-MNC  Contrat-programme pour le")
    assert dialog.organization_combo.currentText() == "Maroc Numeric Cluster (MNC)"
    assert dialog.role_combo.currentText() == "Contractor"
    assert dialog.name_edit.text() == "Mehdi Kettani"
    _retype(qtbot, dialog.name_edit, "Nawfal Chraibi")
    _retype(qtbot, dialog.title_edit, "Vice-president")
    with qtbot.waitSignal(page.loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)

    assert section.model.index(1, 2).data() == "Nawfal Chraibi"
    assert section.model.index(1, 3).data() == "Vice-president"
    assert section.selected_row() == section.model.row_at(1)  # still selected
    program_id = page.tree.program.id if page.tree else -1
    db = window.edits.db  # type: ignore[union-attr]
    contractor = next(p for p in list_parties(db, program_id) if p.role is PartyRole.CONTRACTOR)
    assert contractor.signatory_name == "Nawfal Chraibi"
    assert window.undo_action.text().replace("&", "") == (
        "Undo Edit party Maroc Numeric Cluster (MNC) of CP-MTNRA-MNC"
    )

    _press(window, qtbot, CTRL)
    assert section.model.index(1, 2).data() == "Mehdi Kettani"
    assert section.model.index(1, 3).data() == "Président de Maroc Numeric Cluster"


def test_add_a_party_refused_twice_in_the_same_role_then_remove_it(
    window: MainWindow, qtbot: QtBot, questions: list[str]
) -> None:
    _open(window, qtbot, "CP-MTNRA-MNC")
    page = window.program_page
    section = page.parties
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = _form(qtbot, section)
    # The organizations by name: CDG, MNC, the ministry.
    assert dialog.organization_combo.count() == 3
    dialog.organization_combo.setCurrentIndex(
        dialog.organization_combo.findText("Caisse", Qt.MatchFlag.MatchStartsWith)
    )
    assert dialog.role_combo.currentText() == "Partner"  # CDG is a partner already
    _ok(qtbot, dialog)
    assert dialog.errors["role"].text() == (
        "Caisse de Dépôt et de Gestion is already partner of this program"
    )
    assert window.undo_stack.count() == 0

    dialog.role_combo.setCurrentIndex(dialog.role_combo.findText("Funder"))
    qtbot.keyClicks(dialog.name_edit, "Khalid Safir")
    with qtbot.waitSignal(page.loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    roles = [section.model.index(r, 0).data() for r in range(section.model.rowCount())]
    assert roles == ["Contracting authority", "Contractor", "Funder", "Partner"]
    assert section.model.index(2, 2).data() == "Khalid Safir"

    _back_to(window, qtbot)
    _click_row(qtbot, section, 2)
    assert section.delete_button.text() == "Remove…"
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert questions == [
        "Remove Caisse de Dépôt et de Gestion (CDG) (Funder) from CP-MTNRA-MNC? "
        "The organization stays."
    ]
    assert section.model.rowCount() == 3
    _press(window, qtbot, CTRL)
    assert section.model.rowCount() == 4
    assert section.model.index(2, 2).data() == "Khalid Safir"


def test_nothing_to_edit_without_a_selection_or_an_editing_context(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open(window, qtbot, "P1-JIT")
    section = window.initiative_page.milestones
    assert section.add_button.isEnabled()
    assert not section.edit_button.isEnabled()
    assert not section.delete_button.isEnabled()
    _click_row(qtbot, section, 0)
    assert section.edit_button.isEnabled()
    assert section.delete_button.isEnabled()
    # The table's context menu holds the same actions, in the same state.
    assert [(a.text(), a.isEnabled()) for a in section.table.actions()] == [
        ("Add a milestone…", True),
        ("Edit the milestone…", True),
        ("Delete the milestone…", True),
    ]
    assert section.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    section.edit_action.trigger()
    dialog = _form(qtbot, section)
    assert dialog.title_edit.text() == "Lancement de la phase pilote"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: section.dialog is None)
    assert window.undo_stack.count() == 0

    section.set_editing(None, None)
    assert not section.add_button.isEnabled()
    assert not section.edit_button.isEnabled()
    _double_click_row(qtbot, section, 0)
    assert section.dialog is None  # nothing opens


def test_mark_a_milestone_done_then_undo(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "P1-JIT")
    page = window.initiative_page
    section = page.milestones
    model = section.model
    assert model.index(3, model.DONE).data() == "—"
    _double_click_row(qtbot, section, 3)  # Passage à l'échelle, due 2025-09-30
    dialog = _form(qtbot, section)
    assert dialog.windowTitle() == "Edit a milestone"
    assert not dialog.done_edit.check.isChecked()
    assert not dialog.done_edit.edit.isEnabled()
    qtbot.mouseClick(dialog.done_edit.check, Qt.MouseButton.LeftButton)
    assert dialog.done_edit.edit.isEnabled()
    dialog.done_edit.edit.setDate(QDate(2024, 12, 20))
    with qtbot.waitSignal(page.loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert model.index(3, model.DONE).data() == "2024-12-20"
    assert model.index(3, model.STATE).data() == "Done"
    assert window.undo_action.text().replace("&", "") == (
        "Undo Edit milestone Passage à l'échelle : cahier des charges of P1-JIT"
    )

    _press(window, qtbot, CTRL)
    assert model.index(3, model.DONE).data() == "—"
    assert model.index(3, model.STATE).data() == "Upcoming"
