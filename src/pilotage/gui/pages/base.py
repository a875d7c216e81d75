"""What every page shares: a scrolling body, a header, and loading off the GUI thread.

A page shows at once what the navigator already holds (the node's plain row),
then fetches the rest through a service call on the thread pool and fills
itself when it arrives (`loaded`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pilotage.db.database import Database
from pilotage.domain.enums import KpiStatus
from pilotage.domain.errors import PilotageError
from pilotage.gui.conflicts import refusal
from pilotage.gui.pages.widgets import SPACING, PageHeader, rule
from pilotage.gui.qt import (
    QLabel,
    QMessageBox,
    QScrollArea,
    QThreadPool,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pilotage.gui.status import STATUS_COLORS
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import EditContext, ServiceCommand
from pilotage.gui.workers import TaskRunner

log = logging.getLogger(__name__)


class Page(QScrollArea):
    loaded = Signal()  # the fetched part is shown
    failed = Signal(str)  # the fetch failed; the message is for a person
    busy_changed = Signal(bool)

    def __init__(self, db: Database, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = TaskRunner(pool, self)
        self._runner.finished.connect(self._on_fetched)
        self._runner.failed.connect(self._on_failed)
        self._runner.busy_changed.connect(self.busy_changed)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("pageBody")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        self.body.setSpacing(SPACING)
        self.header = PageHeader()
        self.body.addWidget(self.header)
        self.body.addWidget(rule())
        self.problem = QLabel()  # what went wrong while fetching, if anything
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {STATUS_COLORS[KpiStatus.OFF_TRACK]};")
        self.problem.hide()
        self.body.addWidget(self.problem)
        self.setWidget(body)
        self._stack: QUndoStack | None = None
        self._edits: EditContext | None = None

    # --- editing ----------------------------------------------------------------

    def set_editing(self, stack: QUndoStack, edits: EditContext) -> None:
        """Where this page's changes go: commands on `stack`, saved through `edits`."""
        self._stack, self._edits = stack, edits
        self.editing_changed()

    def editing_changed(self) -> None:
        """Enable or disable the page's edit buttons (subclasses)."""

    @property
    def edits(self) -> EditContext | None:
        return self._edits

    def push(self, command: ServiceCommand, title: str) -> bool:
        """Do `command` now and put it on the undo stack; a refusal is shown in a box
        titled `title` and nothing is pushed. True when done."""
        if self._stack is None:
            return False
        try:
            command.execute()
        except PilotageError as exc:  # changed meanwhile, gone, locked…
            QMessageBox.warning(self, title, sentence(refusal(exc)))
            return False
        self._stack.push(command)
        return True

    def is_busy(self) -> bool:
        return self._runner.is_busy()

    def finish(self) -> None:
        """Add the closing stretch, once the subclass has laid out its blocks."""
        self.body.addStretch(1)

    def fetch(self, task: Callable[[], Any]) -> None:
        """Run `task` (service calls only) off the GUI thread; `fill` gets its result."""
        self.problem.hide()
        self._runner.run(task)

    def fill(self, data: Any) -> None:
        """Show what `fetch` returned (GUI thread)."""
        raise NotImplementedError

    @Slot(object)
    def _on_fetched(self, data: object) -> None:
        self.fill(data)
        self.loaded.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        if isinstance(exc, PilotageError):
            message = str(exc)
        else:
            # A bug: keep the details for the log, tell the analyst plainly.
            details = exc if isinstance(exc, BaseException) else None
            log.error("loading a page failed", exc_info=details)
            message = self.tr("This page could not be loaded: {error}").format(error=exc)
        self.problem.setText(message)
        self.problem.show()
        self.failed.emit(message)
