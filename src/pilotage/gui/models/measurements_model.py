"""A KPI's measurements, one row per period, read-only for now."""

from __future__ import annotations

from decimal import Decimal

from pilotage.domain.enums import Measure
from pilotage.gui import formats
from pilotage.gui.labels import label
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QObject
from pilotage.services.measurements import MeasurementRow


class MeasurementsModel(RowsModel[MeasurementRow]):
    PERIOD = 0
    START = 1
    END = 2
    VALUE = 3
    NUMERATOR = 4
    DENOMINATOR = 5
    STATUS = 6
    ENTERED_BY = 7
    COMMENT = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._measure = Measure.COUNT
        self._unit = ""
        columns: list[Column[MeasurementRow]] = [
            Column(self.tr("Period"), lambda m: m.label),
            Column(self.tr("Start"), lambda m: formats.date_text(m.period_start)),
            Column(self.tr("End"), lambda m: formats.date_text(m.period_end)),
            Column(self.tr("Value"), self._value, numeric=True, tooltip=self._breakdown),
            Column(self.tr("Numerator"), lambda m: self._part(m.numerator), numeric=True),
            Column(self.tr("Denominator"), lambda m: self._part(m.denominator), numeric=True),
            Column(self.tr("Status"), lambda m: label(m.status)),
            Column(self.tr("Entered by"), lambda m: m.entered_by),
            Column(self.tr("Comment"), lambda m: m.comment, tooltip=lambda m: m.comment),
        ]
        self.set_columns(columns)

    @property
    def measure(self) -> Measure:
        return self._measure

    def set_measurements(
        self, measure: Measure, unit: str, measurements: list[MeasurementRow]
    ) -> None:
        self._measure, self._unit = measure, unit
        self.set_rows(measurements)

    def _value(self, row: MeasurementRow) -> str:
        value = row.value
        ratio = self._measure is Measure.RATIO and value is None
        if ratio and row.numerator is not None and row.denominator:
            value = row.numerator / row.denominator
        # The unit is in the page's heading; the column carries numbers only.
        return formats.kpi_value(value, self._measure, self._unit, show_unit=False)

    def _part(self, value: Decimal | None) -> str:
        return formats.number(value) if value is not None else ""

    def _breakdown(self, row: MeasurementRow) -> str:
        """The disaggregations, one per line ("sex / female: 520"), and any warning."""
        lines = [
            f"{d.dimension} / {d.category}: "
            f"{formats.kpi_value(d.value, self._measure, self._unit, show_unit=False)}"
            for d in row.disaggregations
        ]
        lines += [problem.message for problem in row.warnings]
        return "\n".join(lines)
