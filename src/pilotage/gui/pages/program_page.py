"""A contract-program: identity, dates, budget, parties and signatories, and a dashboard
(KPIs by status, pillars, late milestones, KPIs with quality flags).

The watch lists lead somewhere: a double-click or Enter on a row emits
`navigate_requested(kind, id)` ("initiative" or "kpi", as `NodeKind` spells them);
the main window selects that node in the navigator. The parties are edited in
place (parties_section.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pilotage.db.database import Database
from pilotage.gui import formats
from pilotage.gui.labels import label
from pilotage.gui.models.dashboard import FlaggedKpisModel, LateMilestonesModel
from pilotage.gui.models.tables import KpisModel, PillarsModel
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.parties_section import PartiesSection
from pilotage.gui.pages.widgets import (
    SPACING,
    FieldForm,
    StatusCounts,
    TableView,
    mute,
    section_title,
)
from pilotage.gui.pillar_chart import PillarBar, PillarProgressChart
from pilotage.gui.qt import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
)
from pilotage.services.budget import BudgetSummary, budget_summary
from pilotage.services.milestones import LateMilestoneRow, list_late_milestones
from pilotage.services.organizations import OrganizationRow, list_organizations
from pilotage.services.overview import ProgramTree
from pilotage.services.parties import PartyRow, list_parties


@dataclass(frozen=True)
class ProgramExtras:
    """What the page reads beyond the navigator's tree."""

    parties: list[PartyRow]
    budget: BudgetSummary
    late_milestones: list[LateMilestoneRow]
    organizations: list[OrganizationRow]  # those a party may be


def fetch_program(db: Database, program_id: int, as_of: date) -> ProgramExtras:
    return ProgramExtras(
        list_parties(db, program_id),
        budget_summary(db, program_id),
        list_late_milestones(db, program_id, as_of),
        list_organizations(db),
    )


class ProgramPage(Page):
    navigate_requested = Signal(str, int)  # ("initiative" | "kpi", its id)

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
        self.pillar_chart = PillarProgressChart()
        self.body.addWidget(self.pillar_chart)

        self.late_title = section_title("")
        self.late_model = LateMilestonesModel(self)
        self.late = TableView(self.late_model, max_rows=8)
        self.late.setToolTip(self.tr("Double-click or press Enter to open the initiative"))
        self.late.activated.connect(self._open_late_milestone)
        # The title takes the room, not the last (numeric) column: the days late stay
        # next to their due date instead of at the far right.
        self.late.horizontalHeader().setStretchLastSection(False)
        self.late.horizontalHeader().setSectionResizeMode(
            LateMilestonesModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.no_late = QLabel(self.tr("No milestone is late."))
        mute(self.no_late)
        self.body.addWidget(self.late_title)
        self.body.addWidget(self.late)
        self.body.addWidget(self.no_late)

        self.flagged_title = section_title("")
        self.flagged_model = FlaggedKpisModel(self)
        self.flagged = TableView(self.flagged_model, max_rows=8)
        self.flagged.setToolTip(self.tr("Double-click or press Enter to open the KPI"))
        self.flagged.activated.connect(self._open_flagged_kpi)
        self.no_flagged = QLabel(self.tr("No KPI has a quality flag."))
        mute(self.no_flagged)
        self.body.addWidget(self.flagged_title)
        self.body.addWidget(self.flagged)
        self.body.addWidget(self.no_flagged)

        self.own_kpis_title = section_title(self.tr("Program KPIs"))
        self.own_kpis_model = KpisModel(self)
        self.own_kpis = TableView(self.own_kpis_model)
        self.body.addWidget(self.own_kpis_title)
        self.body.addWidget(self.own_kpis)

        self.parties = PartiesSection()
        self.parties_model = self.parties.parties_model
        self.body.addWidget(self.parties)
        self.finish()

    def editing_changed(self) -> None:
        self.parties.set_editing(self._stack, self._edits)

    def show_program(self, tree: ProgramTree) -> None:
        """Show the program as the tree holds it, then fetch its parties and budget lines."""
        if self.tree is not None and self.tree.program.id != tree.program.id:
            self.parties.clear()  # never another program's parties under this one's name
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
        self.pillar_chart.set_bars(
            [PillarBar(p.code, p.title, p.rollup.mean_progress, p.headline) for p in tree.pillars]
        )
        self.pillar_chart.setVisible(bool(tree.pillars))
        self.own_kpis_model.set_rows(tree.kpis)
        self.own_kpis_title.setVisible(bool(tree.kpis))
        self.own_kpis.setVisible(bool(tree.kpis))
        flagged = [k for k in tree.all_kpis() if k.flags]
        self.flagged_model.set_rows(flagged)
        self.flagged_title.setText(
            self.tr("KPIs with quality flags: {count}").format(count=formats.number(len(flagged)))
        )
        self.flagged.setVisible(bool(flagged))
        self.no_flagged.setVisible(not flagged)
        if self.late_model.rowCount() == 0:
            self.late_title.setText(self.tr("Late milestones"))
            self.late.hide()
            self.no_late.hide()  # until the fetch says
        db, program_id, as_of = self._db, program.id, tree.as_of
        self.fetch(lambda: fetch_program(db, program_id, as_of))

    def fill(self, data: ProgramExtras) -> None:
        currency = self.tree.program.currency if self.tree else ""
        if self.tree is not None:
            program = self.tree.program
            self.parties.heading = f"{program.reference}  {program.title}"
            self.parties.show_parties(
                program.id, program.reference, data.parties, data.organizations
            )
        self.planned.setText(formats.money(data.budget.planned, currency))
        self.committed.setText(formats.money(data.budget.committed, currency))
        self.disbursed.setText(formats.money(data.budget.disbursed, currency))
        late = data.late_milestones
        self.late_model.set_rows(late)
        self.late_title.setText(
            self.tr("Late milestones: {count}").format(count=formats.number(len(late)))
        )
        self.late.setVisible(bool(late))
        self.no_late.setVisible(not late)

    @Slot(QModelIndex)
    def _open_late_milestone(self, index: QModelIndex) -> None:
        if index.isValid():
            milestone = self.late_model.row_at(index.row())
            self.navigate_requested.emit("initiative", milestone.initiative_id)

    @Slot(QModelIndex)
    def _open_flagged_kpi(self, index: QModelIndex) -> None:
        if index.isValid():
            self.navigate_requested.emit("kpi", self.flagged_model.row_at(index.row()).id)
