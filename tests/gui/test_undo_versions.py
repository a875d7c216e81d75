"""Several commands of one stack on the same record: each undo and redo saves with the
version the previous command left, while a change by someone else is still refused."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from pilotage.db.database import Database
from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import ConflictError
from pilotage.gui.qt import QProgressDialog, QThreadPool, QTimer, QUndoStack, QWidget
from pilotage.gui.undo.commands import (
    CreateCommand,
    DeleteCommand,
    EditContext,
    MovePillarCommand,
    ServiceCommand,
    UpdateCommand,
)
from pilotage.services.identity import set_user_name
from pilotage.services.organizations import (
    OrganizationInput,
    OrganizationRow,
    create_organization,
    delete_organization,
    get_organization,
    list_organizations,
    update_organization,
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


def _editing(db: Database) -> tuple[EditContext, QUndoStack, list[str]]:
    """A context and its stack on `db`, and the list of the refusals it reports."""
    context, stack = EditContext(db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    return context, stack, refused


def test_two_edits_of_one_record_undo_and_redo_in_turn(demo_db: Database) -> None:
    context, stack, refused = _editing(demo_db)
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
    context, stack, refused = _editing(demo_db)
    first, second = _pillars(demo_db)[:2]
    move = MovePillarCommand(context, second.id, 2, 1, "move up")
    move.execute()
    stack.push(move)
    assert [p.id for p in _pillars(demo_db)[:2]] == [second.id, first.id]
    # The first pillar was pushed to position 2 by the move, its version unchanged.
    assert get_pillar(demo_db, first.id).version == first.version
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
    context, stack, refused = _editing(demo_db)
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
    context, stack, refused = _editing(demo_db)
    first = _pillars(demo_db)[0]
    _rename(context, stack, first, "Mine")
    now = get_pillar(demo_db, first.id)
    # Another analyst saves over it, outside this stack.
    set_user_name("Sara")
    try:
        update_pillar(demo_db, first.id, now.version, replace(_input(now, "Theirs")))
    finally:
        set_user_name(None)

    stack.undo()
    assert get_pillar(demo_db, first.id).title == "Theirs"  # not overwritten
    assert len(refused) == 1
    # Who changed it and when, from the audit log.
    assert refused[0].startswith("Sara changed this record at "), refused[0]
    with pytest.raises(ConflictError):
        update_pillar(demo_db, first.id, now.version, _input(now, "stale"))
    assert stack.count() == 0  # the refused command was taken off the list
    assert "taken off the Undo list" in refused[0]
    assert refused[0][0].isupper()


def _organizations_named(db: Database, name: str) -> list[OrganizationRow]:
    return [row for row in list_organizations(db) if row.name == name]


def test_a_refused_undo_of_a_create_never_creates_a_second_record(demo_db: Database) -> None:
    context, stack, refused = _editing(demo_db)
    data = OrganizationInput(name="Fonds Atlas", kind=OrganizationKind.ASSOCIATION)
    create: CreateCommand[OrganizationRow] = CreateCommand(
        context,
        "create",
        lambda db: create_organization(db, data),
        delete_organization,
        get_organization,
    )
    create.execute()
    stack.push(create)
    made = _organizations_named(demo_db, "Fonds Atlas")
    assert len(made) == 1
    # Another analyst changes it: the undo (a delete with the version it knew) is refused.
    update_organization(demo_db, made[0].id, made[0].version, replace(data, notes="theirs"))

    stack.undo()
    assert len(refused) == 1
    assert "could not be undone and was taken off the Undo list." in refused[0]
    assert stack.count() == 0
    assert not stack.canRedo()
    stack.redo()  # nothing left to redo
    assert [row.notes for row in _organizations_named(demo_db, "Fonds Atlas")] == ["theirs"]


def test_a_create_whose_undo_was_refused_does_not_create_again(demo_db: Database) -> None:
    # Even redone directly (not through a stack that dropped it), it creates nothing more.
    context = EditContext(demo_db)
    context.failed.connect(lambda _message: None)
    data = OrganizationInput(name="Fonds Atlas", kind=OrganizationKind.ASSOCIATION)
    create: CreateCommand[OrganizationRow] = CreateCommand(
        context,
        "create",
        lambda db: create_organization(db, data),
        delete_organization,
        get_organization,
    )
    create.execute()
    made = _organizations_named(demo_db, "Fonds Atlas")[0]
    update_organization(demo_db, made.id, made.version, replace(data, notes="theirs"))
    create.undo()
    assert create.isObsolete()
    create.redo()
    assert len(_organizations_named(demo_db, "Fonds Atlas")) == 1


class _SlowCommand(ServiceCommand):
    """A service call that only ends once a GUI-thread timer has fired."""

    def __init__(self, context: EditContext, fired: threading.Event) -> None:
        super().__init__(context, "slow", long=True)
        self.fired = fired
        self.threads: list[threading.Thread] = []

    def _do(self) -> None:
        self.threads.append(threading.current_thread())
        # Set by a QTimer on the GUI thread: times out if that thread is blocked.
        assert self.fired.wait(10)

    def _undo(self) -> None:
        self._do()


def test_a_long_call_lets_the_gui_thread_process_events(qtbot: QtBot, demo_db: Database) -> None:
    pool = QThreadPool()
    context = EditContext(demo_db, pool=pool)
    busy: list[bool] = []
    context.busy_changed.connect(busy.append)
    fired = threading.Event()
    ticks: list[int] = []

    def tick() -> None:
        ticks.append(1)
        fired.set()

    QTimer.singleShot(50, tick)
    command = _SlowCommand(context, fired)
    command.execute()  # returns only once the call is done, as QUndoCommand expects
    assert ticks == [1]  # the timer fired while the service ran
    assert command.threads
    assert command.threads[0] is not threading.main_thread()
    assert busy == [True, False]
    assert not context.is_busy()
    pool.waitForDone()


def test_a_long_call_raises_its_refusal_on_the_gui_thread(demo_db: Database) -> None:
    pool = QThreadPool()
    context = EditContext(demo_db, pool=pool)
    third = _pillars(demo_db)[2]
    delete = DeleteCommand(
        context, "delete", third.id, third.version + 5, delete_pillar, get_pillar, long=True
    )
    with pytest.raises(ConflictError):
        delete.execute()
    assert any(p.id == third.id for p in _pillars(demo_db))
    pool.waitForDone()


def test_a_long_call_shows_a_busy_dialog_after_a_moment(qtbot: QtBot, demo_db: Database) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    pool = QThreadPool()
    context = EditContext(demo_db, pool=pool, window=window)
    dialog_seen = threading.Event()

    labels: list[str] = []

    def look() -> None:
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if shown and not dialog_seen.is_set():
            labels.append(shown[0].labelText())
            dialog_seen.set()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    command = _SlowCommand(context, dialog_seen)  # ends once the dialog was seen
    command.execute()
    timer.stop()
    assert dialog_seen.is_set()
    assert labels == ["slow…"]  # the change under way, by the command's own text
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))  # gone afterwards
    pool.waitForDone()
