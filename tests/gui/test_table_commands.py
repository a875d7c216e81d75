"""A table's command is a button and a context-menu entry that run the same thing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QAbstractItemView, QKeySequence, Qt, QTableView
from pilotage.gui.table_commands import enable, selected_row, table_command


def test_button_and_menu_entry_run_the_command_and_are_enabled_together(qtbot: QtBot) -> None:
    table = QTableView()
    qtbot.addWidget(table)
    runs: list[str] = []
    add_button, add_action = table_command(table, "add", "Add…", lambda: runs.append("add"))
    delete_button, delete_action = table_command(
        table,
        None,
        "Delete…",
        lambda: runs.append("delete"),
        menu_text="Delete it…",
        delete_key=True,
    )
    assert [a.text() for a in table.actions()] == ["Add…", "Delete it…"]  # in order made
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert delete_button.text() == "Delete…"
    assert delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    assert add_action.shortcut().isEmpty()
    qtbot.mouseClick(add_button, Qt.MouseButton.LeftButton)
    delete_action.trigger()
    assert runs == ["add", "delete"]
    enable((delete_button, delete_action), False)
    assert not delete_button.isEnabled()
    assert not delete_action.isEnabled()
    assert add_button.isEnabled()


class _Names(RowsModel[str]):
    def __init__(self) -> None:
        super().__init__()
        self.set_columns([Column("Name", lambda name: name)])


def test_the_selected_row_is_the_one_the_commands_act_on(qtbot: QtBot) -> None:
    model = _Names()
    model.set_rows(["alpha", "beta"])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    assert selected_row(table, model) is None  # nothing selected yet
    table.selectRow(1)
    assert selected_row(table, model) == "beta"
    model.set_rows([])
    assert selected_row(table, model) is None
