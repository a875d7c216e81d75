"""A page's table of records that the analyst adds to, edits and deletes from.

The section shows a title, Add… / Edit… / Delete… buttons and the table; a
double-click or Enter on a row edits it, the Delete key deletes it (once
confirmed). Subclasses say how: `add`, `edit(row)` and `delete(row)` build the
form or the undo command. A form's OK runs `save(command)`: the command is done
at once (a refusal goes back to the form, shown next to its field) and then
pushed on the undo stack, whose `changed` signal reloads the page.
"""

from __future__ import annotations

from typing import Any

from pilotage.domain.errors import PilotageError, Problem, ValidationError
from pilotage.gui.conflicts import refusal
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.dialogs.opening import open_dialog
from pilotage.gui.models.rows_model import RowsModel
from pilotage.gui.pages.widgets import TableView, section_title
from pilotage.gui.qt import (
    QAbstractItemView,
    QMessageBox,
    QModelIndex,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.table_commands import enable, selected_row, table_command, title_row
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import EditContext, ServiceCommand


class RecordSection(QWidget):
    """Subclasses implement `add`, `edit` and `delete`; the page calls `set_editing`
    and `set_ready` (whether the records shown belong to something that can take more)."""

    def __init__(
        self, model: RowsModel[Any], max_rows: int = 12, parent: QWidget | None = None
    ) -> None:
        """Subclasses then name things with `set_texts` (self.tr needs the object)."""
        super().__init__(parent)
        self.model = model
        model.setParent(self)
        self._stack: QUndoStack | None = None
        self._edits: EditContext | None = None
        self._ready = False
        self.dialog: FormDialog[Any] | None = None  # the form open, if any
        self.heading = ""  # what the forms say they are about ("P1-JIT  JobIntech")

        self.title = section_title("")
        self.table = TableView(model, max_rows=max_rows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(self.tr("Double-click or press Enter to edit; Delete to delete"))
        table = self.table
        self.add_button, self.add_action = table_command(
            table, "add", self.tr("Add…"), self._on_add
        )
        self.edit_button, self.edit_action = table_command(
            table, "edit", self.tr("Edit…"), self._on_edit
        )
        self.delete_button, self.delete_action = table_command(
            table, "delete", self.tr("Delete…"), self._on_delete, delete_key=True
        )
        self.table.activated.connect(self._on_activated)  # double-click or Enter
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # A reload keeps the selected record selected; after a save, the saved one.
        self._reselect: int | None = None  # the id to select when the rows come back
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        model.modelReset.connect(self._update_buttons)
        model.layoutChanged.connect(self._update_buttons)

        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        buttons = (self.add_button, self.edit_button, self.delete_button)
        self.column.addLayout(title_row(self.title, buttons))
        self.column.addWidget(self.table)
        self._update_buttons()

    def set_texts(self, title: str, add: str, edit: str, delete: str) -> None:
        """The section's title and what each action does ("Add a milestone…"), shown
        as the buttons' tooltips and in the table's context menu."""
        self.title.setText(title)
        self.add_button.setToolTip(add)
        self.edit_button.setToolTip(edit)
        self.delete_button.setToolTip(delete)
        self.add_action.setText(add)
        self.edit_action.setText(edit)
        self.delete_action.setText(delete)

    # --- state ------------------------------------------------------------------

    def set_editing(self, stack: QUndoStack | None, edits: EditContext | None) -> None:
        self._stack, self._edits = stack, edits
        self._update_buttons()

    def set_ready(self, ready: bool) -> None:
        """False while the page shows nothing (or only what it has not fetched yet)."""
        self._ready = ready
        self._update_buttons()

    @property
    def edits(self) -> EditContext | None:
        return self._edits if self._ready and self._stack is not None else None

    def selected_row(self) -> Any | None:
        return selected_row(self.table, self.model)

    @Slot()
    def _update_buttons(self) -> None:
        editable = self.edits is not None
        selected = editable and self.selected_row() is not None
        enable((self.add_button, self.add_action), editable)
        enable(
            (self.edit_button, self.edit_action, self.delete_button, self.delete_action), selected
        )

    # --- what subclasses implement ---------------------------------------------

    def add(self, edits: EditContext) -> None:
        raise NotImplementedError

    def edit(self, edits: EditContext, row: Any) -> None:
        raise NotImplementedError

    def delete(self, edits: EditContext, row: Any) -> None:
        raise NotImplementedError

    # --- helpers for them --------------------------------------------------------

    def open_form(self, dialog: FormDialog[Any]) -> None:
        """Show a form (window-modal, without blocking) and keep it as `self.dialog`."""
        open_dialog(self, "dialog", dialog)

    def save(self, command: ServiceCommand) -> None:
        """Do `command` now (what the services refuse is raised, for the form to show)
        and put it on the undo stack."""
        if self._stack is None:
            raise ValidationError([Problem("", self.tr("Nothing can be changed now"))])
        command.execute()
        saved = getattr(command, "row", None)  # what a create or an update saved
        self._stack.push(command)
        if saved is not None:
            self._reselect = saved.id

    def confirm_and_push(
        self, command: ServiceCommand, title: str, question: str, *, confirm: bool = True
    ) -> bool:
        """Ask `question` (unless `confirm` is False), then do `command` and push it; a
        refusal is shown in a box titled `title`. True when done."""
        if self._stack is None:
            return False
        if confirm:
            answer = QMessageBox.question(self, title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            command.execute()
        except PilotageError as exc:  # changed meanwhile, gone, still in use…
            QMessageBox.warning(self, title, sentence(refusal(exc)))
            return False
        self._stack.push(command)
        return True

    # --- slots ---------------------------------------------------------------------

    @Slot()
    def _remember_selection(self) -> None:
        if self._reselect is None:
            row = self.selected_row()
            self._reselect = getattr(row, "id", None)

    @Slot()
    def _restore_selection(self) -> None:
        wanted, self._reselect = self._reselect, None
        if wanted is None:
            return
        for number in range(self.model.rowCount()):
            if getattr(self.model.row_at(number), "id", None) == wanted:
                self.table.selectRow(number)
                return

    @Slot()
    def _on_add(self) -> None:
        edits = self.edits
        if edits is not None:
            self.add(edits)

    @Slot()
    def _on_edit(self) -> None:
        edits, row = self.edits, self.selected_row()
        if edits is not None and row is not None:
            self.edit(edits, row)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        edits = self.edits
        if edits is not None and index.isValid():
            self.edit(edits, self.model.row_at(index.row()))

    @Slot()
    def _on_delete(self) -> None:
        edits, row = self.edits, self.selected_row()
        if edits is not None and row is not None:
            self.delete(edits, row)
