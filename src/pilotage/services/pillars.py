"""Pillars of a program: codes unique in the program, positions always 1..n."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from pilotage.db.base import CODE_LENGTH, NAME_LENGTH, NOTE_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Pillar, metadata
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.domain.messages import translate
from pilotage.services import audit
from pilotage.services.input_types import check_types, wrong_type
from pilotage.services.records import (
    POSITION_PARKING,
    DeletedMeanwhileError,
    Snapshot,
    capture,
    check_version,
    deleted_value,
    deletion,
    load,
    lock_pillar_positions,
    position_conflict,
    shift_positions,
)
from pilotage.services.validation import Checker, refuse

ENTITY = "pillar"


@dataclass(frozen=True)
class PillarInput:
    code: str
    title: str
    objective: str = ""


@dataclass(frozen=True)
class PillarRow:
    id: int
    version: int
    program_id: int
    position: int
    code: str
    title: str
    objective: str


def _row(pillar: Pillar) -> PillarRow:
    return PillarRow(
        id=pillar.id,
        version=pillar.version,
        program_id=pillar.program_id,
        position=pillar.position,
        code=pillar.code,
        title=pillar.title,
        objective=pillar.objective,
    )


def _clean(
    session: Session, program_id: int, data: PillarInput, exclude_id: int | None
) -> dict[str, object]:
    check_types(data)
    check = Checker()
    code = check.code("code", data.code, max_length=CODE_LENGTH)
    values: dict[str, object] = {
        "code": code,
        "title": check.text("title", data.title, max_length=NAME_LENGTH, required=True),
        "objective": check.text("objective", data.objective, max_length=NOTE_LENGTH),
    }
    if code:
        others = select(Pillar.code).where(Pillar.program_id == program_id)
        if exclude_id is not None:
            others = others.where(Pillar.id != exclude_id)
        # "p1" next to "P1" would only confuse: codes are compared without case.
        if code.casefold() in {c.casefold() for c in session.scalars(others)}:
            check.add("code", f"{code} is already the code of another pillar of this program")
    check.raise_if_any()
    return values


def create_pillar(db: Database, program_id: int, data: PillarInput) -> PillarRow:
    """Add a pillar after the program's last one."""
    with db.transaction() as session:
        _lock_program(session, program_id)
        values = _clean(session, program_id, data, None)
        last = session.scalar(
            select(func.max(Pillar.position)).where(Pillar.program_id == program_id)
        )
        position = (last or 0) + 1
        pillar = Pillar(program_id=program_id, position=position, **values)
        session.add(pillar)
        session.flush()
        audit.record_created(
            session, ENTITY, pillar.id, {"program_id": program_id, "position": position, **values}
        )
        return _row(pillar)


def update_pillar(db: Database, pillar_id: int, version: int, data: PillarInput) -> PillarRow:
    with db.transaction() as session:
        pillar = load(session, Pillar, pillar_id)
        check_version(session, pillar, version)
        values = _clean(session, pillar.program_id, data, pillar_id)
        changes = audit.diff(asdict(_row(pillar)), values)
        if changes:
            for key, value in values.items():
                setattr(pillar, key, value)
            session.flush()
            audit.record(session, ENTITY, pillar.id, AuditAction.UPDATE, changes)
        return _row(pillar)


def _locked(session: Session, pillar_id: int) -> Pillar:
    """The pillar as it is once its program's pillars are locked (no one else may move or
    delete them until this transaction ends), read again after the lock: another analyst
    may have deleted it while this action waited for the lock (PostgreSQL), or before."""
    pillar = session.get(Pillar, pillar_id)
    if pillar is None:
        raise _gone(session, pillar_id)
    lock_pillar_positions(session, pillar.program_id)
    now = session.scalars(
        select(Pillar).where(Pillar.id == pillar_id).execution_options(populate_existing=True)
    ).first()
    if now is None:
        raise _gone(session, pillar_id)
    return now


