"""Measurement validation: every rule on its own field, edge values, evidence links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import LEARNERS, PLACEMENT, Q1, Tree, by_sex, make_kpi
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.domain.enums import Aggregation, Frequency, Measure, MeasurementStatus
from pilotage.domain.errors import NotFoundError, Problem, ValidationError
from pilotage.services.identity import set_user_name
from pilotage.services.kpis import KpiRow
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    MeasurementRecordedError,
    get_measurement,
    list_measurements,
    record_measurement,
    update_measurement,
)

D = Decimal


# --- validation, one problem at a time ----------------------------------------

COUNT_Q1 = MeasurementInput(*Q1, value=D(240))
RATIO_Q1 = MeasurementInput(*Q1, numerator=D(734), denominator=D(1000))

REFUSED: list[Any] = [
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, period_end=date(2023, 12, 31)),
        "period_end",
        "must not be before the start",
        id="end-before-start",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, period_start=date(2024, 1, 2)),
        "period_start",
        "must be the first day of a quarter",
        id="start-inside-a-quarter",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, period_end=date(2024, 1, 31)),
        "period_end",
        "must be 2024-03-31, the last day of the quarter",
        id="a-month-for-a-quarterly-kpi",
    ),
    pytest.param(
        replace(LEARNERS, frequency=Frequency.MONTHLY),
        replace(COUNT_Q1, period_end=date(2024, 1, 30)),
        "period_end",
        "must be 2024-01-31, the last day of the month",
        id="monthly-not-a-whole-month",
    ),
    pytest.param(
        replace(LEARNERS, frequency=Frequency.YEARLY),
        COUNT_Q1,
        "period_end",
        "the last day of the year",
        id="a-quarter-for-a-yearly-kpi",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, numerator=None),
        "numerator",
        "is required",
        id="ratio-without-numerator",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, denominator=None),
        "denominator",
        "is required",
        id="ratio-without-denominator",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, numerator=D(0), denominator=D(0)),
        "denominator",
        "must be more than 0",
        id="ratio-denominator-zero",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, numerator=D(-1)),
        "numerator",
        "must not be negative",
        id="ratio-numerator-negative",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, numerator=D(1001)),
        "numerator",
        "a share cannot pass 100%",
        id="share-over-100-percent",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, value=D("0.734")),
        "value",
        "must be empty for a ratio KPI",
        id="ratio-with-a-value",
    ),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, denominator=D("1000.0000001")),
        "denominator",
        "more than 6 decimal places",
        id="ratio-seven-places",
    ),
    pytest.param(LEARNERS, replace(COUNT_Q1, value=None), "value", "is required", id="no-value"),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, numerator=D(3)),
        "numerator",
        "only a ratio KPI has",
        id="count-with-numerator",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, denominator=D(3)),
        "denominator",
        "only a ratio KPI has",
        id="count-with-denominator",
    ),
    pytest.param(
        LEARNERS, replace(COUNT_Q1, value=D(-1)), "value", "not be negative", id="count-negative"
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, value=D("240.5")),
        "value",
        "must be a whole number",
        id="count-fractional",
    ),
    pytest.param(
        replace(LEARNERS, measure=Measure.PERCENTAGE, target_value=D(72)),
        replace(COUNT_Q1, value=D("100.01")),
        "value",
        "between 0 and 100",
        id="percentage-over-100",
    ),
    pytest.param(
        replace(LEARNERS, measure=Measure.YES_NO, target_value=D(1)),
        replace(COUNT_Q1, value=D(2)),
        "value",
        "0 (no) or 1 (yes)",
        id="yes-no-2",
    ),
    pytest.param(
        replace(LEARNERS, measure=Measure.AMOUNT),
        replace(COUNT_Q1, value=D("1.1234567")),
        "value",
        "more than 6 decimal places",
        id="amount-seven-places",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, status="approved"),  # type: ignore[arg-type]
        "status",
        "not a measurement status",
        id="unknown-status",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, evidence_link="javascript:alert(1)"),
        "evidence_link",
        "javascript: links are not accepted",
        id="link-javascript",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, evidence_link="see the e-mail of March"),
        "evidence_link",
        "a web address",
        id="link-plain-words",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, evidence_link="https:report.pdf"),
        "evidence_link",
        "a whole web address",
        id="link-without-host",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, evidence_link="https://mnc.ma/a\nb"),
        "evidence_link",
        "on one line",
        id="link-two-lines",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, evidence_link="https://mnc.ma/" + "x" * 1000),
        "evidence_link",
        "at most 1000 fit",
        id="link-too-long",
    ),
    pytest.param(
        LEARNERS,
        replace(
            COUNT_Q1,
            disaggregations=(*by_sex(100, 140), DisaggregationInput("Sexe", "Femmes", D(1))),
        ),
        "disaggregations",
        "Sexe / Femmes is given twice",
        id="category-twice",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, disaggregations=(DisaggregationInput(" ", "femmes", D(100)),)),
        "disaggregations",
        "line 1: dimension is required",
        id="category-without-dimension",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, disaggregations=(DisaggregationInput("region", "Rabat", D(-4)),)),
        "disaggregations",
        "region / Rabat: value must not be negative",
        id="category-negative-count",
    ),
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, disaggregations=(DisaggregationInput("region", "Rabat", D("0.5")),)),
        "disaggregations",
        "region / Rabat: value must be a whole number",
        id="category-fractional-count",
    ),
    # Beyond what a workbook cell shows whole (Excel holds 32,767 characters in one).
    pytest.param(
        LEARNERS,
        replace(COUNT_Q1, comment="x" * 10_001),
        "comment",
        "is 10001 characters long; at most 10000 fit",
        id="comment-too-long",
    ),
    pytest.param(
        LEARNERS,
        replace(
            COUNT_Q1,
            # 300 categories of 100 characters: "commune / <100> = 1" is 114 characters, and
            # "; " between them: 300 * 114 + 299 * 2 = 34,798.
            disaggregations=tuple(
                DisaggregationInput("commune", f"{n:03d}" + "c" * 97, D(1)) for n in range(300)
            ),
        ),
        "disaggregations",
        "take 34,798 characters written out; at most 30,000 fit",
        id="disaggregations-too-long",
    ),
]


@pytest.mark.parametrize(("kpi", "data", "field", "message"), REFUSED)
def test_each_problem_is_refused_on_its_field(
    db: Database,
    tree: Tree,
    kpi: Any,
    data: MeasurementInput,
    field: str,
    message: str,
    count: Count,
) -> None:
    row = make_kpi(db, tree.initiative, kpi)
    with pytest.raises(ValidationError) as caught:
        record_measurement(db, row.id, data)
    [problem] = caught.value.problems
    assert problem.field == field
    assert message in problem.message
    assert (count("measurement"), count("disaggregation")) == (0, 0)


ACCEPTED: list[Any] = [
    pytest.param(
        replace(PLACEMENT, unit="learners per trainer", aggregation=Aggregation.LATEST),
        replace(RATIO_Q1, numerator=D(1200), denominator=D(40)),
        id="ratio-over-one-without-percent",
    ),
    pytest.param(PLACEMENT, replace(RATIO_Q1, numerator=D(1000)), id="share-of-exactly-100"),
    pytest.param(
        PLACEMENT,
        replace(RATIO_Q1, numerator=D("0.123456"), denominator=D("0.5")),
        id="ratio-six-places",
    ),
    pytest.param(LEARNERS, replace(COUNT_Q1, value=D(0)), id="count-zero"),
    pytest.param(LEARNERS, replace(COUNT_Q1, value=D("240.000")), id="count-written-240.000"),
    pytest.param(
        replace(LEARNERS, measure=Measure.AMOUNT),
        replace(COUNT_Q1, value=D("-1500.25")),
        id="amount-negative",
    ),
    pytest.param(
        replace(LEARNERS, measure=Measure.PERCENTAGE, target_value=D(72)),
        replace(COUNT_Q1, value=D(100)),
        id="percentage-100",
    ),
    pytest.param(
        replace(LEARNERS, frequency=Frequency.HALF_YEARLY),
        MeasurementInput(date(2024, 7, 1), date(2024, 12, 31), value=D(3)),
        id="half-year-h2",
    ),
    pytest.param(
        replace(LEARNERS, frequency=Frequency.MONTHLY),
        MeasurementInput(date(2024, 2, 1), date(2024, 2, 29), value=D(3)),
        id="leap-february",
    ),
    pytest.param(LEARNERS, replace(COUNT_Q1, status="submitted"), id="status-as-text"),  # type: ignore[arg-type]
    pytest.param(LEARNERS, replace(COUNT_Q1, comment="x" * 10_000), id="comment-of-10000"),
]


def test_the_templates_say_the_limits_the_import_applies() -> None:
    from pilotage.exchange import template_validations
    from pilotage.services import measurement_validation

    assert template_validations.COMMENT_LENGTH == measurement_validation.COMMENT_LENGTH
    assert (
        template_validations.DISAGGREGATIONS_LENGTH == measurement_validation.DISAGGREGATIONS_LENGTH
    )


@pytest.mark.parametrize(("kpi", "data"), ACCEPTED)
def test_edge_values_are_accepted(
    db: Database, tree: Tree, kpi: Any, data: MeasurementInput
) -> None:
    row = record_measurement(db, make_kpi(db, tree.initiative, kpi).id, data)
    assert get_measurement(db, row.id) == row
    assert isinstance(row.status, MeasurementStatus)


LINKS = [
    "https://www.mnc.ma/rapports/jobintech-t1.pdf",
    "http://intranet/rapport",
    "file:///C:/Rapports/T1.xlsx",
    r"C:\Rapports\JobIntech T1.xlsx",
    r"\\serveur\partage\t1.pdf",
    "/srv/pilotage/preuves/t1.pdf",
    "preuves/t1.pdf",
    "Rapport trimestriel T1.pdf",
    "تقرير.pdf",
]


@pytest.mark.parametrize("link", LINKS)
def test_evidence_may_be_a_web_address_or_a_path(db: Database, learners: KpiRow, link: str) -> None:
    row = record_measurement(db, learners.id, replace(COUNT_Q1, evidence_link=f" {link} "))
    assert row.evidence_link == link


def test_every_problem_at_once_and_nothing_written(
    db: Database, placement: KpiRow, count: Count, audit_log: AuditLog
) -> None:
    with pytest.raises(ValidationError) as caught:
        record_measurement(
            db,
            placement.id,
            MeasurementInput(
                date(2024, 1, 1),
                date(2024, 2, 29),
                value=D(1),
                numerator=D(5),
                evidence_link="ftp://x/y",
                disaggregations=(DisaggregationInput("", "", D(1)),),
            ),
        )
    assert caught.value.fields() == {
        "period_end",
        "value",
        "denominator",
        "evidence_link",
        "disaggregations",
    }
    assert len(caught.value.problems) == 6  # the nameless category lacks both its names
    assert count("measurement") == 0
    assert audit_log("measurement") == []


def test_the_same_period_twice_is_refused_before_the_database(
    db: Database, learners: KpiRow
) -> None:
    set_user_name("sara")
    try:
        first = record_measurement(db, learners.id, COUNT_Q1)
    finally:
        set_user_name(None)
    with pytest.raises(MeasurementRecordedError) as caught:
        record_measurement(db, learners.id, replace(COUNT_Q1, value=D(1)))
    # Who recorded it and when (from the audit log), as when two analysts race for it.
    assert caught.value.entity_id == first.id
    assert str(caught.value).startswith(f"2024-Q1 of {learners.code} was recorded by sara at ")


def _one_off(db: Database, tree: Tree) -> KpiRow:
    return make_kpi(db, tree.program, frequency=Frequency.ONE_OFF)


def test_a_period_overlapping_another_is_refused(db: Database, tree: Tree, count: Count) -> None:
    kpi = _one_off(db, tree)
    record_measurement(db, kpi.id, MeasurementInput(date(2025, 5, 20), date(2025, 5, 20), D(3)))
    with pytest.raises(ValidationError) as caught:
        record_measurement(
            db, kpi.id, MeasurementInput(date(2025, 1, 1), date(2025, 12, 31), value=D(40))
        )
    assert list(caught.value.problems) == [
        Problem(
            "period_start",
            "2025 overlaps the measurement of 2025-05-20 of this KPI: "
            "periods of a KPI must not overlap",
        )
    ]
    assert count("measurement") == 1


def test_periods_that_only_touch_do_not_overlap(db: Database, tree: Tree, count: Count) -> None:
    kpi = _one_off(db, tree)
    record_measurement(db, kpi.id, MeasurementInput(date(2025, 1, 1), date(2025, 1, 10), D(1)))
    record_measurement(db, kpi.id, MeasurementInput(date(2025, 1, 11), date(2025, 1, 20), D(2)))
    assert count("measurement") == 2


def test_an_edit_may_not_stretch_a_period_over_another(db: Database, tree: Tree) -> None:
    kpi = _one_off(db, tree)
    first = record_measurement(
        db, kpi.id, MeasurementInput(date(2025, 1, 1), date(2025, 1, 10), D(1))
    )
    record_measurement(db, kpi.id, MeasurementInput(date(2025, 2, 1), date(2025, 2, 10), D(2)))
    # Over itself only: fine.
    first = update_measurement(
        db, first.id, first.version, MeasurementInput(date(2024, 12, 25), date(2025, 1, 31), D(1))
    )
    with pytest.raises(ValidationError) as caught:
        update_measurement(
            db, first.id, first.version, MeasurementInput(date(2025, 1, 1), date(2025, 2, 1), D(1))
        )
    [problem] = caught.value.problems
    assert problem.field == "period_start"
    assert "overlaps the measurement of 2025-02-01 – 2025-02-10" in problem.message


def test_the_same_period_of_another_kpi_is_fine(
    db: Database, learners: KpiRow, placement: KpiRow, count: Count
) -> None:
    record_measurement(db, learners.id, COUNT_Q1)
    record_measurement(db, placement.id, RATIO_Q1)
    assert count("measurement") == 2


def test_unknown_kpi(db: Database) -> None:
    with pytest.raises(NotFoundError):
        record_measurement(db, 999, COUNT_Q1)
    with pytest.raises(NotFoundError):
        list_measurements(db, 999)


def test_a_dimension_spelled_in_two_cases_is_stored_as_one(db: Database, tree: Tree) -> None:
    # "Sexe / hommes" and "sexe / femmes" add up as one dimension: stored under one name too.
    row = make_kpi(db, tree.initiative, LEARNERS)
    parts = (
        DisaggregationInput("Sexe", "hommes", D(140)),
        DisaggregationInput("sexe", "femmes", D(100)),
    )
    recorded = record_measurement(db, row.id, replace(COUNT_Q1, disaggregations=parts))
    stored = get_measurement(db, recorded.id).disaggregations
    assert sorted((d.dimension, d.category, d.value) for d in stored) == [
        ("Sexe", "femmes", D(100)),
        ("Sexe", "hommes", D(140)),
    ]
