"""Two analysts on one program's pillars: a move changes positions only, so it never
makes another analyst's form on a pillar fail; a move decided from an order that
changed since is refused, naming who changed it and when.

Each test runs on the run's engine (SQLite files, or PostgreSQL with
PILOTAGE_TEST_DATABASE_URL): the second analyst is another `Database` on the same
database (`two_analysts.second_database`).
"""

from __future__ import annotations

import json
import threading

import pytest
from service_support import AuditLog

from pilotage.db.database import Database
from pilotage.domain.errors import ConflictError
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
from pilotage.services.programs import ProgramRow
from pilotage.services.undo import restore_deleted
from two_analysts import as_analyst, second_database


@pytest.fixture
def pillars(db: Database, program: ProgramRow) -> list[PillarRow]:
    return [
        create_pillar(db, program.id, PillarInput(code, f"Pillar {code}"))
        for code in ("P1", "P2", "P3")
    ]


def _order(db: Database, program_id: int) -> list[tuple[str, int, int]]:
    """(code, position, version) of each pillar, in order."""
    return [(p.code, p.position, p.version) for p in list_pillars(db, program_id)]


def test_a_title_is_saved_though_someone_else_moved_the_pillar_meanwhile(
    db: Database, program: ProgramRow, pillars: list[PillarRow], audit_log: AuditLog
) -> None:
    p1, p2, _ = pillars
    seen = get_pillar(db, p1.id)  # the first analyst's form on P1
    with second_database(db) as other:
        as_analyst("sara", lambda: move_pillar(other, p2.id, 1, 2))

    saved = update_pillar(db, p1.id, seen.version, PillarInput("P1", "Compétences"))

    assert (saved.title, saved.position, saved.version) == ("Compétences", 2, seen.version + 1)
    assert _order(db, program.id) == [("P2", 1, 1), ("P1", 2, 2), ("P3", 3, 1)]
    # The history has Sara's move of both pillars, then the title.
    *_, moved_p2, moved_p1, titled = audit_log("pillar")
    assert [(e.entity_id, e.who, json.loads(e.changes)) for e in (moved_p2, moved_p1)] == [
        (p2.id, "sara", {"position": ["2", "1"]}),
        (p1.id, "sara", {"position": ["1", "2"]}),
    ]
    assert moved_p1.reason == "pillar P2 moved to position 1"
    assert json.loads(titled.changes) == {"title": ["Pillar P1", "Compétences"]}


def test_a_move_from_a_position_that_changed_since_is_refused_naming_who(
    db: Database, program: ProgramRow, pillars: list[PillarRow], audit_log: AuditLog
) -> None:
    _, p2, _ = pillars  # the first analyst sees P2 at 2
    with second_database(db) as other:
        as_analyst("sara", lambda: move_pillar(other, p2.id, 3, 2))
    entries = len(audit_log())

    with pytest.raises(ConflictError) as caught:
        move_pillar(db, p2.id, 1, 2)  # up from 2, as seen: it would undo Sara's move

    assert (caught.value.entity, caught.value.entity_id) == ("pillar", p2.id)
    assert caught.value.changed_by == "sara"
    assert caught.value.changed_at == audit_log()[-1].at.isoformat(timespec="seconds")
    assert _order(db, program.id) == [("P1", 1, 1), ("P3", 2, 1), ("P2", 3, 1)]
    assert len(audit_log()) == entries
    # From where it is now, the move goes through.
    assert [p.code for p in move_pillar(db, p2.id, 1, 3)] == ["P2", "P1", "P3"]


def test_a_move_after_someone_else_changed_the_title_goes_through(
    db: Database, program: ProgramRow, pillars: list[PillarRow]
) -> None:
    _, p2, _ = pillars
    with second_database(db) as other:
        theirs = as_analyst(
            "sara", lambda: update_pillar(other, p2.id, p2.version, PillarInput("P2", "Sara's"))
        )
    rows = move_pillar(db, p2.id, 1, 2)
    assert [(r.code, r.title, r.version) for r in rows] == [
        ("P2", "Sara's", theirs.version),
        ("P1", "Pillar P1", 1),
        ("P3", "Pillar P3", 1),
    ]


def test_a_reorder_from_an_order_someone_else_changed_is_refused(
    db: Database, program: ProgramRow, pillars: list[PillarRow], audit_log: AuditLog
) -> None:
    p1, p2, p3 = pillars
    with second_database(db) as other:
        as_analyst("sara", lambda: move_pillar(other, p3.id, 1, 3))
        # A title changed by someone else does not make the order stale.
        as_analyst(
            "sara", lambda: update_pillar(other, p1.id, p1.version, PillarInput("P1", "Renamed"))
        )
    entries = len(audit_log())
    with pytest.raises(ConflictError) as caught:
        reorder_pillars(db, program.id, [(p3.id, 3), (p2.id, 2), (p1.id, 1)])
    assert (caught.value.entity_id, caught.value.changed_by) == (p3.id, "sara")
    assert len(audit_log()) == entries
    rows = reorder_pillars(db, program.id, [(p2.id, 3), (p3.id, 1), (p1.id, 2)])
    assert [(r.code, r.title) for r in rows] == [
        ("P2", "Pillar P2"),
        ("P3", "Pillar P3"),
        ("P1", "Renamed"),
    ]


