"""A record another analyst deleted meanwhile: a move or delete of it, or the undo of a
delete beneath it, is refused with one sentence naming what went, who deleted it and
when (from the audit log), never a crash or the driver's words, and nothing is written.

Each test runs on the run's engine; the races (an action waiting on the other analyst's
lock) on PostgreSQL only: SQLite runs one writer at a time, so there the other's delete
is always committed before the action starts, which the sequential tests cover.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator

import pytest
from kpi_fixtures import Tree
from service_support import AuditLog
from sqlalchemy import func, select

from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Kpi, Pillar
from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import ConflictError, NotFoundError
from pilotage.services import audit
from pilotage.services.initiatives import (
    InitiativeInput,
    create_initiative,
    delete_initiative,
    get_initiative,
)
from pilotage.services.kpis import KpiRow, delete_kpi, get_kpi
from pilotage.services.organizations import (
    OrganizationInput,
    create_organization,
    delete_organization,
)
from pilotage.services.pillars import (
    PillarInput,
    PillarRow,
    create_pillar,
    delete_pillar,
    list_pillars,
    move_pillar,
    reorder_pillars,
)
from pilotage.services.programs import ProgramRow, delete_program, get_program
from pilotage.services.records import DeletedMeanwhileError
from pilotage.services.undo import restore_deleted
from two_analysts import as_analyst, race_while_held, second_database

# "01/12/2026 14:02" or "2026-12-01 14:02": the day as the analyst's pattern writes it.
AT = r"\S+ \d\d:\d\d"


@pytest.fixture
def pillars(db: Database, program: ProgramRow) -> list[PillarRow]:
    return [create_pillar(db, program.id, PillarInput(code, code)) for code in ("P1", "P2", "P3")]


def order(db: Database, program: ProgramRow) -> list[tuple[int, str]]:
    return [(p.position, p.code) for p in list_pillars(db, program.id)]


def count(db: Database, model: type[Pillar | Initiative | Kpi]) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def moving_p2(db: Database, p2: PillarRow) -> object:
    return move_pillar(db, p2.id, 1, p2.position)


def deleting_p2(db: Database, p2: PillarRow) -> object:
    return delete_pillar(db, p2.id, p2.version)


ACTIONS = pytest.mark.parametrize("action", [moving_p2, deleting_p2], ids=["move", "delete"])


# --- a pillar deleted by another analyst ---------------------------------------------


@ACTIONS
def test_an_action_on_a_pillar_deleted_since_names_who_deleted_it(
    db: Database,
    program: ProgramRow,
    pillars: list[PillarRow],
    audit_log: AuditLog,
    action: Callable[[Database, PillarRow], object],
) -> None:
    p2 = pillars[1]
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_pillar(other, p2.id, p2.version))
    before = len(audit_log())
    with pytest.raises(DeletedMeanwhileError) as caught:
        action(db, p2)
    refusal = caught.value
    assert isinstance(refusal, ConflictError)  # the window reloads on it
    assert (refusal.entity, refusal.entity_id, refusal.changed_by) == ("pillar", p2.id, "sara")
    assert re.fullmatch(rf"pillar P2 was deleted by sara at {AT}", str(refusal)), str(refusal)
    assert order(db, program) == [(1, "P1"), (2, "P3")]
    assert len(audit_log()) == before


@ACTIONS
def test_a_pillar_never_there_is_still_not_found(
    db: Database, pillars: list[PillarRow], action: Callable[[Database, PillarRow], object]
) -> None:
    """No delete in the audit log: nobody to name, the pillar "does not exist"."""
    ghost = PillarRow(12345, 1, pillars[0].program_id, 2, "PX", "x", "")
    with pytest.raises(NotFoundError, match=r"^pillar 12345 does not exist$") as caught:
        action(db, ghost)
    assert not isinstance(caught.value, ConflictError)


@pytest.fixture
def pause_sara(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """(written, release): a delete run in the thread named "sara" stops inside its
    transaction once its delete is written (its locks held, nothing committed) until
    `release` is set."""
    written, release = threading.Event(), threading.Event()
    real = audit.record_deleted

    def pausing(*args: object, **kwargs: object) -> None:
        real(*args, **kwargs)  # type: ignore[arg-type]
        if threading.current_thread().name == "sara":
            written.set()
            assert release.wait(10)

    monkeypatch.setattr(audit, "record_deleted", pausing)
    return written, release


@pytest.mark.postgresql_only
@ACTIONS
def test_an_action_waiting_on_the_delete_of_its_pillar_names_who_deleted_it(
    db: Database,
    program: ProgramRow,
    pillars: list[PillarRow],
    pause_sara: tuple[threading.Event, threading.Event],
    action: Callable[[Database, PillarRow], object],
) -> None:
    """The analyst's action read the pillar, then waited for the program's pillars while
    Sara deleted it: once she commits, it finds the pillar gone and names her (it used
    to crash: "Could not refresh instance")."""
    p2 = pillars[1]
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: delete_pillar(other, p2.id, p2.version),
            lambda: action(db, p2),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, DeletedMeanwhileError), refusal
    assert (refusal.entity_id, refusal.changed_by) == (p2.id, "sara")
    assert re.fullmatch(rf"pillar P2 was deleted by sara at {AT}", str(refusal)), str(refusal)
    assert order(db, program) == [(1, "P1"), (2, "P3")]


def test_a_pillar_added_or_reordered_in_a_program_deleted_since_names_who_deleted_it(
    db: Database, program: ProgramRow, pillars: list[PillarRow], audit_log: AuditLog
) -> None:
    seen = get_program(db, program.id)
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_program(other, seen.id, seen.version))
    before = len(audit_log())
    actions: list[Callable[[], object]] = [
        lambda: create_pillar(db, program.id, PillarInput("P4", "P4")),
        lambda: reorder_pillars(db, program.id, [(p.id, p.position) for p in pillars[::-1]]),
    ]
    for action in actions:
        with pytest.raises(DeletedMeanwhileError) as caught:
            action()
        assert (caught.value.entity, caught.value.changed_by) == ("contract_program", "sara")
        assert re.fullmatch(
            rf"program CP-MNC-2024 was deleted by sara at {AT}", str(caught.value)
        ), str(caught.value)
    assert (count(db, Pillar), len(audit_log())) == (0, before)


@pytest.mark.postgresql_only
def test_a_pillar_added_while_its_program_is_being_deleted_is_refused(
    db: Database,
    program: ProgramRow,
    pause_sara: tuple[threading.Event, threading.Event],
) -> None:
    """The add waits for Sara's delete of the program, then names her (it used to fail
    on the foreign key, in the driver's words)."""
    seen = get_program(db, program.id)
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: delete_program(other, seen.id, seen.version),
            lambda: create_pillar(db, program.id, PillarInput("P1", "P1")),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, DeletedMeanwhileError), refusal
    assert str(refusal).startswith("program CP-MNC-2024 was deleted by sara at ")
    assert count(db, Pillar) == 0


