"""Money and KPI figures add up exactly in SQL, on SQLite (scaled integers) as on
PostgreSQL (NUMERIC): never through a float, whose 0.1 is not 0.1."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from kpi_fixtures import Tree
from sqlalchemy import insert, select

from pilotage.db.database import Database
from pilotage.db.schema import BudgetLine, Measurement
from pilotage.domain.enums import MeasurementStatus
from pilotage.services.budget import budget_summary
from pilotage.services.kpis import KpiRow
from pilotage.services.measured import load_summaries, program_scope

D = Decimal
MONEY_MAX = D("9999999999999999.99")  # ExactDecimal(18, 2): 16 digits, 2 places
FIGURE_MAX = D("999999999.999999")  # below a billion, six places (services/kpi_values.py)


def float_sum(values: list[Decimal]) -> float:
    total = 0.0
    for value in values:
        total += float(value)
    return total


def test_a_budget_of_many_small_and_large_amounts_sums_exactly(db: Database, tree: Tree) -> None:
    years = range(1900, 2201)  # 301 lines: every year the budget line's CHECK allows
    rows = [
        {
            "initiative_id": tree.initiative_id,
            "year": year,
            "planned": D("0.10"),
            "committed": D("1234567.89"),
            "disbursed": D("0.01") if year % 2 else D("0.07"),
            "version": 1,
        }
        for year in years
    ]
    with db.transaction() as session:
        session.execute(insert(BudgetLine), rows)

    summary = budget_summary(db, tree.program_id)

    [jit] = [i for i in summary.initiatives if i.initiative_id == tree.initiative_id]
    # By hand: 301 x 0.10; 301 x 1,234,567.89 = 370,370,367 + 1,234,567.89;
    # 150 odd years x 0.01 + 151 even years x 0.07 = 1.50 + 10.57.
    assert (jit.planned, jit.committed, jit.disbursed) == (
        D("30.10"),
        D("371604934.89"),
        D("12.07"),
    )
    assert (summary.planned, summary.committed, summary.disbursed) == (
        D("30.10"),
        D("371604934.89"),
        D("12.07"),
    )
    assert all(type(v) is Decimal for v in (jit.planned, jit.committed, summary.disbursed))
    # The test would see a float: adding the floats misses by a few units in the last place.
    assert float_sum([D("0.10")] * 301) != 30.10


def test_amounts_at_the_columns_limits_come_back_exactly(db: Database, tree: Tree) -> None:
    with db.transaction() as session:
        session.add_all(
            [
                BudgetLine(
                    initiative_id=tree.initiative_id,
                    year=2025,
                    planned=MONEY_MAX,
                    committed=D("0.01"),
                    disbursed=D(0),
                    version=1,
                ),
                BudgetLine(
                    initiative_id=tree.initiative_id,
                    year=2026,
                    planned=MONEY_MAX,
                    committed=D("1234567890123456.78"),
                    disbursed=D(0),
                    version=1,
                ),
            ]
        )
    with db.reading() as session:
        stored = session.execute(
            select(BudgetLine.planned, BudgetLine.committed).order_by(BudgetLine.year)
        ).all()
    assert [tuple(row) for row in stored] == [
        (MONEY_MAX, D("0.01")),
        (MONEY_MAX, D("1234567890123456.78")),
    ]
    summary = budget_summary(db, tree.program_id)
    # Two of the largest amounts: 19,999,999,999,999,999.98, still exact (2e18 < 2**63 scaled).
    assert summary.planned == D("19999999999999999.98")
    assert summary.committed == D("1234567890123456.79")


def test_kpi_figures_sum_exactly_over_many_periods(db: Database, learners: KpiRow) -> None:
    figures = [D("0.1"), D("1234567.89"), D("0.000001"), FIGURE_MAX, -FIGURE_MAX]
    values = [figures[i % len(figures)] for i in range(1000)]
    first = date(2000, 1, 1)
    rows = [
        {
            "kpi_id": learners.id,
            "period_start": first + timedelta(days=i),
            "period_end": first + timedelta(days=i),
            "value": value,
            "status": MeasurementStatus.VALIDATED,
            "comment": "",
            "evidence_link": "",
            "entered_by": "analyste",
            "entered_at": datetime(2025, 1, 1, tzinfo=UTC),
            "version": 1,
        }
        for i, value in enumerate(values)
    ]
    with db.transaction() as session:
        session.execute(insert(Measurement), rows)

    with db.reading() as session:
        summaries = load_summaries(session, date(2030, 1, 1), program_scope(learners.program_id))

    summary = summaries[learners.id]
    # By hand: 200 of each; the largest figures cancel out, 200 x (0.1 + 1,234,567.89 + 0.000001).
    assert summary.count == 1000
    assert summary.value_sum == D("246913598.000200")
    assert type(summary.value_sum) is Decimal
    assert summary.max_value == FIGURE_MAX
    assert float_sum(values) != 246913598.0002
    with db.reading() as session:
        stored = set(
            session.scalars(select(Measurement.value).where(Measurement.kpi_id == learners.id))
        )
    assert stored == set(figures)
