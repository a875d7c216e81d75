"""The form of a contract-program: reference, title, dates, status, currency, budget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pilotage.domain.enums import ProgramStatus
from pilotage.domain.errors import Problem, ValidationError
from pilotage.gui import formats
from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.labels import label
from pilotage.gui.qt import QWidget
from pilotage.services.programs import ProgramInput

_CURRENCY_LENGTH = 3


class ProgramDialog(FormDialog[ProgramInput]):
    """New program (`data` None: today's year as its span) or edit one (`data` its fields)."""

    def __init__(
        self,
        title: str,
        submit: Callable[[ProgramInput], None],
        data: ProgramInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, "", submit, parent)
        if data is None:
            year = date.today().year  # noqa: DTZ011 - a default the analyst changes
            data = ProgramInput("", "", date(year, 1, 1), date(year, 12, 31))
        self.reference_edit = self.add_text("reference", self.tr("Reference"), data.reference)
        self.title_edit = self.add_text("title", self.tr("Title"), data.title)
        self.description_edit = self.add_long_text(
            "description", self.tr("Description"), data.description
        )
        self.signed_edit = self.add_optional_date("signed_on", self.tr("Signed on"), data.signed_on)
        self.start_edit = self.add_date("start_date", self.tr("Start"), data.start_date)
        self.end_edit = self.add_date("end_date", self.tr("End"), data.end_date)
        self.status_combo = self.add_choice(
            "status", self.tr("Status"), [(label(s), s) for s in ProgramStatus], data.status
        )
        self.currency_edit = self.add_text(
            "currency", self.tr("Currency"), data.currency, max_length=_CURRENCY_LENGTH
        )
        self.budget_edit = self.add_number(
            "total_budget", self.tr("Total budget"), data.total_budget
        )
        self.reference_edit.setFocus()

    def collect(self) -> ProgramInput:
        problems: list[Problem] = []
        budget = self.read_number("total_budget", self.budget_edit, problems)
        if problems:
            raise ValidationError(problems)
        return ProgramInput(
            reference=self.reference_edit.text(),
            title=self.title_edit.text(),
            start_date=formats.from_qdate(self.start_edit.date()),
            end_date=formats.from_qdate(self.end_edit.date()),
            status=ProgramStatus(self.choice(self.status_combo)),
            description=self.description_edit.toPlainText(),
            signed_on=self.signed_edit.value(),
            currency=self.currency_edit.text().strip().upper(),
            total_budget=budget,
        )
