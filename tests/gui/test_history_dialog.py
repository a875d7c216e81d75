"""A record's history from Edit > History… (Ctrl+H) and the navigator's context menu:
who changed what and when, newest first, a KPI's measurements and targets named."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from gui_support import click_node, find_index, wait_idle
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction, MeasurementStatus
from pilotage.gui import formats
from pilotage.gui.dialogs.history_dialog import HistoryDialog
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.history_model import HistoryModel, when_text
from pilotage.gui.qt import QDialogButtonBox, Qt
from pilotage.services.history import HistoryEntry, kpi_history
from pilotage.services.identity import set_user_name
from pilotage.services.measurements import list_measurements, set_measurement_status


@pytest.fixture
def karim() -> Iterator[str]:
    set_user_name("Karim Alaoui")
    yield "Karim Alaoui"
    set_user_name(None)


def _open_history(window: MainWindow, qtbot: QtBot, code: str) -> HistoryDialog:
    click_node(qtbot, window.tree, code)
    wait_idle(qtbot, window)
    qtbot.keyClick(window.tree, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.history.dialog
    assert isinstance(dialog, HistoryDialog)
    qtbot.waitUntil(lambda: not dialog.is_busy())
    return dialog


def _texts(model: HistoryModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_a_kpis_history_newest_first_with_its_measurements(
    window: MainWindow, qtbot: QtBot, demo_db: Database, karim: str
) -> None:
    # Someone unlocks JIT-DIP's 2024-Q4 (validated in the demo) with a reason.
    code = "JIT-DIP"
    kpi_id = window.model.key_at(window.proxy.mapToSource(find_index(window.proxy, code)))
    assert kpi_id is not None
    q4 = list_measurements(demo_db, kpi_id[1])[-1]
    assert q4.label == "2024-Q4"
    set_measurement_status(demo_db, q4.id, q4.version, MeasurementStatus.SUBMITTED, "Recount")

    dialog = _open_history(window, qtbot, code)
    assert dialog.isVisible()
    assert not dialog.isModal()  # reading is not editing: the window stays usable
    assert dialog.windowTitle().startswith("History of JIT-DIP ")
    model = dialog.model
    expected = kpi_history(demo_db, kpi_id[1])
    assert model.rowCount() == len(expected) > 3
    assert dialog.message.text() == f"{len(expected)} changes, the newest first."
    newest = _texts(model, 0)
    assert newest[HistoryModel.WHO] == "Karim Alaoui"
    assert newest[HistoryModel.ACTION] == "Changed"
    assert newest[HistoryModel.RECORD] == "Measurement 2024-Q4"
    assert newest[HistoryModel.CHANGES] == "status: validated → submitted"
    assert newest[HistoryModel.REASON] == "Recount"
    assert newest[HistoryModel.WHEN] == when_text(expected[0])
    # The newest is selected, its changes read in full below the table.
    assert dialog.table.currentIndex().row() == 0
    assert dialog.details.toPlainText() == "status: validated → submitted\nReason: Recount"
    # The KPI's own creation and its measurements' (JIT-DIP has no target), each named.
    records = {_texts(model, r)[HistoryModel.RECORD] for r in range(model.rowCount())}
    assert any(name.startswith("JIT-DIP ") for name in records)
    assert {"Measurement 2024-Q2", "Measurement 2024-Q3"} <= records
    whens = [e.at for e in expected]
    assert whens == sorted(whens, reverse=True)

    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: window.history.dialog is None)


def test_the_navigator_menu_offers_the_history(window: MainWindow, qtbot: QtBot) -> None:
    index = find_index(window.proxy, "P1")
    menu = window.navigator_menu(index)
    assert menu is not None
    assert window.history_action in menu.actions()
    assert window.history_action.shortcut().toString() == "Ctrl+H"
    assert window.history_action in window.edit_menu.actions()
    menu.deleteLater()
    window.history_action.trigger()
    dialog = window.history.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.model.rowCount() == 1
    assert _texts(dialog.model, 0)[HistoryModel.ACTION] == "Created"
    assert dialog.message.text() == "1 change, the newest first."
    dialog.close()


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    at = datetime(2024, 12, 31, 9, 30, tzinfo=UTC)
    entries = [
        HistoryEntry(
            3,
            at,
            "Salma",
            AuditAction.UPDATE,
            "Recount",
            {"value": ("234", "240")},
            "measurement",
            7,
            "2024-Q4",
        ),
        HistoryEntry(2, at, "Salma", AuditAction.CREATE, "", {"code": (None, "K1")}, "kpi", 1),
        HistoryEntry(1, at, "root", AuditAction.DELETE, "", {}, "kpi_target", 4),
    ]
    model = HistoryModel()
    model.set_history("kpi", "K1 Learners", entries)
    qtmodeltester.check(model)
    assert [_texts(model, r)[HistoryModel.RECORD] for r in range(3)] == [
        "Measurement 2024-Q4",
        "K1 Learners",
        "Target #4",
    ]
    assert _texts(model, 0)[HistoryModel.CHANGES] == "value: 234 → 240"
    assert _texts(model, 1)[HistoryModel.CHANGES] == "code: K1"
    local = at.astimezone()
    assert when_text(entries[0]).startswith(formats.date_text(local.date()) + " ")
    assert f"{local.minute:02d}" in when_text(entries[0])


def test_a_measurements_history_from_its_tables_context_menu(
    window: MainWindow, qtbot: QtBot, demo_db: Database, karim: str
) -> None:
    with qtbot.waitSignal(window.kpi_page.loaded):
        click_node(qtbot, window.tree, "JIT-DIP")
    wait_idle(qtbot, window)
    table = window.kpi_page.measurements
    model = window.kpi_page.measurements_model
    q4 = model.row_at(2)
    assert q4.label == "2024-Q4"
    set_measurement_status(demo_db, q4.id, q4.version, MeasurementStatus.SUBMITTED, "Recount")
    index = table.model().index(2, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    [action] = [a for a in table.actions() if a.text() == "History…"]
    assert table.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    action.trigger()
    dialog = window.history.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.windowTitle() == "History of JIT-DIP measurement 2024-Q4"
    history = dialog.model
    assert history.rowCount() == 2  # made by the demo, unlocked by Karim
    assert [_texts(history, r)[HistoryModel.ACTION] for r in range(2)] == ["Changed", "Created"]
    assert _texts(history, 0)[HistoryModel.WHO] == "Karim Alaoui"
    assert _texts(history, 0)[HistoryModel.RECORD] == "JIT-DIP measurement 2024-Q4"
    dialog.close()
    # The targets' table has the entry too (JIT-DIP has none: nothing selected, nothing opens).
    [target_action] = [a for a in window.kpi_page.targets.actions() if a.text() == "History…"]
    target_action.trigger()
    qtbot.waitUntil(lambda: window.history.dialog is None)
