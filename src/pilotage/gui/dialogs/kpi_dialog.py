"""The form of a KPI: its definition, how it is measured and judged, baseline and target.

Green and amber thresholds are typed as percentages of the expected pace (90 for
0.9), as the analyst reads them on the KPI page; empty means the engine's default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from pilotage.domain.enums import Aggregation, Direction, Frequency, Measure
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.dialogs.initiative_dialog import shrinkable
from pilotage.gui.labels import label
from pilotage.gui.qt import (
    QT_TRANSLATE_NOOP,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from pilotage.services.kpis import KpiInput
from pilotage.services.organizations import OrganizationRow

_HUNDRED = Decimal(100)
# The groups' titles are the KPI page's section titles, translated there.
_PAGE = "KpiPage"
_DEFINITION = QT_TRANSLATE_NOOP("KpiPage", "Definition")
_MEASURE = QT_TRANSLATE_NOOP("KpiPage", "Measure")
_THRESHOLDS = QT_TRANSLATE_NOOP("KpiPage", "Thresholds")
_BASELINE = QT_TRANSLATE_NOOP("KpiPage", "Baseline")
_TARGET = QT_TRANSLATE_NOOP("KpiPage", "Final target")
_SOURCES = QT_TRANSLATE_NOOP("KpiPage", "Sources")
_PERCENT_PLACES = 2  # the service keeps 4 places of the fraction: 2 of the percentage


def _as_percent(fraction: Decimal | None) -> Decimal | None:
    return None if fraction is None else fraction * _HUNDRED


class KpiDialog(FormDialog[KpiInput]):
    """New KPI (`data` None) or edit one; `heading` names its owner."""

    def __init__(
        self,
        title: str,
        heading: str,
        submit: Callable[[KpiInput], None],
        organizations: Sequence[OrganizationRow],
        data: KpiInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, heading, submit, parent)
        data = data or KpiInput("", "", Measure.COUNT, Aggregation.SUM, Frequency.QUARTERLY)
        # Eighteen fields in one column overflow a laptop's screen: two columns of
        # groups, titled as the KPI page's sections (and translated with them).
        outer = self.form
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            columns.addLayout(column, 1)

        self._group(left, _DEFINITION)
        self.code_edit = self.add_text("code", self.tr("Code"), data.code)
        self.name_edit = self.add_text("name", self.tr("Name"), data.name)
        self.definition_edit = self.add_long_text(
            "definition", self.tr("Definition"), data.definition
        )
        self.unit_edit = self.add_text("unit", self.tr("Unit"), data.unit)

        self._group(left, _MEASURE)
        self.measure_combo = self.add_choice(
            "measure", self.tr("Measure"), [(label(m), m) for m in Measure], data.measure
        )
        self.aggregation_combo = self.add_choice(
            "aggregation",
            self.tr("Aggregation"),
            [(label(a), a) for a in Aggregation],
            data.aggregation,
        )
        self.frequency_combo = self.add_choice(
            "frequency", self.tr("Frequency"), [(label(f), f) for f in Frequency], data.frequency
        )
        self.direction_combo = self.add_choice(
            "direction", self.tr("Direction"), [(label(d), d) for d in Direction], data.direction
        )

        self._group(left, _THRESHOLDS)
        self.green_edit = self.add_number(
            "green", self.tr("Green from (% of the expected pace)"), _as_percent(data.green)
        )
        self.green_edit.setPlaceholderText(self.tr("default: 90"))
        self.amber_edit = self.add_number(
            "amber", self.tr("Amber from (% of the expected pace)"), _as_percent(data.amber)
        )
        self.amber_edit.setPlaceholderText(self.tr("default: 70"))

        self._group(right, _BASELINE)
        self.baseline_edit = self.add_number(
            "baseline_value", self.tr("Baseline"), data.baseline_value
        )
        self.baseline_date_edit = self.add_optional_date(
            "baseline_date", self.tr("Baseline date"), data.baseline_date
        )

        self._group(right, _TARGET)
        self.target_edit = self.add_number("target_value", self.tr("Target"), data.target_value)
        self.target_date_edit = self.add_optional_date(
            "target_date", self.tr("Target date"), data.target_date
        )

        self._group(right, _SOURCES)
        self.source_edit = self.add_text("data_source", self.tr("Data source"), data.data_source)
        choices = [(self.tr("(none)"), None), *((o.label, o.id) for o in organizations)]
        self.responsible_combo = shrinkable(
            self.add_choice(
                "responsible_organization_id",
                self.tr("Responsible organization"),
                choices,
                data.responsible_organization_id,
            )
        )
        # Often a sentence or two ("quarterly report of the ANAPEC, checked against..."):
        # a text box, not a line that hides most of it.
        self.verification_edit = self.add_long_text(
            "means_of_verification", self.tr("Means of verification"), data.means_of_verification
        )
        for column in (left, right):
            column.addStretch(1)
        self.form = outer
        groups = QWidget()
        groups.setLayout(columns)
        columns.setContentsMargins(0, 0, 0, 0)
        outer.addRow(groups)
        for edit in (self.name_edit, self.source_edit):
            edit.setCursorPosition(0)  # a long text shows from its start
        self.setMinimumWidth(900)
        self.code_edit.setFocus()

    def _group(self, column: QVBoxLayout, title: str) -> None:
        """A titled box in `column`; the fields added next go into it."""
        box = QGroupBox(translate(_PAGE, title))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        column.addWidget(box)
        self.form = form  # FormDialog.add_row adds to self.form

    def _threshold(self, field: str, edit: QLineEdit, problems: list[Problem]) -> Decimal | None:
        """A percentage typed in the field, as the fraction the service stores."""
        percent = self.read_number(field, edit, problems)
        if percent is None:
            return None
        if not Decimal(0) < percent <= _HUNDRED:
            problems.append(Problem(field, self.tr("must be above 0 and at most 100")))
            return None
        if percent != round(percent, _PERCENT_PLACES):
            problems.append(Problem(field, self.tr("has more than 2 decimal places")))
            return None
        return percent / _HUNDRED

    def collect(self) -> KpiInput:
        problems: list[Problem] = []
        baseline = self.read_number("baseline_value", self.baseline_edit, problems)
        target = self.read_number("target_value", self.target_edit, problems)
        green = self._threshold("green", self.green_edit, problems)
        amber = self._threshold("amber", self.amber_edit, problems)
        if green is not None and amber is not None and amber > green:
            problems.append(Problem("amber", self.tr("must not be above the green threshold")))
        if problems:
            raise ValidationError(problems)
        return KpiInput(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            measure=Measure(self.choice(self.measure_combo)),
            aggregation=Aggregation(self.choice(self.aggregation_combo)),
            frequency=Frequency(self.choice(self.frequency_combo)),
            direction=Direction(self.choice(self.direction_combo)),
            definition=self.definition_edit.toPlainText(),
            unit=self.unit_edit.text(),
            baseline_value=baseline,
            baseline_date=self.baseline_date_edit.value(),
            target_value=target,
            target_date=self.target_date_edit.value(),
            green=green,
            amber=amber,
            data_source=self.source_edit.text(),
            responsible_organization_id=self.choice(self.responsible_combo),
            means_of_verification=self.verification_edit.toPlainText(),
        )
