"""A record's history: its audit entries, newest first, changes decoded."""

from __future__ import annotations

import pytest
from service_support import Statements
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import Kpi, Pillar
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.demo import REASON, load_demo
from pilotage.services.history import decode_changes, record_history


@pytest.fixture
def graduates(db: Database) -> int:
    load_demo(db)
    with db.reading() as session:
        kpi_id = session.scalar(select(Kpi.id).where(Kpi.code == "JIT-DIP"))
    assert kpi_id is not None
    return kpi_id


def test_demo_kpi_has_one_creation(db: Database, graduates: int) -> None:
    [entry] = record_history(db, "kpi", graduates)
    assert entry.action is AuditAction.CREATE
    assert entry.reason == REASON
    assert entry.who
    assert entry.at.tzinfo is not None
    assert entry.changes["code"] == (None, "JIT-DIP")
    assert entry.changes["target_value"] == (None, "800")
    assert entry.changes["measure"] == (None, "count")
    assert all(old is None for old, _ in entry.changes.values())


def test_newest_first_and_only_this_record(db: Database, graduates: int) -> None:
    with db.transaction() as session:
        audit.record(
            session, "kpi", graduates, AuditAction.UPDATE, {"name": ("Diplômés", "Lauréats")}
        )
    with db.transaction() as session:
        audit.record(
            session, "kpi", graduates, AuditAction.UPDATE, {"unit": ("diplômés", None)}, "typo"
        )
        audit.record(session, "pillar", graduates, AuditAction.UPDATE, {"code": ("P1", "P9")})
    entries = record_history(db, "kpi", graduates)
    assert [e.action for e in entries] == [
        AuditAction.UPDATE,
        AuditAction.UPDATE,
        AuditAction.CREATE,
    ]
    assert entries[0].changes == {"unit": ("diplômés", None)}
    assert entries[0].reason == "typo"
    assert entries[1].changes == {"name": ("Diplômés", "Lauréats")}
    assert entries[0].id > entries[1].id > entries[2].id


def test_unknown_record_has_no_history(db: Database, graduates: int) -> None:
    assert record_history(db, "kpi", 404) == []
    with db.reading() as session:
        pillar = session.scalar(select(Pillar.id).where(Pillar.code == "P1"))
    assert pillar is not None
    assert len(record_history(db, "pillar", pillar)) == 1


def test_one_statement(db: Database, graduates: int, statements: Statements) -> None:
    with statements() as sql:
        record_history(db, "kpi", graduates)
    assert len(sql) == 1


@pytest.mark.parametrize(
    ("text", "decoded"),
    [
        ('{"name": ["a", "b"]}', {"name": ("a", "b")}),
        ('{"name": [null, "b"]}', {"name": (None, "b")}),
        ("{}", {}),
        ("", {}),
        ("not json", {"": (None, "not json")}),
        ('["a", "b"]', {"": (None, '["a", "b"]')}),
        ('{"count": [1, 2]}', {"count": ("1", "2")}),
        ('{"odd": "value"}', {"odd": (None, "value")}),
    ],
)
def test_decode_changes(text: str, decoded: dict[str, tuple[str | None, str | None]]) -> None:
    assert decode_changes(text) == decoded
