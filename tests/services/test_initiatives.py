from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from service_support import AuditLog, Count, Statements

from pilotage.db.database import Database
from pilotage.db.schema import Initiative
from pilotage.domain.enums import AuditAction, InitiativeStatus
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.services.budget import BudgetLineInput, create_budget_line
from pilotage.services.initiatives import (
    InitiativeInput,
    InitiativeRow,
    create_initiative,
    delete_initiative,
    get_initiative,
    list_initiatives,
    move_initiative,
    update_initiative,
)
from pilotage.services.milestones import MilestoneInput, create_milestone
from pilotage.services.organizations import OrganizationRow, list_organizations
from pilotage.services.pillars import PillarInput, PillarRow, create_pillar
from pilotage.services.programs import ProgramInput, ProgramRow, create_program
from pilotage.services.undo import restore_deleted


def form(row: InitiativeRow, **changes: object) -> InitiativeInput:
    """The input a form would send back for `row`, with `changes` applied."""
    fields = {name: getattr(row, name) for name in InitiativeInput.__dataclass_fields__}
    return InitiativeInput(**{**fields, **changes})


def test_create_returns_a_plain_row_and_audits_it(
    db: Database,
    pillar: PillarRow,
    mnc: OrganizationRow,
    cdg: OrganizationRow,
    ministry: OrganizationRow,
    audit_log: AuditLog,
) -> None:
    row = create_initiative(
        db,
        pillar.id,
        InitiativeInput(
            code=" JIT ",
            name=" JobInTech ",
            lead_organization_id=mnc.id,
            partner_ids=(ministry.id, cdg.id, cdg.id),
            start_date=date(2024, 3, 1),
            end_date=date(2026, 12, 31),
            status=InitiativeStatus.RUNNING,
            planned_budget=Decimal("1500000.50"),
        ),
    )
    assert (row.pillar_id, row.code, row.name, row.version) == (pillar.id, "JIT", "JobInTech", 1)
    assert row.partner_ids == tuple(sorted((ministry.id, cdg.id)))
    assert row.planned_budget == Decimal("1500000.50")
    assert row.warnings == ()
    assert get_initiative(db, row.id) == row
    entry = audit_log()[-1]
    assert (entry.entity, entry.entity_id, entry.action) == ("initiative", row.id, "create")
    changes = json.loads(entry.changes)
    assert changes["pillar_id"] == [None, str(pillar.id)]
    assert changes["partner_ids"] == [None, json.dumps(sorted([str(ministry.id), str(cdg.id)]))]
    assert changes["planned_budget"] == [None, "1500000.5"]
    assert "end_date" in changes
    assert changes["description"] == [None, ""]


def test_dates_outside_the_program_are_warnings_not_errors(db: Database, pillar: PillarRow) -> None:
    # The program runs 2024-01-01 .. 2027-12-31.
    early = create_initiative(
        db,
        pillar.id,
        InitiativeInput("A", "Early", start_date=date(2023, 6, 1), end_date=date(2028, 1, 31)),
    )
    assert early.warnings == (
        "starts before the program (2023-06-01 < 2024-01-01)",
        "ends after the program (2028-01-31 > 2027-12-31)",
    )
    outside = create_initiative(
        db,
        pillar.id,
        InitiativeInput("B", "Outside", start_date=date(2028, 2, 1), end_date=None),
    )
    assert outside.warnings == ("starts after the program ends (2028-02-01 > 2027-12-31)",)
    before = create_initiative(
        db, pillar.id, InitiativeInput("C", "Before", start_date=None, end_date=date(2023, 12, 31))
    )
    assert before.warnings == ("ends before the program starts (2023-12-31 < 2024-01-01)",)
    edges = create_initiative(
        db,
        pillar.id,
        InitiativeInput("D", "Edges", start_date=date(2024, 1, 1), end_date=date(2027, 12, 31)),
    )
    assert edges.warnings == ()
    assert [r.warnings for r in list_initiatives(db, pillar.id)] == [
        early.warnings,
        outside.warnings,
        before.warnings,
        (),
    ]


def test_every_problem_is_listed_and_nothing_is_written(
    db: Database, pillar: PillarRow, mnc: OrganizationRow, count: Count, audit_log: AuditLog
) -> None:
    before = len(audit_log())
    bad = InitiativeInput(
        code="J I T",
        name=" ",
        lead_organization_id=998,
        partner_ids=(mnc.id, 999, 997),
        start_date=date(2025, 1, 1),
        end_date=date(2024, 12, 31),
        status="paused",  # type: ignore[arg-type]
        planned_budget=Decimal("10.005"),
    )
    with pytest.raises(ValidationError) as caught:
        create_initiative(db, pillar.id, bad)
    problems = {p.field: p.message for p in caught.value.problems}
    assert problems == {
        "code": "may hold letters, digits and . - _ / only, without spaces",
        "name": "is required",
        "lead_organization_id": "organization 998 does not exist",
        "partner_ids": "organizations 997, 999 do not exist",
        "end_date": "must not be before the start",
        "status": "'paused' is not a status of an initiative",
        "planned_budget": "has more than 2 decimal places",
    }
    with pytest.raises(ValidationError) as caught:
        create_initiative(
            db,
            pillar.id,
            InitiativeInput("J", "J", partner_ids=(999,), planned_budget=Decimal(-1)),
        )
    assert {p.field: p.message for p in caught.value.problems} == {
        "partner_ids": "organization 999 does not exist",
        "planned_budget": "must be at least 0",
    }
    assert count("initiative") == 0
    assert count("initiative_partner") == 0
    assert len(audit_log()) == before


