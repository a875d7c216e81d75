"""An initiative's milestones, added, edited and deleted from its page (undoable)."""

from __future__ import annotations

from datetime import date

from pilotage.gui.dialogs.milestone_dialog import MilestoneDialog
from pilotage.gui.models.tables import MilestonesModel
from pilotage.gui.pages.record_section import RecordSection
from pilotage.gui.qt import QWidget
from pilotage.gui.undo.commands import CreateCommand, DeleteCommand, EditContext, UpdateCommand
from pilotage.services.milestones import (
    MilestoneInput,
    MilestoneRow,
    create_milestone,
    delete_milestone,
    get_milestone,
    update_milestone,
)


class MilestonesSection(RecordSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = MilestonesModel()
        super().__init__(model, parent=parent)
        self.milestones_model = model
        self.set_texts(
            self.tr("Milestones"),
            self.tr("Add a milestone…"),
            self.tr("Edit the milestone…"),
            self.tr("Delete the milestone…"),
        )
        self._initiative: tuple[int, str] | None = None  # (id, code)
        self._as_of = date.min

    def show_milestones(
        self, initiative_id: int, code: str, milestones: list[MilestoneRow], as_of: date
    ) -> None:
        self._initiative, self._as_of = (initiative_id, code), as_of
        self.milestones_model.set_milestones(milestones, as_of)
        self.set_ready(True)

    def clear(self) -> None:
        self._initiative = None
        self.milestones_model.set_rows([])
        self.set_ready(False)

    def add(self, edits: EditContext) -> None:
        if self._initiative is None:
            return
        initiative_id, code = self._initiative

        def submit(data: MilestoneInput) -> None:
            text = self.tr("Add milestone {title} to {code}").format(title=data.title, code=code)
            self.save(
                CreateCommand(
                    edits,
                    text,
                    lambda db: create_milestone(db, initiative_id, data),
                    delete_milestone,
                    get_milestone,
                )
            )

        self.open_form(MilestoneDialog(self.heading or code, None, self._as_of, submit, self))

    def edit(self, edits: EditContext, row: MilestoneRow) -> None:
        self.open_form(self._edit_form(edits, row))

    def _edit_form(self, edits: EditContext, row: MilestoneRow) -> MilestoneDialog:
        """The form on `row`; refused as a conflict, it refills from the stored milestone."""
        code = self._initiative[1] if self._initiative else ""
        before = MilestoneInput(row.title, row.due_date, row.done_date, row.note)

        def submit(data: MilestoneInput) -> None:
            text = self.tr("Edit milestone {title} of {code}").format(title=row.title, code=code)
            self.save(
                UpdateCommand(edits, text, row.id, row.version, update_milestone, before, data)
            )

        dialog = MilestoneDialog(self.heading or code, row, row.due_date, submit, self)
        dialog.set_reload(lambda: self._edit_form(edits, get_milestone(edits.db, row.id)))
        return dialog

    def delete(self, edits: EditContext, row: MilestoneRow) -> None:
        code = self._initiative[1] if self._initiative else ""
        text = self.tr("Delete milestone {title} of {code}").format(title=row.title, code=code)
        self.confirm_and_push(
            DeleteCommand(edits, text, row.id, row.version, delete_milestone, get_milestone),
            self.tr("Delete a milestone"),
            self.tr("Delete the milestone {title} of {code}?").format(title=row.title, code=code),
        )
