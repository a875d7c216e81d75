"""The main window: the navigator on the left, the selected item's page on the right,
the as-of date in the toolbar."""

from __future__ import annotations

import logging
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
    QAction,
    QCloseEvent,
    QDate,
    QDateEdit,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QModelIndex,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    Qt,
    QThreadPool,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
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


class MainWindow(QMainWindow):
    tree_loaded = Signal()  # the navigator shows the trees as of the current date

    def __init__(self, db: Database, as_of: date | None = None) -> None:
        super().__init__()
        self._db = db
        self._as_of = as_of or local_today()
        self._current: NodeKey | None = None
        self._closing = False
        # One pool per window, so that closing it can wait for what it started.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._tree_runner = TaskRunner(self._pool, self)
        self._tree_runner.finished.connect(self._on_trees)
        self._tree_runner.failed.connect(self._on_failed)

        name = db.path.name if db.path is not None else db.name
        self.setWindowTitle(self.tr("{database} — Pilotage").format(database=name))
        self.resize(1280, 820)

        self.model = NavigatorModel(self)
        self.proxy = NavigatorFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by code or name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self._focus_tree)
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
        navigator = QWidget()
        column = QVBoxLayout(navigator)
        column.setContentsMargins(8, 8, 0, 8)
        column.setSpacing(6)
        column.addWidget(self.search)
        column.addWidget(self.tree)

        self.pages = QStackedWidget()
        self.empty_page = QLabel()
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.program_page = ProgramPage(db, self._pool)
        self.pillar_page = PillarPage(db, self._pool)
        self.initiative_page = InitiativePage(db, self._pool)
        self.kpi_page = KpiPage(db, self._pool)
        self.pages.addWidget(self.empty_page)
        self._pages: dict[NodeKind, Page] = {
            NodeKind.PROGRAM: self.program_page,
            NodeKind.PILLAR: self.pillar_page,
            NodeKind.INITIATIVE: self.initiative_page,
            NodeKind.KPI: self.kpi_page,
        }
        for page in self._pages.values():
            self.pages.addWidget(page)
            page.busy_changed.connect(self._on_busy_changed)
            page.failed.connect(self._show_status)
        self._tree_runner.busy_changed.connect(self._on_busy_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(navigator)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 880])
        self.setCentralWidget(self.splitter)

        self._build_toolbar()
        self._build_menus()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: Qt draws a moving bar
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self.reload()

    # --- building -----------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = self.toolbar = QToolBar(self.tr("As of"))
        toolbar.setObjectName("asOfToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("As of ")))
        self.as_of_edit = QDateEdit(formats.to_qdate(self._as_of))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat(formats.date_format())
        self.as_of_edit.setDateRange(_FIRST_DAY, _LAST_DAY)
        # Typing a date reloads once, when it is complete, not at every key.
        self.as_of_edit.setKeyboardTracking(False)
        self.as_of_edit.setToolTip(self.tr("The date every status and figure is judged on"))
        self.as_of_edit.dateChanged.connect(self._on_date_edited)
        toolbar.addWidget(self.as_of_edit)
        self.today_action = QAction(self.tr("Today"), self)
        self.today_action.setToolTip(self.tr("Judge everything as of today"))
        self.today_action.triggered.connect(self._go_to_today)
        toolbar.addAction(self.today_action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        find_action = QAction(self.tr("&Find in navigator"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_search)
        view_menu.addAction(find_action)
        view_menu.addAction(self.today_action)
        self.find_action = find_action

    # --- the as-of date -----------------------------------------------------

    def as_of(self) -> date:
        return self._as_of

    def set_as_of(self, day: date) -> None:
        """Judge everything as of `day`: the tree, then the page shown, reload."""
        self.as_of_edit.setDate(formats.to_qdate(day))  # _on_date_edited does the rest

    @Slot(QDate)
    def _on_date_edited(self, day: QDate) -> None:
        chosen = formats.from_qdate(day)
        if chosen != self._as_of:
            self._as_of = chosen
            self.reload()

    @Slot()
    def _go_to_today(self) -> None:
        self.set_as_of(local_today())

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
        log.error("loading the navigator failed: %r", exc)
        self._show_status(self.tr("The portfolio could not be loaded: {error}").format(error=exc))

    def _expand_default(self) -> None:
        """Programs and pillars open, so that initiatives show; KPIs one step away."""
        self.tree.collapseAll()
        self.tree.expandToDepth(1)

    def _restore_current(self) -> None:
        if self._current is None:
            return
        index = self.proxy.mapFromSource(self.model.index_of(self._current))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # --- searching ----------------------------------------------------------

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        if text.strip():
            self.tree.expandAll()  # matches can be deep; show them all
        else:
            self._expand_default()
            self._restore_current()

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
        return self._tree_runner.is_busy() or any(p.is_busy() for p in self._pages.values())

    @Slot(str)
    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def shutdown(self) -> None:
        """Drop what is queued and wait for what runs, so no result outlives the window."""
        self._closing = True
        self._pool.clear()
        self._pool.waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
