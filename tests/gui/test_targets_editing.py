"""A KPI's per-period targets set, revised with a reason and removed from its page, as a
person would; each undoable, a refusal shown next to its field."""

from __future__ import annotations

from datetime import date

import pytest
from gui_support import DEMO_END, click_node, wait_idle
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from pilotage.db.database import Database
from pilotage.gui.dialogs.target_dialog import RevisionDialog, TargetDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.tables import TargetsModel
from pilotage.gui.qt import (
    QApplication,
    QContextMenuEvent,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    Qt,
    QTimer,
)
from pilotage.services.kpi_detail import kpi_detail
from pilotage.services.overview import program_trees
from pilotage.services.targets import list_targets

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kwargs: QMessageBox.StandardButton.Yes
    )


def _open(window: MainWindow, qtbot: QtBot, code: str) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)


def _reloaded(window: MainWindow, qtbot: QtBot) -> SignalBlocker:
    return qtbot.waitSignal(window.kpi_page.loaded, timeout=10_000)


def _ok(qtbot: QtBot, dialog: TargetDialog | RevisionDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _select(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.kpi_page.targets
    index = table.model().index(row, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def _undo(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with _reloaded(window, qtbot):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)


def _rows(model: TargetsModel) -> list[tuple[str, str, str, str]]:
    return [
        tuple(model.index(r, c).data() for c in (0, 1, 2, 4))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def _set_target(window: MainWindow, qtbot: QtBot, value: str) -> None:
    section = window.kpi_page.targets_section
    qtbot.mouseClick(section.set_button, Qt.MouseButton.LeftButton)
    dialog = window.kpi_page.dialog
    assert isinstance(dialog, TargetDialog)
    qtbot.waitExposed(dialog)
    # The KPI's final target date comes first: JIT-DIP's is the end of 2024.
    assert _day(dialog) == DEMO_END
    qtbot.keyClicks(dialog.value_edit, value)
    with _reloaded(window, qtbot):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)


def _day(dialog: TargetDialog | RevisionDialog) -> date:
    return dialog.period_end_edit.date().toPython()  # type: ignore[no-any-return]


def test_set_then_revise_a_target_with_a_reason_and_undo(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    section = page.targets_section
    model = page.targets_model
    assert model.rowCount() == 0  # the demo gives JIT-DIP its final target only
    assert section.empty.isVisible()
    assert "800" in page.target.text()

    _set_target(window, qtbot, "700")
    assert _rows(model) == [("2024-12-31", "700 diplômés", "Original", "")]
    assert page.targets.isVisible()
    assert "700" in page.target.text()  # the period's target replaces the final one
    assert window.undo_action.text().replace("&", "") == "Undo Set target 2024-12-31 of JIT-DIP"

    _select(qtbot, window, 0)
    qtbot.mouseClick(section.revise_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RevisionDialog)
    qtbot.waitExposed(dialog)
    assert _day(dialog) == DEMO_END
    assert dialog.value_edit.text() == "700"
    dialog.value_edit.selectAll()
    qtbot.keyClicks(dialog.value_edit, "750")
    _ok(qtbot, dialog)  # no reason: refused, next to the field
    assert dialog.isVisible()
    assert dialog.errors["reason"].isVisible()
    assert "required" in dialog.errors["reason"].text()
    kpi_id = page.measurements_model.row_at(0).kpi_id
    assert len(list_targets(demo_db, kpi_id)) == 1

    qtbot.keyClicks(dialog.reason_edit, "Jury moved to January")
    dialog.revised_on_edit.setDate(date(2024, 11, 15))
    with _reloaded(window, qtbot):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: page.dialog is None)
    # The original stays, the revision shows with its reason.
    assert _rows(model) == [
        ("2024-12-31", "700 diplômés", "Original", ""),
        ("2024-12-31", "750 diplômés", "Revision 1", "Jury moved to January"),
    ]
    assert model.index(1, TargetsModel.REVISED_ON).data() == "2024-11-15"
    assert "750" in page.target.text()
    assert "Jury moved to January" in page.target.toolTip()
    assert window.undo_action.text().replace("&", "") == "Undo Revise target 2024-12-31 of JIT-DIP"

    _undo(window, qtbot)
    assert _rows(model) == [("2024-12-31", "700 diplômés", "Original", "")]
    assert "700" in page.target.text()
    _undo(window, qtbot)
    assert model.rowCount() == 0
    assert "800" in page.target.text()
    assert list_targets(demo_db, kpi_id) == []


def test_set_a_target_change_it_and_undo_both(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    model = page.targets_model
    _set_target(window, qtbot, "700")
    _select(qtbot, window, 0)
    qtbot.mouseClick(page.targets_section.set_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TargetDialog)
    qtbot.waitExposed(dialog)
    assert dialog.value_edit.text() == "700"
    dialog.value_edit.selectAll()
    qtbot.keyClicks(dialog.value_edit, "720")
    with _reloaded(window, qtbot):
        _ok(qtbot, dialog)
    wait_idle(qtbot, window)
    assert _rows(model) == [("2024-12-31", "720 diplômés", "Original", "")]
    failures: list[str] = []
    window.edits.failed.connect(failures.append)
    _undo(window, qtbot)
    assert _rows(model) == [("2024-12-31", "700 diplômés", "Original", "")]
    _undo(window, qtbot)
    assert failures == []
    assert model.rowCount() == 0


def test_remove_a_revision_and_undo_the_original_waits_for_its_revisions(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open(window, qtbot, "EVT-NB")
    page = window.kpi_page
    section = page.targets_section
    model = page.targets_model
    # The demo's events KPI: 60 planned for 2025, revised to 40 mid-2025.
    assert [model.index(r, TargetsModel.VALUE).data() for r in range(2)] == [
        "60 événements",
        "40 événements",
    ]
    assert model.index(1, TargetsModel.REASON).data().startswith("Calendrier resserré")

    _select(qtbot, window, 0)  # the original, while its revision remains
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert section.message.isVisible()
    assert "remove the revisions first" in section.message.text()
    assert model.rowCount() == 2
    assert window.undo_stack.count() == 0

    _select(qtbot, window, 1)
    with _reloaded(window, qtbot):
        qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert model.rowCount() == 1
    assert not section.message.isVisible()
    _undo(window, qtbot)
    assert model.rowCount() == 2
    assert model.index(1, TargetsModel.REVISION).data() == "Revision 1"


# A popup menu asks the offscreen platform for what it cannot do; nothing is wrong.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_revise_from_the_tables_context_menu(window: MainWindow, qtbot: QtBot) -> None:
    _open(window, qtbot, "EVT-NB")
    page = window.kpi_page
    table = page.targets
    pos = table.visualRect(table.model().index(1, 0)).center()
    _select(qtbot, window, 1)
    seen: list[list[str]] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions()])
        revise = next(a for a in menu.actions() if a.text() == "Revise…")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(revise).center())

    QTimer.singleShot(0, choose)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, table.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(table.viewport(), event)
    assert seen == [["Set target…", "Revise…", "Remove…", "History…"]]
    dialog = page.dialog
    assert isinstance(dialog, RevisionDialog)
    qtbot.waitExposed(dialog)
    assert _day(dialog) == date(2025, 12, 31)
    assert dialog.value_edit.text() == "40"  # the revision in force, to revise again
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_a_target_that_is_not_a_period_end_is_refused_next_to_its_field(
    window: MainWindow, qtbot: QtBot
) -> None:
    _open(window, qtbot, "JIT-DIP")
    page = window.kpi_page
    qtbot.mouseClick(page.targets_section.set_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, TargetDialog)
    qtbot.waitExposed(dialog)
    dialog.period_end_edit.setDate(date(2024, 11, 15))  # not a quarter's end
    qtbot.keyClicks(dialog.value_edit, "deux cents")
    _ok(qtbot, dialog)
    assert dialog.errors["value"].text() == "is not a number"
    dialog.value_edit.clear()
    qtbot.keyClicks(dialog.value_edit, "1 000")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["period_end"].isVisible()
    assert not dialog.errors["value"].isVisible()
    assert window.undo_stack.count() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_the_targets_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    tree = program_trees(demo_db, DEMO_END)[0]
    kpi = next(k for k in tree.all_kpis() if k.code == "EVT-NB")
    detail = kpi_detail(demo_db, kpi.id, DEMO_END)
    model = TargetsModel()
    model.set_targets(list(detail.targets), str)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, TargetsModel.REVISION).data() == "Original"
    assert model.index(1, TargetsModel.REVISION).data() == "Revision 1"
    assert model.index(1, TargetsModel.REVISED_ON).data() == "2025-06-30"