def _lock_program(session: Session, program_id: int) -> None:
    """Lock the program's pillars (`lock_pillar_positions`), refusing a program deleted
    by another analyst, before or while this action waited for the lock (PostgreSQL:
    its pillars would otherwise be written for a program that no longer exists)."""
    if session.get(ContractProgram, program_id) is None or not lock_pillar_positions(
        session, program_id
    ):
        entry = deletion(session, "contract_program", program_id)
        if entry is None:
            raise NotFoundError("contract_program", program_id)
        reference = deleted_value(entry, "reference")
        text = translate("Conflicts", "program {reference} was deleted by {by} at {at}")
        raise DeletedMeanwhileError(entry, reference, text, reference=reference)


def _gone(session: Session, pillar_id: int) -> PilotageError:
    """The refusal of an action on a pillar that no longer exists: who deleted it and
    when, from the audit log; a pillar never seen stays "does not exist"."""
    entry = deletion(session, ENTITY, pillar_id)
    if entry is None:
        return NotFoundError(ENTITY, pillar_id)
    code = deleted_value(entry, "code")
    text = translate("Conflicts", "pillar {code} was deleted by {by} at {at}")
    return DeletedMeanwhileError(entry, code, text, code=code)


def delete_pillar(db: Database, pillar_id: int, version: int) -> Snapshot:
    """Delete a pillar with its initiatives, KPIs and all below; the next pillars move up."""
    with db.transaction() as session:
        pillar = _locked(session, pillar_id)
        check_version(session, pillar, version)
        snapshot = capture(session, ENTITY, [pillar_id])
        values = asdict(_row(pillar))
        program_id, position, code = pillar.program_id, pillar.position, pillar.code
        session.delete(pillar)
        session.flush()
        audit.record_cascade(session, snapshot, f"deleted with pillar {code}")
        audit.record_deleted(session, ENTITY, pillar_id, values, snapshot)
        shift_positions(session, program_id, position + 1, -1, reason=f"pillar {code} deleted")
        return snapshot


def _apply_order(
    session: Session, program_id: int, ordered_ids: Sequence[int], reason: str
) -> list[PillarRow]:
    """Give the pillars positions 1..n in `ordered_ids` order; audit each one that moved.

    Versions stay as they are: a position is not part of what a pillar's version
    guards, so an analyst's open form on a pillar that moved is still saved. A
    move or reorder decided from an old order is refused on the positions seen
    instead (`_check_seen`).
    """
    current = dict(
        session.execute(
            select(Pillar.id, Pillar.position).where(Pillar.program_id == program_id)
        ).all()
    )
    moves = [
        (pillar_id, current[pillar_id], new)
        for new, pillar_id in enumerate(ordered_ids, start=1)
        if current[pillar_id] != new
    ]
    if moves:
        table = metadata.tables[ENTITY]
        # Positions are unique and SQLite checks them row by row: park the movers first.
        session.execute(
            update(table)
            .where(table.c.id.in_([pillar_id for pillar_id, _, _ in moves]))
            .values(position=table.c.position + POSITION_PARKING)
        )
        session.execute(
            update(table)
            .where(table.c.id == bindparam("pillar_id"))
            .values(position=bindparam("new_position")),
            [{"pillar_id": pillar_id, "new_position": new} for pillar_id, _, new in moves],
        )
        audit.record_many(
            session,
            [
                (ENTITY, pillar_id, AuditAction.UPDATE, {"position": (str(old), str(new))})
                for pillar_id, old, new in moves
            ],
            reason=reason,
        )
        # The Core updates bypassed the identity map: reread what was loaded.
        session.expire_all()
    pillars = session.scalars(
        select(Pillar).where(Pillar.program_id == program_id).order_by(Pillar.position)
    )
    return [_row(p) for p in pillars]


def _check_seen(session: Session, pillar: Pillar, seen_position: int) -> None:
    """Refuse a move decided from an order that changed since: the pillar is no longer
    where the analyst saw it (someone else moved it, or added or removed a pillar above
    it), and moving it now would silently undo that. Names who and when."""
    if pillar.position != seen_position:
        raise position_conflict(session, pillar.id)


