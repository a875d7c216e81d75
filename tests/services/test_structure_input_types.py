"""Wrong-typed inputs to the structure's services (organizations, parties, pillars,
milestones, budget lines) are problems on their fields, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from service_support import AuditLog
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import metadata
from pilotage.domain.enums import OrganizationKind, PartyRole
from pilotage.domain.errors import Problem, ValidationError
from pilotage.services.budget import BudgetLineInput, create_budget_line, update_budget_line
from pilotage.services.initiatives import InitiativeRow, move_initiative
from pilotage.services.milestones import MilestoneInput, create_milestone, update_milestone
from pilotage.services.organizations import (
    OrganizationInput,
    OrganizationRow,
    create_organization,
    update_organization,
)
from pilotage.services.parties import PartyInput, add_party, update_party
from pilotage.services.pillars import (
    PillarInput,
    PillarRow,
    create_pillar,
    move_pillar,
    reorder_pillars,
    update_pillar,
)
from pilotage.services.programs import ProgramRow

D = Decimal
CLUSTER = OrganizationInput("Cluster", OrganizationKind.ASSOCIATION, acronym="CL")
PILLAR = PillarInput("P3", "Third pillar")
MILESTONE = MilestoneInput("Pilot cohort", date(2025, 6, 30))
BUDGET = BudgetLineInput(2025, planned=D("1000.00"))


@dataclass(frozen=True)
class World:
    """A program with two pillars, an initiative with a milestone and a budget line, and
    one party: what each wrong input is sent to."""

    program_id: int
    pillars: tuple[PillarRow, PillarRow]
    initiative: InitiativeRow
    organization: OrganizationRow
    party_id: int
    party_version: int
    milestone_id: int
    milestone_version: int
    line_id: int
    line_version: int


@pytest.fixture
def world(
    db: Database,
    program: ProgramRow,
    pillar: PillarRow,
    initiative: InitiativeRow,
    ministry: OrganizationRow,
) -> World:
    second = create_pillar(db, program.id, PillarInput("P2", "Second pillar"))
    party = add_party(db, program.id, PartyInput(ministry.id, PartyRole.CONTRACTING_AUTHORITY))
    milestone = create_milestone(db, initiative.id, MILESTONE)
    line = create_budget_line(db, initiative.id, BUDGET)
    return World(
        program.id,
        (pillar, second),
        initiative,
        ministry,
        party.id,
        party.version,
        milestone.id,
        milestone.version,
        line.id,
        line.version,
    )


Call = Callable[[Database, World], object]


def organization(**changes: Any) -> Call:
    return lambda db, _w: create_organization(db, replace(CLUSTER, **changes))


def organization_update(**changes: Any) -> Call:
    return lambda db, w: update_organization(
        db,
        w.organization.id,
        w.organization.version,
        replace(OrganizationInput(w.organization.name, w.organization.kind), **changes),
    )


def party(**changes: Any) -> Call:
    def call(db: Database, w: World) -> object:
        data = replace(PartyInput(w.organization.id, PartyRole.FUNDER), **changes)
        return add_party(db, w.program_id, data)

    return call


def party_update(**changes: Any) -> Call:
    def call(db: Database, w: World) -> object:
        data = replace(PartyInput(w.organization.id, PartyRole.CONTRACTING_AUTHORITY), **changes)
        return update_party(db, w.party_id, w.party_version, data)

    return call


def pillar(**changes: Any) -> Call:
    return lambda db, w: create_pillar(db, w.program_id, replace(PILLAR, **changes))


def pillar_update(**changes: Any) -> Call:
    def call(db: Database, w: World) -> object:
        first = w.pillars[0]
        data = replace(PillarInput(first.code, first.title), **changes)
        return update_pillar(db, first.id, first.version, data)

    return call


def milestone(**changes: Any) -> Call:
    return lambda db, w: create_milestone(db, w.initiative.id, replace(MILESTONE, **changes))


def milestone_update(**changes: Any) -> Call:
    return lambda db, w: update_milestone(
        db, w.milestone_id, w.milestone_version, replace(MILESTONE, **changes)
    )


def budget(**changes: Any) -> Call:
    # 2026: the fixture's line holds 2025, and a clash must not be what is refused.
    return lambda db, w: create_budget_line(
        db, w.initiative.id, replace(BUDGET, **{"year": 2026, **changes})
    )


def budget_update(**changes: Any) -> Call:
    return lambda db, w: update_budget_line(
        db, w.line_id, w.line_version, replace(BUDGET, **changes)
    )


def move(position: Any, seen: Any = 1) -> Call:
    return lambda db, w: move_pillar(db, w.pillars[0].id, position, seen)


def reorder(ordered: Callable[[World], Any]) -> Call:
    return lambda db, w: reorder_pillars(db, w.program_id, ordered(w))


def move_to(target_pillar_id: Any) -> Call:
    return lambda db, w: move_initiative(
        db, w.initiative.id, w.initiative.version, target_pillar_id
    )


def pairs(w: World) -> list[tuple[int, int]]:
    return [(p.id, p.position) for p in reversed(w.pillars)]


WRONG: list[Any] = [
    # organizations
    pytest.param(organization(name=5), "organization", "name", id="org-name-number"),
    pytest.param(organization(acronym=7), "organization", "acronym", id="org-acronym-number"),
    pytest.param(organization(kind=None), "organization", "kind", id="org-kind-none"),
    pytest.param(organization(kind=["ministry"]), "organization", "kind", id="org-kind-list"),
    pytest.param(organization(kind="club"), "organization", "kind", id="org-kind-unknown"),
    pytest.param(
        organization(founded_year="1990"), "organization", "founded_year", id="org-year-text"
    ),
    pytest.param(
        organization(founded_year=1990.0), "organization", "founded_year", id="org-year-float"
    ),
    pytest.param(organization(website=["x"]), "organization", "website", id="org-site-list"),
    pytest.param(organization(notes=3), "organization", "notes", id="org-notes-number"),
    pytest.param(
        organization_update(founded_year="2001"),
        "organization",
        "founded_year",
        id="org-update-year-text",
    ),
    # parties
    pytest.param(party(organization_id=None), "program_party", "organization_id", id="party-org"),
    pytest.param(
        party(organization_id="1"), "program_party", "organization_id", id="party-org-text"
    ),
    pytest.param(party(role=None), "program_party", "role", id="party-role-none"),
    pytest.param(party(role=["funder"]), "program_party", "role", id="party-role-list"),
    pytest.param(
        party(signatory_name=5), "program_party", "signatory_name", id="party-signatory-number"
    ),
    pytest.param(
        party_update(signatory_title=["Ministre"]),
        "program_party",
        "signatory_title",
        id="party-update-title-list",
    ),
    # pillars
    pytest.param(pillar(code=3), "pillar", "code", id="pillar-code-number"),
    pytest.param(pillar(title=None), "pillar", "title", id="pillar-title-none"),
    pytest.param(pillar(title=["Skills"]), "pillar", "title", id="pillar-title-list"),
    pytest.param(pillar(objective=5), "pillar", "objective", id="pillar-objective-number"),
    pytest.param(pillar_update(code=1.5), "pillar", "code", id="pillar-update-code-float"),
    pytest.param(move("2"), "pillar", "new_position", id="move-position-text"),
    pytest.param(move(None), "pillar", "new_position", id="move-position-none"),
    pytest.param(move(2.0), "pillar", "new_position", id="move-position-float"),
    pytest.param(move(True), "pillar", "new_position", id="move-position-bool"),
    pytest.param(move(2, "1"), "pillar", "seen_position", id="move-seen-text"),
    pytest.param(move(2, None), "pillar", "seen_position", id="move-seen-none"),
    pytest.param(move(2, 1.0), "pillar", "seen_position", id="move-seen-float"),
    pytest.param(reorder(lambda _w: None), "pillar", "ordered", id="reorder-none"),
    pytest.param(reorder(lambda _w: "21"), "pillar", "ordered", id="reorder-text"),
    pytest.param(
        reorder(lambda w: [p[0] for p in pairs(w)]), "pillar", "ordered", id="reorder-ids-only"
    ),
    pytest.param(
        reorder(lambda w: [(i, str(v)) for i, v in pairs(w)]),
        "pillar",
        "ordered",
        id="reorder-seen-text",
    ),
    pytest.param(
        reorder(lambda w: [(i, None) for i, _ in pairs(w)]),
        "pillar",
        "ordered",
        id="reorder-seen-none",
    ),
    pytest.param(
        reorder(lambda w: [(*p, 1) for p in pairs(w)]), "pillar", "ordered", id="reorder-triples"
    ),
    # initiatives: moved to a pillar given by its id
    pytest.param(move_to("2"), "initiative", "target_pillar_id", id="move-to-text"),
    pytest.param(move_to(None), "initiative", "target_pillar_id", id="move-to-none"),
    pytest.param(move_to(2.0), "initiative", "target_pillar_id", id="move-to-float"),
    # milestones
    pytest.param(milestone(due_date="2025-06-30"), "milestone", "due_date", id="due-text"),
    pytest.param(milestone(due_date=None), "milestone", "due_date", id="due-none"),
    pytest.param(
        milestone(due_date=datetime(2025, 6, 30, tzinfo=UTC)),
        "milestone",
        "due_date",
        id="due-time",
    ),
    pytest.param(milestone(done_date="2025-07-01"), "milestone", "done_date", id="done-text"),
    pytest.param(milestone(title=5), "milestone", "title", id="milestone-title-number"),
    pytest.param(milestone(note=["x"]), "milestone", "note", id="milestone-note-list"),
    pytest.param(
        milestone_update(due_date=20250630), "milestone", "due_date", id="milestone-update-due"
    ),
    # budget lines
    pytest.param(budget(year="2026"), "budget_line", "year", id="year-text"),
    pytest.param(budget(year=None), "budget_line", "year", id="year-none"),
    pytest.param(budget(year=2026.0), "budget_line", "year", id="year-float"),
    pytest.param(budget(year=True), "budget_line", "year", id="year-bool"),
    pytest.param(budget(planned=1000.5), "budget_line", "planned", id="planned-float"),
    pytest.param(budget(committed=None), "budget_line", "committed", id="committed-none"),
    pytest.param(budget(disbursed=[1]), "budget_line", "disbursed", id="disbursed-list"),
    pytest.param(budget_update(planned=0.1), "budget_line", "planned", id="budget-update-float"),
]


@pytest.mark.parametrize(("call", "table", "field"), WRONG)
def test_a_wrong_type_is_a_problem_on_its_field_and_writes_nothing(
    db: Database, world: World, audit_log: AuditLog, call: Call, table: str, field: str
) -> None:
    def content() -> list[dict[str, Any]]:
        with db.reading() as session:
            return [dict(r) for r in session.execute(select(metadata.tables[table])).mappings()]

    before, logged = content(), len(audit_log())
    with pytest.raises(ValidationError) as caught:
        call(db, world)
    assert caught.value.fields() == {field}
    # Not a row, not a version, not a position changed; no audit entry either.
    assert content() == before
    assert len(audit_log()) == logged


def test_every_wrong_type_of_a_budget_line_is_listed(db: Database, world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        create_budget_line(
            db,
            world.initiative.id,
            BudgetLineInput("2026", planned=0.1, committed=None),  # type: ignore[arg-type]
        )
    assert list(caught.value.problems) == [
        Problem("year", "must be a whole number, not the text '2026'"),
        Problem(
            "planned", "must be a Decimal or its text ('0.1'), not a float: floats are inexact"
        ),
        Problem("committed", "is required"),
    ]


def test_a_milestone_lists_wrong_types_with_its_other_problems(db: Database, world: World) -> None:
    """A form left without a title and with the text of a date hears of both at once."""
    with pytest.raises(ValidationError) as caught:
        create_milestone(db, world.initiative.id, MilestoneInput(" ", "2025-06-30"))  # type: ignore[arg-type]
    assert {p.field: p.message for p in caught.value.problems} == {
        "due_date": "must be a date, not the text '2025-06-30'",
        "title": "is required",
    }


def test_the_loose_arguments_say_what_was_expected(db: Database, world: World) -> None:
    first, second = world.pillars
    with pytest.raises(ValidationError) as caught:
        move_pillar(db, first.id, "2", "1")  # type: ignore[arg-type]
    assert list(caught.value.problems) == [
        Problem("new_position", "must be a whole number, not the text '2'"),
        Problem("seen_position", "must be a whole number, not the text '1'"),
    ]
    with pytest.raises(ValidationError) as caught:
        reorder_pillars(db, world.program_id, [(second.id, second.position), (first.id, "1")])  # type: ignore[list-item]
    assert list(caught.value.problems) == [
        Problem(
            "ordered",
            f"line 2: must be a pillar id and the position it was seen at (whole numbers), "
            f"not ({first.id}, '1')",
        )
    ]
    with pytest.raises(ValidationError) as caught:
        reorder_pillars(db, world.program_id, "21")  # type: ignore[arg-type]
    assert list(caught.value.problems) == [
        Problem("ordered", "must be a list of (pillar id, position seen) pairs, not '21'")
    ]


def test_texts_of_enumerations_and_numbers_are_still_accepted(db: Database, world: World) -> None:
    made = create_organization(db, replace(CLUSTER, kind="company"))  # type: ignore[arg-type]
    assert made.kind is OrganizationKind.COMPANY
    added = add_party(db, world.program_id, PartyInput(made.id, "partner"))  # type: ignore[arg-type]
    assert added.role is PartyRole.PARTNER
    line = create_budget_line(
        db,
        world.initiative.id,
        BudgetLineInput(2026, planned="1500.50", committed=D(10)),  # type: ignore[arg-type]
    )
    assert (line.planned, line.committed) == (D("1500.50"), D(10))
    first, second = world.pillars
    # A pair may come as a list (e.g. from JSON).
    as_lists: Any = [[second.id, second.position], [first.id, first.position]]
    reordered = reorder_pillars(db, world.program_id, as_lists)
    assert [p.code for p in reordered] == ["P2", "P1"]
