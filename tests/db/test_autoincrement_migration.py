"""Migration 0004 (ids never reused): on SQLite every table whose key is one generated id
is rebuilt with AUTOINCREMENT, keeping every row, constraint, index, foreign key and the
audit log's protection; on PostgreSQL (sequences never go back) it changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.schema import CreateTable

from pilotage.db import migrate
from pilotage.db.database import Database, open_database
from pilotage.db.schema import metadata
from pilotage.domain.enums import OrganizationKind
from pilotage.domain.errors import ValidationError
from pilotage.services.demo import load_demo
from pilotage.services.organizations import (
    OrganizationInput,
    create_organization,
    delete_organization,
)

# Every table whose key is one generated integer id (checked by hand against the models).
ID_TABLES = {
    "audit_entry",
    "budget_line",
    "contract_program",
    "disaggregation",
    "initiative",
    "kpi",
    "kpi_target",
    "measurement",
    "milestone",
    "organization",
    "pillar",
    "program_party",
}
# change_counter: one row, id 1, not generated; initiative_partner: a key of two columns.
OTHER_TABLES = {"change_counter", "initiative_partner"}


def contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ids included, in key order."""
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in metadata.sorted_tables
        }


def shape(engine: Engine) -> dict[str, tuple[object, ...]]:
    """What a rebuild could lose: columns and defaults, indexes, keys, checks."""
    reflected = inspect(engine)
    return {
        table: (
            [
                (c["name"], str(c["type"]), c["nullable"], c["default"])
                for c in reflected.get_columns(table)
            ],
            sorted(
                (i["name"], tuple(i["column_names"]), i["unique"])
                for i in reflected.get_indexes(table)
            ),
            sorted(
                (f["name"], f["referred_table"], tuple(f["constrained_columns"]), str(f["options"]))
                for f in reflected.get_foreign_keys(table)
            ),
            sorted(
                (u["name"], tuple(u["column_names"]))
                for u in reflected.get_unique_constraints(table)
            ),
            sorted((c["name"], c["sqltext"]) for c in reflected.get_check_constraints(table)),
            reflected.get_pk_constraint(table)["constrained_columns"],
        )
        for table in sorted(reflected.get_table_names())
    }


def schema_text(engine: Engine) -> dict[str, set[str]]:
    """sqlite_master, each statement as its set of lines: batch mode may reorder the
    constraints, and the rename quotes the table's name, neither of which matters."""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master"
            " WHERE sql IS NOT NULL AND name != 'sqlite_sequence'"
        ).all()
    return {
        f"{kind} {name}": {
            line.strip().rstrip(",").strip().replace(f'"{name}"', name) for line in sql.splitlines()
        }
        for kind, name, sql in rows
    }


def with_autoincrement(at_0003: dict[str, set[str]]) -> dict[str, set[str]]:
    """The schema 0004 should make of `at_0003`: the id of every ID_TABLES table becomes
    INTEGER PRIMARY KEY AUTOINCREMENT (inline, where SQLite wants it); nothing else moves."""
    expected = dict(at_0003)
    for table in ID_TABLES:
        lines = at_0003[f"table {table}"]
        removed = {"id INTEGER NOT NULL", f"CONSTRAINT pk_{table} PRIMARY KEY (id)"}
        assert removed <= lines
        expected[f"table {table}"] = lines - removed | {
            "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"
        }
    return expected


def sequences(engine: Engine) -> dict[str, int]:
    """Where each table's ids go on from; a table that never had a row (0) left out."""
    with engine.connect() as connection:
        return dict(
            connection.exec_driver_sql("SELECT name, seq FROM sqlite_sequence WHERE seq != 0").all()
        )


def largest_ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        found = {
            table: connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar()
            for table in ID_TABLES
        }
    return {table: largest for table, largest in found.items() if largest is not None}


def generated_id_tables() -> set[str]:
    """The models' tables whose key is one generated id: those of 0004, and any added since
    (whose own migration must then create them with AUTOINCREMENT)."""
    return {t.name for t in metadata.sorted_tables if t.autoincrement_column is not None}


def test_the_models_give_autoincrement_to_every_table_with_a_generated_id() -> None:
    from sqlalchemy.dialects import sqlite

    assert generated_id_tables() >= ID_TABLES
    assert not OTHER_TABLES & generated_id_tables()
    for table in metadata.sorted_tables:
        created = str(CreateTable(table).compile(dialect=sqlite.dialect()))
        assert ("PRIMARY KEY AUTOINCREMENT" in created) == (table.name in generated_id_tables())


@pytest.mark.sqlite_only
def test_a_new_file_has_autoincrement_on_every_id_table(db: Database) -> None:
    created = schema_text(db.engine)
    for table in metadata.sorted_tables:
        lines = created[f"table {table.name}"]
        if table.name in generated_id_tables():
            assert "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT" in lines
        else:
            assert not any("AUTOINCREMENT" in line for line in lines)


