"""The form of a pillar: its code, title and objective."""

from __future__ import annotations

from collections.abc import Callable

from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QWidget
from pilotage.services.pillars import PillarInput


class PillarDialog(FormDialog[PillarInput]):
    """New pillar (`data` None) or edit one; `heading` names the program it belongs to."""

    def __init__(
        self,
        title: str,
        heading: str,
        submit: Callable[[PillarInput], None],
        data: PillarInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, heading, submit, parent)
        data = data or PillarInput("", "")
        self.code_edit = self.add_text("code", self.tr("Code"), data.code)
        self.title_edit = self.add_text("title", self.tr("Title"), data.title)
        self.objective_edit = self.add_long_text("objective", self.tr("Objective"), data.objective)
        self.code_edit.setFocus()

    def collect(self) -> PillarInput:
        return PillarInput(
            code=self.code_edit.text(),
            title=self.title_edit.text(),
            objective=self.objective_edit.toPlainText(),
        )
