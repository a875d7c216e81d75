"""The navigator's search: keeps the nodes whose code or name holds every word typed.

Recursive (a match keeps its ancestors visible) and a match keeps its children
too, so that finding an initiative shows its KPIs. Case and accents are
ignored: "ecosysteme" finds "Écosystème".
"""

from __future__ import annotations

from pilotage.gui.models.navigator_model import SearchKeyRole, search_key
from pilotage.gui.qt import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel


class NavigatorFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self._terms: tuple[str, ...] = ()

    def search_text(self) -> str:
        return " ".join(self._terms)

    def set_search(self, text: str) -> None:
        terms = tuple(search_key(text).split())
        if terms == self._terms:
            return
        self.beginFilterChange()
        self._terms = terms
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._terms:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        key = index.data(SearchKeyRole) or ""
        return all(term in key for term in self._terms)
