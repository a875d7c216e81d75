"""The navigator hands a branch to the view when it is opened; the search still finds
what lies in branches never opened; a reload with the same structure updates in place."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import DEMO_END, MID_YEAR
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.navigator_filter import NavigatorFilterModel
from pilotage.gui.models.navigator_model import (
    CodeRole,
    NavigatorModel,
    NodeKind,
    StatusRole,
)
from pilotage.gui.qt import QAbstractItemModel, QModelIndex, QTreeView
from pilotage.services.overview import program_trees

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate_portfolio import generate


def _codes(model: QAbstractItemModel, parent: QModelIndex) -> list[str]:
    """The codes of the children handed over so far (nothing is fetched here)."""
    return [model.index(row, 0, parent).data(CodeRole) for row in range(model.rowCount(parent))]


def _child(model: QAbstractItemModel, parent: QModelIndex, code: str) -> QModelIndex:
    return next(
        model.index(row, 0, parent)
        for row in range(model.rowCount(parent))
        if model.index(row, 0, parent).data(CodeRole) == code
    )


def test_a_branch_is_handed_to_the_view_when_it_is_opened(qtbot: QtBot, demo_db: Database) -> None:
    model = NavigatorModel()
    model.reload(program_trees(demo_db, DEMO_END))
    program = model.index(0, 0)
    assert program.data(CodeRole) == "CP-MTNRA-MNC"
    # Nothing below the program yet, but the view is told there is something to open.
    assert model.rowCount(program) == 0
    assert model.hasChildren(program)
    assert model.canFetchMore(program)

    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    view.expand(program)
    qtbot.waitUntil(lambda: model.rowCount(program) > 0)
    assert _codes(model, program) == ["CP-PART", "P1", "P2", "P3"]
    p1 = _child(model, program, "P1")
    assert model.rowCount(p1) == 0  # still closed: its initiatives wait
    view.expand(p1)
    qtbot.waitUntil(lambda: model.rowCount(p1) > 0)
    assert _codes(model, p1) == ["P1-JIT", "P1-VIV"]
    jit = _child(model, p1, "P1-JIT")
    assert model.rowCount(jit) == 0
    assert model.hasChildren(jit)
    kpi = _child(model, program, "CP-PART")
    assert not model.hasChildren(kpi)
    assert not model.canFetchMore(kpi)


def test_fetch_more_hands_over_a_batch_at_a_time(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = NavigatorModel()
    model.batch = 3
    model.reload(program_trees(demo_db, DEMO_END))
    program = model.index(0, 0)
    model.fetchMore(program)
    assert _codes(model, program) == ["CP-PART", "P1", "P2"]
    assert model.canFetchMore(program)
    model.fetchMore(program)
    assert _codes(model, program) == ["CP-PART", "P1", "P2", "P3"]
    assert not model.canFetchMore(program)
    model.batch = 1
    qtmodeltester.check(model)  # fetches every branch, one row at a time


def test_the_search_finds_a_kpi_in_a_branch_never_opened(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = NavigatorModel()
    model.reload(program_trees(demo_db, DEMO_END))
    proxy = NavigatorFilterModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount(proxy.index(0, 0)) == 0  # nothing opened
    proxy.set_search("taux d'insertion")
    # Its branch was handed over: walked without fetching anything.
    program = proxy.index(0, 0)
    assert _codes(proxy, program) == ["P1"]
    p1 = _child(proxy, program, "P1")
    assert _codes(proxy, p1) == ["P1-JIT"]
    jit = _child(proxy, p1, "P1-JIT")
    assert _codes(proxy, jit) == ["JIT-INS"]
    qtmodeltester.check(proxy)
    proxy.set_search("")
    assert _codes(proxy, program) == ["CP-PART", "P1", "P2", "P3"]


def test_the_search_follows_a_reset_of_the_tree(demo_db: Database) -> None:
    model = NavigatorModel()
    trees = program_trees(demo_db, DEMO_END)
    model.reload(trees)
    proxy = NavigatorFilterModel()
    proxy.setSourceModel(model)
    proxy.set_search("JIT-TXD")
    model.reload([])  # another database: nothing
    assert proxy.rowCount() == 0
    model.reload(trees)  # the new rows are searched again, their branches handed over
    p1 = _child(proxy, proxy.index(0, 0), "P1")
    assert _codes(proxy, _child(proxy, p1, "P1-JIT")) == ["JIT-TXD"]


def test_a_reload_with_the_same_structure_updates_what_was_built_in_place(
    qtbot: QtBot, demo_db: Database
) -> None:
    model = NavigatorModel()
    model.reload(program_trees(demo_db, DEMO_END))
    jit_ins = model.index_of((NodeKind.KPI, _kpi_id(demo_db, "JIT-INS")))
    assert jit_ins.data(StatusRole) == "on_track"
    announced: list[QModelIndex] = []
    model.dataChanged.connect(lambda first, _last: announced.append(first))
    with qtbot.assertNotEmitted(model.modelReset):
        assert model.reload(program_trees(demo_db, MID_YEAR)) is False
    # The demo's mid-year figures (demo_data.py): no insertion rate measured yet.
    assert jit_ins.data(StatusRole) == "no_data"
    assert jit_ins in announced
    for index in announced:  # only rows the view was given
        assert index.isValid()
        assert index.row() < model.rowCount(index.parent())
    # A branch opened after the reload shows the new figures too.
    p2 = model.index_of((NodeKind.PILLAR, _pillar_id(demo_db, "P2")))
    while model.canFetchMore(p2):
        model.fetchMore(p2)
    acc = _child(model, p2, "P2-ACC")
    while model.canFetchMore(acc):
        model.fetchMore(acc)
    assert model.rowCount(acc) == 1


def _kpi_id(db: Database, code: str) -> int:
    tree = program_trees(db, DEMO_END)[0]
    return next(k.id for k in tree.all_kpis() if k.code == code)


def _pillar_id(db: Database, code: str) -> int:
    tree = program_trees(db, DEMO_END)[0]
    return next(p.id for p in tree.pillars if p.code == code)


@pytest.fixture
def portfolio(qtbot: QtBot, db: Database) -> Iterator[MainWindow]:
    """The main window on a generated portfolio of 8 programs."""
    generate(db, programs=8, initiatives=40, kpis=200, measurements=400, seed=7)
    win = MainWindow(db, as_of=DEMO_END)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.model.rowCount() > 0 and not win.is_busy())
    yield win
    win.close()


def test_a_portfolio_opens_on_its_first_program_only(portfolio: MainWindow) -> None:
    tree, proxy, model = portfolio.tree, portfolio.proxy, portfolio.model
    assert proxy.rowCount() == 8
    first, second = proxy.index(0, 0), proxy.index(1, 0)
    assert tree.isExpanded(first)
    assert proxy.rowCount(first) > 0
    assert all(tree.isExpanded(proxy.index(r, 0, first)) for r in range(proxy.rowCount(first)))
    assert not tree.isExpanded(second)
    # The other programs' branches are not built until opened.
    assert model.rowCount(proxy.mapToSource(second)) == 0
    assert model.hasChildren(proxy.mapToSource(second))


def test_the_search_reveals_a_node_beyond_the_batch_handed_over(
    qtmodeltester: ModelTester, demo_db: Database
) -> None:
    model = NavigatorModel()
    model.batch = 1  # one child per fetch: P3 and its initiatives lie beyond
    model.reload(program_trees(demo_db, DEMO_END))
    proxy = NavigatorFilterModel()
    proxy.setSourceModel(model)
    assert model.rowCount(model.index(0, 0)) == 0
    proxy.set_search("VEI-NOT")
    program = proxy.index(0, 0)
    p3 = _child(proxy, program, "P3")
    vei = _child(proxy, p3, "P3-VEI")
    assert _codes(proxy, vei) == ["VEI-NOT"]
    qtmodeltester.check(proxy)
    qtmodeltester.check(model)


def test_a_node_without_progress_shows_the_dash_the_tables_show(demo_db: Database) -> None:
    model = NavigatorModel()
    model.reload(program_trees(demo_db, DEMO_END))
    program = model.index(0, 0)
    model.fetchMore(program)
    p1 = _child(model, program, "P1")
    model.fetchMore(p1)
    # P1-VIV has no measurement by the end of 2024; P1-JIT has (about 95%).
    progress = NavigatorModel.COLUMN_PROGRESS
    assert _child(model, p1, "P1-VIV").siblingAtColumn(progress).data() == "—"
    assert _child(model, p1, "P1-JIT").siblingAtColumn(progress).data().startswith("9")
