from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from service_support import AuditLog, Count, Statements

from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.services.budget import (
    BudgetLineInput,
    budget_summary,
    create_budget_line,
    delete_budget_line,
    list_budget_lines,
    update_budget_line,
)
from pilotage.services.initiatives import InitiativeInput, InitiativeRow, create_initiative
from pilotage.services.pillars import PillarInput, PillarRow, create_pillar
from pilotage.services.programs import ProgramInput, ProgramRow, create_program
from pilotage.services.undo import restore_deleted

D = Decimal
LINE_2024 = BudgetLineInput(2024, planned=D("500000.00"), committed=D("350000.5"), disbursed=D(0))


def test_create_returns_a_plain_row_and_audits_it(
    db: Database, initiative: InitiativeRow, audit_log: AuditLog
) -> None:
    row = create_budget_line(db, initiative.id, LINE_2024)
    assert (row.initiative_id, row.year, row.planned, row.committed, row.disbursed) == (
        initiative.id,
        2024,
        D(500000),
        D("350000.50"),
        D(0),
    )
    assert (row.version, row.warnings) == (1, ())
    entry = audit_log()[-1]
    assert (entry.entity, entry.entity_id, entry.action) == ("budget_line", row.id, "create")
    assert json.loads(entry.changes) == {
        "initiative_id": [None, str(initiative.id)],
        "year": [None, "2024"],
        "planned": [None, "500000"],
        "committed": [None, "350000.5"],
        "disbursed": [None, "0"],
    }


@pytest.mark.parametrize(
    ("planned", "committed", "disbursed", "warnings"),
    [
        ("100", "100", "100", ()),
        ("100", "120.5", "0", ("committed (120.50) exceeds planned (100.00)",)),
        ("100", "50", "60", ("disbursed (60.00) exceeds committed (50.00)",)),
        (
            "1000",
            "1500",
            "2000000",
            (
                "committed (1,500.00) exceeds planned (1,000.00)",
                "disbursed (2,000,000.00) exceeds committed (1,500.00)",
            ),
        ),
    ],
)
def test_amounts_out_of_order_are_warnings_not_errors(
    db: Database,
    initiative: InitiativeRow,
    planned: str,
    committed: str,
    disbursed: str,
    warnings: tuple[str, ...],
) -> None:
    row = create_budget_line(
        db, initiative.id, BudgetLineInput(2025, D(planned), D(committed), D(disbursed))
    )
    assert row.warnings == warnings
    assert list_budget_lines(db, initiative.id) == [row]


def test_every_problem_is_listed_and_nothing_is_written(
    db: Database, initiative: InitiativeRow, count: Count, audit_log: AuditLog
) -> None:
    before = len(audit_log())
    with pytest.raises(ValidationError) as caught:
        create_budget_line(db, initiative.id, BudgetLineInput(1899, D("1.005"), D(-1), D("1E+16")))
    assert {p.field: p.message for p in caught.value.problems} == {
        "year": "must be a year between 1900 and 2200",
        "planned": "has more than 2 decimal places",
        "committed": "must be at least 0",
        "disbursed": "is too large",
    }
    with pytest.raises(ValidationError) as caught:
        create_budget_line(
            db,
            initiative.id,
            BudgetLineInput(None, None, D(0), D(0)),  # type: ignore[arg-type]
        )
    assert {p.field: p.message for p in caught.value.problems} == {
        "year": "is required",
        "planned": "is required",
    }
    with pytest.raises(NotFoundError):
        create_budget_line(db, 999, LINE_2024)
    assert count("budget_line") == 0
    assert len(audit_log()) == before


def test_one_line_per_initiative_and_year(
    db: Database, pillar: PillarRow, initiative: InitiativeRow, count: Count
) -> None:
    create_budget_line(db, initiative.id, LINE_2024)
    with pytest.raises(ValidationError) as caught:
        create_budget_line(db, initiative.id, BudgetLineInput(2024))
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == (
        "year",
        "2024 already has a budget line for this initiative",
    )
    other = create_initiative(db, pillar.id, InitiativeInput("OTHER", "Other"))
    create_budget_line(db, other.id, BudgetLineInput(2024))  # another initiative's 2024
    assert count("budget_line") == 2


