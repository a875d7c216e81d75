"""A long service call made from an undo command, without freezing the window.

QUndoCommand's redo and undo are synchronous: the stack expects the change done
when they return. Deleting a large program takes seconds, so the call runs on
the window's thread pool while a local event loop waits for it: the window keeps
painting, input is held back (a modal busy dialog after a short while), and the
command still returns only once the service has answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pilotage.gui.qt import (
    QEventLoop,
    QObject,
    QProgressDialog,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
)

T = TypeVar("T")

BUSY_DIALOG_DELAY_MS = 300  # a call quicker than this shows no dialog at all


class _Relay(QObject):
    """Lives in the GUI thread: the worker's signal reaches it queued."""

    done = Signal()


def call_in_pool(pool: QThreadPool, call: Callable[[], T], parent: QWidget | None, label: str) -> T:
    """`call()` on `pool`, its result (or its exception) returned here once it is done.

    The GUI thread processes events meanwhile (painting, timers, other results) but
    not the analyst's input, which could start another change in the middle of this one.
    """
    outcome: dict[str, object] = {}
    relay = _Relay()
    loop = QEventLoop()
    relay.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        # Worker thread: only the thread-safe signal emission touches Qt.
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed back to the GUI thread, raised there
            outcome["error"] = exc
        relay.done.emit()

    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # a half-done delete cannot be stopped: it is one transaction
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(BUSY_DIALOG_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)  # starts the clock: the dialog shows once the delay has passed
    pool.start(work)
    try:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        dialog.close()
        dialog.deleteLater()
        relay.deleteLater()
    if "error" in outcome:
        error = outcome["error"]
        assert isinstance(error, BaseException)
        raise error
    return outcome["value"]  # type: ignore[return-value]