def test_code_is_unique_across_the_whole_program(
    db: Database, program: ProgramRow, pillar: PillarRow, initiative: InitiativeRow
) -> None:
    p2 = create_pillar(db, program.id, PillarInput("P2", "Écosystème"))
    with pytest.raises(ValidationError) as caught:
        create_initiative(db, p2.id, InitiativeInput("jit", "Another"))
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == (
        "code",
        "jit is already the code of an initiative of this program (in pillar P1)",
    )
    other = create_program(db, ProgramInput("CP-2", "Autre", date(2024, 1, 1), date(2025, 1, 1)))
    elsewhere = create_pillar(db, other.id, PillarInput("P1", "Ailleurs"))
    assert create_initiative(db, elsewhere.id, InitiativeInput("JIT", "Same code")).code == "JIT"


def test_unknown_pillar_or_initiative(db: Database) -> None:
    with pytest.raises(NotFoundError):
        create_initiative(db, 999, InitiativeInput("X", "X"))
    with pytest.raises(NotFoundError):
        list_initiatives(db, 999)
    with pytest.raises(NotFoundError):
        get_initiative(db, 999)


def test_update_replaces_partners_as_a_set_and_audits_both_lists(
    db: Database,
    initiative: InitiativeRow,
    mnc: OrganizationRow,
    cdg: OrganizationRow,
    ministry: OrganizationRow,
    audit_log: AuditLog,
    count: Count,
) -> None:
    assert initiative.partner_ids == (cdg.id,)
    changed = update_initiative(
        db, initiative.id, initiative.version, form(initiative, partner_ids=(ministry.id, mnc.id))
    )
    assert changed.partner_ids == tuple(sorted((ministry.id, mnc.id)))
    # Only the link table changed, yet the version moves so stale copies are refused.
    assert changed.version == initiative.version + 1
    assert count("initiative_partner") == 2
    entry = audit_log()[-1]
    assert entry.action == AuditAction.UPDATE
    assert json.loads(entry.changes) == {
        "partner_ids": [
            json.dumps([str(cdg.id)]),
            json.dumps(sorted([str(ministry.id), str(mnc.id)])),
        ]
    }
    assert [o.id for o in list_organizations(db) if o.id == cdg.id] == [cdg.id]


def test_update_fields_warnings_and_no_op(
    db: Database, initiative: InitiativeRow, audit_log: AuditLog
) -> None:
    changed = update_initiative(
        db,
        initiative.id,
        initiative.version,
        form(initiative, status=InitiativeStatus.DONE, start_date=date(2023, 1, 1)),
    )
    assert changed.warnings == ("starts before the program (2023-01-01 < 2024-01-01)",)
    assert json.loads(audit_log()[-1].changes) == {
        "status": ["running", "done"],
        "start_date": ["2024-03-01", "2023-01-01"],
    }
    entries = len(audit_log())
    assert update_initiative(db, initiative.id, changed.version, form(changed)) == changed
    assert len(audit_log()) == entries
    # Keeping its own code is not a clash with itself.
    assert (
        update_initiative(db, initiative.id, changed.version, form(changed, code="jit")).code
        == "jit"
    )


def test_stale_version_is_refused(db: Database, initiative: InitiativeRow) -> None:
    update_initiative(db, initiative.id, initiative.version, form(initiative, name="Renamed"))
    with pytest.raises(ConflictError):
        update_initiative(db, initiative.id, initiative.version, form(initiative, name="Mine"))
    with pytest.raises(ConflictError):
        delete_initiative(db, initiative.id, initiative.version)
    with pytest.raises(ConflictError):
        move_initiative(db, initiative.id, initiative.version, initiative.pillar_id)
    assert get_initiative(db, initiative.id).name == "Renamed"


CHILD_TABLES = (
    "initiative",
    "initiative_partner",
    "milestone",
    "budget_line",
    "kpi",
    "kpi_target",
    "measurement",
    "disaggregation",
    "organization",
)