def test_update_audits_the_diff_checks_the_year_and_refuses_stale(
    db: Database, initiative: InitiativeRow, audit_log: AuditLog
) -> None:
    row = create_budget_line(db, initiative.id, LINE_2024)
    line_2025 = create_budget_line(db, initiative.id, BudgetLineInput(2025))
    spent = BudgetLineInput(2024, D(500000), D("350000.50"), D("400000"))
    changed = update_budget_line(db, row.id, row.version, spent)
    assert changed.version == 2
    assert changed.warnings == ("disbursed (400,000.00) exceeds committed (350,000.50)",)
    assert json.loads(audit_log()[-1].changes) == {"disbursed": ["0", "400000"]}
    entries = len(audit_log())
    assert update_budget_line(db, row.id, changed.version, spent) == changed
    assert len(audit_log()) == entries
    with pytest.raises(ValidationError) as caught:
        update_budget_line(db, line_2025.id, line_2025.version, BudgetLineInput(2024))
    assert caught.value.fields() == {"year"}
    with pytest.raises(ConflictError):
        update_budget_line(db, row.id, row.version, LINE_2024)
    with pytest.raises(ConflictError):
        delete_budget_line(db, row.id, row.version)


def test_delete_and_undo(
    db: Database, initiative: InitiativeRow, count: Count, audit_log: AuditLog
) -> None:
    row = create_budget_line(db, initiative.id, LINE_2024)
    snapshot = delete_budget_line(db, row.id, row.version)
    assert [name for name, _ in snapshot.tables] == ["budget_line"]
    assert (count("budget_line"), count("initiative")) == (0, 1)
    entry = audit_log()[-1]
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.DELETE)
    assert json.loads(entry.changes)["committed"] == ["350000.5", None]
    restore_deleted(db, snapshot)
    assert list_budget_lines(db, initiative.id) == [row]


def test_summary_sums_exactly(db: Database, program: ProgramRow, initiative: InitiativeRow) -> None:
    create_budget_line(db, initiative.id, BudgetLineInput(2024, D("0.10"), D("0.10"), D("0.01")))
    create_budget_line(db, initiative.id, BudgetLineInput(2025, D("0.20"), D("0.20"), D("0.02")))
    summary = budget_summary(db, program.id)
    [line] = summary.initiatives
    assert isinstance(line.planned, Decimal)
    assert line.planned == D("0.30")  # 0.1 + 0.2 in floating point is 0.30000000000000004
    assert (line.committed, line.disbursed) == (D("0.30"), D("0.03"))
    assert (summary.planned, summary.committed, summary.disbursed) == (
        D("0.30"),
        D("0.30"),
        D("0.03"),
    )


def test_summary_per_initiative_and_program_in_one_query(
    db: Database,
    program: ProgramRow,
    pillar: PillarRow,
    initiative: InitiativeRow,
    statements: Statements,
) -> None:
    p2 = create_pillar(db, program.id, PillarInput("P2", "Écosystème"))
    startups = create_initiative(
        db, p2.id, InitiativeInput("S1", "Startup Factory", planned_budget=D("2000000"))
    )
    idle = create_initiative(db, pillar.id, InitiativeInput("ZZ", "No lines yet"))
    create_budget_line(db, initiative.id, BudgetLineInput(2024, D("500000"), D("400000"), D(0)))
    create_budget_line(
        db, initiative.id, BudgetLineInput(2025, D("750000.25"), D("100000"), D("50000.75"))
    )
    create_budget_line(db, startups.id, BudgetLineInput(2024, D("1000000"), D(0), D(0)))
    other = create_program(db, ProgramInput("CP-2", "Autre", date(2024, 1, 1), date(2026, 1, 1)))
    foreign_pillar = create_pillar(db, other.id, PillarInput("X1", "Ailleurs"))
    foreign = create_initiative(db, foreign_pillar.id, InitiativeInput("F", "Foreign"))
    create_budget_line(db, foreign.id, BudgetLineInput(2024, D(999), D(999), D(999)))

    with statements() as sql:
        summary = budget_summary(db, program.id)
    assert len(sql) == 1
    # Pillar order first (P1 then P2), then code within a pillar.
    assert [
        (b.initiative_code, b.pillar_code, b.planned_budget, b.planned, b.committed, b.disbursed)
        for b in summary.initiatives
    ] == [
        ("JIT", "P1", D(1500000), D("1250000.25"), D(500000), D("50000.75")),
        ("ZZ", "P1", None, D(0), D(0), D(0)),
        ("S1", "P2", D(2000000), D(1000000), D(0), D(0)),
    ]
    assert (summary.initiatives[1].initiative_id, summary.initiatives[2].initiative_id) == (
        idle.id,
        startups.id,
    )
    assert (summary.planned, summary.committed, summary.disbursed) == (
        D("2250000.25"),
        D(500000),
        D("50000.75"),
    )
    empty = budget_summary(db, 999)
    assert (empty.initiatives, empty.planned) == ((), D(0))
