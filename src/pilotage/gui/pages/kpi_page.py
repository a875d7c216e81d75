"""A KPI: its evaluation as of the date (status, figures, trace), its definition,
its targets and its measurements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pilotage.db.database import Database
from pilotage.domain.enums import KpiStatus, QualityFlag
from pilotage.domain.kpi_types import DEFAULT_AMBER, DEFAULT_GREEN
from pilotage.domain.status_colors import STATUS_COLORS
from pilotage.gui import formats
from pilotage.gui.charts import KpiChart
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.labels import label
from pilotage.gui.pages.base import Page
from pilotage.gui.pages.measurements_section import MeasurementsSection
from pilotage.gui.pages.targets_section import TargetsSection
from pilotage.gui.pages.widgets import SPACING, FieldForm, section_title
from pilotage.gui.qt import QHBoxLayout, QLabel, Qt, QThreadPool, QVBoxLayout, QWidget
from pilotage.services.kpi_detail import KpiDetail, kpi_detail
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


class KpiPage(Page):
    def __init__(self, db: Database, pool: QThreadPool, parent: QWidget | None = None) -> None:
        super().__init__(db, pool, parent)
        self.kpi: KpiNode | None = None
        self.detail: KpiDetail | None = None

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

        self.targets_section = TargetsSection()
        self.body.addWidget(self.targets_section)
        self.measurements_section = MeasurementsSection()
        self.body.addWidget(self.measurements_section)
        # The names the page's tests and screenshots reach its tables by.
        self.targets_model = self.targets_section.model
        self.targets = self.targets_section.table
        section = self.measurements_section
        self.measurements_title = section.title
        self.measurements_model = section.model
        self.measurements = section.table
        self.add_button = section.add_button
        self.delete_button = section.delete_button
        self.delete_action = section.delete_action
        self.finish()

    @property
    def dialog(self) -> FormDialog[object] | None:
        """The form open on this page, if any (a measurement, a target, a reason…)."""
        return self.measurements_section.dialog or self.targets_section.dialog

    def show_kpi(self, kpi: KpiNode, as_of: date) -> None:
        """Show the KPI as the tree judged it, then fetch its detail (traces, measurements)."""
        if self.detail is not None and self.detail.kpi.id != kpi.id:
            # Another KPI: never show the previous one's tables under this one's name.
            self.detail = None
            self.targets_section.clear()
            self.measurements_section.clear(kpi.measure)
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
        self.targets_section.show_detail(detail)
        self.measurements_section.show_detail(detail)
        self.chart.set_series(detail.series, kpi.measure, kpi.unit, detail.as_of)
        chart_unit = f" ({kpi.unit})" if kpi.unit else ""
        self.chart_title.setText(self.tr("Actual against target{unit}").format(unit=chart_unit))

    def editing_changed(self) -> None:
        self.targets_section.set_editing(self._stack, self._edits)
        self.measurements_section.set_editing(self._stack, self._edits)

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
