"""The form of a milestone: its title, due date, the date it was done, a note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pilotage.gui import formats
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QWidget
from pilotage.services.milestones import MilestoneInput, MilestoneRow


class MilestoneDialog(FormDialog[MilestoneInput]):
    """Adds a milestone when `row` is None, edits `row` otherwise."""

    def __init__(
        self,
        heading: str,
        row: MilestoneRow | None,
        due: date,
        submit: Callable[[MilestoneInput], None],
        parent: QWidget | None = None,
    ) -> None:
        """`due`: the due date a new milestone starts with."""
        super().__init__("", heading, submit, parent)
        self.setWindowTitle(
            self.tr("Add a milestone") if row is None else self.tr("Edit a milestone")
        )
        self.title_edit = self.add_text("title", self.tr("Title"), row.title if row else "")
        self.due_edit = self.add_date("due_date", self.tr("Due on"), row.due_date if row else due)
        self.done_edit = self.add_optional_date(
            "done_date", self.tr("Done on"), row.done_date if row else None
        )
        self.done_edit.setToolTip(self.tr("Tick when the milestone is reached"))
        self.note_edit = self.add_long_text("note", self.tr("Note"), row.note if row else "")
        self.title_edit.setFocus()

    def collect(self) -> MilestoneInput:
        return MilestoneInput(
            title=self.title_edit.text(),
            due_date=formats.from_qdate(self.due_edit.date()),
            done_date=self.done_edit.value(),
            note=self.note_edit.toPlainText(),
        )
