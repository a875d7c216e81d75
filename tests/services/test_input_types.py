"""Inputs of the wrong type come back as problems on their fields, never as crashes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import LEARNERS, Q1, Tree, make_kpi
from service_support import Count

from pilotage.db.database import Database
from pilotage.domain.enums import InitiativeStatus, MeasurementStatus, ProgramStatus
from pilotage.domain.errors import Problem, ValidationError
from pilotage.services.initiatives import InitiativeInput, create_initiative
from pilotage.services.input_types import wrong_type
from pilotage.services.kpis import KpiRow
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    record_measurement,
    set_measurement_status,
)
from pilotage.services.programs import ProgramInput, create_program
from pilotage.services.targets import revise_target, set_target

D = Decimal
COUNT_Q1 = MeasurementInput(*Q1, value=D(240))
PROGRAM = ProgramInput("CP-NEW", "New program", date(2025, 1, 1), date(2027, 12, 31))
WOMEN = DisaggregationInput("sexe", "femmes", D(100))
TARGET = D(250)
Call = Callable[[Database, Tree, KpiRow], object]


def kpi(**changes: Any) -> Call:
    fields = {"code": "NEW", **changes}
    return lambda db, tree, _learners: make_kpi(db, tree.pillar, LEARNERS, **fields)


def measurement(**changes: Any) -> Call:
    return lambda db, _tree, learners: record_measurement(
        db, learners.id, replace(COUNT_Q1, **changes)
    )


def initiative(**changes: Any) -> Call:
    return lambda db, tree, _learners: create_initiative(
        db, tree.pillar_id, InitiativeInput("NEW", "New initiative", **changes)
    )


def program(**changes: Any) -> Call:
    return lambda db, _tree, _learners: create_program(db, replace(PROGRAM, **changes))


def target(period_end: Any = Q1[1], value: Any = TARGET) -> Call:
    return lambda db, _tree, learners: set_target(db, learners.id, period_end, value)


def revision(revised_on: Any = None, reason: Any = "Late") -> Call:
    return lambda db, _tree, learners: revise_target(
        db, learners.id, Q1[1], D(200), reason, revised_on
    )


WRONG: list[Any] = [
    pytest.param(kpi(baseline_date="2024-01-01"), "kpi", "baseline_date", id="kpi-date-as-text"),
    pytest.param(
        kpi(target_date=datetime(2025, 12, 31, tzinfo=UTC)), "kpi", "target_date", id="kpi-time"
    ),
    pytest.param(kpi(code=12), "kpi", "code", id="kpi-code-number"),
    pytest.param(kpi(definition=5), "kpi", "definition", id="kpi-definition-number"),
    pytest.param(kpi(measure=None), "kpi", "measure", id="kpi-measure-none"),
    pytest.param(kpi(frequency=["monthly"]), "kpi", "frequency", id="kpi-frequency-list"),
    pytest.param(kpi(target_value=[1000]), "kpi", "target_value", id="kpi-value-list"),
    pytest.param(kpi(target_value=0.5), "kpi", "target_value", id="kpi-value-float"),
    pytest.param(kpi(green=True), "kpi", "green", id="kpi-threshold-bool"),
    pytest.param(
        kpi(responsible_organization_id="1"),
        "kpi",
        "responsible_organization_id",
        id="kpi-id-as-text",
    ),
    pytest.param(
        measurement(period_start="2024-01-01"), "measurement", "period_start", id="date-as-text"
    ),
    pytest.param(measurement(period_start=None), "measurement", "period_start", id="no-start"),
    pytest.param(measurement(period_end=20240331), "measurement", "period_end", id="end-number"),
    pytest.param(measurement(value=[240]), "measurement", "value", id="value-list"),
    pytest.param(measurement(status="bogus"), "measurement", "status", id="status-unknown"),
    pytest.param(measurement(status=None), "measurement", "status", id="status-none"),
    pytest.param(measurement(comment=5), "measurement", "comment", id="comment-number"),
    pytest.param(
        measurement(disaggregations=None), "measurement", "disaggregations", id="parts-none"
    ),
    pytest.param(
        measurement(disaggregations=(("sexe", "femmes", D(1)),)),
        "measurement",
        "disaggregations",
        id="part-a-tuple",
    ),
    pytest.param(
        measurement(disaggregations=(WOMEN, replace(WOMEN, category=7))),
        "measurement",
        "disaggregations",
        id="part-category-number",
    ),
    pytest.param(
        measurement(disaggregations=(replace(WOMEN, value=[1]),)),
        "measurement",
        "disaggregations",
        id="part-value-list",
    ),
    pytest.param(target(period_end="2024-03-31"), "kpi_target", "period_end", id="target-text"),
    pytest.param(target(period_end=None), "kpi_target", "period_end", id="target-no-end"),
    pytest.param(target(value=[250]), "kpi_target", "value", id="target-value-list"),
    pytest.param(revision(revised_on="2024-02-01"), "kpi_target", "revised_on", id="revised-on"),
    pytest.param(revision(reason=5), "kpi_target", "reason", id="revision-reason-number"),
    pytest.param(initiative(partner_ids=None), "initiative", "partner_ids", id="partners-none"),
    pytest.param(initiative(partner_ids=("1",)), "initiative", "partner_ids", id="partner-text"),
    pytest.param(initiative(start_date="2025-01-01"), "initiative", "start_date", id="init-date"),
    pytest.param(initiative(status=["running"]), "initiative", "status", id="init-status-list"),
    pytest.param(initiative(status=None), "initiative", "status", id="init-status-none"),
    pytest.param(
        initiative(lead_organization_id="1"), "initiative", "lead_organization_id", id="lead-text"
    ),
    pytest.param(initiative(planned_budget=[1]), "initiative", "planned_budget", id="budget-list"),
    pytest.param(program(start_date=None), "contract_program", "start_date", id="prog-no-start"),
    pytest.param(
        program(end_date="2027-12-31"), "contract_program", "end_date", id="prog-end-as-text"
    ),
    pytest.param(program(signed_on=1), "contract_program", "signed_on", id="prog-signed-number"),
    pytest.param(program(status=["draft"]), "contract_program", "status", id="prog-status-list"),
    pytest.param(program(status="closed"), "contract_program", "status", id="prog-status-bad"),
    pytest.param(program(title=5), "contract_program", "title", id="prog-title-number"),
    pytest.param(
        program(total_budget=object()), "contract_program", "total_budget", id="prog-budget"
    ),
]


@pytest.mark.parametrize(("call", "table", "field"), WRONG)
def test_a_wrong_type_is_a_problem_on_its_field(
    db: Database, tree: Tree, learners: KpiRow, count: Count, call: Call, table: str, field: str
) -> None:
    before = count(table)
    with pytest.raises(ValidationError) as caught:
        call(db, tree, learners)
    assert field in caught.value.fields()
    assert count(table) == before


def test_the_problem_says_what_was_expected(db: Database, learners: KpiRow) -> None:
    with pytest.raises(ValidationError) as caught:
        record_measurement(
            db,
            learners.id,
            replace(
                COUNT_Q1,
                period_start="2024-01-01",
                value=0.5,
                disaggregations=(WOMEN, replace(WOMEN, value=[1])),
            ),
        )
    assert list(caught.value.problems) == [
        Problem("period_start", "must be a date, not the text '2024-01-01'"),
        Problem("value", "must be a Decimal or its text ('0.5'), not a float: floats are inexact"),
        Problem("disaggregations", "line 2: value must be a number, not list [1]"),
    ]


def test_set_measurement_status_checks_its_reason(db: Database, learners: KpiRow) -> None:
    row = record_measurement(db, learners.id, COUNT_Q1)
    with pytest.raises(ValidationError) as caught:
        set_measurement_status(db, row.id, row.version, MeasurementStatus.SUBMITTED, reason=3)  # type: ignore[arg-type]
    assert caught.value.fields() == {"reason"}


def test_enum_text_and_number_text_are_still_accepted(db: Database, tree: Tree) -> None:
    made = create_program(db, replace(PROGRAM, status="active", total_budget="1500.50"))
    assert made.status is ProgramStatus.ACTIVE
    assert made.total_budget == D("1500.50")
    started = create_initiative(
        db, tree.pillar_id, InitiativeInput("NEW", "New", status="running", partner_ids=[])
    )
    assert started.status is InitiativeStatus.RUNNING


@pytest.mark.parametrize(
    ("value", "expected", "problem"),
    [
        (date(2024, 1, 1), date, None),
        (None, date | None, None),
        (None, date, "is required"),
        (None, str, None),
        (True, int, "must be a whole number, not bool True"),
        ((1, 2), tuple[int, ...], None),
        ([1, "2"], tuple[int, ...], "line 2: must be a whole number, not the text '2'"),
        ("count", MeasurementStatus, None),
    ],
)
def test_wrong_type(value: object, expected: Any, problem: str | None) -> None:
    assert wrong_type(value, expected) == problem
