"""The engine on aggregated figures must judge a KPI exactly as the engine on observations.

The rules are written once (`engine_rules`), but they are reached from two
input shapes: the observations themselves (`evaluate`), or a summary of them
as the database aggregates it (`evaluate_summary`, and `judge_summary`
without traces). Every case feeds both shapes the same data and compares the
results. The expected traces of the short forms are written out by hand.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilotage.domain.engine import evaluate, roll_up, roll_up_judged, target
from pilotage.domain.engine_rules import Judgement, judge_summary
from pilotage.domain.engine_summary import (
    EMPTY_SUMMARY,
    actual_from_summary,
    evaluate_summary,
    headline_status,
    running_summaries,
    summarize,
    target_window,
)
from pilotage.domain.enums import Aggregation, Direction, Frequency, KpiStatus, Measure
from pilotage.domain.kpi_types import (
    Evaluation,
    Figure,
    KpiSpec,
    MeasuredSummary,
    Observation,
    TargetPoint,
)

D = Decimal
END_2024 = date(2024, 12, 31)
_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


def quarter(
    year: int,
    number: int,
    value: int | str | None = None,
    num: int | None = None,
    den: int | None = None,
) -> Observation:
    first, last = _QUARTERS[number]
    return Observation(
        date(year, first, 1),
        date(year, last, calendar.monthrange(year, last)[1]),
        value=None if value is None else D(value),
        numerator=None if num is None else D(num),
        denominator=None if den is None else D(den),
    )


def spec(
    measure: Measure = Measure.COUNT,
    aggregation: Aggregation = Aggregation.SUM,
    *,
    target_value: str = "800",
    unit: str = "",
) -> KpiSpec:
    return KpiSpec(
        measure=measure,
        direction=Direction.INCREASE,
        aggregation=aggregation,
        frequency=Frequency.QUARTERLY,
        baseline_value=D(0),
        baseline_date=date(2024, 1, 1),
        target_value=D(target_value),
        target_date=END_2024,
        unit=unit,
        definition="defined",
        data_source="registry",
    )


def both(
    kpi: KpiSpec,
    observations: list[Observation],
    targets: list[TargetPoint],
    as_of: date,
    *,
    use_revisions: bool = True,
) -> tuple[Evaluation, Evaluation]:
    """The engine on the observations, and on their summary (with and without traces);
    the trace-free numbers must be those of the traced evaluation."""
    full = evaluate(kpi, observations, targets, as_of, use_revisions=use_revisions)
    summary = summarize(kpi, observations, as_of)
    short = evaluate_summary(kpi, summary, targets, as_of, use_revisions=use_revisions)
    judged = judge_summary(kpi, summary, targets, as_of, use_revisions=use_revisions)
    assert judged == Judgement(
        actual=full.actual.value,
        target=full.target.value,
        progress=full.progress.value,
        expected=full.expected.value,
        status=full.status,
        flags=full.flags,
    )
    return full, short


def assert_same_numbers(full: Evaluation, short: Evaluation) -> None:
    assert short.actual.value == full.actual.value
    assert short.status == full.status


def assert_same_judgement(full: Evaluation, short: Evaluation) -> None:
    """Everything but the actual's trace is identical, trace text included."""
    assert_same_numbers(full, short)
    assert short.actual.value == full.actual.value
    assert short.target == full.target
    assert short.progress == full.progress
    assert short.expected == full.expected
    assert short.status == full.status
    assert short.status_trace == full.status_trace
    assert short.flags == full.flags
    assert short.as_of == full.as_of


GRADUATES = [quarter(2024, 2, 240), quarter(2024, 3, 260), quarter(2024, 4, 234)]
# Quarters listed out of time order: the engine sorts them, so must the summary.
RATIO_COHORTS = [
    quarter(2024, 4, num=234, den=320),
    quarter(2024, 2, num=240, den=330),
    quarter(2024, 3, num=260, den=350),
]


