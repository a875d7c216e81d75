"""The main window's menus and toolbars: File, Edit, View, the as-of date, the edit
toolbar. A mixin of `MainWindow`, kept apart so that each file does one thing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pilotage.gui import formats, icons
from pilotage.gui.dialogs.history_dialog import HistoryLauncher
from pilotage.gui.dialogs.organizations_dialog import OrganizationsLauncher
from pilotage.gui.dialogs.preferences_dialog import PreferencesAction
from pilotage.gui.dialogs.program_export_dialog import ProgramExportAction
from pilotage.gui.dialogs.report_dialog import ReportAction
from pilotage.gui.dialogs.template_dialog import TemplateAction
from pilotage.gui.editing.record_actions import RecordActions
from pilotage.gui.i18n import applied_language, resolve_language
from pilotage.gui.import_runner import ImportAction
from pilotage.gui.models.navigator_model import NodeKind
from pilotage.gui.qt import (
    QAction,
    QDate,
    QDateEdit,
    QKeySequence,
    QLabel,
    QMenu,
    Qt,
    QToolBar,
    QToolButton,
)

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

_FIRST_DAY, _LAST_DAY = QDate(1900, 1, 1), QDate(2200, 12, 31)


class MenusMixin(_Base):
    def _build_toolbar(self) -> None:
        toolbar = self.toolbar = QToolBar(self.tr("As of"))
        toolbar.setObjectName("asOfToolbar")
        toolbar.setMovable(False)
        label = QLabel(self.tr("As of"))
        label.setContentsMargins(0, 0, 6, 0)  # the gap to the date: spacing, not a space
        toolbar.addWidget(label)
        self.as_of_edit = QDateEdit(formats.to_qdate(self._as_of))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat(formats.date_format())
        self.as_of_edit.setDateRange(_FIRST_DAY, _LAST_DAY)
        # Typing a date reloads once, when it is complete, not at every key.
        self.as_of_edit.setKeyboardTracking(False)
        self.as_of_edit.setToolTip(self.tr("The date every status and figure is judged on"))
        self.as_of_edit.dateChanged.connect(self._on_date_edited)
        toolbar.addWidget(self.as_of_edit)
        self.today_action = QAction(icons.icon("today"), self.tr("Today"), self)
        self.today_action.setToolTip(self.tr("Judge everything as of today"))
        self.today_action.triggered.connect(self._go_to_today)
        toolbar.addAction(self.today_action)
        # The icon alone would not say which day: the word stays beside it.
        today_button = toolbar.widgetForAction(self.today_action)
        if isinstance(today_button, QToolButton):
            today_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(icons.icon("new"), self.tr("&New database…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_database)
        self.open_action = QAction(icons.icon("open"), self.tr("&Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_database_dialog)
        self.server_action = QAction(self.tr("Connect to &server…"), self)
        self.server_action.triggered.connect(self.connect_to_server_dialog)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.backup_action = QAction(icons.icon("backup"), self.tr("Save a &backup copy…"), self)
        self.backup_action.triggered.connect(self.save_backup_dialog)
        # The Excel report of the program shown (or the portfolio), in the window's language.
        self.report_action = ReportAction(
            self,
            self._settings,
            self._pool,
            self.database,
            lambda: self._as_of,
            lambda: resolve_language(applied_language()),
            self._shown_program_id,
        )
        # Data collection: a template out to partners, their figures (or a program) back in.
        self.template_action = TemplateAction(
            self,
            self._settings,
            self._pool,
            self.database,
            lambda: self._as_of,
            lambda: resolve_language(applied_language()),
            self._shown_program_id,
        )
        self.import_action = ImportAction(
            self, self._settings, self._pool, self.database, self._after_import
        )
        self.program_export_action = ProgramExportAction(
            self, self._settings, self._pool, self.database, self._shown_program_id
        )
        quit_action = self.quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.server_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.template_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.program_export_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.addAction(quit_action)  # the shortcut works with the menu closed
        self._fill_recent_menu()
        self._build_edit_menu()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        find_action = QAction(icons.icon("search"), self.tr("&Find in navigator"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_search)
        view_menu.addAction(find_action)
        view_menu.addAction(self.today_action)
        self.find_action = find_action
        # Last in the Edit menu, where desktop tools keep it.
        self.preferences_action = PreferencesAction(self._settings, self)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.addAction(self.preferences_action)  # the shortcut works with the menu closed

    def _shown_program_id(self) -> int | None:
        """The program of the navigator's current node, None when nothing is shown."""
        if self._current is None:
            return None
        program = self.model.program_at(self.model.index_of(self._current))
        return program.program.id if program is not None else None

    def _after_import(self, program_id: int | None) -> None:
        """Show what an import wrote: everything reloads; a program brought in is shown."""
        if program_id is not None:
            self._current = (NodeKind.PROGRAM, program_id)
        self.reload()

    def _build_edit_menu(self) -> None:
        edit_menu = self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        # Labelled with the command's text ("Undo Add measurement 2025-Q1 to JIT-DIP").
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(self.tr("Ctrl+Z")))
        self.undo_action.setIcon(icons.icon("undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence(self.tr("Ctrl+Shift+Z")))
        self.redo_action.setIcon(icons.icon("redo"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.addAction(self.undo_action)  # the shortcuts work with the menu closed
        self.addAction(self.redo_action)
        # New, edit, delete and move the navigator's records (gui/editing).
        self.record_actions = RecordActions(self)
        edit_menu.addSeparator()
        self.record_actions.add_to_menu(edit_menu)
        # The organizations every program, initiative and KPI refers to (their own dialog).
        self.organizations = OrganizationsLauncher(self, self.undo_stack, lambda: self.edits)
        self.organizations_action = QAction(
            icons.icon("organization"), self.tr("&Organizations…"), self
        )
        self.organizations_action.triggered.connect(self.organizations.open)
        edit_menu.addSeparator()
        edit_menu.addAction(self.organizations_action)
        # Who changed the current record, what and when (the audit log).
        self.history = HistoryLauncher(self)
        self.history_action = self.history.action
        edit_menu.addAction(self.history_action)
        self.addAction(self.history_action)  # the shortcut works with the menu closed
        self.addToolBar(self.record_actions.make_toolbar())
