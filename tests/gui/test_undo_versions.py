"""Several commands of one stack on the same record: each undo and redo saves with the
version the previous command left, while a change by someone else is still refused."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pilotage.db.database import Database
from pilotage.domain.errors import ConflictError
from pilotage.gui.qt import QUndoStack
from pilotage.gui.undo.commands import (
    DeleteCommand,
    EditContext,
    MovePillarCommand,
    UpdateCommand,
)
from pilotage.services.pillars import (
    PillarInput,
    PillarRow,
    delete_pillar,
    get_pillar,
    list_pillars,
    update_pillar,
)
from pilotage.services.programs import find_program


def _pillars(db: Database) -> list[PillarRow]:
    program = find_program(db, "CP-MTNRA-MNC")
    assert program is not None
    return list_pillars(db, program.id)


def _input(row: PillarRow, title: str) -> PillarInput:
    return PillarInput(code=row.code, title=title, objective=row.objective)


def _rename(context: EditContext, stack: QUndoStack, row: PillarRow, title: str) -> None:
    command: UpdateCommand[PillarRow, PillarInput] = UpdateCommand(
        context,
        f"rename {row.code}",
        row.id,
        row.version,
        update_pillar,
        _input(row, row.title),
        _input(row, title),
    )
    command.execute()
    stack.push(command)


def test_two_edits_of_one_record_undo_and_redo_in_turn(demo_db: Database) -> None:
    context, stack = EditContext(demo_db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    first = _pillars(demo_db)[0]
    original = first.title
    _rename(context, stack, first, "Once")
    _rename(context, stack, get_pillar(demo_db, first.id), "Twice")

    stack.undo()
    assert get_pillar(demo_db, first.id).title == "Once"
    stack.undo()  # saved with the version the first undo left, not the one it kept
    assert get_pillar(demo_db, first.id).title == original
    stack.redo()
    stack.redo()
    assert get_pillar(demo_db, first.id).title == "Twice"
    assert refused == []


def test_a_move_then_an_edit_of_a_pillar_it_pushed_aside(demo_db: Database) -> None:
    context, stack = EditContext(demo_db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    first, second = _pillars(demo_db)[:2]
    move = MovePillarCommand(context, second.id, second.version, 2, 1, "move up")
    move.execute()
    stack.push(move)
    assert [p.id for p in _pillars(demo_db)[:2]] == [second.id, first.id]
    # The first pillar was pushed to position 2 by the move: a new version.
    _rename(context, stack, get_pillar(demo_db, first.id), "Renamed")

    stack.undo()
    stack.undo()
    assert [p.id for p in _pillars(demo_db)[:2]] == [first.id, second.id]
    assert get_pillar(demo_db, first.id).title == first.title
    stack.redo()
    stack.redo()
    assert get_pillar(demo_db, first.id).title == "Renamed"
    assert refused == []


def test_undo_after_a_delete_and_its_undo_finds_the_record_back(demo_db: Database) -> None:
    context, stack = EditContext(demo_db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    third = _pillars(demo_db)[2]
    _rename(context, stack, third, "Renamed")
    renamed = get_pillar(demo_db, third.id)
    delete = DeleteCommand(context, "delete", third.id, renamed.version, delete_pillar, get_pillar)
    delete.execute()
    stack.push(delete)

    stack.undo()  # the pillar is back
    stack.undo()  # and its first title too
    assert get_pillar(demo_db, third.id).title == third.title
    stack.redo()
    stack.redo()
    assert all(p.id != third.id for p in _pillars(demo_db))
    assert refused == []


def test_a_change_by_someone_else_is_still_refused(demo_db: Database) -> None:
    context, stack = EditContext(demo_db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    first = _pillars(demo_db)[0]
    _rename(context, stack, first, "Mine")
    now = get_pillar(demo_db, first.id)
    # Another analyst saves over it, outside this stack.
    update_pillar(demo_db, first.id, now.version, replace(_input(now, "Theirs")))

    stack.undo()
    assert get_pillar(demo_db, first.id).title == "Theirs"  # not overwritten
    assert len(refused) == 1
    assert "was changed" in refused[0]
    with pytest.raises(ConflictError):
        update_pillar(demo_db, first.id, now.version, _input(now, "stale"))
