"""English display of numbers, percentages and KPI values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pilotage.domain.enums import Measure
from pilotage.domain.formatting import (
    NO_VALUE,
    format_number,
    format_percent,
    format_points,
    format_value,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(D(1000), "1,000", id="thousands"),
        pytest.param(D("73.4"), "73.4", id="one-decimal"),
        pytest.param(D("73.40"), "73.4", id="trailing-zero-dropped"),
        pytest.param(D("1E+3"), "1,000", id="exponent-form"),
        pytest.param(D("1234567.891"), "1,234,567.89", id="millions-two-decimals"),
        pytest.param(D("244.666666"), "244.67", id="rounded-up"),
        pytest.param(D("0.125"), "0.12", id="half-even-down"),  # 2 is even: stays
        pytest.param(D("0.135"), "0.14", id="half-even-up"),  # 3 is odd: goes to 4
        pytest.param(D("-1234.5"), "-1,234.5", id="negative"),
        pytest.param(D("-0.001"), "0", id="no-negative-zero"),
        pytest.param(D("0.00"), "0", id="zero"),
        pytest.param(D("999.999"), "1,000", id="rounds-into-thousands"),
    ],
)
def test_format_number(value: Decimal, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        pytest.param(D(5), 2, "5.00", id="pads-zeros"),
        pytest.param(D("1234.5"), 0, "1,234", id="half-even-to-even"),
        pytest.param(D("1235.5"), 0, "1,236", id="half-even-odd-up"),
        pytest.param(D("73.4"), 3, "73.400", id="three-places"),
    ],
)
def test_format_number_with_places(value: Decimal, places: int, expected: str) -> None:
    assert format_number(value, places) == expected


def test_format_number_refuses_negative_places() -> None:
    with pytest.raises(ValueError, match="places"):
        format_number(D(1), -1)


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [
        pytest.param(D("0.734"), "73.4%", id="jobintech-graduation"),
        pytest.param(D("0.5"), "50%", id="half"),
        pytest.param(D("1.25"), "125%", id="over-100"),
        pytest.param(D(0), "0%", id="zero"),
        pytest.param(D(1), "100%", id="one"),
        pytest.param(D(2) / 3, "66.7%", id="two-thirds"),  # 66.666… -> 66.7
        pytest.param(D(1) / 3, "33.3%", id="one-third"),
        pytest.param(D("0.6125"), "61.2%", id="half-even-down"),  # 61.25: 2 is even
        pytest.param(D("0.6135"), "61.4%", id="half-even-up"),  # 61.35: 3 is odd
        pytest.param(D("-0.25"), "-25%", id="negative"),
        pytest.param(D("12.345"), "1,234.5%", id="thousands"),
        pytest.param(D("0.00004"), "0%", id="tiny"),
    ],
)
def test_format_percent(fraction: Decimal, expected: str) -> None:
    assert format_percent(fraction) == expected


def test_format_points_is_already_in_percent() -> None:
    assert format_points(D("72")) == "72%"


@pytest.mark.parametrize(
    ("value", "measure", "unit", "expected"),
    [
        pytest.param(D(1000), Measure.COUNT, "", "1,000", id="count"),
        pytest.param(D(1000), Measure.COUNT, "learners", "1,000 learners", id="count-unit"),
        pytest.param(D(734), Measure.COUNT, "%", "734", id="count-percent-unit-ignored"),
        pytest.param(D("2500000.5"), Measure.AMOUNT, "MAD", "2,500,000.5 MAD", id="amount"),
        pytest.param(D(72), Measure.PERCENTAGE, "", "72%", id="percentage-points"),
        pytest.param(D(72), Measure.PERCENTAGE, "%", "72%", id="percentage-unit"),
        pytest.param(D("72.25"), Measure.PERCENTAGE, "%", "72.2%", id="percentage-one-decimal"),
        pytest.param(D("0.734"), Measure.RATIO, "", "73.4%", id="ratio-no-unit"),
        pytest.param(D("0.734"), Measure.RATIO, "%", "73.4%", id="ratio-percent"),
        pytest.param(
            D("12.34567"),
            Measure.RATIO,
            "learners per trainer",
            "12.346 learners per trainer",
            id="ratio-own-unit-3-decimals",
        ),
        pytest.param(
            D("12.5"),
            Measure.RATIO,
            "learners per trainer",
            "12.5 learners per trainer",
            id="ratio-own-unit",
        ),
        pytest.param(D(1), Measure.YES_NO, "", "yes", id="yes"),
        pytest.param(D(0), Measure.YES_NO, "", "no", id="no"),
        pytest.param(D("1.0"), Measure.YES_NO, "", "yes", id="yes-decimal"),
        pytest.param(D("0.5"), Measure.YES_NO, "", "0.5", id="yes-no-average"),
        pytest.param(None, Measure.COUNT, "", NO_VALUE, id="none"),
    ],
)
def test_format_value(value: Decimal | None, measure: Measure, unit: str, expected: str) -> None:
    assert format_value(value, measure, unit) == expected


@pytest.mark.parametrize(
    ("value", "measure", "unit", "expected"),
    [
        pytest.param(D(1000), Measure.COUNT, "learners", "1,000", id="count"),
        pytest.param(D("12.5"), Measure.RATIO, "learners per trainer", "12.5", id="ratio-own"),
        pytest.param(D("0.5"), Measure.RATIO, "", "50%", id="ratio-percent-kept"),
        pytest.param(D(72), Measure.PERCENTAGE, "%", "72%", id="percent-sign-kept"),
    ],
)
def test_format_value_without_unit(
    value: Decimal, measure: Measure, unit: str, expected: str
) -> None:
    assert format_value(value, measure, unit, show_unit=False) == expected
