"""JIT-DIP as the demo enters it (services/demo_data.py), for the engine's tests in
any package: quarterly sums of graduates, 800 by the end of 2024."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pilotage.domain.enums import Aggregation, Direction, Frequency, Measure
from pilotage.domain.kpi_types import KpiSpec, Observation

END_2024 = date(2024, 12, 31)

GRADUATES = KpiSpec(
    measure=Measure.COUNT,
    direction=Direction.INCREASE,
    aggregation=Aggregation.SUM,
    frequency=Frequency.QUARTERLY,
    baseline_value=Decimal(0),
    baseline_date=date(2024, 1, 1),
    target_value=Decimal(800),
    target_date=END_2024,
    unit="diplômés",
)


def graduate_quarters(last: int = 234) -> list[Observation]:
    """240, 260 and `last` graduates in the last three quarters of 2024 (the demo's 234;
    a larger last figure puts a thousands separator in the total)."""
    return [
        Observation(date(2024, 4, 1), date(2024, 6, 30), value=Decimal(240)),
        Observation(date(2024, 7, 1), date(2024, 9, 30), value=Decimal(260)),
        Observation(date(2024, 10, 1), date(2024, 12, 31), value=Decimal(last)),
    ]
