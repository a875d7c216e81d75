"""Declarative base, constraint naming convention and shared column shapes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Enum, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
