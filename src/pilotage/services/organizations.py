"""Organizations: referenced by programs, initiatives and KPIs, never duplicated."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilotage.db.base import CODE_LENGTH, NAME_LENGTH, NOTE_LENGTH, URL_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Kpi, Organization, ProgramParty, initiative_partner
from pilotage.domain.enums import AuditAction, OrganizationKind
from pilotage.services import audit
from pilotage.services.input_types import check_types, enum_value
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker

ENTITY = "organization"


@dataclass(frozen=True)
class OrganizationInput:
    name: str
    kind: OrganizationKind
    acronym: str | None = None
    founded_year: int | None = None
    website: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    version: int
    name: str
    acronym: str | None
    kind: OrganizationKind
    founded_year: int | None
    website: str
    notes: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


def _row(org: Organization) -> OrganizationRow:
    return OrganizationRow(
        id=org.id,
        version=org.version,
        name=org.name,
        acronym=org.acronym,
        kind=org.kind,
        founded_year=org.founded_year,
        website=org.website,
        notes=org.notes,
    )


def _clean(taken_acronyms: set[str], data: OrganizationInput) -> dict[str, object]:
    check_types(data)
    check = Checker()
    values: dict[str, object] = {
        "name": check.text("name", data.name, max_length=NAME_LENGTH, required=True),
        "acronym": check.text("acronym", data.acronym, max_length=CODE_LENGTH) or None,
        "kind": enum_value(check, "kind", data.kind, OrganizationKind, "a kind of organization"),
        "founded_year": data.founded_year,
        "website": check.text("website", data.website, max_length=URL_LENGTH),
        "notes": check.text("notes", data.notes, max_length=NOTE_LENGTH),
    }
    if data.founded_year is not None and not 1000 <= data.founded_year <= 9999:
        check.add("founded_year", "must be a four-digit year")
    acronym = values["acronym"]
    if isinstance(acronym, str) and acronym.casefold() in taken_acronyms:
        check.add("acronym", f"{acronym} is already used by another organization")
    check.raise_if_any()
    return values


def _other_acronyms(session: Session, exclude_id: int | None) -> set[str]:
    query = select(Organization.acronym).where(Organization.acronym.is_not(None))
    if exclude_id is not None:
        query = query.where(Organization.id != exclude_id)
    return {a.casefold() for a in session.scalars(query) if a}


def create_organization(db: Database, data: OrganizationInput) -> OrganizationRow:
    with db.transaction() as session:
        values = _clean(_other_acronyms(session, None), data)
        org = Organization(**values)
        session.add(org)
        session.flush()
        audit.record_created(session, ENTITY, org.id, values)
        return _row(org)


def update_organization(
    db: Database, organization_id: int, version: int, data: OrganizationInput
) -> OrganizationRow:
    with db.transaction() as session:
        org = load(session, Organization, organization_id)
        check_version(session, org, version)
        values = _clean(_other_acronyms(session, organization_id), data)
        changes = audit.diff(asdict(_row(org)), values)
        if changes:
            for key, value in values.items():
                setattr(org, key, value)
            session.flush()
            audit.record(session, ENTITY, org.id, AuditAction.UPDATE, changes)
        return _row(org)


def delete_organization(db: Database, organization_id: int, version: int) -> Snapshot:
    """Delete an organization nobody refers to; otherwise say who refers to it."""
    with db.transaction() as session:
        org = load(session, Organization, organization_id)
        check_version(session, org, version)
        uses = {
            "program parties": select(func.count())
            .select_from(ProgramParty)
            .where(ProgramParty.organization_id == organization_id),
            "initiatives it leads": select(func.count())
            .select_from(Initiative)
            .where(Initiative.lead_organization_id == organization_id),
            "initiatives it partners": select(func.count())
            .select_from(initiative_partner)
            .where(initiative_partner.c.organization_id == organization_id),
            "KPIs it is responsible for": select(func.count())
            .select_from(Kpi)
            .where(Kpi.responsible_organization_id == organization_id),
        }
        counts = {label: session.scalar(query) or 0 for label, query in uses.items()}
        used = [f"{n} {label}" for label, n in counts.items() if n]
        if used:
            check = Checker()
            check.add("", f"{org.name} is still referenced ({', '.join(used)}); it was not deleted")
            check.raise_if_any()
        snapshot = capture(session, ENTITY, [organization_id])
        values = asdict(_row(org))
        session.delete(org)
        session.flush()
        audit.record_deleted(session, ENTITY, organization_id, values)
        return snapshot


def list_organizations(db: Database) -> list[OrganizationRow]:
    with db.reading() as session:
        orgs = session.scalars(select(Organization).order_by(Organization.name)).all()
        return [_row(o) for o in orgs]


def get_organization(db: Database, organization_id: int) -> OrganizationRow:
    with db.reading() as session:
        return _row(load(session, Organization, organization_id))
