"""Every KPI of a program (or of the whole database) judged as of a date, in three statements.

One statement reads the KPIs, one their targets of the as-of year, and one
aggregates their measurements per KPI into a `MeasuredSummary` (counts, sums,
the latest and the maximum period) in SQL that SQLite and PostgreSQL both run.
The engine then judges each KPI from its summary (`evaluate_summary`, or
`judge_summary` without traces), so the cost in statements never grows with
the number of KPIs or measurements. Statements run on the session's
connection (Core rows, no ORM loading): they return tens of thousands of rows
for a portfolio.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Date, and_, case, func, null, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from pilotage.db.schema import Initiative, Kpi, KpiTarget, Measurement, Pillar
from pilotage.domain.engine_rules import Judgement, judge_summary
from pilotage.domain.engine_summary import EMPTY_SUMMARY, evaluate_summary, target_window
from pilotage.domain.enums import Aggregation, Measure, OwnerKind
from pilotage.domain.kpi_types import Evaluation, KpiSpec, MeasuredSummary, TargetPoint


class KpiFacts(NamedTuple):
    """A KPI's identity, owner and the definition the engine reads: plain values.

    A named tuple rather than a dataclass: a portfolio builds tens of thousands.
    """

    id: int
    version: int
    code: str
    name: str
    program_id: int | None
    pillar_id: int | None
    initiative_id: int | None
    spec: KpiSpec

    @property
    def owner(self) -> tuple[OwnerKind, int]:
        """What the KPI belongs to: exactly one of its three owner columns is set."""
        if self.initiative_id is not None:
            return OwnerKind.INITIATIVE, self.initiative_id
        if self.pillar_id is not None:
            return OwnerKind.PILLAR, self.pillar_id
        assert self.program_id is not None  # the schema's CHECK: exactly one owner
        return OwnerKind.PROGRAM, self.program_id


def program_scope(program_id: int) -> ColumnElement[bool]:
    """KPIs of a program, at any level: its own, its pillars' and its initiatives'."""
    pillars = select(Pillar.id).where(Pillar.program_id == program_id)
    initiatives = (
        select(Initiative.id)
        .join(Pillar, Pillar.id == Initiative.pillar_id)
        .where(Pillar.program_id == program_id)
    )
    return or_(
        Kpi.program_id == program_id,
        Kpi.pillar_id.in_(pillars.scalar_subquery()),
        Kpi.initiative_id.in_(initiatives.scalar_subquery()),
    )


def _within(scope: ColumnElement[bool] | None) -> tuple[ColumnElement[bool], ...]:
    return () if scope is None else (scope,)


# In the order `_facts` unpacks them.
_KPI_COLUMNS = (
    *(Kpi.id, Kpi.version, Kpi.code, Kpi.name, Kpi.program_id, Kpi.pillar_id, Kpi.initiative_id),
    *(Kpi.measure, Kpi.direction, Kpi.aggregation, Kpi.frequency),
    *(Kpi.baseline_value, Kpi.baseline_date, Kpi.target_value, Kpi.target_date),
    *(Kpi.green, Kpi.amber, Kpi.unit, Kpi.definition, Kpi.data_source),
)


def load_kpis(session: Session, scope: ColumnElement[bool] | None = None) -> list[KpiFacts]:
    """The KPIs within `scope` (all when None), ordered by code: one statement."""
    statement = select(*_KPI_COLUMNS).where(*_within(scope)).order_by(Kpi.code, Kpi.id)
    return [_facts(row) for row in session.connection().execute(statement).all()]


def _facts(row: Sequence[Any]) -> KpiFacts:
    """Built by position: a portfolio has tens of thousands of rows."""
    (kpi_id, version, code, name, program_id, pillar_id, initiative_id,
     measure, direction, aggregation, frequency, baseline_value, baseline_date,
     target_value, target_date, green, amber, unit, definition, data_source) = row  # fmt: skip
    spec = KpiSpec(
        measure=measure,
        direction=direction,
        aggregation=aggregation,
        frequency=frequency,
        baseline_value=baseline_value,
        baseline_date=baseline_date,
        target_value=target_value,
        target_date=target_date,
        green=green,
        amber=amber,
        unit=unit or "",
        definition=definition or "",
        data_source=data_source or "",
    )
    return KpiFacts(kpi_id, version, code, name, program_id, pillar_id, initiative_id, spec)


def load_targets(
    session: Session, as_of: date, scope: ColumnElement[bool] | None = None
) -> dict[int, list[TargetPoint]]:
    """Per KPI, the per-period targets the engine may read as of `as_of`: one statement.

    Only targets ending in the as-of date's calendar year can apply (`target_window`).
    """
    first, last = target_window(as_of)
    statement = select(
        KpiTarget.kpi_id,
        KpiTarget.period_end,
        KpiTarget.value,
        KpiTarget.revised_on,
        KpiTarget.reason,
        KpiTarget.revision,
    ).where(KpiTarget.period_end >= first, KpiTarget.period_end <= last)
    if scope is not None:
        statement = statement.join(Kpi, Kpi.id == KpiTarget.kpi_id).where(scope)
    targets: dict[int, list[TargetPoint]] = defaultdict(list)
    for kpi_id, period_end, value, revised_on, reason, revision in (
        session.connection().execute(statement).all()
    ):
        targets[kpi_id].append(TargetPoint(period_end, value, revised_on, reason or "", revision))
    return targets


def load_all_targets(session: Session, scope: ColumnElement[bool]) -> dict[int, list[TargetPoint]]:
    """Per KPI within `scope`, every target, originals and revisions, by period end then
    revision (a report's series and a template's periods read them all): one statement."""
    statement = (
        select(
            KpiTarget.kpi_id,
            KpiTarget.period_end,
            KpiTarget.value,
            KpiTarget.revised_on,
            KpiTarget.reason,
            KpiTarget.revision,
        )
        .join(Kpi, Kpi.id == KpiTarget.kpi_id)
        .where(scope)
        .order_by(KpiTarget.kpi_id, KpiTarget.period_end, KpiTarget.revision)
    )
    targets: dict[int, list[TargetPoint]] = defaultdict(list)
    for kpi_id, end, value, revised_on, reason, revision in session.connection().execute(statement):
        targets[kpi_id].append(TargetPoint(end, value, revised_on, reason or "", revision))
    return targets


def _usable(
    m: type[Measurement], measure: ColumnElement[Measure] | InstrumentedAttribute[Measure]
) -> ColumnElement[bool]:
    """What the engine counts: numerator and denominator for a ratio KPI, else a value."""
    return or_(
        and_(measure == Measure.RATIO, m.numerator.is_not(None), m.denominator.is_not(None)),
        and_(measure != Measure.RATIO, m.value.is_not(None)),
    )


def load_summaries(
    session: Session,
    as_of: date,
    scope: ColumnElement[bool] | None = None,
    *,
    periods: bool = True,
) -> dict[int, MeasuredSummary]:
    """Per KPI, the summary of its usable measurements ending on or before `as_of`.

    One statement. A GROUP BY counts and sums the usable measurements and finds
    the latest end and the maximum value per KPI; the latest period (the last
    start among those with the latest end) and the earliest period holding the
    maximum are then each found by a correlated lookup on the measurement's
    (kpi_id, ...) indexes, one row per KPI. Window functions would sort every
    measurement twice: three times slower on SQLite. Sums and maxima are typed
    as the column, so that its result processor turns SQLite's scaled integers
    back into exact Decimals.

    `periods=False` leaves out what only the traces read, and the two lookups
    that find it: the period of the maximum, the latest period's start, and the
    latest figures of KPIs not aggregated by their latest value (all None). What
    is left is all that `engine_rules.judge_summary` reads, not enough for
    `engine_summary.evaluate_summary`.
    """
    quantity = Measurement.value.type
    m = aliased(Measurement, name="m")
    totals = (
        select(
            m.kpi_id.label("kpi_id"),
            # One measure and aggregation per KPI; MAX() keeps them out of the GROUP BY.
            func.max(Kpi.measure).label("measure"),
            func.max(Kpi.aggregation).label("aggregation"),
            func.count().label("count"),
            func.sum(m.value, type_=quantity).label("value_sum"),
            func.sum(m.numerator, type_=quantity).label("numerator_sum"),
            func.sum(m.denominator, type_=quantity).label("denominator_sum"),
            func.max(m.value, type_=quantity).label("max_value"),
            func.max(m.period_end, type_=Date).label("latest_end"),
        )
        .join(Kpi, Kpi.id == m.kpi_id)
        .where(m.period_end <= as_of, _usable(m, Kpi.measure), *_within(scope))
        .group_by(m.kpi_id)
        .cte("totals")
    )
    t = totals.c
    candidate = aliased(Measurement, name="candidate")
    latest_id = (
        select(candidate.id)
        .where(
            candidate.kpi_id == t.kpi_id,
            candidate.period_end == t.latest_end,
            _usable(candidate, t.measure),
        )
        .order_by(candidate.period_start.desc())
        .limit(1)
        .scalar_subquery()
    )
    latest = aliased(Measurement, name="latest")
    figures = (t.kpi_id, t.count, t.value_sum, t.numerator_sum, t.denominator_sum, t.max_value)
    latest_figures = (t.latest_end, latest.value, latest.numerator, latest.denominator)
    if periods:
        peak = aliased(Measurement, name="peak")
        top_id = (
            select(peak.id)
            .where(
                peak.kpi_id == t.kpi_id,
                peak.period_end <= as_of,
                peak.value == t.max_value,
                _usable(peak, t.measure),
            )
            .order_by(peak.period_end, peak.period_start)
            .limit(1)
            .scalar_subquery()
        )
        top = aliased(Measurement, name="top")
        statement = (
            select(*figures, top.period_start, top.period_end, latest.period_start, *latest_figures)
            .select_from(totals)
            .join(latest, latest.id == latest_id)
            # A ratio KPI's periods may all lack a value: then there is no maximum.
            .outerjoin(top, top.id == top_id)
        )
    else:
        # CASE, so that the lookup only runs for the KPIs that read their latest value.
        wanted = case((t.aggregation == Aggregation.LATEST, latest_id))
        nothing = null().label("max_start"), null().label("max_end"), null().label("latest_start")
        statement = (
            select(*figures, *nothing, *latest_figures)
            .select_from(totals)
            .outerjoin(latest, latest.id == wanted)
        )
    # The columns come in MeasuredSummary's field order.
    return {
        kpi_id: MeasuredSummary(*values)
        for kpi_id, *values in session.connection().execute(statement).all()
    }


def evaluate_kpis(
    session: Session, as_of: date, scope: ColumnElement[bool] | None = None
) -> list[tuple[KpiFacts, Evaluation]]:
    """Every KPI within `scope` (all when None) with its evaluation: three statements."""
    kpis = load_kpis(session, scope)
    targets = load_targets(session, as_of, scope)
    summaries = load_summaries(session, as_of, scope)
    return [
        (
            kpi,
            evaluate_summary(
                kpi.spec, summaries.get(kpi.id, EMPTY_SUMMARY), targets.get(kpi.id, ()), as_of
            ),
        )
        for kpi in kpis
    ]


def judge_kpis(
    session: Session, as_of: date, scope: ColumnElement[bool] | None = None
) -> list[tuple[KpiFacts, Judgement]]:
    """`evaluate_kpis` without the traces, for roll-ups over many KPIs: three statements."""
    kpis = load_kpis(session, scope)
    targets = load_targets(session, as_of, scope)
    summaries = load_summaries(session, as_of, scope, periods=False)
    return [
        (
            kpi,
            judge_summary(
                kpi.spec, summaries.get(kpi.id, EMPTY_SUMMARY), targets.get(kpi.id, ()), as_of
            ),
        )
        for kpi in kpis
    ]
