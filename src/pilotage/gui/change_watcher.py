"""Noticing what other analysts change: a cheap look at the change counter every few
seconds and when the window comes to the front, and a refresh of what is shown.

Every change bumps the counter as it commits, in commit order, so the counter marks
the database as it is now (services/changes.py). The window's reload reads
that mark before it reads the trees (`covering`): what the window shows covers
every change up to it. A newer mark is someone else's change, never the window's
own: its own saves reload the window, and that reload covers them.

A refresh never happens under an edit in progress (a dialog open, a cell being
edited, a menu open): it waits until the edit ends, and says so in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pilotage.db.database import Database
from pilotage.gui.qt import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QEvent,
    QGuiApplication,
    QLabel,
    QLocale,
    QObject,
    QScrollArea,
    Qt,
    QTime,
    QTimer,
    QWidget,
    Signal,
    Slot,
)
from pilotage.gui.workers import TaskRunner
from pilotage.services.changes import ChangeMark, latest_change

if TYPE_CHECKING:
    from pilotage.gui.main_window import MainWindow

T = TypeVar("T")

CHECK_EVERY_MS = 5000  # how often the change counter is looked at while the window is open


def edit_in_progress(window: QWidget) -> bool:
    """Whether the analyst is in the middle of something a refresh would disturb: a
    dialog (a form, a question), a table cell being edited, a menu open."""
    if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
        return True
    if any(d.isVisible() and d.isModal() for d in window.findChildren(QDialog)):
        return True
    return any(
        view.state() is QAbstractItemView.State.EditingState
        for view in window.findChildren(QAbstractItemView)
    )


class ChangeWatcher(QObject):
    """Looks at the change counter off the GUI thread and asks for a refresh when it
    has counted a change the window does not show."""

    refresh_requested = Signal(object)  # the ChangeMark of someone else's change
    _covered_signal = Signal(object)  # from the worker thread: a reload read up to this mark

    def __init__(
        self,
        window: MainWindow,
        interval_ms: int = CHECK_EVERY_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = TaskRunner(window._pool, self)
        self._runner.finished.connect(self._on_mark)
        self._runner.failed.connect(self._on_check_failed)
        self._covered: ChangeMark | None = None  # what the window shows covers this mark
        self._waiting = False  # a change by others waits for an edit to end
        self._refreshing = False  # our refresh's reload is under way
        self._stopped = False
        self._covered_signal.connect(self._on_covered)
        self.note = QLabel()  # the status bar's discreet word on it
        self.note.setObjectName("changesNote")
        self.note.setEnabled(False)  # greyed: a remark, not a warning
        self.note.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)
            # An editor or a dialog closing moves the focus: the refresh it held back follows.
            if isinstance(app, QApplication):
                app.focusChanged.connect(self._on_focus_changed)
        window.installEventFilter(self)
        window.tree_loaded.connect(self._on_reloaded)
        window.database_changed.connect(self._on_database_changed)

    # --- configuration and state --------------------------------------------------

    def set_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def interval(self) -> int:
        return self._timer.interval()

    def covered(self) -> ChangeMark | None:
        return self._covered

    def is_waiting(self) -> bool:
        """A change by others is seen and held back until the edit in progress ends."""
        return self._waiting

    def stop(self) -> None:
        """Look no more (neither on the timer nor on focus) until `start`."""
        self._stopped = True
        self._timer.stop()
        self._runner.cancel()

    def start(self) -> None:
        self._stopped = False
        self._timer.start()

    def covering(self, read: Callable[[], T]) -> Callable[[], T]:
        """`read` (a reload's service call, run off the GUI thread) preceded by a look at
        the change counter: whatever `read` returns covers the changes counted by then."""
        db = self._window.database()
        emit = self._covered_signal.emit

        def task() -> T:
            emit((db, latest_change(db)))  # queued: reaches the GUI thread before the result
            return read()

        return task

    # --- checking -------------------------------------------------------------------

    @Slot()
    def check(self) -> None:
        """Look at the change counter now (off the GUI thread)."""
        if self._stopped or self._runner.is_busy() or self._window._closing:
            return
        db = self._window.database()
        self._runner.run(lambda: (db, latest_change(db)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    @Slot(object, object)
    def _on_focus_changed(self, _old: object, _new: object) -> None:
        if self._waiting:
            # After the event that moved the focus: the editor is closed by then.
            QTimer.singleShot(0, self.check)

    @Slot()
    def _on_database_changed(self) -> None:
        """Another database: its marks have nothing to do with the last one's."""
        self._covered = None
        self._waiting = self._refreshing = False
        self.note.hide()

    @Slot(object)
    def _on_covered(self, seen: tuple[Database, ChangeMark]) -> None:
        db, mark = seen
        if db is not self._window.database():
            return  # read on the database shown before
        if self._covered is None or mark.is_newer_than(self._covered):
            self._covered = mark

    @Slot(object)
    def _on_check_failed(self, _error: object) -> None:
        """A server out of reach for a moment: the next look will tell."""

    @Slot(object)
    def _on_mark(self, seen: tuple[Database, ChangeMark]) -> None:
        window = self._window
        db, mark = seen
        if db is not window.database():
            return  # looked at the database shown before
        if self._refreshing and not window.is_busy():
            self._refreshing = False  # our reload ended without a tree (it failed)
        if self._covered is None or window.is_busy() or self._refreshing:
            return  # a reload or a save under way: what it reads is looked at next time
        if not mark.is_newer_than(self._covered):
            if self._waiting:  # our own reload (a save) caught up with it meanwhile
                self._waiting = False
                self._say_refreshed()
            return
        if edit_in_progress(window):
            if not self._waiting:
                self._waiting = True
                self._say(self.tr("Changed by others: will refresh when you finish"))
            return
        self._waiting = False
        self._refreshing = True
        self.refresh_requested.emit(mark)

    @Slot()
    def _on_reloaded(self) -> None:
        if self._refreshing:
            self._refreshing = False
            self._say_refreshed()

    def _say_refreshed(self) -> None:
        time = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        self._say(self.tr("Changed by others: refreshed at {time}").format(time=time))

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()


def watch_changes(window: MainWindow, interval_ms: int = CHECK_EVERY_MS) -> ChangeWatcher:
    """A watcher for `window`: its note in the status bar, its refreshes keeping the
    navigator's selection and the scroll of the tree and the page."""
    watcher = ChangeWatcher(window, interval_ms)
    window.statusBar().addPermanentWidget(watcher.note)

    @Slot(object)
    def refresh(_mark: object) -> None:
        tree_scroll = window.tree.verticalScrollBar().value()
        page = window.current_page()
        page_scroll = page.verticalScrollBar().value() if isinstance(page, QScrollArea) else None

        def restore_tree() -> None:
            window.tree_loaded.disconnect(restore_tree)
            window.tree.verticalScrollBar().setValue(tree_scroll)

        window.tree_loaded.connect(restore_tree)
        if isinstance(page, QScrollArea) and page_scroll is not None:
            loaded: Any = getattr(page, "loaded", None)
            if loaded is not None:

                def restore_page() -> None:
                    loaded.disconnect(restore_page)
                    page.verticalScrollBar().setValue(page_scroll)

                loaded.connect(restore_page)
        window.reload()

    watcher.refresh_requested.connect(refresh)
    return watcher
