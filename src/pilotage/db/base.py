"""Declarative base, constraint naming convention and shared column shapes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import CheckConstraint, Column, Enum, Integer, MetaData, String, Table, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, declared_attr, mapped_column

from pilotage.db.types import ExactDecimal

# Named constraints make Alembic migrations (and SQLite batch mode) reliable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Lengths of the text columns, shared with the services' validation.
CODE_LENGTH = 40
NAME_LENGTH = 300
SHORT_LENGTH = 120
URL_LENGTH = 1000
CURRENCY_LENGTH = 3
# Free text (notes, descriptions, comments, reasons): room for pages of prose, and
# well below the 32,767 characters an Excel cell holds, so every note exports whole.
NOTE_LENGTH = 10_000

# Where a text column's bound is kept when its type has none (TEXT on PostgreSQL).
MAX_LENGTH_INFO = "max_length"
# A length CHECK names its column and bound here, for the error that reports it.
LENGTH_OF_INFO = "length_of"


def text_limit(column: Column[Any]) -> int | None:
    """The most characters `column` holds, or None when unbounded (or an enum, checked by IN)."""
    bound = column.info.get(MAX_LENGTH_INFO)
    if isinstance(bound, int):
        return bound
    if isinstance(column.type, String) and not isinstance(column.type, Enum):
        return column.type.length
    return None


def length_check_name(column: str) -> str:
    """The CHECK's own name; the naming convention makes it ck_<table>_<column>_length."""
    return f"{column}_length"


def add_length_checks(table: Table) -> None:
    """A CHECK (length(column) <= n) for every bounded text column of `table`.

    SQLite stores a text of any length in a VARCHAR(n); PostgreSQL refuses it.
    The CHECK makes SQLite refuse it too, in the database itself, so that an
    ORM flush, a Core executemany or a hand-written INSERT are all held to the
    same bound. On PostgreSQL it also bounds the TEXT columns (notes).
    """
    for column in table.columns:
        limit = text_limit(column)
        if limit is None:
            continue
        table.append_constraint(
            CheckConstraint(
                func.length(column) <= limit,
                name=length_check_name(column.name),
                info={LENGTH_OF_INFO: (column.name, limit)},
            )
        )


def note_column() -> MappedColumn[str]:
    """A free-text column (TEXT), bounded to NOTE_LENGTH by its CHECK."""
    return mapped_column(Text, default="", info={MAX_LENGTH_INFO: NOTE_LENGTH})


def never_reuse_ids(table: Table) -> None:
    """AUTOINCREMENT on SQLite for a table whose key is one generated integer id.

    Without it SQLite hands out the largest rowid again once that row is deleted: a
    record added after a delete takes the deleted one's id, and undoing the delete
    (which puts the record back with its own id) is refused; the audit log would
    also name two records by one id. PostgreSQL's sequences never go back, so both
    engines now agree: an id, once given, is never given again. A table whose id
    is not generated (change_counter's single row, id 1) has nothing to hand out.
    """
    if table.autoincrement_column is not None:
        table.dialect_kwargs["sqlite_autoincrement"] = True


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    @classmethod
    def __table_cls__(cls, *args: Any, **kwargs: Any) -> Table:
        # Every mapped table gets its length checks from its columns' own lengths:
        # a bound declared once, in the column, and never forgotten in a CHECK.
        table = Table(*args, **kwargs)
        add_length_checks(table)
        never_reuse_ids(table)
        return table


class Versioned:
    """An editable row: its version guards against silent overwrites."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-1)
    version: Mapped[int] = mapped_column(Integer, nullable=False, sort_order=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a class-level directive
        # The ORM adds "AND version = ?" to every UPDATE and DELETE and bumps it.
        return {"version_id_col": cls.version}


def money() -> ExactDecimal:
    return ExactDecimal(18, 2)


def quantity() -> ExactDecimal:
    """KPI values: six places hold ratios such as 0.734 exactly."""
    return ExactDecimal(24, 6)


E = TypeVar("E", bound=StrEnum)


def enum_column(enum: type[E], name: str) -> Enum:
    """A string column limited to the enum's values by a named CHECK."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
