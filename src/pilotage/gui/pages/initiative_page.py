"""An initiative: its fields and partners, its KPIs, milestones and budget lines (the
last two editable, see milestones_section.py and budget_section.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.labels import label
from pilotage.gui.models.tables import KpisModel
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.budget_section import BudgetSection
from pilotage.gui.pages.milestones_section import MilestonesSection
from pilotage.gui.pages.widgets import (
    SPACING,
    FieldForm,
    StatusCounts,
    TableView,
    section_title,
)
from pilotage.gui.qt import QHBoxLayout, QLabel, QThreadPool, QWidget
from pilotage.services.budget import BudgetLineRow, list_budget_lines
from pilotage.services.initiatives import InitiativeRow, get_initiative
from pilotage.services.milestones import MilestoneRow, list_milestones
from pilotage.services.organizations import list_organizations
from pilotage.services.overview import InitiativeNode


@dataclass(frozen=True)
class InitiativeDetail:
    """What the page reads beyond the navigator's tree."""

    initiative: InitiativeRow
    organizations: dict[int, str]  # id -> "Name (ACRONYM)"
    milestones: list[MilestoneRow]
    budget_lines: list[BudgetLineRow]


def fetch_initiative(db: Database, initiative_id: int) -> InitiativeDetail:
    organizations = {
        o.id: f"{o.name} ({o.acronym})" if o.acronym else o.name for o in list_organizations(db)
    }
    return InitiativeDetail(
        get_initiative(db, initiative_id),
        organizations,
        list_milestones(db, initiative_id),
        list_budget_lines(db, initiative_id),
    )


class InitiativePage(Page):
    def __init__(self, db: Database, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(db, pool, parent)
        self.initiative: InitiativeNode | None = None
        self._as_of = date.min
        self._currency = ""

        left = FieldForm()
        self.code = left.add(self.tr("Code"))
        self.stage = left.add(self.tr("Stage"))
        self.lead = left.add(self.tr("Lead"))
        self.partners = left.add(self.tr("Partners"))
        right = FieldForm()
        self.period = right.add(self.tr("Period"))
        self.planned_budget = right.add(self.tr("Planned budget"))
        self.warnings = right.add(self.tr("Note"))
        self._right = right
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 3)
        columns.addWidget(left, 3)
        columns.addWidget(right, 2)
        self.body.addLayout(columns)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.body.addWidget(self.description)

        self.body.addWidget(section_title(self.tr("KPIs")))
        self.counts = StatusCounts()
        self.body.addWidget(self.counts)
        self.kpis_model = KpisModel(self)
        self.body.addWidget(TableView(self.kpis_model))

        self.milestones = MilestonesSection()
        self.milestones_model = self.milestones.milestones_model
        self.body.addWidget(self.milestones)

        self.budget = BudgetSection()
        self.budget_model = self.budget.budget_model
        self.budget_total = self.budget.total
        self.body.addWidget(self.budget)
        self.finish()

    def editing_changed(self) -> None:
        for section in (self.milestones, self.budget):
            section.set_editing(self._stack, self._edits)

    def show_initiative(
        self, initiative: InitiativeNode, path: str, currency: str, as_of: date
    ) -> None:
        """`path`: the codes above it ("CP-MTNRA-MNC / P1"); `currency`: its program's."""
        if self.initiative is not None and self.initiative.id != initiative.id:
            # Another initiative: never show the previous one's tables under this one's name.
            self.milestones.clear()
            self.budget.clear()
        self.initiative = initiative
        self._as_of, self._currency = as_of, currency
        self.header.set(
            self.tr("Initiative · {path} · as of {day}").format(
                path=path, day=formats.date_text(as_of)
            ),
            f"{initiative.code}  {initiative.name}",
            initiative.headline,
        )
        self.code.setText(initiative.code)
        self.stage.setText(label(initiative.status))
        self.counts.set_rollup(initiative.rollup)
        self.kpis_model.set_rows(initiative.kpis)
        db, initiative_id = self._db, initiative.id
        self.fetch(lambda: fetch_initiative(db, initiative_id))

    def fill(self, data: InitiativeDetail) -> None:
        row, names = data.initiative, data.organizations
        currency = self._currency
        lead = row.lead_organization_id
        self.lead.setText(names.get(lead, "") if lead is not None else formats.NO_VALUE)
        self.partners.setText(
            "\n".join(names.get(i, "") for i in row.partner_ids) or formats.NO_VALUE
        )
        self.period.setText(
            self.tr("{start} to {end}").format(
                start=formats.date_text(row.start_date), end=formats.date_text(row.end_date)
            )
        )
        self.planned_budget.setText(formats.money(row.planned_budget, currency))
        self.warnings.setText("\n".join(row.warnings))
        self._right.set_row_visible(self.warnings, bool(row.warnings))
        self.description.setText(row.description)
        self.description.setVisible(bool(row.description))
        self.milestones.heading = self.budget.heading = f"{row.code}  {row.name}"
        self.milestones.show_milestones(row.id, row.code, data.milestones, self._as_of)
        start = row.start_date.year if row.start_date else self._as_of.year
        self.budget.show_lines(row.id, row.code, data.budget_lines, currency, start)
