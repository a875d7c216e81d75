"""An Excel report written off the GUI thread, its progress and outcome sent back by signals.

The report service takes a `progress(done, total)` callable and a `cancelled()` one; both
are called on the worker thread. Progress crosses to the GUI thread as a queued signal
(throttled: a large portfolio reports tens of thousands of rows); cancelling sets a
`threading.Event` the worker reads. The worker never touches a widget.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pilotage.db.database import Database
from pilotage.domain.errors import CancelledError
from pilotage.gui.qt import QObject, QThreadPool, Signal, Slot
from pilotage.gui.workers import TaskRunner
from pilotage.services import reports
from pilotage.services.reports import ReportOutcome

PROGRAM = "program"
PORTFOLIO = "portfolio"
KINDS = (PROGRAM, PORTFOLIO)

_PROGRESS_EVERY_S = 0.05  # at most this often a progress signal (a bar moves no faster)


@dataclass(frozen=True)
class ReportRequest:
    """What the analyst asked for: the program report of `program_id` (or the portfolio's)."""

    kind: str  # PROGRAM or PORTFOLIO
    program_id: int | None  # None for the portfolio
    as_of: date
    language: str  # "fr" or "en"
    out: Path


class ReportRunner(QObject):
    """Writes one report at a time on `pool`: `progressed`, then `written`, `cancelled` or
    `failed` (with the exception), all delivered in the GUI thread."""

    progressed = Signal(int, int)  # done, total (total 0: not known yet)
    written = Signal(object)  # the ReportOutcome
    cancelled = Signal()  # stopped at the analyst's request: nothing was written
    failed = Signal(object)  # the exception the service raised

    # Emitted from the worker thread, received queued by this object in the GUI thread.
    _progress = Signal(int, int)

    def __init__(self, db: Database, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = TaskRunner(pool, self)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        self._stop = threading.Event()
        self._running = False

    def is_running(self) -> bool:
        return self._running

    def start(self, request: ReportRequest) -> None:
        """Write the report `request` asks for (one at a time: the caller waits for the end)."""
        if self._running:
            raise RuntimeError("a report is already being written")
        self._running = True
        self._stop = stop = threading.Event()  # a fresh flag: an old cancel stays old
        db = self._db
        emit = self._progress.emit
        last = [0.0]

        def progress(done: int, total: int) -> None:
            # Worker thread: only the thread-safe signal emission touches Qt.
            now = time.monotonic()
            if done >= total or now - last[0] >= _PROGRESS_EVERY_S:
                last[0] = now
                emit(done, total)

        def work() -> ReportOutcome:
            if request.kind == PORTFOLIO:
                return reports.portfolio_report(
                    db, request.as_of, request.language, request.out, progress, stop.is_set
                )
            if request.program_id is None:
                raise ValueError("a program report needs a program")
            return reports.program_report(
                db,
                request.program_id,
                request.as_of,
                request.language,
                request.out,
                progress,
                stop.is_set,
            )

        self._runner.run(work)

    def cancel(self) -> None:
        """Ask the worker to stop at its next check (thread-safe: an Event)."""
        self._stop.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._running:
            self.progressed.emit(done, total)

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        self._running = False
        self.written.emit(outcome)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._running = False
        if isinstance(error, CancelledError):
            self.cancelled.emit()
        else:
            self.failed.emit(error)
