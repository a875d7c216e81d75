"""The main window: the navigator on the left, the selected item's page on the right,
the as-of date in the toolbar."""

from __future__ import annotations

import logging
from datetime import date

from pilotage.db.database import Database
from pilotage.db.server import short_name
from pilotage.domain.errors import PilotageError
from pilotage.gui import formats
from pilotage.gui.change_watcher import watch_changes
from pilotage.gui.models.navigator_filter import NavigatorFilterModel
from pilotage.gui.models.navigator_model import NavigatorModel, NodeKey, NodeKind
from pilotage.gui.pages.base import Page
from pilotage.gui.qt import (
    QCloseEvent,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
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
from pilotage.gui.read_only import DatabaseAccess
from pilotage.gui.settings import Settings
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import EditContext
from pilotage.gui.window_files import FileMenuMixin
from pilotage.gui.window_menus import MenusMixin
from pilotage.gui.window_navigator import NavigatorMixin
from pilotage.gui.window_pages import PagesMixin
from pilotage.gui.window_state import WindowStateMixin
from pilotage.gui.workers import TaskRunner
from pilotage.services.clock import local_today
from pilotage.services.overview import ProgramTree, program_trees

log = logging.getLogger(__name__)

_SEARCH_DELAY_MS = 250  # the search runs this long after the last key
_RETIRE_POLL_MS = 100  # how often a replaced database checks whether it can close


class MainWindow(
    MenusMixin, WindowStateMixin, FileMenuMixin, NavigatorMixin, PagesMixin, QMainWindow
):
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
        # Changes by other analysts: looked for every few seconds, shown when no edit is open.
        self.changes = watch_changes(self)
        # The heartbeat of this instance's hold on its file; a file opened read only says so.
        self.access = DatabaseAccess(self)
        self.reload()

    def _update_title(self) -> None:
        db = self._db
        # A server's database as "database@host": its URL is long and may name the driver.
        name = db.path.name if db.path is not None else short_name(db.url)
        title = self.tr("{database} — Pilotage").format(database=name)
        if db.read_only:
            title = self.tr("{title} (read only)").format(title=title)
        self.setWindowTitle(title)

    @Slot(str)
    def _on_edit_failed(self, message: str) -> None:
        message = sentence(message)
        self._show_status(message)
        QMessageBox.warning(self, self.tr("Pilotage"), message)

    # --- loading the tree ---------------------------------------------------

    def reload(self) -> None:
        """Read every program's tree as of the date, off the GUI thread."""
        db, as_of = self._db, self._as_of
        self._show_status(self.tr("Loading…"))
        # The changes up to the newest audit entry read first are in the trees read after.
        self._tree_runner.run(self.changes.covering(lambda: program_trees(db, as_of)))

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

    # --- the search's count -------------------------------------------------
    # Here rather than in NavigatorMixin: its sentences keep the MainWindow context of
    # the translation file.

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
