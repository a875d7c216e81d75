"""A KPI: its evaluation as of the date (status, figures, trace), its definition,
its targets and its measurements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from pilotage.db.database import Database
from pilotage.domain.enums import Frequency, KpiStatus, Measure, QualityFlag
from pilotage.domain.errors import PilotageError, Problem, ValidationError
from pilotage.domain.kpi_types import DEFAULT_AMBER, DEFAULT_GREEN
from pilotage.domain.periods import period_bounds, period_label
from pilotage.domain.status_colors import STATUS_COLORS
from pilotage.gui import formats
from pilotage.gui.charts import KpiChart
from pilotage.gui.dialogs.measurement_dialog import MeasurementDialog
from pilotage.gui.labels import label
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.models.tables import TargetsModel
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.widgets import (
    SPACING,
    FieldForm,
    TableView,
    section_title,
)
from pilotage.gui.qt import (
    QAction,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPushButton,
    Qt,
    QThreadPool,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.undo.commands import (
    AddMeasurementCommand,
    DeleteMeasurementCommand,
)
from pilotage.services.kpi_detail import KpiDetail, kpi_detail
from pilotage.services.measurements import MeasurementInput, MeasurementRow
from pilotage.services.organizations import get_organization
from pilotage.services.overview import KpiNode


@dataclass(frozen=True)
class KpiPageData:
    detail: KpiDetail
    responsible: str  # the responsible organization's name, or ""


def fetch_kpi(db: Database, kpi_id: int, as_of: date) -> KpiPageData:
    detail = kpi_detail(db, kpi_id, as_of)
    org_id = detail.kpi.responsible_organization_id
    responsible = get_organization(db, org_id).name if org_id is not None else ""
    return KpiPageData(detail, responsible)


def next_period(
    frequency: Frequency, measurements: list[MeasurementRow], as_of: date
) -> tuple[date, date]:
    """The period after the last one measured (the one holding `as_of` if none is)."""
    if not measurements:
        return period_bounds(frequency, as_of)
    return period_bounds(frequency, max(m.period_end for m in measurements) + timedelta(days=1))


class KpiPage(Page):
    def __init__(self, db: Database, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(db, pool, parent)
        self.kpi: KpiNode | None = None
        self.detail: KpiDetail | None = None
        self.dialog: MeasurementDialog | None = None  # the one open, if any

        evaluation = FieldForm()
        self.actual = evaluation.add(self.tr("Actual"))
        self.target = evaluation.add(self.tr("Target to date"))
        self.progress = evaluation.add(self.tr("Progress"))
        self.expected = evaluation.add(self.tr("Expected progress"))
        self.flags = evaluation.add(self.tr("Quality flags"))
        definition = FieldForm()
        self.unit = definition.add(self.tr("Unit"))
        self.measure = definition.add(self.tr("Measure"))
        self.direction = definition.add(self.tr("Direction"))
        self.aggregation = definition.add(self.tr("Aggregation"))
        self.frequency = definition.add(self.tr("Frequency"))
        self.baseline = definition.add(self.tr("Baseline"))
        self.final_target = definition.add(self.tr("Final target"))
        self.thresholds = definition.add(self.tr("Thresholds"))

        self.evaluation_title = section_title("")
        left = QVBoxLayout()
        left.setSpacing(SPACING // 2)
        left.addWidget(self.evaluation_title)
        left.addWidget(evaluation)
        # The sentence that explains the status, set apart so that it is read.
        self.trace = QLabel()
        self.trace.setObjectName("trace")
        self.trace.setWordWrap(True)
        self.trace.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.trace)
        left.addStretch(1)
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QVBoxLayout()
        right.setSpacing(SPACING // 2)
        right.addWidget(section_title(self.tr("Definition")))
        right.addWidget(self.definition)
        right.addWidget(definition)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 3)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body.addLayout(columns)

        self.chart_title = section_title(self.tr("Actual against target"))
        self.chart = KpiChart()
        self.body.addWidget(self.chart_title)
        self.body.addWidget(self.chart)

        self.body.addWidget(section_title(self.tr("Sources")))
        sources = FieldForm()
        self.data_source = sources.add(self.tr("Data source"))
        self.verification = sources.add(self.tr("Means of verification"))
        self.responsible = sources.add(self.tr("Responsible"))
        self.body.addWidget(sources)

        self.targets_title = section_title(self.tr("Targets"))
        self.targets_model = TargetsModel(self)
        self.targets = TableView(self.targets_model, max_rows=8)
        self.body.addWidget(self.targets_title)
        self.body.addWidget(self.targets)

        self.measurements_title = section_title("")
        self.measurements_model = MeasurementsModel(self)
        self.measurements = TableView(self.measurements_model, max_rows=14)
        self.add_button = QPushButton(self.tr("Add measurement…"))
        self.add_button.clicked.connect(self.add_measurement)
        self.delete_button = QPushButton(self.tr("Delete measurement…"))
        self.delete_button.clicked.connect(self.delete_measurement)
        self.delete_action = QAction(self.tr("Delete measurement…"), self.measurements)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_measurement)
        self.measurements.addAction(self.delete_action)
        self.measurements.selectionModel().selectionChanged.connect(self._update_buttons)
        self.measurements_model.modelReset.connect(self._update_buttons)
        title_row = QHBoxLayout()
        title_row.addWidget(self.measurements_title, 1)
        title_row.addWidget(self.add_button)
        title_row.addWidget(self.delete_button)
        self.body.addLayout(title_row)
        self.body.addWidget(self.measurements)
        self.finish()
        self._update_buttons()

    def show_kpi(self, kpi: KpiNode, as_of: date) -> None:
        """Show the KPI as the tree judged it, then fetch its detail (traces, measurements)."""
        if self.detail is not None and self.detail.kpi.id != kpi.id:
            # Another KPI: never show the previous one's tables under this one's name.
            self.detail = None
            self.targets_model.set_rows([])
            self.measurements_model.set_rows([])
            self.chart.set_series([], kpi.measure, kpi.unit, as_of)
        self.kpi = kpi
        evaluation = kpi.evaluation
        self.header.set(
            self.tr("KPI · as of {day}").format(day=formats.date_text(as_of)),
            f"{kpi.code}  {kpi.name}",
            kpi.status,
        )
        self.evaluation_title.setText(
            self.tr("Evaluation as of {day}").format(day=formats.date_text(as_of))
        )
        self._show_trace(kpi.status, evaluation.trace)
        self.actual.setText(self._value(evaluation.actual.value))
        self.target.setText(self._value(evaluation.target.value))
        self.progress.setText(formats.percent(evaluation.progress.value))
        self.expected.setText(formats.percent(evaluation.expected.value))
        self.flags.setText(self._flags(evaluation.flags))
        db, kpi_id = self._db, kpi.id
        self.fetch(lambda: fetch_kpi(db, kpi_id, as_of))

    def fill(self, data: KpiPageData) -> None:
        detail = data.detail
        self.detail = detail
        kpi, evaluation = detail.kpi, detail.evaluation
        self.header.kicker.setText(
            self.tr("KPI · {path} · as of {day}").format(
                path=detail.owner, day=formats.date_text(detail.as_of)
            )
        )
        self.header.badge.set_status(evaluation.status)
        self._show_trace(evaluation.status, evaluation.trace)
        self.actual.setToolTip(evaluation.actual.trace)
        self.target.setToolTip(evaluation.target.trace)
        self.progress.setToolTip(evaluation.progress.trace)
        self.expected.setToolTip(evaluation.expected.trace)
        self.unit.setText(kpi.unit or formats.NO_VALUE)
        self.measure.setText(label(kpi.measure))
        self.direction.setText(label(kpi.direction))
        self.aggregation.setText(label(kpi.aggregation))
        self.frequency.setText(label(kpi.frequency))
        self.baseline.setText(self._dated(kpi.baseline_value, kpi.baseline_date))
        self.final_target.setText(self._dated(kpi.target_value, kpi.target_date))
        self.thresholds.setText(
            self.tr("on track from {green} of expected, at risk from {amber}").format(
                green=formats.percent(kpi.green if kpi.green is not None else DEFAULT_GREEN),
                amber=formats.percent(kpi.amber if kpi.amber is not None else DEFAULT_AMBER),
            )
        )
        self.definition.setText(kpi.definition or formats.NO_VALUE)
        self.data_source.setText(kpi.data_source or formats.NO_VALUE)
        self.verification.setText(kpi.means_of_verification or formats.NO_VALUE)
        self.responsible.setText(data.responsible or formats.NO_VALUE)
        self.targets_model.set_targets(list(detail.targets), self._value)
        self.targets_title.setVisible(bool(detail.targets))
        self.targets.setVisible(bool(detail.targets))
        unit = f" ({kpi.unit})" if kpi.unit and kpi.unit != "%" else ""
        self.measurements_title.setText(
            self.tr("Measurements{unit}: {count}").format(
                unit=unit, count=formats.number(len(detail.measurements))
            )
        )
        self.measurements_model.set_measurements(kpi.measure, kpi.unit, list(detail.measurements))
        self.chart.set_series(detail.series, kpi.measure, kpi.unit, detail.as_of)
        chart_unit = f" ({kpi.unit})" if kpi.unit else ""
        self.chart_title.setText(self.tr("Actual against target{unit}").format(unit=chart_unit))
        ratio = kpi.measure is Measure.RATIO
        self.measurements.setColumnHidden(MeasurementsModel.NUMERATOR, not ratio)
        self.measurements.setColumnHidden(MeasurementsModel.DENOMINATOR, not ratio)

    # --- editing ------------------------------------------------------------

    def editing_changed(self) -> None:
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        editable = self._stack is not None and self.detail is not None
        self.add_button.setEnabled(editable)
        selected = editable and self.selected_measurement() is not None
        self.delete_button.setEnabled(selected)
        self.delete_action.setEnabled(selected)

    def selected_measurement(self) -> MeasurementRow | None:
        rows = self.measurements.selectionModel().selectedRows()
        if not rows:
            return None
        return self.measurements_model.row_at(rows[0].row())

    @Slot()
    def add_measurement(self) -> None:
        """Open the dialog on the next period; OK saves through an undoable command."""
        detail, stack, edits = self.detail, self._stack, self._edits
        if detail is None or stack is None or edits is None:
            return
        kpi = detail.kpi
        start, end = next_period(kpi.frequency, list(detail.measurements), detail.as_of)

        def submit(data: MeasurementInput) -> None:
            label = period_label(data.period_start, data.period_end)
            text = self.tr("Add measurement {period} to {kpi}").format(period=label, kpi=kpi.code)
            command = AddMeasurementCommand(edits, kpi.id, data, text)
            try:
                command.execute()
            except ValidationError:
                raise
            except PilotageError as exc:  # the KPI is gone, the period is taken…
                raise ValidationError([Problem("", str(exc))]) from exc
            stack.push(command)

        self.dialog = MeasurementDialog(
            f"{kpi.code}  {kpi.name}", kpi.measure, kpi.unit or "", start, end, submit, self
        )
        self.dialog.finished.connect(self._forget_dialog)
        self.dialog.open()

    @Slot()
    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    @Slot()
    def delete_measurement(self) -> None:
        """Delete the selected measurement, once confirmed; undo puts it back."""
        row, stack, edits = self.selected_measurement(), self._stack, self._edits
        if row is None or stack is None or edits is None or self.detail is None:
            return
        label = period_label(row.period_start, row.period_end)
        code = self.detail.kpi.code
        answer = QMessageBox.question(
            self,
            self.tr("Delete a measurement"),
            self.tr("Delete the measurement of {period} of {kpi}?").format(period=label, kpi=code),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        text = self.tr("Delete measurement {period} of {kpi}").format(period=label, kpi=code)
        command = DeleteMeasurementCommand(edits, row, text)
        try:
            command.execute()
        except PilotageError as exc:  # validated (locked), changed meanwhile…
            QMessageBox.warning(self, self.tr("Delete a measurement"), str(exc))
            return
        stack.push(command)

    def _show_trace(self, status: KpiStatus, trace: str) -> None:
        self.trace.setText(trace)
        self.trace.setStyleSheet(
            "QLabel#trace { background: palette(alternate-base); padding: 8px 12px;"
            f" border-left: 4px solid {STATUS_COLORS[status]}; }}"
        )

    def _value(self, value: Decimal | None) -> str:
        if self.kpi is None:
            return formats.NO_VALUE
        return formats.kpi_value(value, self.kpi.measure, self.kpi.unit)

    def _dated(self, value: Decimal | None, day: date | None) -> str:
        if value is None:
            return formats.NO_VALUE
        if day is None:
            return self._value(value)
        return self.tr("{value} on {day}").format(
            value=self._value(value), day=formats.date_text(day)
        )

    def _flags(self, flags: frozenset[QualityFlag]) -> str:
        return ", ".join(label(f) for f in QualityFlag if f in flags) or self.tr("None")
