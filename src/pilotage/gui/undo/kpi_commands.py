"""Undoable changes of a KPI's measurements and targets, on the generic commands.

An in-place edit saves the row's whole input with one field changed (the
service replaces a measurement whole); a status change goes through the
status service, which asks a reason to unlock a validated period.

Several commands of the stack may change the same row (unlock a period, edit
its value, undo both). Each save gives the row a new version, so a command's
undo would find the version it kept out of date although the row is back as
the command left it. Before each call, a command therefore takes the row's
current version when the row's content is still what it left: only the
stack's own later commands (undone in order) moved the version. A change made
by anyone else shows in the content, and the stale version is refused then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from pilotage.db.database import Database
from pilotage.domain.enums import MeasurementStatus
from pilotage.domain.errors import NotFoundError
from pilotage.gui.undo.commands import (
    CallCommand,
    CreateCommand,
    DeleteCommand,
    EditContext,
    UpdateCommand,
)
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    MeasurementRow,
    delete_measurement,
    get_measurement,
    record_measurement,
    set_measurement_status,
    update_measurement,
)
from pilotage.services.records import Snapshot
from pilotage.services.targets import (
    TargetRow,
    latest_target,
    list_targets,
    remove_target,
    restore_revision,
    revise_target,
    set_target,
)


def measurement_input(row: MeasurementRow) -> MeasurementInput:
    """What saving `row` unchanged would send: the base of every in-place edit."""
    return MeasurementInput(
        period_start=row.period_start,
        period_end=row.period_end,
        value=row.value,
        numerator=row.numerator,
        denominator=row.denominator,
        status=row.status,
        comment=row.comment,
        evidence_link=row.evidence_link,
        disaggregations=tuple(
            DisaggregationInput(d.dimension, d.category, d.value) for d in row.disaggregations
        ),
    )


def _measurement_content(row: MeasurementRow) -> tuple[object, ...]:
    parts = tuple((d.dimension, d.category, d.value) for d in row.disaggregations)
    return (
        row.period_start,
        row.period_end,
        row.value,
        row.numerator,
        row.denominator,
        row.status,
        row.comment,
        row.evidence_link,
        parts,
    )


def _fresh_measurement(db: Database, left: MeasurementRow | None, version: int) -> int:
    """The version to save with: the current one if the row is as `left`, else `version`."""
    if left is None:
        return version
    try:
        now = get_measurement(db, left.id)
    except NotFoundError:
        return version
    return now.version if _measurement_content(now) == _measurement_content(left) else version


class RecordMeasurementCommand(CreateCommand[MeasurementRow]):
    """Record a measurement; undo deletes it, redo puts it back (same id)."""

    def __init__(
        self, context: EditContext, kpi_id: int, data: MeasurementInput, text: str
    ) -> None:
        super().__init__(
            context,
            text,
            lambda db: record_measurement(db, kpi_id, data),
            delete_measurement,
            get_measurement,
        )

    def _undo(self) -> None:
        if self.row is not None:
            version = _fresh_measurement(self._context.db, self.row, self.row.version)
            self.row = replace(self.row, version=version)
        super()._undo()


class UpdateMeasurementCommand(UpdateCommand[MeasurementRow, MeasurementInput]):
    """Save `after` over the measurement; undo saves the row as it was."""

    def __init__(
        self, context: EditContext, row: MeasurementRow, after: MeasurementInput, text: str
    ) -> None:
        before = measurement_input(row)
        # The status is the status service's business: an edit never moves it.
        after = replace(after, status=row.status)
        super().__init__(context, text, row.id, row.version, update_measurement, before, after)

    def _save(self, data: MeasurementInput) -> None:
        self._version = _fresh_measurement(self._context.db, self.row, self._version)
        super()._save(data)


class MeasurementStatusCommand(CallCommand):
    """Move a measurement to `status`; undo moves it back.

    Going back from validated needs a reason (the service's rule): an unlock
    carries the analyst's, the undo of a validation `undo_reason`. A validated
    measurement reaches draft only through submitted, so that undo takes two steps.
    """

    def __init__(
        self,
        context: EditContext,
        row: MeasurementRow,
        status: MeasurementStatus,
        reason: str,
        undo_reason: str,
        text: str,
    ) -> None:
        self._id, self._version = row.id, row.version
        self.row: MeasurementRow | None = None
        old = row.status
        super().__init__(
            context,
            text,
            lambda db: self._move(db, old, status, reason),
            lambda db: self._move(db, status, old, undo_reason),
        )

    def _move(
        self, db: Database, current: MeasurementStatus, status: MeasurementStatus, reason: str
    ) -> None:
        self._version = _fresh_measurement(db, self.row, self._version)
        steps = [status]
        if current is MeasurementStatus.VALIDATED and status is MeasurementStatus.DRAFT:
            steps = [MeasurementStatus.SUBMITTED, status]
        for step in steps:
            self.row = set_measurement_status(db, self._id, self._version, step, reason)
            self._version = self.row.version
            self._context.saw(self.row)


# --- targets --------------------------------------------------------------------


def _target_getter(kpi_id: int) -> Callable[[Database, int], TargetRow]:
    def get(db: Database, target_id: int) -> TargetRow:
        for row in list_targets(db, kpi_id):
            if row.id == target_id:
                return row
        raise NotFoundError("kpi_target", target_id)

    return get


def _fresh_target(db: Database, left: TargetRow | None, version: int) -> int:
    """The version to save with: the current one if the target is as `left`, else `version`."""
    if left is None:
        return version
    try:
        now = _target_getter(left.kpi_id)(db, left.id)
    except NotFoundError:
        return version
    same = replace(now, version=left.version) == left
    return now.version if same else version


class _CreateTarget(CreateCommand[TargetRow]):
    def _undo(self) -> None:
        if self.row is not None:
            version = _fresh_target(self._context.db, self.row, self.row.version)
            self.row = replace(self.row, version=version)
        super()._undo()


class CreateTargetCommand(_CreateTarget):
    """Set the original target of a period that has none; undo removes it."""

    def __init__(
        self, context: EditContext, kpi_id: int, period_end: date, value: Decimal, text: str
    ) -> None:
        super().__init__(
            context,
            text,
            lambda db: set_target(db, kpi_id, period_end, value),
            remove_target,
            _target_getter(kpi_id),
        )


class ChangeTargetCommand(UpdateCommand[TargetRow, Decimal]):
    """Change the value of a period's original target; undo puts the old value back."""

    def __init__(
        self, context: EditContext, original: TargetRow, value: Decimal, text: str
    ) -> None:
        kpi_id, period_end = original.kpi_id, original.period_end

        def save(db: Database, _id: int, version: int, data: Decimal) -> TargetRow:
            return set_target(db, kpi_id, period_end, data, version=version)

        super().__init__(context, text, original.id, original.version, save, original.value, value)

    def _save(self, data: Decimal) -> None:
        self._version = _fresh_target(self._context.db, self.row, self._version)
        super()._save(data)


class ReviseTargetCommand(_CreateTarget):
    """Add a dated, explained revision of a period's target; undo removes it, and redo
    puts it back only over the period's target as it was after that undo."""

    def __init__(
        self,
        context: EditContext,
        kpi_id: int,
        period_end: date,
        value: Decimal,
        reason: str,
        revised_on: date | None,
        text: str,
        *,
        seen: TargetRow | None,
    ) -> None:
        # `seen`: the period's latest target row the form showed (None: none); a
        # revision made meanwhile by someone else refuses this one (TargetRevisedError).
        super().__init__(
            context,
            text,
            lambda db: revise_target(db, kpi_id, period_end, value, reason, revised_on, seen=seen),
            remove_target,
            _target_getter(kpi_id),
        )
        self._kpi_id, self._period_end = kpi_id, period_end
        self._after_undo: TargetRow | None = None

    def _undo(self) -> None:
        super()._undo()
        # What the analyst sees once the revision is gone: a redo goes over that.
        targets = list_targets(self._context.db, self._kpi_id)
        self._after_undo = latest_target(targets, self._period_end)

    def _restore(self, db: Database, snapshot: Snapshot) -> None:
        restore_revision(db, snapshot, self._after_undo)


class RemoveTargetCommand(DeleteCommand):
    """Remove a target row (an original or a revision); undo puts it back."""

    def __init__(self, context: EditContext, target: TargetRow, text: str) -> None:
        super().__init__(
            context, text, target.id, target.version, remove_target, _target_getter(target.kpi_id)
        )
