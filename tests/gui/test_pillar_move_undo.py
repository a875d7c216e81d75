"""Undoing and redoing a pillar's move while another analyst works on the same pillars:
an edit of the moved pillar's title by someone else does not stop the undo, a move by
someone else does (naming them), and the undo of one's own earlier edit is still
refused over someone else's title rather than overwriting it.

The other analyst is another `Database` on the same database (SQLite file or
PostgreSQL, the run's engine).
"""

from __future__ import annotations

from pilotage.db.database import Database
from pilotage.gui.qt import QUndoStack
from pilotage.gui.undo.commands import DeleteCommand, EditContext, MovePillarCommand, UpdateCommand
from pilotage.services.pillars import (
    PillarInput,
    PillarRow,
    delete_pillar,
    get_pillar,
    list_pillars,
    move_pillar,
    update_pillar,
)
from pilotage.services.programs import find_program
from two_analysts import as_analyst, second_database


def _pillars(db: Database) -> list[PillarRow]:
    program = find_program(db, "CP-MTNRA-MNC")
    assert program is not None
    return list_pillars(db, program.id)


def _codes(db: Database) -> list[str]:
    return [p.code for p in _pillars(db)]


def _editing(db: Database) -> tuple[EditContext, QUndoStack, list[str]]:
    """A context and its stack on `db`, and the list of the refusals it reports."""
    context, stack = EditContext(db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    return context, stack, refused


def _push(
    stack: QUndoStack, command: MovePillarCommand | UpdateCommand[PillarRow, PillarInput]
) -> None:
    command.execute()
    stack.push(command)


def _retitle(db: Database, row: PillarRow, title: str) -> PillarRow:
    return update_pillar(db, row.id, row.version, PillarInput(row.code, title, row.objective))


def test_a_move_is_undone_and_redone_after_someone_else_retitled_the_pillar(
    demo_db: Database,
) -> None:
    context, stack, refused = _editing(demo_db)
    _, second, _ = _pillars(demo_db)
    _push(stack, MovePillarCommand(context, second.id, 2, 1, "move up"))
    assert _codes(demo_db) == ["P2", "P1", "P3"]
    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: _retitle(other, get_pillar(other, second.id), "Sara's"))

    stack.undo()
    assert _codes(demo_db) == ["P1", "P2", "P3"]
    stack.redo()
    assert _codes(demo_db) == ["P2", "P1", "P3"]
    assert refused == []
    assert get_pillar(demo_db, second.id).title == "Sara's"  # kept through both


def test_an_undo_of_a_move_someone_else_moved_again_is_refused(demo_db: Database) -> None:
    context, stack, refused = _editing(demo_db)
    _, second, _ = _pillars(demo_db)
    _push(stack, MovePillarCommand(context, second.id, 2, 1, "move up"))
    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: move_pillar(other, second.id, 3, 1))

    stack.undo()  # expects P2 at 1, where the move left it: Sara put it at 3
    assert _codes(demo_db) == ["P1", "P3", "P2"]  # Sara's order stays
    assert len(refused) == 1
    assert refused[0].startswith("Sara changed this record at "), refused[0]
    assert "taken off the Undo list" in refused[0]
    assert stack.count() == 0


def test_an_undo_of_ones_own_title_is_refused_after_a_move_over_someone_elses(
    demo_db: Database,
) -> None:
    """The move must not lend its rows' versions to the stack: Sara's title would be
    overwritten by the undo of the rename made before it."""
    context, stack, refused = _editing(demo_db)
    first = _pillars(demo_db)[0]
    data = PillarInput(first.code, first.title, first.objective)
    rename: UpdateCommand[PillarRow, PillarInput] = UpdateCommand(
        context,
        "rename",
        first.id,
        first.version,
        update_pillar,
        data,
        PillarInput(first.code, "Mine", first.objective),
    )
    _push(stack, rename)
    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: _retitle(other, get_pillar(other, first.id), "Sara's"))
    _push(stack, MovePillarCommand(context, first.id, 1, 2, "move down"))
    assert _codes(demo_db) == ["P2", "P1", "P3"]

    stack.undo()  # the move: back to 1
    assert _codes(demo_db) == ["P1", "P2", "P3"]
    assert refused == []
    stack.undo()  # the rename: Sara's title is not overwritten
    assert get_pillar(demo_db, first.id).title == "Sara's"
    assert len(refused) == 1
    assert refused[0].startswith("Sara changed this record at "), refused[0]


def test_a_delete_and_its_undo_keep_the_other_pillars_versions(demo_db: Database) -> None:
    context, stack, refused = _editing(demo_db)
    first, second, third = _pillars(demo_db)
    delete = DeleteCommand(context, "delete", first.id, first.version, delete_pillar, get_pillar)
    delete.execute()
    stack.push(delete)
    assert [(p.code, p.position, p.version) for p in _pillars(demo_db)] == [
        ("P2", 1, second.version),
        ("P3", 2, third.version),
    ]
    stack.undo()
    assert [(p.code, p.position, p.version) for p in _pillars(demo_db)] == [
        ("P1", 1, first.version),
        ("P2", 2, second.version),
        ("P3", 3, third.version),
    ]
    assert refused == []
    # A form on P3 opened before the delete still saves.
    with second_database(demo_db) as other:
        saved = as_analyst("Sara", lambda: _retitle(other, third, "Sara's"))
    assert (saved.position, saved.version) == (3, third.version + 1)
