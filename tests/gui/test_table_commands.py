"""A table's command is a button and a context-menu entry that run the same thing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pilotage.gui.qt import QKeySequence, Qt, QTableView
from pilotage.gui.table_commands import enable, table_command


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
