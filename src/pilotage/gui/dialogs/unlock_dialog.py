"""Reopening a validated period: the reason asked, and what to say when another analyst
reopened it first."""

from __future__ import annotations

from collections.abc import Callable

from pilotage.domain.errors import PilotageError
from pilotage.gui.dialogs.reason_dialog import ReasonDialog
from pilotage.gui.qt import QWidget, translate


class UnlockDialog(ReasonDialog):
    """Why `period` of `kpi` reopens; `submit` gets the reason as typed."""

    def __init__(
        self,
        period: str,
        kpi: str,
        submit: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        heading = self.tr(
            "{period} of {kpi} is validated. Say why it reopens: the reason goes to the "
            "history of the measurement."
        ).format(period=period, kpi=kpi)
        super().__init__(self.tr("Unlock a validated period"), heading, submit, parent)


def no_longer_validated(period: str, kpi: str) -> PilotageError:
    """The refusal of a reload when someone else reopened the period meanwhile."""
    return PilotageError(
        translate(
            "UnlockDialog", "{period} of {kpi} is no longer validated: there is nothing to unlock"
        ).format(period=period, kpi=kpi)
    )
