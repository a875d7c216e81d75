"""A KPI's page: fields, owner path, targets, measurements, full traces and the chart series."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from service_support import Statements, generator
from sqlalchemy import func, select

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Kpi, Measurement, Pillar
from pilotage.domain.enums import Aggregation, KpiStatus, Measure, MeasurementStatus, OwnerKind
from pilotage.domain.errors import NotFoundError
from pilotage.services.kpi_detail import OwnerPath, SeriesPoint, kpi_detail
from pilotage.services.kpis import KpiRow, get_kpi
from pilotage.services.measurements import (
    DisaggregationRow,
    MeasurementInput,
    list_measurements,
    record_measurement,
)
from pilotage.services.overview import KpiNode, ProgramTree, program_tree
from pilotage.services.programs import ProgramRow
from pilotage.services.targets import list_targets, revise_target, set_target

D = Decimal
END_2024 = date(2024, 12, 31)


@pytest.fixture
def kpi_ids(db: Database, demo: ProgramRow) -> dict[str, int]:
    with db.reading() as session:
        return dict(session.execute(select(Kpi.code, Kpi.id)).all())


def test_graduates_page(db: Database, demo: ProgramRow, kpi_ids: dict[str, int]) -> None:
    page = kpi_detail(db, kpi_ids["JIT-DIP"], END_2024)
    assert (page.kpi.code, page.kpi.name, page.kpi.unit) == ("JIT-DIP", "Diplômés", "diplômés")
    assert (page.kpi.measure, page.kpi.aggregation) == (Measure.COUNT, Aggregation.SUM)
    assert (page.kpi.target_value, page.kpi.target_date) == (D(800), END_2024)
    assert (page.kpi.owner_kind, page.kpi.program_id) == (OwnerKind.INITIATIVE, demo.id)
    assert page.kpi == get_kpi(db, page.kpi.id)  # the KPI service's own row
    assert page.owner.kind is OwnerKind.INITIATIVE
    assert str(page.owner) == "CP-MTNRA-MNC / P1 / P1-JIT"
    assert page.owner.program_id == demo.id
    assert page.owner.initiative_id == page.kpi.owner_id
    assert page.as_of == END_2024
    assert page.targets == ()  # no per-period target: the line from baseline to target
    assert [(m.period_end, m.value) for m in page.measurements] == [
        (date(2024, 6, 30), D(240)),
        (date(2024, 9, 30), D(260)),
        (END_2024, D(234)),
    ]
    first = page.measurements[0]
    assert first.status is MeasurementStatus.VALIDATED
    assert [(d.dimension, d.category, d.value) for d in first.disaggregations] == [
        ("sexe", "femmes", D(104)),
        ("sexe", "hommes", D(136)),
    ]
    assert all(isinstance(d, DisaggregationRow) for d in first.disaggregations)
    assert sum(d.value for d in page.measurements[2].disaggregations) == 234  # 110 + 124
    assert all(m.warnings == () for m in page.measurements)  # the parts add up
    # The measurement service's own rows (its order too: these periods do not overlap).
    assert list(page.measurements) == list_measurements(db, page.kpi.id)
    evaluation = page.evaluation
    assert evaluation.actual.trace == "sum of 3 periods: 240 + 260 + 234 = 734 diplômés"
    assert evaluation.status is KpiStatus.ON_TRACK
    assert evaluation.progress.value == D("0.9175")
    assert page.original == evaluation  # nothing revised


def test_graduates_series(db: Database, kpi_ids: dict[str, int]) -> None:
    # The line from 0 on 2024-01-01 to 800 on 2024-12-31 (365 days): 181 days to
    # 2024-06-30 and 273 to 2024-09-30.
    page = kpi_detail(db, kpi_ids["JIT-DIP"], END_2024)
    line = [D(800) * 181 / 365, D(800) * 273 / 365, D(800)]
    assert page.series == (
        SeriesPoint(date(2024, 6, 30), D(240), line[0], line[0]),
        SeriesPoint(date(2024, 9, 30), D(500), line[1], line[1]),
        SeriesPoint(END_2024, D(734), line[2], line[2]),
    )
    assert round(line[0], 2) == D("396.71")


def test_ratio_series_is_a_running_ratio_of_sums(db: Database, kpi_ids: dict[str, int]) -> None:
    page = kpi_detail(db, kpi_ids["JIT-TXD"], END_2024)
    assert [p.actual for p in page.series] == [
        D(240) / D(330),
        D(500) / D(680),  # (240 + 260) / (330 + 350)
        D(734) / D(1000),
    ]
    assert page.evaluation.actual.trace == (
        "ratio of sums over 3 periods: (240 + 260 + 234) / (330 + 350 + 320) = 73.4%"
    )


def test_revised_target_and_original(db: Database, kpi_ids: dict[str, int]) -> None:
    as_of = date(2025, 12, 31)
    page = kpi_detail(db, kpi_ids["EVT-NB"], as_of)
    assert [(t.revision, t.value, t.revised_on, t.reason) for t in page.targets] == [
        (0, D(60), None, ""),
        (1, D(40), date(2025, 6, 30), "Calendrier resserré après la revue à mi-parcours"),
    ]
    assert list(page.targets) == list_targets(db, page.kpi.id)  # the target service's own rows
    assert len(page.measurements) == 23  # January 2024 to November 2025
    # 42 events; revised target 40 for 2025-12 -> expected 40 / 60: 70% ≥ 0.9 × 66.7% = 60%.
    assert page.evaluation.actual.value == 42
    assert page.evaluation.target.value == 40
    assert page.evaluation.status is KpiStatus.ON_TRACK
    assert page.evaluation.target.trace.startswith("revised target for 2025-12 (revised on")
    # Against the original plan, 60 for 2025-12: 70% < 90% but ≥ 0.7 × 100%: at risk.
    assert page.original.target.value == 60
    assert page.original.status is KpiStatus.AT_RISK
    assert page.original.actual == page.evaluation.actual
    assert len(page.series) == 23
    # The last measured month, November 2025, is not the revised period: the line
    # 0 -> 60 over 1,095 days, 699 days in.
    last = page.series[-1]
    assert last.period_end == date(2025, 11, 30)
    assert last.target == last.original_target == D(60) * 699 / 1095


def test_of_two_revisions_made_the_same_day_the_later_counts(
    db: Database, learners: KpiRow
) -> None:
    set_target(db, learners.id, END_2024, D(400))
    revise_target(db, learners.id, END_2024, D(350), "First revision", date(2024, 10, 1))
    revise_target(db, learners.id, END_2024, D(300), "Second thoughts", date(2024, 10, 1))
    record_measurement(db, learners.id, MeasurementInput(date(2024, 10, 1), END_2024, D(280)))
    page = kpi_detail(db, learners.id, END_2024)
    assert [(t.revision, t.value) for t in page.targets] == [(0, D(400)), (1, D(350)), (2, D(300))]
    assert page.evaluation.target.value == 300  # revision 2, not the first of the tie
    assert page.original.target.value == 400
    assert page.series[-1].target == 300
    assert page.series[-1].original_target == 400
    # The tree reads its targets in bulk; it must judge by the same revision.
    tree = program_tree(db, learners.program_id, END_2024)
    [node] = [k for k in _all_kpis(tree) if k.id == learners.id]
    assert node.evaluation.target.value == 300


def _all_kpis(tree: ProgramTree) -> list[KpiNode]:
    found = list(tree.kpis)
    for pillar in tree.pillars:
        found += pillar.kpis
        for initiative in pillar.initiatives:
            found += initiative.kpis
    return found


def test_program_level_kpi(db: Database, demo: ProgramRow, kpi_ids: dict[str, int]) -> None:
    page = kpi_detail(db, kpi_ids["CP-PART"], END_2024)
    assert page.owner == OwnerPath(OwnerKind.PROGRAM, demo.id, "CP-MTNRA-MNC")
    assert str(page.owner) == "CP-MTNRA-MNC"
    assert page.evaluation.actual.trace == "latest value, period 2024-Q4: 8 organisations"


def test_missing_kpi(db: Database) -> None:
    with pytest.raises(NotFoundError):
        kpi_detail(db, 404, END_2024)


def test_four_statements_whatever_the_history(
    db: Database, demo: ProgramRow, kpi_ids: dict[str, int], statements: Statements
) -> None:
    with statements() as small:
        kpi_detail(db, kpi_ids["JIT-DIP"], END_2024)
    generator().generate(db, programs=1, initiatives=5, kpis=60, measurements=2000, seed=1)
    with db.reading() as session:
        busiest, measured = session.execute(
            select(Measurement.kpi_id, func.count())
            .group_by(Measurement.kpi_id)
            .order_by(func.count().desc())
        ).first() or (0, 0)
    assert measured >= 10 * 3
    with statements() as large:
        page = kpi_detail(db, busiest, date(2025, 12, 31))
    assert len(page.measurements) == measured
    # KPI with its owner path, targets, measurements, disaggregations.
    assert len(small) == len(large) == 4


def test_pillar_level_kpi(db: Database) -> None:
    generator().generate(db, programs=1, initiatives=3, kpis=30, measurements=100, seed=2)
    with db.reading() as session:
        kpi_id, pillar_id = session.execute(
            select(Kpi.id, Kpi.pillar_id).where(Kpi.pillar_id.is_not(None)).limit(1)
        ).one()
        code, reference = session.execute(
            select(Pillar.code, ContractProgram.reference)
            .join(ContractProgram, ContractProgram.id == Pillar.program_id)
            .where(Pillar.id == pillar_id)
        ).one()
    owner = kpi_detail(db, kpi_id, END_2024).owner
    assert (owner.kind, owner.pillar_id, owner.initiative_id) == (OwnerKind.PILLAR, pillar_id, None)
    assert str(owner) == f"{reference} / {code}"
