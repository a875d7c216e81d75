from __future__ import annotations

import json
from datetime import date

import pytest
from service_support import AuditLog, Count, Statements

from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.services.initiatives import InitiativeInput, InitiativeRow, create_initiative
from pilotage.services.milestones import (
    MilestoneInput,
    MilestoneRow,
    create_milestone,
    delete_milestone,
    list_late_milestones,
    list_milestones,
    update_milestone,
)
from pilotage.services.pillars import PillarInput, PillarRow, create_pillar
from pilotage.services.programs import ProgramInput, ProgramRow, create_program
from pilotage.services.undo import restore_deleted

PILOT = MilestoneInput("Pilot cohort graduates", date(2024, 9, 30), note="1 000 learners")


def test_create_returns_a_plain_row_and_audits_it(
    db: Database, initiative: InitiativeRow, audit_log: AuditLog
) -> None:
    row = create_milestone(db, initiative.id, PILOT)
    assert (row.initiative_id, row.title, row.due_date, row.done_date, row.note, row.version) == (
        initiative.id,
        "Pilot cohort graduates",
        date(2024, 9, 30),
        None,
        "1 000 learners",
        1,
    )
    entry = audit_log()[-1]
    assert (entry.entity, entry.entity_id, entry.action) == ("milestone", row.id, "create")
    assert json.loads(entry.changes) == {
        "initiative_id": [None, str(initiative.id)],
        "title": [None, "Pilot cohort graduates"],
        "due_date": [None, "2024-09-30"],
        "note": [None, "1 000 learners"],
    }


def test_every_problem_is_listed_and_nothing_is_written(
    db: Database, initiative: InitiativeRow, count: Count, audit_log: AuditLog
) -> None:
    before = len(audit_log())
    with pytest.raises(ValidationError) as caught:
        create_milestone(db, initiative.id, MilestoneInput("  ", None))  # type: ignore[arg-type]
    assert {p.field: p.message for p in caught.value.problems} == {
        "title": "is required",
        "due_date": "is required",
    }
    with pytest.raises(ValidationError) as caught:
        create_milestone(db, initiative.id, MilestoneInput("t" * 301, date(2024, 1, 1)))
    assert caught.value.fields() == {"title"}
    with pytest.raises(NotFoundError):
        create_milestone(db, 999, PILOT)
    assert count("milestone") == 0
    assert len(audit_log()) == before


def test_list_is_ordered_by_due_date(db: Database, initiative: InitiativeRow) -> None:
    later = create_milestone(db, initiative.id, MilestoneInput("Later", date(2025, 6, 1)))
    sooner = create_milestone(db, initiative.id, MilestoneInput("Sooner", date(2024, 6, 1)))
    assert list_milestones(db, initiative.id) == [sooner, later]


def test_update_audits_the_diff_writes_nothing_unchanged_and_refuses_stale(
    db: Database, initiative: InitiativeRow, audit_log: AuditLog
) -> None:
    row = create_milestone(db, initiative.id, PILOT)
    done = MilestoneInput(PILOT.title, PILOT.due_date, date(2024, 10, 15), PILOT.note)
    changed = update_milestone(db, row.id, row.version, done)
    assert (changed.done_date, changed.version) == (date(2024, 10, 15), 2)
    assert json.loads(audit_log()[-1].changes) == {"done_date": [None, "2024-10-15"]}
    entries = len(audit_log())
    assert update_milestone(db, row.id, changed.version, done) == changed
    assert len(audit_log()) == entries
    with pytest.raises(ConflictError):
        update_milestone(db, row.id, row.version, PILOT)
    with pytest.raises(ConflictError):
        delete_milestone(db, row.id, row.version)


def test_delete_and_undo(
    db: Database, initiative: InitiativeRow, count: Count, audit_log: AuditLog
) -> None:
    row = create_milestone(db, initiative.id, PILOT)
    other = create_milestone(db, initiative.id, MilestoneInput("Other", date(2025, 1, 1)))
    snapshot = delete_milestone(db, row.id, row.version)
    assert [name for name, _ in snapshot.tables] == ["milestone"]
    assert count("milestone") == 1
    assert count("initiative") == 1
    entry = audit_log()[-1]
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.DELETE)
    assert json.loads(entry.changes)["title"] == ["Pilot cohort graduates", None]
    restore_deleted(db, snapshot)
    assert list_milestones(db, initiative.id) == [row, other]


@pytest.mark.parametrize(
    ("due", "done", "late"),
    [
        (date(2024, 6, 29), None, True),  # due the day before, not done
        (date(2024, 6, 30), None, False),  # due today: not late yet
        (date(2024, 7, 1), None, False),
        (date(2024, 6, 1), date(2024, 6, 30), False),  # done on the as-of date counts
        (date(2024, 6, 1), date(2024, 5, 1), False),  # done early
        (date(2024, 6, 1), date(2024, 7, 1), True),  # done, but only after the as-of date
    ],
)
def test_is_late(due: date, done: date | None, late: bool) -> None:
    row = MilestoneRow(1, 1, 1, "m", due, done, "")
    assert row.is_late(date(2024, 6, 30)) is late


def test_late_milestones_of_a_program_in_one_query(
    db: Database,
    program: ProgramRow,
    pillar: PillarRow,
    initiative: InitiativeRow,
    statements: Statements,
) -> None:
    p2 = create_pillar(db, program.id, PillarInput("P2", "Écosystème"))
    startups = create_initiative(db, p2.id, InitiativeInput("S1", "Startup Factory"))
    as_of = date(2025, 3, 31)
    late_a = create_milestone(db, initiative.id, MilestoneInput("Cohort 2", date(2025, 1, 31)))
    late_b = create_milestone(db, startups.id, MilestoneInput("Call", date(2024, 12, 31)))
    late_c = create_milestone(
        db, startups.id, MilestoneInput("Selection", date(2025, 2, 1), date(2025, 4, 15))
    )
    create_milestone(db, initiative.id, MilestoneInput("Done", date(2025, 1, 1), date(2025, 3, 1)))
    create_milestone(db, initiative.id, MilestoneInput("Due on as-of", as_of))
    other = create_program(db, ProgramInput("CP-2", "Autre", date(2024, 1, 1), date(2026, 1, 1)))
    foreign_pillar = create_pillar(db, other.id, PillarInput("X1", "Ailleurs"))
    foreign = create_initiative(db, foreign_pillar.id, InitiativeInput("F", "Foreign"))
    create_milestone(db, foreign.id, MilestoneInput("Foreign late", date(2024, 1, 31)))

    with statements() as sql:
        late = list_late_milestones(db, program.id, as_of)
    assert len(sql) == 1
    assert [
        (m.id, m.initiative_code, m.initiative_name, m.pillar_code, m.days_late) for m in late
    ] == [
        (late_b.id, "S1", "Startup Factory", "P2", 90),  # 2024-12-31 -> 2025-03-31
        (late_a.id, "JIT", "JobInTech", "P1", 59),
        (late_c.id, "S1", "Startup Factory", "P2", 58),
    ]
    assert late[2].done_date == date(2025, 4, 15)
    # Every row listed agrees with MilestoneRow.is_late, and no other milestone does.
    rows = list_milestones(db, initiative.id) + list_milestones(db, startups.id)
    assert {m.id for m in rows if m.is_late(as_of)} == {m.id for m in late}
    assert list_late_milestones(db, program.id, date(2024, 1, 1)) == []
