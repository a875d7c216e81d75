"""ORM mapping of the contract-program structure (DESIGN.md §1).

Delete behaviour is stated on every foreign key: a program owns its parties,
pillars, initiatives and their children (CASCADE); an organization is
referenced and never silently lost (RESTRICT).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pilotage.db.base import (
    CODE_LENGTH,
    CURRENCY_LENGTH,
    NAME_LENGTH,
    URL_LENGTH,
    Base,
    Versioned,
    enum_column,
    money,
    note_column,
)
from pilotage.domain.enums import (
    InitiativeStatus,
    OrganizationKind,
    PartyRole,
    ProgramStatus,
)


class Organization(Versioned, Base):
    __tablename__ = "organization"
    __table_args__ = (
        CheckConstraint(
            "founded_year IS NULL OR (founded_year >= 1000 AND founded_year <= 9999)",
            name="founded_year_range",
        ),
    )

    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    acronym: Mapped[str | None] = mapped_column(String(CODE_LENGTH), unique=True)
    kind: Mapped[OrganizationKind] = mapped_column(
        enum_column(OrganizationKind, "organization_kind")
    )
    founded_year: Mapped[int | None] = mapped_column(Integer)
    website: Mapped[str] = mapped_column(String(URL_LENGTH), default="")
    notes: Mapped[str] = note_column()


class ContractProgram(Versioned, Base):
    __tablename__ = "contract_program"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint("total_budget IS NULL OR total_budget >= 0", name="budget_positive"),
    )

    reference: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True)
    title: Mapped[str] = mapped_column(String(NAME_LENGTH))
    description: Mapped[str] = note_column()
    signed_on: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    status: Mapped[ProgramStatus] = mapped_column(enum_column(ProgramStatus, "program_status"))
    currency: Mapped[str] = mapped_column(String(CURRENCY_LENGTH), default="MAD")
    total_budget: Mapped[Decimal | None] = mapped_column(money())

    parties: Mapped[list[ProgramParty]] = relationship(
        back_populates="program", cascade="all, delete-orphan", passive_deletes=True
    )
    pillars: Mapped[list[Pillar]] = relationship(
        back_populates="program",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Pillar.position",
    )


class ProgramParty(Versioned, Base):
    __tablename__ = "program_party"
    __table_args__ = (UniqueConstraint("program_id", "organization_id", "role"),)

    program_id: Mapped[int] = mapped_column(
        ForeignKey("contract_program.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[PartyRole] = mapped_column(enum_column(PartyRole, "party_role"))
    signatory_name: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")
    signatory_title: Mapped[str] = mapped_column(String(NAME_LENGTH), default="")

    program: Mapped[ContractProgram] = relationship(back_populates="parties")
    organization: Mapped[Organization] = relationship()


class Pillar(Versioned, Base):
    __tablename__ = "pillar"
    __table_args__ = (
        UniqueConstraint("program_id", "code"),
        UniqueConstraint("program_id", "position"),
        CheckConstraint("position >= 1", name="position_positive"),
    )

    program_id: Mapped[int] = mapped_column(ForeignKey("contract_program.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    title: Mapped[str] = mapped_column(String(NAME_LENGTH))
    objective: Mapped[str] = note_column()

    program: Mapped[ContractProgram] = relationship(back_populates="pillars")
    initiatives: Mapped[list[Initiative]] = relationship(
        back_populates="pillar",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Initiative.code",
    )


initiative_partner = Table(
    "initiative_partner",
    Base.metadata,
    Column(
        "initiative_id",
        ForeignKey("initiative.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "organization_id",
        ForeignKey("organization.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Initiative(Versioned, Base):
    __tablename__ = "initiative"
    __table_args__ = (
        UniqueConstraint("pillar_id", "code"),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name="end_after_start",
        ),
        CheckConstraint("planned_budget IS NULL OR planned_budget >= 0", name="budget_positive"),
    )

    pillar_id: Mapped[int] = mapped_column(ForeignKey("pillar.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    description: Mapped[str] = note_column()
    lead_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[InitiativeStatus] = mapped_column(
        enum_column(InitiativeStatus, "initiative_status")
    )
    planned_budget: Mapped[Decimal | None] = mapped_column(money())

    pillar: Mapped[Pillar] = relationship(back_populates="initiatives")
    partners: Mapped[list[Organization]] = relationship(secondary=initiative_partner)
    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Milestone.due_date"
    )
    budget_lines: Mapped[list[BudgetLine]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="BudgetLine.year"
    )


class Milestone(Versioned, Base):
    __tablename__ = "milestone"

    initiative_id: Mapped[int] = mapped_column(
        ForeignKey("initiative.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(NAME_LENGTH))
    due_date: Mapped[date] = mapped_column(Date)
    done_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = note_column()


class BudgetLine(Versioned, Base):
    __tablename__ = "budget_line"
    __table_args__ = (
        UniqueConstraint("initiative_id", "year"),
        CheckConstraint("year >= 1900 AND year <= 2200", name="year_range"),
        CheckConstraint(
            "planned >= 0 AND committed >= 0 AND disbursed >= 0", name="amounts_positive"
        ),
    )

    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    planned: Mapped[Decimal] = mapped_column(money(), default=Decimal(0))
    committed: Mapped[Decimal] = mapped_column(money(), default=Decimal(0))
    disbursed: Mapped[Decimal] = mapped_column(money(), default=Decimal(0))


__all__ = [
    "BudgetLine",
    "ContractProgram",
    "Initiative",
    "Milestone",
    "Organization",
    "Pillar",
    "ProgramParty",
    "initiative_partner",
]
