"""Reading one milestone, budget line or party by id: what the GUI's undo commands use
to find a record again after putting it back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pilotage.db.database import Database
from pilotage.domain.enums import PartyRole
from pilotage.domain.errors import NotFoundError
from pilotage.services.budget import get_budget_line, list_budget_lines
from pilotage.services.milestones import get_milestone, list_milestones
from pilotage.services.overview import program_trees
from pilotage.services.parties import get_party, list_parties


def _jobintech_id(db: Database) -> int:
    tree = program_trees(db, date(2024, 12, 31))[0]
    return next(i.id for p in tree.pillars for i in p.initiatives if i.code == "P1-JIT")


def test_get_milestone_reads_the_row_the_list_gives(demo_db: Database) -> None:
    first = list_milestones(demo_db, _jobintech_id(demo_db))[0]
    row = get_milestone(demo_db, first.id)
    assert row == first
    assert (row.title, row.due_date) == ("Lancement de la phase pilote", date(2024, 1, 15))


def test_get_budget_line_reads_the_row_with_its_warnings(demo_db: Database) -> None:
    lines = list_budget_lines(demo_db, _jobintech_id(demo_db))
    line_2024 = next(line for line in lines if line.year == 2024)
    row = get_budget_line(demo_db, line_2024.id)
    assert row == line_2024
    assert row.disbursed == Decimal("3500000.00")
    assert row.warnings == ()  # 3.5 M disbursed of 3.8 M committed of 4 M planned


def test_get_party_carries_its_organization(demo_db: Database) -> None:
    tree = program_trees(demo_db, date(2024, 12, 31))[0]
    contractor = next(p for p in list_parties(demo_db, tree.program.id) if p.role == "contractor")
    row = get_party(demo_db, contractor.id)
    assert row == contractor
    assert (row.role, row.organization_acronym, row.signatory_name) == (
        PartyRole.CONTRACTOR,
        "MNC",
        "Mehdi Kettani",
    )


@pytest.mark.parametrize("get", [get_milestone, get_budget_line, get_party])
def test_an_unknown_id_is_not_found(demo_db: Database, get: object) -> None:
    with pytest.raises(NotFoundError):
        get(demo_db, 999_999)  # type: ignore[operator]
