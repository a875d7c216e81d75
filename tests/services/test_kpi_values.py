"""KPI figures: the largest one stored, and sums over many periods that stay exact."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import Q1, Tree, make_kpi
from service_support import Count

from pilotage.db.database import Database
from pilotage.domain.enums import Frequency, Measure
from pilotage.domain.errors import ValidationError
from pilotage.services.kpis import KpiRow
from pilotage.services.measured import load_summaries
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    record_measurement,
)
from pilotage.services.targets import set_target

D = Decimal
LARGEST = D("999999999.999999")
TOO_LARGE_MESSAGE = (
    "is too large: a KPI figure stays below 1,000,000,000 (a billion), so that sums over "
    "its periods stay exact; give larger amounts in thousands or millions (and say so in "
    "the unit)"
)


@pytest.fixture
def amount(db: Database, tree: Tree) -> KpiRow:
    return make_kpi(db, tree.initiative, measure=Measure.AMOUNT, unit="MAD")


@pytest.mark.parametrize(
    "value", [D(999_999_999), LARGEST, -LARGEST], ids=["billion-less-one", "six-places", "negative"]
)
def test_a_figure_below_a_billion_is_stored(db: Database, amount: KpiRow, value: Decimal) -> None:
    row = record_measurement(db, amount.id, MeasurementInput(*Q1, value=value))
    assert row.value == value


@pytest.mark.parametrize(
    ("figures", "field"),
    [
        ({"value": D(1_000_000_000)}, "value"),
        ({"value": D(-1_000_000_000)}, "value"),
        ({"value": D(10) ** 12}, "value"),
    ],
    ids=["a-billion", "minus-a-billion", "old-limit"],
)
def test_a_billion_is_refused_with_a_sentence(
    db: Database, amount: KpiRow, figures: dict[str, Any], field: str, count: Count
) -> None:
    with pytest.raises(ValidationError) as caught:
        record_measurement(db, amount.id, MeasurementInput(*Q1, **figures))
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == (field, TOO_LARGE_MESSAGE)
    assert count("measurement") == 0


def test_targets_baselines_and_categories_have_the_same_limit(
    db: Database, tree: Tree, amount: KpiRow
) -> None:
    with pytest.raises(ValidationError) as caught:
        make_kpi(db, tree.pillar, code="BIG", target_value=D(1_000_000_000))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("target_value", TOO_LARGE_MESSAGE)
    ]
    with pytest.raises(ValidationError) as caught:
        set_target(db, amount.id, Q1[1], D(1_000_000_000))
    assert caught.value.fields() == {"value"}
    part = DisaggregationInput("region", "Casablanca", D(1_000_000_000))
    with pytest.raises(ValidationError) as caught:
        record_measurement(
            db, amount.id, MeasurementInput(*Q1, value=D(1), disaggregations=(part,))
        )
    [problem] = caught.value.problems
    assert problem.field == "disaggregations"
    assert "too large" in problem.message


def test_sixty_months_of_the_largest_figure_add_up_exactly(db: Database, tree: Tree) -> None:
    kpi = make_kpi(db, tree.initiative, measure=Measure.AMOUNT, frequency=Frequency.MONTHLY)
    start = date(2020, 1, 1)
    for _ in range(60):
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        record_measurement(db, kpi.id, MeasurementInput(start, end, value=LARGEST))
        start = end + timedelta(days=1)
    with db.reading() as session:
        summary = load_summaries(session, date(2025, 1, 1))[kpi.id]
    assert summary.count == 60
    assert summary.value_sum == LARGEST * 60
