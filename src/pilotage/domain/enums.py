"""The closed vocabularies of the domain model (DESIGN.md §1 and §2).

Values are stable identifiers stored in the database; labels for people live
in the GUI and the reports, where they are translated.
"""

from enum import StrEnum


class OrganizationKind(StrEnum):
    MINISTRY = "ministry"
    PUBLIC_INSTITUTION = "public_institution"
    ASSOCIATION = "association"
    COMPANY = "company"
    INCUBATOR = "incubator"
    OTHER = "other"


class ProgramStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    COMPLETED = "completed"


class PartyRole(StrEnum):
    CONTRACTING_AUTHORITY = "contracting_authority"
    CONTRACTOR = "contractor"
    FUNDER = "funder"
    PARTNER = "partner"


class InitiativeStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    SUSPENDED = "suspended"


class Measure(StrEnum):
    COUNT = "count"
    PERCENTAGE = "percentage"
    RATIO = "ratio"
    AMOUNT = "amount"
    YES_NO = "yes_no"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Aggregation(StrEnum):
    SUM = "sum"
    LATEST = "latest"
    MAXIMUM = "maximum"
    AVERAGE = "average"


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    ONE_OFF = "one_off"


class MeasurementStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    VALIDATED = "validated"


class KpiStatus(StrEnum):
    """Ordered from best to worst news, then the two 'cannot tell' states."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NOT_STARTED = "not_started"


class QualityFlag(StrEnum):
    NO_BASELINE = "no_baseline"
    NO_TARGET = "no_target"
    NO_DEFINITION = "no_definition"
    NO_DATA_SOURCE = "no_data_source"
    OVERDUE_MEASUREMENT = "overdue_measurement"


class OwnerKind(StrEnum):
    """What a KPI is attached to: exactly one of these."""

    PROGRAM = "program"
    PILLAR = "pillar"
    INITIATIVE = "initiative"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
