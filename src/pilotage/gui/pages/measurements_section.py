"""The KPI page's measurements: the table edited in place, its status drop-down, the
disaggregations dialog, and the Add / Delete buttons.

Every change is an undoable command: the model hands an edited cell to
`_on_edit`, which builds the command from the row's current input with the one
field changed. A refusal is said under the table, naming the period and the
field, and the cell keeps its old value: nothing was saved. A refusal because
someone else changed the period meanwhile also says who and when and what the
analyst typed, and the page reloads the current values.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pilotage.domain.enums import Measure, MeasurementStatus
from pilotage.domain.errors import ConflictError, PilotageError, Problem, ValidationError
from pilotage.domain.periods import period_label
from pilotage.gui import formats
from pilotage.gui.conflicts import conflict_sentence, refusal
from pilotage.gui.delegates import ChoiceDelegate, NumberDelegate
from pilotage.gui.dialogs.disaggregation_dialog import DisaggregationDialog
from pilotage.gui.dialogs.form_dialog import parse_number
from pilotage.gui.dialogs.measurement_dialog import MeasurementDialog, next_period
from pilotage.gui.dialogs.opening import open_dialog
from pilotage.gui.dialogs.unlock_dialog import UnlockDialog, no_longer_validated
from pilotage.gui.labels import label
from pilotage.gui.models.measurements_model import MeasurementsModel, shown_value
from pilotage.gui.pages.kpi_section import KpiSection
from pilotage.gui.pages.measurement_fields import field_name, named_periods
from pilotage.gui.pages.widgets import TableView, section_title
from pilotage.gui.qt import (
    QAbstractItemView,
    QMessageBox,
    QModelIndex,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.table_commands import enable, selected_row, table_command, title_row
from pilotage.gui.undo.commands import (
    DeleteMeasurementCommand,
    EditContext,
    ServiceCommand,
)
from pilotage.gui.undo.kpi_commands import (
    MeasurementStatusCommand,
    RecordMeasurementCommand,
    UpdateMeasurementCommand,
    measurement_input,
)
from pilotage.services.kpi_detail import KpiDetail
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    MeasurementRow,
    get_measurement,
)


class MeasurementsSection(KpiSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        # The line under the table: the refusal of the last in-place change.
        super().__init__("measurement_message", parent)
        self._keep: tuple[int, int] | None = None  # (measurement id, column) across reloads

        self.title = section_title("")
        self.model = MeasurementsModel(self)
        self.table = TableView(self.model, max_rows=14)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        numbers = NumberDelegate(self.table)
        for column in (self.model.VALUE, self.model.NUMERATOR, self.model.DENOMINATOR):
            self.table.setItemDelegateForColumn(column, numbers)
        statuses = [(label(status), status.value) for status in MeasurementStatus]
        self.status_delegate = ChoiceDelegate(statuses, self.table)
        self.table.setItemDelegateForColumn(self.model.STATUS, self.status_delegate)
        self.table.setToolTip(
            self.tr("Double-click or press F2 to edit a cell; Delete to delete a period")
        )
        # Double-click or Enter on a cell that opens no editor: the breakdown's form,
        # or why a locked period cannot be changed.
        self.table.activated.connect(self._on_activated)

        table = self.table
        self.add_button, self.add_action = table_command(
            table, "add", self.tr("Add measurement…"), self.add_measurement
        )
        self.breakdown_button, self.breakdown_action = table_command(
            table, None, self.tr("Disaggregations…"), self.edit_disaggregations
        )
        self.delete_button, self.delete_action = table_command(
            table,
            "delete",
            self.tr("Delete measurement…"),
            self.delete_measurement,
            delete_key=True,
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._restore_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = (self.add_button, self.breakdown_button, self.delete_button)
        layout.addLayout(title_row(self.title, buttons))
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- what is shown ------------------------------------------------------------

    def set_editing(self, stack: QUndoStack | None, edits: EditContext | None) -> None:
        self.model.set_edit_handler(self._on_edit if stack is not None else None)
        super().set_editing(stack, edits)

    def clear(self, measure: Measure) -> None:
        """Another KPI is coming: never show the previous one's rows under its name."""
        self.detail = None
        self._keep = None
        self.model.set_measurements(measure, "", [])
        self.message.hide()
        self._update_buttons()

    def show_detail(self, detail: KpiDetail) -> None:
        self.detail = detail
        kpi = detail.kpi
        unit = f" ({kpi.unit})" if kpi.unit and kpi.unit != "%" else ""
        self.title.setText(
            self.tr("Measurements{unit}: {count}").format(
                unit=unit, count=formats.number(len(detail.measurements))
            )
        )
        self.model.set_measurements(kpi.measure, kpi.unit, list(detail.measurements))
        ratio = kpi.measure is Measure.RATIO
        self.table.setColumnHidden(MeasurementsModel.NUMERATOR, not ratio)
        self.table.setColumnHidden(MeasurementsModel.DENOMINATOR, not ratio)
        # The period's label says it; its dates are in the Period cell's tooltip.
        named = named_periods(detail.measurements)
        self.table.setColumnHidden(MeasurementsModel.START, named)
        self.table.setColumnHidden(MeasurementsModel.END, named)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        editable = self.can_edit()
        enable((self.add_button, self.add_action), editable)
        selected = editable and self.selected_measurement() is not None
        enable((self.breakdown_button, self.breakdown_action), selected)
        enable((self.delete_button, self.delete_action), selected)

    def selected_measurement(self) -> MeasurementRow | None:
        return selected_row(self.table, self.model)

    @Slot()
    def _remember_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid() and current.row() < self.model.rowCount():
            self._keep = (self.model.row_at(current.row()).id, current.column())

    @Slot()
    def _restore_current(self) -> None:
        """The cell edited stays current after the reload its change caused."""
        if self._keep is None:
            return
        measurement_id, column = self._keep
        self._keep = None
        for number in range(self.model.rowCount()):
            if self.model.row_at(number).id == measurement_id:
                self.table.setCurrentIndex(self.model.index(number, column))
                return

    # --- saying what went wrong -------------------------------------------------

    def _refused(self, row: MeasurementRow, problems: tuple[Problem, ...] | list[Problem]) -> None:
        lines = [
            self.tr("{period} · {field}: {message}").format(
                period=row.label, field=field_name(p.field), message=p.message
            )
            if p.field
            else self.tr("{period}: {message}").format(period=row.label, message=p.message)
            for p in problems
        ]
        self.message.setText("\n".join(lines))
        self.message.show()

    def _save(
        self, row: MeasurementRow, command: ServiceCommand, typed: tuple[str, str] | None = None
    ) -> bool:
        """Do `command` and push it; a refusal is said under the table (`typed`: the field
        and what the analyst typed in it, repeated when someone else changed the period
        meanwhile)."""
        if self._stack is None:
            return False
        try:
            command.execute()
        except ConflictError as exc:
            self._changed_meanwhile(row, exc, typed)
            return False
        except ValidationError as exc:
            self._refused(row, exc.problems)
            return False
        except PilotageError as exc:  # changed meanwhile, gone…
            self._refused(row, [Problem("", refusal(exc))])
            return False
        self.message.hide()
        self._stack.push(command)
        return True

    def _changed_meanwhile(
        self, row: MeasurementRow, exc: ConflictError, typed: tuple[str, str] | None
    ) -> None:
        """Who changed the period and when, what the analyst typed; the page reloads."""
        if typed is not None:
            field, value = typed
            shown = self.tr(
                "The table shows the current values; you had typed {value} in {field}."
            ).format(value=value or self.tr("(nothing)"), field=field_name(field).lower())
        else:
            shown = self.tr("The table shows the current values.")
        # The command had the window reload what it shows (ServiceCommand.execute).
        self._refused(row, [Problem("", f"{conflict_sentence(exc)} {shown}")])

    # --- editing in place -------------------------------------------------------

    def _on_edit(self, row: MeasurementRow, field: str, value: object) -> MeasurementRow | None:
        """An edited cell (the model's handler): the saved row, or None if refused."""
        if self._edits is None or self.detail is None:
            return None
        if field == "status":
            assert isinstance(value, MeasurementStatus)
            return self._change_status(row, value)
        data: object = str(value).strip()
        if field != "comment":
            try:
                data = parse_number(str(value))
            except ValueError:
                self._refused(row, [Problem(field, self.tr("is not a number"))])
                return None
        after = replace(measurement_input(row), **{field: data})
        text = self.tr("Edit {field} of {period} of {kpi}").format(
            field=field_name(field).lower(), period=row.label, kpi=self.detail.kpi.code
        )
        command = UpdateMeasurementCommand(self._edits, row, after, text)
        return command.row if self._save(row, command, (field, str(value).strip())) else None

    def _change_status(
        self, row: MeasurementRow, status: MeasurementStatus
    ) -> MeasurementRow | None:
        assert self._edits is not None
        edits = self._edits
        text, undo_reason = self._status_texts(row, status)
        # Out of validated, to submitted or on to draft: an unlock, said why.
        unlock = row.is_locked and status is not MeasurementStatus.VALIDATED
        if not unlock:
            command = MeasurementStatusCommand(edits, row, status, "", undo_reason, text)
            typed = ("status", label(status))
            return command.row if self._save(row, command, typed) else None
        if self.dialog is not None:
            return None  # a form is open already
        open_dialog(self, "dialog", self._unlock_form(edits, row, status))
        return None

    def _status_texts(self, row: MeasurementRow, status: MeasurementStatus) -> tuple[str, str]:
        """The undo stack's text of a status change, and the reason its undo records."""
        assert self.detail is not None
        text = self.tr("Set {period} of {kpi} to {status}").format(
            period=row.label, kpi=self.detail.kpi.code, status=label(status)
        )
        return text, self.tr("Undo of a status change in the window")

    def _unlock_form(
        self, edits: EditContext, row: MeasurementRow, status: MeasurementStatus
    ) -> UnlockDialog:
        """The reason asked to reopen validated `row`; refused as a conflict, it binds to
        the measurement as stored then (none if it is no longer validated)."""
        assert self.detail is not None
        code = self.detail.kpi.code
        text, undo_reason = self._status_texts(row, status)

        def submit(reason: str) -> None:
            command = MeasurementStatusCommand(edits, row, status, reason, undo_reason, text)
            self.push_from_form(command)  # a refusal goes back to the form

        def reload() -> UnlockDialog:
            fresh = get_measurement(edits.db, row.id)
            if not fresh.is_locked:  # reopened by someone else meanwhile
                raise no_longer_validated(row.label, code)
            return self._unlock_form(edits, fresh, status)

        dialog = UnlockDialog(row.label, code, submit, self)
        dialog.set_reload(reload)
        return dialog

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid() or self._stack is None:
            return
        if index.column() == MeasurementsModel.BREAKDOWN:
            self.edit_disaggregations()
            return
        row = self.model.row_at(index.row())
        if index.column() in MeasurementsModel.FIELDS and row.is_locked:
            message = self.tr(
                "is validated and locked: set its status back to submitted (with a reason) "
                "to change it"
            )
            self._refused(row, [Problem("", message)])

    # --- dialogs ----------------------------------------------------------------

    @Slot()
    def add_measurement(self) -> None:
        """Open the form on the next period; OK saves through an undoable command."""
        detail, stack, edits = self.detail, self._stack, self._edits
        if detail is None or stack is None or edits is None or self.dialog is not None:
            return
        kpi = detail.kpi
        start, end = next_period(kpi.frequency, list(detail.measurements), detail.as_of)

        def submit(data: MeasurementInput) -> None:
            period = period_label(data.period_start, data.period_end)
            text = self.tr("Add measurement {period} to {kpi}").format(period=period, kpi=kpi.code)
            # A refusal goes back to the form, next to its field.
            self.push_from_form(RecordMeasurementCommand(edits, kpi.id, data, text))

        title = f"{kpi.code}  {kpi.name}"
        open_dialog(
            self,
            "dialog",
            MeasurementDialog(title, kpi.measure, kpi.unit or "", start, end, submit, self),
        )

    @Slot()
    def edit_disaggregations(self) -> None:
        """The selected period's breakdown in a form; OK saves it (undoable)."""
        row, edits = self.selected_measurement(), self._edits
        current = self.table.currentIndex()
        if row is None and current.isValid():
            row = self.model.row_at(current.row())
        if row is None or edits is None or self.detail is None or self.dialog is not None:
            return
        open_dialog(self, "dialog", self._breakdown_form(edits, row))

    def _breakdown_form(self, edits: EditContext, row: MeasurementRow) -> DisaggregationDialog:
        """The breakdown of `row`; refused as a conflict, it refills from the stored one."""
        assert self.detail is not None
        kpi = self.detail.kpi
        measurement = row

        def submit(parts: tuple[DisaggregationInput, ...]) -> None:
            after = replace(measurement_input(measurement), disaggregations=parts)
            text = self.tr("Edit disaggregations of {period} of {kpi}").format(
                period=measurement.label, kpi=kpi.code
            )
            # A refusal goes back to the form.
            self.push_from_form(UpdateMeasurementCommand(edits, measurement, after, text))

        total: Decimal | None = row.value
        heading = self.tr("{kpi} · {period} · total {total}").format(
            kpi=kpi.code,
            period=row.label,
            total=formats.kpi_value(shown_value(row), kpi.measure, kpi.unit),
        )
        parts = measurement_input(row).disaggregations
        dialog = DisaggregationDialog(
            heading, kpi.measure, total, parts, submit, self, read_only=row.is_locked
        )
        dialog.set_reload(lambda: self._breakdown_form(edits, get_measurement(edits.db, row.id)))
        return dialog

    @Slot()
    def delete_measurement(self) -> None:
        """Delete the selected measurement, once confirmed; undo puts it back."""
        row, stack, edits = self.selected_measurement(), self._stack, self._edits
        if row is None or stack is None or edits is None or self.detail is None:
            return
        code = self.detail.kpi.code
        answer = QMessageBox.question(
            self,
            self.tr("Delete a measurement"),
            self.tr("Delete the measurement of {period} of {kpi}?").format(
                period=row.label, kpi=code
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        text = self.tr("Delete measurement {period} of {kpi}").format(period=row.label, kpi=code)
        self._save(row, DeleteMeasurementCommand(edits, row, text))  # locked: said below
