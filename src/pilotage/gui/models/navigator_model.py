"""The navigator tree: program -> pillar -> initiative -> KPI, each with its status.

Built from the plain rows of `overview.program_trees`. A node's own KPIs come
before its children, as in the portfolio text. Nodes are addressed by a serial
number (the index's internalId) rather than a Python pointer, so that no
index ever refers to a collected object.

Nodes are built when the view asks for them (expanding a node fetches its
children), so that a portfolio of 30,000 KPIs shows at once; a reload whose
structure is unchanged updates the figures of the nodes built, in place.
The nodes and the outline the search reads are in navigator_nodes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from pilotage.gui import formats
from pilotage.gui.models.collector import collector_paused
from pilotage.gui.models.navigator_nodes import Node, Outline
from pilotage.gui.models.navigator_rows import (
    NodeKey,
    NodeKind,
    NodeRow,
    child_rows,
    flatten,
    search_key,
)
from pilotage.gui.qt import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from pilotage.gui.status import status_icon, status_label
from pilotage.services.overview import ProgramTree

# What the window, the editors and the search import from here, defined with the rows.
__all__ = [
    "CodeRole",
    "IdRole",
    "KindRole",
    "NameRole",
    "NavigatorModel",
    "NodeKey",
    "NodeKind",
    "NodeRow",
    "SearchKeyRole",
    "StatusRole",
    "search_key",
]

IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3
CodeRole = Qt.ItemDataRole.UserRole + 4
NameRole = Qt.ItemDataRole.UserRole + 5
SearchKeyRole = Qt.ItemDataRole.UserRole + 6  # code and name, folded for searching

NODE_BATCH = 1000  # children handed to the view per fetch (more than any node has, in practice)


class NavigatorModel(QAbstractItemModel):
    """Read-only tree of the portfolio as of a date; ids and plain rows only.

    Lazy: a node's children are built and handed to the view when it is expanded
    (`hasChildren` says there are some; `canFetchMore` / `fetchMore` bring them,
    `batch` at a time), so that a portfolio of tens of thousands of KPIs opens
    with only its programs, pillars and initiatives built. The search still sees
    every node (`matching` reads the plain rows) and `reveal` hands the view the
    branches that hold what it found.
    """

    COLUMN_NAME = 0
    COLUMN_PROGRESS = 1
    COLUMN_COUNT = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.batch = NODE_BATCH  # children handed to the view per fetch
        self._roots: list[Node] = []
        self._roots_fetched = 0
        self._nodes: list[Node] = []  # the nodes built so far, by serial
        self._by_key: dict[NodeKey, Node] = {}
        self._outline = Outline([])  # every node, built or not
        self._busy = False  # a change is being announced: see _announcing

    # --- loading ------------------------------------------------------------

    def reload(self, trees: Sequence[ProgramTree]) -> bool:
        """Show `trees`. Returns True when the structure changed and the model was reset.

        When only figures changed (a new as-of date, a new measurement), the
        nodes are updated in place and only the rows whose status, progress or
        trace moved are announced, so the view keeps its expansion and selection.
        """
        with collector_paused():
            shape, rows = flatten(trees)
            same = shape == self._outline.shape
            by_key = {entry[0]: row for entry, row in zip(shape, rows, strict=True)} if same else {}
        if not same:
            self.beginResetModel()
            self._outline = self._outline.replaced(shape)
            self._nodes, self._by_key = [], {}
            self._roots = [self._make(tree, number, None) for number, tree in enumerate(trees)]
            self._roots_fetched = min(len(self._roots), self.batch)
            with self._announcing():
                self.endResetModel()
            return True
        for node in self._nodes:
            if node.set_row(by_key[node.key]) and self._is_shown(node):
                self.dataChanged.emit(
                    self.createIndex(node.number, 0, node.serial),
                    self.createIndex(node.number, self.COLUMN_COUNT - 1, node.serial),
                )
        return False

    def _make(self, row: NodeRow, number: int, parent: Node | None) -> Node:
        node = Node(row, len(self._nodes), number, parent)
        self._nodes.append(node)
        self._by_key[node.key] = node
        return node

    def _built_children(self, node: Node) -> list[Node]:
        if node.children is None:
            node.children = [
                self._make(row, number, node) for number, row in enumerate(child_rows(node.row))
            ]
        return node.children

    def _is_shown(self, node: Node) -> bool:
        if node.parent is None:
            return node.number < self._roots_fetched
        return node.number < node.parent.fetched and self._is_shown(node.parent)

    def _fetch_to(self, node: Node | None, count: int) -> None:
        """Hand the view the first `count` children of `node` (None: the programs)."""
        if node is None:
            count = min(count, len(self._roots))
            if count > self._roots_fetched:
                with self._announcing():
                    self.beginInsertRows(QModelIndex(), self._roots_fetched, count - 1)
                    self._roots_fetched = count
                    self.endInsertRows()
            return
        count = min(count, node.total)
        if count <= node.fetched:
            return
        self._built_children(node)
        parent = self.createIndex(node.number, 0, node.serial)
        with self._announcing():
            self.beginInsertRows(parent, node.fetched, count - 1)
            node.fetched = count
            self.endInsertRows()

    @contextmanager
    def _announcing(self) -> Iterator[None]:
        """Nothing is fetched while a reset or an insertion is announced: a listener
        that fetched then (Qt's model tester does) would insert rows in the middle of
        another change. Views fetch once it is done."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    # --- searching: every node, fetched or not -------------------------------

    def matching(self, terms: Sequence[str]) -> list[NodeKey]:
        """The nodes whose code or name holds every term, in the tree's order."""
        return self._outline.matching(terms)

    def with_ancestors(self, keys: Iterable[NodeKey]) -> set[NodeKey]:
        """`keys` and every node above them."""
        return self._outline.with_ancestors(keys)

    def ancestors(self, key: NodeKey) -> Iterator[NodeKey]:
        return self._outline.ancestors(key)

    def reveal(self, keys: Iterable[NodeKey]) -> None:
        """Hand the view every node in `keys` (and so their ancestors); a parent's
        children come all at once, one insertion per parent."""
        for key in keys:
            self._reveal(key)

    def fetch_all(self) -> None:
        """Hand the view every node (what Qt's recursive match needs to see them all)."""
        self.reveal(key for key, _parent, _code, _name in self._outline.shape)

    def match(
        self,
        start: QModelIndex | QPersistentModelIndex,
        role: int,
        value: object,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        # Qt's match walks the rows fetched: a recursive one must see every branch.
        if flags & Qt.MatchFlag.MatchRecursive:
            self.fetch_all()
        return super().match(start, role, value, hits, flags)

    def _reveal(self, key: NodeKey) -> Node | None:
        node = self._by_key.get(key)
        if node is None:
            parents = self._outline.parents()
            if key not in parents:
                return None
            parent_key = parents[key]
            parent = self._reveal(parent_key) if parent_key is not None else None
            if parent is None:
                return None
            self._built_children(parent)
            node = self._by_key[key]
        if node.parent is None:
            self._fetch_to(None, node.number + 1)
            return node
        if not self._is_shown(node.parent):  # rows go under a parent the view knows
            self._reveal(node.parent.key)
        if node.parent.fetched <= node.number:
            self._fetch_to(node.parent, node.parent.total)
        return node

    # --- lookups for the window ---------------------------------------------

    def index_of(self, key: NodeKey) -> QModelIndex:
        """The node's index, its branch handed to the view first if it was not yet."""
        node = self._reveal(key)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.number, 0, node.serial)

    def key_at(self, index: QModelIndex | QPersistentModelIndex) -> NodeKey | None:
        node = self._node(index)
        return node.key if node else None

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> NodeRow | None:
        """The plain row behind a node: ProgramTree, PillarNode, InitiativeNode or KpiNode."""
        node = self._node(index)
        return node.row if node else None

    def path_at(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The codes above a node: "CP-MTNRA-MNC / P1"."""
        node = self._node(index)
        codes = []
        while node is not None and node.parent is not None:
            node = node.parent
            codes.append(node.code)
        return " / ".join(reversed(codes))

    def program_at(self, index: QModelIndex | QPersistentModelIndex) -> ProgramTree | None:
        node = self._node(index)
        while node is not None and node.parent is not None:
            node = node.parent
        return node.row if node is not None and isinstance(node.row, ProgramTree) else None

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node | None:
        if not index.isValid() or index.model() is not self:
            return None
        serial = index.internalId()
        return self._nodes[serial] if 0 <= serial < len(self._nodes) else None

    # --- QAbstractItemModel -------------------------------------------------

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        # Checked here rather than with hasIndex, which calls back into Python: the
        # view and the filter ask for every visible index.
        if row < 0 or not 0 <= column < self.COLUMN_COUNT or parent.column() > 0:
            return QModelIndex()
        node = self._node(parent)
        if node is None:
            if row >= self._roots_fetched:
                return QModelIndex()
            return self.createIndex(row, column, self._roots[row].serial)
        if row >= node.fetched or node.children is None:
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].serial)

    def parent(  # type: ignore[override]
        self, index: QModelIndex | QPersistentModelIndex | None = None
    ) -> QModelIndex | QObject | None:
        if index is None:  # QObject.parent(), which this override hides
            return super().parent()
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.number, 0, node.parent.serial)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.column() > 0:
            return 0
        node = self._node(parent)
        return node.fetched if node else self._roots_fetched

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        # True before the children are fetched: the view draws the arrow that fetches them.
        if parent.column() > 0:
            return False
        node = self._node(parent)
        return node.total > 0 if node else bool(self._roots)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if parent.column() > 0 or self._busy:
            return False
        node = self._node(parent)
        return node.fetched < node.total if node else self._roots_fetched < len(self._roots)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if parent.column() > 0 or self._busy:
            return
        node = self._node(parent)
        fetched = node.fetched if node else self._roots_fetched
        self._fetch_to(node, fetched + self.batch)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMN_COUNT

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COLUMN_NAME:
                return self.tr("Item")
            if section == self.COLUMN_PROGRESS:
                return self.tr("Progress")
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COLUMN_PROGRESS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLUMN_NAME:
                return f"{node.code}  {node.name}"
            if column == self.COLUMN_PROGRESS:
                # The dash the tables show for a figure there is none of.
                if node.progress is None:
                    return formats.NO_VALUE
                return formats.percent(node.progress, places=1)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_NAME:
            return status_icon(node.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COLUMN_PROGRESS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return self._custom(node, role)

    def _custom(self, node: Node, role: int) -> object:
        if role == IdRole:
            return node.id
        if role == KindRole:
            return node.kind.value
        if role == StatusRole:
            return node.status.value
        if role == CodeRole:
            return node.code
        if role == NameRole:
            return node.name
        if role == SearchKeyRole:
            return search_key(f"{node.code} {node.name}")
        return None

    def _tooltip(self, node: Node) -> str:
        # Rich text, so that Qt wraps a long trace instead of drawing one wide line.
        # The name first: the tree often elides it.
        name = html.escape(f"{node.code}  {node.name}", quote=False)
        label = html.escape(status_label(node.status), quote=False)
        lines = [f"<b>{name}</b>", label]
        if node.trace:
            lines.append(html.escape(node.trace, quote=False))
        return "<br>".join(lines)
