"""KPI validation: every rule on its own field, edge values, codes unique per program."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import PLACEMENT, Q1, Q2, Tree, add_initiative, make_kpi, make_tree
from service_support import AuditLog, Count, Statements
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import Kpi
from pilotage.domain.enums import Aggregation, Frequency, Measure, OwnerKind
from pilotage.domain.errors import ValidationError
from pilotage.services.demo_data import q
from pilotage.services.kpis import KpiInput, KpiOwner, KpiRow, get_kpi, update_kpi
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    record_measurement,
)
from pilotage.services.targets import set_target

D = Decimal


REFUSED: list[Any] = [
    pytest.param({"code": " "}, "code", "required", id="code-missing"),
    pytest.param({"code": "K 1"}, "code", "without spaces", id="code-with-space"),
    pytest.param({"name": ""}, "name", "required", id="name-missing"),
    pytest.param({"measure": "speed"}, "measure", "not a kind of measure", id="unknown-measure"),
    pytest.param({"frequency": "weekly"}, "frequency", "not a frequency", id="unknown-frequency"),
    pytest.param(
        {"measure": Measure.RATIO, "aggregation": Aggregation.AVERAGE, "target_value": D("0.7")},
        "aggregation",
        "a ratio is never averaged",
        id="ratio-averaged",
    ),
    pytest.param(
        {"measure": Measure.RATIO, "aggregation": Aggregation.MAXIMUM, "target_value": D("0.7")},
        "aggregation",
        "a ratio is never averaged",
        id="ratio-maximum",
    ),
    pytest.param(
        {"measure": Measure.PERCENTAGE, "target_value": D("100.5")},
        "target_value",
        "between 0 and 100",
        id="percentage-target-over-100",
    ),
    pytest.param(
        {"measure": Measure.PERCENTAGE, "baseline_value": D("-1"), "target_value": D(72)},
        "baseline_value",
        "between 0 and 100",
        id="percentage-baseline-negative",
    ),
    pytest.param(
        {"measure": Measure.RATIO, "unit": "%", "target_value": D(72)},
        "target_value",
        "stored as a fraction",
        id="share-target-given-as-percent",
    ),
    pytest.param(
        {"measure": Measure.RATIO, "unit": "", "baseline_value": D("-0.1"), "target_value": D(2)},
        "baseline_value",
        "not be negative",
        id="ratio-baseline-negative",
    ),
    pytest.param(
        {"measure": Measure.YES_NO, "baseline_value": D(0), "target_value": D(2)},
        "target_value",
        "0 (no) or 1 (yes)",
        id="yes-no-target-2",
    ),
    pytest.param(
        {"measure": Measure.YES_NO, "baseline_value": D("0.5"), "target_value": D(1)},
        "baseline_value",
        "0 (no) or 1 (yes)",
        id="yes-no-baseline-half",
    ),
    pytest.param({"baseline_value": D(-5)}, "baseline_value", "negative", id="count-negative"),
    pytest.param(
        {"target_value": D("1000.0000001")},
        "target_value",
        "more than 6 decimal places",
        id="seven-places",
    ),
    pytest.param(
        {"target_value": D(10) ** 12}, "target_value", "too large", id="too-large-to-store"
    ),
    pytest.param(
        {"baseline_date": date(2025, 1, 1), "target_date": date(2024, 12, 31)},
        "target_date",
        "before the baseline date",
        id="target-before-baseline",
    ),
    pytest.param({"green": D(0)}, "green", "above 0 and at most 1", id="green-zero"),
    pytest.param({"green": D("1.01")}, "green", "above 0 and at most 1", id="green-over-one"),
    pytest.param({"amber": D("-0.2")}, "amber", "above 0 and at most 1", id="amber-negative"),
    pytest.param({"amber": D("1.5")}, "amber", "above 0 and at most 1", id="amber-over-one"),
    pytest.param(
        {"green": D("0.8"), "amber": D("0.85")},
        "amber",
        "must not be above the green threshold 0.8",
        id="amber-above-green",
    ),
    pytest.param(
        {"amber": D("0.95")},
        "amber",
        "must not be above the default green threshold 0.9",
        id="amber-above-default-green",
    ),
    pytest.param(
        {"green": D("0.6")},
        "amber",
        "the default amber threshold 0.7 is above the green threshold 0.6",
        id="default-amber-above-green",
    ),
    pytest.param(
        {"green": D("0.12345")}, "green", "more than 4 decimal places", id="threshold-five-places"
    ),
    pytest.param(
        {"responsible_organization_id": 999},
        "responsible_organization_id",
        "not a known organization",
        id="unknown-organization",
    ),
]


@pytest.mark.parametrize(("changes", "field", "message"), REFUSED)
def test_each_problem_is_refused_on_its_field(
    db: Database, tree: Tree, changes: dict[str, Any], field: str, message: str, count: Count
) -> None:
    with pytest.raises(ValidationError) as caught:
        make_kpi(db, tree.pillar, **changes)
    [problem] = caught.value.problems
    assert problem.field == field
    assert message in problem.message
    assert count("kpi") == 0


ACCEPTED: list[Any] = [
    pytest.param({"green": D(1), "amber": D(1)}, id="thresholds-both-one"),
    pytest.param({"green": D("0.0001"), "amber": D("0.0001")}, id="thresholds-smallest"),
    pytest.param({"green": D("0.8525"), "amber": D("0.7")}, id="threshold-four-places"),
    pytest.param({"amber": D("0.9")}, id="amber-equal-default-green"),
    pytest.param({"baseline_value": D("12.5")}, id="count-target-may-be-fractional"),
    pytest.param(
        {"baseline_date": date(2024, 6, 30), "target_date": date(2024, 6, 30)},
        id="target-on-baseline-day",
    ),
    pytest.param(
        {"measure": Measure.RATIO, "unit": "%", "baseline_value": D(0), "target_value": D(1)},
        id="share-zero-to-one",
    ),
    pytest.param(
        {
            "measure": Measure.RATIO,
            "unit": "learners per trainer",
            "aggregation": Aggregation.LATEST,
            "target_value": D("12.5"),
        },
        id="ratio-over-one-without-percent",
    ),
    pytest.param(
        {"measure": Measure.PERCENTAGE, "baseline_value": D(0), "target_value": D(100)},
        id="percentage-0-to-100",
    ),
    pytest.param(
        {"measure": Measure.YES_NO, "baseline_value": D(0), "target_value": D(1)}, id="yes-no"
    ),
    pytest.param(
        {"measure": Measure.AMOUNT, "target_value": D("1234567.123456")}, id="amount-six-places"
    ),
    pytest.param(
        {"baseline_value": None, "baseline_date": None, "target_value": None, "target_date": None},
        id="no-baseline-no-target",
    ),
    pytest.param({"measure": "count", "aggregation": "sum"}, id="enum-values-as-text"),
]


@pytest.mark.parametrize("changes", ACCEPTED)
def test_edge_values_are_accepted(db: Database, tree: Tree, changes: dict[str, Any]) -> None:
    row = make_kpi(db, tree.pillar, **changes)
    assert get_kpi(db, row.id) == row
    assert isinstance(row.measure, Measure)
    assert isinstance(row.aggregation, Aggregation)


def test_every_problem_is_listed_at_once_and_nothing_is_written(
    db: Database, tree: Tree, count: Count, audit_log: AuditLog
) -> None:
    before = len(audit_log())
    with pytest.raises(ValidationError) as caught:
        make_kpi(
            db,
            tree.initiative,
            code="",
            name="",
            measure=Measure.RATIO,
            aggregation=Aggregation.AVERAGE,
            target_value=D(3),
            unit="%",
            target_date=date(2023, 1, 1),
            green=D(2),
            responsible_organization_id=42,
        )
    assert caught.value.fields() == {
        "code",
        "name",
        "aggregation",
        "target_value",
        "target_date",
        "green",
        "responsible_organization_id",
    }
    assert count("kpi") == 0
    assert len(audit_log()) == before


def test_code_is_unique_across_the_whole_program(db: Database, tree: Tree, count: Count) -> None:
    make_kpi(db, tree.program, code="K1")
    other_initiative = add_initiative(db, tree.pillar_id, "NEXT")
    for owner in (
        tree.program,
        tree.pillar,
        tree.initiative,
        KpiOwner(OwnerKind.INITIATIVE, other_initiative),
    ):
        with pytest.raises(ValidationError) as caught:
            make_kpi(db, owner, code="k1")
        assert caught.value.problems[0].field == "code"
        assert "already the code of another KPI" in caught.value.problems[0].message
    assert count("kpi") == 1


def test_another_program_may_use_the_same_code(db: Database, tree: Tree) -> None:
    other = make_tree(db, reference="CP-OTHER")
    make_kpi(db, tree.initiative, code="K1")
    row = make_kpi(db, other.initiative, code="K1")
    assert row.program_id == other.program_id


# --- an edit must keep the stored measurements and targets valid --------------


def _demo_kpi(db: Database, code: str) -> KpiRow:
    with db.reading() as session:
        kpi_id = session.scalar(select(Kpi.id).where(Kpi.code == code))
    assert kpi_id is not None
    return get_kpi(db, kpi_id)


def _edit(db: Database, row: KpiRow, **changes: Any) -> KpiRow:
    form = KpiInput(**{f.name: getattr(row, f.name) for f in fields(KpiInput)})
    return update_kpi(db, row.id, row.version, replace(form, **changes))


STORED_REFUSED: list[Any] = [
    pytest.param(
        "JIT-APP",
        {"measure": Measure.PERCENTAGE, "target_value": D(100)},
        "measure",
        [
            "cannot become a percentage KPI: 3 of its measurements would break its rules",
            "measurement 2024-Q1: 330 must be between 0 and 100",
            "measurement 2024-Q2: 350 must be between 0 and 100",
            "measurement 2024-Q3: 320",
        ],
        id="counts-of-hundreds-to-percentage",
    ),
    pytest.param(
        "EVT-ENT",
        {"measure": Measure.YES_NO, "baseline_value": D(0), "target_value": D(1)},
        "measure",
        [
            "cannot become a yes/no KPI: 8 of its measurements would break its rules",
            "measurement 2024-Q1: 40 must be 0 (no) or 1 (yes)",
            "; and 5 more",
        ],
        id="counts-to-yes-no",
    ),
    pytest.param(
        "VIV-TAL",
        {"frequency": Frequency.QUARTERLY},
        "frequency",
        [
            "cannot become a quarterly KPI: 12 of its measurements would break its rules",
            "measurement 2025-01 is not a whole calendar quarter",
            "measurement 2025-03 is not a whole calendar quarter; and 9 more",
        ],
        id="months-to-quarters",
    ),
    pytest.param(
        "EVT-NB",
        {"frequency": Frequency.YEARLY},
        "frequency",
        ["cannot become a yearly KPI: 23 of its measurements would break"],
        id="months-to-years",
    ),
]


@pytest.mark.parametrize(("code", "changes", "field", "messages"), STORED_REFUSED)
def test_an_edit_the_stored_figures_would_break_is_refused(
    demo_db: Database, code: str, changes: dict[str, Any], field: str, messages: list[str]
) -> None:
    row = _demo_kpi(demo_db, code)
    with pytest.raises(ValidationError) as caught:
        _edit(demo_db, row, **changes)
    [problem] = caught.value.problems
    assert problem.field == field
    for message in messages:
        assert message in problem.message
    assert _demo_kpi(demo_db, code) == row


def test_a_share_unit_is_refused_while_a_numerator_passes_its_denominator(
    db: Database, tree: Tree
) -> None:
    row = make_kpi(db, tree.initiative, PLACEMENT, unit="learners per place")
    record_measurement(db, row.id, MeasurementInput(*Q1, numerator=D(1200), denominator=D(1000)))
    record_measurement(db, row.id, MeasurementInput(*Q2, numerator=D(700), denominator=D(1000)))
    with pytest.raises(ValidationError) as caught:
        _edit(db, row, unit="%")
    [problem] = caught.value.problems
    assert problem.field == "unit"
    assert problem.message == (
        "cannot be shown in %: 1 of its measurements would break its rules "
        "(measurement 2024-Q1: 1200 / 1000 must be at most 1: a share is stored as a fraction "
        "(0.734 for 73.4%)): correct or remove them first"
    )


def test_targets_the_new_measure_or_frequency_refuses_are_named(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative)
    set_target(db, row.id, date(2024, 3, 31), D(250))
    set_target(db, row.id, date(2024, 12, 31), D(80))
    with pytest.raises(ValidationError) as caught:
        _edit(db, row, measure=Measure.PERCENTAGE, frequency=Frequency.YEARLY, target_value=D(1))
    assert [(p.field, p.message) for p in caught.value.problems] == [
        (
            "measure",
            "cannot become a percentage KPI: 1 of its targets would break its rules "
            "(target of 2024-03-31: 250 must be between 0 and 100: it is a percentage): "
            "correct or remove them first",
        ),
        (
            "frequency",
            "cannot become a yearly KPI: 1 of its targets would break its rules "
            "(target of 2024-03-31 does not close a year): correct or remove them first",
        ),
    ]


STORED_ACCEPTED: list[Any] = [
    pytest.param("JIT-APP", {"measure": Measure.AMOUNT}, id="counts-to-amounts"),
    pytest.param(
        "EVT-NB", {"measure": Measure.PERCENTAGE, "target_value": D(60)}, id="small-counts-to-pct"
    ),
    pytest.param("VIV-TAL", {"frequency": Frequency.ONE_OFF}, id="months-to-one-off"),
    pytest.param("JIT-INS", {"measure": Measure.COUNT}, id="a-whole-percentage-to-a-count"),
    pytest.param("JIT-TXD", {"unit": "ratio"}, id="share-to-plain-ratio"),
]


@pytest.mark.parametrize(("code", "changes"), STORED_ACCEPTED)
def test_an_edit_the_stored_figures_still_fit_is_accepted(
    demo_db: Database, code: str, changes: dict[str, Any]
) -> None:
    row = _demo_kpi(demo_db, code)
    changed = _edit(demo_db, row, **changes)
    for key, value in changes.items():
        assert getattr(changed, key) == value


def test_the_stored_figures_are_checked_in_a_fixed_number_of_statements(
    db: Database, tree: Tree, statements: Statements
) -> None:
    row = make_kpi(db, tree.initiative, frequency=Frequency.MONTHLY)
    for month in range(1, 13):
        start = date(2024, month, 1)
        end = date(2024 + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        record_measurement(db, row.id, MeasurementInput(start, end, value=D(month)))
        set_target(db, row.id, end, D(10 * month))
    with statements() as sql, pytest.raises(ValidationError):
        _edit(db, row, frequency=Frequency.QUARTERLY, measure=Measure.YES_NO, target_value=D(1))
    stored = [s for s in sql if "FROM measurement" in s or "FROM kpi_target" in s]
    assert len(stored) == 2  # the measurements with their categories, then the targets


def test_the_categories_follow_the_new_measure_too(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative, measure=Measure.AMOUNT)
    halves = (
        DisaggregationInput("site", "Rabat", D("2.5")),
        DisaggregationInput("site", "Fès", D("7.5")),
    )
    record_measurement(db, row.id, MeasurementInput(*Q1, value=D(10), disaggregations=halves))
    with pytest.raises(ValidationError) as caught:
        _edit(db, row, measure=Measure.COUNT)
    [problem] = caught.value.problems
    assert problem.field == "measure"
    assert problem.message.startswith("cannot become a count KPI: 1 of its measurements")
    assert "(measurement 2024-Q1: site / Fès 7.5 must be a whole number: it is a count)" in (
        problem.message
    )


def test_a_quarter_over_stored_months_is_refused_whatever_the_frequency(
    demo_db: Database,
) -> None:
    talents = _edit(demo_db, _demo_kpi(demo_db, "VIV-TAL"), frequency=Frequency.ONE_OFF)
    with pytest.raises(ValidationError) as caught:
        record_measurement(demo_db, talents.id, MeasurementInput(*q(2025, 1), value=D(155)))
    [problem] = caught.value.problems
    assert problem.field == "period_start"
    assert problem.message.startswith("2025-Q1 overlaps the measurement of 2025-01 of this KPI")
