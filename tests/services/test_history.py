"""A record's history: its audit entries, newest first, changes decoded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from service_support import Statements
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import Kpi, Pillar
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.demo import REASON, load_demo
from pilotage.services.history import decode_changes, history_of, kpi_history, record_history
from pilotage.services.identity import set_user_name, system_user
from pilotage.services.kpis import KpiRow
from pilotage.services.measurement_validation import MeasurementInput
from pilotage.services.measurements import (
    delete_measurement,
    record_measurement,
    update_measurement,
)
from pilotage.services.targets import set_target


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


# --- a KPI's history: its own entries, its targets' and its measurements' ----------


@pytest.fixture
def salma() -> Iterator[str]:
    set_user_name("Salma Benali")
    yield "Salma Benali"
    set_user_name(None)


def test_kpi_history_names_its_targets_and_measurements(
    db: Database, learners: KpiRow, salma: str
) -> None:
    target = set_target(db, learners.id, date(2024, 12, 31), Decimal(400))
    q1 = record_measurement(
        db, learners.id, MeasurementInput(date(2024, 1, 1), date(2024, 3, 31), Decimal(120))
    )
    q2 = record_measurement(
        db, learners.id, MeasurementInput(date(2024, 4, 1), date(2024, 6, 30), Decimal(90))
    )
    update_measurement(
        db, q1.id, q1.version, MeasurementInput(date(2024, 1, 1), date(2024, 3, 31), Decimal(125))
    )
    delete_measurement(db, q2.id, q2.version)
    entries = kpi_history(db, learners.id)
    assert [(e.entity, e.action, e.part) for e in entries] == [
        ("measurement", AuditAction.DELETE, "2024-Q2"),
        ("measurement", AuditAction.UPDATE, "2024-Q1"),
        ("measurement", AuditAction.CREATE, "2024-Q2"),
        ("measurement", AuditAction.CREATE, "2024-Q1"),
        ("kpi_target", AuditAction.CREATE, "2024-12-31"),
        ("kpi", AuditAction.CREATE, ""),
    ]
    # The KPI was made before Salma named herself in the settings: by the OS user.
    assert [e.who for e in entries[:-1]] == [salma] * 5
    assert entries[-1].who == system_user()
    update = entries[1]
    assert update.entity_id == q1.id
    assert update.changes["value"] == ("120", "125")
    assert "value: 120 → 125" in update.change_lines()
    assert "value: 90" in entries[0].change_lines()  # deleted: the value it held
    assert "period start: 2024-04-01" in entries[0].change_lines()
    assert entries[4].entity_id == target.id
    assert history_of(db, "kpi", learners.id) == entries


def test_another_kpis_parts_stay_out(db: Database, learners: KpiRow, placement: KpiRow) -> None:
    record_measurement(
        db, placement.id, MeasurementInput(date(2024, 1, 1), date(2024, 3, 31), None, 7, 10)
    )
    gone = record_measurement(
        db, placement.id, MeasurementInput(date(2024, 4, 1), date(2024, 6, 30), None, 8, 10)
    )
    delete_measurement(db, gone.id, gone.version)
    assert [e.entity for e in kpi_history(db, learners.id)] == ["kpi"]
    assert len(kpi_history(db, placement.id)) == 4


def test_kpi_history_is_one_statement(
    db: Database, learners: KpiRow, statements: Statements
) -> None:
    for quarter in range(4):
        start = date(2024, 3 * quarter + 1, 1)
        end = date(2024, 3 * quarter + 3, 30 if quarter in (1, 2) else 31)
        record_measurement(db, learners.id, MeasurementInput(start, end, Decimal(10)))
    with statements() as sql:
        entries = kpi_history(db, learners.id)
    assert len(entries) == 5
    assert len(sql) == 1


def test_other_records_show_their_own_entries(db: Database, graduates: int) -> None:
    with db.reading() as session:
        pillar = session.scalar(select(Pillar.id).where(Pillar.code == "P1"))
    assert pillar is not None
    [entry] = history_of(db, "pillar", pillar)
    assert (entry.entity, entry.entity_id, entry.part) == ("pillar", pillar, "")
    assert "code: P1" in entry.change_lines()  # created: the one value there is


def test_a_change_reads_its_telling_fields_first_without_the_bookkeeping() -> None:
    from datetime import UTC, datetime

    from pilotage.services.history import HistoryEntry

    created = HistoryEntry(
        1,
        datetime(2025, 1, 2, tzinfo=UTC),
        "sara",
        AuditAction.CREATE,
        "",
        {
            "comment": (None, "from the partner"),
            "entered_at": (None, "2025-01-02T10:00:00+00:00"),
            "entered_by": (None, "sara"),
            "kpi_id": (None, "8"),
            "period_end": (None, "2025-03-31"),
            "status": (None, "draft"),
            "value": (None, "2"),
            "version": (None, "1"),
        },
    )
    assert created.change_lines() == [
        "value: 2",
        "status: draft",
        "comment: from the partner",
        "period end: 2025-03-31",
    ]
    moved = HistoryEntry(
        2,
        datetime(2025, 1, 3, tzinfo=UTC),
        "sara",
        AuditAction.UPDATE,
        "",
        {"initiative_id": ("3", "5"), "name": ("Old", "New"), "version": ("1", "2")},
    )
    # A move to another initiative is a change a person wants to see.
    assert moved.change_lines() == ["name: Old → New", "initiative id: 3 → 5"]
