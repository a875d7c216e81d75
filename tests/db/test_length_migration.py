"""Migration 0002 (the length checks) goes down to 0001 and up again, keeping the data,
the indexes, the foreign keys and the audit log's protection, on both engines."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, inspect, select, text

from pilotage.db import migrate
from pilotage.db.database import Database
from pilotage.db.schema import Organization
from pilotage.domain.errors import ValidationError


def length_checks(engine: Engine) -> set[str]:
    reflected = inspect(engine)
    return {
        check["name"]
        for table in reflected.get_table_names()
        if table != "alembic_version"
        for check in reflected.get_check_constraints(table)
        if check["name"] and check["name"].endswith("_length")
    }


def shape(engine: Engine) -> dict[str, tuple[object, ...]]:
    """What batch mode could lose when it rebuilds a table: indexes, keys, checks."""
    reflected = inspect(engine)
    found = {}
    for table in sorted(reflected.get_table_names()):
        found[table] = (
            sorted((i["name"], tuple(i["column_names"])) for i in reflected.get_indexes(table)),
            sorted(
                (f["referred_table"], tuple(f["constrained_columns"]), str(f["options"]))
                for f in reflected.get_foreign_keys(table)
            ),
            sorted(str(u["name"]) for u in reflected.get_unique_constraints(table)),
            sorted(str(c["name"]) for c in reflected.get_check_constraints(table)),
        )
    return found


def test_down_to_0001_and_up_again(demo_db: Database) -> None:
    engine = demo_db.engine
    at_head = shape(engine)
    with demo_db.reading() as session:
        names = list(session.scalars(select(Organization.name).order_by(Organization.id)))
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert len(length_checks(engine)) == 32

    migrate.downgrade(engine, "0001")
    assert migrate.current_revision(engine) == "0001"
    assert length_checks(engine) == set()
    if engine.dialect.name == "sqlite":
        # Without its check, SQLite stores an overlong name as it did before 0002.
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE organization SET name = :n WHERE id = 1"), {"n": "x" * 301}
            )
            connection.execute(
                text("UPDATE organization SET name = :n WHERE id = 1"), {"n": names[0]}
            )

    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert shape(engine) == at_head
    with demo_db.reading() as session:
        assert list(session.scalars(select(Organization.name).order_by(Organization.id))) == names
    with pytest.raises(ValidationError, match=r"^name: at most 300"), demo_db.transaction() as s:
        s.execute(text("UPDATE organization SET name = :name WHERE id = 1"), {"name": "x" * 301})


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_entry SET who = 'x'", "DELETE FROM audit_entry"]
)
def test_the_audit_log_stays_read_only_after_down_and_up(demo_db: Database, statement: str) -> None:
    for revision in ("0001", "head"):
        if revision == "head":
            migrate.upgrade(demo_db.engine)
        else:
            migrate.downgrade(demo_db.engine, revision)
        refused = pytest.raises(Exception, match="audit log cannot be changed")
        with refused, demo_db.engine.begin() as connection:
            connection.execute(text(statement))


def test_an_upgrade_meeting_a_text_over_a_new_bound_changes_nothing(db: Database) -> None:
    engine = db.engine
    migrate.downgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organization (name, kind, website, notes, version)"
                " VALUES ('MNC', 'association', '', :notes, 1)"
            ),
            {"notes": "n" * 10_001},
        )
    with pytest.raises(Exception, match=r"(?i)check"):
        migrate.upgrade(engine)
    assert migrate.current_revision(engine) == "0001"
    assert length_checks(engine) == set()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT length(notes) FROM organization")).scalar() == 10_001