def move_pillar(
    db: Database, pillar_id: int, new_position: int, seen_position: int
) -> list[PillarRow]:
    """Move one pillar to `new_position` (1..n); returns the program's pillars in order.

    `seen_position` is where the analyst saw the pillar: if it is elsewhere now,
    the move is refused as a conflict. A change of its code or title meanwhile is
    not (the move changes neither), and no pillar's version changes.
    """
    check = Checker()
    for field, value in (("new_position", new_position), ("seen_position", seen_position)):
        problem = wrong_type(value, int)
        if problem:
            check.add(field, problem)
    check.raise_if_any()
    with db.transaction() as session:
        pillar = _locked(session, pillar_id)
        _check_seen(session, pillar, seen_position)
        order = list(
            session.scalars(
                select(Pillar.id)
                .where(Pillar.program_id == pillar.program_id)
                .order_by(Pillar.position)
            )
        )
        if not 1 <= new_position <= len(order):
            check.add("new_position", f"must be between 1 and {len(order)}")
            check.raise_if_any()
        order.remove(pillar_id)
        order.insert(new_position - 1, pillar_id)
        return _apply_order(
            session,
            pillar.program_id,
            order,
            reason=f"pillar {pillar.code} moved to position {new_position}",
        )


def _check_pairs(ordered: object) -> None:
    """Refuse, on "ordered", what is not a list of (pillar id, position seen) pairs of
    whole numbers, before any of it is read."""
    if not isinstance(ordered, list | tuple):
        text = translate(
            "Import", "must be a list of (pillar id, position seen) pairs, not {value}"
        )
        refuse("ordered", text.format(value=repr(ordered)))
    check = Checker()
    for number, pair in enumerate(ordered, start=1):
        if (
            not isinstance(pair, list | tuple)
            or len(pair) != 2
            or any(wrong_type(value, int) for value in pair)
        ):
            text = translate(
                "Import",
                "line {number}: must be a pillar id and the position it was seen at "
                "(whole numbers), not {value}",
            )
            check.add("ordered", text.format(number=number, value=repr(pair)))
    check.raise_if_any()


def reorder_pillars(
    db: Database, program_id: int, ordered: Sequence[tuple[int, int]]
) -> list[PillarRow]:
    """Set the order of all of a program's pillars at once (e.g. after a drag and drop).

    `ordered` lists (id, position seen) pairs in the new order: the position is
    where the analyst saw the pillar before reordering. If any pillar is no
    longer there (someone else moved, added or removed pillars), the whole order
    is refused as a conflict naming the first such pillar of the list. Edits of
    codes or titles meanwhile are not a conflict: the order does not change them.
    """
    _check_pairs(ordered)
    with db.transaction() as session:
        _lock_program(session, program_id)
        pillars = {
            p.id: p
            for p in session.scalars(
                select(Pillar).where(Pillar.program_id == program_id).order_by(Pillar.position)
            )
        }
        ordered_ids = [pillar_id for pillar_id, _ in ordered]
        check = Checker()
        repeated = sorted(i for i, n in Counter(ordered_ids).items() if n > 1)
        unknown = sorted(set(ordered_ids) - set(pillars))
        missing = [p.code for pillar_id, p in pillars.items() if pillar_id not in ordered_ids]
        if repeated:
            listed = ", ".join(pillars[i].code if i in pillars else str(i) for i in repeated)
            check.add("ordered", f"lists {listed} more than once")
        if unknown:
            listed = ", ".join(str(i) for i in unknown)
            check.add("ordered", f"pillars {listed} are not pillars of this program")
        if missing:
            check.add("ordered", f"leaves out {', '.join(missing)}")
        check.raise_if_any()
        for pillar_id, seen_position in ordered:
            _check_seen(session, pillars[pillar_id], seen_position)
        return _apply_order(session, program_id, ordered_ids, reason="pillars reordered")


def list_pillars(db: Database, program_id: int) -> list[PillarRow]:
    with db.reading() as session:
        pillars = session.scalars(
            select(Pillar).where(Pillar.program_id == program_id).order_by(Pillar.position)
        )
        return [_row(p) for p in pillars]


def get_pillar(db: Database, pillar_id: int) -> PillarRow:
    with db.reading() as session:
        return _row(load(session, Pillar, pillar_id))