@pytest.mark.parametrize(
    ("kpi", "observations", "as_of", "value", "trace"),
    [
        pytest.param(
            spec(), GRADUATES, END_2024, D(734), "sum of 3 periods = 734", id="sum-short-trace"
        ),
        pytest.param(
            spec(),
            GRADUATES[:1],
            END_2024,
            D(240),
            "sum of 1 period (2024-Q2): 240",
            id="sum-one-period-full-trace",
        ),
        pytest.param(
            spec(Measure.RATIO, unit="%", target_value="0.8"),
            RATIO_COHORTS,
            END_2024,
            D(734) / D(1000),  # 734 / 1,000: the ratio of sums, not a mean of three ratios
            "ratio of sums over 3 periods: 734 / 1,000 = 73.4%",
            id="ratio-of-sums",
        ),
        pytest.param(
            spec(Measure.RATIO, unit="%", target_value="0.8"),
            RATIO_COHORTS,
            date(2024, 9, 30),
            D(500) / D(680),  # (240 + 260) / (330 + 350), Q4 not yet ended
            "ratio of sums over 2 periods: 500 / 680 = 73.5%",
            id="ratio-as-of-q3",
        ),
        pytest.param(
            spec(Measure.RATIO, Aggregation.LATEST, unit="%", target_value="0.8"),
            RATIO_COHORTS,
            END_2024,
            D(234) / D(320),
            "latest ratio, period 2024-Q4: 234 / 320 = 73.1%",
            id="ratio-latest",
        ),
        pytest.param(
            spec(aggregation=Aggregation.LATEST),
            GRADUATES,
            date(2024, 10, 15),
            D(260),
            "latest value, period 2024-Q3: 260",
            id="latest-before-q4-ends",
        ),
        pytest.param(
            spec(aggregation=Aggregation.MAXIMUM),
            [quarter(2024, 1, 5), quarter(2024, 2, 9), quarter(2024, 3, 9), quarter(2024, 4, 2)],
            END_2024,
            D(9),
            "maximum of 4 periods: 9 (period 2024-Q2)",
            id="maximum-earliest-of-equal",
        ),
        pytest.param(
            spec(aggregation=Aggregation.AVERAGE),
            GRADUATES,
            END_2024,
            D(734) / 3,
            "average of 3 periods: 734 / 3 = 244.67",
            id="average-short-trace",
        ),
        pytest.param(spec(), [], END_2024, None, "no measurement up to 2024-12-31", id="no-data"),
        pytest.param(
            spec(),
            GRADUATES,
            date(2024, 6, 29),
            None,
            "no measurement up to 2024-06-29",
            id="nothing-ended-yet",
        ),
        pytest.param(
            spec(Measure.RATIO, unit="%", target_value="0.8"),
            [quarter(2024, 2, value=70), quarter(2024, 3, num=260, den=350)],
            END_2024,
            D(260) / D(350),
            "ratio of sums over 1 period (2024-Q3): 260 / 350 = 74.3%",
            id="ratio-ignores-value-only-period",
        ),
    ],
)
def test_summary_gives_the_same_actual(
    kpi: KpiSpec,
    observations: list[Observation],
    as_of: date,
    value: Decimal | None,
    trace: str,
) -> None:
    full, short = both(kpi, observations, [], as_of)
    assert_same_judgement(full, short)
    assert short.actual == Figure(value, trace)


def test_jobintech_graduation_rate_is_judged_alike() -> None:
    # 0.734 / 0.8 = 91.75% ≥ 0.9 × 100% expected at the final target date: on track.
    kpi = spec(Measure.RATIO, unit="%", target_value="0.8")
    full, short = both(kpi, RATIO_COHORTS, [], END_2024)
    assert_same_judgement(full, short)
    assert short.progress.value == D("0.9175")
    assert short.status is KpiStatus.ON_TRACK


@pytest.mark.parametrize(
    ("total", "status"),
    [
        # Target 1,000 due 2024-12-31, so as of that day 100% is expected.
        (1000, KpiStatus.ACHIEVED),  # progress 100%
        (900, KpiStatus.ON_TRACK),  # exactly 0.9 × 100%: the green bar is inclusive
        (899, KpiStatus.AT_RISK),
        (700, KpiStatus.AT_RISK),  # exactly 0.7 × 100%: the amber bar is inclusive
        (699, KpiStatus.OFF_TRACK),
    ],
)
def test_status_thresholds_alike(total: int, status: KpiStatus) -> None:
    observations = [quarter(2024, 1, total - 100), quarter(2024, 2, 100)]
    full, short = both(spec(target_value="1000"), observations, [], END_2024)
    assert_same_judgement(full, short)
    assert short.status is status


def test_single_term_traces_are_the_engines_own() -> None:
    """Latest, maximum and one-period actuals lose nothing: the whole trace is identical."""
    for kpi, observations in [
        (spec(aggregation=Aggregation.LATEST), GRADUATES),
        (spec(aggregation=Aggregation.MAXIMUM), GRADUATES),
        (spec(aggregation=Aggregation.AVERAGE), GRADUATES[:1]),
        (spec(Measure.RATIO, unit="%", target_value="0.8"), RATIO_COHORTS[:1]),
    ]:
        full, short = both(kpi, observations, [], END_2024)
        assert short == full


