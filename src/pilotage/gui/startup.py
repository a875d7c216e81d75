"""What the analyst sees while the application starts: a window at once, then the real one.

Importing the database layer and the services (SQLAlchemy and what follows)
takes several times longer than showing a window, and opening a large or
old database (a schema upgrade) longer still. So `pilotage` first shows a
light shell — the main window's size and place, its title, "Opening…" and a
moving bar — built from Qt alone, lets it paint, and only then imports and
opens the database, on a worker thread so that the shell keeps painting.
The main window takes the shell's place once it is built.

Nothing here may import the database layer, the services or the workbook
library: that is the point of this module (tests/gui/test_startup.py checks it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from pilotage.gui.qt import (
    QApplication,
    QEventLoop,
    QLabel,
    QMainWindow,
    QObject,
    QProgressBar,
    Qt,
    QWidget,
    Signal,
)
from pilotage.gui.settings import Settings

T = TypeVar("T")

DEFAULT_SIZE = (1280, 820)  # the main window's, so that nothing jumps when it replaces the shell


class StartupShell(QMainWindow):
    """The window frame shown while the database opens."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startupShell")
        self.setWindowTitle(self.tr("Pilotage"))
        self.resize(*DEFAULT_SIZE)
        geometry = settings.geometry() if settings is not None else None
        if geometry is not None and not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        self.message = QLabel(self.tr("Opening…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.message)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: Qt draws a moving bar
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().showMessage(self.tr("Opening…"))

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.statusBar().showMessage(text)


def show_shell(settings: Settings | None = None) -> StartupShell:
    """Show the shell and let it paint before the caller goes on with slow work."""
    shell = StartupShell(settings)
    shell.show()
    # Show and expose events are posted: handle them now, so the frame is on screen
    # before the imports that follow hold the GUI thread.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    return shell


class _Done(QObject):
    # Emitted from the worker thread; queued to the loop that waits in the GUI thread.
    finished = Signal()


def run_off_thread(task: Callable[[], T]) -> T:
    """`task()` on a worker thread while the GUI thread goes on painting; its result
    (or the exception it raised) once it is done.

    For work the GUI must wait for before it can go on (opening the database at
    start-up) but that must not freeze what is already on screen. `task` must not
    touch Qt widgets.
    """
    outcome: dict[str, object] = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["result"] = task()
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:
            done.finished.emit()

    worker = threading.Thread(target=work, name="pilotage-open", daemon=True)
    worker.start()
    loop.exec()  # the queued quit is delivered inside exec, even if the work was quick
    worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
