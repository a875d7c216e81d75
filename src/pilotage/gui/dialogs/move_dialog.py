"""Choosing the pillar an initiative moves to, within its program."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pilotage.gui.dialogs.form_dialog import FormDialog
from pilotage.gui.qt import QWidget


class MoveToPillarDialog(FormDialog[int]):
    """`pillars`: (label, pillar id) pairs; `submit` gets the chosen pillar's id."""

    def __init__(
        self,
        title: str,
        heading: str,
        submit: Callable[[int], None],
        pillars: Sequence[tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, heading, submit, parent)
        self.pillar_combo = self.add_choice("target_pillar_id", self.tr("Pillar"), pillars)
        self.pillar_combo.setFocus()

    def collect(self) -> int:
        return int(self.choice(self.pillar_combo))