# --- the undo of a delete whose parent another analyst deleted since --------------------


def test_a_pillar_put_back_after_its_program_was_deleted_is_refused(
    db: Database, program: ProgramRow, pillars: list[PillarRow], audit_log: AuditLog
) -> None:
    p2 = pillars[1]
    snapshot = delete_pillar(db, p2.id, p2.version)
    seen = get_program(db, program.id)
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_program(other, seen.id, seen.version))
    before = len(audit_log())
    with pytest.raises(DeletedMeanwhileError) as caught:
        restore_deleted(db, snapshot)
    refusal = caught.value
    assert (refusal.entity, refusal.entity_id, refusal.changed_by) == (
        "contract_program",
        program.id,
        "sara",
    )
    assert re.fullmatch(
        rf"cannot be put back: its program CP-MNC-2024 was deleted by sara at {AT}",
        str(refusal),
    ), str(refusal)
    assert (count(db, Pillar), len(audit_log())) == (0, before)


def test_a_kpi_put_back_after_its_initiative_was_deleted_is_refused(
    db: Database, tree: Tree, learners: KpiRow, audit_log: AuditLog
) -> None:
    snapshot = delete_kpi(db, learners.id, learners.version)
    initiative = get_initiative(db, tree.initiative_id)
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_initiative(other, initiative.id, initiative.version))
    before = len(audit_log())
    with pytest.raises(DeletedMeanwhileError) as caught:
        restore_deleted(db, snapshot)
    assert (caught.value.entity, caught.value.changed_by) == ("initiative", "sara")
    assert re.fullmatch(
        rf"cannot be put back: its initiative JIT was deleted by sara at {AT}", str(caught.value)
    ), str(caught.value)
    assert (count(db, Kpi), count(db, Initiative), len(audit_log())) == (0, 0, before)


