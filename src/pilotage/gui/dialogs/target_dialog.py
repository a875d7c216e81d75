"""A KPI's per-period targets: set the original plan of a period, or revise it with a
dated reason. The dialogs call no service; `submit` saves (an undoable command)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui import formats
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QDateEdit, QLineEdit, QWidget


@dataclass(frozen=True)
class TargetInput:
    period_end: date
    value: Decimal


@dataclass(frozen=True)
class RevisionInput:
    period_end: date
    value: Decimal
    reason: str
    revised_on: date


T = TypeVar("T")  # what the form hands to `submit`


class _TargetForm(FormDialog[T]):
    """The period end and value every target form starts with."""

    def _figures(
        self, period_end: date, value: Decimal | None, unit: str
    ) -> tuple[QDateEdit, QLineEdit]:
        period = self.add_date("period_end", self.tr("Period end"), period_end)
        suffix = f" ({unit})" if unit else ""
        number = self.add_number("value", self.tr("Target{unit}").format(unit=suffix), value)
        return period, number

    def _value(self, edit: QLineEdit, problems: list[Problem]) -> Decimal:
        value = self.read_number("value", edit, problems)
        if value is None and not problems:
            problems.append(Problem("value", self.tr("is required")))
        return value if value is not None else Decimal(0)


class TargetDialog(_TargetForm[TargetInput]):
    """Set (or change) the original target of a period."""

    def __init__(
        self,
        heading: str,
        unit: str,
        period_end: date,
        value: Decimal | None,
        submit: Callable[[TargetInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Set a target"), heading, submit, parent)
        self.period_end_edit, self.value_edit = self._figures(period_end, value, unit)
        self.value_edit.setFocus()

    def collect(self) -> TargetInput:
        problems: list[Problem] = []
        value = self._value(self.value_edit, problems)
        if problems:
            raise ValidationError(problems)
        return TargetInput(formats.from_qdate(self.period_end_edit.date()), value)


class RevisionDialog(_TargetForm[RevisionInput]):
    """Revise a period's target: the new value, why, and when it was decided."""

    def __init__(
        self,
        heading: str,
        unit: str,
        period_end: date,
        value: Decimal | None,
        revised_on: date,
        submit: Callable[[RevisionInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Revise a target"), heading, submit, parent)
        self.period_end_edit, self.value_edit = self._figures(period_end, value, unit)
        self.reason_edit = self.add_long_text("reason", self.tr("Reason"))
        self.revised_on_edit = self.add_date("revised_on", self.tr("Revised on"), revised_on)
        self.value_edit.setFocus()
        self.value_edit.selectAll()

    def collect(self) -> RevisionInput:
        problems: list[Problem] = []
        value = self._value(self.value_edit, problems)
        if problems:
            raise ValidationError(problems)
        return RevisionInput(
            formats.from_qdate(self.period_end_edit.date()),
            value,
            self.reason_edit.toPlainText().strip(),
            formats.from_qdate(self.revised_on_edit.date()),
        )
