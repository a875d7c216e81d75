"""The form of a budget line: a year and what was planned, committed and disbursed.

An amount left empty is zero. Spending beyond what was committed is allowed (the
page shows the service's warning after the save); a negative amount or a year
out of range is refused next to its field.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QLineEdit, QWidget
from pilotage.services.budget import BudgetLineInput, BudgetLineRow

_ZERO = Decimal(0)


class BudgetLineDialog(FormDialog[BudgetLineInput]):
    """Adds a line when `row` is None (for `year`), edits `row` otherwise."""

    def __init__(
        self,
        heading: str,
        row: BudgetLineRow | None,
        year: int,
        currency: str,
        submit: Callable[[BudgetLineInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("", heading, submit, parent)
        self.setWindowTitle(
            self.tr("Add a budget line") if row is None else self.tr("Edit a budget line")
        )
        self.year_edit = self.add_number("year", self.tr("Year"), row.year if row else year)
        # A year reads better without a thousands separator.
        self.year_edit.setText(str(row.year if row else year))
        unit = f" ({currency})" if currency else ""
        self.planned_edit = self.add_number(
            "planned", self.tr("Planned{unit}").format(unit=unit), row.planned if row else None
        )
        self.committed_edit = self.add_number(
            "committed",
            self.tr("Committed{unit}").format(unit=unit),
            row.committed if row else None,
        )
        self.disbursed_edit = self.add_number(
            "disbursed",
            self.tr("Disbursed{unit}").format(unit=unit),
            row.disbursed if row else None,
        )
        (self.year_edit if row is None else self.planned_edit).setFocus()

    def collect(self) -> BudgetLineInput:
        problems: list[Problem] = []
        year = self.read_int("year", self.year_edit, problems)
        if year is None and not problems:
            problems.append(Problem("year", self.tr("is required")))
        amounts = [
            self._amount(field, edit, problems)
            for field, edit in (
                ("planned", self.planned_edit),
                ("committed", self.committed_edit),
                ("disbursed", self.disbursed_edit),
            )
        ]
        if problems or year is None:
            raise ValidationError(problems)
        planned, committed, disbursed = amounts
        return BudgetLineInput(year, planned, committed, disbursed)

    def _amount(self, field: str, edit: QLineEdit, problems: list[Problem]) -> Decimal:
        value = self.read_number(field, edit, problems)
        return _ZERO if value is None else value
