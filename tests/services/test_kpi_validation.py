"""KPI validation: every rule on its own field, edge values, codes unique per program."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import Tree, add_initiative, make_kpi, make_tree
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.domain.enums import Aggregation, Measure, OwnerKind
from pilotage.domain.errors import ValidationError
from pilotage.services.kpis import KpiOwner, get_kpi

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
