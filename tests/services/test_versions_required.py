"""Every update, delete and move requires the version the user saw: no way to skip the check.

A pillar's move (or reorder) requires the position the user saw instead: a position is
not part of a pillar's version."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, get_type_hints

import pytest
from kpi_fixtures import LEARNERS, Q1, Tree, make_tree
from service_support import AuditLog
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import metadata
from pilotage.domain.enums import MeasurementStatus
from pilotage.domain.errors import Problem, ValidationError
from pilotage.services import (
    budget,
    initiatives,
    kpis,
    measurements,
    milestones,
    organizations,
    parties,
    pillars,
    programs,
    records,
    targets,
)
from pilotage.services.initiatives import InitiativeInput
from pilotage.services.kpis import KpiRow
from pilotage.services.measurements import MeasurementInput
from pilotage.services.programs import ProgramInput

GUARDED: list[Callable[..., Any]] = [
    budget.update_budget_line,
    budget.delete_budget_line,
    milestones.update_milestone,
    milestones.delete_milestone,
    organizations.update_organization,
    organizations.delete_organization,
    parties.update_party,
    parties.remove_party,
    pillars.update_pillar,
    pillars.delete_pillar,
    kpis.update_kpi,
    kpis.delete_kpi,
    measurements.update_measurement,
    measurements.set_measurement_status,
    measurements.delete_measurement,
    targets.remove_target,
    programs.update_program,
    programs.delete_program,
    initiatives.update_initiative,
    initiatives.delete_initiative,
    initiatives.move_initiative,
]


@pytest.mark.parametrize("function", GUARDED, ids=lambda f: f.__name__)
def test_the_version_is_a_required_int(function: Callable[..., Any]) -> None:
    """None would skip the optimistic check: a stale save would overwrite silently."""
    parameter = inspect.signature(function).parameters["version"]
    assert get_type_hints(function)["version"] is int
    assert parameter.default is inspect.Parameter.empty
    assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


def test_check_version_takes_no_none() -> None:
    parameter = inspect.signature(records.check_version).parameters["expected_version"]
    assert get_type_hints(records.check_version)["expected_version"] is int
    assert parameter.default is inspect.Parameter.empty


def test_set_target_may_leave_the_version_out_only_by_name() -> None:
    """Left out, it creates the period's first target (an existing one is a conflict:
    see test_targets.py)."""
    parameter = inspect.signature(targets.set_target).parameters["version"]
    assert get_type_hints(targets.set_target)["version"] == int | None
    assert parameter.default is None
    assert parameter.kind is inspect.Parameter.KEYWORD_ONLY


def test_a_pillar_move_requires_the_position_seen() -> None:
    parameter = inspect.signature(pillars.move_pillar).parameters["seen_position"]
    assert get_type_hints(pillars.move_pillar)["seen_position"] is int
    assert parameter.default is inspect.Parameter.empty
    assert "version" not in inspect.signature(pillars.move_pillar).parameters


def test_a_reorder_carries_the_position_seen_of_every_pillar() -> None:
    hints = get_type_hints(pillars.reorder_pillars)
    assert str(hints["ordered"]) == "collections.abc.Sequence[tuple[int, int]]"


# --- a caller that still passes None is refused, not waved through --------------


@dataclass(frozen=True)
class Held:
    """What the user has open: a program, its initiative, a KPI, a measurement, a target."""

    tree: Tree
    kpi_id: int
    measurement_id: int
    target_id: int


@pytest.fixture
def held(db: Database, tree: Tree, learners: KpiRow) -> Held:
    measurement = measurements.record_measurement(
        db, learners.id, MeasurementInput(*Q1, value=Decimal(240))
    )
    target = targets.set_target(db, learners.id, Q1[1], Decimal(250))
    return Held(tree, learners.id, measurement.id, target.id)


PROGRAM = ProgramInput("CP-MNC-2024", "Renamed", date(2024, 1, 1), date(2026, 12, 31))
NO_VERSION: Any = None
TEXT_VERSION: Any = "1"
Call = Callable[[Database, Held], object]

WITHOUT_VERSION: list[Any] = [
    pytest.param(
        lambda db, h: kpis.update_kpi(db, h.kpi_id, NO_VERSION, LEARNERS), "kpi", id="update_kpi"
    ),
    pytest.param(lambda db, h: kpis.delete_kpi(db, h.kpi_id, NO_VERSION), "kpi", id="delete_kpi"),
    pytest.param(
        lambda db, h: measurements.update_measurement(
            db, h.measurement_id, NO_VERSION, MeasurementInput(*Q1, value=Decimal(241))
        ),
        "measurement",
        id="update_measurement",
    ),
    pytest.param(
        lambda db, h: measurements.set_measurement_status(
            db, h.measurement_id, NO_VERSION, MeasurementStatus.SUBMITTED
        ),
        "measurement",
        id="set_measurement_status",
    ),
    pytest.param(
        lambda db, h: measurements.delete_measurement(db, h.measurement_id, NO_VERSION),
        "measurement",
        id="delete_measurement",
    ),
    pytest.param(
        lambda db, h: targets.remove_target(db, h.target_id, NO_VERSION),
        "kpi_target",
        id="remove_target",
    ),
    pytest.param(
        lambda db, h: programs.update_program(db, h.tree.program_id, NO_VERSION, PROGRAM),
        "contract_program",
        id="update_program",
    ),
    pytest.param(
        lambda db, h: programs.delete_program(db, h.tree.program_id, NO_VERSION),
        "contract_program",
        id="delete_program",
    ),
    pytest.param(
        lambda db, h: initiatives.update_initiative(
            db, h.tree.initiative_id, NO_VERSION, InitiativeInput("JIT", "Renamed")
        ),
        "initiative",
        id="update_initiative",
    ),
    pytest.param(
        lambda db, h: initiatives.delete_initiative(db, h.tree.initiative_id, NO_VERSION),
        "initiative",
        id="delete_initiative",
    ),
    pytest.param(
        lambda db, h: initiatives.move_initiative(
            db, h.tree.initiative_id, NO_VERSION, h.tree.pillar_ids[1]
        ),
        "initiative",
        id="move_initiative",
    ),
    pytest.param(
        lambda db, h: kpis.update_kpi(db, h.kpi_id, TEXT_VERSION, LEARNERS),
        "kpi",
        id="version-as-text",
    ),
]


@pytest.fixture
def tree(db: Database) -> Tree:
    """Two pillars, so that the initiative has somewhere to move to."""
    return make_tree(db, pillars=2)


@pytest.mark.parametrize(("call", "table"), WITHOUT_VERSION)
def test_a_save_without_the_version_is_refused_and_writes_nothing(
    db: Database, held: Held, audit_log: AuditLog, call: Call, table: str
) -> None:
    def content() -> list[dict[str, Any]]:
        with db.reading() as session:
            found = session.execute(select(metadata.tables[table])).mappings()
            return [dict(row) for row in found]

    before, logged = content(), len(audit_log())
    with pytest.raises(ValidationError) as caught:
        call(db, held)
    [problem] = caught.value.problems
    assert problem.field == "version"
    assert (content(), len(audit_log())) == (before, logged)


def test_the_problem_says_the_version_is_required(db: Database, held: Held) -> None:
    with pytest.raises(ValidationError) as caught:
        kpis.delete_kpi(db, held.kpi_id, NO_VERSION)
    assert list(caught.value.problems) == [Problem("version", "is required")]
