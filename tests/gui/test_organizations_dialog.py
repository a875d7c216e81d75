"""Edit > Organizations…: the organizations listed, added, edited and deleted, as a person
would; a delete the service refuses (the organization is still used) says why."""

from __future__ import annotations

import pytest
from gui_support import wait_idle
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.enums import OrganizationKind
from pilotage.gui.dialogs.organizations_dialog import OrganizationsDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.organizations_model import OrganizationsModel
from pilotage.gui.qt import QDialogButtonBox, QMessageBox, Qt, QWidget
from pilotage.services.organizations import list_organizations

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
DEMO_NAMES = [
    "Caisse de Dépôt et de Gestion",
    "Maroc Numeric Cluster",
    "Ministère de la Transition numérique et de la Réforme de l'administration",
]


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation box is answered Yes; the questions asked are kept."""
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


def _open(window: MainWindow, qtbot: QtBot) -> OrganizationsDialog:
    assert window.organizations_action in window.edit_menu.actions()
    assert window.organizations_action.text() == "&Organizations…"
    window.organizations_action.trigger()
    dialog = window.organizations.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    _active(qtbot, dialog)
    return dialog


def _active(qtbot: QtBot, dialog: OrganizationsDialog) -> None:
    """The dialog active again once its form closed (offscreen does not do it)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def _names(dialog: OrganizationsDialog) -> list[str]:
    model = dialog.model
    return [model.index(r, model.NAME).data() for r in range(model.rowCount())]


def _click_row(qtbot: QtBot, dialog: OrganizationsDialog, name: str) -> None:
    _active(qtbot, dialog)
    row = _names(dialog).index(name)
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _ok(qtbot: QtBot, dialog: OrganizationsDialog) -> None:
    form = dialog.form
    assert form is not None
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_add_an_organization_refusing_a_taken_acronym_then_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window, qtbot)
    assert _names(dialog) == DEMO_NAMES
    assert not dialog.edit_button.isEnabled()  # nothing selected
    assert not dialog.delete_button.isEnabled()

    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    qtbot.waitExposed(form)
    assert form.windowTitle() == "Add an organization"
    qtbot.keyClicks(form.name_edit, "Agence de Developpement du Digital")
    qtbot.keyClicks(form.acronym_edit, "mnc")  # MNC's, whatever the case
    qtbot.keyClicks(form.founded_edit, "twenty")
    form.kind_combo.setCurrentIndex(form.kind_combo.findText("Public institution"))
    _ok(qtbot, dialog)
    assert form.isVisible()
    assert form.errors["founded_year"].text() == "is not a number"
    assert window.undo_stack.count() == 0

    form.founded_edit.clear()
    qtbot.keyClicks(form.founded_edit, "2017")
    _ok(qtbot, dialog)
    assert form.errors["acronym"].text() == "mnc is already used by another organization"
    assert not form.errors["founded_year"].isVisible()
    assert window.undo_stack.count() == 0

    qtbot.keyClick(form.acronym_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(form.acronym_edit, "ADD")
    with qtbot.waitSignal(window.tree_loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert dialog.form is None
    assert _names(dialog) == [
        "Agence de Developpement du Digital",
        *DEMO_NAMES,
    ]
    added = dialog.selected()  # the new one is selected
    assert added is not None
    assert (added.acronym, added.kind, added.founded_year) == (
        "ADD",
        OrganizationKind.PUBLIC_INSTITUTION,
        2017,
    )
    assert dialog.model.index(0, OrganizationsModel.KIND).data() == "Public institution"
    assert dialog.model.index(0, OrganizationsModel.FOUNDED).data() == "2017"
    assert window.undo_action.text().replace("&", "") == (
        "Undo Add organization Agence de Developpement du Digital"
    )

    # Ctrl+Z works from the dialog, on the window's stack.
    _active(qtbot, dialog)
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert _names(dialog) == DEMO_NAMES
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _names(dialog)[0] == "Agence de Developpement du Digital"
    assert len(list_organizations(window.edits.db)) == 4  # type: ignore[union-attr]
    wait_idle(qtbot, window)


def test_edit_an_organization_by_double_click(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Caisse de Dépôt et de Gestion")
    row = _names(dialog).index("Caisse de Dépôt et de Gestion")
    rect = dialog.table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = dialog.form
    assert form is not None
    qtbot.waitExposed(form)
    assert form.windowTitle() == "Edit an organization"
    assert form.acronym_edit.text() == "CDG"
    assert form.kind_combo.currentText() == "Public institution"
    assert form.notes_edit.toPlainText() == "Partenaire de MNC pour JobIntech."
    qtbot.keyClicks(form.website_edit, "https://www.cdg.ma")
    with qtbot.waitSignal(window.tree_loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    cdg = dialog.selected()
    assert cdg is not None
    assert (cdg.name, cdg.website, cdg.version) == (
        "Caisse de Dépôt et de Gestion",
        "https://www.cdg.ma",
        2,
    )
    assert dialog.model.index(row, OrganizationsModel.WEBSITE).data() == "https://www.cdg.ma"


def test_an_organization_still_used_is_not_deleted_and_says_why(
    window: MainWindow, qtbot: QtBot, questions: list[str]
) -> None:
    dialog = _open(window, qtbot)
    _click_row(qtbot, dialog, "Maroc Numeric Cluster")
    assert dialog.delete_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert questions == ["Delete the organization Maroc Numeric Cluster (MNC)?"]
    assert dialog.problem.isVisible()
    message = dialog.problem.text()
    assert message.startswith("Maroc Numeric Cluster is still referenced (1 program parties")
    assert message.endswith("it was not deleted.")
    assert _names(dialog) == DEMO_NAMES
    assert len(list_organizations(window.edits.db)) == 3  # type: ignore[union-attr]
    assert window.undo_stack.count() == 0


def test_delete_an_unused_organization_with_the_delete_key_and_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window, qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None
    qtbot.keyClicks(form.name_edit, "Technopark")
    with qtbot.waitSignal(window.tree_loaded):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert "Technopark" in _names(dialog)

    _click_row(qtbot, dialog, "Technopark")
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert _names(dialog) == DEMO_NAMES
    assert not dialog.problem.isVisible()
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    assert _names(dialog) == [*DEMO_NAMES, "Technopark"]


def test_close_forgets_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open(window, qtbot)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.organizations.dialog is None)


def test_organizations_model(qtmodeltester: ModelTester, demo_db: Database) -> None:
    model = OrganizationsModel()
    qtmodeltester.check(model)  # empty
    model.set_rows(list_organizations(demo_db))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, OrganizationsModel.ACRONYM).data() == "CDG"
    assert model.index(1, OrganizationsModel.KIND).data() == "Association"
    assert model.index(1, OrganizationsModel.FOUNDED).data() == "2010"
    assert model.row_of(model.row_at(2).id) == 2
    assert model.row_of(999_999) == -1
