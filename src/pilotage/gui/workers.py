"""Service calls off the GUI thread, their results delivered back through signals.

A `TaskRunner` belongs to one view. Each call runs a service function on a
thread pool; the service opens (and closes) its own session there. Only the
latest request's outcome is delivered: an older one that finishes late (the
analyst clicked on, or changed the date twice) is dropped, so a view never
shows stale figures over fresh ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pilotage.gui.qt import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class TaskRunner(QObject):
    """Runs one callable at a time for its owner; newer requests supersede older ones."""

    finished = Signal(object)  # the latest request's result
    failed = Signal(object)  # the exception the latest request raised
    busy_changed = Signal(bool)

    # Emitted from the worker thread; the connection to a slot of this object (which
    # lives in the GUI thread) is queued, so _deliver runs in the GUI thread.
    _done = Signal(int, bool, object)

    def __init__(
        self,
        pool: QThreadPool,
        parent: QObject | None = None,
        dropped: Callable[[object], None] | None = None,
    ) -> None:
        """`dropped`: called (GUI thread) with the result of a request superseded or
        cancelled, for a result that holds something to release (an open database)."""
        super().__init__(parent)
        self._pool = pool
        self._dropped = dropped
        self._serial = 0  # the number of the latest request
        self._pending = 0  # requests started and not yet delivered or dropped
        self._done.connect(self._deliver)

    def is_busy(self) -> bool:
        return self._pending > 0

    def run(self, task: Callable[[], Any]) -> None:
        """Call `task()` on the pool; `finished` or `failed` follows unless superseded."""
        self._serial += 1
        serial = self._serial
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(lambda: self._work(serial, task))

    def cancel(self) -> None:
        """Forget what is under way: its outcome will be dropped."""
        self._serial += 1

    def _work(self, serial: int, task: Callable[[], Any]) -> None:
        # Worker thread: touch nothing of Qt's but the thread-safe signal emission.
        try:
            result = task()
        except Exception as exc:
            log.debug("background task failed", exc_info=True)
            self._done.emit(serial, False, exc)
        else:
            self._done.emit(serial, True, result)

    @Slot(int, bool, object)
    def _deliver(self, serial: int, ok: bool, payload: object) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if serial != self._serial:  # superseded by a newer request, or cancelled
            if ok and self._dropped is not None:
                self._dropped(payload)
            return
        if ok:
            self.finished.emit(payload)
        else:
            self.failed.emit(payload)
