"""The main window: the navigator on the left, the selected item's page on the right,
the as-of date in the toolbar."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from pilotage.db.database import Database
from pilotage.domain.errors import PilotageError
from pilotage.gui import formats
from pilotage.gui.models.navigator_filter import NavigatorFilterModel
from pilotage.gui.models.navigator_model import NavigatorModel, NodeKey, NodeKind
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.initiative_page import InitiativePage
from pilotage.gui.pages.kpi_page import KpiPage
from pilotage.gui.pages.pillar_page import PillarPage
from pilotage.gui.pages.program_page import ProgramPage
from pilotage.gui.qt import (
    QCloseEvent,
    QDate,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QModelIndex,
    QPoint,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    Qt,
    QThreadPool,
    QTimer,
    QTreeView,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pilotage.gui.settings import Settings
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import EditContext
from pilotage.gui.window_files import FileMenuMixin
from pilotage.gui.window_menus import MenusMixin
from pilotage.gui.window_state import WindowStateMixin
from pilotage.gui.workers import TaskRunner
from pilotage.services.clock import local_today
from pilotage.services.overview import (
    InitiativeNode,
    KpiNode,
    PillarNode,
    ProgramTree,
    program_trees,
)

log = logging.getLogger(__name__)

_FIRST_DAY, _LAST_DAY = QDate(1900, 1, 1), QDate(2200, 12, 31)
_ALL_OPEN = 5  # up to this many programs, all open in the navigator at first
_SEARCH_DELAY_MS = 250  # the search runs this long after the last key
_RETIRE_POLL_MS = 100  # how often a replaced database checks whether it can close
_OPEN_MATCHES = 20  # the search opens this many matches to show what they hold


class MainWindow(MenusMixin, WindowStateMixin, FileMenuMixin, QMainWindow):
    tree_loaded = Signal()  # the navigator shows the trees as of the current date
    database_changed = Signal()  # another database is open (its tree follows)
    open_failed = Signal(str)  # opening another database failed; the current one stays
    backup_saved = Signal(object)  # the Path of the copy written
    search_applied = Signal()  # the navigator shows what the search box asks for

    def __init__(
        self, db: Database, as_of: date | None = None, settings: Settings | None = None
    ) -> None:
        """`settings`: what to restore and remember (None: nothing is read or written)."""
        super().__init__()
        self._db = db
        self._owned: Database | None = None  # a database this window opened, and closes
        self._settings = settings
        if as_of is None and settings is not None:
            as_of = settings.as_of()
        self._as_of_fixed = as_of is not None  # False: "today", whatever day that is
        self._as_of = as_of or local_today()
        self._current: NodeKey | None = None
        self._closing = False
        # One pool per window, so that closing it can wait for what it started.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._tree_runner = TaskRunner(self._pool, self)
        self._tree_runner.finished.connect(self._on_trees)
        self._tree_runner.failed.connect(self._on_failed)
        self._file_runner = TaskRunner(self._pool, self)  # opening, creating, backing up
        self._file_runner.finished.connect(self._on_file_task_done)
        self._file_runner.failed.connect(self._on_file_task_failed)
        self._file_runner.busy_changed.connect(self._on_busy_changed)
        # Databases replaced by another one, closed once the pool no longer reads them.
        self._retired: list[Database] = []
        self._retired_pages: list[Page] = []
        self._retire_timer = QTimer(self)
        self._retire_timer.setInterval(_RETIRE_POLL_MS)
        self._retire_timer.timeout.connect(self._close_retired)

        self._update_title()
        self.resize(1280, 820)

        self.model = NavigatorModel(self)
        self.proxy = NavigatorFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by code or name"))
        self.search.setClearButtonEnabled(True)
        # The search runs once typing pauses, not at every key: on a large portfolio
        # each search takes a moment. Enter runs it at once.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._on_search_typed)
        self.search.returnPressed.connect(self._on_search_entered)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)  # lets the view skip measuring every row
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NavigatorModel.COLUMN_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            NavigatorModel.COLUMN_PROGRESS, QHeaderView.ResizeMode.ResizeToContents
        )
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        navigator = QWidget()
        column = QVBoxLayout(navigator)
        column.setContentsMargins(8, 8, 0, 8)
        column.setSpacing(6)
        column.addWidget(self.search)
        column.addWidget(self.tree)

        self.pages = QStackedWidget()
        self.empty_page = QLabel()
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.empty_page)
        self._pages: dict[NodeKind, Page] = {}
        # Every change goes through this one stack (Edit > Undo / Redo).
        self.undo_stack = QUndoStack(self)
        self.edits: EditContext | None = None
        self._make_pages(db)
        self._tree_runner.busy_changed.connect(self._on_busy_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 880])
        self.splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.splitter)

        self._build_toolbar()
        self._build_menus()
        self._restore_window()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: Qt draws a moving bar
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.reload()

    # --- building -----------------------------------------------------------

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
        assert self.edits is not None
        for page in self._pages.values():
            page.set_editing(self.undo_stack, self.edits)

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

    def _update_title(self) -> None:
        db = self._db
        name = db.path.name if db.path is not None else db.name
        self.setWindowTitle(self.tr("{database} — Pilotage").format(database=name))

    def _make_edits(self, db: Database) -> None:
        """Commands on another database: the old ones cannot be undone there."""
        self.undo_stack.clear()
        if self.edits is not None:
            self.edits.deleteLater()
        # Long calls (deleting a whole program) run on the pool while the window paints.
        self.edits = EditContext(db, self, self._pool, self)
        self.edits.changed.connect(self.reload)
        self.edits.failed.connect(self._on_edit_failed)
        self.edits.busy_changed.connect(self._on_busy_changed)

    @Slot(str)
    def _on_edit_failed(self, message: str) -> None:
        message = sentence(message)
        self._show_status(message)
        QMessageBox.warning(self, self.tr("Pilotage"), message)

    def navigator_menu(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a node of the navigator, or None if it has none."""
        return self.record_actions.navigator_menu(index)

    @Slot(QPoint)
    def _on_tree_menu(self, pos: QPoint) -> None:
        menu = self.navigator_menu(self.tree.indexAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    # --- loading the tree ---------------------------------------------------

    def reload(self) -> None:
        """Read every program's tree as of the date, off the GUI thread."""
        db, as_of = self._db, self._as_of
        self._show_status(self.tr("Loading…"))
        self._tree_runner.run(lambda: program_trees(db, as_of))

    @Slot(object)
    def _on_trees(self, trees: list[ProgramTree]) -> None:
        if self._closing:
            return
        reset = self.model.reload(trees)
        if reset:
            if self.proxy.match_count():
                self._expand_matches()
            else:
                self._expand_default()
            if self._current is None and trees:
                # Open on the first program's dashboard rather than on nothing.
                self._current = (NodeKind.PROGRAM, trees[0].program.id)
            self._restore_current()
        self.empty_page.setText(
            self.tr("Select a program, pillar, initiative or KPI.")
            if trees
            else self.tr("This database holds no contract-program yet.")
        )
        self._show_current()
        self._show_status(
            self.tr("Portfolio as of {day} · programs: {count}").format(
                day=formats.date_text(self._as_of), count=formats.number(len(trees))
            )
        )
        self.tree_loaded.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        if isinstance(exc, PilotageError):
            self._show_status(str(exc))
            return
        error = exc if isinstance(exc, BaseException) else None
        exc_info = (type(error), error, error.__traceback__) if error is not None else None
        log.error("loading the navigator failed: %r", exc, exc_info=exc_info)
        self._show_status(self.tr("The portfolio could not be loaded: {error}").format(error=exc))

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

    def _matches_text(self) -> str:
        count, shown = self.proxy.match_count(), len(self.proxy.revealed_matches())
        if count == 0:
            return self.tr("No match")
        if count > shown:
            return self.tr("{count} matches; the first {shown} shown — refine the search").format(
                count=formats.number(count), shown=formats.number(shown)
            )
        if count == 1:
            return self.tr("1 match")
        return self.tr("{count} matches").format(count=formats.number(count))

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

    @Slot()
    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    @Slot()
    def _focus_tree(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.tree.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

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

    # --- busy and status ----------------------------------------------------

    @Slot(bool)
    def _on_busy_changed(self, _busy: bool) -> None:
        self.busy.setVisible(self.is_busy())

    def is_busy(self) -> bool:
        return (
            self._tree_runner.is_busy()
            or self._file_runner.is_busy()
            or (self.edits is not None and self.edits.is_busy())
            or any(p.is_busy() for p in self._pages.values())
        )

    @Slot(str)
    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def shutdown(self) -> None:
        """Drop what is queued and wait for what runs, so no result outlives the window."""
        self._closing = True
        self._pool.clear()
        self._pool.waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing:
            self.save_settings()
        self.shutdown()
        self._close_retired()  # the pool is idle now
        if self._owned is not None:
            self._owned.close()
            self._owned = None
        super().closeEvent(event)
