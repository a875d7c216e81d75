"""A contract-program: identity, dates, budget, parties and signatories, KPIs by status."""

from __future__ import annotations

from dataclasses import dataclass

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.labels import label
from pilotage.gui.models.tables import KpisModel, PartiesModel, PillarsModel
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.widgets import (
    SPACING,
    FieldForm,
    StatusCounts,
    TableView,
    section_title,
)
from pilotage.gui.qt import QHBoxLayout, QThreadPool, QWidget
from pilotage.services.budget import BudgetSummary, budget_summary
from pilotage.services.overview import ProgramTree
from pilotage.services.parties import PartyRow, list_parties


@dataclass(frozen=True)
class ProgramExtras:
    """What the page reads beyond the navigator's tree."""

    parties: list[PartyRow]
    budget: BudgetSummary


def fetch_program(db: Database, program_id: int) -> ProgramExtras:
    return ProgramExtras(list_parties(db, program_id), budget_summary(db, program_id))


class ProgramPage(Page):
    def __init__(self, db: Database, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(db, pool, parent)
        self.tree: ProgramTree | None = None

        identity = FieldForm()
        self.reference = identity.add(self.tr("Reference"))
        self.status = identity.add(self.tr("Status"))
        self.signed_on = identity.add(self.tr("Signed on"))
        self.period = identity.add(self.tr("Period"))
        self.description = identity.add(self.tr("Description"))
        money = FieldForm()
        self.total_budget = money.add(self.tr("Total budget"))
        self.planned = money.add(self.tr("Planned (budget lines)"))
        self.committed = money.add(self.tr("Committed"))
        self.disbursed = money.add(self.tr("Disbursed"))
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 3)
        columns.addWidget(identity, 3)
        columns.addWidget(money, 2)
        self.body.addLayout(columns)

        self.body.addWidget(section_title(self.tr("KPIs by status")))
        self.counts = StatusCounts()
        self.body.addWidget(self.counts)

        self.body.addWidget(section_title(self.tr("Pillars")))
        self.pillars_model = PillarsModel(self)
        self.body.addWidget(TableView(self.pillars_model))

        self.own_kpis_title = section_title(self.tr("Program KPIs"))
        self.own_kpis_model = KpisModel(self)
        self.own_kpis = TableView(self.own_kpis_model)
        self.body.addWidget(self.own_kpis_title)
        self.body.addWidget(self.own_kpis)

        self.body.addWidget(section_title(self.tr("Parties and signatories")))
        self.parties_model = PartiesModel(self)
        self.body.addWidget(TableView(self.parties_model))
        self.finish()

    def show_program(self, tree: ProgramTree) -> None:
        """Show the program as the tree holds it, then fetch its parties and budget lines."""
        self.tree = tree
        program = tree.program
        self.header.set(
            self.tr("Contract-program · as of {day}").format(day=formats.date_text(tree.as_of)),
            program.title,
            tree.headline,
        )
        self.reference.setText(program.reference)
        self.status.setText(label(program.status))
        self.signed_on.setText(formats.date_text(program.signed_on))
        self.period.setText(
            self.tr("{start} to {end}").format(
                start=formats.date_text(program.start_date),
                end=formats.date_text(program.end_date),
            )
        )
        self.description.setText(program.description or formats.NO_VALUE)
        self.total_budget.setText(formats.money(program.total_budget, program.currency))
        self.counts.set_rollup(tree.rollup)
        self.pillars_model.set_rows(tree.pillars)
        self.own_kpis_model.set_rows(tree.kpis)
        self.own_kpis_title.setVisible(bool(tree.kpis))
        self.own_kpis.setVisible(bool(tree.kpis))
        db, program_id = self._db, program.id
        self.fetch(lambda: fetch_program(db, program_id))

    def fill(self, data: ProgramExtras) -> None:
        currency = self.tree.program.currency if self.tree else ""
        self.parties_model.set_rows(data.parties)
        self.planned.setText(formats.money(data.budget.planned, currency))
        self.committed.setText(formats.money(data.budget.committed, currency))
        self.disbursed.setText(formats.money(data.budget.disbursed, currency))
