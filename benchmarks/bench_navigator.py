"""(c) of bench_gui.py: the navigator on a portfolio, lazy against a QStandardItemModel
tree built whole (the eager reference)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bench_common import Result, application, best_of
from pilotage.gui.models.collector import collector_paused
from pilotage.gui.models.navigator_filter import NavigatorFilterModel
from pilotage.gui.models.navigator_model import NavigatorModel
from pilotage.gui.models.navigator_rows import NodeRow, child_rows, identity
from pilotage.gui.qt import QStandardItem, QStandardItemModel, QTreeView
from pilotage.gui.status import status_icon
from pilotage.services.overview import ProgramTree

VIEW_HEIGHT = 700


def standard_tree(trees: Sequence[ProgramTree]) -> QStandardItemModel:
    """The eager reference: every node an item, with its text, dot and progress."""
    model = QStandardItemModel()
    model.setColumnCount(2)

    def add(parent: QStandardItem, row: object) -> None:
        _kind, _id, code, name = identity(row)  # type: ignore[arg-type]
        item = QStandardItem(f"{code}  {name}")
        status = row.evaluation.status if hasattr(row, "evaluation") else row.headline  # type: ignore[attr-defined]
        item.setIcon(status_icon(status))
        parent.appendRow([item, QStandardItem("")])
        for child in child_rows(row):  # type: ignore[arg-type]
            add(item, child)

    root = model.invisibleRootItem()
    with collector_paused():
        for tree in trees:
            add(root, tree)
    return model


def tree_view(model: object) -> QTreeView:
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.setModel(model)  # type: ignore[arg-type]
    view.resize(400, VIEW_HEIGHT)
    return view


def expand_first_program(view: QTreeView) -> None:
    """What the main window opens a portfolio on: the first program and its pillars."""
    model = view.model()
    program = model.index(0, 0)
    view.expand(program)
    while model.canFetchMore(program):
        model.fetchMore(program)
    for row in range(model.rowCount(program)):
        view.expand(model.index(row, 0, program))


def bench_navigator(trees: Sequence[ProgramTree]) -> list[Result]:
    application()
    nodes = sum(1 for tree in trees for _ in _walk(tree))

    def lazy(expand: bool) -> float:
        def run() -> None:  # a new model each time: the first load, as the window's
            model = NavigatorModel()
            proxy = NavigatorFilterModel()
            proxy.setSourceModel(model)
            view = tree_view(proxy)
            model.reload(trees)
            if expand:
                expand_first_program(view)
            view.grab()

        return best_of(run)

    def eager(expand: bool) -> float:
        def run() -> None:
            view = tree_view(standard_tree(trees))
            if expand:
                expand_first_program(view)
            view.grab()

        return best_of(run)

    lazy_plain, eager_plain = lazy(False), eager(False)
    lazy_open, eager_open = lazy(True), eager(True)

    model = NavigatorModel()
    view = tree_view(model)
    model.reload(trees)
    expand_first_program(view)
    same_seconds = best_of(lambda: (model.reload(trees), view.grab()))
    return [
        Result(
            f"(c) navigator, {nodes:,} nodes: reload + first paint",
            lazy_plain,
            eager_plain,
            "QStandardItemModel tree",
        ),
        Result(
            "(c) navigator, first program open: reload + paint",
            lazy_open,
            eager_open,
            "QStandardItemModel tree",
        ),
        Result(
            "(c) navigator, same structure: reload + paint",
            same_seconds,
            eager_plain,
            "QStandardItemModel tree",
            note="figures updated in place (a new date, a new measurement)",
        ),
    ]


def _walk(row: NodeRow) -> Iterator[NodeRow]:
    yield row
    for child in child_rows(row):
        yield from _walk(child)