def test_delete_cascades_keeps_organizations_and_undo_restores_it_all(
    db: Database,
    pillar: PillarRow,
    initiative: InitiativeRow,
    cdg: OrganizationRow,
    count: Count,
    audit_log: AuditLog,
    add_kpi: Callable[..., int],
) -> None:
    create_milestone(db, initiative.id, MilestoneInput("Pilot cohort", date(2024, 9, 1)))
    create_milestone(db, initiative.id, MilestoneInput("Second cohort", date(2025, 9, 1)))
    create_budget_line(db, initiative.id, BudgetLineInput(2024, Decimal(500)))
    add_kpi(code="GRAD", initiative_id=initiative.id)
    add_kpi(code="PLACE", initiative_id=initiative.id)
    survivor = create_initiative(db, pillar.id, InitiativeInput("OTHER", "Untouched"))
    add_kpi(code="GRAD", initiative_id=survivor.id)
    before = {t: count(t) for t in CHILD_TABLES}
    assert before == {
        "initiative": 2,
        "initiative_partner": 1,
        "milestone": 2,
        "budget_line": 1,
        "kpi": 3,
        "kpi_target": 3,
        "measurement": 3,
        "disaggregation": 6,
        "organization": 2,
    }

    snapshot = delete_initiative(db, initiative.id, initiative.version)

    assert {t: count(t) for t in CHILD_TABLES} == {
        "initiative": 1,
        "initiative_partner": 0,
        "milestone": 0,
        "budget_line": 0,
        "kpi": 1,
        "kpi_target": 1,
        "measurement": 1,
        "disaggregation": 2,
        "organization": 2,
    }
    assert snapshot.count("measurement") == 2
    entry = audit_log()[-1]
    assert (entry.entity_id, entry.action) == (initiative.id, AuditAction.DELETE)
    assert "2 milestone" in entry.reason
    assert "4 disaggregation" in entry.reason
    assert json.loads(entry.changes)["partner_ids"] == [json.dumps([str(cdg.id)]), None]
    assert [r.code for r in list_initiatives(db, pillar.id)] == ["OTHER"]

    restore_deleted(db, snapshot)
    assert {t: count(t) for t in CHILD_TABLES} == before
    assert get_initiative(db, initiative.id) == initiative
    assert audit_log()[-1].reason.startswith("restored after delete with ")


def test_move_within_the_program_takes_its_children_along(
    db: Database,
    program: ProgramRow,
    initiative: InitiativeRow,
    audit_log: AuditLog,
    count: Count,
) -> None:
    create_milestone(db, initiative.id, MilestoneInput("Pilot cohort", date(2024, 9, 1)))
    p2 = create_pillar(db, program.id, PillarInput("P2", "Écosystème"))
    moved = move_initiative(db, initiative.id, initiative.version, p2.id)
    assert (moved.pillar_id, moved.version) == (p2.id, initiative.version + 1)
    assert replace(moved, pillar_id=initiative.pillar_id, version=initiative.version) == initiative
    assert [r.id for r in list_initiatives(db, p2.id)] == [initiative.id]
    assert list_initiatives(db, initiative.pillar_id) == []
    assert count("milestone") == 1
    entry = audit_log()[-1]
    assert json.loads(entry.changes) == {"pillar_id": [str(initiative.pillar_id), str(p2.id)]}
    assert entry.reason == "moved from pillar P1 to pillar P2"
    entries = len(audit_log())
    assert move_initiative(db, initiative.id, moved.version, p2.id) == moved
    assert len(audit_log()) == entries


def test_move_to_another_program_or_onto_a_taken_code_is_refused(
    db: Database, program: ProgramRow, initiative: InitiativeRow
) -> None:
    other = create_program(db, ProgramInput("CP-2", "Autre", date(2024, 1, 1), date(2025, 1, 1)))
    foreign = create_pillar(db, other.id, PillarInput("X1", "Ailleurs"))
    with pytest.raises(ValidationError) as caught:
        move_initiative(db, initiative.id, initiative.version, foreign.id)
    assert caught.value.fields() == {"target_pillar_id"}
    assert "belongs to another program" in str(caught.value)
    with pytest.raises(NotFoundError):
        move_initiative(db, initiative.id, initiative.version, 999)
    # Data from before program-wide codes may repeat a code in another pillar: the
    # database only forbids it within one pillar, and the move must not break that.
    p2 = create_pillar(db, program.id, PillarInput("P2", "Écosystème"))
    with db.transaction() as session:
        session.add(Initiative(pillar_id=p2.id, code="JIT", name="Legacy", status="planned"))
    with pytest.raises(ValidationError) as caught:
        move_initiative(db, initiative.id, initiative.version, p2.id)
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == ("code", "JIT is already used in pillar P2")
    assert get_initiative(db, initiative.id).pillar_id == initiative.pillar_id


def test_list_runs_a_fixed_number_of_statements(
    db: Database,
    pillar: PillarRow,
    mnc: OrganizationRow,
    cdg: OrganizationRow,
    statements: Statements,
) -> None:
    def selects() -> int:
        with statements() as sql:
            list_initiatives(db, pillar.id)
        return len(sql)

    create_initiative(db, pillar.id, InitiativeInput("A", "A", partner_ids=(mnc.id,)))
    one = selects()
    for code in "BCDE":
        create_initiative(db, pillar.id, InitiativeInput(code, code, partner_ids=(mnc.id, cdg.id)))
    assert selects() == one == 3
    assert [r.partner_ids for r in list_initiatives(db, pillar.id)][-1] == tuple(
        sorted((mnc.id, cdg.id))
    )
