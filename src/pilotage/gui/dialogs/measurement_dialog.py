"""Entering a measurement: its period, its figure (or numerator and denominator), its
disaggregations, an evidence link and a comment.

The dialog calls no service: on OK it hands a MeasurementInput to `submit`, which
saves it or raises a ValidationError; the problems are then shown next to their
fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from pilotage.domain.enums import Frequency, Measure
from pilotage.domain.errors import Problem, ValidationError
from pilotage.domain.periods import period_bounds
from pilotage.gui import formats
from pilotage.gui.dialogs.disaggregation_dialog import (
    FIELD,
    DisaggregationTable,
    warning_label,
)
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QLineEdit, QWidget, Slot
from pilotage.services.measurements import MeasurementInput, MeasurementRow

Submit = Callable[[MeasurementInput], None]


def next_period(
    frequency: Frequency, measurements: list[MeasurementRow], as_of: date
) -> tuple[date, date]:
    """The period after the last one measured (the one holding `as_of` if none is)."""
    if not measurements:
        return period_bounds(frequency, as_of)
    return period_bounds(frequency, max(m.period_end for m in measurements) + timedelta(days=1))


class MeasurementDialog(FormDialog[MeasurementInput]):
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
        super().__init__(self.tr("Add a measurement"), kpi_title, submit, parent)
        self._measure = measure
        self._ratio = measure is Measure.RATIO
        self.setMinimumWidth(520)
        self.start_edit = self.add_date("period_start", self.tr("Period start"), start)
        self.end_edit = self.add_date("period_end", self.tr("Period end"), end)
        suffix = f" ({unit})" if unit else ""
        if self._ratio:
            self.value_edit = QLineEdit()  # a ratio has no value of its own
            self.numerator_edit = self.add_number("numerator", self.tr("Numerator"))
            self.denominator_edit = self.add_number("denominator", self.tr("Denominator"))
        else:
            self.value_edit = self.add_number("value", self.tr("Value{unit}").format(unit=suffix))
            self.numerator_edit = QLineEdit()
            self.denominator_edit = QLineEdit()
        self.disaggregations = DisaggregationTable()
        self.add_row(FIELD, self.tr("Disaggregations"), self.disaggregations)
        self.warning = warning_label()
        self.warning.setObjectName("warning_disaggregations")
        self.form.addRow("", self.warning)
        self.evidence_edit = self.add_text("evidence_link", self.tr("Evidence (link or file)"))
        self.evidence_edit.setPlaceholderText(self.tr("https://… or a file path"))
        self.comment_edit = self.add_text("comment", self.tr("Comment"))
        self.disaggregations.edited.connect(self._show_warnings)
        self.value_edit.textChanged.connect(self._show_warnings)
        (self.numerator_edit if self._ratio else self.value_edit).setFocus()

    @Slot()
    def _show_warnings(self) -> None:
        """Categories that do not add up to the value: said, not refused."""
        problems: list[Problem] = []
        total = None if self._ratio else self.read_number("value", self.value_edit, problems)
        lines = self.disaggregations.warnings(self._measure, total) if not problems else []
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def measurement_input(self) -> MeasurementInput:
        """What the fields say; a ValidationError if a figure cannot be read as a number."""
        return self.collect()

    def collect(self) -> MeasurementInput:
        problems: list[Problem] = []
        value = numerator = denominator = None
        if self._ratio:
            numerator = self.read_number("numerator", self.numerator_edit, problems)
            denominator = self.read_number("denominator", self.denominator_edit, problems)
        else:
            value = self.read_number("value", self.value_edit, problems)
        parts = self.disaggregations.parts(problems)
        if problems:
            raise ValidationError(problems)
        return MeasurementInput(
            period_start=formats.from_qdate(self.start_edit.date()),
            period_end=formats.from_qdate(self.end_edit.date()),
            value=value,
            numerator=numerator,
            denominator=denominator,
            comment=self.comment_edit.text().strip(),
            evidence_link=self.evidence_edit.text().strip(),
            disaggregations=parts,
        )
