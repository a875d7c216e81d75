"""Audit helpers: every row a delete cascades to gets its own delete entry."""

from __future__ import annotations

import json
from collections import Counter

from service_support import AuditLog, Statements
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry, Initiative, Kpi, Measurement, Pillar
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.history import record_history
from pilotage.services.initiatives import delete_initiative, get_initiative
from pilotage.services.kpis import delete_kpi, get_kpi
from pilotage.services.pillars import delete_pillar, list_pillars
from pilotage.services.programs import ProgramRow, delete_program, find_program
from pilotage.services.undo import restore_deleted


def _ids(db: Database) -> tuple[int, int]:
    with db.reading() as session:
        initiative = session.scalar(select(Initiative.id).where(Initiative.code == "P1-JIT"))
        kpi = session.scalar(select(Kpi.id).where(Kpi.code == "JIT-DIP"))
    assert initiative is not None
    assert kpi is not None
    return initiative, kpi


def _deletes(db: Database, reason: str) -> Counter[str]:
    with db.reading() as session:
        return Counter(
            session.scalars(
                select(AuditEntry.entity).where(
                    AuditEntry.action == AuditAction.DELETE, AuditEntry.reason == reason
                )
            )
        )


def test_a_kpi_deleted_with_its_initiative_shows_it_in_its_history(demo_db: Database) -> None:
    initiative_id, graduates = _ids(demo_db)
    initiative = get_initiative(demo_db, initiative_id)
    with demo_db.reading() as session:
        measurement_ids = set(
            session.scalars(select(Measurement.id).where(Measurement.kpi_id == graduates))
        )

    snapshot = delete_initiative(demo_db, initiative_id, initiative.version)

    deleted, created = record_history(demo_db, "kpi", graduates)
    assert (deleted.action, created.action) == (AuditAction.DELETE, AuditAction.CREATE)
    assert deleted.reason == "deleted with initiative P1-JIT"
    assert deleted.changes["code"] == ("JIT-DIP", None)
    assert deleted.changes["target_value"] == ("800", None)
    assert all(new is None for _, new in deleted.changes.values())
    for measurement_id in measurement_ids:
        [gone, _made] = record_history(demo_db, "measurement", measurement_id)
        assert (gone.action, gone.reason) == (AuditAction.DELETE, deleted.reason)
    # One entry per cascaded row that has an id: 4 KPIs, their 10 measurements and the
    # graduates' 6 disaggregations, 4 milestones, 3 budget lines; the partner link has none.
    expected = {
        table: snapshot.count(table)
        for table in ("kpi", "measurement", "disaggregation", "milestone", "budget_line")
    }
    assert expected == {
        "kpi": 4,
        "measurement": 10,
        "disaggregation": 6,
        "milestone": 4,
        "budget_line": 3,
    }
    assert snapshot.count("initiative_partner") == 1
    assert _deletes(demo_db, deleted.reason) == expected


def test_the_cascade_entries_are_one_insert(
    db: Database, demo: ProgramRow, statements: Statements, audit_log: AuditLog
) -> None:
    initiative_id, _ = _ids(db)
    version = get_initiative(db, initiative_id).version
    with statements() as sql:
        delete_initiative(db, initiative_id, version)
    inserts = [s for s in sql if s.lstrip().upper().startswith("INSERT INTO AUDIT_ENTRY")]
    assert len(inserts) == 2  # every cascaded row at once, then the initiative itself
    root = audit_log()[-1]
    assert (root.entity, root.entity_id) == ("initiative", initiative_id)
    assert "4 kpi" in root.reason


def test_a_deleted_kpi_takes_its_measurements_history_along(demo_db: Database) -> None:
    _, graduates = _ids(demo_db)
    snapshot = delete_kpi(demo_db, graduates, get_kpi(demo_db, graduates).version)
    counted = _deletes(demo_db, "deleted with KPI JIT-DIP")
    assert counted == {"measurement": 3, "disaggregation": 6}
    assert counted["measurement"] == snapshot.count("measurement")


def test_a_deleted_program_logs_every_row_it_took(demo_db: Database) -> None:
    program = find_program(demo_db, "CP-MTNRA-MNC")
    assert program is not None
    with demo_db.reading() as session:
        pillar_id = session.scalar(select(Pillar.id).where(Pillar.code == "P1"))
    assert pillar_id is not None

    snapshot = delete_program(demo_db, program.id, program.version)

    counted = _deletes(demo_db, "deleted with program CP-MTNRA-MNC")
    cascaded = {name: len(rows) for name, rows in snapshot.tables if name != "contract_program"}
    assert cascaded.pop("initiative_partner") > 0  # a link without an id: no entry
    assert counted == cascaded
    assert counted["pillar"] == 3
    [gone, _made] = record_history(demo_db, "pillar", pillar_id)
    assert gone.action is AuditAction.DELETE
    assert gone.changes["code"] == ("P1", None)


def test_the_rows_an_undo_puts_back_may_be_logged_as_created(demo_db: Database) -> None:
    _, graduates = _ids(demo_db)
    snapshot = delete_kpi(demo_db, graduates, get_kpi(demo_db, graduates).version)
    with demo_db.transaction() as session:
        written = audit.record_cascade(
            session, snapshot, "restored with KPI JIT-DIP", AuditAction.CREATE
        )
    assert written == 9  # 3 measurements and their 6 disaggregations; not the KPI itself
    with demo_db.reading() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.reason == "restored with KPI JIT-DIP")
        ).all()
    assert {e.action for e in entries} == {AuditAction.CREATE}
    assert Counter(e.entity for e in entries) == {"measurement": 3, "disaggregation": 6}
    values = {tuple(json.loads(e.changes)["value"]) for e in entries if e.entity == "measurement"}
    assert values == {(None, "240"), (None, "260"), (None, "234")}


def test_a_pillar_delete_and_its_undo_are_in_each_kpi_history(
    db: Database, demo: ProgramRow
) -> None:
    [p1] = [p for p in list_pillars(db, demo.id) if p.code == "P1"]
    with db.reading() as session:
        jit_dip = session.scalars(select(Kpi.id).where(Kpi.code == "JIT-DIP")).one()
    snapshot = delete_pillar(db, p1.id, p1.version)
    assert record_history(db, "kpi", jit_dip)[0].reason == "deleted with pillar P1"
    restore_deleted(db, snapshot)
    back = record_history(db, "kpi", jit_dip)[0]
    assert (back.action, back.reason) == (AuditAction.CREATE, "restored with pillar")
