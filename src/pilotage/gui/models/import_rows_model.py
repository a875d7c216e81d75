"""The rows of an import's preview: what each row of the partner's workbook would do.

Plain rows from the import service (PreviewRow). A rejected row is painted light red
with its reasons, a new one light green, a changed one light amber; an unchanged row
keeps the table's own colours. The text over a tinted row is dark whatever the theme,
so that it stays readable on the light tint.
"""

from __future__ import annotations

from decimal import Decimal

from pilotage.gui import formats
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QBrush, QColor, QModelIndex, QObject, QPersistentModelIndex, Qt
from pilotage.services.measurement_import import CellProblem, PreviewRow, RowOutcome

TINTS: dict[RowOutcome, str] = {
    RowOutcome.REJECTED: "#FDE2E1",  # light red
    RowOutcome.NEW: "#E3F4E5",  # light green
    RowOutcome.CHANGED: "#FFF1D6",  # light amber
}
_TEXT_ON_TINT = "#1F2328"
_ORDER = {outcome: rank for rank, outcome in enumerate(RowOutcome)}


def shown(value: object) -> str:
    """A figure as the preview shows it: "" for none, numbers in the locale's style."""
    if value is None:
        return ""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return formats.number(value)
    return str(value)


def problem_text(problem: CellProblem) -> str:
    """ "Value: text where a number is due" (the row's cell is in the Cell column)."""
    return f"{problem.header}: {problem.message}" if problem.header else problem.message


class ImportRowsModel(RowsModel[PreviewRow]):
    CELL = 0
    KPI = 1
    NAME = 2
    PERIOD = 3
    OUTCOME = 4
    RECORDED = 5
    IN_FILE = 6
    PROBLEMS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._outcomes = {
            RowOutcome.NEW: self.tr("New"),
            RowOutcome.CHANGED: self.tr("Changed"),
            RowOutcome.UNCHANGED: self.tr("Unchanged"),
            RowOutcome.REJECTED: self.tr("Rejected"),
        }
        self._brushes = {outcome: QBrush(QColor(tint)) for outcome, tint in TINTS.items()}
        self._text_brush = QBrush(QColor(_TEXT_ON_TINT))
        self.set_columns(
            [
                Column(
                    self.tr("Cell"),
                    lambda r: f"{r.sheet}!{r.row}",
                    key=lambda r: (r.sheet, r.row),
                ),
                Column(self.tr("KPI"), lambda r: r.kpi_code),
                Column(self.tr("Name"), lambda r: r.kpi_name, tooltip=lambda r: r.kpi_name),
                Column(self.tr("Period"), lambda r: str(r.period)),
                Column(
                    self.tr("What happens"),
                    lambda r: self._outcomes.get(r.outcome, str(r.outcome)),
                    key=lambda r: _ORDER.get(r.outcome, len(_ORDER)),
                ),
                # Cut at the column's width in the dialog: the tooltip holds the whole text.
                Column(
                    self.tr("Recorded"),
                    lambda r: shown(r.old),
                    numeric=True,
                    tooltip=lambda r: shown(r.old),
                ),
                Column(
                    self.tr("In the file"),
                    lambda r: shown(r.new),
                    numeric=True,
                    tooltip=lambda r: shown(r.new),
                ),
                Column(
                    self.tr("Problems"),
                    lambda r: "; ".join(problem_text(p) for p in r.problems),
                    tooltip=lambda r: "\n".join(str(p) for p in r.problems),
                ),
            ]
        )

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if not index.isValid() or index.row() >= self.rowCount():
                return None
            brush = self._brushes.get(self.row_at(index.row()).outcome)
            if brush is None:
                return None
            return brush if role == Qt.ItemDataRole.BackgroundRole else self._text_brush
        return super().data(index, role)
