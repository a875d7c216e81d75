"""ORM mapping of KPIs, their targets and measurements, and the audit log."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pilotage.db.base import (
    CODE_LENGTH,
    NAME_LENGTH,
    SHORT_LENGTH,
    URL_LENGTH,
    Base,
    Versioned,
    enum_column,
    note_column,
    quantity,
)
from pilotage.db.types import ExactDecimal, UtcDateTime
from pilotage.domain.enums import (
    Aggregation,
    AuditAction,
    Direction,
    Frequency,
    Measure,
    MeasurementStatus,
)

_EXACTLY_ONE_OWNER = (
    "(CASE WHEN program_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN pillar_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN initiative_id IS NULL THEN 0 ELSE 1 END) = 1"
)


class Kpi(Versioned, Base):
    __tablename__ = "kpi"
    __table_args__ = (
        CheckConstraint(_EXACTLY_ONE_OWNER, name="exactly_one_owner"),
        UniqueConstraint("program_id", "code"),
        UniqueConstraint("pillar_id", "code"),
        UniqueConstraint("initiative_id", "code"),
        CheckConstraint(
            "target_date IS NULL OR baseline_date IS NULL OR target_date >= baseline_date",
            name="target_after_baseline",
        ),
        # Only comparisons that hold whatever the storage scale: SQLite stores these
        # decimals as scaled integers, so "green <= 1" would compare 9000 with 1.
        # The services check the upper bound.
        CheckConstraint(
            "(green IS NULL OR green > 0) AND (amber IS NULL OR amber > 0)"
            " AND (green IS NULL OR amber IS NULL OR amber <= green)",
            name="thresholds_order",
        ),
    )

    program_id: Mapped[int | None] = mapped_column(
        ForeignKey("contract_program.id", ondelete="CASCADE")
    )
    pillar_id: Mapped[int | None] = mapped_column(ForeignKey("pillar.id", ondelete="CASCADE"))
    initiative_id: Mapped[int | None] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE")
    )
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    definition: Mapped[str] = note_column()
    unit: Mapped[str] = mapped_column(String(SHORT_LENGTH), default="")
    measure: Mapped[Measure] = mapped_column(enum_column(Measure, "kpi_measure"))
    direction: Mapped[Direction] = mapped_column(enum_column(Direction, "kpi_direction"))
    aggregation: Mapped[Aggregation] = mapped_column(enum_column(Aggregation, "kpi_aggregation"))
    frequency: Mapped[Frequency] = mapped_column(enum_column(Frequency, "kpi_frequency"))
    baseline_value: Mapped[Decimal | None] = mapped_column(quantity())
    baseline_date: Mapped[date | None] = mapped_column(Date)
    target_value: Mapped[Decimal | None] = mapped_column(quantity())
    target_date: Mapped[date | None] = mapped_column(Date)
    green: Mapped[Decimal | None] = mapped_column(ExactDecimal(5, 4))
    amber: Mapped[Decimal | None] = mapped_column(ExactDecimal(5, 4))
    data_source: Mapped[str] = note_column()
    responsible_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    means_of_verification: Mapped[str] = note_column()

    targets: Mapped[list[KpiTarget]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    measurements: Mapped[list[Measurement]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class KpiTarget(Versioned, Base):
    """A per-period target. Revision 0 is the original plan; a revision adds a row."""

    __tablename__ = "kpi_target"
    __table_args__ = (
        UniqueConstraint("kpi_id", "period_end", "revision"),
        CheckConstraint(
            "(revision = 0 AND revised_on IS NULL) OR (revision > 0 AND revised_on IS NOT NULL)",
            name="revision_dated",
        ),
    )

    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"))
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(quantity())
    revision: Mapped[int] = mapped_column(Integer, default=0)
    revised_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = note_column()


class Measurement(Versioned, Base):
    __tablename__ = "measurement"
    __table_args__ = (
        UniqueConstraint("kpi_id", "period_start", "period_end"),
        CheckConstraint("period_end >= period_start", name="end_after_start"),
        CheckConstraint(
            "value IS NOT NULL OR (numerator IS NOT NULL AND denominator IS NOT NULL)",
            name="has_value",
        ),
        CheckConstraint("denominator IS NULL OR denominator > 0", name="denominator_positive"),
        # The engine and the tree read "measurements of these KPIs up to a date".
        Index("ix_measurement_kpi_id_period_end", "kpi_id", "period_end"),
    )

    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal | None] = mapped_column(quantity())
    numerator: Mapped[Decimal | None] = mapped_column(quantity())
    denominator: Mapped[Decimal | None] = mapped_column(quantity())
    status: Mapped[MeasurementStatus] = mapped_column(
        enum_column(MeasurementStatus, "measurement_status")
    )
    comment: Mapped[str] = note_column()
    evidence_link: Mapped[str] = mapped_column(String(URL_LENGTH), default="")
    entered_by: Mapped[str] = mapped_column(String(SHORT_LENGTH), default="")
    entered_at: Mapped[datetime] = mapped_column(UtcDateTime)

    disaggregations: Mapped[list[Disaggregation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class Disaggregation(Versioned, Base):
    __tablename__ = "disaggregation"
    __table_args__ = (UniqueConstraint("measurement_id", "dimension", "category"),)

    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id", ondelete="CASCADE"))
    dimension: Mapped[str] = mapped_column(String(SHORT_LENGTH))
    category: Mapped[str] = mapped_column(String(SHORT_LENGTH))
    value: Mapped[Decimal] = mapped_column(quantity())


class AuditEntry(Base):
    """Who changed what and when; written in the change's own transaction, never edited."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity_entity_id", "entity", "entity_id"),
        Index("ix_audit_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    who: Mapped[str] = mapped_column(String(SHORT_LENGTH))
    entity: Mapped[str] = mapped_column(String(CODE_LENGTH))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction, "audit_action"))
    # JSON object {field: [old, new]}, values rendered as text so any engine stores them.
    changes: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")


class ChangeCounter(Base):
    """One row counting the committed writing transactions (services/changes.py).

    Audit ids are handed out at insert, not at commit: on PostgreSQL a slow change
    can commit with an id below one already seen. Every writing transaction bumps
    this row last, just before it commits; the row lock makes the next writer wait
    for that commit, so the value a reader sees grows with every committed change.
    """

    __tablename__ = "change_counter"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


__all__ = ["AuditEntry", "ChangeCounter", "Disaggregation", "Kpi", "KpiTarget", "Measurement"]
