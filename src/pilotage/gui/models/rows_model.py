"""A read-only table over a list of plain rows, described by its columns.

Rows are handed to the view in batches (`canFetchMore` / `fetchMore`) so that
a table of hundreds of thousands of rows opens at once; text is computed only
for the cells Qt paints. Sorting happens here, over the plain rows, with one
key per column (a number sorts as a number, a date as a date): a
QSortFilterProxyModel would ask for every cell's text through Qt, which takes
minutes on a few hundred thousand rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pilotage.gui.models.collector import collector_paused
from pilotage.gui.qt import (
    QAbstractTableModel,
    QIcon,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

R = TypeVar("R")

BATCH = 500
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str  # already translated
    text: Callable[[R], str]
    numeric: bool = False  # numbers line up on the right
    icon: Callable[[R], QIcon | None] | None = None
    tooltip: Callable[[R], str] | None = None
    # What the column sorts by (a number, a date…); None: its text, case-folded.
    # A key of None sorts last, whichever the order.
    key: Callable[[R], object] | None = None

    def sort_key(self, row: R) -> object:
        if self.key is not None:
            return self.key(row)
        return self.text(row).casefold() or None


class RowsModel(QAbstractTableModel, Generic[R]):
    """Subclasses set their columns once, in their constructor (after the QObject
    exists, since headers are translated with self.tr); `set_rows` replaces the content."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[R], ...] = ()
        self._rows: list[R] = []  # in the order shown
        self._given: list[R] = []  # in the order the service gave them
        self._order: list[int] | None = None  # _rows[n] is _given[_order[n]]; None: same
        self._shown = 0  # rows handed to the view so far
        self._sort_column = -1  # -1: the service's order
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_columns(self, columns: Sequence[Column[R]]) -> None:
        self.beginResetModel()
        self._columns = tuple(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace the rows; they keep the order the analyst chose by clicking a header."""
        self.beginResetModel()
        self._given = list(rows)
        self._order = self._positions(self._given, self._sort_column, self._sort_order)
        order = self._order
        self._rows = list(self._given) if order is None else [self._given[n] for n in order]
        self._shown = min(BATCH, len(self._rows))
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def column_index(self, header: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.header == header)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = min(BATCH, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column` (-1: back to the service's order), stably.

        The view keeps its selection and current row (persistent indexes follow
        their rows); as many rows as before are handed to it, from the top.
        """
        if not -1 <= column < len(self._columns):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self.layoutAboutToBeChanged.emit()
        before = self._order
        self._sort_column, self._sort_order = column, order
        self._order = self._positions(self._given, column, order)
        order_ = self._order
        self._rows = list(self._given) if order_ is None else [self._given[n] for n in order_]
        persistent = self.persistentIndexList()
        if persistent:
            # The selection and the current cell follow their rows: a row's place in the
            # service's order, then where that place is now (list.index runs in C).
            moved = []
            for index in persistent:
                given = index.row() if before is None else before[index.row()]
                number = given if order_ is None else order_.index(given)
                moved.append(
                    self.index(number, index.column()) if number < self._shown else QModelIndex()
                )
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort_column

    def _positions(self, rows: list[R], column: int, order: Qt.SortOrder) -> list[int] | None:
        """The rows' places in the service's order, sorted; None: that order itself."""
        if column < 0 or not rows:
            return None
        described = self._columns[column]
        key = described.key or described.sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        with collector_paused():  # a few large lists per sort: see collector.py
            keys = [key(row) for row in rows]
            present = [number for number, k in enumerate(keys) if k is not None]
            missing = [number for number, k in enumerate(keys) if k is None]
            try:
                # Places sorted by their key: keys computed once, no pair built. list.sort
                # is stable, reverse=True too: equal keys keep the service's order.
                present.sort(key=keys.__getitem__, reverse=descending)
            except TypeError:  # keys of mixed kinds: fall back on their text
                present.sort(key=lambda number: str(keys[number]), reverse=descending)
            return present + missing

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or index.row() >= self._shown:
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        return None
