"""Column types that keep values exact on SQLite and PostgreSQL alike.

SQLite has no decimal type: its NUMERIC affinity stores floats. Decimals are
therefore stored there as integers scaled by 10**scale, which keeps sums in
SQL exact and ordering right; PostgreSQL gets a real NUMERIC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Numeric
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal with a fixed number of decimal places, exact on every engine."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int, scale: int) -> None:
        super().__init__()
        self.precision = precision
        self.scale = scale
        self._factor = Decimal(10) ** scale
        self._quantum = Decimal(1).scaleb(-scale)
        self._units = 10**scale

    def __repr__(self) -> str:
        # Alembic writes this into migrations: it must rebuild the same type.
        return f"ExactDecimal({self.precision}, {self.scale})"

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        value = Decimal(value)
        # Trailing zeros are not places: "3.0000000" fits six places exactly.
        fitted = value.quantize(self._quantum)
        if fitted != value:
            # The services validate places first; reaching here is a bug.
            raise ValueError(f"{value} has more than {self.scale} decimal places")
        if dialect.name == "sqlite":
            return int(fitted * self._factor)
        return fitted

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            # Hot path (a portfolio reads hundreds of thousands): whole numbers,
            # most counts and amounts, skip the decimal arithmetic.
            whole, part = divmod(value, self._units)
            if not part:
                return Decimal(whole)
            return Decimal(value).scaleb(-self.scale).normalize()
        return Decimal(value).normalize() + Decimal(0)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime; stored naive (in UTC) where the engine has no zones."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
