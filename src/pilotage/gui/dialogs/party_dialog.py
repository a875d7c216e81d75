"""The form of a party to a program: which organization, in which role, and who signs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pilotage.domain.enums import PartyRole
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.labels import label
from pilotage.gui.qt import QWidget
from pilotage.services.parties import PartyInput, PartyRow


class PartyDialog(FormDialog[PartyInput]):
    """Adds a party when `row` is None, edits `row` otherwise.

    `organizations`: (label, id) of every organization the analyst may choose."""

    def __init__(
        self,
        heading: str,
        row: PartyRow | None,
        organizations: Sequence[tuple[str, int]],
        submit: Callable[[PartyInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", heading, submit, parent)
        self.setWindowTitle(self.tr("Add a party") if row is None else self.tr("Edit a party"))
        self.organization_combo = self.add_choice(
            "organization_id",
            self.tr("Organization"),
            organizations,
            row.organization_id if row else None,
        )
        self.role_combo = self.add_choice(
            "role",
            self.tr("Role"),
            [(label(role), role) for role in PartyRole],
            row.role if row else PartyRole.PARTNER,
        )
        self.name_edit = self.add_text(
            "signatory_name", self.tr("Signatory"), row.signatory_name if row else ""
        )
        self.title_edit = self.add_text(
            "signatory_title", self.tr("Signatory's title"), row.signatory_title if row else ""
        )
        (self.organization_combo if row is None else self.name_edit).setFocus()

    def collect(self) -> PartyInput:
        organization_id = self.choice(self.organization_combo)
        if organization_id is None:
            raise ValidationError(
                [Problem("organization_id", self.tr("add an organization first (Edit menu)"))]
            )
        return PartyInput(
            organization_id=organization_id,
            role=self.choice(self.role_combo),
            signatory_name=self.name_edit.text(),
            signatory_title=self.title_edit.text(),
        )
