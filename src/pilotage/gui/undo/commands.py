"""The undoable actions of the window: each command's redo and undo call services.

A command is done once with `execute()` before it is pushed, so that a refusal
(a ValidationError, a conflict) reaches the caller and nothing is pushed; the
stack's first `redo()` then only announces the change. Later redos and undos
call the services again; a refusal then is reported through `EditContext.failed`.

Several commands of the stack may change the same record (edit an initiative,
move it to another pillar, undo both). Each save gives the record a new version,
so the version a command kept would be out of date when its turn to undo comes.
The context therefore remembers the last version the stack's own commands saw of
each record, and a command saves with that one: a change made meanwhile by
anyone else still shows as a newer version, and the save is refused as a
conflict. (A pillar's move changes no version: see MovePillarCommand.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from pilotage.db.database import Database
from pilotage.domain.errors import ConflictError, PilotageError
from pilotage.gui.conflicts import refusal
from pilotage.gui.qt import QObject, QThreadPool, QUndoCommand, QWidget, Signal, translate
from pilotage.gui.text import sentence
from pilotage.gui.undo.long_calls import call_in_pool
from pilotage.services.initiatives import InitiativeRow, move_initiative
from pilotage.services.measurements import MeasurementRow, delete_measurement, get_measurement
from pilotage.services.pillars import move_pillar
from pilotage.services.records import Snapshot
from pilotage.services.undo import restore_deleted


class Versioned(Protocol):
    """A plain row a service returns: it has an id and the version the analyst saw."""

    @property
    def id(self) -> int: ...

    @property
    def version(self) -> int: ...


class EditContext(QObject):
    """The database the commands change, and what the window hears of the changes."""

    changed = Signal()  # something was saved, deleted or put back: reload
    failed = Signal(str)  # an undo or redo was refused; the message is for a person
    busy_changed = Signal(bool)  # a long call (see `run`) started or ended

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
        window: QWidget | None = None,
    ) -> None:
        """`pool`: where long calls run while the window keeps painting (None: here)."""
        super().__init__(parent)
        self.db = db
        self._versions: dict[tuple[str, int], int] = {}
        self._pool, self._window = pool, window
        self._running = 0

    def is_busy(self) -> bool:
        return self._running > 0

    def run(self, call: Callable[[], None], what: str = "") -> None:
        """Make a long service call: on the pool while the window waits (see long_calls).
        `what`: the change under way, named in the busy dialog."""
        if self._pool is None:
            call()
            return
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        try:
            label = self.tr("{change}…").format(change=what) if what else self.tr("Working…")
            call_in_pool(self._pool, call, self._window, label)
        finally:
            self._running -= 1
            if self._running == 0:
                self.busy_changed.emit(False)

    def saw(self, *rows: Versioned) -> None:
        """Remember the versions these rows (just returned by a service) have now."""
        for row in rows:
            self._versions[(type(row).__name__, row.id)] = row.version

    def version_of(self, row: Versioned, fallback: int | None = None) -> int:
        """The version to save `row`'s record with: the last one a command saw."""
        known = self._versions.get((type(row).__name__, row.id))
        if known is not None:
            return known
        return row.version if fallback is None else fallback


class ServiceCommand(QUndoCommand):
    def __init__(self, context: EditContext, text: str, *, long: bool = False) -> None:
        """`long`: the calls can take seconds (a whole program): they run off the GUI
        thread while the window waits (EditContext.run)."""
        super().__init__(text)
        self._context = context
        self._executed = False
        self._long = long

    def execute(self) -> None:
        """Do it now (raising what the services refuse); push the command afterwards.

        Refused because someone else changed the record, the window reloads what it
        shows (`changed`): the analyst sees the current values beside the refusal."""
        try:
            self._call(self._do)
        except ConflictError:
            self._context.changed.emit()
            raise
        self._executed = True

    def _call(self, action: Callable[[], None]) -> None:
        if self._long:
            self._context.run(action, self.text())
        else:
            action()

    def redo(self) -> None:
        if self._executed:
            self._executed = False  # done by execute(): only announce it
        else:
            self._guarded(self._do, undoing=False)
        self._context.changed.emit()

    def undo(self) -> None:
        self._guarded(self._undo, undoing=True)
        self._context.changed.emit()

    def _guarded(self, action: Callable[[], None], *, undoing: bool) -> None:
        """Call `action`; a refusal takes the command off the stack and is reported.

        The stack moves its index whatever happens: a refused undo kept on the stack
        would be redone over a change that never came undone (a create would create
        a second record). Obsolete, the command is dropped by QUndoStack.
        """
        try:
            self._call(action)
        except PilotageError as exc:
            self.setObsolete(True)
            if undoing:
                outcome = translate(
                    "ServiceCommand",
                    "{reason} The change could not be undone and was taken off the Undo list.",
                )
            else:
                outcome = translate(
                    "ServiceCommand",
                    "{reason} The change could not be redone and was taken off the Undo list.",
                )
            # Changed by someone else since: who and when (the window then reloads).
            self._context.failed.emit(outcome.format(reason=sentence(refusal(exc))))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


R = TypeVar("R", bound=Versioned)
I = TypeVar("I")  # noqa: E741 - a service input dataclass

Getter = Callable[[Database, int], R]
Deleter = Callable[[Database, int, int], Snapshot]


