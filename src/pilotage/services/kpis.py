"""KPIs of a program, a pillar or an initiative: create, edit, delete, list.

A KPI belongs to exactly one owner; its code is unique across the whole
program that owner belongs to, so that "K1.2" names one KPI in every report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Initiative, Kpi, Pillar
from pilotage.domain.enums import (
    Aggregation,
    AuditAction,
    Direction,
    Frequency,
    Measure,
    OwnerKind,
)
from pilotage.domain.errors import NotFoundError
from pilotage.domain.kpi_types import KpiSpec
from pilotage.services import audit
from pilotage.services.input_types import wrong_type
from pilotage.services.kpi_validation import clean_kpi
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import refuse

ENTITY = "kpi"


@dataclass(frozen=True)
class KpiOwner:
    """The one program, pillar or initiative a KPI belongs to."""

    kind: OwnerKind
    id: int


@dataclass(frozen=True)
class KpiInput:
    code: str
    name: str
    measure: Measure
    aggregation: Aggregation
    frequency: Frequency
    direction: Direction = Direction.INCREASE
    definition: str = ""
    unit: str = ""
    baseline_value: Decimal | None = None
    baseline_date: date | None = None
    target_value: Decimal | None = None
    target_date: date | None = None
    green: Decimal | None = None  # None: the engine's default (0.9)
    amber: Decimal | None = None  # None: the engine's default (0.7)
    data_source: str = ""
    responsible_organization_id: int | None = None
    means_of_verification: str = ""


@dataclass(frozen=True)
class KpiRow:
    id: int
    version: int
    owner_kind: OwnerKind
    owner_id: int
    program_id: int
    code: str
    name: str
    definition: str
    unit: str
    measure: Measure
    direction: Direction
    aggregation: Aggregation
    frequency: Frequency
    baseline_value: Decimal | None
    baseline_date: date | None
    target_value: Decimal | None
    target_date: date | None
    green: Decimal | None
    amber: Decimal | None
    data_source: str
    responsible_organization_id: int | None
    means_of_verification: str

    @property
    def owner(self) -> KpiOwner:
        return KpiOwner(self.owner_kind, self.owner_id)


def owner_of(kpi: Kpi) -> KpiOwner:
    if kpi.program_id is not None:
        return KpiOwner(OwnerKind.PROGRAM, kpi.program_id)
    if kpi.pillar_id is not None:
        return KpiOwner(OwnerKind.PILLAR, kpi.pillar_id)
    if kpi.initiative_id is not None:
        return KpiOwner(OwnerKind.INITIATIVE, kpi.initiative_id)
    raise AssertionError(f"kpi {kpi.id} has no owner")  # the CHECK constraint forbids it


def kpi_row(kpi: Kpi, program_id: int) -> KpiRow:
    owner = owner_of(kpi)
    return KpiRow(
        id=kpi.id,
        version=kpi.version,
        owner_kind=owner.kind,
        owner_id=owner.id,
        program_id=program_id,
        code=kpi.code,
        name=kpi.name,
        definition=kpi.definition,
        unit=kpi.unit,
        measure=kpi.measure,
        direction=kpi.direction,
        aggregation=kpi.aggregation,
        frequency=kpi.frequency,
        baseline_value=kpi.baseline_value,
        baseline_date=kpi.baseline_date,
        target_value=kpi.target_value,
        target_date=kpi.target_date,
        green=kpi.green,
        amber=kpi.amber,
        data_source=kpi.data_source,
        responsible_organization_id=kpi.responsible_organization_id,
        means_of_verification=kpi.means_of_verification,
    )


def kpi_spec(row: KpiRow) -> KpiSpec:
    """What the engine needs to know of a KPI."""
    return KpiSpec(
        measure=row.measure,
        direction=row.direction,
        aggregation=row.aggregation,
        frequency=row.frequency,
        baseline_value=row.baseline_value,
        baseline_date=row.baseline_date,
        target_value=row.target_value,
        target_date=row.target_date,
        green=row.green,
        amber=row.amber,
        unit=row.unit,
        definition=row.definition,
        data_source=row.data_source,
    )


# --- owners and programs ------------------------------------------------------


def _owner_program(session: Session, owner: KpiOwner) -> int:
    """The program of `owner`; NotFoundError when the owner does not exist."""
    if owner.kind is OwnerKind.PROGRAM:
        return load(session, ContractProgram, owner.id).id
    if owner.kind is OwnerKind.PILLAR:
        return load(session, Pillar, owner.id).program_id
    if owner.kind is OwnerKind.INITIATIVE:
        program_id = session.scalar(
            select(Pillar.program_id)
            .join(Initiative, Initiative.pillar_id == Pillar.id)
            .where(Initiative.id == owner.id)
        )
        if program_id is None:
            raise NotFoundError("initiative", owner.id)
        return program_id
    raise NotFoundError(str(owner.kind), owner.id)


def program_of(session: Session, kpi: Kpi) -> int:
    return _owner_program(session, owner_of(kpi))


# --- user actions -------------------------------------------------------------

_OWNER_COLUMNS = {
    OwnerKind.PROGRAM: "program_id",
    OwnerKind.PILLAR: "pillar_id",
    OwnerKind.INITIATIVE: "initiative_id",
}
# What a delete's audit entry keeps: the owner and every field of the input.
_OWNER_FIELDS = ("owner_kind", "owner_id")


def create_kpi(db: Database, owner: KpiOwner, data: KpiInput) -> KpiRow:
    """Define a KPI of a program, a pillar or an initiative (NotFoundError: no such owner)."""
    with db.transaction() as session:
        if not isinstance(owner, KpiOwner) or wrong_type(owner.id, int):
            refuse("owner", f"must be a program, pillar or initiative, not {owner!r}")
        try:
            owner = KpiOwner(OwnerKind(str(owner.kind)), owner.id)
        except ValueError:
            refuse("owner", f"{owner.kind!r} is not a program, pillar or initiative")
        program_id = _owner_program(session, owner)
        values = clean_kpi(session, data, program_id, None)
        owner_column = {_OWNER_COLUMNS[owner.kind]: owner.id}
        kpi = Kpi(**values, **owner_column)
        session.add(kpi)
        session.flush()
        audit.record_created(session, ENTITY, kpi.id, {**owner_column, **values})
        return kpi_row(kpi, program_id)


def update_kpi(db: Database, kpi_id: int, version: int, data: KpiInput) -> KpiRow:
    """Edit a KPI's definition; its owner stays."""
    with db.transaction() as session:
        kpi = load(session, Kpi, kpi_id)
        check_version(session, kpi, version)
        program_id = program_of(session, kpi)
        values = clean_kpi(session, data, program_id, kpi)
        changes = audit.diff(asdict(kpi_row(kpi, program_id)), values)
        if changes:
            for key, value in values.items():
                setattr(kpi, key, value)
            session.flush()
            audit.record(session, ENTITY, kpi.id, AuditAction.UPDATE, changes)
        return kpi_row(kpi, program_id)


