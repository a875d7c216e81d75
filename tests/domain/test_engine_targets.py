"""The KPI engine's target to date (per-period and interpolated), progress and expected.

Every expected value below is worked out by hand; the arithmetic is in a
comment wherever it is not obvious.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pilotage.domain.engine import expected_progress, progress, target
from pilotage.domain.enums import Aggregation, Direction, Frequency, Measure
from pilotage.domain.kpi_types import KpiSpec, TargetPoint

D = Decimal

# Baseline 0 on 2024-01-01, final target 1,000 on 2025-01-01: a span of 366 days (leap
# year). 2024-07-02 is the exact midpoint: 01-01 to 07-01 is 31 + 29 + 31 + 30 + 31 + 30
# = 182 days, so 07-02 is 183 days in, half of 366.
ONE_YEAR = KpiSpec(
    measure=Measure.COUNT,
    direction=Direction.INCREASE,
    aggregation=Aggregation.SUM,
    frequency=Frequency.QUARTERLY,
    baseline_value=D(0),
    baseline_date=date(2024, 1, 1),
    target_value=D(1000),
    target_date=date(2025, 1, 1),
)
MIDPOINT = date(2024, 7, 2)
# Baseline 0 on 2024-01-01, final 1,000 on 2026-12-31: 366 + 365 + 364 = 1,095 days.
THREE_YEARS = replace(ONE_YEAR, target_date=date(2026, 12, 31))
UNEMPLOYMENT = replace(
    ONE_YEAR,
    measure=Measure.PERCENTAGE,
    direction=Direction.DECREASE,
    baseline_value=D(20),
    target_value=D(10),
)

Q4_PLAN = TargetPoint(date(2024, 12, 31), D(900))
Q4_REVISED = TargetPoint(date(2024, 12, 31), D(800), date(2024, 9, 30), "pilot extended")
Q3_PLAN = TargetPoint(date(2024, 9, 30), D(600))
PLAN = [Q4_PLAN, Q4_REVISED, Q3_PLAN]


@pytest.mark.parametrize(
    ("spec", "as_of", "expected_value", "expected_trace"),
    [
        pytest.param(
            ONE_YEAR,
            MIDPOINT,
            D(500),  # 0 + 1,000 × 183 / 366
            "interpolated between baseline 0 on 2024-01-01 and target 1,000 on 2025-01-01: "
            "500 on 2024-07-02",
            id="midpoint",
        ),
        pytest.param(
            THREE_YEARS,
            date(2024, 12, 31),
            D(1000) / 3,  # 1,000 × 365 / 1,095 = 1,000 / 3 = 333.33…
            "interpolated between baseline 0 on 2024-01-01 and target 1,000 on 2026-12-31: "
            "333.33 on 2024-12-31",
            id="one-third-of-three-years",
        ),
        pytest.param(
            UNEMPLOYMENT,
            MIDPOINT,
            D(15),  # 20 + (10 − 20) × 183 / 366
            "interpolated between baseline 20% on 2024-01-01 and target 10% on 2025-01-01: "
            "15% on 2024-07-02",
            id="decreasing-midpoint",
        ),
        pytest.param(
            ONE_YEAR,
            date(2024, 1, 1),
            D(0),
            "interpolated between baseline 0 on 2024-01-01 and target 1,000 on 2025-01-01: "
            "0 on 2024-01-01",
            id="on-baseline-date",
        ),
        pytest.param(
            ONE_YEAR,
            date(2023, 12, 31),
            D(0),
            "baseline 0: the as-of date 2023-12-31 is before the baseline date 2024-01-01",
            id="before-baseline-clamped",
        ),
        pytest.param(
            ONE_YEAR,
            date(2025, 1, 1),
            D(1000),
            "final target, due 2025-01-01: 1,000",
            id="on-final-date",
        ),
        pytest.param(
            ONE_YEAR,
            date(2027, 6, 30),
            D(1000),
            "final target, due 2025-01-01: 1,000",
            id="after-final-date-clamped",
        ),
        pytest.param(
            replace(ONE_YEAR, baseline_value=None),
            MIDPOINT,
            D(500),
            "interpolated between baseline 0 (no baseline value, taken as 0) on 2024-01-01 "
            "and target 1,000 on 2025-01-01: 500 on 2024-07-02",
            id="missing-baseline-value-is-zero",
        ),
        pytest.param(
            replace(ONE_YEAR, baseline_date=None),
            MIDPOINT,
            D(1000),
            "final target (no baseline date to interpolate from): 1,000",
            id="missing-baseline-date",
        ),
        pytest.param(
            replace(ONE_YEAR, target_date=None),
            MIDPOINT,
            D(1000),
            "final target (no target date to interpolate to): 1,000",
            id="missing-target-date",
        ),
        pytest.param(
            replace(ONE_YEAR, target_value=None),
            MIDPOINT,
            None,
            "no target set",
            id="no-target",
        ),
    ],
)
def test_interpolated_target(
    spec: KpiSpec, as_of: date, expected_value: Decimal | None, expected_trace: str
) -> None:
    figure = target(spec, [], as_of)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


@pytest.mark.parametrize(
    ("targets", "as_of", "use_revisions", "expected_value", "expected_trace"),
    [
        pytest.param(
            PLAN,
            date(2024, 11, 15),
            True,
            D(800),
            "revised target for 2024-Q4 (revised on 2024-09-30: pilot extended): 800",
            id="revision-preferred",
        ),
        pytest.param(
            PLAN,
            date(2024, 11, 15),
            False,
            D(900),
            "planned target for 2024-Q4: 900",
            id="original-kept-for-original-view",
        ),
        pytest.param(
            PLAN,
            date(2024, 8, 1),
            True,
            D(600),
            "planned target for 2024-Q3: 600",
            id="original-when-not-revised",
        ),
        pytest.param(
            [*PLAN, TargetPoint(date(2024, 12, 31), D(750), date(2024, 10, 15), "budget cut")],
            date(2024, 11, 15),
            True,
            D(750),
            "revised target for 2024-Q4 (revised on 2024-10-15: budget cut): 750",
            id="latest-revision-wins",
        ),
        pytest.param(
            [replace(Q4_REVISED, reason="")],
            date(2024, 11, 15),
            True,
            D(800),
            "revised target for 2024-Q4 (revised on 2024-09-30): 800",
            id="revision-without-reason",
        ),
        pytest.param(
            [Q4_REVISED],
            date(2024, 12, 31),
            False,
            D(1000) / 3,  # no original for Q4: interpolated, 1,000 × 365 / 1,095
            "interpolated between baseline 0 on 2024-01-01 and target 1,000 on 2026-12-31: "
            "333.33 on 2024-12-31",
            id="only-a-revision-original-view-interpolates",
        ),
        pytest.param(
            PLAN,
            date(2024, 5, 15),
            True,
            # No target for Q2: 1,000 × 135 / 1,095 (Jan 31 + Feb 29 + Mar 31 + Apr 30
            # + 14 days of May = 135 elapsed) = 123.287…
            D(1000) * 135 / 1095,
            "interpolated between baseline 0 on 2024-01-01 and target 1,000 on 2026-12-31: "
            "123.29 on 2024-05-15",
            id="period-without-target-interpolates",
        ),
    ],
)
def test_per_period_target(
    targets: Sequence[TargetPoint],
    as_of: date,
    use_revisions: bool,
    expected_value: Decimal,
    expected_trace: str,
) -> None:
    figure = target(THREE_YEARS, targets, as_of, use_revisions=use_revisions)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


def test_per_period_target_applies_without_final_target() -> None:
    figure = target(replace(THREE_YEARS, target_value=None), PLAN, date(2024, 8, 1))
    assert figure.value == D(600)


@pytest.mark.parametrize(
    ("spec", "actual_value", "expected_value", "expected_trace"),
    [
        pytest.param(
            THREE_YEARS, D(734), D("0.734"), "(734 − 0) / (1,000 − 0) = 73.4%", id="increase"
        ),
        pytest.param(
            UNEMPLOYMENT,
            D(15),
            D("0.5"),  # (15 − 20) / (10 − 20) = −5 / −10
            "(15% − 20%) / (10% − 20%) = 50%",
            id="decrease-halfway",
        ),
        pytest.param(
            UNEMPLOYMENT,
            D(22),
            D("-0.2"),  # (22 − 20) / (10 − 20) = 2 / −10: worse than the baseline
            "(22% − 20%) / (10% − 20%) = -20%",
            id="decrease-went-the-wrong-way",
        ),
        pytest.param(
            THREE_YEARS, D(1200), D("1.2"), "(1,200 − 0) / (1,000 − 0) = 120%", id="over-100"
        ),
        pytest.param(
            replace(THREE_YEARS, baseline_value=None),
            D(734),
            D("0.734"),
            "(734 − 0) / (1,000 − 0) = 73.4% (no baseline value, taken as 0)",
            id="missing-baseline-is-zero",
        ),
        pytest.param(
            replace(
                THREE_YEARS, measure=Measure.RATIO, baseline_value=D("0.5"), target_value=D("0.8")
            ),
            D("0.734"),
            D("0.78"),  # (0.734 − 0.5) / (0.8 − 0.5) = 0.234 / 0.3
            "(73.4% − 50%) / (80% − 50%) = 78%",
            id="ratio",
        ),
        pytest.param(
            replace(
                THREE_YEARS, measure=Measure.PERCENTAGE, baseline_value=D(60), target_value=D(80)
            ),
            D(72),
            D("0.6"),  # (72 − 60) / (80 − 60) = 12 / 20
            "(72% − 60%) / (80% − 60%) = 60%",
            id="percentage",
        ),
        pytest.param(
            replace(THREE_YEARS, baseline_value=D(100), target_value=D(100)),
            D(100),
            D(1),
            "final target equals the baseline (100): actual 100 reaches it, so 100%",
            id="final-equals-baseline-reached",
        ),
        pytest.param(
            replace(THREE_YEARS, baseline_value=D(100), target_value=D(100)),
            D(99),
            D(0),
            "final target equals the baseline (100): actual 99 does not reach it, so 0%",
            id="final-equals-baseline-missed",
        ),
        pytest.param(
            replace(UNEMPLOYMENT, baseline_value=D(5), target_value=D(5)),
            D(4),
            D(1),
            "final target equals the baseline (5%): actual 4% reaches it, so 100%",
            id="final-equals-baseline-decrease-reached",
        ),
        pytest.param(
            replace(UNEMPLOYMENT, baseline_value=D(5), target_value=D(5)),
            D(6),
            D(0),
            "final target equals the baseline (5%): actual 6% does not reach it, so 0%",
            id="final-equals-baseline-decrease-missed",
        ),
        pytest.param(
            replace(THREE_YEARS, target_value=None), D(734), None, "no final target", id="no-final"
        ),
        pytest.param(THREE_YEARS, None, None, "no actual value", id="no-actual"),
    ],
)
def test_progress(
    spec: KpiSpec,
    actual_value: Decimal | None,
    expected_value: Decimal | None,
    expected_trace: str,
) -> None:
    figure = progress(spec, actual_value)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


@pytest.mark.parametrize(
    ("spec", "target_value", "expected_value", "expected_trace"),
    [
        pytest.param(ONE_YEAR, D(500), D("0.5"), "(500 − 0) / (1,000 − 0) = 50%", id="half"),
        pytest.param(
            UNEMPLOYMENT,
            D(15),
            D("0.5"),  # (15 − 20) / (10 − 20)
            "(15% − 20%) / (10% − 20%) = 50%",
            id="decrease-half",
        ),
        pytest.param(
            replace(ONE_YEAR, baseline_value=D(100), target_value=D(100)),
            D(100),
            D(1),
            "final target equals the baseline: expected 100%",
            id="final-equals-baseline",
        ),
        pytest.param(ONE_YEAR, None, None, "no target to date", id="no-target-to-date"),
        pytest.param(
            replace(ONE_YEAR, target_value=None), D(500), None, "no final target", id="no-final"
        ),
    ],
)
def test_expected_progress(
    spec: KpiSpec,
    target_value: Decimal | None,
    expected_value: Decimal | None,
    expected_trace: str,
) -> None:
    figure = expected_progress(spec, target_value)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


# --- yes/no KPIs: a step on the target date, never a slope ------------------------------

# "The exchange platform is online": no (0) until 2025-06-30, yes (1) from that day on.
# A line from 2024-06-01 would ask for 393 / 394 = 99.7% of a platform on 2025-06-29
# (2024-06-01 to 2025-06-01 is 365 days, then 29 more), which means nothing.
PLATFORM = KpiSpec(
    measure=Measure.YES_NO,
    direction=Direction.INCREASE,
    aggregation=Aggregation.LATEST,
    frequency=Frequency.ONE_OFF,
    baseline_value=D(0),
    baseline_date=date(2024, 6, 1),
    target_value=D(1),
    target_date=date(2025, 6, 30),
)
PLATFORM_DUE = date(2025, 6, 30)
_NOT_YET = "yes/no: baseline no until the target date 2025-06-30, then yes: no on"
_DUE = "yes/no: baseline no until the target date 2025-06-30, then yes: yes on"
_NO_BASELINE = "yes/no: baseline no (no baseline value, taken as 0) until the target date"


@pytest.mark.parametrize(
    ("spec", "as_of", "expected_value", "expected_trace"),
    [
        pytest.param(PLATFORM, date(2025, 3, 31), D(0), f"{_NOT_YET} 2025-03-31", id="before"),
        pytest.param(
            PLATFORM, date(2025, 6, 29), D(0), f"{_NOT_YET} 2025-06-29", id="the-day-before"
        ),
        pytest.param(PLATFORM, PLATFORM_DUE, D(1), f"{_DUE} 2025-06-30", id="on-the-date"),
        pytest.param(PLATFORM, date(2026, 1, 15), D(1), f"{_DUE} 2026-01-15", id="after"),
        pytest.param(
            PLATFORM,
            date(2024, 3, 1),  # before the baseline date too: still the baseline
            D(0),
            f"{_NOT_YET} 2024-03-01",
            id="before-the-baseline-date",
        ),
        pytest.param(
            replace(PLATFORM, baseline_value=None),
            date(2025, 3, 31),
            D(0),
            f"{_NO_BASELINE} 2025-06-30, then yes: no on 2025-03-31",
            id="no-baseline-before",
        ),
        pytest.param(
            replace(PLATFORM, baseline_value=None),
            date(2025, 7, 1),
            D(1),
            f"{_NO_BASELINE} 2025-06-30, then yes: yes on 2025-07-01",
            id="no-baseline-after",
        ),
        pytest.param(
            replace(PLATFORM, baseline_date=None),  # a step needs no start date
            date(2025, 3, 31),
            D(0),
            f"{_NOT_YET} 2025-03-31",
            id="no-baseline-date-before",
        ),
        pytest.param(
            # "Paper forms are still in use": yes until the date, then no.
            replace(PLATFORM, direction=Direction.DECREASE, baseline_value=D(1), target_value=D(0)),
            date(2025, 3, 31),
            D(1),
            "yes/no: baseline yes until the target date 2025-06-30, then no: yes on 2025-03-31",
            id="decreasing-before",
        ),
        pytest.param(
            replace(PLATFORM, target_date=None),
            date(2025, 3, 31),
            D(1),
            "final target (no target date to interpolate to): yes",
            id="no-target-date",
        ),
        pytest.param(
            replace(PLATFORM, target_value=None),
            date(2025, 3, 31),
            None,
            "no target set",
            id="no-target",
        ),
    ],
)
def test_yes_no_target_steps_on_the_target_date(
    spec: KpiSpec, as_of: date, expected_value: Decimal | None, expected_trace: str
) -> None:
    figure = target(spec, [], as_of)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


def test_yes_no_per_period_target_still_wins() -> None:
    quarterly = replace(PLATFORM, frequency=Frequency.QUARTERLY)
    early = [TargetPoint(date(2025, 3, 31), D(1))]  # the plan asks for it in Q1 already
    figure = target(quarterly, early, date(2025, 2, 15))
    assert figure.value == D(1)
    assert figure.trace == "planned target for 2025-Q1: yes"


@pytest.mark.parametrize(
    ("as_of", "expected_value", "expected_trace"),
    [
        pytest.param(date(2025, 3, 31), D(0), "(0 − 0) / (1 − 0) = 0%", id="before"),
        pytest.param(PLATFORM_DUE, D(1), "(1 − 0) / (1 − 0) = 100%", id="on-the-date"),
    ],
)
def test_yes_no_expected_progress(
    as_of: date, expected_value: Decimal, expected_trace: str
) -> None:
    figure = expected_progress(PLATFORM, target(PLATFORM, [], as_of).value)
    assert figure.value == expected_value
    assert figure.trace == expected_trace
