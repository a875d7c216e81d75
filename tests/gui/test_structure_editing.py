"""Creating, editing, deleting and moving pillars, initiatives and KPIs from the window,
as a person would: menus, shortcuts, forms; Ctrl+Z and Ctrl+Shift+Z take each back."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import pytest
from editing_support import (
    CTRL,
    CTRL_SHIFT,
    POPUP_LOG,
    back_to,
    children,
    choose_from_context_menu,
    choose_from_edit_menu,
    click_ok,
    open_form,
    press,
    retype,
)
from gui_support import click_node, current_code, find_index, wait_idle
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.enums import Measure, OwnerKind
from pilotage.gui.editing import structure_changes
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_model import CodeRole, NameRole
from pilotage.gui.qt import QMessageBox, Qt, QToolBar
from pilotage.gui.undo import commands
from pilotage.services.initiatives import get_initiative, list_initiatives
from pilotage.services.kpis import list_kpis
from pilotage.services.pillars import PillarInput, delete_pillar, list_pillars, update_pillar
from pilotage.services.programs import list_programs
from pilotage.services.undo import restore_deleted

T = TypeVar("T")

PROGRAM = "CP-MTNRA-MNC"


@pytest.fixture(autouse=True)
def _say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every confirmation box is answered Yes."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes
    )


def _pillar_codes(db: Database) -> list[str]:
    return [p.code for p in list_pillars(db, list_programs(db)[0].id)]


def _pillars_in_tree(window: MainWindow) -> list[str]:
    # The program's own KPI (CP-PART) comes first, then its pillars.
    return [code for code in children(window, PROGRAM) if code in {"P1", "P2", "P3", "P4"}]


def _select(window: MainWindow, qtbot: QtBot, code: str) -> None:
    click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    assert current_code(window.tree) == code


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_create_a_pillar_from_the_edit_menu_then_undo_and_redo(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _select(window, qtbot, PROGRAM)
    choose_from_edit_menu(window, qtbot, "New pillar…")
    dialog = open_form(window, qtbot)
    qtbot.keyClicks(dialog.code_edit, "P4")
    qtbot.keyClicks(dialog.title_edit, "Gouvernance du programme")
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert window.record_actions.dialog is None  # closed on OK
    assert _pillars_in_tree(window) == ["P1", "P2", "P3", "P4"]
    assert current_code(window.tree) == "P4"  # the new pillar is selected
    assert window.current_page() is window.pillar_page
    assert _pillar_codes(demo_db) == ["P1", "P2", "P3", "P4"]
    assert window.undo_action.text().replace("&", "") == "Undo New pillar P4"

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert _pillars_in_tree(window) == ["P1", "P2", "P3"]
    assert _pillar_codes(demo_db) == ["P1", "P2", "P3"]

    press(window, qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _pillars_in_tree(window) == ["P1", "P2", "P3", "P4"]


def test_edit_an_initiative_name_with_ctrl_e_then_undo_and_redo(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _select(window, qtbot, "P1-JIT")
    back_to(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = open_form(window, qtbot)
    assert dialog.code_edit.text() == "P1-JIT"  # filled with what is stored
    assert dialog.name_edit.text() == "JobIntech"
    retype(qtbot, dialog.name_edit, "JobInTech 2025")
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    node = find_index(window.proxy, "P1-JIT")
    assert node.data(NameRole) == "JobInTech 2025"
    initiative = list_initiatives(demo_db, list_pillars(demo_db, 1)[0].id)[0]
    assert (initiative.code, initiative.name) == ("P1-JIT", "JobInTech 2025")
    # The other fields are saved as they were.
    assert initiative.partner_ids == (3,)  # CDG
    assert initiative.planned_budget == Decimal("12000000")

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert find_index(window.proxy, "P1-JIT").data(NameRole) == "JobIntech"
    assert get_initiative(demo_db, initiative.id).name == "JobIntech"

    press(window, qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert find_index(window.proxy, "P1-JIT").data(NameRole) == "JobInTech 2025"


def test_a_duplicate_pillar_code_is_shown_next_to_the_field_and_nothing_is_saved(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _select(window, qtbot, "P2")
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)  # F2 edits in the navigator
    dialog = open_form(window, qtbot)
    assert dialog.code_edit.text() == "P2"
    retype(qtbot, dialog.code_edit, "p1")  # codes are compared without case
    click_ok(qtbot, dialog)
    assert dialog.isVisible()  # it stays open, to be corrected
    error = dialog.errors["code"]
    assert error.isVisible()
    assert "already the code of another pillar" in error.text()
    assert not dialog.errors["title"].isVisible()
    assert window.undo_stack.count() == 0
    assert _pillar_codes(demo_db) == ["P1", "P2", "P3"]

    retype(qtbot, dialog.code_edit, "P2b")  # corrected: saved
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    assert _pillar_codes(demo_db) == ["P1", "P2b", "P3"]


def test_an_empty_initiative_name_is_refused_next_to_the_field(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _select(window, qtbot, "P1-VIV")
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    dialog = open_form(window, qtbot)
    retype(qtbot, dialog.name_edit, "   ")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["name"].isVisible()
    assert dialog.errors["name"].text() == "is required"
    assert window.undo_stack.count() == 0
    names = [i.name for i in list_initiatives(demo_db, list_pillars(demo_db, 1)[0].id)]
    assert names == ["JobIntech", "Autres initiatives pour le vivier de talents"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.record_actions.dialog is None)


def test_delete_a_pillar_with_the_delete_key_undo_brings_back_all_it_held(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _select(window, qtbot, "P1")
    window.tree.setFocus()
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert _pillars_in_tree(window) == ["P2", "P3"]
    assert not find_index(window.proxy, "JIT-DIP").isValid()
    assert _pillar_codes(demo_db) == ["P2", "P3"]
    assert current_code(window.tree) == PROGRAM  # its program rather than an empty page
    assert window.undo_action.text().replace("&", "") == "Undo Delete pillar P1"

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert _pillars_in_tree(window) == ["P1", "P2", "P3"]
    assert children(window, "P1") == ["P1-JIT", "P1-VIV"]
    assert children(window, "P1-JIT") == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]
    assert children(window, "P1-VIV") == ["VIV-DEL", "VIV-TAL"]
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    wait_idle(qtbot, window)
    assert window.kpi_page.measurements_model.rowCount() == 3  # 2024-Q2..Q4 of the demo

    press(window, qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _pillars_in_tree(window) == ["P2", "P3"]


def test_move_a_pillar_up_with_the_keyboard_and_undo(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _select(window, qtbot, "P1")
    assert not window.record_actions.move_up_action.isEnabled()  # already first
    assert window.record_actions.move_down_action.isEnabled()
    _select(window, qtbot, "P2")
    window.tree.setFocus()
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(window.tree, Qt.Key.Key_Up, CTRL_SHIFT)
    wait_idle(qtbot, window)
    assert _pillars_in_tree(window) == ["P2", "P1", "P3"]
    assert _pillar_codes(demo_db) == ["P2", "P1", "P3"]
    assert current_code(window.tree) == "P2"  # it stays selected where it went
    assert window.undo_action.text().replace("&", "") == "Undo Move pillar P2 up"

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert _pillars_in_tree(window) == ["P1", "P2", "P3"]
    assert _pillar_codes(demo_db) == ["P1", "P2", "P3"]
    press(window, qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _pillar_codes(demo_db) == ["P2", "P1", "P3"]


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_create_a_kpi_on_an_initiative_from_its_context_menu(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    choose_from_context_menu(window, qtbot, "P1-JIT", "New KPI…")
    dialog = open_form(window, qtbot)
    assert "P1-JIT" in dialog.heading.text()
    qtbot.keyClicks(dialog.code_edit, "JIT-FEM")
    qtbot.keyClicks(dialog.name_edit, "Part des femmes diplomees")
    qtbot.keyClicks(dialog.unit_edit, "%")
    dialog.measure_combo.setCurrentIndex(dialog.measure_combo.findData(Measure.PERCENTAGE))
    qtbot.keyClicks(dialog.target_edit, "45")
    qtbot.keyClicks(dialog.green_edit, "85")
    qtbot.keyClicks(dialog.amber_edit, "60")
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert children(window, "P1-JIT") == ["JIT-APP", "JIT-DIP", "JIT-FEM", "JIT-INS", "JIT-TXD"]
    assert current_code(window.tree) == "JIT-FEM"
    assert window.current_page() is window.kpi_page
    kpi = next(k for k in list_kpis(demo_db, 1) if k.code == "JIT-FEM")
    assert (kpi.owner_kind, kpi.measure, kpi.unit) == (
        OwnerKind.INITIATIVE,
        Measure.PERCENTAGE,
        "%",
    )
    assert (kpi.target_value, kpi.green, kpi.amber) == (
        Decimal(45),
        Decimal("0.85"),
        Decimal("0.6"),
    )

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert children(window, "P1-JIT") == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_move_an_initiative_to_another_pillar_and_undo(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    choose_from_context_menu(window, qtbot, "P1-VIV", "Move to pillar…")
    dialog = open_form(window, qtbot)
    combo = dialog.pillar_combo
    assert [combo.itemText(i).split()[0] for i in range(combo.count())] == ["P2", "P3"]
    combo.setCurrentIndex(1)
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert children(window, "P1") == ["P1-JIT"]
    assert children(window, "P3") == ["P1-VIV", "P3-BEX", "P3-INN", "P3-VEI"]
    assert children(window, "P1-VIV") == ["VIV-DEL", "VIV-TAL"]  # its KPIs went with it

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert children(window, "P1") == ["P1-JIT", "P1-VIV"]


def test_a_delete_refused_because_the_pillar_changed_meanwhile_shows_a_warning(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_args: warnings.append(text)
    )
    _select(window, qtbot, "P3")
    pillar = list_pillars(demo_db, 1)[2]
    # Someone else renames it; the tree still shows the version it read.
    update_pillar(demo_db, pillar.id, pillar.version, PillarInput("P3", "Veille"))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(warnings) == 1
    # Who and when, in the window's words (the audit's "who" is this test's OS user).
    assert re.fullmatch(
        r"\S+ changed this record at \S+ \d\d:\d\d, after you had opened it: your change "
        r"was not saved\.",
        warnings[0],
    ), warnings[0]
    assert _pillar_codes(demo_db) == ["P1", "P2", "P3"]
    assert window.undo_stack.count() == 0


def test_each_action_is_enabled_only_where_it_applies(window: MainWindow, qtbot: QtBot) -> None:
    actions = window.record_actions

    def enabled() -> set[str]:
        named = {
            "program": actions.new_program_action,
            "pillar": actions.new_pillar_action,
            "initiative": actions.new_initiative_action,
            "kpi": actions.new_kpi_action,
            "edit": actions.edit_action,
            "delete": actions.delete_action,
            "up": actions.move_up_action,
            "down": actions.move_down_action,
            "to pillar": actions.move_to_pillar_action,
        }
        return {name for name, action in named.items() if action.isEnabled()}

    everywhere = {"program", "pillar", "edit", "delete"}
    _select(window, qtbot, PROGRAM)
    assert enabled() == everywhere | {"kpi"}
    _select(window, qtbot, "CP-PART")  # a KPI of the program itself: no pillar around it
    assert enabled() == everywhere | {"kpi"}
    _select(window, qtbot, "P3")
    assert enabled() == everywhere | {"initiative", "kpi", "up"}
    _select(window, qtbot, "P2-EVT")
    assert enabled() == everywhere | {"initiative", "kpi", "to pillar"}
    _select(window, qtbot, "JIT-DIP")
    assert enabled() == everywhere | {"initiative", "kpi"}


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_create_an_initiative_with_its_lead_and_a_partner(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    choose_from_context_menu(window, qtbot, "P2", "New initiative…")
    dialog = open_form(window, qtbot)
    assert "P2" in dialog.heading.text()
    qtbot.keyClicks(dialog.code_edit, "P2-HUB")
    qtbot.keyClicks(dialog.name_edit, "Hub regional")
    lead = dialog.lead_combo
    assert lead.currentText() == "(none)"
    lead.setCurrentIndex(lead.findText("Maroc Numeric Cluster (MNC)"))
    partners = dialog.partners_list
    cdg = partners.findItems("Caisse de Dépôt et de Gestion (CDG)", Qt.MatchFlag.MatchExactly)[0]
    partners.setFocus()
    partners.setCurrentItem(cdg)
    qtbot.keyClick(partners, Qt.Key.Key_Space)  # ticks it
    qtbot.keyClicks(dialog.budget_edit, "2 500 000")
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert children(window, "P2") == ["P2-ACC", "P2-EVT", "P2-HUB"]
    assert current_code(window.tree) == "P2-HUB"
    pillar = list_pillars(demo_db, 1)[1]
    created = next(i for i in list_initiatives(demo_db, pillar.id) if i.code == "P2-HUB")
    assert (created.lead_organization_id, created.partner_ids) == (2, (3,))  # MNC; CDG
    assert created.planned_budget == Decimal(2500000)


def test_the_edit_toolbar_offers_new_edit_delete_and_moves(window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "editToolbar")
    assert toolbar is not None
    actions = window.record_actions
    shown = toolbar.actions()
    for action in (
        actions.edit_action,
        actions.delete_action,
        actions.move_up_action,
        actions.move_down_action,
    ):
        assert action in shown
        assert action.toolTip()
    new_menu = actions.new_button.menu()
    assert [a.text().replace("&", "") for a in new_menu.actions()] == [
        "New program…",
        "New pillar…",
        "New initiative…",
        "New KPI…",
    ]


@pytest.mark.qt_log_ignore(POPUP_LOG)
def test_create_a_program_then_undo(window: MainWindow, qtbot: QtBot, demo_db: Database) -> None:
    choose_from_edit_menu(window, qtbot, "New program…")
    dialog = open_form(window, qtbot)
    qtbot.keyClicks(dialog.reference_edit, "CP-ZZ-TEST")
    qtbot.keyClicks(dialog.title_edit, "Programme de test")
    with qtbot.waitSignal(window.tree_loaded):
        click_ok(qtbot, dialog)
    wait_idle(qtbot, window)
    roots = [window.proxy.index(r, 0).data(CodeRole) for r in range(window.proxy.rowCount())]
    assert roots == [PROGRAM, "CP-ZZ-TEST"]
    assert current_code(window.tree) == "CP-ZZ-TEST"
    assert window.current_page() is window.program_page
    assert [p.reference for p in list_programs(demo_db)] == [PROGRAM, "CP-ZZ-TEST"]

    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert [p.reference for p in list_programs(demo_db)] == [PROGRAM]
    assert window.proxy.rowCount() == 1


def test_a_pillar_is_deleted_and_put_back_off_the_gui_thread(
    window: MainWindow, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []

    def recorded(call: Callable[..., T]) -> Callable[..., T]:
        def wrapper(*args: object) -> T:
            threads.append(threading.current_thread())
            return call(*args)

        return wrapper

    monkeypatch.setattr(structure_changes, "delete_pillar", recorded(delete_pillar))
    monkeypatch.setattr(commands, "restore_deleted", recorded(restore_deleted))
    _select(window, qtbot, "P1")
    window.tree.setFocus()
    with qtbot.waitSignal(window.tree_loaded):
        qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert _pillar_codes(demo_db) == ["P2", "P3"]
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert _pillar_codes(demo_db) == ["P1", "P2", "P3"]
    assert len(threads) == 2  # the delete, then its undo
    assert all(thread is not threading.main_thread() for thread in threads)
