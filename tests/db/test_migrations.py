"""Upgrades: all or nothing, and a checked backup before touching a database with data."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from pilotage.db import migrate
from pilotage.db.database import Database, open_database

GOOD_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "0900_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))


def downgrade() -> None:
    pass
"""

FAILING_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "0900_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("nickname", sa.String(40), nullable=True))
    op.execute("UPDATE organization SET name = 'changed'")
    raise RuntimeError("this migration fails half way")


def downgrade() -> None:
    pass
"""


def scripts_with(tmp_path: Path, body: str) -> Path:
    """The shipped migrations plus one more revision on top of head."""
    location = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    revision = body.format(head=migrate.head_revision())
    (location / "versions" / "0900_test.py").write_text(textwrap.dedent(revision))
    return location


def add_organization(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organization (name, acronym, kind, website, notes, version)"
                " VALUES ('Maroc Numeric Cluster', 'MNC', 'association', '', '', 1)"
            )
        )


def organization_columns(database: Database) -> list[str]:
    return [c["name"] for c in inspect(database.engine).get_columns("organization")]


def test_a_migration_failing_half_way_leaves_the_schema_as_it_was(
    db: Database, tmp_path: Path
) -> None:
    add_organization(db)
    tables_before = migrate.schema_tables(db.engine)
    columns_before = organization_columns(db)
    location = scripts_with(tmp_path, FAILING_REVISION)

    with pytest.raises(RuntimeError, match="fails half way"):
        migrate.upgrade(db.engine, location)

    assert migrate.schema_tables(db.engine) == tables_before
    assert organization_columns(db) == columns_before
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM organization")).scalar() == (
            "Maroc Numeric Cluster"
        )
        if connection.dialect.name == "sqlite":
            # Foreign keys are back on for the connection the migration used.
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.sqlite_only
def test_upgrading_a_database_with_data_writes_a_checked_backup_first(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    add_organization(db)
    old_head = migrate.head_revision()
    db.close()
    location = scripts_with(tmp_path, GOOD_REVISION)

    upgraded = open_database(db_path, migrations=location)
    try:
        assert migrate.current_revision(upgraded.engine) == "0900_test"
        assert "nickname" in organization_columns(upgraded)
    finally:
        upgraded.close()

    [backup] = db_path.parent.glob(f"{db_path.stem}.before-upgrade-from-{old_head}-*.sqlite")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        assert copy.execute("SELECT acronym FROM organization").fetchall() == [("MNC",)]


@pytest.mark.sqlite_only
def test_a_new_database_needs_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    open_database(path, create=True).close()
    assert sorted(p.name for p in tmp_path.iterdir() if "before-upgrade" in p.name) == []


def test_upgrade_can_be_refused(db: Database, db_target: str, tmp_path: Path) -> None:
    db.close()
    location = scripts_with(tmp_path, GOOD_REVISION)
    with pytest.raises(Exception, match="needs an upgrade"):
        open_database(db_target, upgrade=False, migrations=location)