def delete_kpi(db: Database, kpi_id: int, version: int) -> Snapshot:
    """Delete a KPI with its targets, measurements and their disaggregations."""
    with db.transaction() as session:
        kpi = load(session, Kpi, kpi_id)
        check_version(session, kpi, version)
        snapshot = capture(session, ENTITY, [kpi_id])
        row = asdict(kpi_row(kpi, program_of(session, kpi)))
        values = {key: row[key] for key in (*_OWNER_FIELDS, *(f.name for f in fields(KpiInput)))}
        session.delete(kpi)
        session.flush()
        audit.record_cascade(session, snapshot, f"deleted with KPI {values['code']}")
        audit.record_deleted(session, ENTITY, kpi_id, values, snapshot)
        return snapshot


def get_kpi(db: Database, kpi_id: int) -> KpiRow:
    with db.reading() as session:
        kpi = load(session, Kpi, kpi_id)
        return kpi_row(kpi, program_of(session, kpi))


def list_kpis(db: Database, program_id: int) -> list[KpiRow]:
    """Every KPI of the program whatever its owner, in tree order, in one statement
    (after the one that checks the program exists).

    Program KPIs come first, then pillar by pillar its own KPIs followed by
    those of its initiatives (by initiative code), each group by KPI code.
    """
    with db.reading() as session:
        load(session, ContractProgram, program_id)
        own_pillar = aliased(Pillar)
        initiative = aliased(Initiative)
        initiative_pillar = aliased(Pillar)
        query = (
            select(Kpi)
            .outerjoin(own_pillar, Kpi.pillar_id == own_pillar.id)
            .outerjoin(initiative, Kpi.initiative_id == initiative.id)
            .outerjoin(initiative_pillar, initiative.pillar_id == initiative_pillar.id)
            .where(
                or_(
                    Kpi.program_id == program_id,
                    own_pillar.program_id == program_id,
                    initiative_pillar.program_id == program_id,
                )
            )
            .order_by(
                func.coalesce(own_pillar.position, initiative_pillar.position, 0),
                case((Kpi.initiative_id.is_(None), 0), else_=1),
                initiative.code,
                Kpi.code,
            )
        )
        return [kpi_row(kpi, program_id) for kpi in session.scalars(query)]
