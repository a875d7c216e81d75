"""The parties to a program: who signs, funds or partners it, and in which role."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pilotage.db.base import NAME_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Organization, ProgramParty
from pilotage.domain.enums import AuditAction, PartyRole
from pilotage.services import audit
from pilotage.services.input_types import check_types, enum_value
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker

ENTITY = "program_party"

# Parties are listed authority first, as on the signed document.
_ROLE_ORDER = {role: index for index, role in enumerate(PartyRole)}


@dataclass(frozen=True)
class PartyInput:
    organization_id: int
    role: PartyRole
    signatory_name: str = ""
    signatory_title: str = ""


@dataclass(frozen=True)
class PartyRow:
    id: int
    version: int
    program_id: int
    organization_id: int
    organization_name: str
    organization_acronym: str | None
    role: PartyRole
    signatory_name: str
    signatory_title: str

    @property
    def organization_label(self) -> str:
        if self.organization_acronym:
            return f"{self.organization_name} ({self.organization_acronym})"
        return self.organization_name


def _row(party: ProgramParty, name: str, acronym: str | None) -> PartyRow:
    return PartyRow(
        id=party.id,
        version=party.version,
        program_id=party.program_id,
        organization_id=party.organization_id,
        organization_name=name,
        organization_acronym=acronym,
        role=party.role,
        signatory_name=party.signatory_name,
        signatory_title=party.signatory_title,
    )


def _fields(row: PartyRow) -> dict[str, object]:
    """The editable fields of a row, as `_clean` returns them, for the audit diff."""
    values = asdict(row)
    return {
        key: values[key] for key in ("organization_id", "role", "signatory_name", "signatory_title")
    }


def role_label(role: PartyRole) -> str:
    return role.value.replace("_", " ")


def _clean(
    session: Session, program_id: int, data: PartyInput, exclude_id: int | None
) -> tuple[dict[str, object], Organization | None]:
    check_types(data)
    check = Checker()
    role = enum_value(check, "role", data.role, PartyRole, "a role in a program")
    values: dict[str, object] = {
        "organization_id": data.organization_id,
        "role": role,
        "signatory_name": check.text("signatory_name", data.signatory_name, max_length=NAME_LENGTH),
        "signatory_title": check.text(
            "signatory_title", data.signatory_title, max_length=NAME_LENGTH
        ),
    }
    organization = session.get(Organization, data.organization_id)
    if organization is None:
        check.add("organization_id", f"organization {data.organization_id} does not exist")
    if organization is not None and role is not None:
        clash = select(ProgramParty.id).where(
            ProgramParty.program_id == program_id,
            ProgramParty.organization_id == organization.id,
            ProgramParty.role == role,
        )
        if exclude_id is not None:
            clash = clash.where(ProgramParty.id != exclude_id)
        if session.scalar(clash) is not None:
            check.add("role", f"{organization.name} is already {role_label(role)} of this program")
    check.raise_if_any()
    return values, organization


def add_party(db: Database, program_id: int, data: PartyInput) -> PartyRow:
    with db.transaction() as session:
        load(session, ContractProgram, program_id)
        values, organization = _clean(session, program_id, data, None)
        assert organization is not None  # _clean raised otherwise
        party = ProgramParty(program_id=program_id, **values)
        session.add(party)
        session.flush()
        audit.record_created(session, ENTITY, party.id, {"program_id": program_id, **values})
        return _row(party, organization.name, organization.acronym)


def update_party(db: Database, party_id: int, version: int, data: PartyInput) -> PartyRow:
    with db.transaction() as session:
        party = load(session, ProgramParty, party_id)
        check_version(session, party, version)
        values, organization = _clean(session, party.program_id, data, party_id)
        assert organization is not None
        old = _row(party, party.organization.name, party.organization.acronym)
        changes = audit.diff(_fields(old), values)
        if not changes:
            return old
        for key, value in values.items():
            setattr(party, key, value)
        party.organization = organization
        session.flush()
        audit.record(session, ENTITY, party.id, AuditAction.UPDATE, changes)
        return _row(party, organization.name, organization.acronym)


def remove_party(db: Database, party_id: int, version: int) -> Snapshot:
    """Take an organization off a program; the organization itself stays."""
    with db.transaction() as session:
        party = load(session, ProgramParty, party_id)
        check_version(session, party, version)
        snapshot = capture(session, ENTITY, [party_id])
        values = {"program_id": party.program_id, **_fields(_row(party, "", None))}
        organization, role = party.organization.name, party.role
        session.delete(party)
        session.flush()
        audit.record_deleted(
            session,
            ENTITY,
            party_id,
            values,
            reason=f"{organization} removed as {role_label(role)}",
        )
        return snapshot


def get_party(db: Database, party_id: int) -> PartyRow:
    with db.reading() as session:
        party = load(session, ProgramParty, party_id)
        return _row(party, party.organization.name, party.organization.acronym)


def list_parties(db: Database, program_id: int) -> list[PartyRow]:
    """The program's parties with their organization's name, in one joined query."""
    with db.reading() as session:
        found = session.execute(
            select(ProgramParty, Organization.name, Organization.acronym)
            .join(Organization, Organization.id == ProgramParty.organization_id)
            .where(ProgramParty.program_id == program_id)
        )
        rows = [_row(party, name, acronym) for party, name, acronym in found]
    return sorted(rows, key=lambda r: (_ROLE_ORDER[r.role], r.organization_name.casefold(), r.id))
