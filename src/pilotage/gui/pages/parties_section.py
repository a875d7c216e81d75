"""A program's parties and signatories, added, edited and removed from its page
(undoable). Removing a party leaves its organization in the database."""

from __future__ import annotations

from collections.abc import Sequence

from pilotage.gui.dialogs.party_dialog import PartyDialog
from pilotage.gui.labels import label
from pilotage.gui.models.tables import PartiesModel
from pilotage.gui.pages.record_section import RecordSection
from pilotage.gui.qt import QWidget
from pilotage.gui.undo.commands import CreateCommand, DeleteCommand, EditContext, UpdateCommand
from pilotage.services.organizations import OrganizationRow
from pilotage.services.parties import (
    PartyInput,
    PartyRow,
    add_party,
    get_party,
    remove_party,
    update_party,
)


class PartiesSection(RecordSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = PartiesModel()
        super().__init__(model, parent=parent)
        self.parties_model = model
        self.set_texts(
            self.tr("Parties and signatories"),
            self.tr("Add a party…"),
            self.tr("Edit the party and its signatory…"),
            self.tr("Remove the party from the program…"),
        )
        self.delete_button.setText(self.tr("Remove…"))
        self._program: tuple[int, str] | None = None  # (id, reference)
        self._organizations: list[tuple[str, int]] = []  # (label, id)

    def show_parties(
        self,
        program_id: int,
        reference: str,
        parties: list[PartyRow],
        organizations: Sequence[OrganizationRow],
    ) -> None:
        self._program = (program_id, reference)
        self._organizations = [(o.label, o.id) for o in organizations]
        self.parties_model.set_rows(parties)
        self.set_ready(True)

    def clear(self) -> None:
        self._program = None
        self.parties_model.set_rows([])
        self.set_ready(False)

    def add(self, edits: EditContext) -> None:
        if self._program is None:
            return
        program_id, reference = self._program

        def submit(data: PartyInput) -> None:
            text = self.tr("Add party {organization} to {reference}").format(
                organization=self._organization_label(data.organization_id), reference=reference
            )
            self.save(
                CreateCommand(
                    edits,
                    text,
                    lambda db: add_party(db, program_id, data),
                    remove_party,
                    get_party,
                )
            )

        self.open_form(
            PartyDialog(self.heading or reference, None, self._organizations, submit, self)
        )

    def edit(self, edits: EditContext, row: PartyRow) -> None:
        self.open_form(self._edit_form(edits, row))

    def _edit_form(self, edits: EditContext, row: PartyRow) -> PartyDialog:
        """The form on `row`; refused as a conflict, it refills from the stored party."""
        reference = self._program[1] if self._program else ""
        before = PartyInput(row.organization_id, row.role, row.signatory_name, row.signatory_title)

        def submit(data: PartyInput) -> None:
            text = self.tr("Edit party {organization} of {reference}").format(
                organization=row.organization_label, reference=reference
            )
            self.save(UpdateCommand(edits, text, row.id, row.version, update_party, before, data))

        dialog = PartyDialog(self.heading or reference, row, self._organizations, submit, self)
        dialog.set_reload(lambda: self._edit_form(edits, get_party(edits.db, row.id)))
        return dialog

    def delete(self, edits: EditContext, row: PartyRow) -> None:
        reference = self._program[1] if self._program else ""
        text = self.tr("Remove party {organization} from {reference}").format(
            organization=row.organization_label, reference=reference
        )
        self.confirm_and_push(
            DeleteCommand(edits, text, row.id, row.version, remove_party, get_party),
            self.tr("Remove a party"),
            self.tr(
                "Remove {organization} ({role}) from {reference}? The organization stays."
            ).format(
                organization=row.organization_label, role=label(row.role), reference=reference
            ),
        )

    def _organization_label(self, organization_id: int) -> str:
        return next((text for text, i in self._organizations if i == organization_id), "")
