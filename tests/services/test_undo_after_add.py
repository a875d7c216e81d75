"""Undoing a delete after something else was added: the record comes back with its own id.

SQLite without AUTOINCREMENT hands the largest deleted rowid out again, so the new record
took the deleted one's id and the undo was refused ("already used"). Ids are never reused
now (AUTOINCREMENT on SQLite, sequences on PostgreSQL): on both engines, the deleted record
is back with its id and the new one keeps a new id.
"""

from __future__ import annotations

from kpi_fixtures import LEARNERS, PLACEMENT, Q1, Q2, Q3, D, Tree, by_sex, make_kpi
from service_support import Count

from pilotage.db.database import Database
from pilotage.domain.enums import OrganizationKind
from pilotage.services.kpis import delete_kpi, get_kpi, list_kpis
from pilotage.services.measurements import (
    MeasurementInput,
    delete_measurement,
    list_measurements,
    record_measurement,
)
from pilotage.services.organizations import (
    OrganizationInput,
    create_organization,
    delete_organization,
    get_organization,
)
from pilotage.services.pillars import PillarInput, create_pillar, delete_pillar, list_pillars
from pilotage.services.programs import ProgramRow
from pilotage.services.undo import restore_deleted


def test_the_last_pillar_deleted_then_a_pillar_added_then_the_delete_undone(
    db: Database, program: ProgramRow
) -> None:
    p1 = create_pillar(db, program.id, PillarInput("P1", "Compétences numériques"))
    p2 = create_pillar(db, program.id, PillarInput("P2", "Start-up"))
    snapshot = delete_pillar(db, p2.id, p2.version)
    added = create_pillar(db, program.id, PillarInput("P3", "Export"))

    restore_deleted(db, snapshot)  # was refused on SQLite: "id: “2” is already used"

    assert added.id > p2.id  # the deleted pillar's id was not handed out again

    pillars = list_pillars(db, program.id)
    assert [(p.id, p.position, p.code) for p in pillars] == [
        (p1.id, 1, "P1"),
        (p2.id, 2, "P2"),  # back with its id, at its place
        (added.id, 3, "P3"),  # the new one keeps its id, one place down
    ]
    assert pillars[1].title == "Start-up"


def test_the_last_measurement_deleted_then_another_recorded_then_the_delete_undone(
    db: Database, tree: Tree, count: Count
) -> None:
    kpi = make_kpi(db, tree.initiative, LEARNERS)
    q1 = record_measurement(db, kpi.id, MeasurementInput(*Q1, value=D(240)))
    q2 = record_measurement(
        db, kpi.id, MeasurementInput(*Q2, value=D(260), disaggregations=by_sex(130, 130))
    )
    snapshot = delete_measurement(db, q2.id, q2.version)
    q3 = record_measurement(
        db, kpi.id, MeasurementInput(*Q3, value=D(300), disaggregations=by_sex(100, 200))
    )

    restore_deleted(db, snapshot)

    assert q3.id > q2.id
    # Its disaggregations' ids were not handed out again either.
    assert min(d.id for d in q3.disaggregations) > max(d.id for d in q2.disaggregations)
    assert list_measurements(db, kpi.id) == [q1, q2, q3]
    assert count("disaggregation") == 4


def test_the_last_kpi_deleted_then_another_created_then_the_delete_undone(
    db: Database, tree: Tree
) -> None:
    learners = make_kpi(db, tree.initiative, LEARNERS)
    trained = make_kpi(db, tree.pillar, LEARNERS, code="K2", name="Formateurs formés")
    record_measurement(db, trained.id, MeasurementInput(*Q1, value=D(12)))
    snapshot = delete_kpi(db, trained.id, trained.version)
    placement = make_kpi(db, tree.program, PLACEMENT, code="K3")

    restore_deleted(db, snapshot)

    assert placement.id > trained.id
    assert get_kpi(db, trained.id) == trained
    assert get_kpi(db, placement.id) == placement
    assert sorted(k.id for k in list_kpis(db, tree.program_id)) == [
        learners.id,
        trained.id,
        placement.id,
    ]
    assert [m.value for m in list_measurements(db, trained.id)] == [D(12)]


def test_the_last_organization_deleted_then_another_created_then_the_delete_undone(
    db: Database,
) -> None:
    cdg = create_organization(
        db, OrganizationInput("Caisse de Dépôt et de Gestion", OrganizationKind.PUBLIC_INSTITUTION)
    )
    snapshot = delete_organization(db, cdg.id, cdg.version)
    mnc = create_organization(
        db, OrganizationInput("Maroc Numeric Cluster", OrganizationKind.ASSOCIATION)
    )

    restore_deleted(db, snapshot)

    assert mnc.id > cdg.id
    assert get_organization(db, cdg.id) == cdg
    assert get_organization(db, mnc.id) == mnc
