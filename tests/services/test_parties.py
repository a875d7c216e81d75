from __future__ import annotations

import json

import pytest
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction, PartyRole
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.services.organizations import OrganizationRow, list_organizations
from pilotage.services.parties import (
    PartyInput,
    add_party,
    list_parties,
    remove_party,
    update_party,
)
from pilotage.services.programs import ProgramRow, delete_program
from pilotage.services.undo import restore_deleted


def contractor(org: OrganizationRow, name: str = "", title: str = "") -> PartyInput:
    return PartyInput(org.id, PartyRole.CONTRACTOR, signatory_name=name, signatory_title=title)


def test_add_returns_the_party_with_its_organization(
    db: Database, program: ProgramRow, mnc: OrganizationRow, audit_log: AuditLog
) -> None:
    row = add_party(db, program.id, contractor(mnc, "  Mohammed Bensalem ", "Président"))
    assert (row.program_id, row.organization_id, row.role, row.version) == (
        program.id,
        mnc.id,
        PartyRole.CONTRACTOR,
        1,
    )
    assert (row.organization_name, row.organization_acronym) == ("Maroc Numeric Cluster", "MNC")
    assert row.organization_label == "Maroc Numeric Cluster (MNC)"
    assert row.signatory_name == "Mohammed Bensalem"
    entry = audit_log()[-1]
    assert (entry.entity, entry.entity_id, entry.action) == ("program_party", row.id, "create")
    assert json.loads(entry.changes) == {
        "program_id": [None, str(program.id)],
        "organization_id": [None, str(mnc.id)],
        "role": [None, "contractor"],
        "signatory_name": [None, "Mohammed Bensalem"],
        "signatory_title": [None, "Président"],
    }


def test_list_orders_by_role_then_name_and_carries_organization_names(
    db: Database,
    program: ProgramRow,
    ministry: OrganizationRow,
    mnc: OrganizationRow,
    cdg: OrganizationRow,
) -> None:
    add_party(db, program.id, PartyInput(mnc.id, PartyRole.PARTNER))
    add_party(db, program.id, PartyInput(cdg.id, PartyRole.PARTNER))
    add_party(db, program.id, contractor(mnc))
    add_party(db, program.id, PartyInput(ministry.id, PartyRole.CONTRACTING_AUTHORITY))
    listed = [(p.role, p.organization_acronym) for p in list_parties(db, program.id)]
    # Enum order (authority, contractor, funder, partner), then name: Caisse < Maroc.
    assert listed == [
        (PartyRole.CONTRACTING_AUTHORITY, "MTNRA"),
        (PartyRole.CONTRACTOR, "MNC"),
        (PartyRole.PARTNER, "CDG"),
        (PartyRole.PARTNER, "MNC"),
    ]


def test_same_organization_may_hold_two_roles_but_not_the_same_twice(
    db: Database, program: ProgramRow, mnc: OrganizationRow, count: Count
) -> None:
    add_party(db, program.id, contractor(mnc))
    add_party(db, program.id, PartyInput(mnc.id, PartyRole.FUNDER))
    with pytest.raises(ValidationError) as caught:
        add_party(db, program.id, contractor(mnc, "someone else"))
    [problem] = caught.value.problems
    assert problem.field == "role"
    assert problem.message == "Maroc Numeric Cluster is already contractor of this program"
    assert count("program_party") == 2


def test_every_problem_is_listed_and_nothing_is_written(
    db: Database, program: ProgramRow, count: Count, audit_log: AuditLog
) -> None:
    before = len(audit_log())
    bad = PartyInput(999, "signer", "x" * 301, "y" * 301)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        add_party(db, program.id, bad)
    assert caught.value.fields() == {
        "organization_id",
        "role",
        "signatory_name",
        "signatory_title",
    }
    assert "organization 999 does not exist" in str(caught.value)
    assert count("program_party") == 0
    assert len(audit_log()) == before


def test_unknown_program(db: Database, mnc: OrganizationRow) -> None:
    with pytest.raises(NotFoundError):
        add_party(db, 999, contractor(mnc))


def test_update_audits_only_the_changes_and_checks_duplicates(
    db: Database,
    program: ProgramRow,
    mnc: OrganizationRow,
    cdg: OrganizationRow,
    audit_log: AuditLog,
) -> None:
    party = add_party(db, program.id, contractor(mnc))
    funder = add_party(db, program.id, PartyInput(cdg.id, PartyRole.FUNDER))
    changed = update_party(db, funder.id, funder.version, PartyInput(mnc.id, PartyRole.FUNDER, "A"))
    assert (changed.version, changed.organization_name, changed.signatory_name) == (
        2,
        "Maroc Numeric Cluster",
        "A",
    )
    entry = audit_log()[-1]
    assert entry.action == AuditAction.UPDATE
    assert json.loads(entry.changes) == {
        "organization_id": [str(cdg.id), str(mnc.id)],
        "signatory_name": ["", "A"],
    }
    # Turning the funder into a second contractor row for MNC is a duplicate.
    with pytest.raises(ValidationError) as caught:
        update_party(db, changed.id, changed.version, contractor(mnc))
    assert caught.value.fields() == {"role"}
    # Saving a row unchanged against itself is not a duplicate and writes nothing.
    entries = len(audit_log())
    same = update_party(db, party.id, party.version, contractor(mnc))
    assert same == party
    assert len(audit_log()) == entries


def test_stale_version_is_refused(db: Database, program: ProgramRow, mnc: OrganizationRow) -> None:
    party = add_party(db, program.id, contractor(mnc))
    update_party(db, party.id, party.version, contractor(mnc, "A"))
    with pytest.raises(ConflictError):
        update_party(db, party.id, party.version, contractor(mnc, "B"))
    with pytest.raises(ConflictError):
        remove_party(db, party.id, party.version)


def test_remove_keeps_the_organization_and_undo_puts_the_party_back(
    db: Database, program: ProgramRow, mnc: OrganizationRow, count: Count, audit_log: AuditLog
) -> None:
    party = add_party(db, program.id, contractor(mnc, "Mohammed Bensalem"))
    snapshot = remove_party(db, party.id, party.version)
    assert count("program_party") == 0
    assert [o.id for o in list_organizations(db)] == [mnc.id]
    entry = audit_log()[-1]
    assert (entry.action, entry.entity_id) == (AuditAction.DELETE, party.id)
    assert entry.reason == "Maroc Numeric Cluster removed as contractor"
    assert json.loads(entry.changes)["signatory_name"] == ["Mohammed Bensalem", None]
    restore_deleted(db, snapshot)
    assert list_parties(db, program.id) == [party]


def test_deleting_the_program_takes_its_parties(
    db: Database, program: ProgramRow, mnc: OrganizationRow, count: Count
) -> None:
    add_party(db, program.id, contractor(mnc))
    snapshot = delete_program(db, program.id, program.version)
    assert snapshot.count("program_party") == 1
    assert count("program_party") == 0
    assert count("organization") == 1