class CreateCommand(ServiceCommand, Generic[R]):
    """Create a record; undo deletes it, redo puts the same record back (same id), so
    that later commands on the stack still find it."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        create: Callable[[Database], R],
        delete: Deleter,
        get: Getter[R],
    ) -> None:
        super().__init__(context, text)
        self._create, self._delete, self._get = create, delete, get
        self.row: R | None = None
        self._snapshot: Snapshot | None = None

    def _do(self) -> None:
        db = self._context.db
        if self._snapshot is None:
            # Created once already and its undo refused: the record is still there.
            if self.row is not None:
                return
            self.row = self._create(db)
        else:
            self._restore(db, self._snapshot)
            self._snapshot = None
            assert self.row is not None
            self.row = self._get(db, self.row.id)
        self._context.saw(self.row)

    def _restore(self, db: Database, snapshot: Snapshot) -> None:
        """Redo: the record its undo removed, back with its id."""
        restore_deleted(db, snapshot)

    def _undo(self) -> None:
        if self.row is not None and self._snapshot is None:
            version = self._context.version_of(self.row)
            self._snapshot = self._delete(self._context.db, self.row.id, version)


class UpdateCommand(ServiceCommand, Generic[R, I]):
    """Save `after` over a record; undo saves `before` back (each with the version the
    previous save returned, so a change by someone else in between is refused)."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        record_id: int,
        version: int,
        update: Callable[[Database, int, int, I], R],
        before: I,
        after: I,
    ) -> None:
        super().__init__(context, text)
        self._id, self._version = record_id, version
        self._update, self._before, self._after = update, before, after
        self.row: R | None = None

    def _save(self, data: I) -> None:
        if self.row is not None:
            self._version = self._context.version_of(self.row, self._version)
        self.row = self._update(self._context.db, self._id, self._version, data)
        self._version = self.row.version
        self._context.saw(self.row)

    def _do(self) -> None:
        self._save(self._after)

    def _undo(self) -> None:
        self._save(self._before)


class DeleteCommand(ServiceCommand):
    """Delete a record and what it holds; undo puts everything back with the same ids."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        record_id: int,
        version: int,
        delete: Deleter,
        get: Callable[[Database, int], Versioned],
        *,
        long: bool = False,
    ) -> None:
        super().__init__(context, text, long=long)
        self._id, self._version = record_id, version
        self._delete, self._get = delete, get
        self.snapshot: Snapshot | None = None
        self._row: Versioned | None = None  # as the last undo put it back

    def _do(self) -> None:
        if self._row is not None:
            self._version = self._context.version_of(self._row, self._version)
        self.snapshot = self._delete(self._context.db, self._id, self._version)

    def _undo(self) -> None:
        if self.snapshot is not None:
            db = self._context.db
            restore_deleted(db, self.snapshot)
            self.snapshot = None
            self._row = self._get(db, self._id)
            self._version = self._row.version
            self._context.saw(self._row)


class CallCommand(ServiceCommand):
    """Any other change (a move, a status): two service calls, one each way. The
    callables keep whatever versions they need between calls."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        do: Callable[[Database], object],
        undo: Callable[[Database], object],
    ) -> None:
        super().__init__(context, text)
        self._forward, self._backward = do, undo

    def _do(self) -> None:
        self._forward(self._context.db)

    def _undo(self) -> None:
        self._backward(self._context.db)


class DeleteMeasurementCommand(DeleteCommand):
    """Delete a measurement; undo puts it back as it was."""

    def __init__(self, context: EditContext, row: MeasurementRow, text: str) -> None:
        super().__init__(context, text, row.id, row.version, delete_measurement, get_measurement)


class MovePillarCommand(ServiceCommand):
    """Move a pillar from position `old` to `new` of its program; undo moves it back.

    Each call says where the pillar is expected (`old` when doing, `new` when
    undoing): if someone else moved it meanwhile, the call is refused rather than
    undoing their move. A move changes no version, and the command tells the
    context of none: the rows it gets back may carry others' edits of titles,
    which the stack's own later undos must still see as someone else's change.
    """

    def __init__(self, context: EditContext, pillar_id: int, old: int, new: int, text: str) -> None:
        super().__init__(context, text)
        self._id, self._old, self._new = pillar_id, old, new

    def _do(self) -> None:
        move_pillar(self._context.db, self._id, self._new, self._old)

    def _undo(self) -> None:
        move_pillar(self._context.db, self._id, self._old, self._new)


class MoveInitiativeCommand(ServiceCommand):
    """Move an initiative, with all it holds, to another pillar; undo moves it back."""

    def __init__(
        self,
        context: EditContext,
        initiative_id: int,
        version: int,
        source_pillar_id: int,
        target_pillar_id: int,
        text: str,
    ) -> None:
        super().__init__(context, text)
        self._id, self._version = initiative_id, version
        self._source, self._target = source_pillar_id, target_pillar_id
        self._row: InitiativeRow | None = None

    def _move(self, pillar_id: int) -> None:
        if self._row is not None:
            self._version = self._context.version_of(self._row, self._version)
        self._row = move_initiative(self._context.db, self._id, self._version, pillar_id)
        self._version = self._row.version
        self._context.saw(self._row)

    def _do(self) -> None:
        self._move(self._target)

    def _undo(self) -> None:
        self._move(self._source)
