"""The program tree and the portfolio overview, on the demo program and on generated data.

Expected figures are worked out by hand from services/demo_data.py and demo_pillars.py; the
arithmetic is in the comments.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from service_support import Statements, generator

from pilotage.db.database import Database
from pilotage.domain.enums import KpiStatus, OwnerKind
from pilotage.domain.errors import NotFoundError
from pilotage.services.kpi_detail import kpi_detail
from pilotage.services.overview import (
    KpiNode,
    ProgramTree,
    portfolio_overview,
    program_tree,
    program_trees,
)
from pilotage.services.programs import ProgramRow

D = Decimal
END_2024 = date(2024, 12, 31)
S = KpiStatus

# Small enough to generate in a test, and ten times the demo's 13 KPIs and 83
# measurements within its largest program (which holds 4/6 of the initiatives).
GROWN = {"programs": 3, "initiatives": 30, "kpis": 300, "measurements": 3000}


@pytest.fixture
def tree(db: Database, demo: ProgramRow) -> ProgramTree:
    return program_tree(db, demo.id, END_2024)


def kpi(tree: ProgramTree, code: str) -> KpiNode:
    [node] = [k for k in tree.all_kpis() if k.code == code]
    return node


def counts(**by_status: int) -> dict[KpiStatus, int]:
    return {status: by_status.get(status.value, 0) for status in KpiStatus}


# --- JobIntech as of 2024-12-31 -------------------------------------------------------


def test_learners_achieved(tree: ProgramTree) -> None:
    learners = kpi(tree, "JIT-APP").evaluation
    assert learners.actual.value == 1000  # 330 + 350 + 320
    assert learners.target.value == 1000  # the final target, due 2024-12-31
    assert learners.progress.value == 1
    assert learners.status is S.ACHIEVED
    assert learners.actual.trace == "sum of 3 periods = 1,000 apprenants"


def test_graduates_on_track(tree: ProgramTree) -> None:
    graduates = kpi(tree, "JIT-DIP").evaluation
    assert graduates.actual.value == 734  # 240 + 260 + 234
    assert graduates.progress.value == D("0.9175")  # 734 / 800
    assert graduates.expected.value == 1  # the target is due on the as-of date
    assert graduates.status is S.ON_TRACK  # 91.75% ≥ 0.9 × 100% = 90%


def test_graduation_rate_is_a_ratio_of_sums(tree: ProgramTree) -> None:
    rate = kpi(tree, "JIT-TXD").evaluation
    # (240 + 260 + 234) / (330 + 350 + 320) = 734 / 1,000
    assert rate.actual.value == D("0.734")
    mean_of_ratios = (D(240) / 330 + D(260) / 350 + D(234) / 320) / 3
    assert round(mean_of_ratios, 5) == D("0.73379")  # what averaging would wrongly give
    assert rate.actual.value != mean_of_ratios
    assert rate.progress.value == D("0.9175")  # 0.734 / 0.8
    assert rate.status is S.ON_TRACK
    assert rate.actual.trace == "ratio of sums over 3 periods: 734 / 1,000 = 73.4%"


def test_placement_rate_interpolated_target(tree: ProgramTree) -> None:
    placement = kpi(tree, "JIT-INS").evaluation
    assert placement.actual.value == 72  # latest value, 2024-H2
    # 2024-01-01 -> 2024-12-31 is 365 days, -> 2025-06-30 is 546 days:
    # target(2024-12-31) = 75 × 365 / 546 ≈ 50.137, expected = 365 / 546 ≈ 66.85%.
    assert (date(2024, 12, 31) - date(2024, 1, 1)).days == 365
    assert (date(2025, 6, 30) - date(2024, 1, 1)).days == 546
    assert placement.target.value == D(75) * 365 / 546
    assert round(placement.target.value, 3) == D("50.137")
    assert placement.expected.value is not None
    assert round(placement.expected.value, 4) == D("0.6685")
    assert placement.progress.value == D("0.96")  # 72 / 75
    assert placement.status is S.ON_TRACK  # 96% ≥ 0.9 × 66.85% ≈ 60.2%


def test_jobintech_and_p1_roll_ups(tree: ProgramTree) -> None:
    p1 = tree.pillars[0]
    jobintech, talents = p1.initiatives
    assert (p1.code, jobintech.code, talents.code) == ("P1", "P1-JIT", "P1-VIV")
    # JobIntech: learners achieved; graduates, graduation rate and placement on track.
    assert jobintech.rollup.counts == counts(achieved=1, on_track=3)
    assert jobintech.rollup.kpi_count == 4
    # (1 + 0.9175 + 0.9175 + 0.96) / 4 = 3.795 / 4
    assert jobintech.rollup.mean_progress == D("0.94875")
    assert jobintech.headline is S.ON_TRACK
    # P1-VIV's two KPIs start on 2025-01-01: not started, and without progress.
    assert talents.rollup.counts == counts(not_started=2)
    assert talents.rollup.mean_progress is None
    assert talents.headline is S.NOT_STARTED
    # P1 has no KPI of its own: its roll-up is its two initiatives'.
    assert p1.kpis == ()
    assert p1.rollup.counts == counts(achieved=1, on_track=3, not_started=2)
    assert p1.rollup.kpi_count == 6
    assert p1.rollup.mean_progress == D("0.94875")
    assert p1.headline is S.ON_TRACK


def test_tree_shape_and_order(tree: ProgramTree, demo: ProgramRow) -> None:
    assert tree.program == demo
    assert tree.as_of == END_2024
    assert [k.code for k in tree.kpis] == ["CP-PART"]
    assert tree.kpis[0].owner_kind is OwnerKind.PROGRAM
    assert [(p.position, p.code) for p in tree.pillars] == [(1, "P1"), (2, "P2"), (3, "P3")]
    assert [[i.code for i in p.initiatives] for p in tree.pillars] == [
        ["P1-JIT", "P1-VIV"],
        ["P2-ACC", "P2-EVT"],
        ["P3-BEX", "P3-INN", "P3-VEI"],  # by code, not by insertion order
    ]
    jobintech = tree.pillars[0].initiatives[0]
    assert [k.code for k in jobintech.kpis] == ["JIT-APP", "JIT-DIP", "JIT-INS", "JIT-TXD"]
    assert all(k.owner_kind is OwnerKind.INITIATIVE for k in jobintech.kpis)
    assert len(list(tree.all_kpis())) == 13


def test_node_without_kpis_shows_no_data(tree: ProgramTree) -> None:
    innovation = tree.pillars[2].initiatives[1]
    assert innovation.code == "P3-INN"
    assert innovation.kpis == ()
    assert innovation.rollup.kpi_count == 0
    assert innovation.headline is S.NO_DATA


def test_program_roll_up(tree: ProgramTree) -> None:
    # On track: JIT-DIP, JIT-TXD, JIT-INS; EVT-NB 22 / 60 = 36.7% and VEI-NOT 8 / 24 = 33.3%
    # against 0.9 × 1/3 = 30% (365 of 1,095 days to 2026-12-31).
    # At risk (≥ 0.7 × 1/3 = 23.3%): CP-PART 8 / 30 = 26.7%, EVT-ENT 200 / 800 = 25%,
    # ACC-CONV 5 / 20 = 25%. No data: BEX-LIG (measured in 2025). Not started: VIV-TAL,
    # VIV-DEL, BEX-MEM (baselines in 2025).
    assert tree.rollup.counts == counts(achieved=1, on_track=5, at_risk=3, no_data=1, not_started=3)
    assert tree.rollup.kpi_count == 13
    # (1 + 0.9175 + 0.9175 + 0.96 + 8/30 + 22/60 + 0.25 + 0.25 + 1/3) / 9 ≈ 0.58463
    assert tree.rollup.mean_progress is not None
    assert round(tree.rollup.mean_progress, 5) == D("0.58463")
    assert tree.headline is S.AT_RISK
    assert [p.headline for p in tree.pillars] == [S.ON_TRACK, S.AT_RISK, S.ON_TRACK]


def test_tree_evaluations_match_the_full_engine(db: Database, demo: ProgramRow) -> None:
    """Every KPI of the tree is judged as `evaluate` judges it on all its measurements."""
    for as_of in (date(2024, 3, 31), END_2024, date(2025, 6, 30), date(2026, 1, 31)):
        for node in program_tree(db, demo.id, as_of).all_kpis():
            full = kpi_detail(db, node.id, as_of).evaluation
            short = node.evaluation
            assert (short.actual.value, short.status) == (full.actual.value, full.status)
            assert (short.target, short.progress, short.expected) == (
                full.target,
                full.progress,
                full.expected,
            )
            assert (short.status_trace, short.flags) == (full.status_trace, full.flags)


def test_revised_target_drives_the_tree(db: Database, demo: ProgramRow) -> None:
    # EVT-NB, as of 2025-12-31: 42 events (22 in 2024, 20 in 2025), target revised
    # from 60 to 40 for 2025-12: expected 40 / 60, and 42 / 60 = 70% ≥ 0.9 × 66.7% = 60%.
    events = kpi(program_tree(db, demo.id, date(2025, 12, 31)), "EVT-NB").evaluation
    assert events.actual.value == 42
    assert events.target.value == 40
    assert events.progress.value == D("0.7")
    assert events.status is S.ON_TRACK


def test_missing_program(db: Database) -> None:
    with pytest.raises(NotFoundError):
        program_tree(db, 404, END_2024)


# --- the portfolio --------------------------------------------------------------------


def test_portfolio_of_the_demo(db: Database, demo: ProgramRow, tree: ProgramTree) -> None:
    [summary] = portfolio_overview(db, END_2024)
    assert summary.program == demo
    assert summary.rollup == tree.rollup
    assert summary.headline is S.AT_RISK
    assert [(p.code, p.title, p.position) for p in summary.pillars] == [
        (p.code, p.title, p.position) for p in tree.pillars
    ]
    assert [p.rollup for p in summary.pillars] == [p.rollup for p in tree.pillars]
    assert [p.headline for p in summary.pillars] == [S.ON_TRACK, S.AT_RISK, S.ON_TRACK]


def test_empty_portfolio(db: Database) -> None:
    assert portfolio_overview(db, END_2024) == []


def test_portfolio_agrees_with_every_tree(db: Database, demo: ProgramRow) -> None:
    """The portfolio judges without traces; its roll-ups must still be the trees', exactly."""
    generator().generate(db, **GROWN, seed=7)
    as_of = date(2025, 12, 31)
    summaries = portfolio_overview(db, as_of)
    references = [s.program.reference for s in summaries]
    assert references == sorted(references)
    assert len(summaries) == 4
    for summary in summaries:
        tree = program_tree(db, summary.program.id, as_of)
        assert summary.rollup == tree.rollup
        assert summary.headline is tree.headline
        assert [(p.id, p.rollup, p.headline) for p in summary.pillars] == [
            (p.id, p.rollup, p.headline) for p in tree.pillars
        ]
    assert sum(s.rollup.kpi_count for s in summaries) == 13 + GROWN["kpis"]
    # All the trees at once are each program's tree.
    assert program_trees(db, as_of) == [program_tree(db, s.program.id, as_of) for s in summaries]


# --- bounded statements ---------------------------------------------------------------


def test_statement_counts_do_not_grow_with_the_data(
    db: Database, demo: ProgramRow, statements: Statements
) -> None:
    with statements() as tree_small:
        program_tree(db, demo.id, END_2024)
    with statements() as portfolio_small:
        portfolio_overview(db, END_2024)
    with statements() as trees_small:
        program_trees(db, END_2024)

    generator().generate(db, **GROWN, seed=11)
    as_of = date(2025, 12, 31)
    largest = max(portfolio_overview(db, as_of), key=lambda s: s.rollup.kpi_count)
    assert largest.rollup.kpi_count >= 10 * 13
    with statements() as tree_large:
        grown = program_tree(db, largest.program.id, as_of)
    assert sum(1 for _ in grown.all_kpis()) == largest.rollup.kpi_count
    with statements() as portfolio_large:
        portfolio_overview(db, as_of)
    with statements() as trees_large:
        assert len(program_trees(db, as_of)) == 4

    # Program, pillars, initiatives, KPIs, targets, measurement summaries.
    assert len(tree_small) == len(tree_large) == 6
    assert len(portfolio_small) == len(portfolio_large) == 6
    assert len(trees_small) == len(trees_large) == 6
