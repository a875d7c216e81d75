"""change counter: a window notices every committed change, in commit order

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 12:10:00

A window told that someone else changed something by the newest audit id misses
a change on PostgreSQL: ids are handed out at insert, so a slow transaction can
commit with an id below one the window has already seen. One row, bumped by every
writing transaction just before it commits, counts the committed changes instead
(services/audit.py, services/changes.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_change_counter_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_counter")),
    )
    op.execute("INSERT INTO change_counter (id, value) VALUES (1, 0)")


def downgrade() -> None:
    op.drop_table("change_counter")
