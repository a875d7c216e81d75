"""A measurement's disaggregations: dimension / category / value rows, added and removed.

`DisaggregationTable` is the editable grid (the measurement form holds one
too); `DisaggregationDialog` edits the breakdown of a measurement already
saved. While the analyst types, the categories that do not add up to the
total are pointed out (a warning: the save still goes through, as the
service keeps the warning with the row).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from pilotage.domain.enums import Measure
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui import formats
from pilotage.gui.dialogs.form_dialog import FormDialog, error_label, parse_number
from pilotage.gui.icons import icon
from pilotage.gui.qt import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from pilotage.services.measurement_validation import disaggregation_warnings
from pilotage.services.measurements import DisaggregationInput

FIELD = "disaggregations"  # the service's field name: its problems land under the grid
DIMENSION, CATEGORY, VALUE = 0, 1, 2


class DisaggregationTable(QWidget):
    """The grid with Add row / Remove row buttons."""

    edited = Signal()

    def __init__(
        self, parts: Sequence[DisaggregationInput] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Dimension"), self.tr("Category"), self.tr("Value")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5)
        self.table.itemChanged.connect(self.edited)
        self.add_button = QPushButton(icon("add"), self.tr("Add row"))
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove row"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        for part in parts:
            self.add_row(part.dimension, part.category, formats.plain_number(part.value))

    @Slot()
    def add_row(self, dimension: str = "", category: str = "", value: str = "") -> None:
        """A new row; a new empty one starts on the previous row's dimension, the usual
        case being the next category of the same dimension."""
        row = self.table.rowCount()
        if not dimension and row:
            previous = self.table.item(row - 1, DIMENSION)
            dimension = previous.text() if previous is not None else ""
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in ((DIMENSION, dimension), (CATEGORY, category), (VALUE, value)):
            item = QTableWidgetItem(text)
            if column == VALUE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, CATEGORY if dimension else DIMENSION)
        self.edited.emit()

    @Slot()
    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    # What a form carries across a reload after a conflict (gui/conflicts.py).

    def conflict_state(self) -> tuple[tuple[str, str, str], ...]:
        """The rows as typed: (dimension, category, value) texts."""
        return tuple(
            (self._text(row, DIMENSION), self._text(row, CATEGORY), self._text(row, VALUE))
            for row in range(self.table.rowCount())
        )

    def set_conflict_state(self, rows: tuple[tuple[str, str, str], ...]) -> None:
        self.table.setRowCount(0)
        for dimension, category, value in rows:
            self.add_row(dimension, category, value)

    def shown_conflict_state(self, rows: tuple[tuple[str, str, str], ...]) -> str:
        return "; ".join(f"{d} · {c}: {v}" for d, c, v in rows)

    def set_cell(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        assert item is not None
        item.setText(text)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def parts(self, problems: list[Problem]) -> tuple[DisaggregationInput, ...]:
        """The rows as the service takes them; wholly empty rows are skipped and an
        unreadable value adds a problem naming its line."""
        parts: list[DisaggregationInput] = []
        for row in range(self.table.rowCount()):
            dimension, category = self._text(row, DIMENSION), self._text(row, CATEGORY)
            text = self._text(row, VALUE)
            if not (dimension or category or text):
                continue
            name = f"{dimension} / {category}" if dimension and category else None
            where = name or self.tr("line {number}").format(number=row + 1)
            try:
                value = parse_number(text)
            except ValueError:
                problems.append(
                    Problem(FIELD, self.tr("{line}: value is not a number").format(line=where))
                )
                continue
            if value is None:
                problems.append(
                    Problem(FIELD, self.tr("{line}: value is required").format(line=where))
                )
                continue
            parts.append(DisaggregationInput(dimension, category, value))
        return tuple(parts)

    def warnings(self, measure: Measure, total: Decimal | None) -> list[str]:
        """Dimensions whose categories do not add up to `total` (counts and amounts)."""
        parts = self.parts([])
        found = disaggregation_warnings(
            measure, total, [(p.dimension, p.category, p.value) for p in parts]
        )
        return [problem.message for problem in found]


def warning_label() -> QLabel:
    """An amber line for what does not block the save."""
    label = error_label()
    label.setStyleSheet("color: #b45309;")
    return label


class DisaggregationDialog(FormDialog[tuple[DisaggregationInput, ...]]):
    """Edit the breakdown of one measurement; `submit` saves it (an undoable update)."""

    def __init__(
        self,
        heading: str,
        measure: Measure,
        total: Decimal | None,
        parts: Sequence[DisaggregationInput],
        submit: Callable[[tuple[DisaggregationInput, ...]], None],
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """`read_only`: the period is validated (locked); its breakdown is shown only."""
        super().__init__(self.tr("Disaggregations"), heading, submit, parent)
        self._measure, self._total = measure, total
        self.setMinimumWidth(520)
        self.grid = DisaggregationTable(parts)
        self.add_row(FIELD, self.tr("Breakdown"), self.grid)
        if read_only:
            self.grid.set_read_only(True)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            note = self.tr(
                "This period is validated and locked: set its status back to submitted "
                "(with a reason) to change its breakdown."
            )
            self.heading.setText(f"{heading}\n{note}")
        self.warning = warning_label()
        self.warning.setObjectName("warning_disaggregations")
        self.form.addRow("", self.warning)
        self.grid.edited.connect(self._show_warnings)
        self._show_warnings()

    @Slot()
    def _show_warnings(self) -> None:
        lines = self.grid.warnings(self._measure, self._total)
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def collect(self) -> tuple[DisaggregationInput, ...]:
        problems: list[Problem] = []
        parts = self.grid.parts(problems)
        if problems:
            raise ValidationError(problems)
        return parts
