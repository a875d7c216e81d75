"""Milestones of an initiative, and which of a program's are late on a given date."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import or_, select

from pilotage.db.base import NAME_LENGTH, NOTE_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Milestone, Pillar
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.input_types import type_problems
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker

ENTITY = "milestone"


@dataclass(frozen=True)
class MilestoneInput:
    title: str
    due_date: date
    done_date: date | None = None
    note: str = ""


def is_late(due_date: date, done_date: date | None, as_of: date) -> bool:
    """Due before `as_of` and not done by then (done on or before `as_of` counts as done)."""
    return due_date < as_of and (done_date is None or done_date > as_of)


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    version: int
    initiative_id: int
    title: str
    due_date: date
    done_date: date | None
    note: str

    def is_late(self, as_of: date) -> bool:
        return is_late(self.due_date, self.done_date, as_of)


@dataclass(frozen=True)
class LateMilestoneRow:
    """A late milestone with what a dashboard shows next to it."""

    id: int
    version: int
    initiative_id: int
    initiative_code: str
    initiative_name: str
    pillar_id: int
    pillar_code: str
    title: str
    due_date: date
    done_date: date | None
    note: str
    days_late: int


def _row(milestone: Milestone) -> MilestoneRow:
    return MilestoneRow(
        id=milestone.id,
        version=milestone.version,
        initiative_id=milestone.initiative_id,
        title=milestone.title,
        due_date=milestone.due_date,
        done_date=milestone.done_date,
        note=milestone.note,
    )


def _clean(data: MilestoneInput) -> dict[str, object]:
    check = Checker()
    # Wrong types are listed with the other problems rather than alone, so that a form
    # left without title and due date hears of both; a wrong-typed field skips its rules.
    wrong = type_problems(data)
    check.problems.extend(wrong)
    skipped = {problem.field for problem in wrong}
    values: dict[str, object] = {
        "title": ""
        if "title" in skipped
        else check.text("title", data.title, max_length=NAME_LENGTH, required=True),
        "due_date": data.due_date,
        "done_date": data.done_date,
        "note": "" if "note" in skipped else check.text("note", data.note, max_length=NOTE_LENGTH),
    }
    check.raise_if_any()
    return values


def create_milestone(db: Database, initiative_id: int, data: MilestoneInput) -> MilestoneRow:
    with db.transaction() as session:
        load(session, Initiative, initiative_id)
        values = _clean(data)
        milestone = Milestone(initiative_id=initiative_id, **values)
        session.add(milestone)
        session.flush()
        audit.record_created(
            session, ENTITY, milestone.id, {"initiative_id": initiative_id, **values}
        )
        return _row(milestone)


def update_milestone(
    db: Database, milestone_id: int, version: int, data: MilestoneInput
) -> MilestoneRow:
    with db.transaction() as session:
        milestone = load(session, Milestone, milestone_id)
        check_version(session, milestone, version)
        values = _clean(data)
        changes = audit.diff(asdict(_row(milestone)), values)
        if changes:
            for key, value in values.items():
                setattr(milestone, key, value)
            session.flush()
            audit.record(session, ENTITY, milestone.id, AuditAction.UPDATE, changes)
        return _row(milestone)


def delete_milestone(db: Database, milestone_id: int, version: int) -> Snapshot:
    with db.transaction() as session:
        milestone = load(session, Milestone, milestone_id)
        check_version(session, milestone, version)
        snapshot = capture(session, ENTITY, [milestone_id])
        values = asdict(_row(milestone))
        session.delete(milestone)
        session.flush()
        audit.record_deleted(session, ENTITY, milestone_id, values)
        return snapshot


def get_milestone(db: Database, milestone_id: int) -> MilestoneRow:
    with db.reading() as session:
        return _row(load(session, Milestone, milestone_id))


def list_milestones(db: Database, initiative_id: int) -> list[MilestoneRow]:
    with db.reading() as session:
        milestones = session.scalars(
            select(Milestone)
            .where(Milestone.initiative_id == initiative_id)
            .order_by(Milestone.due_date, Milestone.id)
        )
        return [_row(m) for m in milestones]


def list_late_milestones(db: Database, program_id: int, as_of: date) -> list[LateMilestoneRow]:
    """Every milestone of the program late on `as_of`, most overdue first, in one query."""
    with db.reading() as session:
        found = session.execute(
            select(Milestone, Initiative.code, Initiative.name, Pillar.id, Pillar.code)
            .join(Initiative, Initiative.id == Milestone.initiative_id)
            .join(Pillar, Pillar.id == Initiative.pillar_id)
            .where(
                Pillar.program_id == program_id,
                Milestone.due_date < as_of,
                or_(Milestone.done_date.is_(None), Milestone.done_date > as_of),
            )
            .order_by(Milestone.due_date, Pillar.position, Initiative.code, Milestone.id)
        )
        return [
            LateMilestoneRow(
                id=m.id,
                version=m.version,
                initiative_id=m.initiative_id,
                initiative_code=initiative_code,
                initiative_name=initiative_name,
                pillar_id=pillar_id,
                pillar_code=pillar_code,
                title=m.title,
                due_date=m.due_date,
                done_date=m.done_date,
                note=m.note,
                days_late=(as_of - m.due_date).days,
            )
            for m, initiative_code, initiative_name, pillar_id, pillar_code in found
        ]
