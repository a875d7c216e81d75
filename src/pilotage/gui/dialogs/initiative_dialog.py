"""The form of an initiative: code, name, lead and partners, dates, status, planned budget."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pilotage.domain.enums import InitiativeStatus
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.labels import label
from pilotage.gui.qt import QComboBox, QListWidget, QListWidgetItem, Qt, QWidget
from pilotage.services.initiatives import InitiativeInput
from pilotage.services.organizations import OrganizationRow

_PARTNER_ROWS = 5  # the partner list shows this many organizations before it scrolls
_NAME_CHARACTERS = 24  # how wide a drop-down of organizations asks to be


def shrinkable(combo: QComboBox) -> QComboBox:
    """A drop-down of long names that does not ask for the width of the longest one
    (it would squeeze the labels of the form); its popup still shows them whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(_NAME_CHARACTERS)
    return combo


class InitiativeDialog(FormDialog[InitiativeInput]):
    """New initiative (`data` None) or edit one; lead and partners are chosen among
    `organizations` (plain rows the caller fetched)."""

    def __init__(
        self,
        title: str,
        heading: str,
        submit: Callable[[InitiativeInput], None],
        organizations: Sequence[OrganizationRow],
        data: InitiativeInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, heading, submit, parent)
        data = data or InitiativeInput("", "")
        self.code_edit = self.add_text("code", self.tr("Code"), data.code)
        self.name_edit = self.add_text("name", self.tr("Name"), data.name)
        self.description_edit = self.add_long_text(
            "description", self.tr("Description"), data.description
        )
        choices = [(self.tr("(none)"), None), *((o.label, o.id) for o in organizations)]
        self.lead_combo = shrinkable(
            self.add_choice(
                "lead_organization_id",
                self.tr("Lead organization"),
                choices,
                data.lead_organization_id,
            )
        )
        self.partners_list = QListWidget()
        for organization in organizations:
            item = QListWidgetItem(organization.label, self.partners_list)
            item.setData(Qt.ItemDataRole.UserRole, organization.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = organization.id in data.partner_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        # Long names are elided rather than scrolled sideways; the list shows a few rows.
        self.partners_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.partners_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = min(max(len(organizations), 1), _PARTNER_ROWS)
        row_height = max(self.partners_list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        frame = self.partners_list.frameWidth() * 2
        self.partners_list.setFixedHeight(row_height * rows + frame + 2)
        self.add_row("partner_ids", self.tr("Partners"), self.partners_list)
        self.start_edit = self.add_optional_date("start_date", self.tr("Start"), data.start_date)
        self.end_edit = self.add_optional_date("end_date", self.tr("End"), data.end_date)
        self.status_combo = self.add_choice(
            "status", self.tr("Status"), [(label(s), s) for s in InitiativeStatus], data.status
        )
        self.budget_edit = self.add_number(
            "planned_budget", self.tr("Planned budget"), data.planned_budget
        )
        self.setMinimumWidth(560)  # room for an organization's full name
        self.code_edit.setFocus()

    def partner_ids(self) -> tuple[int, ...]:
        """The organizations ticked in the partner list."""
        items = (self.partners_list.item(row) for row in range(self.partners_list.count()))
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def collect(self) -> InitiativeInput:
        problems: list[Problem] = []
        budget = self.read_number("planned_budget", self.budget_edit, problems)
        if problems:
            raise ValidationError(problems)
        return InitiativeInput(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            description=self.description_edit.toPlainText(),
            lead_organization_id=self.choice(self.lead_combo),
            partner_ids=self.partner_ids(),
            start_date=self.start_edit.value(),
            end_date=self.end_edit.value(),
            status=InitiativeStatus(self.choice(self.status_combo)),
            planned_budget=budget,
        )
