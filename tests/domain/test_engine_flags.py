"""The KPI engine's quality flags and roll-ups.

Every expected value below is worked out by hand; the arithmetic is in a
comment wherever it is not obvious.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from pilotage.domain.engine import REPORTING_GRACE_DAYS, evaluate, quality_flags, roll_up
from pilotage.domain.enums import Aggregation, Direction, Frequency, KpiStatus, Measure, QualityFlag
from pilotage.domain.kpi_types import Evaluation, Figure, KpiSpec, Observation

D = Decimal

# Quarterly from 2024-01-01 to 2026-12-31, every definition field filled in.
FLAGGED = KpiSpec(
    measure=Measure.COUNT,
    direction=Direction.INCREASE,
    aggregation=Aggregation.SUM,
    frequency=Frequency.QUARTERLY,
    baseline_value=D(0),
    baseline_date=date(2024, 1, 1),
    target_value=D(1000),
    target_date=date(2026, 12, 31),
    definition="Learners who completed the course",
    data_source="MNC quarterly report",
)
AS_OF = date(2024, 7, 2)  # any date: roll-ups only read statuses and progress

# --- quality flags ------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        pytest.param(FLAGGED, frozenset(), id="complete"),
        pytest.param(
            replace(FLAGGED, baseline_value=None), {QualityFlag.NO_BASELINE}, id="no-baseline"
        ),
        pytest.param(replace(FLAGGED, target_value=None), {QualityFlag.NO_TARGET}, id="no-target"),
        pytest.param(
            replace(FLAGGED, definition=""), {QualityFlag.NO_DEFINITION}, id="no-definition"
        ),
        pytest.param(
            replace(FLAGGED, definition="  \n"), {QualityFlag.NO_DEFINITION}, id="blank-definition"
        ),
        pytest.param(
            replace(FLAGGED, data_source=""), {QualityFlag.NO_DATA_SOURCE}, id="no-data-source"
        ),
        pytest.param(
            replace(FLAGGED, baseline_value=None, target_value=None, definition="", data_source=""),
            {
                QualityFlag.NO_BASELINE,
                QualityFlag.NO_TARGET,
                QualityFlag.NO_DEFINITION,
                QualityFlag.NO_DATA_SOURCE,
            },
            id="all-definition-flags",
        ),
    ],
)
def test_definition_flags(spec: KpiSpec, expected: set[QualityFlag]) -> None:
    # Q3 2024 reported and due by 2024-12-31, so never overdue here.
    reported = [Observation(date(2024, 7, 1), date(2024, 9, 30), D(1))]
    assert quality_flags(spec, reported, date(2024, 12, 31)) == frozenset(expected)


def obs(start: date, end: date, value: int | None = 1) -> Observation:
    return Observation(start, end, None if value is None else D(value))


Q2_2024 = obs(date(2024, 4, 1), date(2024, 6, 30))
Q3_2024 = obs(date(2024, 7, 1), date(2024, 9, 30))
ONE_OFF = replace(FLAGGED, frequency=Frequency.ONE_OFF, target_date=date(2024, 6, 30))


@pytest.mark.parametrize(
    ("spec", "observations", "as_of", "overdue"),
    [
        # Quarterly, as of 2024-12-31: 30 days back is 2024-12-01 (Q4), so Q3 (ending
        # 09-30) is the last period due.
        pytest.param(FLAGGED, [Q3_2024], date(2024, 12, 31), False, id="last-due-reported"),
        pytest.param(FLAGGED, [Q2_2024], date(2024, 12, 31), True, id="last-due-missing"),
        pytest.param(FLAGGED, [], date(2024, 12, 31), True, id="nothing-reported"),
        pytest.param(
            FLAGGED,
            [obs(date(2024, 10, 1), date(2024, 12, 31))],
            date(2024, 12, 31),
            False,
            id="newer-period-covers",
        ),
        # 2024-10-30 − 30 days = 2024-09-30 (Q3): only Q2 is due yet.
        pytest.param(FLAGGED, [Q2_2024], date(2024, 10, 30), False, id="within-grace"),
        # 2024-10-31 − 30 days = 2024-10-01 (Q4): Q3 is now due.
        pytest.param(FLAGGED, [Q2_2024], date(2024, 10, 31), True, id="grace-ran-out"),
        pytest.param(
            FLAGGED,
            [obs(date(2024, 7, 1), date(2024, 9, 30), None)],
            date(2024, 12, 31),
            True,
            id="empty-value-does-not-count",
        ),
        pytest.param(
            FLAGGED,
            [obs(date(2025, 1, 1), date(2025, 3, 31))],
            date(2024, 12, 31),
            True,
            id="period-after-as-of-does-not-count",
        ),
        pytest.param(
            replace(FLAGGED, baseline_date=date(2024, 10, 1)),
            [],
            date(2024, 12, 31),
            False,  # due end 2024-09-30 is before the baseline date: nothing due yet
            id="not-started-not-overdue",
        ),
        pytest.param(
            replace(FLAGGED, baseline_date=None), [], date(2024, 12, 31), True, id="no-start-date"
        ),
        pytest.param(
            replace(FLAGGED, target_date=date(2024, 6, 30)),
            [Q2_2024],
            date(2025, 12, 31),
            False,  # the last period due is that of the final target, Q2 2024: reported
            id="closed-kpi-not-overdue",
        ),
        # Monthly, as of 2024-03-15: 30 days back is 2024-02-14, so January is due.
        pytest.param(
            replace(FLAGGED, frequency=Frequency.MONTHLY),
            [obs(date(2024, 1, 1), date(2024, 1, 31))],
            date(2024, 3, 15),
            False,
            id="monthly-reported",
        ),
        pytest.param(
            replace(FLAGGED, frequency=Frequency.MONTHLY, baseline_date=date(2023, 1, 1)),
            [obs(date(2023, 12, 1), date(2023, 12, 31))],
            date(2024, 3, 15),
            True,
            id="monthly-missing",
        ),
        # One-off due 2024-06-30: overdue once the as-of date passes 2024-07-30.
        pytest.param(ONE_OFF, [], date(2024, 7, 30), False, id="one-off-within-grace"),
        pytest.param(ONE_OFF, [], date(2024, 7, 31), True, id="one-off-overdue"),
        pytest.param(
            ONE_OFF,
            [obs(date(2024, 1, 1), date(2024, 6, 30))],
            date(2024, 7, 31),
            False,
            id="one-off-reported",
        ),
        pytest.param(
            replace(ONE_OFF, target_date=None), [], date(2030, 1, 1), False, id="one-off-undated"
        ),
    ],
)
def test_overdue_measurement_flag(
    spec: KpiSpec, observations: Sequence[Observation], as_of: date, overdue: bool
) -> None:
    flags = quality_flags(spec, observations, as_of)
    assert (QualityFlag.OVERDUE_MEASUREMENT in flags) is overdue
    assert evaluate(spec, observations, [], as_of).flags == flags


def test_reporting_grace_is_thirty_days() -> None:
    assert REPORTING_GRACE_DAYS == 30


# --- roll-ups -------------------------------------------------------------------


def ev(status: KpiStatus, progress: str | None) -> Evaluation:
    none = Figure(None, "")
    value = None if progress is None else D(progress)
    return Evaluation(AS_OF, none, none, Figure(value, ""), none, status, "")


@pytest.mark.parametrize(
    ("evaluations", "counts", "mean", "trace"),
    [
        pytest.param(
            [
                ev(KpiStatus.ON_TRACK, "0.734"),
                ev(KpiStatus.AT_RISK, "0.4"),
                ev(KpiStatus.OFF_TRACK, "0.1"),
                ev(KpiStatus.NO_DATA, None),
            ],
            {
                KpiStatus.ON_TRACK: 1,
                KpiStatus.AT_RISK: 1,
                KpiStatus.OFF_TRACK: 1,
                KpiStatus.NO_DATA: 1,
            },
            D("1.234") / 3,  # (0.734 + 0.4 + 0.1) / 3 = 0.41133…
            "mean of 3 progress values (each capped at 0–100%): 41.1%",
            id="counts-and-mean-of-existing-progress",
        ),
        pytest.param(
            [ev(KpiStatus.ACHIEVED, "2.5"), ev(KpiStatus.OFF_TRACK, "0.1")],
            {KpiStatus.ACHIEVED: 1, KpiStatus.OFF_TRACK: 1},
            D("0.55"),  # (1 + 0.1) / 2, not the raw (2.5 + 0.1) / 2 = 1.3
            "mean of 2 progress values (each capped at 0–100%): 55%",
            id="over-achiever-capped",
        ),
        pytest.param(
            [ev(KpiStatus.OFF_TRACK, "-0.5"), ev(KpiStatus.ON_TRACK, "0.8")],
            {KpiStatus.OFF_TRACK: 1, KpiStatus.ON_TRACK: 1},
            D("0.4"),  # (0 + 0.8) / 2
            "mean of 2 progress values (each capped at 0–100%): 40%",
            id="negative-capped-at-zero",
        ),
        pytest.param(
            [
                ev(KpiStatus.ACHIEVED, "1.2"),
                ev(KpiStatus.ON_TRACK, "0.5"),
                ev(KpiStatus.OFF_TRACK, "0.349"),
                ev(KpiStatus.OFF_TRACK, "-0.1"),
            ],
            {KpiStatus.ACHIEVED: 1, KpiStatus.ON_TRACK: 1, KpiStatus.OFF_TRACK: 2},
            D("0.46225"),  # (1 + 0.5 + 0.349 + 0) / 4 = 1.849 / 4
            "mean of 4 progress values (each capped at 0–100%): 46.2%",
            id="four-kpis",
        ),
        pytest.param(
            [ev(KpiStatus.ON_TRACK, "0.734")],
            {KpiStatus.ON_TRACK: 1},
            D("0.734"),
            "mean of 1 progress value (each capped at 0–100%): 73.4%",
            id="one-kpi",
        ),
        pytest.param(
            [ev(KpiStatus.NO_DATA, None), ev(KpiStatus.NOT_STARTED, None)],
            {KpiStatus.NO_DATA: 1, KpiStatus.NOT_STARTED: 1},
            None,
            "no KPI has a progress value",
            id="no-progress-at-all",
        ),
        pytest.param([], {}, None, "no KPI has a progress value", id="empty"),
    ],
)
def test_roll_up(
    evaluations: list[Evaluation],
    counts: dict[KpiStatus, int],
    mean: Decimal | None,
    trace: str,
) -> None:
    result = roll_up(iter(evaluations))  # any iterable, read once
    # Every status is a key, those absent from `counts` with 0.
    assert result.counts == {status: counts.get(status, 0) for status in KpiStatus}
    assert result.kpi_count == len(evaluations)
    assert result.mean_progress == mean
    assert result.trace == trace
