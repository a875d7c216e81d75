"""Exact decimals on SQLite: stored as scaled integers, read back as the same numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, func, insert, select

from pilotage.db.types import ExactDecimal

D = Decimal


@pytest.fixture
def table() -> Table:
    return Table(
        "t",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("amount", ExactDecimal(18, 2)),
        Column("quantity", ExactDecimal(24, 6)),
    )


@pytest.mark.parametrize(
    ("amount", "quantity"),
    [
        (D("0.10"), D("0.734")),
        (D("31000000.000"), D("3.0000000")),  # trailing zeros beyond the scale are not places
        (D("-12.5"), D("1000")),
        (D("0"), D("0.000001")),
    ],
)
def test_values_come_back_equal(table: Table, amount: Decimal, quantity: Decimal) -> None:
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(table), {"amount": amount, "quantity": quantity})
        stored = connection.execute(select(table.c.amount, table.c.quantity)).one()
        raw = connection.exec_driver_sql("SELECT amount, quantity FROM t").one()
    assert tuple(stored) == (amount, quantity)
    # Scaled integers: 0.10 is 10 hundredths, 0.734 is 734,000 millionths.
    assert raw == (int(amount * 100), int(quantity * 1_000_000))


def test_a_sum_in_sql_is_exact(table: Table) -> None:
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(table), [{"amount": D("0.10")}, {"amount": D("0.20")}])
        summed = connection.scalar(select(func.sum(table.c.amount, type_=table.c.amount.type)))
    # As floats, 0.1 + 0.2 is 0.30000000000000004.
    assert summed == D("0.3")


def test_more_places_than_the_scale_is_a_bug_caught_before_writing(table: Table) -> None:
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with pytest.raises(Exception, match="more than 2 decimal places"), engine.begin() as c:
        c.execute(insert(table), {"amount": D("0.105")})
