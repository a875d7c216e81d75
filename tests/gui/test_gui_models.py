"""The Qt item models: Qt's own model tester on each, and what they show."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from gui_support import DEMO_END, MID_YEAR
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.formatting import NO_VALUE
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.models.navigator_filter import NavigatorFilterModel
from pilotage.gui.models.navigator_model import (
    CodeRole,
    IdRole,
    KindRole,
    NavigatorModel,
    NodeKind,
    StatusRole,
    search_key,
)
from pilotage.gui.models.rows_model import BATCH
from pilotage.gui.models.tables import (
    BudgetLinesModel,
    InitiativesModel,
    KpisModel,
    MilestonesModel,
    PartiesModel,
    PillarsModel,
    TargetsModel,
)
from pilotage.gui.qt import QModelIndex, Qt
from pilotage.services.budget import list_budget_lines
from pilotage.services.kpi_detail import kpi_detail
from pilotage.services.milestones import MilestoneRow, list_milestones
from pilotage.services.overview import ProgramTree, program_trees
from pilotage.services.parties import list_parties


def _kpi_id(tree: ProgramTree, code: str) -> int:
    return next(k.id for k in tree.all_kpis() if k.code == code)


def _find(model: NavigatorModel | NavigatorFilterModel, code: str) -> QModelIndex:
    hits = model.match(
        model.index(0, 0),
        CodeRole,
        code,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    return hits[0] if hits else QModelIndex()


def test_navigator_model_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = NavigatorModel()
    qtmodeltester.check(model)  # empty
    model.reload(program_trees(demo_db, DEMO_END))
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    program = model.index(0, 0)
    assert (
        program.data()
        == "CP-MTNRA-MNC  Contrat-programme pour le développement de l'innovation digitale"
    )
    assert program.data(KindRole) == NodeKind.PROGRAM.value
    # The program's own KPI comes first, then the pillars in position order.
    children = [model.index(r, 0, program).data(CodeRole) for r in range(model.rowCount(program))]
    assert children == ["CP-PART", "P1", "P2", "P3"]
    jit = _find(model, "JIT-INS")
    assert jit.data(KindRole) == "kpi"
    assert jit.data(StatusRole) == "on_track"
    assert jit.siblingAtColumn(NavigatorModel.COLUMN_PROGRESS).data() == "96.0%"
    assert not jit.data(Qt.ItemDataRole.DecorationRole).isNull()
    tooltip = jit.data(Qt.ItemDataRole.ToolTipRole)
    assert "On track" in tooltip
    assert "latest value, period 2024-H2: 72%" in tooltip
    assert model.path_at(jit) == "CP-MTNRA-MNC / P1 / P1-JIT"
    assert model.key_at(jit) == (NodeKind.KPI, jit.data(IdRole))


def test_a_new_date_updates_the_figures_without_a_reset(
    qtmodeltester: ModelTester, qtbot: QtBot, demo_db: Database
) -> None:
    model = NavigatorModel()
    assert model.reload(program_trees(demo_db, DEMO_END)) is True
    jit = _find(model, "JIT-INS")
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last: changed.append(first.data(IdRole)))
    with qtbot.assertNotEmitted(model.modelReset):
        assert model.reload(program_trees(demo_db, MID_YEAR)) is False
    assert jit.isValid()
    assert jit.data(StatusRole) == "no_data"
    assert jit.data(IdRole) in changed
    qtmodeltester.check(model)
    # Nothing moved: reloading the same figures announces nothing.
    changed.clear()
    model.reload(program_trees(demo_db, MID_YEAR))
    assert changed == []


def test_a_changed_structure_resets(demo_db: Database, qtbot: QtBot) -> None:
    model = NavigatorModel()
    trees = program_trees(demo_db, DEMO_END)
    model.reload(trees)
    tree = trees[0]
    fewer = replace(tree, pillars=tree.pillars[:2])
    with qtbot.waitSignal(model.modelReset):
        assert model.reload([fewer]) is True
    assert not _find(model, "P3").isValid()


def test_the_filter_proxy_passes_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = NavigatorModel()
    model.reload(program_trees(demo_db, DEMO_END))
    proxy = NavigatorFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_search("Écosystème")
    qtmodeltester.check(proxy)
    assert _find(proxy, "P2").isValid()
    assert _find(proxy, "EVT-NB").isValid()  # a match keeps its children
    assert not _find(proxy, "P1").isValid()
    proxy.set_search("no such thing")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert _find(proxy, "P1").isValid()


@pytest.mark.parametrize(
    ("text", "key"),
    [("Écosystème", "ecosysteme"), ("TPE-PME", "tpe-pme"), ("Straße", "strasse")],
)
def test_search_keys_ignore_case_and_accents(text: str, key: str) -> None:
    assert search_key(text) == key


def test_measurements_model(qtmodeltester: ModelTester, demo_db: Database) -> None:
    tree = program_trees(demo_db, DEMO_END)[0]
    detail = kpi_detail(demo_db, _kpi_id(tree, "JIT-APP"), DEMO_END)
    model = MeasurementsModel()
    qtmodeltester.check(model)
    model.set_measurements(detail.kpi.measure, detail.kpi.unit, list(detail.measurements))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    values = [model.index(r, MeasurementsModel.VALUE).data() for r in range(3)]
    assert values == ["330", "350", "320"]
    assert model.index(0, MeasurementsModel.PERIOD).data() == "2024-Q1"
    assert model.headerData(MeasurementsModel.VALUE, Qt.Orientation.Horizontal) == "Value"
    alignment = model.headerData(
        MeasurementsModel.VALUE, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
    )
    assert alignment & Qt.AlignmentFlag.AlignRight

    percentage = kpi_detail(demo_db, _kpi_id(tree, "JIT-INS"), DEMO_END)
    model.set_measurements(
        percentage.kpi.measure, percentage.kpi.unit, list(percentage.measurements)
    )
    # One decimal, so that a column of percentages lines up.
    assert model.index(0, MeasurementsModel.VALUE).data() == "72.0%"


def test_a_long_table_is_handed_to_the_view_in_batches(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    tree = program_trees(demo_db, DEMO_END)[0]
    detail = kpi_detail(demo_db, _kpi_id(tree, "EVT-NB"), DEMO_END)
    one = detail.measurements[0]
    many = [replace(one, id=i, value=Decimal(1000 + i)) for i in range(1234)]
    model = MeasurementsModel()
    model.set_measurements(detail.kpi.measure, detail.kpi.unit, many)
    assert model.rowCount() == BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BATCH
    qtmodeltester.check(model)  # fetches the rest
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 1234
    assert not model.canFetchMore(QModelIndex())
    assert model.index(0, MeasurementsModel.VALUE).data() == "1,000"
    assert model.index(1233, MeasurementsModel.VALUE).data() == "2,233"


def test_the_page_tables_pass_the_model_tester(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    tree = program_trees(demo_db, DEMO_END)[0]
    jit = tree.pillars[0].initiatives[0]
    parties = PartiesModel()
    parties.set_rows(list_parties(demo_db, tree.program.id))
    pillars = PillarsModel()
    pillars.set_rows(tree.pillars)
    initiatives = InitiativesModel()
    initiatives.set_rows(tree.pillars[0].initiatives)
    kpis = KpisModel()
    kpis.set_rows(jit.kpis)
    milestones = MilestonesModel()
    milestones.set_milestones(list_milestones(demo_db, jit.id), DEMO_END)
    budget = BudgetLinesModel()
    budget.set_rows(list_budget_lines(demo_db, jit.id))
    targets = TargetsModel()
    detail = kpi_detail(demo_db, _kpi_id(tree, "JIT-INS"), DEMO_END)
    targets.set_targets(list(detail.targets), str)
    for model in (parties, pillars, initiatives, kpis, milestones, budget, targets):
        qtmodeltester.check(model)

    assert pillars.index(1, PillarsModel.STATUS).data() == "At risk"
    assert kpis.index(1, KpisModel.ACTUAL).data() == "734 diplômés"
    assert kpis.index(0, KpisModel.ACTUAL).data() == "1,000 apprenants"
    assert budget.index(0, BudgetLinesModel.COMMITTED).data() == "3,800,000.00"
    states = [milestones.index(r, MilestonesModel.STATE).data() for r in range(4)]
    assert states == ["Done", "Done", "Upcoming", "Upcoming"]
    milestones.set_milestones(list_milestones(demo_db, jit.id), MID_YEAR.replace(year=2025))
    assert milestones.index(3, MilestonesModel.STATE).data() == "Upcoming"
    milestones.set_milestones(list_milestones(demo_db, jit.id), DEMO_END.replace(year=2025))
    assert milestones.index(3, MilestonesModel.STATE).data() == "Late by 92 day(s)"


def test_a_milestone_done_after_the_as_of_date_is_not_shown_done() -> None:
    """Judged as of 2024-12-31, a milestone done on 2025-03-10 was still to come:
    the Done column stays empty and its tooltip tells the later date."""
    row = MilestoneRow(1, 1, 1, "Bilan", date(2025, 1, 31), date(2025, 3, 10), "")
    model = MilestonesModel()
    model.set_milestones([row], date(2024, 12, 31))
    done = model.index(0, MilestonesModel.DONE)
    assert done.data() == NO_VALUE
    assert "2025-03-10" in done.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, MilestonesModel.STATE).data() == "Upcoming"
    model.set_milestones([row], date(2025, 6, 30))
    assert model.index(0, MilestonesModel.DONE).data() == "2025-03-10"
    assert model.index(0, MilestonesModel.DONE).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, MilestonesModel.STATE).data() == "Done"
