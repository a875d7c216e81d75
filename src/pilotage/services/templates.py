"""A data-collection template as a user action: which KPIs and periods are due, with their
targets and the figures already recorded, read in five statements and written by
exchange/template_workbook.

Rows: for each KPI of the program (its own, its pillars' and its initiatives'; only
the chosen initiatives' when some are chosen), each calendar period of the KPI's
frequency whose last day falls in [start, end]. A one-off KPI has one figure in
all: its row is dated by the figure already recorded (so that a correction
replaces it rather than adds a second one), else by its final target date, else
by the range's last day; it appears when that date falls in the range.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram, Initiative, Kpi, KpiTarget, Measurement, Pillar
from pilotage.domain.engine_rules import target_value
from pilotage.domain.enums import Frequency
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.domain.kpi_types import TargetPoint
from pilotage.domain.periods import period_bounds
from pilotage.exchange import template_workbook as workbook
from pilotage.exchange.template_workbook import TemplateData, TemplateRow
from pilotage.services.clock import local_today
from pilotage.services.measured import KpiFacts, load_kpis, program_scope

LANGUAGES = ("fr", "en")
# Far below Excel's 1,048,576 rows: a template is filled by a person; a range this long
# is a slip (a year typed wrong), said in one sentence rather than written for minutes.
MAX_ROWS = 200_000


@dataclass(frozen=True)
class TemplateOutcome:
    path: Path
    rows: int  # one per KPI and period due
    kpis: int  # KPIs with at least one row


class _Owner(NamedTuple):
    label: str  # "P1 / P1-JIT"
    order: tuple[int, int, str, str]  # the program's own KPIs first, then by pillar


class _Recorded(NamedTuple):
    start: date
    end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None


def write_template(
    db: Database,
    program_id: int,
    start: date,
    end: date,
    language: str,
    out: Path,
    *,
    initiative_ids: Collection[int] | None = None,
) -> TemplateOutcome:
    """The template of the KPIs due from `start` to `end`, in `language`, written to `out`
    (whole or not at all). Raises PilotageError when there is nothing to ask for."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown template language {language!r}: one of {LANGUAGES}")
    if start > end:
        raise PilotageError(
            f"the range of periods starts on {start.isoformat()}, after its end on "
            f"{end.isoformat()}"
        )
    data = template_data(db, program_id, start, end, initiative_ids=initiative_ids)
    rows = workbook.write_template(data, language, out)
    return TemplateOutcome(out, rows, data.kpi_count)


def template_data(
    db: Database,
    program_id: int,
    start: date,
    end: date,
    *,
    initiative_ids: Collection[int] | None = None,
) -> TemplateData:
    """What the template shows, read in five statements whatever the program's size."""
    with db.reading() as session:
        program = session.execute(
            select(ContractProgram.reference, ContractProgram.title).where(
                ContractProgram.id == program_id
            )
        ).first()
        if program is None:
            raise NotFoundError("program", program_id)
        reference, title = program
        owners, codes = _owners(session, program_id, reference)
        scope = program_scope(program_id)
        chosen: tuple[str, ...] = ()
        if initiative_ids is not None:
            unknown = sorted(set(initiative_ids) - codes.keys())
            if unknown:
                raise PilotageError(f"initiative {unknown[0]} is not one of program {reference}'s")
            if not initiative_ids:
                raise PilotageError("no initiative was chosen: choose one at least")
            scope = Kpi.initiative_id.in_(sorted(set(initiative_ids)))
            chosen = tuple(sorted(codes[i] for i in set(initiative_ids)))
        kpis = load_kpis(session, scope)
        targets = _targets(session, scope)
        recorded = _recorded(session, scope, start, end)
    rows = _rows(kpis, owners, targets, recorded, start, end)
    if not rows:
        raise PilotageError(
            f"no KPI of {', '.join(chosen) or reference} has a period ending from "
            f"{start.isoformat()} to {end.isoformat()}: there is nothing to collect"
        )
    return TemplateData(reference, title, start, end, local_today(), chosen, tuple(rows))


def _owners(
    session: Session, program_id: int, reference: str
) -> tuple[dict[tuple[str, int], _Owner], dict[int, str]]:
    """Who each KPI belongs to, as the partner reads it, and the initiatives' codes: one
    statement."""
    found = session.execute(
        select(Pillar.id, Pillar.code, Pillar.position, Initiative.id, Initiative.code)
        .outerjoin(Initiative, Initiative.pillar_id == Pillar.id)
        .where(Pillar.program_id == program_id)
    ).all()
    owners: dict[tuple[str, int], _Owner] = {
        ("program", program_id): _Owner(reference, (0, 0, "", ""))
    }
    codes: dict[int, str] = {}
    for pillar_id, pillar_code, position, initiative_id, initiative_code in found:
        owners["pillar", pillar_id] = _Owner(pillar_code, (1, position, pillar_code, ""))
        if initiative_id is not None:
            owners["initiative", initiative_id] = _Owner(
                f"{pillar_code} / {initiative_code}", (1, position, pillar_code, initiative_code)
            )
            codes[initiative_id] = initiative_code
    return owners, codes


