"""Undoable changes of a KPI's measurements and targets, on the generic commands.

An in-place edit saves the row's whole input with one field changed (the
service replaces a measurement whole); a status change goes through the
status service, which asks a reason to unlock a validated period.
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
    set_measurement_status,
    update_measurement,
)
from pilotage.services.targets import (
    TargetRow,
    list_targets,
    remove_target,
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


class UpdateMeasurementCommand(UpdateCommand[MeasurementRow, MeasurementInput]):
    """Save `after` over the measurement; undo saves the row as it was."""

    def __init__(
        self, context: EditContext, row: MeasurementRow, after: MeasurementInput, text: str
    ) -> None:
        before = measurement_input(row)
        # The status is the status service's business: an edit never moves it.
        after = replace(after, status=row.status)
        super().__init__(context, text, row.id, row.version, update_measurement, before, after)


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
        steps = [status]
        if current is MeasurementStatus.VALIDATED and status is MeasurementStatus.DRAFT:
            steps = [MeasurementStatus.SUBMITTED, status]
        for step in steps:
            self.row = set_measurement_status(db, self._id, self._version, step, reason)
            self._version = self.row.version


# --- targets --------------------------------------------------------------------


def _target_getter(kpi_id: int) -> Callable[[Database, int], TargetRow]:
    def get(db: Database, target_id: int) -> TargetRow:
        for row in list_targets(db, kpi_id):
            if row.id == target_id:
                return row
        raise NotFoundError("kpi_target", target_id)

    return get


class CreateTargetCommand(CreateCommand[TargetRow]):
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


class ReviseTargetCommand(CreateCommand[TargetRow]):
    """Add a dated, explained revision of a period's target; undo removes it."""

    def __init__(
        self,
        context: EditContext,
        kpi_id: int,
        period_end: date,
        value: Decimal,
        reason: str,
        revised_on: date | None,
        text: str,
    ) -> None:
        super().__init__(
            context,
            text,
            lambda db: revise_target(db, kpi_id, period_end, value, reason, revised_on),
            remove_target,
            _target_getter(kpi_id),
        )


class RemoveTargetCommand(DeleteCommand):
    """Remove a target row (an original or a revision); undo puts it back."""

    def __init__(self, context: EditContext, target: TargetRow, text: str) -> None:
        super().__init__(
            context, text, target.id, target.version, remove_target, _target_getter(target.kpi_id)
        )
