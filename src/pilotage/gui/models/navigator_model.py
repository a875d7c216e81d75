"""The navigator tree: program -> pillar -> initiative -> KPI, each with its status.

Built from the plain rows of `overview.program_trees`. A node's own KPIs come
before its children, as in the portfolio text. Nodes are addressed by a serial
number (the index's internalId) rather than a Python pointer, so that no
index ever refers to a collected object.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from pilotage.domain.enums import KpiStatus
from pilotage.gui import formats
from pilotage.gui.qt import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from pilotage.gui.status import status_icon, status_label
from pilotage.services.overview import InitiativeNode, KpiNode, PillarNode, ProgramTree

NodeRow = ProgramTree | PillarNode | InitiativeNode | KpiNode


class NodeKind(StrEnum):
    PROGRAM = "program"
    PILLAR = "pillar"
    INITIATIVE = "initiative"
    KPI = "kpi"


NodeKey = tuple[NodeKind, int]

IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3
CodeRole = Qt.ItemDataRole.UserRole + 4
NameRole = Qt.ItemDataRole.UserRole + 5
SearchKeyRole = Qt.ItemDataRole.UserRole + 6  # code and name, folded for searching


def search_key(text: str) -> str:
    """Case- and accent-free text: "Écosystème" -> "ecosysteme"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(eq=False)
class _Node:
    kind: NodeKind
    id: int
    code: str
    name: str
    row: NodeRow
    status: KpiStatus
    progress: Decimal | None
    trace: str  # the KPI's reasoning, or the roll-up's
    serial: int = 0
    number: int = 0  # position among its siblings
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    search: str = field(init=False)  # folded once: the filter reads it at every keystroke

    def __post_init__(self) -> None:
        self.search = search_key(f"{self.code} {self.name}")

    @property
    def key(self) -> NodeKey:
        return (self.kind, self.id)

    def shape(self) -> tuple[object, ...]:
        """What decides the tree's structure and labels (not its figures)."""
        parent = self.parent.key if self.parent else None
        return (self.key, parent, self.code, self.name)

    def figures(self) -> tuple[object, ...]:
        return (self.status, self.progress, self.trace)


def _kpi(node: KpiNode) -> _Node:
    evaluation = node.evaluation
    return _Node(
        NodeKind.KPI,
        node.id,
        node.code,
        node.name,
        node,
        evaluation.status,
        evaluation.progress.value,
        evaluation.trace,
    )


def _adopt(parent: _Node, children: Iterable[_Node]) -> _Node:
    for number, child in enumerate(children):
        child.parent, child.number = parent, number
        parent.children.append(child)
    return parent


def _program(tree: ProgramTree) -> _Node:
    program = tree.program
    node = _Node(
        NodeKind.PROGRAM,
        program.id,
        program.reference,
        program.title,
        tree,
        tree.headline,
        tree.rollup.mean_progress,
        tree.rollup.trace,
    )
    pillars = []
    for pillar in tree.pillars:
        initiatives = [
            _adopt(
                _Node(
                    NodeKind.INITIATIVE,
                    i.id,
                    i.code,
                    i.name,
                    i,
                    i.headline,
                    i.rollup.mean_progress,
                    i.rollup.trace,
                ),
                (_kpi(k) for k in i.kpis),
            )
            for i in pillar.initiatives
        ]
        pillar_node = _Node(
            NodeKind.PILLAR,
            pillar.id,
            pillar.code,
            pillar.title,
            pillar,
            pillar.headline,
            pillar.rollup.mean_progress,
            pillar.rollup.trace,
        )
        pillars.append(_adopt(pillar_node, [*(_kpi(k) for k in pillar.kpis), *initiatives]))
    return _adopt(node, [*(_kpi(k) for k in tree.kpis), *pillars])


def _walk(nodes: Iterable[_Node]) -> Iterable[_Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


class NavigatorModel(QAbstractItemModel):
    """Read-only tree of the portfolio as of a date; ids and plain rows only."""

    COLUMN_NAME = 0
    COLUMN_PROGRESS = 1
    COLUMN_COUNT = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []
        self._nodes: list[_Node] = []  # by serial
        self._by_key: dict[NodeKey, _Node] = {}

    # --- loading ------------------------------------------------------------

    def reload(self, trees: Sequence[ProgramTree]) -> bool:
        """Show `trees`. Returns True when the structure changed and the model was reset.

        When only figures changed (a new as-of date, a new measurement), the
        nodes are updated in place and only the rows whose status, progress or
        trace moved are announced, so the view keeps its expansion and selection.
        """
        roots = [_program(tree) for tree in trees]
        nodes = list(_walk(roots))
        if [n.shape() for n in nodes] != [n.shape() for n in self._nodes]:
            self.beginResetModel()
            for serial, node in enumerate(nodes):
                node.serial = serial
            self._roots, self._nodes = roots, nodes
            self._by_key = {node.key: node for node in nodes}
            self.endResetModel()
            return True
        for old, new in zip(self._nodes, nodes, strict=True):
            changed = old.figures() != new.figures()
            old.row, old.status = new.row, new.status
            old.progress, old.trace = new.progress, new.trace
            if changed:
                self.dataChanged.emit(
                    self.createIndex(old.number, 0, old.serial),
                    self.createIndex(old.number, self.COLUMN_COUNT - 1, old.serial),
                )
        return False

    # --- lookups for the window ---------------------------------------------

    def index_of(self, key: NodeKey) -> QModelIndex:
        node = self._by_key.get(key)
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

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node | None:
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
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        siblings = node.children if node else self._roots
        return self.createIndex(row, column, siblings[row].serial)

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
        return len(node.children) if node else len(self._roots)

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
                return formats.percent(node.progress) if node.progress is not None else ""
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_NAME:
            return status_icon(node.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COLUMN_PROGRESS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return self._custom(node, role)

    def _custom(self, node: _Node, role: int) -> object:
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
            return node.search
        return None

    def _tooltip(self, node: _Node) -> str:
        # Rich text, so that Qt wraps a long trace instead of drawing one wide line.
        # The name first: the tree often elides it.
        name = html.escape(f"{node.code}  {node.name}", quote=False)
        label = html.escape(status_label(node.status), quote=False)
        lines = [f"<b>{name}</b>", label]
        if node.trace:
            lines.append(html.escape(node.trace, quote=False))
        return "<br>".join(lines)
