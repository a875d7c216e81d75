"""Snapshots of what a delete cascades to, and their restoration (the undo of a delete)."""

from __future__ import annotations

import sqlite3
from typing import Any

from service_support import Count, generator
from sqlalchemy import event, select

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram
from pilotage.services.programs import delete_program, get_program
from pilotage.services.undo import restore_deleted

TABLES = ("pillar", "initiative", "kpi", "kpi_target", "measurement", "disaggregation")
# SQLite's historical default limit of bound parameters per statement; builds vary
# (32,766 or 250,000 today), so the test sets the strictest one itself.
PARAMETER_LIMIT = 999


def test_a_program_past_the_bound_parameter_limit_is_deleted_and_restored(
    db: Database, count: Count
) -> None:
    """The snapshot selects children through subqueries, never through lists of ids."""
    generator().generate(db, programs=1, initiatives=10, kpis=200, measurements=5_000)

    def limit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, PARAMETER_LIMIT)

    if db.engine.dialect.name == "sqlite":  # PostgreSQL's own limit is 65,535 per statement
        event.listen(db.engine, "connect", limit)
        db.engine.dispose()  # new connections, with the limit
    with db.reading() as session:
        program = session.scalars(select(ContractProgram)).one()
        program_id, version = program.id, program.version
    before = {t: count(t) for t in TABLES}
    assert before["measurement"] == 5_000

    snapshot = delete_program(db, program_id, version)

    assert {t: count(t) for t in TABLES} == dict.fromkeys(TABLES, 0)
    assert snapshot.count("measurement") == 5_000
    restore_deleted(db, snapshot)
    assert {t: count(t) for t in TABLES} == before
    assert get_program(db, program_id).version == version
