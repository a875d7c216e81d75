"""ids never reused: AUTOINCREMENT on SQLite, so undoing a delete works after an add

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 14:00:00

Without AUTOINCREMENT SQLite hands the largest rowid out again once its row is
deleted: a pillar added after the last one was deleted took its id, and undoing
the delete (which puts the record back with its own id) was refused as "already
used". PostgreSQL's sequences never go back; there the migration does nothing.

SQLite cannot add AUTOINCREMENT to a table: batch mode rebuilds each table with it
(create the new table, copy every row with its id, drop the old one, rename). The
reflected copy keeps the columns, server defaults, named CHECKs (lengths, enums,
ranges), unique constraints, foreign keys and indexes. Copying the rows in also
starts the table's sqlite_sequence at its largest id; the migration then moves it
above any larger id the audit log names (a record deleted before), so no id in
use, or given before, is given again. Dropping the old audit_entry drops its
triggers: they are made again on the new one.

The list is written out, not read from the models: a migration states the schema
of its revision, whatever the models say later. change_counter (one row, id 1,
not generated) and initiative_partner (a key of two columns) hand out no id.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Every table whose key is one generated integer id, in this revision.
TABLES = (
    "audit_entry",
    "contract_program",
    "organization",
    "pillar",
    "program_party",
    "initiative",
    "budget_line",
    "kpi",
    "milestone",
    "kpi_target",
    "measurement",
    "disaggregation",
)


def _on_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _keep_the_audit_log_read_only() -> None:
    """The triggers of 0001 went with the old audit_entry: made again on the new one."""
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry"
            " BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"
        )


def _rebuild(autoincrement: bool) -> None:
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ) as batch_op:
            if not autoincrement:
                # An inline "PRIMARY KEY AUTOINCREMENT" has no name to reflect: the key
                # gets back the name 0001 gave it.
                batch_op.create_primary_key(f"pk_{table}", ["id"])
    _keep_the_audit_log_read_only()


def _start_above_the_ids_the_audit_log_names() -> None:
    """A record deleted before this revision may have had the largest id: without
    AUTOINCREMENT its id could be given again, and the history of a new record
    (looked up by table and id) would show the old one's. The audit log names every
    id a table ever had: each table's sequence starts above the largest of them."""
    for table in TABLES:
        largest = f"(SELECT max(entity_id) FROM audit_entry WHERE entity = '{table}')"
        op.execute(
            f"UPDATE sqlite_sequence SET seq = {largest} WHERE name = '{table}' AND seq < {largest}"
        )
        # An empty table has no sequence yet; one is made when the log names an id.
        op.execute(
            f"INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', {largest}"
            f" WHERE {largest} IS NOT NULL"
            f" AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}')"
        )


def upgrade() -> None:
    if _on_sqlite():
        _rebuild(autoincrement=True)
        _start_above_the_ids_the_audit_log_names()


def downgrade() -> None:
    # The ids stay as they are; SQLite drops the table's sqlite_sequence row with it.
    if _on_sqlite():
        _rebuild(autoincrement=False)
