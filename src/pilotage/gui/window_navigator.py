"""The navigator's behaviour for the main window: the search box's filter, which
branches open, the node selected from a dashboard, the tree's context menu and focus.
A mixin of `MainWindow`, kept apart so that each file does one thing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from pilotage.gui.models.navigator_model import NavigatorModel, NodeKey, NodeKind
from pilotage.gui.qt import QHeaderView, QMenu, QModelIndex, QPoint, Qt, Slot

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

_ALL_OPEN = 5  # up to this many programs, all open in the navigator at first
_OPEN_MATCHES = 20  # the search opens this many matches to show what they hold


class NavigatorMixin(_Base):
    @Slot(str, int)
    def _go_to_node(self, kind: str, node_id: int) -> None:
        """Select a node from a dashboard row, as if the analyst had clicked it in the tree."""
        key = (NodeKind(kind), node_id)
        if self._search_timer.isActive():  # typed but not yet applied: apply it first
            self.apply_search()
        index = self.proxy.mapFromSource(self.model.index_of(key))
        if not index.isValid():  # hidden by the search box: clear it first
            self.clear_search()
            index = self.proxy.mapFromSource(self.model.index_of(key))
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def navigator_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a node of the navigator, or None if it has none."""
        menu = self.record_actions.navigator_menu(index)
        if menu is not None and index.isValid():
            menu.addSeparator()
            menu.addAction(self.history_action)
        return menu

    @Slot(QPoint)
    def _on_tree_menu(self, pos: QPoint) -> None:
        menu = self.navigator_menu(self.tree.indexAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    # --- opening branches ---------------------------------------------------

    def _expand_default(self) -> None:
        """Programs and pillars open, so that initiatives show; KPIs one step away.

        In a portfolio (more programs than _ALL_OPEN), only the current program opens:
        the others are a click away, and their branches are not built until then."""
        with self._expanding():
            self._open_default()

    def _open_default(self) -> None:
        self.tree.collapseAll()
        if self.proxy.rowCount() <= _ALL_OPEN:
            self.tree.expandToDepth(1)
            return
        source = self.model.index_of(self._current) if self._current else QModelIndex()
        while source.parent().isValid():
            source = source.parent()
        program = self.proxy.mapFromSource(source) if source.isValid() else self.proxy.index(0, 0)
        self.tree.expand(program)
        while self.proxy.canFetchMore(program):
            self.proxy.fetchMore(program)
        for row in range(self.proxy.rowCount(program)):
            self.tree.expand(self.proxy.index(row, 0, program))

    def _restore_current(self) -> None:
        if self._current is None:
            return
        index = self.proxy.mapFromSource(self.model.index_of(self._current))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _expand_matches(self) -> None:
        """Open the branches down to the matches the search handed to the view, and
        the first matches themselves.

        Only those (the first few hundred): opening every branch of a search that
        matches most of a portfolio would build and lay out all of it."""
        with self._expanding():
            self.tree.collapseAll()
            opened: set[NodeKey] = set()
            for number, match in enumerate(self.proxy.revealed_matches()):
                # The first matches open too (finding an initiative shows its KPIs); not
                # all: each open match shows everything it holds.
                first = (match,) if number < _OPEN_MATCHES else ()
                for key in (*first, *self.model.ancestors(match)):
                    if key in opened:
                        break  # and so are the ones above it
                    opened.add(key)
                    index = self.proxy.mapFromSource(self.model.index_of(key))
                    if index.isValid():
                        self.tree.expand(index)

    @contextmanager
    def _expanding(self) -> Iterator[None]:
        """Open several branches with one measure of the progress column, not one per
        branch (each measure reads up to a thousand rows)."""
        header = self.tree.header()
        column = NavigatorModel.COLUMN_PROGRESS
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        try:
            yield
        finally:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # --- searching ----------------------------------------------------------

    @Slot(str)
    def _on_search_typed(self, _text: str) -> None:
        self._search_timer.start()  # (again): the search waits for a pause in the typing

    @Slot()
    def _on_search_entered(self) -> None:
        self.apply_search()
        self._focus_tree()

    @Slot()
    def apply_search(self) -> None:
        """Filter the navigator by the search box's text now (typing waits for a pause)."""
        self._search_timer.stop()
        text = self.search.text()
        self.proxy.set_search(text)
        if text.strip():
            self._expand_matches()
            self._show_status(self._matches_text())
        else:
            self._expand_default()
            self._restore_current()
        self.search_applied.emit()

    def clear_search(self) -> None:
        """Empty the search box and show the whole tree at once."""
        self.search.clear()
        self.apply_search()

    # --- focus --------------------------------------------------------------

    @Slot()
    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def _focus_tree(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.tree.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.tree.setCurrentIndex(self.proxy.index(0, 0))
