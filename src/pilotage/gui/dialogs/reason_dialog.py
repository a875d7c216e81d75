"""Asking why: a short form with one text, for the changes the services want explained
(unlocking a validated measurement)."""

from __future__ import annotations

from collections.abc import Callable

from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QWidget


class ReasonDialog(FormDialog[str]):
    """`submit` gets the reason as typed (stripped); the service says if it is missing."""

    def __init__(
        self,
        title: str,
        heading: str,
        submit: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, heading, submit, parent)
        self.reason_edit = self.add_long_text("reason", self.tr("Reason"))
        self.reason_edit.setFocus()

    def collect(self) -> str:
        return self.reason_edit.toPlainText().strip()