def _targets(session: Session, scope: ColumnElement[bool]) -> dict[int, list[TargetPoint]]:
    """Every target of the KPIs in scope, originals and revisions: one statement."""
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
    )
    targets: dict[int, list[TargetPoint]] = defaultdict(list)
    for kpi_id, period_end, value, revised_on, reason, revision in session.execute(statement):
        targets[kpi_id].append(TargetPoint(period_end, value, revised_on, reason or "", revision))
    return targets


def _recorded(
    session: Session, scope: ColumnElement[bool], start: date, end: date
) -> dict[int, list[_Recorded]]:
    """The figures already recorded for periods ending in the range, and every figure of
    the one-off KPIs (whose one row takes their date): one statement."""
    statement = (
        select(
            Measurement.kpi_id,
            Measurement.period_start,
            Measurement.period_end,
            Measurement.value,
            Measurement.numerator,
            Measurement.denominator,
        )
        .join(Kpi, Kpi.id == Measurement.kpi_id)
        .where(
            scope,
            or_(
                and_(Measurement.period_end >= start, Measurement.period_end <= end),
                Kpi.frequency == Frequency.ONE_OFF,
            ),
        )
        .order_by(Measurement.kpi_id, Measurement.period_end, Measurement.period_start)
    )
    recorded: dict[int, list[_Recorded]] = defaultdict(list)
    for kpi_id, first, last, value, numerator, denominator in session.execute(statement):
        recorded[kpi_id].append(_Recorded(first, last, value, numerator, denominator))
    return recorded


@lru_cache(maxsize=32)  # the same few frequencies and ranges, for every KPI
def periods_ending_in(
    frequency: Frequency, start: date, end: date
) -> tuple[tuple[date, date], ...]:
    """The calendar periods of `frequency` whose last day falls in [start, end], in order."""
    found: list[tuple[date, date]] = []
    first, last = period_bounds(frequency, start)
    while last <= end:
        if last >= start:
            found.append((first, last))
        if last == date.max:  # 9999-12-31 has no next day
            break
        first, last = period_bounds(frequency, last + timedelta(days=1))
    return tuple(found)


def _due(
    kpi: KpiFacts, recorded: Sequence[_Recorded], start: date, end: date
) -> tuple[tuple[date, date], ...]:
    if kpi.spec.frequency is not Frequency.ONE_OFF:
        return periods_ending_in(kpi.spec.frequency, start, end)
    if recorded:  # the latest figure: a correction replaces it, never adds a second
        period = recorded[-1].start, recorded[-1].end
    else:
        day = kpi.spec.target_date or end
        period = day, day
    return (period,) if start <= period[1] <= end else ()


def _rows(
    kpis: Sequence[KpiFacts],
    owners: dict[tuple[str, int], _Owner],
    targets: dict[int, list[TargetPoint]],
    recorded: dict[int, list[_Recorded]],
    start: date,
    end: date,
) -> list[TemplateRow]:
    due = {kpi.id: _due(kpi, recorded.get(kpi.id, ()), start, end) for kpi in kpis}
    total = sum(len(periods) for periods in due.values())
    if total > MAX_ROWS:
        raise PilotageError(
            f"the template would have {total:,} rows (at most {MAX_ROWS:,}): choose a shorter "
            "range of periods or fewer initiatives"
        )
    keyed: list[tuple[tuple[int, int, str, str], str, date, date, TemplateRow]] = []
    for kpi in kpis:
        kind, owner_id = kpi.owner
        owner = owners.get((kind.value, owner_id), _Owner("", (2, 0, "", "")))
        figures = {(r.start, r.end): r for r in recorded.get(kpi.id, ())}
        spec = kpi.spec
        one_off_due = spec.target_date if spec.frequency is Frequency.ONE_OFF else None
        for first, last in due[kpi.id]:
            figure = figures.get((first, last))
            row = TemplateRow(
                kpi_id=kpi.id,
                period_start=first,
                period_end=last,
                owner=owner.label,
                kpi_code=kpi.code,
                kpi_name=kpi.name,
                unit=spec.unit,
                measure=spec.measure,
                # A one-off KPI's one figure answers its final target, whatever its date.
                target=target_value(spec, targets.get(kpi.id, ()), one_off_due or last),
                recorded_value=figure.value if figure else None,
                recorded_numerator=figure.numerator if figure else None,
                recorded_denominator=figure.denominator if figure else None,
            )
            keyed.append((owner.order, kpi.code, last, first, row))
    keyed.sort(key=lambda k: (k[0], k[1], k[2], k[3], k[4].kpi_id))
    return [k[4] for k in keyed]
