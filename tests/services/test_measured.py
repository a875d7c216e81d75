"""The SQL aggregate behind the tree and the portfolio must equal the engine's own summary.

`load_summaries` computes in one statement what `engine_summary.summarize`
computes from the observations; every test compares the two on the same rows,
including the cases that trip SQL up (ties, equal period ends, ratio periods
without their terms, periods after the as-of date, all-NULL values).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from service_support import generator
from sqlalchemy import select, text

from pilotage.db.database import Database
from pilotage.db.schema import Kpi, Measurement
from pilotage.domain.engine_summary import summarize
from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    Measure,
    MeasurementStatus,
    OwnerKind,
)
from pilotage.domain.kpi_types import KpiSpec, MeasuredSummary, Observation
from pilotage.services.demo import load_demo
from pilotage.services.measured import load_kpis, load_summaries, load_targets, program_scope

D = Decimal
END_2024 = date(2024, 12, 31)

Period = tuple[date, date, Decimal | None, Decimal | None, Decimal | None]


def expected_summaries(db: Database, as_of: date) -> dict[int, MeasuredSummary]:
    """The engine's summaries, from every measurement read row by row."""
    with db.reading() as session:
        kpis = {k.id: k for k in load_kpis(session)}
        observations: dict[int, list[Observation]] = defaultdict(list)
        for m in session.scalars(select(Measurement)):
            observations[m.kpi_id].append(
                Observation(m.period_start, m.period_end, m.value, m.numerator, m.denominator)
            )
    summaries = {
        kpi_id: summarize(kpis[kpi_id].spec, found, as_of) for kpi_id, found in observations.items()
    }
    return {kpi_id: s for kpi_id, s in summaries.items() if s.count}


def sql_summaries(
    db: Database, as_of: date, program_id: int | None = None
) -> dict[int, MeasuredSummary]:
    with db.reading() as session:
        scope = None if program_id is None else program_scope(program_id)
        return load_summaries(session, as_of, scope)


@pytest.fixture
def add_measured(db: Database) -> Callable[..., int]:
    """add_measured(measure, aggregation, periods, owner program id) -> the new KPI's id."""

    def add(
        measure: Measure, aggregation: Aggregation, periods: list[Period], program_id: int
    ) -> int:
        with db.transaction() as session:
            kpi = Kpi(
                program_id=program_id,
                code=f"T-{measure.value}-{aggregation.value}",
                name="test",
                measure=measure,
                direction=Direction.INCREASE,
                aggregation=aggregation,
                frequency=Frequency.MONTHLY,
            )
            session.add(kpi)
            session.flush()
            session.add_all(
                Measurement(
                    kpi_id=kpi.id,
                    period_start=start,
                    period_end=end,
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                    status=MeasurementStatus.VALIDATED,
                    entered_at=datetime(2025, 1, 1, tzinfo=UTC),
                )
                for start, end, value, numerator, denominator in periods
            )
            return kpi.id

    return add


def test_demo_summaries_equal_the_engines(db: Database) -> None:
    load_demo(db)
    for as_of in (date(2023, 12, 31), date(2024, 6, 30), END_2024, date(2025, 12, 31)):
        assert sql_summaries(db, as_of) == expected_summaries(db, as_of)


def test_generated_summaries_equal_the_engines(db: Database) -> None:
    generator().generate(db, programs=2, initiatives=10, kpis=120, measurements=1500, seed=3)
    for as_of, at_least in ((date(2024, 2, 29), 30), (date(2025, 12, 31), 100)):
        expected = expected_summaries(db, as_of)
        assert len(expected) >= at_least
        assert sql_summaries(db, as_of) == expected


def test_jobintech_graduates_summary(db: Database) -> None:
    demo = load_demo(db)
    with db.reading() as session:
        graduates = session.scalar(select(Kpi.id).where(Kpi.code == "JIT-DIP"))
    assert graduates is not None
    assert sql_summaries(db, END_2024, demo.id)[graduates] == MeasuredSummary(
        count=3,
        value_sum=D(734),
        max_value=D(260),
        max_start=date(2024, 7, 1),
        max_end=date(2024, 9, 30),
        latest_start=date(2024, 10, 1),
        latest_end=END_2024,
        latest_value=D(234),
    )


