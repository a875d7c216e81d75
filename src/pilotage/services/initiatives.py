"""Initiatives under a pillar: their lead, partners, dates, status and planned budget."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from pilotage.db.base import CODE_LENGTH, NAME_LENGTH, NOTE_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Initiative, Organization, Pillar
from pilotage.domain.enums import AuditAction, InitiativeStatus
from pilotage.domain.errors import NotFoundError
from pilotage.services import audit
from pilotage.services.input_types import check_types, enum_value, wrong_type
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker, refuse

ENTITY = "initiative"


@dataclass(frozen=True)
class InitiativeInput:
    code: str
    name: str
    description: str = ""
    lead_organization_id: int | None = None
    partner_ids: tuple[int, ...] = ()
    start_date: date | None = None
    end_date: date | None = None
    status: InitiativeStatus = InitiativeStatus.PLANNED
    planned_budget: Decimal | None = None


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    version: int
    pillar_id: int
    code: str
    name: str
    description: str
    lead_organization_id: int | None
    partner_ids: tuple[int, ...]
    start_date: date | None
    end_date: date | None
    status: InitiativeStatus
    planned_budget: Decimal | None
    # Dates outside the program's are allowed (plans slip) but worth pointing out.
    warnings: tuple[str, ...] = ()


def date_warnings(
    start: date | None, end: date | None, program_start: date, program_end: date
) -> tuple[str, ...]:
    """What an analyst should know about an initiative's dates against its program's."""
    found: list[str] = []
    if start is not None and start < program_start:
        found.append(f"starts before the program ({start} < {program_start})")
    if start is not None and start > program_end:
        found.append(f"starts after the program ends ({start} > {program_end})")
    if end is not None and end > program_end:
        found.append(f"ends after the program ({end} > {program_end})")
    if end is not None and end < program_start:
        found.append(f"ends before the program starts ({end} < {program_start})")
    return tuple(found)


def _row(initiative: Initiative, program_start: date, program_end: date) -> InitiativeRow:
    return InitiativeRow(
        id=initiative.id,
        version=initiative.version,
        pillar_id=initiative.pillar_id,
        code=initiative.code,
        name=initiative.name,
        description=initiative.description,
        lead_organization_id=initiative.lead_organization_id,
        partner_ids=tuple(sorted(o.id for o in initiative.partners)),
        start_date=initiative.start_date,
        end_date=initiative.end_date,
        status=initiative.status,
        planned_budget=initiative.planned_budget,
        warnings=date_warnings(
            initiative.start_date, initiative.end_date, program_start, program_end
        ),
    )


def _row_in(session: Session, initiative: Initiative) -> InitiativeRow:
    program = load(session, ContractProgram, initiative.pillar.program_id)
    return _row(initiative, program.start_date, program.end_date)


def _clean(
    session: Session, program_id: int, data: InitiativeInput, exclude_id: int | None
) -> tuple[dict[str, object], list[Organization]]:
    """The values to store and the partner organizations, or every problem at once."""
    check_types(data)
    check = Checker()
    code = check.code("code", data.code, max_length=CODE_LENGTH)
    values: dict[str, object] = {
        "code": code,
        "name": check.text("name", data.name, max_length=NAME_LENGTH, required=True),
        "description": check.text("description", data.description, max_length=NOTE_LENGTH),
        "lead_organization_id": data.lead_organization_id,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "status": enum_value(
            check, "status", data.status, InitiativeStatus, "a status of an initiative"
        ),
        "planned_budget": check.decimal(
            "planned_budget", data.planned_budget, places=2, minimum=Decimal(0), maximum_digits=18
        ),
    }
    check.date_order("end_date", data.start_date, data.end_date, "must not be before the start")
    partner_ids = tuple(sorted(set(data.partner_ids)))
    lead = data.lead_organization_id
    wanted = set(partner_ids) | ({lead} if lead is not None else set())
    found = (
        {o.id: o for o in session.scalars(select(Organization).where(Organization.id.in_(wanted)))}
        if wanted
        else {}
    )
    if lead is not None and lead not in found:
        check.add("lead_organization_id", f"organization {lead} does not exist")
    unknown = [str(i) for i in partner_ids if i not in found]
    if len(unknown) == 1:
        check.add("partner_ids", f"organization {unknown[0]} does not exist")
    elif unknown:
        check.add("partner_ids", f"organizations {', '.join(unknown)} do not exist")
    if code:
        # Codes are unique in the whole program, so that "JIT" names one initiative.
        others = (
            select(Initiative.code, Pillar.code)
            .join(Pillar, Pillar.id == Initiative.pillar_id)
            .where(Pillar.program_id == program_id)
        )
        if exclude_id is not None:
            others = others.where(Initiative.id != exclude_id)
        for other_code, pillar_code in session.execute(others):
            if other_code.casefold() == code.casefold():
                check.add(
                    "code",
                    f"{code} is already the code of an initiative of this program "
                    f"(in pillar {pillar_code})",
                )
                break
    check.raise_if_any()
    values["partner_ids"] = partner_ids
    return values, [found[i] for i in partner_ids]


def _assign(
    initiative: Initiative, values: dict[str, object], partners: list[Organization]
) -> None:
    for key, value in values.items():
        if key != "partner_ids":
            setattr(initiative, key, value)
    initiative.partners = partners


def create_initiative(db: Database, pillar_id: int, data: InitiativeInput) -> InitiativeRow:
    with db.transaction() as session:
        pillar = load(session, Pillar, pillar_id)
        values, partners = _clean(session, pillar.program_id, data, None)
        initiative = Initiative(pillar=pillar)
        _assign(initiative, values, partners)
        session.add(initiative)
        session.flush()
        audit.record_created(session, ENTITY, initiative.id, {"pillar_id": pillar_id, **values})
        return _row_in(session, initiative)


def update_initiative(
    db: Database, initiative_id: int, version: int, data: InitiativeInput
) -> InitiativeRow:
    """Save the form; partners are replaced as a set (the audit lists old and new)."""
    with db.transaction() as session:
        initiative = load(session, Initiative, initiative_id)
        check_version(session, initiative, version)
        values, partners = _clean(session, initiative.pillar.program_id, data, initiative_id)
        old = _row_in(session, initiative)
        changes = audit.diff(asdict(old), values)
        if not changes:
            return old
        _assign(initiative, values, partners)
        # A change of partners alone touches only the link table; the version must move too.
        flag_modified(initiative, "code")
        session.flush()
        audit.record(session, ENTITY, initiative.id, AuditAction.UPDATE, changes)
        return _row_in(session, initiative)


def delete_initiative(db: Database, initiative_id: int, version: int) -> Snapshot:
    """Delete an initiative with its milestones, budget lines and KPIs (and all below).

    Its partner links go; the organizations stay.
    """
    with db.transaction() as session:
        initiative = load(session, Initiative, initiative_id)
        check_version(session, initiative, version)
        snapshot = capture(session, ENTITY, [initiative_id])
        values = asdict(_row_in(session, initiative))
        del values["warnings"]
        session.delete(initiative)
        session.flush()
        audit.record_cascade(session, snapshot, f"deleted with initiative {values['code']}")
        audit.record_deleted(session, ENTITY, initiative_id, values, snapshot)
        return snapshot


def move_initiative(
    db: Database, initiative_id: int, version: int, target_pillar_id: int
) -> InitiativeRow:
    """Move an initiative, with everything it owns, to another pillar of its program."""
    problem = wrong_type(target_pillar_id, int)
    if problem:
        refuse("target_pillar_id", problem)
    with db.transaction() as session:
        initiative = load(session, Initiative, initiative_id)
        check_version(session, initiative, version)
        source = initiative.pillar
        target = load(session, Pillar, target_pillar_id)
        if target.id == source.id:
            return _row_in(session, initiative)
        check = Checker()
        if target.program_id != source.program_id:
            check.add(
                "target_pillar_id",
                f"pillar {target.code} belongs to another program; "
                "an initiative moves only within its program",
            )
        else:
            clash = select(Initiative.id).where(
                Initiative.pillar_id == target.id,
                Initiative.code == initiative.code,
                Initiative.id != initiative_id,
            )
            if session.scalar(clash) is not None:
                check.add("code", f"{initiative.code} is already used in pillar {target.code}")
        check.raise_if_any()
        initiative.pillar = target
        session.flush()
        audit.record(
            session,
            ENTITY,
            initiative_id,
            AuditAction.UPDATE,
            {"pillar_id": (str(source.id), str(target.id))},
            reason=f"moved from pillar {source.code} to pillar {target.code}",
        )
        return _row_in(session, initiative)


def list_initiatives(db: Database, pillar_id: int) -> list[InitiativeRow]:
    """The pillar's initiatives by code, with partners: three statements whatever their number."""
    with db.reading() as session:
        dates = session.execute(
            select(ContractProgram.start_date, ContractProgram.end_date)
            .join(Pillar, Pillar.program_id == ContractProgram.id)
            .where(Pillar.id == pillar_id)
        ).first()
        if dates is None:
            raise NotFoundError("pillar", pillar_id)
        initiatives = session.scalars(
            select(Initiative)
            .where(Initiative.pillar_id == pillar_id)
            .options(selectinload(Initiative.partners))
            .order_by(Initiative.code)
        )
        return [_row(i, dates.start_date, dates.end_date) for i in initiatives]


def get_initiative(db: Database, initiative_id: int) -> InitiativeRow:
    with db.reading() as session:
        return _row_in(session, load(session, Initiative, initiative_id))
