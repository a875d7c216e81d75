"""The KPI page's per-period targets: the original plan and its revisions, with Set
target…, Revise… and Remove…, each undoable.

A revision never overwrites the original: it is a new row, dated and explained,
so that the table shows what was first agreed next to what it became.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pilotage.domain.errors import PilotageError, ValidationError
from pilotage.domain.periods import period_bounds
from pilotage.gui import formats
from pilotage.gui.conflicts import refusal
from pilotage.gui.dialogs.opening import open_dialog
from pilotage.gui.dialogs.target_dialog import (
    RevisionDialog,
    RevisionInput,
    TargetDialog,
    TargetInput,
)
from pilotage.gui.models.tables import TargetsModel
from pilotage.gui.pages.kpi_section import KpiSection
from pilotage.gui.pages.widgets import TableView, mute, section_title
from pilotage.gui.qt import (
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    Slot,
)
from pilotage.gui.table_commands import enable, selected_row, table_command, title_row
from pilotage.gui.text import sentence
from pilotage.gui.undo.commands import EditContext, ServiceCommand
from pilotage.gui.undo.kpi_commands import (
    ChangeTargetCommand,
    CreateTargetCommand,
    RemoveTargetCommand,
    ReviseTargetCommand,
)
from pilotage.services.clock import local_today
from pilotage.services.kpi_detail import KpiDetail, kpi_detail
from pilotage.services.targets import TargetRow, latest_target


class TargetsSection(KpiSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("target_message", parent)  # the line says why a removal was refused

        self.title = section_title(self.tr("Targets"))
        self.model = TargetsModel(self)
        self.table = TableView(self.model, max_rows=8)
        self.empty = QLabel(
            self.tr("No per-period target: the final target applies, reached evenly.")
        )
        mute(self.empty)
        table = self.table
        self.set_button, self.set_action = table_command(
            table, "add", self.tr("Set target…"), self.set_target
        )
        self.revise_button, self.revise_action = table_command(
            table, "edit", self.tr("Revise…"), self.revise_target
        )
        self.remove_button, self.remove_action = table_command(
            table, "delete", self.tr("Remove…"), self.remove_target, delete_key=True
        )
        self.table.activated.connect(self.revise_target)  # double-click or Enter
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = (self.set_button, self.revise_button, self.remove_button)
        layout.addLayout(title_row(self.title, buttons))
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- what is shown ------------------------------------------------------------

    def clear(self) -> None:
        self.detail = None
        self.model.set_rows([])
        self._update_buttons()

    def show_detail(self, detail: KpiDetail) -> None:
        self.detail = detail
        self.model.set_targets(list(detail.targets), self._value)
        self.table.setVisible(bool(detail.targets))
        self.empty.setVisible(not detail.targets)
        self._update_buttons()

    def _value(self, value: Decimal | None) -> str:
        if self.detail is None:
            return formats.NO_VALUE
        kpi = self.detail.kpi
        return formats.kpi_value(value, kpi.measure, kpi.unit)

    @Slot()
    def _update_buttons(self) -> None:
        editable = self.can_edit()
        enable((self.set_button, self.set_action, self.revise_button, self.revise_action), editable)
        selected = editable and self.selected_target() is not None
        enable((self.remove_button, self.remove_action), selected)

    def selected_target(self) -> TargetRow | None:
        return selected_row(self.table, self.model)

    def _default_period_end(self) -> date:
        """The selected target's period, else the KPI's final target date, else the
        period holding the as-of date."""
        selected = self.selected_target()
        if selected is not None:
            return selected.period_end
        assert self.detail is not None
        kpi = self.detail.kpi
        if kpi.target_date is not None:
            return kpi.target_date
        return period_bounds(kpi.frequency, self.detail.as_of)[1]

    # --- actions ------------------------------------------------------------------

    @Slot()
    def set_target(self) -> None:
        """Set (or change) the original target of a period."""
        detail, edits = self.detail, self._edits
        if detail is None or edits is None or self._stack is None or self.dialog is not None:
            return
        open_dialog(self, "dialog", self._target_form(detail, edits, self._default_period_end()))

    def _target_form(self, detail: KpiDetail, edits: EditContext, period_end: date) -> TargetDialog:
        """The form on `detail`'s targets; refused as a conflict, it refills from the
        KPI's targets as stored then."""
        kpi = detail.kpi
        original = _original(detail, period_end)

        def submit(data: TargetInput) -> None:
            text = self.tr("Set target {day} of {kpi}").format(
                day=formats.date_text(data.period_end), kpi=kpi.code
            )
            same = _original(detail, data.period_end)
            if same is None:
                command: ServiceCommand = CreateTargetCommand(
                    edits, kpi.id, data.period_end, data.value, text
                )
            else:
                command = ChangeTargetCommand(edits, same, data.value, text)
            self.push_from_form(command)

        value = original.value if original is not None else None
        heading = f"{kpi.code}  {kpi.name}"
        dialog = TargetDialog(heading, kpi.unit, period_end, value, submit, self)
        dialog.set_reload(
            lambda: self._target_form(kpi_detail(edits.db, kpi.id, detail.as_of), edits, period_end)
        )
        return dialog

    @Slot()
    def revise_target(self) -> None:
        """Revise a period's target: a new, dated and explained revision."""
        detail, edits = self.detail, self._edits
        if detail is None or edits is None or self._stack is None or self.dialog is not None:
            return
        open_dialog(self, "dialog", self._revision_form(detail, edits, self._default_period_end()))

    def _revision_form(
        self, detail: KpiDetail, edits: EditContext, period_end: date
    ) -> RevisionDialog:
        """The form on `detail`'s targets: its revision is refused if the period's latest
        target is no longer the one shown (another analyst revised it meanwhile), and the
        form then refills from the KPI's targets as stored."""
        kpi = detail.kpi
        latest = latest_target(detail.targets, period_end)
        asked = [period_end]  # the period of the last save tried: a reload shows that one

        def submit(data: RevisionInput) -> None:
            text = self.tr("Revise target {day} of {kpi}").format(
                day=formats.date_text(data.period_end), kpi=kpi.code
            )
            asked[0] = data.period_end
            self.push_from_form(
                ReviseTargetCommand(
                    edits,
                    kpi.id,
                    data.period_end,
                    data.value,
                    data.reason,
                    data.revised_on,
                    text,
                    seen=latest_target(detail.targets, data.period_end),
                )
            )

        value = latest.value if latest is not None else kpi.target_value
        heading = f"{kpi.code}  {kpi.name}"
        dialog = RevisionDialog(heading, kpi.unit, period_end, value, local_today(), submit, self)
        dialog.set_reload(
            lambda: self._revision_form(kpi_detail(edits.db, kpi.id, detail.as_of), edits, asked[0])
        )
        return dialog

    @Slot()
    def remove_target(self) -> None:
        """Remove the selected target row, once confirmed; undo puts it back."""
        target, edits, stack = self.selected_target(), self._edits, self._stack
        if target is None or edits is None or stack is None or self.detail is None:
            return
        code = self.detail.kpi.code
        which = (
            self.tr("the original target")
            if target.is_original
            else self.tr("revision {number}").format(number=target.revision)
        )
        day = formats.date_text(target.period_end)
        answer = QMessageBox.question(
            self,
            self.tr("Remove a target"),
            self.tr("Remove {which} of {day} of {kpi}?").format(which=which, day=day, kpi=code),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        text = self.tr("Remove target {day} of {kpi}").format(day=day, kpi=code)
        command = RemoveTargetCommand(edits, target, text)
        try:
            command.execute()
        except ValidationError as exc:  # its revisions remain
            self.message.setText(sentence("; ".join(p.message for p in exc.problems)))
            self.message.show()
            return
        except PilotageError as exc:  # changed meanwhile, gone…
            self.message.setText(sentence(refusal(exc)))
            self.message.show()
            return
        self.message.hide()
        stack.push(command)


def _original(detail: KpiDetail, period_end: date) -> TargetRow | None:
    """The original (unrevised) target of the period ending on `period_end`, if set."""
    return next((t for t in detail.targets if t.period_end == period_end and t.is_original), None)