def test_revised_and_original_targets_are_read_alike() -> None:
    revised = [
        TargetPoint(END_2024, D(800)),
        TargetPoint(END_2024, D(700), revised_on=date(2024, 9, 1), reason="later start"),
    ]
    for use_revisions, expected_target in [(True, D(700)), (False, D(800))]:
        full, short = both(spec(), GRADUATES, revised, END_2024, use_revisions=use_revisions)
        assert_same_judgement(full, short)
        assert short.target.value == expected_target


def test_summary_after_the_as_of_date_is_refused() -> None:
    summary = summarize(spec(), GRADUATES, END_2024)
    with pytest.raises(ValueError, match="after the as-of date"):
        actual_from_summary(spec(), summary, date(2024, 11, 30))


def test_summarize_fields() -> None:
    summary = summarize(spec(aggregation=Aggregation.MAXIMUM), GRADUATES, END_2024)
    assert summary == MeasuredSummary(
        count=3,
        value_sum=D(734),
        max_value=D(260),
        max_start=date(2024, 7, 1),
        max_end=date(2024, 9, 30),
        latest_start=date(2024, 10, 1),
        latest_end=END_2024,
        latest_value=D(234),
    )
    assert summary.last_period_end == END_2024
    assert summarize(spec(), GRADUATES, date(2024, 1, 31)) is EMPTY_SUMMARY


def test_running_summaries_match_summaries_as_of_each_end() -> None:
    # Two periods end on 2024-06-30 (a quarter and a half-year): one point for that day.
    observations = [
        *GRADUATES,
        Observation(date(2024, 1, 1), date(2024, 6, 30), value=D(11)),
        quarter(2024, 1, None),  # no value: no point
    ]
    kpi = spec()
    points = running_summaries(kpi, observations)
    assert [end for end, _ in points] == [date(2024, 6, 30), date(2024, 9, 30), END_2024]
    for end, summary in points:
        assert summary == summarize(kpi, observations, end)
    assert points[0][1].count == 2
    assert points[0][1].latest_start == date(2024, 4, 1)  # the later start among equal ends


# --- property-style: any data, both input shapes ---------------------------------------

_DAY0 = date(2023, 1, 1)
_days = st.integers(min_value=0, max_value=4 * 366).map(lambda n: _DAY0 + timedelta(days=n))
_amounts = st.decimals(
    min_value=-1000, max_value=100_000, places=6, allow_nan=False, allow_infinity=False
)
_small = st.integers(min_value=-50, max_value=2000).map(D) | _amounts
_counts = st.integers(min_value=0, max_value=500).map(D)
# Half the time the as-of date comes after every period, so that most data is counted.
_as_of = st.just(date(2026, 12, 31)) | _days


