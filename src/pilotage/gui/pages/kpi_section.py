"""What the KPI page's editable sections (targets, measurements) share: the KPI shown,
where its changes go, the one form open and the line under the table that says why
the last change was refused."""

from __future__ import annotations

from pilotage.gui.dialogs.form_dialog import FormDialog, error_label
from pilotage.gui.qt import QUndoStack, QWidget
from pilotage.gui.undo.commands import EditContext, ServiceCommand
from pilotage.services.kpi_detail import KpiDetail


class KpiSection(QWidget):
    """Subclasses lay out `message` under their table and implement `_update_buttons`."""

    def __init__(self, message_name: str, parent: QWidget | None = None) -> None:
        """`message_name`: the object name of the refusal line (tests find it by it)."""
        super().__init__(parent)
        self.detail: KpiDetail | None = None
        self._stack: QUndoStack | None = None
        self._edits: EditContext | None = None
        self.dialog: FormDialog[object] | None = None  # the one open, if any
        self.message = error_label()
        self.message.setObjectName(message_name)

    def set_editing(self, stack: QUndoStack | None, edits: EditContext | None) -> None:
        self._stack, self._edits = stack, edits
        self._update_buttons()

    def can_edit(self) -> bool:
        """A KPI is shown and changes have somewhere to go."""
        return self._stack is not None and self.detail is not None

    def _update_buttons(self) -> None:
        """Enable the section's commands for what is shown and selected (subclasses)."""

    def push_from_form(self, command: ServiceCommand) -> None:
        """Do `command` now (a refusal is raised, for the form to show next to its
        field), then put it on the undo stack."""
        assert self._stack is not None  # the form opens only while editing
        command.execute()
        self.message.hide()
        self._stack.push(command)
