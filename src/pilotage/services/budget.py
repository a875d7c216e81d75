"""Budget lines of an initiative, one per year, and the program's budget totals."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import BudgetLine, Initiative, Pillar
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.input_types import check_types
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker

ENTITY = "budget_line"
FIRST_YEAR, LAST_YEAR = 1900, 2200  # the table's CHECK
_AMOUNTS = ("planned", "committed", "disbursed")
ZERO = Decimal(0)


@dataclass(frozen=True)
class BudgetLineInput:
    year: int
    planned: Decimal = ZERO
    committed: Decimal = ZERO
    disbursed: Decimal = ZERO


@dataclass(frozen=True)
class BudgetLineRow:
    id: int
    version: int
    initiative_id: int
    year: int
    planned: Decimal
    committed: Decimal
    disbursed: Decimal
    # Spending beyond what was committed or planned happens; it is flagged, not refused.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class InitiativeBudget:
    """One initiative's budget lines added up (zero when it has none)."""

    initiative_id: int
    initiative_code: str
    initiative_name: str
    pillar_id: int
    pillar_code: str
    planned_budget: Decimal | None
    planned: Decimal
    committed: Decimal
    disbursed: Decimal


@dataclass(frozen=True)
class BudgetSummary:
    program_id: int
    initiatives: tuple[InitiativeBudget, ...]
    planned: Decimal
    committed: Decimal
    disbursed: Decimal


def _amount(value: Decimal) -> str:
    return f"{value:,.2f}"


def amount_warnings(planned: Decimal, committed: Decimal, disbursed: Decimal) -> tuple[str, ...]:
    found: list[str] = []
    if committed > planned:
        found.append(f"committed ({_amount(committed)}) exceeds planned ({_amount(planned)})")
    if disbursed > committed:
        found.append(f"disbursed ({_amount(disbursed)}) exceeds committed ({_amount(committed)})")
    return tuple(found)


def _row(line: BudgetLine) -> BudgetLineRow:
    return BudgetLineRow(
        id=line.id,
        version=line.version,
        initiative_id=line.initiative_id,
        year=line.year,
        planned=line.planned,
        committed=line.committed,
        disbursed=line.disbursed,
        warnings=amount_warnings(line.planned, line.committed, line.disbursed),
    )


def _clean(
    session: Session, initiative_id: int, data: BudgetLineInput, exclude_id: int | None
) -> dict[str, object]:
    check_types(data)
    check = Checker()
    values: dict[str, object] = {"year": data.year}
    for field in _AMOUNTS:
        values[field] = check.decimal(
            field,
            getattr(data, field),
            places=2,
            required=True,
            minimum=ZERO,
            maximum_digits=18,
        )
    year = data.year  # a whole number: check_types refused anything else, None included
    if not FIRST_YEAR <= year <= LAST_YEAR:
        check.add("year", f"must be a year between {FIRST_YEAR} and {LAST_YEAR}")
    else:
        clash = select(BudgetLine.id).where(
            BudgetLine.initiative_id == initiative_id, BudgetLine.year == year
        )
        if exclude_id is not None:
            clash = clash.where(BudgetLine.id != exclude_id)
        if session.scalar(clash) is not None:
            check.add("year", f"{data.year} already has a budget line for this initiative")
    check.raise_if_any()
    return values


def create_budget_line(db: Database, initiative_id: int, data: BudgetLineInput) -> BudgetLineRow:
    with db.transaction() as session:
        load(session, Initiative, initiative_id)
        values = _clean(session, initiative_id, data, None)
        line = BudgetLine(initiative_id=initiative_id, **values)
        session.add(line)
        session.flush()
        audit.record_created(session, ENTITY, line.id, {"initiative_id": initiative_id, **values})
        return _row(line)


def update_budget_line(
    db: Database, line_id: int, version: int, data: BudgetLineInput
) -> BudgetLineRow:
    with db.transaction() as session:
        line = load(session, BudgetLine, line_id)
        check_version(session, line, version)
        values = _clean(session, line.initiative_id, data, line_id)
        changes = audit.diff(asdict(_row(line)), values)
        if changes:
            for key, value in values.items():
                setattr(line, key, value)
            session.flush()
            audit.record(session, ENTITY, line.id, AuditAction.UPDATE, changes)
        return _row(line)


def delete_budget_line(db: Database, line_id: int, version: int) -> Snapshot:
    with db.transaction() as session:
        line = load(session, BudgetLine, line_id)
        check_version(session, line, version)
        snapshot = capture(session, ENTITY, [line_id])
        values = asdict(_row(line))
        del values["warnings"]
        session.delete(line)
        session.flush()
        audit.record_deleted(session, ENTITY, line_id, values)
        return snapshot


def get_budget_line(db: Database, line_id: int) -> BudgetLineRow:
    with db.reading() as session:
        return _row(load(session, BudgetLine, line_id))


def list_budget_lines(db: Database, initiative_id: int) -> list[BudgetLineRow]:
    with db.reading() as session:
        lines = session.scalars(
            select(BudgetLine)
            .where(BudgetLine.initiative_id == initiative_id)
            .order_by(BudgetLine.year)
        )
        return [_row(line) for line in lines]


def budget_summary(db: Database, program_id: int) -> BudgetSummary:
    """Planned, committed and disbursed per initiative and for the program.

    One aggregate query. SUM keeps the columns' ExactDecimal type, so on SQLite
    it adds the scaled integers and comes back as an exact Decimal.
    """
    sums = [func.sum(getattr(BudgetLine, field)) for field in _AMOUNTS]
    query = (
        select(
            Initiative.id,
            Initiative.code,
            Initiative.name,
            Pillar.id,
            Pillar.code,
            Initiative.planned_budget,
            *sums,
        )
        .join(Pillar, Pillar.id == Initiative.pillar_id)
        .outerjoin(BudgetLine, BudgetLine.initiative_id == Initiative.id)
        .where(Pillar.program_id == program_id)
        .group_by(Initiative.id, Pillar.id)
        .order_by(Pillar.position, Initiative.code)
    )
    with db.reading() as session:
        found = session.execute(query).all()
    initiatives = tuple(
        InitiativeBudget(
            initiative_id=r[0],
            initiative_code=r[1],
            initiative_name=r[2],
            pillar_id=r[3],
            pillar_code=r[4],
            planned_budget=r[5],
            planned=ZERO if r[6] is None else r[6],
            committed=ZERO if r[7] is None else r[7],
            disbursed=ZERO if r[8] is None else r[8],
        )
        for r in found
    )
    return BudgetSummary(
        program_id=program_id,
        initiatives=initiatives,
        planned=sum((i.planned for i in initiatives), ZERO),
        committed=sum((i.committed for i in initiatives), ZERO),
        disbursed=sum((i.disbursed for i in initiatives), ZERO),
    )
