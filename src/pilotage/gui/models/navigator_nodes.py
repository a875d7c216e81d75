"""What the navigator model is built from, without Qt: its nodes, and the outline of
every node of the portfolio (built or not) that the search reads.

A `Node` is a row handed to (or about to be handed to) the view; the `Outline` is
the whole tree's shape, depth first, kept as plain tuples so that a portfolio of
tens of thousands of KPIs is searched without building a node for each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pilotage.domain.enums import KpiStatus
from pilotage.gui.models.collector import collector_paused
from pilotage.gui.models.navigator_rows import (
    NodeKey,
    NodeKind,
    NodeRow,
    Shape,
    child_rows,
    figures,
    identity,
    search_key,
)


@dataclass(eq=False)
class Node:
    """A node handed to (or about to be handed to) the view."""

    row: NodeRow
    serial: int  # the index's internalId
    number: int  # position among its siblings
    parent: Node | None
    kind: NodeKind = field(init=False)
    id: int = field(init=False)
    code: str = field(init=False)
    name: str = field(init=False)
    status: KpiStatus = field(init=False)
    progress: Decimal | None = field(init=False)
    trace: str = field(init=False)  # the KPI's reasoning, or the roll-up's
    children: list[Node] | None = None  # None: not built yet
    fetched: int = 0  # children announced to the view so far
    total: int = field(init=False)  # children it has, built or not

    def __post_init__(self) -> None:
        self.kind, self.id, self.code, self.name = identity(self.row)
        self.total = len(child_rows(self.row))
        self.status, self.progress, self.trace = figures(self.row)

    def set_row(self, row: NodeRow) -> bool:
        """Take the figures of `row` (same node, another date); True if they changed."""
        self.row = row
        new = figures(row)
        changed = new != (self.status, self.progress, self.trace)
        self.status, self.progress, self.trace = new
        return changed

    @property
    def key(self) -> NodeKey:
        return (self.kind, self.id)


class Outline:
    """Every node of the trees, built or not, depth first: who is whose parent, and
    which ones a search matches."""

    def __init__(self, shape: list[Shape], folded: dict[tuple[str, str], str] | None = None):
        self.shape = shape
        self._parent_of: dict[NodeKey, NodeKey | None] | None = None  # built when needed
        # (code, name) -> search key: kept across reloads, most labels stay the same.
        self._folded = folded if folded is not None else {}

    def replaced(self, shape: list[Shape]) -> Outline:
        """The outline of another structure, keeping what was folded for searching."""
        return Outline(shape, self._folded)

    def matching(self, terms: Sequence[str]) -> list[NodeKey]:
        """The nodes whose code or name (folded: see search_key) holds every term, in
        the tree's order (depth first)."""
        found = []
        folded = self._folded
        with collector_paused():
            for key, _parent, code, name in self.shape:
                text = folded.get((code, name))
                if text is None:
                    text = folded[(code, name)] = search_key(f"{code} {name}")
                if all(term in text for term in terms):
                    found.append(key)
        return found

    def with_ancestors(self, keys: Iterable[NodeKey]) -> set[NodeKey]:
        """`keys` and every node above them."""
        parents = self.parents()
        kept: set[NodeKey] = set()
        with collector_paused():
            for key in keys:
                step: NodeKey | None = key
                # Stops at a node already kept: what is above it is kept too.
                while step is not None and step not in kept:
                    kept.add(step)
                    step = parents.get(step)
        return kept

    def parents(self) -> dict[NodeKey, NodeKey | None]:
        if self._parent_of is None:
            with collector_paused():
                self._parent_of = {key: parent for key, parent, _, _ in self.shape}
        return self._parent_of

    def ancestors(self, key: NodeKey) -> Iterator[NodeKey]:
        parents = self.parents()
        parent = parents.get(key)
        while parent is not None:
            yield parent
            parent = parents.get(parent)