def test_a_kpi_whose_pillar_went_with_its_initiative_names_the_initiative(
    db: Database, tree: Tree, learners: KpiRow
) -> None:
    """The initiative went with its pillar: its entry of that cascade names who and when."""
    snapshot = delete_kpi(db, learners.id, learners.version)
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_pillar(other, tree.pillar_id, 1))
    with pytest.raises(DeletedMeanwhileError) as caught:
        restore_deleted(db, snapshot)
    assert re.fullmatch(
        rf"cannot be put back: its initiative JIT was deleted by sara at {AT}", str(caught.value)
    ), str(caught.value)


def test_an_initiative_put_back_after_its_partner_was_deleted_is_refused(
    db: Database, tree: Tree
) -> None:
    """Not only the root's parent: a partner link that came with the initiative refers
    to an organization, deleted since (nothing referred to it any more)."""
    partner = create_organization(
        db, OrganizationInput("Maroc Numeric Cluster", OrganizationKind.ASSOCIATION)
    )
    initiative = create_initiative(
        db, tree.pillar_id, InitiativeInput("DIG", "Digitalisation", partner_ids=(partner.id,))
    )
    snapshot = delete_initiative(db, initiative.id, initiative.version)
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_organization(other, partner.id, partner.version))
    with pytest.raises(DeletedMeanwhileError) as caught:
        restore_deleted(db, snapshot)
    assert re.fullmatch(
        rf"cannot be put back: its organization Maroc Numeric Cluster was deleted by sara at {AT}",
        str(caught.value),
    ), str(caught.value)
    assert count(db, Initiative) == 1  # JIT alone


def test_the_undo_of_a_delete_still_puts_everything_back(
    db: Database, tree: Tree, learners: KpiRow
) -> None:
    """Parents all there (another analyst's unrelated delete meanwhile): put back."""
    kpi_snapshot = delete_kpi(db, learners.id, learners.version)
    initiative = get_initiative(db, tree.initiative_id)
    initiative_snapshot = delete_initiative(db, initiative.id, initiative.version)
    restore_deleted(db, initiative_snapshot)
    restore_deleted(db, kpi_snapshot)
    assert get_kpi(db, learners.id).code == "K1"
    assert get_initiative(db, tree.initiative_id).code == "JIT"


@pytest.mark.postgresql_only
def test_a_pillar_put_back_while_its_program_is_being_deleted_is_refused(
    db: Database,
    program: ProgramRow,
    pillars: list[PillarRow],
    pause_sara: tuple[threading.Event, threading.Event],
) -> None:
    """The undo waits for Sara's delete of the program, then names her (it used to fail
    on the foreign key, in the driver's words)."""
    p2 = pillars[1]
    snapshot = delete_pillar(db, p2.id, p2.version)
    seen = get_program(db, program.id)
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: delete_program(other, seen.id, seen.version),
            lambda: restore_deleted(db, snapshot),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, DeletedMeanwhileError), refusal
    assert refusal.changed_by == "sara"
    assert str(refusal).startswith("cannot be put back: its program CP-MNC-2024 was deleted")
    assert count(db, Pillar) == 0


@pytest.mark.postgresql_only
def test_a_kpi_put_back_while_its_initiative_is_being_deleted_is_refused(
    db: Database,
    tree: Tree,
    learners: KpiRow,
    pause_sara: tuple[threading.Event, threading.Event],
) -> None:
    snapshot = delete_kpi(db, learners.id, learners.version)
    initiative = get_initiative(db, tree.initiative_id)
    with second_database(db) as other:
        outcomes = race_while_held(
            db,
            lambda: delete_initiative(other, initiative.id, initiative.version),
            lambda: restore_deleted(db, snapshot),
            *pause_sara,
        )
    assert outcomes["sara"] == "done"
    refusal = outcomes["mine"]
    assert isinstance(refusal, DeletedMeanwhileError), refusal
    assert str(refusal).startswith("cannot be put back: its initiative JIT was deleted")
    assert count(db, Kpi) == 0


@pytest.fixture(autouse=True)
def _no_lingering_threads() -> Iterator[None]:
    yield
    assert [t.name for t in threading.enumerate() if t.name in ("sara", "mine")] == []
