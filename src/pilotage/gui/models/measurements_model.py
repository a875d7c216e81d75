"""A KPI's measurements, one row per period, editable in place.

The model saves nothing: an edited cell goes to the edit handler the page
sets (`set_edit_handler`), which turns it into an undoable command. The
handler returns the saved row, shown at once, or None when the change was
refused or is still to be confirmed; the cell then keeps its old value.
Validated periods are locked: only their status can change (an unlock).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import ClassVar

from pilotage.domain.enums import Measure, MeasurementStatus
from pilotage.gui import formats
from pilotage.gui.icons import icon
from pilotage.gui.labels import label
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import (
    QGuiApplication,
    QModelIndex,
    QObject,
    QPalette,
    QPersistentModelIndex,
    Qt,
)
from pilotage.services.measurements import MeasurementRow

# (the row as shown, the field changed, what was typed or chosen) -> the saved row or None
EditHandler = Callable[[MeasurementRow, str, object], MeasurementRow | None]

_EDIT = Qt.ItemDataRole.EditRole
_STATUS_RANK = {status: rank for rank, status in enumerate(MeasurementStatus)}


class MeasurementsModel(RowsModel[MeasurementRow]):
    PERIOD = 0
    START = 1
    END = 2
    VALUE = 3
    NUMERATOR = 4
    DENOMINATOR = 5
    BREAKDOWN = 6
    STATUS = 7
    ENTERED_BY = 8
    COMMENT = 9

    # The service's field edited in each editable column.
    FIELDS: ClassVar[dict[int, str]] = {
        VALUE: "value",
        NUMERATOR: "numerator",
        DENOMINATOR: "denominator",
        STATUS: "status",
        COMMENT: "comment",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._measure = Measure.COUNT
        self._unit = ""
        self._handler: EditHandler | None = None
        columns: list[Column[MeasurementRow]] = [
            Column(
                self.tr("Period"),
                lambda m: m.label,
                key=lambda m: m.period_start,
                tooltip=lambda m: self.tr("{start} to {end}").format(
                    start=formats.date_text(m.period_start), end=formats.date_text(m.period_end)
                ),
            ),
            Column(
                self.tr("Start"),
                lambda m: formats.date_text(m.period_start),
                key=lambda m: m.period_start,
            ),
            Column(
                self.tr("End"),
                lambda m: formats.date_text(m.period_end),
                key=lambda m: m.period_end,
            ),
            Column(
                self.tr("Value"),
                self._value,
                numeric=True,
                tooltip=self._breakdown,
                key=shown_value,
            ),
            Column(
                self.tr("Numerator"),
                lambda m: self._part(m.numerator),
                numeric=True,
                key=lambda m: m.numerator,
            ),
            Column(
                self.tr("Denominator"),
                lambda m: self._part(m.denominator),
                numeric=True,
                key=lambda m: m.denominator,
            ),
            Column(
                self.tr("Disaggregations"),
                self._dimensions,
                icon=lambda m: icon("warning") if m.warnings else None,
                tooltip=self._breakdown,
            ),
            Column(
                self.tr("Status"),
                lambda m: label(m.status),
                icon=lambda m: icon("lock") if m.is_locked else None,
                key=lambda m: _STATUS_RANK[m.status],  # draft, submitted, validated
            ),
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

    def set_edit_handler(self, handler: EditHandler | None) -> None:
        """Where edited cells go; None makes the table read-only."""
        self._handler = handler
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def is_editable(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        if self._handler is None or not index.isValid() or index.row() >= self.rowCount():
            return False
        column = index.column()
        if column not in self.FIELDS:
            return False
        if column == self.STATUS:
            return True  # a validated period is unlocked here
        if self.row_at(index.row()).is_locked:
            return False
        ratio = self._measure is Measure.RATIO
        if column == self.VALUE:
            return not ratio
        if column in (self.NUMERATOR, self.DENOMINATOR):
            return ratio
        return True

    # --- Qt's model interface ---------------------------------------------------

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        row = self.row_at(index.row())
        if role == _EDIT:
            return self._edit_value(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.is_locked:
            # A locked period reads as such: muted, as disabled text is.
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole and row.is_locked:
            lock = self.tr(
                "Validated: this period is locked. Set its status back to submitted "
                "(with a reason) to change it."
            )
            own = super().data(index, role)
            return f"{own}\n\n{lock}" if own else lock
        return super().data(index, role)

    def setData(  # noqa: N802 - Qt's name
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: object,
        role: int = _EDIT,
    ) -> bool:
        if role != _EDIT or not self.is_editable(index) or self._handler is None:
            return False
        row = self.row_at(index.row())
        field = self.FIELDS[index.column()]
        if field == "status":
            try:
                value = MeasurementStatus(str(value))
            except ValueError:
                return False
            if value is row.status:
                return False  # nothing to do
        elif str(value) == str(self._edit_value(row, index.column())):
            return False  # the editor closed on the same text
        saved = self._handler(row, field, value)
        if saved is None:
            return False
        self.replace_row(saved)
        return True

    def replace_row(self, saved: MeasurementRow) -> None:
        """Show a saved row at once (the page's reload follows)."""
        # RowsModel may also keep the rows in the service's order (to sort): both change.
        given: list[MeasurementRow] = getattr(self, "_given", [])
        for number, row in enumerate(given):
            if row.id == saved.id:
                given[number] = saved
        for number, row in enumerate(self._rows):
            if row.id == saved.id:
                self._rows[number] = saved
                if number < self.rowCount():
                    last = self.columnCount() - 1
                    self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    # --- texts ------------------------------------------------------------------

    def _edit_value(self, row: MeasurementRow, column: int) -> str | None:
        """What an editor starts from: plain numbers, as they are typed."""
        if column in (self.VALUE, self.NUMERATOR, self.DENOMINATOR):
            number = getattr(row, self.FIELDS[column])
            return "" if number is None else formats.plain_number(number)
        if column == self.STATUS:
            return row.status.value
        if column == self.COMMENT:
            return row.comment
        return None

    def _value(self, row: MeasurementRow) -> str:
        value = shown_value(row)
        # The unit is in the page's heading; the column carries numbers only.
        return formats.kpi_value(
            value, self._measure, self._unit, show_unit=False, percent_places=1
        )

    def _part(self, value: Decimal | None) -> str:
        return formats.number(value) if value is not None else ""

    def _dimensions(self, row: MeasurementRow) -> str:
        """ "sex (2)": each dimension with its number of categories."""
        counts: dict[str, int] = {}
        for part in row.disaggregations:
            counts[part.dimension] = counts.get(part.dimension, 0) + 1
        return ", ".join(f"{name} ({formats.number(n)})" for name, n in counts.items())

    def _breakdown(self, row: MeasurementRow) -> str:
        """The disaggregations, one per line ("sex / female: 520"), and any warning."""
        lines = [
            f"{d.dimension} / {d.category}: "
            f"{formats.kpi_value(d.value, self._measure, self._unit, show_unit=False)}"
            for d in row.disaggregations
        ]
        lines += [problem.message for problem in row.warnings]
        return "\n".join(lines)


def shown_value(row: MeasurementRow) -> Decimal | None:
    """The figure of a period: its value, or a ratio's numerator over its denominator."""
    if row.value is None and row.numerator is not None and row.denominator:
        return row.numerator / row.denominator
    return row.value
