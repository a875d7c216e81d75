from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.services.initiatives import InitiativeInput, create_initiative
from pilotage.services.organizations import OrganizationRow
from pilotage.services.pillars import (
    PillarInput,
    PillarRow,
    create_pillar,
    delete_pillar,
    get_pillar,
    list_pillars,
    move_pillar,
    reorder_pillars,
    update_pillar,
)
from pilotage.services.programs import ProgramInput, ProgramRow, create_program
from pilotage.services.undo import restore_deleted


def make_pillars(db: Database, program_id: int, *codes: str) -> list[PillarRow]:
    return [create_pillar(db, program_id, PillarInput(code, f"Pillar {code}")) for code in codes]


def order(db: Database, program_id: int) -> list[tuple[int, str]]:
    return [(p.position, p.code) for p in list_pillars(db, program_id)]


def position_changes(entries: list[AuditEntry]) -> dict[int, list[str]]:
    return {e.entity_id: json.loads(e.changes)["position"] for e in entries}


def test_pillars_are_appended_at_the_next_position(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    first = create_pillar(
        db, program.id, PillarInput(" P1 ", " Compétences numériques ", " Former 10 000 ")
    )
    assert (first.position, first.code, first.title, first.objective, first.version) == (
        1,
        "P1",
        "Compétences numériques",
        "Former 10 000",
        1,
    )
    make_pillars(db, program.id, "P2", "P3")
    assert order(db, program.id) == [(1, "P1"), (2, "P2"), (3, "P3")]
    entry = audit_log()[-3]
    assert (entry.entity, entry.entity_id, entry.action) == ("pillar", first.id, "create")
    assert json.loads(entry.changes) == {
        "program_id": [None, str(program.id)],
        "position": [None, "1"],
        "code": [None, "P1"],
        "title": [None, "Compétences numériques"],
        "objective": [None, "Former 10 000"],
    }


def test_positions_are_counted_per_program(db: Database, program: ProgramRow) -> None:
    other = create_program(db, ProgramInput("CP-2", "Autre", program.start_date, program.end_date))
    make_pillars(db, program.id, "P1", "P2")
    [alone] = make_pillars(db, other.id, "P1")  # the same code in another program is fine
    assert alone.position == 1


def test_every_problem_is_listed_and_nothing_is_written(
    db: Database, program: ProgramRow, count: Count, audit_log: AuditLog
) -> None:
    before = len(audit_log())
    with pytest.raises(ValidationError) as caught:
        create_pillar(db, program.id, PillarInput("P 1", "  "))
    assert caught.value.fields() == {"code", "title"}
    with pytest.raises(ValidationError) as caught:
        create_pillar(db, program.id, PillarInput("P" * 41, "t" * 301))
    assert caught.value.fields() == {"code", "title"}
    assert count("pillar") == 0
    assert len(audit_log()) == before


def test_code_is_unique_in_the_program_whatever_the_case(db: Database, program: ProgramRow) -> None:
    make_pillars(db, program.id, "P1")
    with pytest.raises(ValidationError) as caught:
        create_pillar(db, program.id, PillarInput("p1", "Again"))
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == (
        "code",
        "p1 is already the code of another pillar of this program",
    )


def test_unknown_program_or_pillar(db: Database) -> None:
    with pytest.raises(NotFoundError):
        create_pillar(db, 999, PillarInput("P1", "x"))
    with pytest.raises(NotFoundError):
        get_pillar(db, 999)


def test_update_audits_the_diff_and_refuses_a_stale_version(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    p1, p2 = make_pillars(db, program.id, "P1", "P2")
    changed = update_pillar(db, p1.id, p1.version, PillarInput("P1", "Skills", "More"))
    assert (changed.version, changed.title, changed.position) == (2, "Skills", 1)
    assert json.loads(audit_log()[-1].changes) == {
        "title": ["Pillar P1", "Skills"],
        "objective": ["", "More"],
    }
    entries = len(audit_log())
    assert update_pillar(db, p1.id, changed.version, PillarInput("P1", "Skills", "More")) == changed
    assert len(audit_log()) == entries
    with pytest.raises(ValidationError) as caught:
        update_pillar(db, p1.id, changed.version, PillarInput("P2", "Skills"))
    assert caught.value.fields() == {"code"}
    with pytest.raises(ConflictError) as conflict:
        update_pillar(db, p1.id, p1.version, PillarInput("P1", "Stale"))
    assert conflict.value.changed_by == audit_log()[-1].who
    with pytest.raises(ConflictError):
        delete_pillar(db, p1.id, p1.version)
    assert get_pillar(db, p2.id) == p2


def test_delete_cascades_closes_the_gap_and_undo_reopens_it(
    db: Database,
    program: ProgramRow,
    mnc: OrganizationRow,
    cdg: OrganizationRow,
    count: Count,
    audit_log: AuditLog,
    add_kpi: Callable[..., int],
) -> None:
    p1, p2, p3, p4 = make_pillars(db, program.id, "P1", "P2", "P3", "P4")
    for code in ("A", "B"):
        initiative = create_initiative(
            db,
            p2.id,
            InitiativeInput(code, code, lead_organization_id=mnc.id, partner_ids=(cdg.id,)),
        )
        add_kpi(code=f"K{code}", initiative_id=initiative.id)
    add_kpi(code="KP", pillar_id=p2.id)
    add_kpi(code="KP", pillar_id=p3.id)  # another pillar's KPI stays
    before = {t: count(t) for t in ("initiative", "initiative_partner", "kpi", "measurement")}
    assert before == {"initiative": 2, "initiative_partner": 2, "kpi": 4, "measurement": 4}

    snapshot = delete_pillar(db, p2.id, p2.version)

    assert order(db, program.id) == [(1, "P1"), (2, "P3"), (3, "P4")]
    assert {
        t: count(t)
        for t in (
            "initiative",
            "initiative_partner",
            "kpi",
            "kpi_target",
            "measurement",
            "disaggregation",
            "organization",
        )
    } == {
        "initiative": 0,
        "initiative_partner": 0,
        "kpi": 1,
        "kpi_target": 1,
        "measurement": 1,
        "disaggregation": 2,
        "organization": 2,
    }
    assert (
        snapshot.count("initiative"),
        snapshot.count("kpi"),
        snapshot.count("disaggregation"),
    ) == (
        2,
        3,
        6,
    )
    *_, deleted, shift3, shift4 = audit_log()
    assert (deleted.entity_id, deleted.action) == (p2.id, AuditAction.DELETE)
    assert deleted.reason.startswith("with ")
    assert "2 initiative" in deleted.reason
    assert json.loads(deleted.changes)["code"] == ["P2", None]
    assert position_changes([shift3, shift4]) == {p3.id: ["3", "2"], p4.id: ["4", "3"]}
    assert shift3.reason == "pillar P2 deleted"

    restore_deleted(db, snapshot)
    assert order(db, program.id) == [(1, "P1"), (2, "P2"), (3, "P3"), (4, "P4")]
    assert [p.id for p in list_pillars(db, program.id)] == [p1.id, p2.id, p3.id, p4.id]
    assert {t: count(t) for t in before} == before
    assert count("disaggregation") == 8


def test_deleting_the_last_pillar_shifts_nothing(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    _, p2 = make_pillars(db, program.id, "P1", "P2")
    snapshot = delete_pillar(db, p2.id, p2.version)
    assert audit_log()[-1].action == AuditAction.DELETE
    assert audit_log()[-1].reason == ""
    restore_deleted(db, snapshot)
    assert order(db, program.id) == [(1, "P1"), (2, "P2")]


def test_move_down_and_up_audits_only_the_pillars_that_moved(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    p1, p2, p3, p4 = make_pillars(db, program.id, "P1", "P2", "P3", "P4")
    rows = move_pillar(db, p1.id, 3, 1)
    assert [(r.position, r.code) for r in rows] == [(1, "P2"), (2, "P3"), (3, "P1"), (4, "P4")]
    # A position is not part of a pillar's version: none changes.
    assert [(r.code, r.version) for r in rows] == [("P2", 1), ("P3", 1), ("P1", 1), ("P4", 1)]
    assert order(db, program.id) == [(1, "P2"), (2, "P3"), (3, "P1"), (4, "P4")]
    moved = audit_log()[-3:]
    assert {e.action for e in moved} == {AuditAction.UPDATE}
    assert position_changes(moved) == {p1.id: ["1", "3"], p2.id: ["2", "1"], p3.id: ["3", "2"]}
    assert moved[0].reason == "pillar P1 moved to position 3"

    rows = move_pillar(db, p4.id, 1, 4)
    assert [(r.code, r.position) for r in rows] == [("P4", 1), ("P2", 2), ("P3", 3), ("P1", 4)]
    assert {r.version for r in rows} == {1}
    entries = len(audit_log())
    assert move_pillar(db, p4.id, 1, 1) == rows  # already there: nothing written
    assert len(audit_log()) == entries


def test_move_to_a_position_out_of_range(db: Database, program: ProgramRow) -> None:
    p1, _ = make_pillars(db, program.id, "P1", "P2")
    for position in (0, 3):
        with pytest.raises(ValidationError) as caught:
            move_pillar(db, p1.id, position, p1.position)
        assert str(caught.value) == "new_position: must be between 1 and 2"
    assert order(db, program.id) == [(1, "P1"), (2, "P2")]


def test_a_move_after_an_edit_of_the_title_is_not_a_conflict(
    db: Database, program: ProgramRow
) -> None:
    """The move changes the position only: a title changed meanwhile stays as saved."""
    p1, _ = make_pillars(db, program.id, "P1", "P2")
    edited = update_pillar(db, p1.id, p1.version, PillarInput("P1", "Changed"))
    rows = move_pillar(db, p1.id, 2, p1.position)
    assert [(r.code, r.title, r.version) for r in rows] == [
        ("P2", "Pillar P2", 1),
        ("P1", "Changed", edited.version),
    ]


def test_a_move_made_from_the_old_order_is_refused(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    """A moves P3 to 1; B, still seeing P3 at 3, must not undo it silently."""
    p1, p2, p3 = make_pillars(db, program.id, "P1", "P2", "P3")
    move_pillar(db, p3.id, 1, p3.position)  # user A
    entries = len(audit_log())
    with pytest.raises(ConflictError) as caught:
        move_pillar(db, p3.id, 3, p3.position)  # user B, from the order before A's move
    assert (caught.value.entity, caught.value.entity_id) == ("pillar", p3.id)
    assert caught.value.changed_by == audit_log()[-1].who
    # Moving a pillar A's move pushed aside is refused the same way.
    with pytest.raises(ConflictError):
        move_pillar(db, p1.id, 3, p1.position)
    assert order(db, program.id) == [(1, "P3"), (2, "P1"), (3, "P2")]
    assert len(audit_log()) == entries
    # An edit from a form opened before the move is saved: it changes no position.
    saved = update_pillar(db, p2.id, p2.version, PillarInput("P2", "Edited from the old form"))
    assert (saved.position, saved.title) == (3, "Edited from the old form")


def test_closing_and_reopening_a_gap_changes_no_version(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    p1, p2, p3 = make_pillars(db, program.id, "P1", "P2", "P3")
    snapshot = delete_pillar(db, p1.id, p1.version)
    assert [(p.code, p.position, p.version) for p in list_pillars(db, program.id)] == [
        ("P2", 1, 1),
        ("P3", 2, 1),
    ]
    with pytest.raises(ConflictError):
        move_pillar(db, p2.id, 2, p2.position)  # from the order before the delete
    restore_deleted(db, snapshot)
    assert [(p.code, p.position, p.version) for p in list_pillars(db, program.id)] == [
        ("P1", 1, 1),  # back as it was
        ("P2", 2, 1),
        ("P3", 3, 1),
    ]
    # Putting the pillar back moved the others: each move is in their history.
    shifts = [e for e in audit_log() if e.reason == "a pillar put back at position 1"]
    assert position_changes(shifts) == {p2.id: ["1", "2"], p3.id: ["2", "3"]}
    # A form opened before the delete still saves.
    assert update_pillar(db, p3.id, p3.version, PillarInput("P3", "Kept")).version == 2


def test_reorder_sets_positions_one_to_n(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    p1, p2, p3, p4 = make_pillars(db, program.id, "P1", "P2", "P3", "P4")
    rows = reorder_pillars(db, program.id, [(p3.id, 3), (p1.id, 1), (p2.id, 2), (p4.id, 4)])
    assert [(r.position, r.code) for r in rows] == [(1, "P3"), (2, "P1"), (3, "P2"), (4, "P4")]
    assert position_changes(audit_log()[-3:]) == {
        p3.id: ["3", "1"],
        p1.id: ["1", "2"],
        p2.id: ["2", "3"],
    }
    assert audit_log()[-1].reason == "pillars reordered"
    assert [r.version for r in rows] == [1, 1, 1, 1]  # positions are not versioned


def test_a_reorder_from_a_stale_order_is_refused(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    p1, p2, p3 = make_pillars(db, program.id, "P1", "P2", "P3")
    seen = [(p.id, p.position) for p in (p1, p2, p3)]
    move_pillar(db, p3.id, 1, p3.position)  # someone else, meanwhile
    entries = len(audit_log())
    with pytest.raises(ConflictError) as caught:
        reorder_pillars(db, program.id, [seen[1], seen[0], seen[2]])
    # The first pillar of the list that is no longer where it was seen.
    assert (caught.value.entity, caught.value.entity_id) == ("pillar", p2.id)
    assert caught.value.changed_by == audit_log()[-1].who
    assert order(db, program.id) == [(1, "P3"), (2, "P1"), (3, "P2")]
    assert len(audit_log()) == entries
    # An edit of one pillar (not a move) leaves the order the user saw current.
    current = list_pillars(db, program.id)
    update_pillar(db, p1.id, current[1].version, PillarInput("P1", "Renamed"))
    rows = reorder_pillars(db, program.id, [(p.id, p.position) for p in reversed(current)])
    assert [(r.code, r.title) for r in rows] == [
        ("P2", "Pillar P2"),
        ("P1", "Renamed"),
        ("P3", "Pillar P3"),
    ]


def test_reorder_must_list_exactly_the_programs_pillars(
    db: Database, program: ProgramRow, audit_log: AuditLog
) -> None:
    other = create_program(db, ProgramInput("CP-2", "Autre", program.start_date, program.end_date))
    [foreign] = make_pillars(db, other.id, "X1")
    p1, p2, _ = make_pillars(db, program.id, "P1", "P2", "P3")
    before = len(audit_log())
    with pytest.raises(ValidationError) as caught:
        reorder_pillars(db, program.id, [(p1.id, 1), (p1.id, 1), (foreign.id, 1), (12345, 1)])
    messages = [p.message for p in caught.value.problems]
    assert caught.value.fields() == {"ordered"}
    assert messages == [
        "lists P1 more than once",
        f"pillars {foreign.id}, 12345 are not pillars of this program",
        "leaves out P2, P3",
    ]
    with pytest.raises(ValidationError):
        reorder_pillars(db, program.id, [(p2.id, p2.position), (p1.id, p1.position)])
    assert order(db, program.id) == [(1, "P1"), (2, "P2"), (3, "P3")]
    assert len(audit_log()) == before
    with pytest.raises(NotFoundError):
        reorder_pillars(db, 999, [])
