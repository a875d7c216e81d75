"""The main window's right-hand side: one page per kind of node, the edit context
they share, and the page of the navigator's current node. A mixin of `MainWindow`,
kept apart so that each file does one thing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pilotage.db.database import Database
from pilotage.gui.models.navigator_model import NodeKind
from pilotage.gui.pages.initiative_page import InitiativePage
from pilotage.gui.pages.kpi_page import KpiPage
from pilotage.gui.pages.pillar_page import PillarPage
from pilotage.gui.pages.program_page import ProgramPage
from pilotage.gui.qt import QModelIndex, QWidget, Slot
from pilotage.gui.undo.commands import EditContext
from pilotage.services.overview import InitiativeNode, KpiNode, PillarNode, ProgramTree

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class PagesMixin(_Base):
    def _make_pages(self, db: Database) -> None:
        """One page per kind of node, on `db` (replacing the pages on another one)."""
        for old in self._pages.values():
            self.pages.removeWidget(old)
            old.hide()
            # Its work may still run on the pool: deleted once that is done (_close_retired).
            self._retired_pages.append(old)
        self._make_edits(db)
        self.program_page = ProgramPage(db, self._pool)
        self.pillar_page = PillarPage(db, self._pool)
        self.initiative_page = InitiativePage(db, self._pool)
        self.kpi_page = KpiPage(db, self._pool)
        self._pages = {
            NodeKind.PROGRAM: self.program_page,
            NodeKind.PILLAR: self.pillar_page,
            NodeKind.INITIATIVE: self.initiative_page,
            NodeKind.KPI: self.kpi_page,
        }
        for page in self._pages.values():
            self.pages.addWidget(page)
            page.busy_changed.connect(self._on_busy_changed)
            page.failed.connect(self._show_status)
        self.program_page.navigate_requested.connect(self._go_to_node)
        if self.edits is not None:  # a file opened read only: its pages only show
            for page in self._pages.values():
                page.set_editing(self.undo_stack, self.edits)

    def _make_edits(self, db: Database) -> None:
        """Commands on another database: the old ones cannot be undone there."""
        self.undo_stack.clear()
        if self.edits is not None:
            self.edits.deleteLater()
        if db.read_only:  # another instance holds the file: nothing to save through
            self.edits = None
            return
        # Long calls (deleting a whole program) run on the pool while the window paints.
        edits = EditContext(db, self, self._pool, self)
        edits.changed.connect(self.reload)
        edits.failed.connect(self._on_edit_failed)
        edits.busy_changed.connect(self._on_busy_changed)
        self.edits = edits

    # --- showing a node -----------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current)
        key = self.model.key_at(source)
        if key is None:
            return  # filtered away: keep showing the last page
        self._current = key
        self._show_current()

    def _show_current(self) -> None:
        if self._current is None:
            self.pages.setCurrentWidget(self.empty_page)
            return
        source = self.model.index_of(self._current)
        row = self.model.row_at(source)
        if row is None:  # gone from the database
            self._current = None
            self.pages.setCurrentWidget(self.empty_page)
            return
        kind = self._current[0]
        path = self.model.path_at(source)
        program = self.model.program_at(source)
        if isinstance(row, ProgramTree):
            self.program_page.show_program(row)
        elif isinstance(row, PillarNode):
            self.pillar_page.show_pillar(row, path, self._as_of)
        elif isinstance(row, InitiativeNode):
            currency = program.program.currency if program else ""
            self.initiative_page.show_initiative(row, path, currency, self._as_of)
        elif isinstance(row, KpiNode):
            self.kpi_page.show_kpi(row, self._as_of)
        self.pages.setCurrentWidget(self._pages[kind])

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()