@st.composite
def _periods(draw: st.DrawFn) -> tuple[date, date]:
    frequency = draw(st.sampled_from([Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY]))
    day = draw(_days)
    if frequency is Frequency.MONTHLY:
        return date(day.year, day.month, 1), date(
            day.year, day.month, calendar.monthrange(day.year, day.month)[1]
        )
    if frequency is Frequency.QUARTERLY:
        first, last = _QUARTERS[(day.month - 1) // 3 + 1]
        return date(day.year, first, 1), date(
            day.year, last, calendar.monthrange(day.year, last)[1]
        )
    return date(day.year, 1, 1), date(day.year, 12, 31)


@st.composite
def _observation(draw: st.DrawFn) -> Observation:
    start, end = draw(_periods())
    return Observation(
        start,
        end,
        # Mostly usable figures, some gaps: a period without its value must be skipped.
        value=draw(_small | _small | st.none()),
        numerator=draw(_counts | _counts | st.none()),
        denominator=draw(st.integers(1, 600).map(D) | st.integers(1, 600).map(D) | st.none()),
    )


@st.composite
def _spec(draw: st.DrawFn) -> KpiSpec:
    baseline_date = draw(st.none() | _days)
    target_date = draw(st.none() | _days)
    if baseline_date and target_date and target_date < baseline_date:
        baseline_date, target_date = target_date, baseline_date
    green = draw(st.none() | st.sampled_from([D("0.9"), D("0.8"), D(1)]))
    return KpiSpec(
        measure=draw(st.sampled_from(Measure)),
        direction=draw(st.sampled_from(Direction)),
        aggregation=draw(st.sampled_from(Aggregation)),
        frequency=draw(st.sampled_from(Frequency)),
        baseline_value=draw(st.none() | _small),
        baseline_date=baseline_date,
        target_value=draw(st.none() | _small),
        target_date=target_date,
        green=green,
        amber=None if green is None else green * D("0.7"),
        definition=draw(st.sampled_from(["", "defined"])),
        data_source=draw(st.sampled_from(["", "registry"])),
    )


_targets = st.lists(
    st.builds(
        TargetPoint,
        period_end=_days,
        value=_small,
        revised_on=st.none() | _days,
        reason=st.sampled_from(["", "revised"]),
    ),
    max_size=4,
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kpi=_spec(),
    observations=st.lists(
        _observation(), min_size=1, max_size=12, unique_by=lambda o: (o.period_start, o.period_end)
    ),
    targets=_targets,
    as_of=_as_of,
    use_revisions=st.booleans(),
)
def test_any_data_is_judged_alike(
    kpi: KpiSpec,
    observations: list[Observation],
    targets: list[TargetPoint],
    as_of: date,
    use_revisions: bool,
) -> None:
    full, short = both(kpi, observations, targets, as_of, use_revisions=use_revisions)
    assert_same_judgement(full, short)
    if kpi.measure is Measure.RATIO:
        summed = kpi.aggregation is not Aggregation.LATEST
    else:
        summed = kpi.aggregation in (Aggregation.SUM, Aggregation.AVERAGE)
    if not summed or summarize(kpi, observations, as_of).count <= 1:
        # Only sums and averages of several periods shorten the actual's trace.
        assert short.actual.trace == full.actual.trace
    # Loading only the targets of the as-of date's calendar year changes nothing.
    first, last = target_window(as_of)
    near = [t for t in targets if first <= t.period_end <= last]
    assert target(kpi, near, as_of, use_revisions=use_revisions) == short.target


@settings(max_examples=100, deadline=None)
@given(
    kpi=_spec(),
    observations=st.lists(
        _observation(), min_size=1, max_size=12, unique_by=lambda o: (o.period_start, o.period_end)
    ),
)
def test_running_summaries_are_the_summaries_of_each_day(
    kpi: KpiSpec, observations: list[Observation]
) -> None:
    points = running_summaries(kpi, observations)
    assert [end for end, _ in points] == sorted({end for end, _ in points})
    for end, summary in points:
        assert summary == summarize(kpi, observations, end)


# --- headline status -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "headline"),
    [
        ([KpiStatus.ACHIEVED, KpiStatus.ON_TRACK, KpiStatus.OFF_TRACK], KpiStatus.OFF_TRACK),
        ([KpiStatus.ACHIEVED, KpiStatus.AT_RISK, KpiStatus.NO_DATA], KpiStatus.AT_RISK),
        ([KpiStatus.ACHIEVED, KpiStatus.ON_TRACK], KpiStatus.ON_TRACK),
        ([KpiStatus.ACHIEVED, KpiStatus.NOT_STARTED, KpiStatus.NO_DATA], KpiStatus.ACHIEVED),
        ([KpiStatus.NOT_STARTED, KpiStatus.NO_DATA], KpiStatus.NO_DATA),
        ([KpiStatus.NOT_STARTED, KpiStatus.NOT_STARTED], KpiStatus.NOT_STARTED),
        ([], KpiStatus.NO_DATA),  # a node without KPIs has nothing to be judged by
    ],
)
def test_headline_status(statuses: list[KpiStatus], headline: KpiStatus) -> None:
    assert headline_status(statuses) is headline
    assert headline_status(iter(statuses)) is headline


def test_headline_status_of_a_roll_up() -> None:
    kpi = spec()
    evaluations = [
        evaluate(kpi, GRADUATES, [], END_2024),  # 734 / 800 = 91.75% ≥ 90%: on track
        evaluate(replace(kpi, target_value=D(700)), GRADUATES, [], END_2024),  # achieved
        evaluate(kpi, [], [], END_2024),  # no data
    ]
    rollup = roll_up(evaluations)
    assert roll_up_judged((e.status, e.progress.value) for e in evaluations) == rollup
    assert rollup.counts[KpiStatus.ON_TRACK] == rollup.counts[KpiStatus.ACHIEVED] == 1
    assert headline_status(rollup) is KpiStatus.ON_TRACK
    assert headline_status(roll_up([])) is KpiStatus.NO_DATA
