"""The program dashboard's watch lists: late milestones and KPIs with quality flags."""

from __future__ import annotations

from pilotage.domain.enums import QualityFlag
from pilotage.gui import formats
from pilotage.gui.labels import label
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QObject
from pilotage.gui.status import status_icon
from pilotage.services.milestones import LateMilestoneRow
from pilotage.services.overview import KpiNode


def flag_words(flags: frozenset[QualityFlag]) -> str:
    """The flags as translated words, in the vocabulary's order."""
    return ", ".join(label(f) for f in QualityFlag if f in flags)


class LateMilestonesModel(RowsModel[LateMilestoneRow]):
    INITIATIVE = 0
    TITLE = 1
    DUE = 2
    DAYS_LATE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(
                    self.tr("Initiative"),
                    lambda m: m.initiative_code,
                    tooltip=lambda m: m.initiative_name,
                ),
                Column(
                    self.tr("Milestone"),
                    lambda m: m.title,
                    tooltip=lambda m: m.note or m.title,
                ),
                Column(
                    self.tr("Due"),
                    lambda m: formats.date_text(m.due_date),
                    numeric=True,
                    key=lambda m: m.due_date,
                ),
                Column(
                    self.tr("Days late"),
                    lambda m: formats.number(m.days_late),
                    numeric=True,
                    key=lambda m: m.days_late,
                ),
            ]
        )


class FlaggedKpisModel(RowsModel[KpiNode]):
    CODE = 0
    NAME = 1
    FLAGS = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Code"), lambda k: k.code, icon=lambda k: status_icon(k.status)),
                Column(self.tr("Name"), lambda k: k.name, tooltip=lambda k: k.name),
                Column(
                    self.tr("Quality flags"),
                    lambda k: flag_words(k.flags),
                    tooltip=lambda k: flag_words(k.flags),
                ),
            ]
        )
