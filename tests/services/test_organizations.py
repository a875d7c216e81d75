from __future__ import annotations

import json

import pytest
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction, OrganizationKind
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.services.organizations import (
    OrganizationInput,
    create_organization,
    delete_organization,
    list_organizations,
    update_organization,
)
from pilotage.services.undo import restore_deleted

MNC = OrganizationInput(
    name="Maroc Numeric Cluster",
    acronym="MNC",
    kind=OrganizationKind.ASSOCIATION,
    founded_year=2010,
)


def test_create_returns_a_plain_row_and_audits_it(db: Database, audit_log: AuditLog) -> None:
    row = create_organization(db, MNC)
    assert (row.name, row.acronym, row.founded_year, row.version) == (
        "Maroc Numeric Cluster",
        "MNC",
        2010,
        1,
    )
    assert row.label == "Maroc Numeric Cluster (MNC)"
    [entry] = audit_log()
    assert (entry.entity, entry.entity_id, entry.action) == ("organization", row.id, "create")
    assert json.loads(entry.changes)["acronym"] == [None, "MNC"]
    assert entry.who


def test_unicode_names_are_kept(db: Database) -> None:
    row = create_organization(
        db,
        OrganizationInput(
            name="Caisse de Dépôt et de Gestion — صندوق الإيداع والتدبير",
            acronym="CDG",
            kind=OrganizationKind.PUBLIC_INSTITUTION,
        ),
    )
    assert list_organizations(db)[0].name == row.name


def test_every_problem_is_listed_and_nothing_is_written(
    db: Database, count: Count, audit_log: AuditLog
) -> None:
    create_organization(db, MNC)
    bad = OrganizationInput(name="  ", acronym="mnc", kind=OrganizationKind.OTHER, founded_year=99)
    with pytest.raises(ValidationError) as caught:
        create_organization(db, bad)
    assert caught.value.fields() == {"name", "acronym", "founded_year"}
    assert count("organization") == 1
    assert len(audit_log()) == 1


def test_update_records_old_and_new_values(db: Database, audit_log: AuditLog) -> None:
    row = create_organization(db, MNC)
    changed = update_organization(
        db, row.id, row.version, OrganizationInput(**{**MNC.__dict__, "website": "mnc.ma"})
    )
    assert changed.version == 2
    entry = audit_log()[-1]
    assert entry.action == AuditAction.UPDATE
    assert json.loads(entry.changes) == {"website": ["", "mnc.ma"]}


def test_update_without_change_writes_nothing(db: Database, audit_log: AuditLog) -> None:
    row = create_organization(db, MNC)
    same = update_organization(db, row.id, row.version, MNC)
    assert same.version == row.version
    assert len(audit_log()) == 1


def test_stale_version_is_refused_naming_who_changed_it(db: Database, audit_log: AuditLog) -> None:
    row = create_organization(db, MNC)
    update_organization(
        db, row.id, row.version, OrganizationInput(**{**MNC.__dict__, "notes": "a"})
    )
    with pytest.raises(ConflictError) as caught:
        update_organization(
            db, row.id, row.version, OrganizationInput(**{**MNC.__dict__, "notes": "b"})
        )
    assert caught.value.changed_by == audit_log()[-1].who
    assert caught.value.changed_at is not None


def test_delete_then_restore(db: Database, count: Count, audit_log: AuditLog) -> None:
    row = create_organization(db, MNC)
    snapshot = delete_organization(db, row.id, row.version)
    assert count("organization") == 0
    assert audit_log()[-1].action == AuditAction.DELETE
    restore_deleted(db, snapshot)
    [back] = list_organizations(db)
    assert back == row


def test_missing_record(db: Database) -> None:
    with pytest.raises(NotFoundError):
        update_organization(db, 999, 1, MNC)
