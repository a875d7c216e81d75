"""A table's command offered twice: as a button by the table and in its context menu,
and the row it acts on (the one selected).

Pages and dialogs that edit a table (records, measurements, targets,
organizations) all offer Add / Edit / Delete this way; the delete command also
answers the Delete key while the table has the focus (not the whole page, where
Delete would reach a text field).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from pilotage.gui.icons import icon
from pilotage.gui.models.rows_model import RowsModel
from pilotage.gui.qt import (
    QAbstractItemView,
    QAction,
    QHBoxLayout,
    QIcon,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
)

R = TypeVar("R")


def table_command(
    table: QAbstractItemView,
    icon_name: str | None,
    text: str,
    run: Callable[[], None],
    *,
    menu_text: str | None = None,
    delete_key: bool = False,
) -> tuple[QPushButton, QAction]:
    """The button (`text`) and the table's context-menu entry (`menu_text`, else
    `text`) that both `run` the command; entries come in the order they are made."""
    picture = icon(icon_name) if icon_name else QIcon()
    button = QPushButton(picture, text)
    button.clicked.connect(run)
    action = QAction(picture, menu_text or text, table)
    action.triggered.connect(run)
    if delete_key:
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    table.addAction(action)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return button, action


def title_row(title: QLabel, buttons: Iterable[QPushButton]) -> QHBoxLayout:
    """The section's title with its command buttons on the same line, at its right
    (level with the title's text, below its top margin)."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(title, 1)
    for button in buttons:
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
    return row


def enable(widgets: Iterable[QPushButton | QAction], enabled: bool) -> None:
    """A command's button and menu entry are enabled together."""
    for widget in widgets:
        widget.setEnabled(enabled)


def selected_row(table: QAbstractItemView, model: RowsModel[R]) -> R | None:
    """The row selected in a single-selection `table` showing `model`, if any (a
    selection can outlive its row for a moment while the model is reset)."""
    rows = table.selectionModel().selectedRows()
    if not rows or rows[0].row() >= model.rowCount():
        return None
    return model.row_at(rows[0].row())
