"""Two analysts creating a record with the same unique key at the same moment: the
service's check saw the key free (the other had not committed yet), the database's
unique constraint refuses the second insert, and the analyst is told in one sentence on
the field, not "the database refused the change (<driver text>)".

The race is forced as test_conflicts.py forces the measurement's: the other analyst
commits first (a second `Database`), and the first one's check is made blind, as it is
on PostgreSQL before the other commits. It runs on the run's engine: SQLite's
"UNIQUE constraint failed: table.column" and PostgreSQL's UniqueViolation (its
constraint's name) both name the field.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from kpi_fixtures import D, Tree, kpi_input, make_kpi, make_tree
from service_support import Count
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import Problem, ValidationError
from pilotage.services import kpi_validation, organizations, pillars, targets
from pilotage.services.kpis import create_kpi
from pilotage.services.organizations import OrganizationInput, create_organization
from pilotage.services.pillars import PillarInput, create_pillar
from pilotage.services.targets import list_targets, revise_target, set_target
from two_analysts import as_analyst, second_database

MEANWHILE = "is already used: another analyst created it meanwhile"


@pytest.fixture
def tree(db: Database) -> Tree:
    return make_tree(db)


def refused(caught: pytest.ExceptionInfo[ValidationError]) -> Problem:
    (problem,) = caught.value.problems
    return problem


def test_a_pillar_code_taken_meanwhile_is_refused_on_the_code(
    db: Database, tree: Tree, count: Count, monkeypatch: pytest.MonkeyPatch
) -> None:
    with second_database(db) as other:
        as_analyst("sara", lambda: create_pillar(other, tree.program_id, PillarInput("P9", "Sara")))
    real = pillars._clean

    def blind(
        session: Session, program_id: int, data: PillarInput, exclude: int | None
    ) -> dict[str, object]:
        # The check looks for a code nobody has, as P9 was before Sara's commit.
        values = real(session, program_id, replace(data, code="FREE"), exclude)
        return {**values, "code": data.code}

    monkeypatch.setattr(pillars, "_clean", blind)
    with pytest.raises(ValidationError) as caught:
        create_pillar(db, tree.program_id, PillarInput("P9", "Mine"))
    assert refused(caught) == Problem("code", f"“P9” {MEANWHILE}")
    assert str(caught.value) == f"code: “P9” {MEANWHILE}"
    assert count("pillar") == 2  # P1 and Sara's P9: nothing duplicated
    with db.transaction():  # the connection is usable again after the failed insert
        pass


def test_a_kpi_code_taken_meanwhile_is_refused_on_the_code(
    db: Database, tree: Tree, count: Count, monkeypatch: pytest.MonkeyPatch
) -> None:
    with second_database(db) as other:
        as_analyst("sara", lambda: create_kpi(other, tree.program, kpi_input(code="K9")))
    monkeypatch.setattr(kpi_validation, "_check_code_free", lambda *_args: None)
    with pytest.raises(ValidationError) as caught:
        create_kpi(db, tree.program, kpi_input(code="K9", name="Mine"))
    assert refused(caught) == Problem("code", f"“K9” {MEANWHILE}")
    assert count("kpi") == 1


def test_an_acronym_taken_meanwhile_is_refused_on_the_acronym(
    db: Database, count: Count, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind = OrganizationKind.ASSOCIATION
    with second_database(db) as other:
        as_analyst(
            "sara",
            lambda: create_organization(other, OrganizationInput("Sara's", kind, acronym="MNC")),
        )
    monkeypatch.setattr(organizations, "_other_acronyms", lambda *_args: set())
    with pytest.raises(ValidationError) as caught:
        create_organization(db, OrganizationInput("Mine", kind, acronym="MNC"))
    assert refused(caught) == Problem("acronym", f"“MNC” {MEANWHILE}")
    assert count("organization") == 1


def test_a_target_revision_made_meanwhile_is_refused_on_the_revision(
    db: Database, tree: Tree, monkeypatch: pytest.MonkeyPatch
) -> None:
    kpi = make_kpi(db, tree.initiative)
    end = date(2024, 12, 31)
    set_target(db, kpi.id, end, D(100))
    with second_database(db) as other:
        as_analyst("sara", lambda: revise_target(other, kpi.id, end, D(110), "Sara's reason"))
    # Blind to the revisions, as before Sara's commit: this one is numbered 1 too.
    monkeypatch.setattr(targets, "_revisions", lambda *_args: [])
    with pytest.raises(ValidationError) as caught:
        revise_target(db, kpi.id, end, D(120), "mine")
    assert refused(caught) == Problem("revision", f"“1” {MEANWHILE}")
    assert [(t.revision, t.value) for t in list_targets(db, kpi.id)] == [(0, D(100)), (1, D(110))]
