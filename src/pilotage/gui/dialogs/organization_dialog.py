"""The form of an organization: name, acronym, kind, year founded, website, notes."""

from __future__ import annotations

from collections.abc import Callable

from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.labels import label
from pilotage.gui.qt import QWidget
from pilotage.services.organizations import OrganizationInput, OrganizationRow


class OrganizationDialog(FormDialog[OrganizationInput]):
    """Adds an organization when `row` is None, edits `row` otherwise."""

    def __init__(
        self,
        row: OrganizationRow | None,
        submit: Callable[[OrganizationInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", "", submit, parent)
        self.setWindowTitle(
            self.tr("Add an organization") if row is None else self.tr("Edit an organization")
        )
        self.name_edit = self.add_text("name", self.tr("Name"), row.name if row else "")
        self.acronym_edit = self.add_text(
            "acronym", self.tr("Acronym"), (row.acronym or "") if row else ""
        )
        self.kind_combo = self.add_choice(
            "kind",
            self.tr("Kind"),
            [(label(kind), kind) for kind in OrganizationKind],
            row.kind if row else OrganizationKind.OTHER,
        )
        founded = row.founded_year if row else None
        self.founded_edit = self.add_number("founded_year", self.tr("Founded in"))
        self.founded_edit.setText("" if founded is None else str(founded))  # no separator
        self.website_edit = self.add_text("website", self.tr("Website"), row.website if row else "")
        self.notes_edit = self.add_long_text("notes", self.tr("Notes"), row.notes if row else "")
        self.name_edit.setFocus()

    def collect(self) -> OrganizationInput:
        problems: list[Problem] = []
        founded = self.read_int("founded_year", self.founded_edit, problems)
        if problems:
            raise ValidationError(problems)
        return OrganizationInput(
            name=self.name_edit.text(),
            kind=self.choice(self.kind_combo),
            acronym=self.acronym_edit.text().strip() or None,
            founded_year=founded,
            website=self.website_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )
