"""One service call of an export or an import, off the GUI thread, with a progress dialog.

A `Job` runs one call at a time on the window's pool. The call receives a
`progress(done, total)` and a `cancelled()` callable, both safe on the worker thread:
progress crosses to the GUI thread as a queued, throttled signal; cancelling sets a
`threading.Event` the call reads. The outcome comes back as `succeeded`, `cancelled`
(the service raised CancelledError) or `failed` (any other exception). The worker
never touches a widget.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from pilotage.domain.errors import CancelledError, PilotageError
from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QDialog,
    QMessageBox,
    QObject,
    QProgressDialog,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
    translate,
)
from pilotage.gui.text import sentence
from pilotage.gui.workers import TaskRunner

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], object]

_PROGRESS_EVERY_S = 0.05  # at most this often a progress signal (a bar moves no faster)
_NOT_WRITTEN = QT_TRANSLATE_NOOP("Jobs", "{path} could not be written: {reason}")
_NOT_READ = QT_TRANSLATE_NOOP("Jobs", "{path} could not be read: {reason}")
_CANCEL = QT_TRANSLATE_NOOP("Jobs", "Cancel")
_STOPPING = QT_TRANSLATE_NOOP("Jobs", "Stopping…")


class Job(QObject):
    """`progressed`, then `succeeded`, `cancelled` or `failed`, delivered in the GUI thread."""

    progressed = Signal(int, int)  # done, total (total 0: not known yet)
    succeeded = Signal(object)  # what the call returned
    cancelled = Signal()  # stopped at the analyst's request
    failed = Signal(object)  # the exception the call raised

    _progress = Signal(int, int)  # emitted on the worker thread, received queued

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = TaskRunner(pool, self)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._progress.connect(self._on_progress)
        self._stop = threading.Event()
        self._running = False

    def is_running(self) -> bool:
        return self._running

    def start(self, work: Work) -> None:
        if self._running:
            raise RuntimeError("a job is already running")
        self._running = True
        self._stop = stop = threading.Event()  # a fresh flag: an old cancel stays old
        emit = self._progress.emit
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done >= total or now - last[0] >= _PROGRESS_EVERY_S:
                last[0] = now
                emit(done, total)

        self._runner.run(lambda: work(progress, stop.is_set))

    def cancel(self) -> None:
        """Ask the call to stop at its next check (thread-safe: an Event)."""
        self._stop.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._running:
            self.progressed.emit(done, total)

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        self._running = False
        self.succeeded.emit(outcome)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._running = False
        if isinstance(error, CancelledError):
            self.cancelled.emit()
        else:
            self.failed.emit(error)


class JobProgress:
    """A window-modal progress dialog for one job, busy until told how much there is.

    A modal QProgressDialog processes events inside setValue: the job's outcome can
    arrive there and finish the dialog while setValue is still on the stack. The dialog
    is therefore hidden at once but deleted only once no update is under way.
    """

    def __init__(
        self, parent: QWidget, title: str, label: str, cancel: Callable[[], None] | None
    ) -> None:
        """Shown at once; without a Cancel button when `cancel` is None (one transaction)."""
        dialog = self.dialog = QProgressDialog(label, translate("Jobs", _CANCEL), 0, 0, parent)
        if cancel is None:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(cancel)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        self._depth = 0  # updates under way (they nest: setValue processes events)
        self._finished = False
        dialog.open()

    def update(self, done: int, total: int) -> None:
        if self._finished or total <= 0:
            return
        self._depth += 1
        try:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        finally:
            self._depth -= 1
        if self._finished and self._depth == 0:
            self.dialog.deleteLater()

    def finish(self) -> None:
        """Hide it for good (a close says "canceled": not the analyst's word, so muted)."""
        if self._finished:
            return
        self._finished = True
        self.dialog.blockSignals(True)
        self.dialog.hide()
        if self._depth == 0:
            self.dialog.deleteLater()


def problem_sentence(error: object, path: Path, *, writing: bool) -> str:
    """What went wrong, in one sentence: a file that could not be written (or read), or
    the service's own sentence. Anything else is a bug: raised again, for the
    application's error dialog."""
    if isinstance(error, OSError):
        where = error.filename if error.filename is not None else path
        message = translate("Jobs", _NOT_WRITTEN if writing else _NOT_READ).format(
            path=where, reason=error.strerror or str(error)
        )
        return sentence(message)
    if isinstance(error, PilotageError):
        return sentence(str(error))
    raise error if isinstance(error, BaseException) else RuntimeError(str(error))


class JobDialog(QDialog):
    """A dialog whose action is one service call off the GUI thread: `run` starts it with
    its progress window and the dialog disabled (`set_busy`); its outcome comes to
    `job_succeeded`, `job_cancelled` or `failure_sentence`, said in `failure_box`.

    Closing the dialog while the call runs stops a call that can stop (`run(...,
    cancellable=True)`: Cancel, then "Stopping…"); one that cannot (one transaction, a
    file written in one go) is waited for: its message follows in a moment.
    """

    def __init__(self, pool: QThreadPool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.job = Job(pool, self)
        self.job.progressed.connect(self._on_progress)
        self.job.succeeded.connect(self._on_succeeded)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.failed.connect(self._on_failed)
        self.progress: JobProgress | None = None
        self.done_box: QMessageBox | None = None  # what was written, said once
        self.failure_box: QMessageBox | None = None  # a failure or a cancel, said once
        self._cancellable = False

    def run(self, label: str, work: Work, *, cancellable: bool = False) -> None:
        """Start `work`, its progress window saying `label` (with Cancel if it can stop)."""
        self._cancellable = cancellable
        self.set_busy(True)
        self.progress = JobProgress(
            self, self.windowTitle(), label, self.cancel_job if cancellable else None
        )
        self.job.start(work)

    def reject(self) -> None:
        if self.job.is_running():
            if self._cancellable:
                self.cancel_job()  # the dialog waits for the call to stop
            return
        super().reject()

    @Slot()
    def cancel_job(self) -> None:
        if self.job.is_running() and self._cancellable:
            self.job.cancel()
            if self.progress is not None:
                self.progress.dialog.setLabelText(translate("Jobs", _STOPPING))

    def set_busy(self, busy: bool) -> None:
        """Disable what must not change while the call runs (the subclass says what)."""
        raise NotImplementedError

    def job_succeeded(self, outcome: object) -> None:
        raise NotImplementedError

    def job_cancelled(self) -> None:
        """Stopped at the analyst's request; only a cancellable call says more."""

    def failure_sentence(self, error: object) -> str:
        """`error` in one sentence (problem_sentence with the dialog's file)."""
        raise NotImplementedError

    def tell(self, icon: QMessageBox.Icon, text: str) -> None:
        box = self.failure_box = QMessageBox(self)
        box.setIcon(icon)
        box.setWindowTitle(self.windowTitle())
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self.set_busy(False)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.update(done, total)

    @Slot(object)
    def _on_succeeded(self, outcome: object) -> None:
        self._close_progress()
        self.job_succeeded(outcome)

    @Slot()
    def _on_cancelled(self) -> None:
        self._close_progress()
        self.job_cancelled()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._close_progress()
        self.tell(QMessageBox.Icon.Warning, self.failure_sentence(error))
