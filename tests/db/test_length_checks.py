"""A text longer than its column is refused by the database itself, on both engines.

PostgreSQL refuses a VARCHAR(n) overflow; SQLite would store it, so every bounded
text column carries a CHECK (length(column) <= n) (db/base.add_length_checks, and
migration 0002). These tests bypass the services, as a bug or a script would: the
ORM's flush, a Core executemany like the import's, a plain UPDATE. Each refusal
reads "column: at most n characters (the database refused m)", nothing written.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import CheckConstraint, Table, func, insert, inspect, select, update

from pilotage.db.base import LENGTH_OF_INFO, NAME_LENGTH, NOTE_LENGTH, text_limit
from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry, Organization, metadata
from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import ValidationError

# Every bounded text column of the models: (table, column, most characters).
BOUNDED = sorted(
    (table.name, column.name, limit)
    for table in metadata.tables.values()
    for column in table.columns
    if (limit := text_limit(column)) is not None
)


def organization_row(**values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "name": "Maroc Numeric Cluster",
        "acronym": None,
        "kind": OrganizationKind.ASSOCIATION,
        "website": "",
        "notes": "",
        "version": 1,
    }
    return row | values


def organizations(db: Database) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Organization.name).order_by(Organization.id)))


def test_every_bounded_text_column_has_its_length_check() -> None:
    assert len(BOUNDED) == 32
    checks = {
        (c.table.name, *c.info[LENGTH_OF_INFO])
        for table in metadata.tables.values()
        for c in table.constraints
        if isinstance(c, CheckConstraint) and LENGTH_OF_INFO in c.info
    }
    assert checks == set(BOUNDED)
    assert ("organization", "notes", NOTE_LENGTH) in checks  # a TEXT column, bounded too
    # An enum's column is held by its IN (...) check, not by a length.
    assert not any(column == "kind" for _table, column, _limit in BOUNDED)


def test_the_migrated_database_holds_every_length_check(db: Database) -> None:
    reflected = inspect(db.engine)
    for table, column, _limit in BOUNDED:
        names = {c["name"] for c in reflected.get_check_constraints(table)}
        assert f"ck_{table}_{column}_length" in names


@pytest.mark.parametrize(
    ("table_name", "column", "limit"), [b for b in BOUNDED if b[0] != AuditEntry.__tablename__]
)
def test_each_bounded_column_refuses_one_character_more(
    demo_db: Database, table_name: str, column: str, limit: int
) -> None:
    table: Table = metadata.tables[table_name]
    first = select(func.min(table.c.id)).scalar_subquery()
    with demo_db.reading() as session:
        before = session.execute(select(table.c[column]).where(table.c.id == first)).scalar()
    with pytest.raises(ValidationError) as caught, demo_db.transaction() as session:
        session.execute(
            update(table).where(table.c.id == first).values({column: "é" * (limit + 1)})
        )
    assert str(caught.value) == (
        f"{column}: at most {limit} characters (the database refused {limit + 1})"
    )
    with demo_db.reading() as session:
        after = session.execute(select(table.c[column]).where(table.c.id == first)).scalar()
    assert after == before
    # The bound itself is stored whole: characters are counted, not bytes.
    with demo_db.transaction() as session:
        session.execute(update(table).where(table.c.id == first).values({column: "é" * limit}))
    with demo_db.reading() as session:
        stored = session.execute(select(table.c[column]).where(table.c.id == first)).scalar()
    assert stored == "é" * limit


def test_an_orm_flush_of_a_long_name_is_refused_and_nothing_written(db: Database) -> None:
    rows = [organization_row(acronym="MNC"), organization_row(name="N" * 301, acronym="CDG")]
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        session.add_all([Organization(**row) for row in rows])
    assert str(caught.value) == "name: at most 300 characters (the database refused 301)"
    assert caught.value.fields() == {"name"}
    assert organizations(db) == []


def test_an_orm_update_of_a_long_note_is_refused(db: Database) -> None:
    with db.transaction() as session:
        session.add(Organization(**organization_row()))
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        session.scalars(select(Organization)).one().notes = "n" * (NOTE_LENGTH + 5)
    assert str(caught.value) == "notes: at most 10000 characters (the database refused 10005)"
    with db.reading() as session:
        assert session.scalars(select(Organization.notes)).one() == ""


def test_a_core_executemany_with_one_long_row_writes_none(db: Database) -> None:
    rows = [
        organization_row(acronym="A"),
        organization_row(acronym="B", name="x" * (NAME_LENGTH + 2)),
        organization_row(acronym="C"),
    ]
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        session.execute(insert(Organization.__table__), rows)
    assert str(caught.value) == "name: at most 300 characters (the database refused 302)"
    assert organizations(db) == []


@pytest.mark.parametrize(("column", "limit"), [("who", 120), ("entity", 40)])
def test_an_audit_entry_too_long_is_refused(db: Database, column: str, limit: int) -> None:
    # The audit log is never updated (PostgreSQL even refuses it by trigger): inserted.
    entry = {
        "at": datetime(2025, 1, 1, tzinfo=UTC),
        "who": "analyste",
        "entity": "organization",
        "entity_id": 1,
        "action": "create",
        "changes": "{}",
        "reason": "",
        column: "w" * (limit + 1),
    }
    refusal = rf"^{column}: at most {limit} characters \(the database refused {limit + 1}\)$"
    with pytest.raises(ValidationError, match=refusal), db.transaction() as session:
        session.execute(insert(AuditEntry.__table__), [entry])
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
