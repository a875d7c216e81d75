"""Every text a service takes is held to its column's length before anything is written.

The database refuses an over-long text too (tests/db/test_text_lengths.py); the
services' own check comes first, names the field and lists every problem at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import Tree, kpi_input
from service_support import Count
from sqlalchemy import select

from pilotage.db.base import CODE_LENGTH, NAME_LENGTH, NOTE_LENGTH, SHORT_LENGTH, URL_LENGTH
from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry
from pilotage.domain.enums import OrganizationKind, PartyRole
from pilotage.domain.errors import ValidationError
from pilotage.services.identity import set_user_name
from pilotage.services.initiatives import InitiativeInput, InitiativeRow, create_initiative
from pilotage.services.kpis import KpiRow, create_kpi, update_kpi
from pilotage.services.measurement_validation import MeasurementInput
from pilotage.services.measurements import record_measurement
from pilotage.services.milestones import MilestoneInput, create_milestone
from pilotage.services.organizations import OrganizationInput, OrganizationRow, create_organization
from pilotage.services.parties import PartyInput, add_party
from pilotage.services.pillars import PillarInput, PillarRow, create_pillar
from pilotage.services.programs import ProgramInput, ProgramRow, create_program
from pilotage.services.targets import revise_target, set_target

ORGANIZATION = OrganizationInput(name="Maroc Numeric Cluster", kind=OrganizationKind.ASSOCIATION)
PROGRAM = ProgramInput(
    reference="CP-2025", title="Contrat", start_date=date(2025, 1, 1), end_date=date(2027, 12, 31)
)


def refused(field: str, limit: int, act: Callable[[], object]) -> None:
    with pytest.raises(ValidationError) as caught:
        act()
    assert caught.value.fields() == {field}
    assert f"at most {limit} fit" in str(caught.value)


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("name", NAME_LENGTH),
        ("acronym", CODE_LENGTH),
        ("website", URL_LENGTH),
        ("notes", NOTE_LENGTH),
    ],
)
def test_an_organization_text_over_its_length_is_refused(
    db: Database, count: Count, field: str, limit: int
) -> None:
    data = replace(ORGANIZATION, **{field: "x" * (limit + 1)})
    refused(field, limit, lambda: create_organization(db, data))
    assert count("organization") == 0
    # At the bound itself, it is written whole.
    row = create_organization(db, replace(ORGANIZATION, **{field: "x" * limit}))
    assert len(getattr(row, field)) == limit


@pytest.mark.parametrize(
    ("field", "limit"),
    [("reference", CODE_LENGTH), ("title", NAME_LENGTH), ("description", NOTE_LENGTH)],
)
def test_a_program_text_over_its_length_is_refused(
    db: Database, count: Count, field: str, limit: int
) -> None:
    refused(
        field, limit, lambda: create_program(db, replace(PROGRAM, **{field: "X" * (limit + 1)}))
    )
    assert count("contract_program") == 0


def test_a_currency_over_three_letters_is_refused(db: Database, count: Count) -> None:
    refused("currency", 3, lambda: create_program(db, replace(PROGRAM, currency="EURO")))
    assert count("contract_program") == 0


@pytest.mark.parametrize(
    ("field", "limit"),
    [("code", CODE_LENGTH), ("title", NAME_LENGTH), ("objective", NOTE_LENGTH)],
)
def test_a_pillar_text_over_its_length_is_refused(
    db: Database, count: Count, program: ProgramRow, field: str, limit: int
) -> None:
    data = replace(PillarInput(code="P1", title="Compétences"), **{field: "P" * (limit + 1)})
    refused(field, limit, lambda: create_pillar(db, program.id, data))
    assert count("pillar") == 0


@pytest.mark.parametrize(
    ("field", "limit"),
    [("code", CODE_LENGTH), ("name", NAME_LENGTH), ("description", NOTE_LENGTH)],
)
def test_an_initiative_text_over_its_length_is_refused(
    db: Database, count: Count, pillar: PillarRow, field: str, limit: int
) -> None:
    data = replace(InitiativeInput(code="JIT", name="JobInTech"), **{field: "J" * (limit + 1)})
    refused(field, limit, lambda: create_initiative(db, pillar.id, data))
    assert count("initiative") == 0


@pytest.mark.parametrize(("field", "limit"), [("title", NAME_LENGTH), ("note", NOTE_LENGTH)])
def test_a_milestone_text_over_its_length_is_refused(
    db: Database, count: Count, initiative: InitiativeRow, field: str, limit: int
) -> None:
    data = replace(
        MilestoneInput(title="Lancement", due_date=date(2025, 6, 30)), **{field: "m" * (limit + 1)}
    )
    refused(field, limit, lambda: create_milestone(db, initiative.id, data))
    assert count("milestone") == 0


@pytest.mark.parametrize("field", ["signatory_name", "signatory_title"])
def test_a_signatory_over_its_length_is_refused(
    db: Database, count: Count, program: ProgramRow, mnc: OrganizationRow, field: str
) -> None:
    data = replace(
        PartyInput(organization_id=mnc.id, role=PartyRole.PARTNER),
        **{field: "s" * (NAME_LENGTH + 1)},
    )
    refused(field, NAME_LENGTH, lambda: add_party(db, program.id, data))
    assert count("program_party") == 0


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("code", CODE_LENGTH),
        ("name", NAME_LENGTH),
        ("unit", SHORT_LENGTH),
        ("definition", NOTE_LENGTH),
        ("data_source", NOTE_LENGTH),
        ("means_of_verification", NOTE_LENGTH),
    ],
)
def test_a_kpi_text_over_its_length_is_refused(
    db: Database, count: Count, tree: Tree, learners: KpiRow, field: str, limit: int
) -> None:
    changes: dict[str, Any] = {field: "K" * (limit + 1)}
    new = kpi_input(**{"code": "K2", **changes})
    refused(field, limit, lambda: create_kpi(db, tree.program, new))
    assert count("kpi") == 1
    refused(
        field,
        limit,
        lambda: update_kpi(db, learners.id, learners.version, kpi_input(**changes)),
    )


def test_a_target_revision_reason_over_its_length_is_refused(
    db: Database, count: Count, learners: KpiRow
) -> None:
    set_target(db, learners.id, date(2024, 12, 31), Decimal(100))
    refused(
        "reason",
        NOTE_LENGTH,
        lambda: revise_target(
            db, learners.id, date(2024, 12, 31), Decimal(120), "r" * (NOTE_LENGTH + 1)
        ),
    )
    assert count("kpi_target") == 1


@pytest.mark.parametrize(
    ("field", "limit"), [("comment", NOTE_LENGTH), ("evidence_link", URL_LENGTH)]
)
def test_a_measurement_text_over_its_length_is_refused(
    db: Database, count: Count, learners: KpiRow, field: str, limit: int
) -> None:
    text = "c" * (limit + 1) if field == "comment" else "https://x.ma/" + "e" * limit
    data = replace(
        MeasurementInput(date(2024, 1, 1), date(2024, 3, 31), value=Decimal(10)), **{field: text}
    )
    with pytest.raises(ValidationError) as caught:
        record_measurement(db, learners.id, data)
    assert field in caught.value.fields()
    assert count("measurement") == 0


def test_a_user_name_over_the_audit_length_is_cut_not_refused(db: Database) -> None:
    set_user_name("Analyste " + "a" * 200)
    try:
        create_organization(db, ORGANIZATION)
    finally:
        set_user_name(None)
    with db.reading() as session:
        assert session.scalars(select(AuditEntry.who)).one() == ("Analyste " + "a" * 200)[:120]
