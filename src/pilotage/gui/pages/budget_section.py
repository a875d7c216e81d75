"""An initiative's budget lines, added, edited and deleted from its page (undoable).

Spending beyond what was committed or planned is not refused: after a save, the
warnings the service returned are shown under the table, for as long as the
line stays as saved.
"""

from __future__ import annotations

from decimal import Decimal

from pilotage.domain.enums import KpiStatus
from pilotage.gui import formats
from pilotage.gui.dialogs.budget_line_dialog import BudgetLineDialog
from pilotage.gui.models.tables import BudgetLinesModel
from pilotage.gui.pages.record_section import RecordSection
from pilotage.gui.qt import QLabel, QWidget
from pilotage.gui.status import STATUS_COLORS, STATUS_TEXT_COLORS
from pilotage.gui.undo.commands import CreateCommand, DeleteCommand, EditContext, UpdateCommand
from pilotage.services.budget import (
    BudgetLineInput,
    BudgetLineRow,
    create_budget_line,
    delete_budget_line,
    get_budget_line,
    update_budget_line,
)

_ZERO = Decimal(0)


class BudgetSection(RecordSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = BudgetLinesModel()
        super().__init__(model, parent=parent)
        self.budget_model = model
        self.set_texts(
            self.tr("Budget lines"),
            self.tr("Add a budget line…"),
            self.tr("Edit the budget line…"),
            self.tr("Delete the budget line…"),
        )
        self.total = QLabel()
        self.column.addWidget(self.total)
        # What the last save warned of (disbursed above committed…).
        self.notice = QLabel()
        self.notice.setObjectName("budgetNotice")
        self.notice.setWordWrap(True)
        # The at-risk colour, as a warning reads in the reports: a note, not a refusal.
        self.notice.setStyleSheet(
            f"background: {STATUS_COLORS[KpiStatus.AT_RISK]};"
            f" color: {STATUS_TEXT_COLORS[KpiStatus.AT_RISK]};"
            " border-radius: 3px; padding: 6px 10px;"
        )
        self.notice.hide()
        self.column.addWidget(self.notice)
        self._noticed: tuple[int, int] | None = None  # (id, version) of the line warned of
        self._initiative: tuple[int, str] | None = None  # (id, code)
        self._currency = ""
        self._default_year = 2000

    def show_lines(
        self,
        initiative_id: int,
        code: str,
        lines: list[BudgetLineRow],
        currency: str,
        default_year: int,
    ) -> None:
        """`default_year`: the year a new line gets if it has no line yet."""
        self._initiative, self._currency = (initiative_id, code), currency
        self._default_year = default_year
        self.budget_model.set_rows(lines)
        self.total.setText(
            self.tr(
                "Total: planned {planned}, committed {committed}, disbursed {disbursed}"
            ).format(
                planned=formats.money(sum((b.planned for b in lines), start=_ZERO), currency),
                committed=formats.money(sum((b.committed for b in lines), start=_ZERO), currency),
                disbursed=formats.money(sum((b.disbursed for b in lines), start=_ZERO), currency),
            )
        )
        self.total.setVisible(bool(lines))
        if self._noticed is not None and not any(
            (line.id, line.version) == self._noticed for line in lines
        ):
            self._show_notice(None)  # undone or changed since: the warning is stale
        self.set_ready(True)

    def clear(self) -> None:
        self._initiative = None
        self.budget_model.set_rows([])
        self.total.hide()
        self._show_notice(None)
        self.set_ready(False)

    def _next_year(self) -> int:
        years = [line.year for line in self.budget_model.rows()]
        return max(years) + 1 if years else self._default_year

    def _save_and_notice(
        self, command: CreateCommand[BudgetLineRow] | UpdateCommand[BudgetLineRow, BudgetLineInput]
    ) -> None:
        self.save(command)
        self._show_notice(command.row)

    def _show_notice(self, row: BudgetLineRow | None) -> None:
        if row is None or not row.warnings:
            self._noticed = None
            self.notice.clear()
            self.notice.hide()
            return
        self._noticed = (row.id, row.version)
        self.notice.setText(
            self.tr("Budget line {year} saved, with a warning: {warnings}").format(
                year=row.year, warnings="; ".join(row.warnings)
            )
        )
        self.notice.show()

    def add(self, edits: EditContext) -> None:
        if self._initiative is None:
            return
        initiative_id, code = self._initiative

        def submit(data: BudgetLineInput) -> None:
            text = self.tr("Add budget line {year} to {code}").format(year=data.year, code=code)
            self._save_and_notice(
                CreateCommand(
                    edits,
                    text,
                    lambda db: create_budget_line(db, initiative_id, data),
                    delete_budget_line,
                    get_budget_line,
                )
            )

        dialog = BudgetLineDialog(
            self.heading or code, None, self._next_year(), self._currency, submit, self
        )
        self.open_form(dialog)

    def edit(self, edits: EditContext, row: BudgetLineRow) -> None:
        self.open_form(self._edit_form(edits, row))

    def _edit_form(self, edits: EditContext, row: BudgetLineRow) -> BudgetLineDialog:
        """The form on `row`; refused as a conflict, it refills from the stored line."""
        code = self._initiative[1] if self._initiative else ""
        before = BudgetLineInput(row.year, row.planned, row.committed, row.disbursed)

        def submit(data: BudgetLineInput) -> None:
            text = self.tr("Edit budget line {year} of {code}").format(year=row.year, code=code)
            self._save_and_notice(
                UpdateCommand(edits, text, row.id, row.version, update_budget_line, before, data)
            )

        dialog = BudgetLineDialog(self.heading or code, row, row.year, self._currency, submit, self)
        dialog.set_reload(lambda: self._edit_form(edits, get_budget_line(edits.db, row.id)))
        return dialog

    def delete(self, edits: EditContext, row: BudgetLineRow) -> None:
        code = self._initiative[1] if self._initiative else ""
        text = self.tr("Delete budget line {year} of {code}").format(year=row.year, code=code)
        self.confirm_and_push(
            DeleteCommand(edits, text, row.id, row.version, delete_budget_line, get_budget_line),
            self.tr("Delete a budget line"),
            self.tr("Delete the budget line {year} of {code}?").format(year=row.year, code=code),
        )
