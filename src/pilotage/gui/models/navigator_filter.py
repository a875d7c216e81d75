"""The navigator's search: keeps the nodes whose code or name holds every word typed.

A match keeps its ancestors visible, and its children too, so that finding an
initiative shows its KPIs. Case and accents are ignored: "ecosysteme" finds
"Écosystème". The search reads the model's plain rows, not the rows the view
has fetched: a KPI in a branch never expanded is found, and its branch handed
to the view (NavigatorModel.reveal) — for the first REVEAL_LIMIT matches only, in
the tree's order: a search for one letter can match every node of a portfolio,
and building and opening them all would freeze the window. The other matches
show when their branch is opened.
"""

from __future__ import annotations

from pilotage.gui.models.navigator_model import NavigatorModel, NodeKey, search_key
from pilotage.gui.qt import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Slot,
)

REVEAL_LIMIT = 200  # matches whose branches are handed to the view (and opened by it)


class NavigatorFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Ancestors are accepted from the set below: no need for Qt to walk every branch.
        self.setRecursiveFilteringEnabled(False)
        self._terms: tuple[str, ...] = ()
        self._matches: set[NodeKey] = set()
        self._first: list[NodeKey] = []  # the first REVEAL_LIMIT matches, in tree order
        self._count = 0  # every match
        self._kept: set[NodeKey] = set()  # the matches and their ancestors
        self._changing = False

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        previous = self.sourceModel()
        if isinstance(previous, NavigatorModel):
            previous.modelReset.disconnect(self._on_source_reset)
        super().setSourceModel(model)
        if isinstance(model, NavigatorModel):
            # Connected after the proxy's own handler: the rows are new, look again.
            model.modelReset.connect(self._on_source_reset)

    def search_text(self) -> str:
        return " ".join(self._terms)

    def match_count(self) -> int:
        """How many nodes match the search (0 without one)."""
        return self._count

    def revealed_matches(self) -> list[NodeKey]:
        """The matches handed to the view: the first REVEAL_LIMIT, in the tree's order."""
        return list(self._first)

    def set_search(self, text: str) -> None:
        terms = tuple(search_key(text).split())
        if terms == self._terms:
            return
        self._terms = terms
        self._refilter()

    @Slot()
    def _on_source_reset(self) -> None:
        if self._terms:
            self._refilter()

    def _refilter(self) -> None:
        model = self._navigator()
        if self._terms and model is not None:
            found = model.matching(self._terms)
            matches = set(found)
            first = found[:REVEAL_LIMIT]
            kept = model.with_ancestors(found)
            model.reveal(first)  # before filtering: the proxy filters fetched rows
        else:
            matches, kept, found, first = set(), set(), [], []
        self._first, self._count = first, len(found)
        # The rows the new filter lets through are announced in endFilterChange; nothing
        # is fetched meanwhile (as in NavigatorModel._announcing).
        self._changing = True
        try:
            self.beginFilterChange()
            self._matches, self._kept = matches, kept
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        finally:
            self._changing = False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not self._changing and super().canFetchMore(parent)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if not self._changing:
            super().fetchMore(parent)

    def _navigator(self) -> NavigatorModel | None:
        model = self.sourceModel()
        return model if isinstance(model, NavigatorModel) else None

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self._navigator()
        if not self._terms or model is None:
            return True
        key = model.key_at(model.index(source_row, 0, source_parent))
        if key is None:
            return False
        if key in self._kept:
            return True
        return any(ancestor in self._matches for ancestor in model.ancestors(key))
