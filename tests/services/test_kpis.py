"""KPI services: owners, read-back, audit, conflicts, the ratio switch, cascade and undo."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from kpi_fixtures import (
    LEARNERS,
    PLACEMENT,
    Q1,
    Q2,
    Tree,
    add_initiative,
    kpi_input,
    make_kpi,
    make_tree,
)
from service_support import AuditLog, Count, Statements

from pilotage.db.database import Database
from pilotage.domain.enums import (
    Aggregation,
    AuditAction,
    Direction,
    Frequency,
    Measure,
    OrganizationKind,
    OwnerKind,
)
from pilotage.domain.errors import ConflictError, NotFoundError, ValidationError
from pilotage.domain.kpi_types import KpiSpec
from pilotage.services.kpis import (
    KpiOwner,
    create_kpi,
    delete_kpi,
    get_kpi,
    kpi_spec,
    list_kpis,
    update_kpi,
)
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    record_measurement,
)
from pilotage.services.organizations import OrganizationInput, create_organization
from pilotage.services.targets import revise_target, set_target
from pilotage.services.undo import restore_deleted

D = Decimal


def owner_of(tree: Tree, kind: OwnerKind) -> KpiOwner:
    return {
        OwnerKind.PROGRAM: tree.program,
        OwnerKind.PILLAR: tree.pillar,
        OwnerKind.INITIATIVE: tree.initiative,
    }[kind]


# --- create -------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(OwnerKind), ids=str)
def test_create_for_each_kind_of_owner(
    db: Database, tree: Tree, kind: OwnerKind, audit_log: AuditLog
) -> None:
    owner = owner_of(tree, kind)
    row = make_kpi(db, owner)
    assert (row.owner_kind, row.owner_id, row.program_id) == (kind, owner.id, tree.program_id)
    assert row.owner == owner
    assert row.version == 1
    [entry] = audit_log("kpi")
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.CREATE)
    changes = json.loads(entry.changes)
    assert changes[f"{kind.value}_id"] == [None, str(owner.id)]
    assert changes["code"] == [None, "K1"]
    assert changes["target_value"] == [None, "1000"]


def test_every_field_is_kept_and_read_back(db: Database, tree: Tree) -> None:
    mnc = create_organization(
        db,
        OrganizationInput(
            name="Maroc Numeric Cluster", acronym="MNC", kind=OrganizationKind.ASSOCIATION
        ),
    )
    data = kpi_input(
        PLACEMENT,
        definition="Diplômés en emploi six mois après / diplômés — خريجون",
        direction=Direction.INCREASE,
        aggregation=Aggregation.LATEST,
        frequency=Frequency.HALF_YEARLY,
        baseline_value=D("0.125"),
        target_value=D("0.72"),
        data_source="Enquête d'insertion MNC",
        responsible_organization_id=mnc.id,
        means_of_verification="Attestations d'employeurs",
    )
    row = create_kpi(db, tree.initiative, data)
    assert get_kpi(db, row.id) == row
    assert {k: v for k, v in asdict(row).items() if k in asdict(data)} == asdict(data)


def test_thresholds_are_stored_and_read_back(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative, green=D("0.85"), amber=D("0.6"))
    assert (get_kpi(db, row.id).green, get_kpi(db, row.id).amber) == (D("0.85"), D("0.6"))


def test_text_is_trimmed(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.program, code="  K9 ", name=" Apprenants ", unit=" % ")
    assert (row.code, row.name, row.unit) == ("K9", "Apprenants", "%")


def test_unknown_owner_is_not_found(db: Database, tree: Tree, count: Count) -> None:
    for kind in OwnerKind:
        with pytest.raises(NotFoundError):
            make_kpi(db, KpiOwner(kind, 999))
    assert count("kpi") == 0


def test_an_owner_kind_outside_the_list_is_refused(db: Database, tree: Tree) -> None:
    with pytest.raises(ValidationError) as caught:
        make_kpi(db, KpiOwner("milestone", tree.program_id))  # type: ignore[arg-type]
    assert caught.value.fields() == {"owner"}


# --- update -------------------------------------------------------------------


def test_update_audits_only_what_changed(db: Database, tree: Tree, audit_log: AuditLog) -> None:
    row = make_kpi(db, tree.initiative)
    changed = update_kpi(
        db, row.id, row.version, kpi_input(target_value=D(1200), data_source="MNC")
    )
    assert (changed.version, changed.target_value, changed.data_source) == (2, D(1200), "MNC")
    entry = audit_log("kpi")[-1]
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.UPDATE)
    assert json.loads(entry.changes) == {
        "target_value": ["1000", "1200"],
        "data_source": ["", "MNC"],
    }


def test_update_without_change_writes_nothing(
    db: Database, tree: Tree, audit_log: AuditLog
) -> None:
    row = make_kpi(db, tree.initiative)
    same = update_kpi(db, row.id, row.version, LEARNERS)
    assert same == row
    assert len(audit_log("kpi")) == 1


def test_update_keeps_its_own_code(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative, code="K1")
    make_kpi(db, tree.program, code="K2")
    renamed = update_kpi(db, row.id, row.version, kpi_input(name="Renamed"))
    assert renamed.code == "K1"
    with pytest.raises(ValidationError) as caught:
        update_kpi(db, row.id, renamed.version, kpi_input(code="K2"))
    assert caught.value.fields() == {"code"}


def test_stale_version_is_refused_naming_who_changed_it(
    db: Database, tree: Tree, audit_log: AuditLog
) -> None:
    row = make_kpi(db, tree.initiative)
    update_kpi(db, row.id, row.version, kpi_input(name="First edit"))
    with pytest.raises(ConflictError) as caught:
        update_kpi(db, row.id, row.version, kpi_input(name="Second edit"))
    assert caught.value.changed_by == audit_log()[-1].who
    with pytest.raises(ConflictError):
        delete_kpi(db, row.id, row.version)
    assert get_kpi(db, row.id).name == "First edit"


def _measure_once(db: Database, kpi_id: int, **figures: Any) -> None:
    record_measurement(db, kpi_id, MeasurementInput(*Q1, **figures))


@pytest.mark.parametrize(
    ("before", "after", "figures"),
    [
        pytest.param(LEARNERS, PLACEMENT, {"value": D(240)}, id="count-to-ratio"),
        pytest.param(
            PLACEMENT,
            kpi_input(LEARNERS, target_value=D(1)),
            {"numerator": D(734), "denominator": D(1000)},
            id="ratio-to-count",
        ),
    ],
)
def test_measure_cannot_switch_to_or_from_ratio_once_measured(
    db: Database, tree: Tree, before: Any, after: Any, figures: dict[str, Decimal]
) -> None:
    row = create_kpi(db, tree.initiative, before)
    _measure_once(db, row.id, **figures)
    with pytest.raises(ValidationError) as caught:
        update_kpi(db, row.id, row.version, after)
    [problem] = caught.value.problems
    assert problem.field == "measure"
    assert "1 measurement" in problem.message
    assert "would change meaning" in problem.message


def test_measure_switch_is_refused_with_targets_too(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative)
    set_target(db, row.id, date(2024, 3, 31), D(250))
    set_target(db, row.id, date(2024, 6, 30), D(500))
    with pytest.raises(ValidationError) as caught:
        update_kpi(db, row.id, row.version, PLACEMENT)
    assert "2 targets" in caught.value.problems[0].message


def test_measure_may_switch_before_anything_is_recorded(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative)
    assert update_kpi(db, row.id, row.version, PLACEMENT).measure is Measure.RATIO


def test_measure_may_change_between_non_ratio_kinds_only_while_the_figures_fit(
    db: Database, tree: Tree
) -> None:
    row = make_kpi(db, tree.initiative)
    _measure_once(db, row.id, value=D(240))
    yes_no = kpi_input(measure=Measure.YES_NO, baseline_value=D(0), target_value=D(1))
    with pytest.raises(ValidationError) as caught:
        update_kpi(db, row.id, row.version, yes_no)
    [problem] = caught.value.problems
    assert problem.field == "measure"
    assert "measurement 2024-Q1: 240 must be 0 (no) or 1 (yes)" in problem.message
    changed = update_kpi(db, row.id, row.version, kpi_input(measure=Measure.AMOUNT))
    assert changed.measure is Measure.AMOUNT


# --- delete and undo ----------------------------------------------------------


def test_delete_cascades_to_targets_measurements_and_disaggregations_and_undoes(
    db: Database, tree: Tree, count: Count, audit_log: AuditLog
) -> None:
    row = make_kpi(db, tree.initiative)
    kept = make_kpi(db, tree.program, code="K-KEPT")
    set_target(db, row.id, date(2024, 3, 31), D(250))
    revise_target(db, row.id, date(2024, 3, 31), D(200), "Late start")
    set_target(db, kept.id, date(2024, 3, 31), D(1))
    by_sex = (
        DisaggregationInput("sexe", "femmes", D(100)),
        DisaggregationInput("sexe", "hommes", D(140)),
    )
    record_measurement(db, row.id, MeasurementInput(*Q1, value=D(240), disaggregations=by_sex))
    record_measurement(db, row.id, MeasurementInput(*Q2, value=D(260), disaggregations=by_sex[:1]))
    record_measurement(db, kept.id, MeasurementInput(*Q1, value=D(5)))

    snapshot = delete_kpi(db, row.id, row.version)

    assert (snapshot.count("kpi_target"), snapshot.count("measurement")) == (2, 2)
    assert snapshot.count("disaggregation") == 3
    # Only the kept KPI's rows are left.
    assert [count(t) for t in ("kpi", "kpi_target", "measurement", "disaggregation")] == [
        1,
        1,
        1,
        0,
    ]
    entry = audit_log("kpi")[-1]
    assert (entry.entity_id, entry.action) == (row.id, AuditAction.DELETE)
    assert entry.reason == "with 2 kpi_target, 2 measurement, 3 disaggregation"
    assert json.loads(entry.changes)["code"] == ["K1", None]
    with pytest.raises(NotFoundError):
        get_kpi(db, row.id)

    restore_deleted(db, snapshot)

    assert get_kpi(db, row.id) == row
    assert [count(t) for t in ("kpi", "kpi_target", "measurement", "disaggregation")] == [
        2,
        3,
        3,
        3,
    ]
    assert audit_log("kpi")[-1].action == AuditAction.CREATE


# --- reading ------------------------------------------------------------------


def test_list_gives_every_kpi_of_the_program_in_tree_order(
    db: Database, statements: Statements
) -> None:
    tree = make_tree(db, pillars=2)
    other = make_tree(db, reference="CP-OTHER")
    second_pillar = tree.pillar_ids[1]
    second_initiative = add_initiative(db, second_pillar, "B-INIT")
    a_initiative = add_initiative(db, tree.pillar_id, "A-INIT")
    created = {
        "P2-INIT": KpiOwner(OwnerKind.INITIATIVE, second_initiative),
        "P1-A": KpiOwner(OwnerKind.INITIATIVE, a_initiative),
        "P1-JIT": tree.initiative,
        "P2": KpiOwner(OwnerKind.PILLAR, second_pillar),
        "P1": tree.pillar,
        "PROG-B": tree.program,
        "PROG-A": tree.program,
    }
    for code, owner in created.items():
        make_kpi(db, owner, code=code)
    make_kpi(db, other.initiative, code="ELSEWHERE")

    with statements() as selects:
        rows = list_kpis(db, tree.program_id)

    assert [r.code for r in rows] == [
        "PROG-A",
        "PROG-B",
        "P1",
        "P1-A",  # initiative A-INIT comes before JIT
        "P1-JIT",
        "P2",
        "P2-INIT",
    ]
    assert {r.program_id for r in rows} == {tree.program_id}
    assert rows[3].owner == KpiOwner(OwnerKind.INITIATIVE, a_initiative)
    assert len(selects) == 2  # the program's existence, then every KPI at once


def test_list_of_an_unknown_program(db: Database) -> None:
    with pytest.raises(NotFoundError):
        list_kpis(db, 999)


def test_kpi_spec_carries_what_the_engine_needs(db: Database, tree: Tree) -> None:
    row = make_kpi(db, tree.initiative, PLACEMENT, definition="Insertion", green=D("0.85"))
    assert kpi_spec(row) == KpiSpec(
        measure=Measure.RATIO,
        direction=Direction.INCREASE,
        aggregation=Aggregation.SUM,
        frequency=Frequency.QUARTERLY,
        baseline_value=D(0),
        baseline_date=date(2024, 1, 1),
        target_value=D("0.7"),
        target_date=date(2025, 12, 31),
        green=D("0.85"),
        amber=None,
        unit="%",
        definition="Insertion",
        data_source="",
    )
