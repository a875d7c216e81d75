"""Alembic environment: always run by pilotage.db.migrate on a connection it gives."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from pilotage.db.schema import metadata

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `pilotage db upgrade`, not the alembic command")
run_migrations(connection)
