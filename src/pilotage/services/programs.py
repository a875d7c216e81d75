"""Contract-programs: create, edit, delete (with all they own) and list."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pilotage.db.base import CODE_LENGTH, CURRENCY_LENGTH, NAME_LENGTH, NOTE_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram
from pilotage.domain.enums import AuditAction, ProgramStatus
from pilotage.services import audit
from pilotage.services.input_types import check_types, enum_value
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker

ENTITY = "contract_program"


@dataclass(frozen=True)
class ProgramInput:
    reference: str
    title: str
    start_date: date
    end_date: date
    status: ProgramStatus = ProgramStatus.DRAFT
    description: str = ""
    signed_on: date | None = None
    currency: str = "MAD"
    total_budget: Decimal | None = None


@dataclass(frozen=True)
class ProgramRow:
    id: int
    version: int
    reference: str
    title: str
    description: str
    signed_on: date | None
    start_date: date
    end_date: date
    status: ProgramStatus
    currency: str
    total_budget: Decimal | None


def program_row(program: ContractProgram) -> ProgramRow:
    return ProgramRow(
        id=program.id,
        version=program.version,
        reference=program.reference,
        title=program.title,
        description=program.description,
        signed_on=program.signed_on,
        start_date=program.start_date,
        end_date=program.end_date,
        status=program.status,
        currency=program.currency,
        total_budget=program.total_budget,
    )


def _clean(session: Session, data: ProgramInput, exclude_id: int | None) -> dict[str, object]:
    check_types(data)
    check = Checker()
    reference = check.code("reference", data.reference, max_length=CODE_LENGTH)
    currency = check.text("currency", data.currency, max_length=CURRENCY_LENGTH, required=True)
    if currency and (len(currency) != 3 or not currency.isalpha()):
        check.add("currency", "must be a three-letter ISO code such as MAD or EUR")
    values: dict[str, object] = {
        "reference": reference,
        "title": check.text("title", data.title, max_length=NAME_LENGTH, required=True),
        "description": check.text("description", data.description, max_length=NOTE_LENGTH),
        "signed_on": data.signed_on,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "status": enum_value(check, "status", data.status, ProgramStatus, "a program status"),
        "currency": currency.upper(),
        "total_budget": check.decimal(
            "total_budget", data.total_budget, places=2, minimum=Decimal(0), maximum_digits=18
        ),
    }
    check.require("start_date", data.start_date)
    check.require("end_date", data.end_date)
    check.date_order("end_date", data.start_date, data.end_date, "must not be before the start")
    if reference:
        clash = select(ContractProgram.id).where(ContractProgram.reference == reference)
        if exclude_id is not None:
            clash = clash.where(ContractProgram.id != exclude_id)
        if session.scalar(clash) is not None:
            check.add("reference", f"{reference} is already the reference of another program")
    check.raise_if_any()
    return values


def create_program(db: Database, data: ProgramInput) -> ProgramRow:
    with db.transaction() as session:
        values = _clean(session, data, None)
        program = ContractProgram(**values)
        session.add(program)
        session.flush()
        audit.record_created(session, ENTITY, program.id, values)
        return program_row(program)


def update_program(db: Database, program_id: int, version: int, data: ProgramInput) -> ProgramRow:
    with db.transaction() as session:
        program = load(session, ContractProgram, program_id)
        check_version(session, program, version)
        values = _clean(session, data, program_id)
        changes = audit.diff(asdict(program_row(program)), values)
        if changes:
            for key, value in values.items():
                setattr(program, key, value)
            session.flush()
            audit.record(session, ENTITY, program.id, AuditAction.UPDATE, changes)
        return program_row(program)


def delete_program(db: Database, program_id: int, version: int) -> Snapshot:
    """Delete a program with its parties, pillars, initiatives, KPIs and measurements.

    Organizations stay: they are referenced, not owned.
    """
    with db.transaction() as session:
        program = load(session, ContractProgram, program_id)
        check_version(session, program, version)
        snapshot = capture(session, ENTITY, [program_id])
        values = asdict(program_row(program))
        session.delete(program)
        session.flush()
        audit.record_cascade(session, snapshot, f"deleted with program {values['reference']}")
        audit.record_deleted(session, ENTITY, program_id, values, snapshot)
        return snapshot


def list_programs(db: Database) -> list[ProgramRow]:
    with db.reading() as session:
        programs = session.scalars(select(ContractProgram).order_by(ContractProgram.reference))
        return [program_row(p) for p in programs]


def get_program(db: Database, program_id: int) -> ProgramRow:
    with db.reading() as session:
        return program_row(load(session, ContractProgram, program_id))


def find_program(db: Database, reference: str) -> ProgramRow | None:
    with db.reading() as session:
        program = session.scalars(
            select(ContractProgram).where(ContractProgram.reference == reference.strip())
        ).first()
        return program_row(program) if program else None