def test_the_demo_at_0003_goes_to_0004_and_back_whole(demo_db: Database) -> None:
    engine = demo_db.engine
    migrate.downgrade(engine, "0003")
    assert migrate.current_revision(engine) == "0003"
    rows, at_0003 = contents(engine), shape(engine)
    assert [r[2] for r in rows["organization"]] == ["MTNRA", "MNC", "CDG"]
    assert sum(len(r) for r in rows.values()) > 100
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        text_0003 = schema_text(engine)
        assert not any("AUTOINCREMENT" in line for s in text_0003.values() for line in s)
        assert sequences(engine) == {}

    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert contents(engine) == rows  # every row, with its id
    assert shape(engine) == at_0003
    if sqlite:
        assert schema_text(engine) == with_autoincrement(text_0003)
        # Copying the rows in started every sequence at the table's largest id.
        assert sequences(engine) == largest_ids(engine)

    migrate.downgrade(engine, "0003")
    assert contents(engine) == rows
    if sqlite:
        assert schema_text(engine) == text_0003  # the key's name back too
        assert sequences(engine) == {}  # each went with its table
    migrate.upgrade(engine)
    assert contents(engine) == rows
    if sqlite:
        assert schema_text(engine) == with_autoincrement(text_0003)


def test_after_0004_the_checks_the_audit_log_and_the_foreign_keys_still_refuse(
    demo_db: Database,
) -> None:
    engine = demo_db.engine
    migrate.downgrade(engine, "0003")
    migrate.upgrade(engine)
    with pytest.raises(ValidationError, match=r"^name: at most 300"), demo_db.transaction() as s:
        s.execute(text("UPDATE organization SET name = :name WHERE id = 1"), {"name": "x" * 301})
    with pytest.raises(ValidationError, match=r"^code: at most 40"), demo_db.transaction() as s:
        s.execute(text("UPDATE kpi SET code = :code WHERE id = 1"), {"code": "K" * 41})
    for statement in ("UPDATE audit_entry SET who = 'x'", "DELETE FROM audit_entry"):
        refused = pytest.raises(Exception, match="audit log cannot be changed")
        with refused, engine.begin() as connection:
            connection.execute(text(statement))
    with pytest.raises(Exception, match=r"(?i)foreign key"), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO pillar (program_id, position, code, title, objective, version)"
                " VALUES (999, 1, 'P9', 'x', '', 1)"
            )
        )
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    # ON DELETE CASCADE survived the rebuild: the program takes its pillars and KPIs along.
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM contract_program"))
        left = connection.execute(text("SELECT count(*) FROM pillar")).scalar()
        kpis = connection.execute(text("SELECT count(*) FROM kpi")).scalar()
    assert (left, kpis) == (0, 0)


def without_0004(tmp_path: Path) -> Path:
    """The migrations as they were before this one: a Pilotage that stops at 0003."""
    location = tmp_path / "migrations-0003"
    shutil.copytree(migrate.MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    for script in (location / "versions").glob("0004_*.py"):
        script.unlink()
    assert migrate.head_revision(location) == "0003"
    return location


def organization(name: str) -> OrganizationInput:
    return OrganizationInput(name, OrganizationKind.ASSOCIATION)


@pytest.mark.sqlite_only
def test_an_analysts_0003_file_opened_by_this_version(tmp_path: Path, db: Database) -> None:
    """A file made and filled by the previous version, then opened by this one: it is
    migrated (after its backup), whole, and no id the file ever gave is given again."""
    path = tmp_path / "analyst.sqlite"
    old = open_database(path, create=True, migrations=without_0004(tmp_path))
    load_demo(old)
    kept = create_organization(old, organization("Caisse de Dépôt et de Gestion"))
    last = create_organization(old, organization("Technopark"))
    delete_organization(old, last.id, last.version)
    rows, text_0003 = contents(old.engine), schema_text(old.engine)
    assert text_0003 == with_autoincrement_removed(schema_text(db.engine))
    old.close()

    new = open_database(path)
    try:
        assert migrate.current_revision(new.engine) == migrate.head_revision()
        assert contents(new.engine) == rows
        assert schema_text(new.engine) == with_autoincrement(text_0003)
        # The deleted organization's id is named in the audit log: never given again.
        assert sequences(new.engine)["organization"] == last.id
        added = create_organization(new, organization("Maroc PME"))
        assert added.id == last.id + 1
        assert kept.id < last.id
    finally:
        new.close()
    assert len(list(tmp_path.glob("analyst.before-upgrade-from-0003-*.sqlite"))) == 1


def with_autoincrement_removed(at_head: dict[str, set[str]]) -> dict[str, set[str]]:
    """The inverse of with_autoincrement: what a file at 0003 holds."""
    expected = dict(at_head)
    for table in ID_TABLES:
        lines = at_head[f"table {table}"]
        expected[f"table {table}"] = lines - {"id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT"} | {
            "id INTEGER NOT NULL",
            f"CONSTRAINT pk_{table} PRIMARY KEY (id)",
        }
    return expected


@pytest.mark.sqlite_only
def test_a_table_emptied_before_0004_starts_above_the_ids_it_had(db: Database) -> None:
    """The last organization deleted at 0003 left no row to copy: the audit log's
    mention of its id starts the sequence above it."""
    migrate.downgrade(db.engine, "0003")
    gone = create_organization(db, organization("Technopark"))
    delete_organization(db, gone.id, gone.version)
    assert largest_ids(db.engine) == {"audit_entry": 2}
    migrate.upgrade(db.engine)
    assert sequences(db.engine) == {"audit_entry": 2, "organization": gone.id}
    assert create_organization(db, organization("Maroc PME")).id == gone.id + 1
