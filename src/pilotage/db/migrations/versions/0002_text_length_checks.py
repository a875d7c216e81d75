"""text length checks: a text longer than its column is refused on SQLite too

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 11:10:00

PostgreSQL refuses a VARCHAR(n) overflow itself; SQLite stores a text of any
length. A CHECK (length(column) <= n) on every bounded text column makes both
engines refuse it, for the ORM's flushes and the import's executemany alike,
and bounds the free-text columns (TEXT) to NOTE_LENGTH on both.

The list is written out, not read from the models: a migration states the
schema of its revision, whatever the models say later.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NOTE = 10_000

# (table, column, most characters), as the models of this revision declare them.
LENGTHS: dict[str, tuple[tuple[str, int], ...]] = {
    "audit_entry": (("entity", 40), ("who", 120)),
    "contract_program": (
        ("currency", 3),
        ("description", NOTE),
        ("reference", 40),
        ("title", 300),
    ),
    "organization": (("name", 300), ("acronym", 40), ("notes", NOTE), ("website", 1000)),
    "pillar": (("code", 40), ("title", 300), ("objective", NOTE)),
    "program_party": (("signatory_name", 300), ("signatory_title", 300)),
    "initiative": (("description", NOTE), ("code", 40), ("name", 300)),
    "kpi": (
        ("means_of_verification", NOTE),
        ("definition", NOTE),
        ("name", 300),
        ("unit", 120),
        ("data_source", NOTE),
        ("code", 40),
    ),
    "milestone": (("note", NOTE), ("title", 300)),
    "kpi_target": (("reason", NOTE),),
    "measurement": (("evidence_link", 1000), ("entered_by", 120), ("comment", NOTE)),
    "disaggregation": (("category", 120), ("dimension", 120)),
}


def _keep_the_audit_log_read_only() -> None:
    """SQLite's batch mode rebuilds audit_entry, and dropping the old copy drops its
    triggers (0001): they are made again on the new one. PostgreSQL alters in place."""
    if op.get_bind().dialect.name != "sqlite":
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry"
            " BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"
        )


def upgrade() -> None:
    # One batch per table: SQLite rebuilds each table once, with all its checks.
    # A row already longer than a new bound (a note over 10,000 characters) makes
    # the whole upgrade fail and roll back: the database stays as it was.
    for table, columns in LENGTHS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, limit in columns:
                batch_op.create_check_constraint(
                    op.f(f"ck_{table}_{column}_length"), f"length({column}) <= {limit}"
                )
    _keep_the_audit_log_read_only()


def downgrade() -> None:
    for table, columns in LENGTHS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, _limit in columns:
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}_length"), type_="check")
    _keep_the_audit_log_read_only()
