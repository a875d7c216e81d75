"""Migration 0003 (the change counter) goes down to 0002 and up again on both engines:
the table and its one row at 0, the audit log kept, writes counted again."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from pilotage.db import migrate
from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction
from pilotage.services import audit
from pilotage.services.changes import latest_change


def counter_rows(engine: Engine) -> list[tuple[int, int]]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, value FROM change_counter")).all()
    return [(row.id, row.value) for row in rows]


def audit_entries(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM audit_entry")).scalar_one())


def test_down_to_0002_and_up_again(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.transaction() as session:
        audit.record(session, "kpi", 1, AuditAction.UPDATE, {})
    assert counter_rows(db.engine) == [(1, 1)]

    migrate.downgrade(db.engine, "0002")
    assert migrate.current_revision(db.engine) == "0002"
    assert "change_counter" not in inspect(db.engine).get_table_names()
    assert audit_entries(db.engine) == 1

    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert counter_rows(db.engine) == [(1, 0)]
    checks = {c["name"] for c in inspect(db.engine).get_check_constraints("change_counter")}
    assert "ck_change_counter_single_row" in checks
    with db.transaction() as session:
        audit.record(session, "kpi", 1, AuditAction.UPDATE, {})
    assert latest_change(db).count == 1
    assert audit_entries(db.engine) == 2
