"""The organizations of the database, added, edited and deleted (Edit > Organizations…).

Every change is an undoable command on the window's stack, as on the pages; the
list follows the changes (undo and redo included). An organization still used
by a program, an initiative or a KPI is not deleted: the service says by what,
and the dialog shows it.
"""

from __future__ import annotations

from collections.abc import Callable

from pilotage.domain.errors import PilotageError
from pilotage.gui.dialogs.form_dialog import error_label
from pilotage.gui.dialogs.opening import open_dialog
from pilotage.gui.dialogs.organization_dialog import OrganizationDialog
from pilotage.gui.models.organizations_model import OrganizationsModel
from pilotage.gui.pages.widgets import TableView
from pilotage.gui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QModelIndex,
    QObject,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.table_commands import enable, selected_row, table_command
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import CreateCommand, DeleteCommand, EditContext, UpdateCommand
from pilotage.services.organizations import (
    OrganizationInput,
    OrganizationRow,
    create_organization,
    delete_organization,
    get_organization,
    list_organizations,
    update_organization,
)


class OrganizationsDialog(QDialog):
    def __init__(self, stack: QUndoStack, edits: EditContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack, self._edits = stack, edits
        self.form: OrganizationDialog | None = None  # the organization's form, when open
        self.setWindowTitle(self.tr("Organizations"))
        self.setModal(True)
        # As tall as its rows (the table grows up to 14 of them, then scrolls).
        self.setMinimumWidth(760)

        heading = QLabel(
            self.tr(
                "The ministries, agencies, companies and associations that programs, "
                "initiatives and KPIs refer to."
            )
        )
        heading.setWordWrap(True)
        self.model = OrganizationsModel(self)
        self.table = TableView(self.model, max_rows=14)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(self.tr("Double-click or press Enter to edit; Delete to delete"))
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        # The buttons say Add… under the heading; the context menu says what is added.
        self.add_button, self.add_action = table_command(
            self.table,
            "add",
            self.tr("Add…"),
            self.add_organization,
            menu_text=self.tr("Add an organization…"),
        )
        self.edit_button, self.edit_action = table_command(
            self.table,
            "edit",
            self.tr("Edit…"),
            self.edit_selected,
            menu_text=self.tr("Edit the organization…"),
        )
        self.delete_button, self.delete_action = table_command(
            self.table,
            "delete",
            self.tr("Delete…"),
            self.delete_selected,
            menu_text=self.tr("Delete the organization…"),
            delete_key=True,
        )
        # The window's Ctrl+Z does not reach a modal dialog: the same stack, from here.
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(self.tr("Ctrl+Z")))
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Z")))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.problem = error_label()  # why the last delete was refused
        self.problem.setObjectName("error_general")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(actions)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        edits.changed.connect(self.refresh)
        self.refresh()

    # --- showing --------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the organizations again, keeping the selected one selected."""
        selected = self.selected()
        self.model.set_rows(list_organizations(self._edits.db))
        if selected is not None:
            self.select(selected.id)

    def select(self, organization_id: int) -> None:
        row = self.model.row_of(organization_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected(self) -> OrganizationRow | None:
        return selected_row(self.table, self.model)

    @Slot()
    def _update_buttons(self) -> None:
        selected = self.selected() is not None
        enable(
            (self.edit_button, self.edit_action, self.delete_button, self.delete_action), selected
        )

    # --- changing -------------------------------------------------------------------

    @Slot()
    def add_organization(self) -> None:
        edits = self._edits

        def submit(data: OrganizationInput) -> None:
            command: CreateCommand[OrganizationRow] = CreateCommand(
                edits,
                self.tr("Add organization {name}").format(name=data.name.strip()),
                lambda db: create_organization(db, data),
                delete_organization,
                get_organization,
            )
            self._save(command, lambda: command.row)

        open_dialog(self, "form", OrganizationDialog(None, submit, self))

    @Slot()
    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._edit(row)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._edit(self.model.row_at(index.row()))

    def _edit(self, row: OrganizationRow) -> None:
        open_dialog(self, "form", self._edit_form(row))

    def _edit_form(self, row: OrganizationRow) -> OrganizationDialog:
        """The form on `row`; refused as a conflict, it refills from the stored one."""
        edits = self._edits
        before = OrganizationInput(
            row.name, row.kind, row.acronym, row.founded_year, row.website, row.notes
        )

        def submit(data: OrganizationInput) -> None:
            command: UpdateCommand[OrganizationRow, OrganizationInput] = UpdateCommand(
                edits,
                self.tr("Edit organization {name}").format(name=row.name),
                row.id,
                row.version,
                update_organization,
                before,
                data,
            )
            self._save(command, lambda: command.row)

        dialog = OrganizationDialog(row, submit, self)
        dialog.set_reload(lambda: self._edit_form(get_organization(edits.db, row.id)))
        return dialog

    def _save(
        self,
        command: CreateCommand[OrganizationRow] | UpdateCommand[OrganizationRow, OrganizationInput],
        saved: Callable[[], OrganizationRow | None],
    ) -> None:
        """Do it (a refusal goes back to the form), push it, select what was saved."""
        command.execute()
        self.problem.hide()
        self._stack.push(command)  # `changed` refreshes the list
        row = saved()
        if row is not None:
            self.select(row.id)

    @Slot()
    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        title = self.tr("Delete an organization")
        answer = QMessageBox.question(
            self, title, self.tr("Delete the organization {name}?").format(name=row.label)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        command = DeleteCommand(
            self._edits,
            self.tr("Delete organization {name}").format(name=row.name),
            row.id,
            row.version,
            delete_organization,
            get_organization,
        )
        try:
            command.execute()
        except PilotageError as exc:  # still used, changed meanwhile…
            self.problem.setText(sentence(str(exc)))
            self.problem.show()
            return
        self.problem.hide()
        self._stack.push(command)


class OrganizationsLauncher(QObject):
    """Opens the organizations dialog over `window` on its current database (the
    window's EditContext changes when another database is opened)."""

    def __init__(
        self,
        window: QWidget,
        stack: QUndoStack,
        edits: Callable[[], EditContext | None],
    ) -> None:
        super().__init__(window)
        self._window, self._stack, self._edits = window, stack, edits
        self.dialog: OrganizationsDialog | None = None  # the one open, if any

    @Slot()
    def open(self) -> None:
        edits = self._edits()
        if edits is None:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        open_dialog(self, "dialog", OrganizationsDialog(self._stack, edits, self._window))