def test_a_delete_and_its_undo_renumber_without_touching_the_others_versions(
    db: Database, program: ProgramRow, pillars: list[PillarRow], audit_log: AuditLog
) -> None:
    p1, p2, p3 = pillars
    seen = get_pillar(db, p3.id)  # the first analyst's form on P3
    with second_database(db) as other:
        snapshot = as_analyst("sara", lambda: delete_pillar(other, p1.id, p1.version))
        assert _order(db, program.id) == [("P2", 1, 1), ("P3", 2, 1)]
        saved = update_pillar(db, p3.id, seen.version, PillarInput("P3", "Mine"))
        assert (saved.position, saved.version) == (2, 2)
        as_analyst("sara", lambda: restore_deleted(other, snapshot))
    assert _order(db, program.id) == [("P1", 1, 1), ("P2", 2, 1), ("P3", 3, 2)]
    # Who put the pillars back in place is in their history: a stale move names Sara.
    with pytest.raises(ConflictError) as caught:
        move_pillar(db, p2.id, 3, 1)  # seen at 1 while P1 was gone
    assert caught.value.changed_by == "sara"
    shifts = [e for e in audit_log("pillar") if e.reason == "a pillar put back at position 1"]
    assert [(e.entity_id, e.who, json.loads(e.changes)) for e in shifts] == [
        (p2.id, "sara", {"position": ["1", "2"]}),
        (p3.id, "sara", {"position": ["2", "3"]}),
    ]
    assert get_pillar(db, p2.id).position == 2


def test_two_moves_of_one_pillar_at_once_one_is_refused(
    db: Database, program: ProgramRow, pillars: list[PillarRow]
) -> None:
    """Both analysts saw P2 at 2; one moves it up, the other down, at the same moment."""
    _, p2, _ = pillars
    outcomes: list[str] = []
    with second_database(db) as other:
        barrier = threading.Barrier(2)

        def move(database: Database, new_position: int) -> None:
            barrier.wait()
            try:
                move_pillar(database, p2.id, new_position, 2)
                outcomes.append(f"moved to {new_position}")
            except ConflictError:
                outcomes.append("refused")

        workers = [
            threading.Thread(target=move, args=(db, 1)),
            threading.Thread(target=move, args=(other, 3)),
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    assert len(outcomes) == 2
    assert outcomes.count("refused") == 1, outcomes
    position = get_pillar(db, p2.id).position
    assert outcomes.count(f"moved to {position}") == 1
    assert [p.position for p in list_pillars(db, program.id)] == [1, 2, 3]


def test_a_stale_title_names_who_changed_the_title_not_who_moved_the_pillar_since(
    db: Database, program: ProgramRow, pillars: list[PillarRow]
) -> None:
    p1, p2, _ = pillars
    seen = get_pillar(db, p1.id)
    with second_database(db) as other:
        as_analyst("sara", lambda: update_pillar(other, p1.id, p1.version, PillarInput("P1", "S")))
        as_analyst("omar", lambda: move_pillar(other, p2.id, 1, 2))  # pushes P1 to 2
    with pytest.raises(ConflictError) as caught:
        update_pillar(db, p1.id, seen.version, PillarInput("P1", "Mine"))
    assert caught.value.changed_by == "sara"
    assert get_pillar(db, p1.id).title == "S"


def test_a_stale_move_names_who_moved_the_pillar_not_who_changed_its_title_since(
    db: Database, program: ProgramRow, pillars: list[PillarRow]
) -> None:
    _, p2, _ = pillars
    with second_database(db) as other:
        as_analyst("sara", lambda: move_pillar(other, p2.id, 3, 2))
        as_analyst("omar", lambda: update_pillar(other, p2.id, p2.version, PillarInput("P2", "O")))
    with pytest.raises(ConflictError) as caught:
        move_pillar(db, p2.id, 1, 2)
    assert caught.value.changed_by == "sara"


def test_a_pillar_put_back_after_another_was_deleted_since_leaves_no_gap(
    db: Database, program: ProgramRow, pillars: list[PillarRow]
) -> None:
    """P3 (3rd of 3) is deleted, then Sara deletes P1: undoing the first delete puts P3
    back last, at 2, not at 3 after an empty place."""
    p1, _p2, p3 = pillars
    snapshot = delete_pillar(db, p3.id, p3.version)
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_pillar(other, p1.id, p1.version))
    restore_deleted(db, snapshot)
    assert [(code, position) for code, position, _ in _order(db, program.id)] == [
        ("P2", 1),
        ("P3", 2),
    ]
    # A pillar added next takes the next place, as always.
    added = create_pillar(db, program.id, PillarInput("P4", "Pillar P4"))
    assert added.position == 3
