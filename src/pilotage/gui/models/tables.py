"""The read-only tables of the pages: parties, pillars, initiatives, KPIs, milestones,
budget lines and targets. Each holds plain rows from the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Protocol, TypeVar

from pilotage.domain.enums import KpiStatus
from pilotage.domain.kpi_types import RollUp
from pilotage.gui import formats
from pilotage.gui.labels import label
from pilotage.gui.models.rows_model import Column, RowsModel
from pilotage.gui.qt import QObject
from pilotage.gui.status import status_icon, status_label
from pilotage.services.budget import BudgetLineRow
from pilotage.services.clock import local_today
from pilotage.services.milestones import MilestoneRow
from pilotage.services.overview import InitiativeNode, KpiNode, PillarNode
from pilotage.services.parties import PartyRow
from pilotage.services.targets import TargetRow


class _RolledUp(Protocol):
    @property
    def rollup(self) -> RollUp: ...
    @property
    def headline(self) -> KpiStatus: ...


N = TypeVar("N", bound=_RolledUp)

# Sorting by status goes from the best news to the worst, not alphabetically.
STATUS_RANK = {status: rank for rank, status in enumerate(KpiStatus)}


def _rollup_columns(progress_header: str, status_header: str) -> list[Column[N]]:
    """Mean progress and status dot: how a pillar's or initiative's KPIs stand.

    The headers come translated from each model (lupdate files them by class)."""
    return [
        Column(
            progress_header,
            lambda n: formats.percent(n.rollup.mean_progress, places=1),
            numeric=True,
            tooltip=lambda n: n.rollup.trace,
            key=lambda n: n.rollup.mean_progress,
        ),
        Column(
            status_header,
            lambda n: status_label(n.headline),
            icon=lambda n: status_icon(n.headline),
            key=lambda n: STATUS_RANK[n.headline],
        ),
    ]


class PartiesModel(RowsModel[PartyRow]):
    ROLE = 0
    ORGANIZATION = 1
    SIGNATORY = 2
    SIGNATORY_TITLE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Role"), lambda p: label(p.role)),
                Column(
                    self.tr("Organization"),
                    lambda p: p.organization_label,
                    tooltip=lambda p: p.organization_label,
                ),
                Column(self.tr("Signatory"), lambda p: p.signatory_name),
                Column(
                    self.tr("Title"),
                    lambda p: p.signatory_title,
                    tooltip=lambda p: p.signatory_title,
                ),
            ]
        )


class PillarsModel(RowsModel[PillarNode]):
    CODE = 0
    TITLE = 1
    INITIATIVES = 2
    KPIS = 3
    PROGRESS = 4
    STATUS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Code"), lambda p: p.code),
                Column(self.tr("Title"), lambda p: p.title, tooltip=lambda p: p.title),
                Column(
                    self.tr("Initiatives"),
                    lambda p: formats.number(len(p.initiatives)),
                    True,
                    key=lambda p: len(p.initiatives),
                ),
                Column(
                    self.tr("KPIs"),
                    lambda p: formats.number(p.rollup.kpi_count),
                    True,
                    key=lambda p: p.rollup.kpi_count,
                ),
                *_rollup_columns(self.tr("Mean progress"), self.tr("Status")),
            ]
        )


class InitiativesModel(RowsModel[InitiativeNode]):
    CODE = 0
    NAME = 1
    STAGE = 2
    KPIS = 3
    PROGRESS = 4
    STATUS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Code"), lambda i: i.code),
                Column(self.tr("Name"), lambda i: i.name, tooltip=lambda i: i.name),
                Column(self.tr("Stage"), lambda i: label(i.status)),
                Column(
                    self.tr("KPIs"),
                    lambda i: formats.number(i.rollup.kpi_count),
                    True,
                    key=lambda i: i.rollup.kpi_count,
                ),
                *_rollup_columns(self.tr("Mean progress"), self.tr("Status")),
            ]
        )


class KpisModel(RowsModel[KpiNode]):
    CODE = 0
    NAME = 1
    ACTUAL = 2
    TARGET = 3
    PROGRESS = 4
    STATUS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Code"), lambda k: k.code),
                Column(self.tr("Name"), lambda k: k.name, tooltip=lambda k: k.name),
                Column(
                    self.tr("Actual"),
                    lambda k: formats.kpi_value(
                        k.evaluation.actual.value, k.measure, k.unit, percent_places=1
                    ),
                    numeric=True,
                    tooltip=lambda k: k.evaluation.actual.trace,
                    key=lambda k: k.evaluation.actual.value,
                ),
                Column(
                    self.tr("Target to date"),
                    lambda k: formats.kpi_value(
                        k.evaluation.target.value, k.measure, k.unit, percent_places=1
                    ),
                    numeric=True,
                    tooltip=lambda k: k.evaluation.target.trace,
                    key=lambda k: k.evaluation.target.value,
                ),
                Column(
                    self.tr("Progress"),
                    lambda k: formats.percent(k.evaluation.progress.value, places=1),
                    numeric=True,
                    tooltip=lambda k: k.evaluation.progress.trace,
                    key=lambda k: k.evaluation.progress.value,
                ),
                Column(
                    self.tr("Status"),
                    lambda k: status_label(k.status),
                    icon=lambda k: status_icon(k.status),
                    tooltip=lambda k: k.evaluation.status_trace,
                    key=lambda k: STATUS_RANK[k.status],
                ),
            ]
        )


class MilestonesModel(RowsModel[MilestoneRow]):
    TITLE = 0
    DUE = 1
    DONE = 2
    STATE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        self._as_of = local_today()
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Milestone"), lambda m: m.title, tooltip=lambda m: m.note),
                Column(
                    self.tr("Due"),
                    lambda m: formats.date_text(m.due_date),
                    key=lambda m: m.due_date,
                ),
                Column(
                    self.tr("Done"),
                    self._done,
                    key=lambda m: m.done_date,
                    tooltip=self._done_later,
                ),
                Column(self.tr("State"), self._state),
            ]
        )

    def set_milestones(self, milestones: list[MilestoneRow], as_of: date) -> None:
        self._as_of = as_of
        self.set_rows(milestones)

    def _done(self, milestone: MilestoneRow) -> str:
        """The done date, if it is not after the as-of date: the page shows the
        initiative as it stood then, when a later completion was not known."""
        done = milestone.done_date
        return formats.date_text(done if done is not None and done <= self._as_of else None)

    def _done_later(self, milestone: MilestoneRow) -> str:
        done = milestone.done_date
        if done is None or done <= self._as_of:
            return ""
        return self.tr("Done on {day}, after the as-of date").format(day=formats.date_text(done))

    def _state(self, milestone: MilestoneRow) -> str:
        if milestone.is_late(self._as_of):
            days = (self._as_of - milestone.due_date).days
            return self.tr("Late by %n day(s)", "", days)
        if milestone.done_date is not None and milestone.done_date <= self._as_of:
            return self.tr("Done")
        return self.tr("Upcoming")


class BudgetLinesModel(RowsModel[BudgetLineRow]):
    YEAR = 0
    PLANNED = 1
    COMMITTED = 2
    DISBURSED = 3
    NOTE = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [
                Column(self.tr("Year"), lambda b: str(b.year), key=lambda b: b.year),
                Column(
                    self.tr("Planned"),
                    lambda b: formats.number(b.planned, 2),
                    True,
                    key=lambda b: b.planned,
                ),
                Column(
                    self.tr("Committed"),
                    lambda b: formats.number(b.committed, 2),
                    True,
                    key=lambda b: b.committed,
                ),
                Column(
                    self.tr("Disbursed"),
                    lambda b: formats.number(b.disbursed, 2),
                    True,
                    key=lambda b: b.disbursed,
                ),
                Column(self.tr("Note"), lambda b: "; ".join(b.warnings)),
            ]
        )


class TargetsModel(RowsModel[TargetRow]):
    PERIOD_END = 0
    VALUE = 1
    REVISION = 2
    REVISED_ON = 3
    REASON = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._format: Callable[[Decimal], str] = formats.number
        self.set_columns(
            [
                Column(
                    self.tr("Period end"),
                    lambda t: formats.date_text(t.period_end),
                    key=lambda t: t.period_end,
                ),
                Column(
                    self.tr("Target"),
                    lambda t: self._format(t.value),
                    numeric=True,
                    key=lambda t: t.value,
                ),
                Column(self.tr("Revision"), self._revision, key=lambda t: t.revision),
                Column(
                    self.tr("Revised on"),
                    lambda t: formats.date_text(t.revised_on),
                    key=lambda t: t.revised_on,
                ),
                Column(self.tr("Reason"), lambda t: t.reason, tooltip=lambda t: t.reason),
            ]
        )

    def set_targets(self, targets: list[TargetRow], value_text: Callable[[Decimal], str]) -> None:
        """`value_text` formats a target in its KPI's measure and unit."""
        self._format = value_text
        self.set_rows(targets)

    def _revision(self, target: TargetRow) -> str:
        if target.is_original:
            return self.tr("Original")
        return self.tr("Revision {number}").format(number=target.revision)
