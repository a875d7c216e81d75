"""The KPI engine's status, its thresholds (default and per KPI) and the evaluation.

Every expected value below is worked out by hand; the arithmetic is in a
comment wherever it is not obvious.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pilotage.domain.engine import evaluate
from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    KpiStatus,
    Measure,
    QualityFlag,
)
from pilotage.domain.kpi_types import Figure, KpiSpec, Observation, TargetPoint

D = Decimal

# Baseline 0 on 2024-01-01, final 1,000 on 2025-01-01 (366 days). On 2024-07-02, 183 days
# in, the interpolated target is 500, so expected = 50%; with the defaults the green bar
# is 0.9 × 50% = 45% and the amber bar 0.7 × 50% = 35%.
SPEC = KpiSpec(
    measure=Measure.COUNT,
    direction=Direction.INCREASE,
    aggregation=Aggregation.SUM,
    frequency=Frequency.QUARTERLY,
    baseline_value=D(0),
    baseline_date=date(2024, 1, 1),
    target_value=D(1000),
    target_date=date(2025, 1, 1),
    definition="Learners who completed the course",
    data_source="MNC quarterly report",
)
AS_OF = date(2024, 7, 2)
UNEMPLOYMENT = replace(
    SPEC,
    measure=Measure.PERCENTAGE,
    direction=Direction.DECREASE,
    aggregation=Aggregation.LATEST,
    baseline_value=D(20),
    target_value=D(10),
)  # target on 2024-07-02: 20 + (10 − 20) × 183 / 366 = 15, expected 50%


def q2(value: int) -> list[Observation]:
    return [Observation(date(2024, 4, 1), date(2024, 6, 30), D(value))]


@pytest.mark.parametrize(
    ("spec", "observations", "as_of", "status", "status_trace"),
    [
        pytest.param(
            SPEC,
            q2(734),  # progress 73.4% ≥ 45%
            AS_OF,
            KpiStatus.ON_TRACK,
            "on track: progress 73.4% ≥ 0.9 × expected 50% = 45%",
            id="on-track",
        ),
        pytest.param(
            SPEC,
            q2(450),
            AS_OF,
            KpiStatus.ON_TRACK,
            "on track: progress 45% ≥ 0.9 × expected 50% = 45%",
            id="on-track-exactly-at-green-bar",
        ),
        pytest.param(
            SPEC,
            q2(400),  # 40% < 45% but ≥ 35%
            AS_OF,
            KpiStatus.AT_RISK,
            "at risk: progress 40% < 0.9 × expected 50% = 45% but ≥ 0.7 × expected = 35%",
            id="at-risk",
        ),
        pytest.param(
            SPEC,
            q2(350),
            AS_OF,
            KpiStatus.AT_RISK,
            "at risk: progress 35% < 0.9 × expected 50% = 45% but ≥ 0.7 × expected = 35%",
            id="at-risk-exactly-at-amber-bar",
        ),
        pytest.param(
            SPEC,
            q2(300),  # 30% < 35%
            AS_OF,
            KpiStatus.OFF_TRACK,
            "off track: progress 30% < 0.7 × expected 50% = 35%",
            id="off-track",
        ),
        pytest.param(
            SPEC,
            q2(1020),  # 1,020 / 1,000
            AS_OF,
            KpiStatus.ACHIEVED,
            "achieved: progress 102% ≥ 100%",
            id="achieved-over-100",
        ),
        pytest.param(
            SPEC,
            q2(1000),
            AS_OF,
            KpiStatus.ACHIEVED,
            "achieved: progress 100% ≥ 100%",
            id="achieved-exactly",
        ),
        pytest.param(
            replace(SPEC, green=D("0.8"), amber=D("0.6")),
            q2(400),  # at risk with the defaults; now 40% ≥ 0.8 × 50% = 40%
            AS_OF,
            KpiStatus.ON_TRACK,
            "on track: progress 40% ≥ 0.8 × expected 50% = 40%",
            id="green-override",
        ),
        pytest.param(
            replace(SPEC, amber=D("0.5")),
            q2(300),  # off track with the defaults; now 30% ≥ 0.5 × 50% = 25%
            AS_OF,
            KpiStatus.AT_RISK,
            "at risk: progress 30% < 0.9 × expected 50% = 45% but ≥ 0.5 × expected = 25%",
            id="amber-override",
        ),
        pytest.param(
            replace(SPEC, green=D(0)),
            q2(10),  # a zero threshold is a real override, not "use the default"
            AS_OF,
            KpiStatus.ON_TRACK,
            "on track: progress 1% ≥ 0 × expected 50% = 0%",
            id="zero-green-is-honoured",
        ),
        pytest.param(
            SPEC,
            [],
            AS_OF,
            KpiStatus.NO_DATA,
            "no data: no measurement up to 2024-07-02",
            id="no-data",
        ),
        pytest.param(
            replace(SPEC, target_value=None),
            q2(734),
            AS_OF,
            KpiStatus.NO_DATA,
            "no data: no final target",
            id="no-final-target",
        ),
        pytest.param(
            SPEC,
            [Observation(date(2023, 10, 1), date(2023, 12, 31), D(5))],
            date(2023, 12, 31),
            KpiStatus.NOT_STARTED,
            "not started: as-of date 2023-12-31 is before the baseline date 2024-01-01",
            id="not-started-even-with-data",
        ),
        pytest.param(
            UNEMPLOYMENT,
            q2(15),  # (15 − 20) / (10 − 20) = 50% ≥ 45%
            AS_OF,
            KpiStatus.ON_TRACK,
            "on track: progress 50% ≥ 0.9 × expected 50% = 45%",
            id="decrease-on-track",
        ),
        pytest.param(
            UNEMPLOYMENT,
            q2(19),  # (19 − 20) / (10 − 20) = 10% < 35%
            AS_OF,
            KpiStatus.OFF_TRACK,
            "off track: progress 10% < 0.7 × expected 50% = 35%",
            id="decrease-off-track",
        ),
        pytest.param(
            UNEMPLOYMENT,
            q2(9),
            AS_OF,
            KpiStatus.ACHIEVED,
            "achieved: progress 110% ≥ 100%",  # (9 − 20) / (10 − 20) = 1.1
            id="decrease-achieved",
        ),
        pytest.param(
            replace(SPEC, baseline_value=D(100), target_value=D(100)),
            q2(100),
            AS_OF,
            KpiStatus.ACHIEVED,
            "achieved: progress 100% ≥ 100%",
            id="final-equals-baseline-reached",
        ),
        pytest.param(
            replace(SPEC, baseline_value=D(100), target_value=D(100)),
            q2(90),  # progress 0, expected 1
            AS_OF,
            KpiStatus.OFF_TRACK,
            "off track: progress 0% < 0.7 × expected 100% = 70%",
            id="final-equals-baseline-missed",
        ),
    ],
)
def test_status(
    spec: KpiSpec,
    observations: Sequence[Observation],
    as_of: date,
    status: KpiStatus,
    status_trace: str,
) -> None:
    evaluation = evaluate(spec, observations, [], as_of)
    assert evaluation.status is status
    assert evaluation.status_trace == status_trace


# A revision from 300 to 600 for Q3 2024; on 2024-07-02 (in Q3) with an actual of 500:
# revised: expected (600 − 0) / 1,000 = 60%, green bar 0.9 × 60% = 54% > 50% ≥ amber
#   bar 0.7 × 60% = 42% -> at risk;
# original: expected 300 / 1,000 = 30%, green bar 0.9 × 30% = 27% ≤ 50% -> on track.
Q3_TARGETS = [
    TargetPoint(date(2024, 9, 30), D(300)),
    TargetPoint(date(2024, 9, 30), D(600), date(2024, 6, 15), "scale-up"),
]


@pytest.mark.parametrize(
    ("use_revisions", "target_value", "expected", "status"),
    [
        pytest.param(True, D(600), D("0.6"), KpiStatus.AT_RISK, id="against-revised-target"),
        pytest.param(False, D(300), D("0.3"), KpiStatus.ON_TRACK, id="against-original-target"),
    ],
)
def test_revised_target_changes_status(
    use_revisions: bool, target_value: Decimal, expected: Decimal, status: KpiStatus
) -> None:
    evaluation = evaluate(SPEC, q2(500), Q3_TARGETS, AS_OF, use_revisions=use_revisions)
    assert evaluation.target.value == target_value
    assert evaluation.expected.value == expected
    assert evaluation.progress.value == D("0.5")
    assert evaluation.status is status


def test_evaluation_carries_figures_flags_and_one_line_trace() -> None:
    evaluation = evaluate(replace(SPEC, data_source=""), q2(734), [], AS_OF)
    assert evaluation.as_of == AS_OF
    assert evaluation.actual == Figure(D(734), "sum of 1 period (2024-Q2): 734")
    assert evaluation.progress == Figure(D("0.734"), "(734 − 0) / (1,000 − 0) = 73.4%")
    assert evaluation.expected == Figure(D("0.5"), "(500 − 0) / (1,000 − 0) = 50%")
    assert evaluation.flags == frozenset({QualityFlag.NO_DATA_SOURCE})
    assert evaluation.trace == (
        "on track: progress 73.4% ≥ 0.9 × expected 50% = 45%. "
        "Actual: sum of 1 period (2024-Q2): 734. "
        "Target: interpolated between baseline 0 on 2024-01-01 and target 1,000 on "
        "2025-01-01: 500 on 2024-07-02."
    )


# "The exchange platform is online" (yes/no): no until 2025-06-30, yes from that day on.
# Its target steps rather than slopes, so expected is 0% before the date and 100% from it.
PLATFORM = KpiSpec(
    measure=Measure.YES_NO,
    direction=Direction.INCREASE,
    aggregation=Aggregation.LATEST,
    frequency=Frequency.ONE_OFF,
    baseline_value=D(0),
    baseline_date=date(2024, 6, 1),
    target_value=D(1),
    target_date=date(2025, 6, 30),
    definition="The exchange platform is open to members",
    data_source="MNC",
)


def online(day: date, value: int) -> list[Observation]:
    return [Observation(day, day, D(value))]


@pytest.mark.parametrize(
    ("spec", "observations", "as_of", "status", "status_trace"),
    [
        pytest.param(
            PLATFORM,
            online(date(2025, 3, 31), 0),  # not online yet, and not due: 0% ≥ 0.9 × 0%
            date(2025, 3, 31),
            KpiStatus.ON_TRACK,
            "on track: progress 0% ≥ 0.9 × expected 0% = 0%",
            id="not-online-before-the-date",
        ),
        pytest.param(
            PLATFORM,
            online(date(2025, 3, 31), 0),  # a line would expect 393 / 394 = 99.7% here
            date(2025, 6, 29),
            KpiStatus.ON_TRACK,
            "on track: progress 0% ≥ 0.9 × expected 0% = 0%",
            id="not-online-the-day-before",
        ),
        pytest.param(
            PLATFORM,
            online(date(2025, 3, 31), 0),
            date(2025, 6, 30),
            KpiStatus.OFF_TRACK,
            "off track: progress 0% < 0.7 × expected 100% = 70%",
            id="not-online-on-the-date",
        ),
        pytest.param(
            PLATFORM,
            online(date(2025, 7, 31), 0),
            date(2025, 9, 30),
            KpiStatus.OFF_TRACK,
            "off track: progress 0% < 0.7 × expected 100% = 70%",
            id="not-online-after-the-date",
        ),
        pytest.param(
            replace(PLATFORM, baseline_value=None),  # taken as 0: the same judgement
            online(date(2025, 3, 31), 0),
            date(2025, 3, 31),
            KpiStatus.ON_TRACK,
            "on track: progress 0% ≥ 0.9 × expected 0% = 0%",
            id="no-baseline-before-the-date",
        ),
        pytest.param(
            replace(PLATFORM, baseline_value=None),
            online(date(2025, 3, 31), 0),
            date(2025, 9, 30),
            KpiStatus.OFF_TRACK,
            "off track: progress 0% < 0.7 × expected 100% = 70%",
            id="no-baseline-after-the-date",
        ),
        pytest.param(
            PLATFORM,
            online(date(2025, 5, 20), 1),  # online early: (1 − 0) / (1 − 0) = 100%
            date(2025, 5, 31),
            KpiStatus.ACHIEVED,
            "achieved: progress 100% ≥ 100%",
            id="online-early",
        ),
    ],
)
def test_yes_no_status(
    spec: KpiSpec,
    observations: Sequence[Observation],
    as_of: date,
    status: KpiStatus,
    status_trace: str,
) -> None:
    evaluation = evaluate(spec, observations, [], as_of)
    assert evaluation.status is status
    assert evaluation.status_trace == status_trace
