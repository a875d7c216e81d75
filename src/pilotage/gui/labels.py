"""Translated labels of the domain's vocabularies (the enums store stable identifiers)."""

from __future__ import annotations

from enum import StrEnum

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    OrganizationKind,
    PartyRole,
    ProgramStatus,
    QualityFlag,
)
from pilotage.gui.qt import QT_TRANSLATE_NOOP, translate

_CONTEXT = "Labels"
_LABELS: dict[StrEnum, str] = {
    ProgramStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    ProgramStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    ProgramStatus.SUSPENDED: QT_TRANSLATE_NOOP("Labels", "Suspended"),
    ProgramStatus.COMPLETED: QT_TRANSLATE_NOOP("Labels", "Completed"),
    InitiativeStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planned"),
    InitiativeStatus.RUNNING: QT_TRANSLATE_NOOP("Labels", "Running"),
    InitiativeStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    # InitiativeStatus.SUSPENDED has the value "suspended", as ProgramStatus.SUSPENDED:
    # StrEnum members with equal values are equal keys, so one label serves both.
    PartyRole.CONTRACTING_AUTHORITY: QT_TRANSLATE_NOOP("Labels", "Contracting authority"),
    PartyRole.CONTRACTOR: QT_TRANSLATE_NOOP("Labels", "Contractor"),
    PartyRole.FUNDER: QT_TRANSLATE_NOOP("Labels", "Funder"),
    PartyRole.PARTNER: QT_TRANSLATE_NOOP("Labels", "Partner"),
    OrganizationKind.MINISTRY: QT_TRANSLATE_NOOP("Labels", "Ministry"),
    OrganizationKind.PUBLIC_INSTITUTION: QT_TRANSLATE_NOOP("Labels", "Public institution"),
    OrganizationKind.ASSOCIATION: QT_TRANSLATE_NOOP("Labels", "Association"),
    OrganizationKind.COMPANY: QT_TRANSLATE_NOOP("Labels", "Company"),
    OrganizationKind.INCUBATOR: QT_TRANSLATE_NOOP("Labels", "Incubator"),
    OrganizationKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    Measure.COUNT: QT_TRANSLATE_NOOP("Labels", "Count"),
    Measure.PERCENTAGE: QT_TRANSLATE_NOOP("Labels", "Percentage"),
    Measure.RATIO: QT_TRANSLATE_NOOP("Labels", "Ratio"),
    Measure.AMOUNT: QT_TRANSLATE_NOOP("Labels", "Amount"),
    Measure.YES_NO: QT_TRANSLATE_NOOP("Labels", "Yes/no"),
    Direction.INCREASE: QT_TRANSLATE_NOOP("Labels", "Increase"),
    Direction.DECREASE: QT_TRANSLATE_NOOP("Labels", "Decrease"),
    Aggregation.SUM: QT_TRANSLATE_NOOP("Labels", "Sum of periods"),
    Aggregation.LATEST: QT_TRANSLATE_NOOP("Labels", "Latest value"),
    Aggregation.MAXIMUM: QT_TRANSLATE_NOOP("Labels", "Maximum"),
    Aggregation.AVERAGE: QT_TRANSLATE_NOOP("Labels", "Average"),
    Frequency.MONTHLY: QT_TRANSLATE_NOOP("Labels", "Monthly"),
    Frequency.QUARTERLY: QT_TRANSLATE_NOOP("Labels", "Quarterly"),
    Frequency.HALF_YEARLY: QT_TRANSLATE_NOOP("Labels", "Half-yearly"),
    Frequency.YEARLY: QT_TRANSLATE_NOOP("Labels", "Yearly"),
    Frequency.ONE_OFF: QT_TRANSLATE_NOOP("Labels", "One-off"),
    MeasurementStatus.SUBMITTED: QT_TRANSLATE_NOOP("Labels", "Submitted"),
    MeasurementStatus.VALIDATED: QT_TRANSLATE_NOOP("Labels", "Validated"),
    QualityFlag.NO_BASELINE: QT_TRANSLATE_NOOP("Labels", "No baseline"),
    QualityFlag.NO_TARGET: QT_TRANSLATE_NOOP("Labels", "No target"),
    QualityFlag.NO_DEFINITION: QT_TRANSLATE_NOOP("Labels", "No definition"),
    QualityFlag.NO_DATA_SOURCE: QT_TRANSLATE_NOOP("Labels", "No data source"),
    QualityFlag.OVERDUE_MEASUREMENT: QT_TRANSLATE_NOOP("Labels", "Overdue measurement"),
}


def label(value: StrEnum) -> str:
    """The translated label of an enum value; its identifier if none is known."""
    text = _LABELS.get(value)
    if text is None:
        return value.value.replace("_", " ").capitalize()
    return translate(_CONTEXT, text)
