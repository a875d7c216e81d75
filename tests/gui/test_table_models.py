"""Every table model of the pages, the dashboard and the forms passes Qt's model tester,
filled with rows from the demo (checked by hand against demo_data.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from gui_support import DEMO_END
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.gui.dialogs.disaggregation_dialog import DisaggregationTable
from pilotage.gui.models.dashboard import FlaggedKpisModel, LateMilestonesModel
from pilotage.gui.models.tables import (
    BudgetLinesModel,
    InitiativesModel,
    KpisModel,
    MilestonesModel,
    PartiesModel,
    PillarsModel,
)
from pilotage.gui.qt import Qt
from pilotage.services.budget import list_budget_lines
from pilotage.services.measurement_validation import DisaggregationInput
from pilotage.services.milestones import list_late_milestones, list_milestones
from pilotage.services.overview import InitiativeNode, ProgramTree, program_trees
from pilotage.services.parties import list_parties

LATE_DAY = date(2025, 12, 31)  # two milestones overdue, two KPIs with overdue measurements


def _tree(db: Database, as_of: date = DEMO_END) -> ProgramTree:
    return program_trees(db, as_of)[0]


def _jobintech(tree: ProgramTree) -> InitiativeNode:
    return next(i for p in tree.pillars for i in p.initiatives if i.code == "P1-JIT")


def _column(model: LateMilestonesModel | FlaggedKpisModel | KpisModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_late_milestones_model(qtmodeltester: ModelTester, demo_db: Database) -> None:
    model = LateMilestonesModel()
    qtmodeltester.check(model)  # empty
    program = _tree(demo_db, LATE_DAY).program
    model.set_rows(list_late_milestones(demo_db, program.id, LATE_DAY))
    # Due 2025-03-31 and 2025-09-30: 275 and 92 days before the last day of 2025.
    assert _column(model, LateMilestonesModel.INITIATIVE) == ["P1-VIV", "P1-JIT"]
    assert _column(model, LateMilestonesModel.DAYS_LATE) == ["275", "92"]
    qtmodeltester.check(model)
    model.sort(LateMilestonesModel.DAYS_LATE, Qt.SortOrder.AscendingOrder)
    assert _column(model, LateMilestonesModel.INITIATIVE) == ["P1-JIT", "P1-VIV"]
    qtmodeltester.check(model)


def test_the_flagged_kpis_model(qtmodeltester: ModelTester, demo_db: Database) -> None:
    model = FlaggedKpisModel()
    qtmodeltester.check(model)  # empty
    model.set_rows([k for k in _tree(demo_db, LATE_DAY).all_kpis() if k.flags])
    assert sorted(_column(model, FlaggedKpisModel.CODE)) == ["JIT-APP", "JIT-INS"]
    assert set(_column(model, FlaggedKpisModel.FLAGS)) == {"Overdue measurement"}
    qtmodeltester.check(model)


def test_the_program_tables(qtmodeltester: ModelTester, demo_db: Database) -> None:
    tree = _tree(demo_db)
    pillars = PillarsModel()
    pillars.set_rows(tree.pillars)
    assert pillars.rowCount() == 3  # the demo's three pillars
    qtmodeltester.check(pillars)
    parties = PartiesModel()
    parties.set_rows(list_parties(demo_db, tree.program.id))
    assert parties.rowCount() == 3  # MTNRA, MNC and CDG
    qtmodeltester.check(parties)


def test_the_pillar_and_initiative_tables(qtmodeltester: ModelTester, demo_db: Database) -> None:
    tree = _tree(demo_db)
    initiatives = InitiativesModel()
    initiatives.set_rows(tree.pillars[0].initiatives)
    assert "P1-JIT" in [initiatives.row_at(r).code for r in range(initiatives.rowCount())]
    qtmodeltester.check(initiatives)
    kpis = KpisModel()
    kpis.set_rows(_jobintech(tree).kpis)
    assert sorted(_column(kpis, 0)) == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]
    qtmodeltester.check(kpis)


def test_the_milestones_and_budget_tables(qtmodeltester: ModelTester, demo_db: Database) -> None:
    jobintech = _jobintech(_tree(demo_db))
    milestones = MilestonesModel()
    milestones.set_milestones(list_milestones(demo_db, jobintech.id), DEMO_END)
    assert milestones.rowCount() == 4  # launch, first graduates, review, scale-up
    qtmodeltester.check(milestones)
    budget = BudgetLinesModel()
    budget.set_rows(list_budget_lines(demo_db, jobintech.id))
    years = [budget.index(r, BudgetLinesModel.YEAR).data() for r in range(budget.rowCount())]
    assert sorted(years) == ["2024", "2025", "2026"]
    qtmodeltester.check(budget)


def test_the_disaggregation_grid(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    # JIT-DIP's second quarter of 2024: 104 women and 136 men.
    parts = [
        DisaggregationInput("Sexe", "Femmes", Decimal(104)),
        DisaggregationInput("Sexe", "Hommes", Decimal(136)),
    ]
    grid = DisaggregationTable(parts)
    qtbot.addWidget(grid)
    model = grid.table.model()
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    grid.add_row()
    assert model.rowCount() == 3
    assert model.index(2, 0).data() == "Sexe"  # the next category of the same dimension
    qtmodeltester.check(model)
