"""The undoable actions of the window: each command's redo and undo call services.

A command is done once with `execute()` before it is pushed, so that a refusal
(a ValidationError, a conflict) reaches the caller and nothing is pushed; the
stack's first `redo()` then only announces the change. Later redos and undos
call the services again; a refusal then is reported through `EditContext.failed`.
"""

from __future__ import annotations

from collections.abc import Callable

from pilotage.db.database import Database
from pilotage.domain.errors import PilotageError
from pilotage.gui.qt import QObject, QUndoCommand, Signal
from pilotage.services.initiatives import delete_initiative, get_initiative
from pilotage.services.measurements import (
    MeasurementInput,
    MeasurementRow,
    delete_measurement,
    get_measurement,
    record_measurement,
)
from pilotage.services.records import Snapshot
from pilotage.services.undo import restore_deleted


class EditContext(QObject):
    """The database the commands change, and what the window hears of the changes."""

    changed = Signal()  # something was saved, deleted or put back: reload
    failed = Signal(str)  # an undo or redo was refused; the message is for a person

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db


class ServiceCommand(QUndoCommand):
    def __init__(self, context: EditContext, text: str) -> None:
        super().__init__(text)
        self._context = context
        self._executed = False

    def execute(self) -> None:
        """Do it now (raising what the services refuse); push the command afterwards."""
        self._do()
        self._executed = True

    def redo(self) -> None:
        if self._executed:
            self._executed = False  # done by execute(): only announce it
        else:
            self._guarded(self._do)
        self._context.changed.emit()

    def undo(self) -> None:
        self._guarded(self._undo)
        self._context.changed.emit()

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except PilotageError as exc:
            self._context.failed.emit(str(exc))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddMeasurementCommand(ServiceCommand):
    """Record a measurement; undo deletes it, redo records it again."""

    def __init__(self, context: EditContext, kpi_id: int, data: MeasurementInput, text: str):
        super().__init__(context, text)
        self._kpi_id = kpi_id
        self._data = data
        self.row: MeasurementRow | None = None

    def _do(self) -> None:
        self.row = record_measurement(self._context.db, self._kpi_id, self._data)

    def _undo(self) -> None:
        if self.row is not None:
            delete_measurement(self._context.db, self.row.id, self.row.version)
            self.row = None


class DeleteMeasurementCommand(ServiceCommand):
    """Delete a measurement; undo puts it back as it was."""

    def __init__(self, context: EditContext, row: MeasurementRow, text: str) -> None:
        super().__init__(context, text)
        self._id = row.id
        self._version = row.version
        self.snapshot: Snapshot | None = None

    def _do(self) -> None:
        self.snapshot = delete_measurement(self._context.db, self._id, self._version)

    def _undo(self) -> None:
        if self.snapshot is not None:
            restore_deleted(self._context.db, self.snapshot)
            self.snapshot = None
            self._version = get_measurement(self._context.db, self._id).version


class DeleteInitiativeCommand(ServiceCommand):
    """Delete an initiative with all it holds; undo puts everything back."""

    def __init__(self, context: EditContext, initiative_id: int, version: int, text: str) -> None:
        super().__init__(context, text)
        self._id = initiative_id
        self._version = version
        self.snapshot: Snapshot | None = None

    def _do(self) -> None:
        self.snapshot = delete_initiative(self._context.db, self._id, self._version)

    def _undo(self) -> None:
        if self.snapshot is not None:
            restore_deleted(self._context.db, self.snapshot)
            self.snapshot = None
            self._version = get_initiative(self._context.db, self._id).version
