"""The KPI engine's actual value: every aggregation, ratios, traces, and JobIntech.

Every expected value below is worked out by hand; the arithmetic is in a
comment wherever it is not obvious.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pilotage.domain.engine import actual, evaluate
from pilotage.domain.enums import Aggregation, Direction, Frequency, KpiStatus, Measure
from pilotage.domain.formatting import format_percent, format_value
from pilotage.domain.kpi_types import KpiSpec, Observation

D = Decimal
END_2024 = date(2024, 12, 31)

_QUARTERS = {1: (1, 3, 31), 2: (4, 6, 30), 3: (7, 9, 30), 4: (10, 12, 31)}


def quarter(
    year: int,
    number: int,
    value: Decimal | int | None = None,
    num: int | None = None,
    den: int | None = None,
) -> Observation:
    first, last, last_day = _QUARTERS[number]
    return Observation(
        date(year, first, 1),
        date(year, last, last_day),
        value=None if value is None else D(value),
        numerator=None if num is None else D(num),
        denominator=None if den is None else D(den),
    )


def month(year: int, number: int, value: Decimal | int | None) -> Observation:
    last_day = calendar.monthrange(year, number)[1]
    return Observation(
        date(year, number, 1),
        date(year, number, last_day),
        value=None if value is None else D(value),
    )


def kpi(
    measure: Measure = Measure.COUNT,
    aggregation: Aggregation = Aggregation.SUM,
    frequency: Frequency = Frequency.QUARTERLY,
    unit: str = "",
) -> KpiSpec:
    return KpiSpec(
        measure=measure,
        direction=Direction.INCREASE,
        aggregation=aggregation,
        frequency=frequency,
        unit=unit,
    )


COUNT_SUM = kpi()
GRADUATES = [quarter(2024, 1, 240), quarter(2024, 2, 260), quarter(2024, 3, 234)]


@pytest.mark.parametrize(
    ("spec", "observations", "as_of", "expected_value", "expected_trace"),
    [
        pytest.param(
            COUNT_SUM,
            GRADUATES,
            END_2024,
            D(734),  # 240 + 260 + 234
            "sum of 3 periods: 240 + 260 + 234 = 734",
            id="sum-jobintech-graduates",
        ),
        pytest.param(
            COUNT_SUM,
            [*GRADUATES, quarter(2024, 4, 300)],
            date(2024, 12, 30),  # Q4 ends on 12-31, after the as-of date: left out
            D(734),
            "sum of 3 periods: 240 + 260 + 234 = 734",
            id="sum-ignores-periods-ending-after-as-of",
        ),
        pytest.param(
            COUNT_SUM,
            list(reversed(GRADUATES)),
            END_2024,
            D(734),
            "sum of 3 periods: 240 + 260 + 234 = 734",
            id="sum-lists-terms-in-time-order",
        ),
        pytest.param(
            COUNT_SUM,
            [quarter(2024, 1, 240)],
            END_2024,
            D(240),
            "sum of 1 period (2024-Q1): 240",
            id="sum-one-period",
        ),
        pytest.param(
            COUNT_SUM,
            [quarter(2024, 1, 240), quarter(2024, 2, None), quarter(2024, 3, 234)],
            END_2024,
            D(474),  # 240 + 234, the empty Q2 skipped
            "sum of 2 periods: 240 + 234 = 474",
            id="sum-skips-empty-values",
        ),
        pytest.param(
            kpi(unit="learners"),
            [quarter(2024, 1, 240), quarter(2024, 2, 260)],
            END_2024,
            D(500),
            "sum of 2 periods: 240 + 260 = 500 learners",
            id="sum-with-unit",
        ),
        pytest.param(
            kpi(frequency=Frequency.MONTHLY),
            [month(2024, m, m) for m in range(1, 7)],
            END_2024,
            D(21),  # 1 + 2 + … + 6
            "sum of 6 periods: 1 + 2 + 3 + 4 + 5 + 6 = 21",
            id="sum-six-terms-all-shown",
        ),
        pytest.param(
            kpi(frequency=Frequency.MONTHLY),
            [month(2024, m, m) for m in range(1, 8)],
            END_2024,
            D(28),  # 1 + 2 + … + 7
            "sum of 7 periods: 1 + 2 + … + 7 = 28",
            id="sum-seven-terms-abbreviated",
        ),
        pytest.param(
            kpi(frequency=Frequency.MONTHLY),
            [month(2024, 1, 240), month(2024, 2, 260)]
            + [month(2024, m, 250) for m in range(3, 12)]
            + [month(2024, 12, 234)],
            END_2024,
            D(2984),  # 240 + 260 + 9 × 250 + 234 = 500 + 2,250 + 234
            "sum of 12 periods: 240 + 260 + … + 234 = 2,984",
            id="sum-twelve-months-abbreviated",
        ),
        pytest.param(
            kpi(Measure.PERCENTAGE, Aggregation.LATEST),
            [quarter(2024, 1, 65), quarter(2024, 2, 70), quarter(2024, 4, 72)],
            END_2024,
            D(72),
            "latest value, period 2024-Q4: 72%",
            id="latest",
        ),
        pytest.param(
            kpi(Measure.PERCENTAGE, Aggregation.LATEST),
            [quarter(2024, 1, 65), quarter(2024, 2, 70), quarter(2024, 4, 72)],
            date(2024, 9, 30),
            D(70),
            "latest value, period 2024-Q2: 70%",
            id="latest-as-of-earlier-date",
        ),
        pytest.param(
            kpi(aggregation=Aggregation.MAXIMUM, frequency=Frequency.MONTHLY),
            [month(2024, 1, 240), month(2024, 2, 260), month(2024, 3, 234)],
            END_2024,
            D(260),
            "maximum of 3 periods: 260 (period 2024-02)",
            id="maximum",
        ),
        pytest.param(
            kpi(aggregation=Aggregation.MAXIMUM, frequency=Frequency.MONTHLY),
            [month(2024, 1, 260), month(2024, 2, 260)],
            END_2024,
            D(260),
            "maximum of 2 periods: 260 (period 2024-01)",
            id="maximum-tie-names-earliest",
        ),
        pytest.param(
            kpi(aggregation=Aggregation.AVERAGE, frequency=Frequency.MONTHLY),
            [month(2024, 1, 240), month(2024, 2, 260), month(2024, 3, 234)],
            END_2024,
            D(734) / 3,  # 244.666…, shown rounded to 244.67
            "average of 3 periods: (240 + 260 + 234) / 3 = 244.67",
            id="average",
        ),
        pytest.param(
            kpi(aggregation=Aggregation.AVERAGE),
            [quarter(2024, 2, 260)],
            END_2024,
            D(260),
            "average of 1 period (2024-Q2): 260",
            id="average-one-period",
        ),
        pytest.param(
            kpi(Measure.YES_NO, Aggregation.LATEST),
            [quarter(2024, 1, 0), quarter(2024, 2, 1)],
            END_2024,
            D(1),
            "latest value, period 2024-Q2: yes",
            id="yes-no-latest",
        ),
        pytest.param(
            kpi(Measure.YES_NO, Aggregation.SUM),
            [quarter(2024, 1, 1), quarter(2024, 2, 0), quarter(2024, 3, 1)],
            END_2024,
            D(2),  # yes in two quarters out of three
            "sum of 3 periods: 1 + 0 + 1 = 2",
            id="yes-no-sum",
        ),
        pytest.param(
            kpi(Measure.YES_NO, Aggregation.MAXIMUM),
            [quarter(2024, 1, 0), quarter(2024, 2, 1), quarter(2024, 3, 0)],
            END_2024,
            D(1),
            "maximum of 3 periods: yes (period 2024-Q2)",
            id="yes-no-maximum",
        ),
    ],
)
def test_actual_by_aggregation(
    spec: KpiSpec,
    observations: Sequence[Observation],
    as_of: date,
    expected_value: Decimal,
    expected_trace: str,
) -> None:
    figure = actual(spec, observations, as_of)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


@pytest.mark.parametrize("aggregation", list(Aggregation), ids=str)
@pytest.mark.parametrize(
    "observations",
    [
        pytest.param([], id="no-observation"),
        pytest.param([quarter(2024, 1, None), quarter(2024, 2, None)], id="only-empty-values"),
        pytest.param([quarter(2025, 1, 240)], id="only-after-as-of"),
    ],
)
def test_no_measurement_is_no_actual_not_zero(
    aggregation: Aggregation, observations: Sequence[Observation]
) -> None:
    figure = actual(kpi(aggregation=aggregation), observations, END_2024)
    assert figure.value is None
    assert figure.trace == "no measurement up to 2024-12-31"


RATIO_SUM = kpi(Measure.RATIO, Aggregation.SUM)
PLACEMENTS = [
    quarter(2024, 1, num=240, den=300),
    quarter(2024, 2, num=260, den=350),
    quarter(2024, 3, num=234, den=350),
]


@pytest.mark.parametrize(
    ("spec", "observations", "expected_value", "expected_trace"),
    [
        pytest.param(
            RATIO_SUM,
            PLACEMENTS,
            D("0.734"),  # (240 + 260 + 234) / (300 + 350 + 350) = 734 / 1,000
            "ratio of sums over 3 periods: (240 + 260 + 234) / (300 + 350 + 350) = 73.4%",
            id="ratio-of-sums",
        ),
        pytest.param(
            RATIO_SUM,
            [quarter(2024, 1, num=9, den=10), quarter(2024, 2, num=1, den=90)],
            # (9 + 1) / (10 + 90) = 10%; the mean of the per-period ratios would be
            # (90% + 1.11%) / 2 = 45.6%, a figure no one measured.
            D("0.1"),
            "ratio of sums over 2 periods: (9 + 1) / (10 + 90) = 10%",
            id="ratio-of-sums-not-mean-of-ratios",
        ),
        pytest.param(
            kpi(Measure.RATIO, Aggregation.AVERAGE),
            PLACEMENTS,
            D("0.734"),  # an "average" ratio KPI is still the ratio of sums
            "ratio of sums over 3 periods: (240 + 260 + 234) / (300 + 350 + 350) = 73.4%",
            id="ratio-average-is-ratio-of-sums",
        ),
        pytest.param(
            kpi(Measure.RATIO, Aggregation.MAXIMUM),
            PLACEMENTS,
            D("0.734"),
            "ratio of sums over 3 periods: (240 + 260 + 234) / (300 + 350 + 350) = 73.4%",
            id="ratio-maximum-is-ratio-of-sums",
        ),
        pytest.param(
            kpi(Measure.RATIO, Aggregation.LATEST),
            PLACEMENTS,
            D(234) / D(350),  # 0.668571…, shown 66.9%
            "latest ratio, period 2024-Q3: 234 / 350 = 66.9%",
            id="ratio-latest",
        ),
        pytest.param(
            RATIO_SUM,
            [PLACEMENTS[0], quarter(2024, 2, num=None, den=350), PLACEMENTS[2]],
            D(474) / D(650),  # (240 + 234) / (300 + 350) = 0.72923…, shown 72.9%
            "ratio of sums over 2 periods: (240 + 234) / (300 + 350) = 72.9%",
            id="ratio-skips-missing-numerator",
        ),
        pytest.param(
            RATIO_SUM,
            [quarter(2024, 1, num=0, den=0)],
            None,
            "ratio of sums over 1 period: the denominators add up to zero, so there is no ratio",
            id="ratio-zero-denominator",
        ),
        pytest.param(
            kpi(Measure.RATIO, Aggregation.LATEST),
            [PLACEMENTS[0], quarter(2024, 2, num=0, den=0)],
            None,
            "latest ratio, period 2024-Q2: the denominator is zero, so there is no ratio",
            id="ratio-latest-zero-denominator",
        ),
        pytest.param(
            kpi(Measure.RATIO, Aggregation.SUM, unit="learners per trainer"),
            [quarter(2024, 1, num=50, den=4)],
            D("12.5"),  # 50 learners / 4 trainers
            "ratio of sums over 1 period (2024-Q1): 50 / 4 = 12.5 learners per trainer",
            id="ratio-in-own-unit",
        ),
    ],
)
def test_actual_ratio(
    spec: KpiSpec,
    observations: Sequence[Observation],
    expected_value: Decimal | None,
    expected_trace: str,
) -> None:
    figure = actual(spec, observations, END_2024)
    assert figure.value == expected_value
    assert figure.trace == expected_trace


def test_ratio_ignores_a_value_without_numerator_and_denominator() -> None:
    figure = actual(RATIO_SUM, [quarter(2024, 1, value=D("0.8"))], END_2024)
    assert figure.value is None


class TestJobIntech:
    """The model case of the seed article: 1,000 learners, 734 graduates, 72% placed."""

    pilot = Observation(date(2024, 1, 1), date(2024, 12, 31))

    def test_graduation_rate_is_734_over_1000(self) -> None:
        spec = kpi(Measure.RATIO, Aggregation.SUM, Frequency.YEARLY)
        observation = replace(self.pilot, numerator=D(734), denominator=D(1000))
        figure = actual(spec, [observation], END_2024)
        assert figure.value == D("0.734")
        assert figure.value is not None
        assert format_percent(figure.value) == "73.4%"
        assert figure.trace == "ratio of sums over 1 period (2024): 734 / 1,000 = 73.4%"

    def test_placement_rate_is_latest_72_percent(self) -> None:
        spec = kpi(Measure.PERCENTAGE, Aggregation.LATEST, Frequency.YEARLY)
        figure = actual(spec, [replace(self.pilot, value=D(72))], END_2024)
        assert figure.value == D(72)
        assert format_value(figure.value, Measure.PERCENTAGE) == "72%"
        assert figure.trace == "latest value, period 2024: 72%"

    def test_learners_and_graduates_counts(self) -> None:
        learners = actual(
            kpi(unit="learners", frequency=Frequency.YEARLY),
            [replace(self.pilot, value=D(1000))],
            END_2024,
        )
        graduates = actual(COUNT_SUM, GRADUATES, END_2024)
        assert learners.value == D(1000)
        assert format_value(learners.value, Measure.COUNT, "learners") == "1,000 learners"
        assert graduates.value == D(734)
        assert graduates.trace == "sum of 3 periods: 240 + 260 + 234 = 734"

    def test_graduation_rate_evaluated_against_an_80_percent_target(self) -> None:
        spec = replace(
            kpi(Measure.RATIO, Aggregation.SUM, Frequency.YEARLY),
            baseline_value=D(0),
            baseline_date=date(2024, 1, 1),
            target_value=D("0.8"),
            target_date=END_2024,
        )
        observation = replace(self.pilot, numerator=D(734), denominator=D(1000))
        evaluation = evaluate(spec, [observation], [], END_2024)
        # On the target date the target is the final one: expected 100%.
        # progress = (0.734 − 0) / (0.8 − 0) = 0.9175 ≥ 0.9 × 1 -> on track.
        assert evaluation.progress.value == D("0.9175")
        assert evaluation.expected.value == D(1)
        assert evaluation.status is KpiStatus.ON_TRACK
        assert evaluation.progress.trace == "(73.4% − 0%) / (80% − 0%) = 91.8%"
        assert evaluation.status_trace == "on track: progress 91.8% ≥ 0.9 × expected 100% = 90%"
        assert evaluation.target.trace == "final target, due 2024-12-31: 80%"
