"""Tables sort in their model when the analyst clicks a header: numbers as numbers,
dates as dates, empty cells last; the service's order until then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from gui_support import click_node, wait_idle
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pilotage.gui.main_window import MainWindow
from pilotage.gui.models.rows_model import BATCH, Column, RowsModel
from pilotage.gui.models.tables import InitiativesModel, KpisModel
from pilotage.gui.pages.widgets import TableView
from pilotage.gui.qt import QModelIndex, QPersistentModelIndex, QPoint, Qt

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@dataclass(frozen=True)
class Row:
    name: str
    amount: Decimal | None
    day: date


class PlainModel(RowsModel[Row]):
    NAME, AMOUNT, DAY = 0, 1, 2

    def __init__(self) -> None:
        super().__init__()
        self.set_columns(
            [
                Column("Name", lambda r: r.name),
                Column("Amount", lambda r: str(r.amount or ""), True, key=lambda r: r.amount),
                Column("Day", lambda r: r.day.strftime("%d/%m/%Y"), key=lambda r: r.day),
            ]
        )


def _names(model: RowsModel[Row]) -> list[str]:
    return [model.row_at(r).name for r in range(model.rowCount())]


def _rows() -> list[Row]:
    return [
        Row("b", Decimal(10), date(2024, 1, 31)),
        Row("A", Decimal(9), date(2023, 12, 1)),
        Row("c", None, date(2024, 2, 1)),
        Row("d", Decimal("9.5"), date(2024, 1, 31)),
        Row("e", Decimal(10), date(2022, 6, 30)),
    ]


def test_numbers_sort_as_numbers_dates_as_dates_and_empty_cells_last() -> None:
    model = PlainModel()
    model.set_rows(_rows())
    model.sort(PlainModel.AMOUNT, ASCENDING)
    # 9 < 9.5 < 10 (as text "10" would come first); b before e: equal keys keep their order.
    assert _names(model) == ["A", "d", "b", "e", "c"]
    model.sort(PlainModel.AMOUNT, DESCENDING)
    assert _names(model) == ["b", "e", "d", "A", "c"]  # still stable, still None last
    model.sort(PlainModel.DAY, ASCENDING)  # "01/..." would sort before "30/06/2022" as text
    assert _names(model) == ["e", "A", "b", "d", "c"]
    model.sort(PlainModel.NAME, ASCENDING)  # text, case-folded
    assert _names(model) == ["A", "b", "c", "d", "e"]
    model.sort(-1, ASCENDING)  # back to the service's order
    assert _names(model) == ["b", "A", "c", "d", "e"]


def test_new_rows_keep_the_chosen_order(qtmodeltester: ModelTester) -> None:
    model = PlainModel()
    model.sort(PlainModel.AMOUNT, DESCENDING)
    model.set_rows(_rows())
    assert _names(model) == ["b", "e", "d", "A", "c"]
    assert model.sort_column() == PlainModel.AMOUNT
    qtmodeltester.check(model)


def test_a_selected_row_follows_the_sort_and_the_batch_stays_the_same_size(
    qtmodeltester: ModelTester,
) -> None:
    rows = [Row(f"r{n}", Decimal(n % 997), date(2024, 1, 1)) for n in range(3 * BATCH)]
    model = PlainModel()
    model.set_rows(rows)
    assert model.rowCount() == BATCH
    watched = QPersistentModelIndex(model.index(3, PlainModel.AMOUNT))  # r3, amount 3
    far = QPersistentModelIndex(model.index(BATCH - 1, 0))  # r499, amount 499
    model.sort(PlainModel.AMOUNT, ASCENDING)
    assert model.rowCount() == BATCH  # as many rows handed to the view as before
    assert model.row_at(watched.row()).name == "r3"
    assert watched.column() == PlainModel.AMOUNT
    # Amounts 0, 0, 1, 1, 2, 2, 3 (r3 then r1000): r3 is the 7th row.
    assert watched.row() == 6
    # r499 sorts past the rows handed to the view: its index is no longer valid.
    assert not far.isValid()
    amounts = [model.row_at(r).amount for r in range(model.rowCount())]
    assert amounts == sorted(amounts)
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    model.sort(PlainModel.AMOUNT, DESCENDING)
    assert model.row_at(0).amount == Decimal(996)
    qtmodeltester.check(model)


def test_the_page_tables_keep_the_services_order_until_a_header_is_clicked(
    window: MainWindow, qtbot: QtBot
) -> None:
    click_node(qtbot, window.tree, "P1-JIT")
    wait_idle(qtbot, window)
    model = window.initiative_page.kpis_model
    view = _view_of(window.initiative_page, model)
    assert view.isSortingEnabled()
    assert view.horizontalHeader().sortIndicatorSection() == -1
    assert model.sort_column() == -1  # enabling sorting sorted nothing
    # The order of the demo's definition (demo_data.py), not sorted by any column.
    assert _codes(model) == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]

    _click_header(qtbot, view, KpisModel.ACTUAL)
    # As numbers: 0.734 (73.4%), 72 (72%), 734 diplômés, 1,000 apprenants; as text
    # "1,000…" would come first.
    assert _codes(model) == ["JIT-TXD", "JIT-INS", "JIT-DIP", "JIT-APP"]
    _click_header(qtbot, view, KpisModel.ACTUAL)
    assert _codes(model) == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]
    assert view.horizontalHeader().sortIndicatorOrder() == DESCENDING

    # Another initiative keeps the column chosen.
    click_node(qtbot, window.tree, "P1-VIV")
    wait_idle(qtbot, window)
    assert model.sort_column() == KpisModel.ACTUAL


def test_empty_progress_sorts_last_in_a_pillars_initiatives(
    window: MainWindow, qtbot: QtBot
) -> None:
    click_node(qtbot, window.tree, "P3")
    wait_idle(qtbot, window)
    model = window.pillar_page.initiatives_model
    view = _view_of(window.pillar_page, model)
    assert _codes(model) == ["P3-BEX", "P3-INN", "P3-VEI"]
    _click_header(qtbot, view, InitiativesModel.PROGRESS)
    # P3-VEI is the only one measured (33%); the two without progress keep their order.
    assert _codes(model) == ["P3-VEI", "P3-BEX", "P3-INN"]
    _click_header(qtbot, view, InitiativesModel.PROGRESS)
    assert _codes(model) == ["P3-VEI", "P3-BEX", "P3-INN"]


def _codes(model: RowsModel[object]) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _view_of(page: object, model: object) -> TableView:
    views = [v for v in page.findChildren(TableView) if v.model() is model]  # type: ignore[attr-defined]
    assert len(views) == 1
    return views[0]


def _click_header(qtbot: QtBot, view: TableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
