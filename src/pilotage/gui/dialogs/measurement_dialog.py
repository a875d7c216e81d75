"""Entering a measurement: its period, its figure (or numerator and denominator), a comment.

The dialog calls no service: on OK it hands a MeasurementInput to `submit`, which
saves it or raises a ValidationError; the problems are then shown next to their
fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from pilotage.domain.enums import KpiStatus, Measure
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui import formats
from pilotage.gui.qt import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from pilotage.gui.status import STATUS_COLORS
from pilotage.services.measurements import MeasurementInput

Submit = Callable[[MeasurementInput], None]


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {STATUS_COLORS[KpiStatus.OFF_TRACK]};")
    label.hide()
    return label


class MeasurementDialog(QDialog):
    def __init__(
        self,
        kpi_title: str,
        measure: Measure,
        unit: str,
        start: date,
        end: date,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._ratio = measure is Measure.RATIO
        self.setWindowTitle(self.tr("Add a measurement"))
        self.setModal(True)
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}

        def row(field: str, text: str, editor: QWidget) -> None:
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor)
            self.errors[field] = error = _error_label()
            error.setObjectName(f"error_{field}")
            box.addWidget(error)
            form.addRow(text, box)

        self.start_edit = self._date_edit(start)
        self.end_edit = self._date_edit(end)
        row("period_start", self.tr("Period start"), self.start_edit)
        row("period_end", self.tr("Period end"), self.end_edit)
        suffix = f" ({unit})" if unit else ""
        self.value_edit = QLineEdit()
        self.numerator_edit = QLineEdit()
        self.denominator_edit = QLineEdit()
        if self._ratio:
            row("numerator", self.tr("Numerator"), self.numerator_edit)
            row("denominator", self.tr("Denominator"), self.denominator_edit)
        else:
            row("value", self.tr("Value{unit}").format(unit=suffix), self.value_edit)
        self.comment_edit = QLineEdit()
        row("comment", self.tr("Comment"), self.comment_edit)
        self.general_error = _error_label()  # problems of no field shown here
        self.general_error.setObjectName("error_general")

        heading = QLabel(kpi_title)
        heading.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        (self.numerator_edit if self._ratio else self.value_edit).setFocus()

    def _date_edit(self, day: date) -> QDateEdit:
        edit = QDateEdit(formats.to_qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(formats.date_format())
        return edit

    # --- reading and submitting ------------------------------------------------

    def _number(self, field: str, edit: QLineEdit, problems: list[Problem]) -> Decimal | None:
        text = edit.text().strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if not text:
            return None
        try:
            return Decimal(text.replace(",", "."))
        except InvalidOperation:
            problems.append(Problem(field, self.tr("is not a number")))
            return None

    def measurement_input(self) -> MeasurementInput:
        """What the fields say; a ValidationError if a figure cannot be read as a number."""
        problems: list[Problem] = []
        value = numerator = denominator = None
        if self._ratio:
            numerator = self._number("numerator", self.numerator_edit, problems)
            denominator = self._number("denominator", self.denominator_edit, problems)
        else:
            value = self._number("value", self.value_edit, problems)
        if problems:
            raise ValidationError(problems)
        return MeasurementInput(
            period_start=formats.from_qdate(self.start_edit.date()),
            period_end=formats.from_qdate(self.end_edit.date()),
            value=value,
            numerator=numerator,
            denominator=denominator,
            comment=self.comment_edit.text().strip(),
        )

    def accept(self) -> None:
        self.show_problems(())
        try:
            self._submit(self.measurement_input())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        super().accept()

    def show_problems(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        """Each problem next to its field (those of no field below the form)."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            field = problem.field if problem.field in self.errors else ""
            text = problem.message if field else str(problem)
            by_field.setdefault(field, []).append(text)
        for field, label in [*self.errors.items(), ("", self.general_error)]:
            messages = by_field.get(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