def test_awkward_rows(db: Database, add_measured: Callable[..., int]) -> None:
    program = load_demo(db).id
    jan, feb, mar = (
        (date(2024, 1, 1), date(2024, 1, 31)),
        (date(2024, 2, 1), date(2024, 2, 29)),
        (date(2024, 3, 1), date(2024, 3, 31)),
    )
    tie = add_measured(
        Measure.COUNT,
        Aggregation.MAXIMUM,
        [(*jan, D(5), None, None), (*feb, D(9), None, None), (*mar, D(9), None, None)],
        program,
    )
    # Two periods end on 2024-03-31: the quarter starts earlier, so March is the latest.
    same_end = add_measured(
        Measure.COUNT,
        Aggregation.LATEST,
        [(date(2024, 1, 1), date(2024, 3, 31), D(30), None, None), (*mar, D("7.25"), None, None)],
        program,
    )
    # Ratio periods with a value but no terms are not usable, even as the latest one:
    # March ends with the quarter but is not usable, so the quarter is the latest.
    ratio = add_measured(
        Measure.RATIO,
        Aggregation.SUM,
        [
            (*jan, D("0.5"), None, None),
            (*feb, None, D(3), D(4)),
            (date(2024, 1, 1), date(2024, 3, 31), None, D(2), D(5)),
            (*mar, D("0.25"), None, None),
        ],
        program,
    )
    after = add_measured(
        Measure.AMOUNT,
        Aggregation.AVERAGE,
        [(*jan, D("1.5"), None, None), (date(2025, 1, 1), date(2025, 1, 31), D(99), None, None)],
        program,
    )
    found = sql_summaries(db, END_2024, program)
    assert found == {k: v for k, v in expected_summaries(db, END_2024).items() if k in found}
    assert (found[tie].max_value, found[tie].max_start) == (D(9), date(2024, 2, 1))
    assert (found[same_end].latest_start, found[same_end].latest_value) == (mar[0], D("7.25"))
    assert found[ratio] == MeasuredSummary(
        count=2,
        numerator_sum=D(5),
        denominator_sum=D(9),
        latest_start=date(2024, 1, 1),
        latest_end=mar[1],
        latest_numerator=D(2),
        latest_denominator=D(5),
    )
    assert (found[after].count, found[after].value_sum) == (1, D("1.5"))


def test_program_scope_keeps_other_programs_out(db: Database) -> None:
    demo = load_demo(db)
    generator().generate(db, programs=2, initiatives=6, kpis=40, measurements=300, seed=5)
    as_of = date(2025, 12, 31)
    with db.reading() as session:
        demo_kpis = {k.id for k in load_kpis(session, program_scope(demo.id))}
        all_kpis = {k.id for k in load_kpis(session)}
        targets = load_targets(session, as_of, program_scope(demo.id))
    assert len(demo_kpis) == 13
    assert len(all_kpis) == 13 + 40
    assert set(sql_summaries(db, as_of, demo.id)) <= demo_kpis
    assert set(sql_summaries(db, as_of, demo.id)) == set(sql_summaries(db, as_of)) & demo_kpis
    # Only EVT-NB has per-period targets, both ending in 2025: original and revision.
    assert [len(points) for points in targets.values()] == [2]
    with db.reading() as session:
        assert load_targets(session, END_2024, program_scope(demo.id)) == {}


def test_generator_is_deterministic(db: Database, empty_database: Callable[[], Database]) -> None:
    def dump(database: Database) -> list[tuple[object, ...]]:
        """Every generated row, ids included, table by table."""
        tables = ("contract_program", "pillar", "initiative", "kpi", "kpi_target")
        tables += ("measurement", "disaggregation")
        with database.reading() as session:
            return [
                tuple(row)
                for table in tables
                for row in session.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]

    sizes = {"programs": 2, "initiatives": 8, "kpis": 50, "measurements": 400}
    counts = generator().generate(db, **sizes, seed=42)
    assert (counts.programs, counts.initiatives, counts.kpis, counts.measurements) == (
        2,
        8,
        50,
        400,
    )
    assert counts.pillars >= 2 * 3
    copies = []
    for seed in (42, 43):
        other = empty_database()  # on the same engine: the rows as it stores them
        try:
            generator().generate(other, **sizes, seed=seed)
            copies.append(dump(other))
        finally:
            other.close()
    assert copies[0] == dump(db)
    assert copies[1] != copies[0]


def test_kpi_facts_of_the_demo(db: Database) -> None:
    demo = load_demo(db)
    with db.reading() as session:
        facts = {k.code: k for k in load_kpis(session, program_scope(demo.id))}
    graduates = facts["JIT-DIP"]
    assert graduates.owner[0] is OwnerKind.INITIATIVE
    assert (graduates.program_id, graduates.pillar_id) == (None, None)
    assert graduates.spec == KpiSpec(
        measure=Measure.COUNT,
        direction=Direction.INCREASE,
        aggregation=Aggregation.SUM,
        frequency=Frequency.QUARTERLY,
        baseline_value=D(0),
        baseline_date=date(2024, 1, 1),
        target_value=D(800),
        target_date=END_2024,
        unit="diplômés",
        definition="Nombre d'apprenants ayant obtenu leur diplôme JobIntech.",
        data_source="Procès-verbaux de jury (MNC)",
    )
    assert facts["CP-PART"].owner == (OwnerKind.PROGRAM, demo.id)
    assert list(facts) == sorted(facts)  # by code
