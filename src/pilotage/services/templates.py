"""A data-collection template as a user action: which KPIs and periods are due, with their
targets and the figures already recorded, read in five statements and written by
exchange/template_workbook.

Rows: for each KPI of the program (its own, its pillars' and its initiatives'; only
the chosen initiatives' when some are chosen), each calendar period of the KPI's
frequency whose last day falls in [start, end] and that is due: it ends on or after
the KPI's life starts (the latest of the program's start, its initiative's start
and its baseline date) and starts on or before its life ends (the program's end,
or its initiative's when earlier). A one-off KPI has one figure in all: its row is
dated by the figure already recorded (so that a correction replaces it rather than
adds a second one), else by its final target date, else by the range's last day;
it appears when that date falls in the range.

A row whose figure is validated is marked so (the template locks it), and a
recorded split is shown so that a corrected total can come back with its split.

Its refusals (nothing to collect, a range backwards, too many rows) are the analyst's:
whole `translate("Import", …)` templates, days and numbers as the window writes them
(English and ISO days on the command line).
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
from pilotage.db.schema import (
    ContractProgram,
    Disaggregation,
    Initiative,
    Kpi,
    Measurement,
    Pillar,
)
from pilotage.domain.engine_rules import target_value
from pilotage.domain.enums import Frequency, MeasurementStatus, OwnerKind
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.domain.formatting import format_day, styled
from pilotage.domain.kpi_types import TargetPoint
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_bounds
from pilotage.exchange import template_workbook as workbook
from pilotage.exchange.template_workbook import TemplateData, TemplateRow
from pilotage.services.clock import local_today
from pilotage.services.measured import KpiFacts, load_all_targets, load_kpis, program_scope

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
    validated: bool = False
    parts: tuple[tuple[str, str, Decimal], ...] = ()


class _Life(NamedTuple):
    """The days a KPI's periods are due within: a period ending before `first` or
    starting after `last` is not asked for."""

    first: date
    last: date


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
            translate(
                "Import", "the range of periods starts on {start}, after its end on {end}"
            ).format(start=format_day(start), end=format_day(end))
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
            select(
                ContractProgram.reference,
                ContractProgram.title,
                ContractProgram.start_date,
                ContractProgram.end_date,
            ).where(ContractProgram.id == program_id)
        ).first()
        if program is None:
            raise NotFoundError("program", program_id)
        reference, title, program_start, program_end = program
        owners, codes, spans = _owners(session, program_id, reference)
        scope = program_scope(program_id)
        chosen: tuple[str, ...] = ()
        if initiative_ids is not None:
            unknown = sorted(set(initiative_ids) - codes.keys())
            if unknown:
                raise PilotageError(
                    translate(
                        "Import", "initiative {initiative} is not one of program {program}'s"
                    ).format(initiative=unknown[0], program=reference)
                )
            if not initiative_ids:
                raise PilotageError(
                    translate("Import", "no initiative was chosen: choose one at least")
                )
            scope = Kpi.initiative_id.in_(sorted(set(initiative_ids)))
            chosen = tuple(sorted(codes[i] for i in set(initiative_ids)))
        kpis = load_kpis(session, scope)
        targets = load_all_targets(session, scope)
        recorded = _recorded(session, scope, start, end)
    lives = {kpi.id: _life(kpi, _Life(program_start, program_end), spans) for kpi in kpis}
    rows = _rows(kpis, owners, targets, recorded, start, end, lives)
    if not rows:
        raise PilotageError(
            translate(
                "Import",
                "no KPI of {owners} has a period due ending from {start} to {end} (the program "
                "runs from {program_start} to {program_end}): there is nothing to collect",
            ).format(
                owners=", ".join(chosen) or reference,
                start=format_day(start),
                end=format_day(end),
                program_start=format_day(program_start),
                program_end=format_day(program_end),
            )
        )
    return TemplateData(
        reference,
        title,
        start,
        end,
        local_today(),
        chosen,
        tuple(rows),
        first_day=program_start,  # a one-off's date reached lies within the program
        last_day=program_end,
    )


_Spans = dict[int, tuple[date | None, date | None]]  # an initiative's start and end, if set


def _owners(
    session: Session, program_id: int, reference: str
) -> tuple[dict[tuple[str, int], _Owner], dict[int, str], _Spans]:
    """Who each KPI belongs to, as the partner reads it, the initiatives' codes and their
    dates: one statement."""
    found = session.execute(
        select(
            Pillar.id,
            Pillar.code,
            Pillar.position,
            Initiative.id,
            Initiative.code,
            Initiative.start_date,
            Initiative.end_date,
        )
        .outerjoin(Initiative, Initiative.pillar_id == Pillar.id)
        .where(Pillar.program_id == program_id)
    ).all()
    owners: dict[tuple[str, int], _Owner] = {
        ("program", program_id): _Owner(reference, (0, 0, "", ""))
    }
    codes: dict[int, str] = {}
    spans: _Spans = {}
    for pillar_id, pillar_code, position, initiative_id, initiative_code, first, last in found:
        owners["pillar", pillar_id] = _Owner(pillar_code, (1, position, pillar_code, ""))
        if initiative_id is not None:
            owners["initiative", initiative_id] = _Owner(
                f"{pillar_code} / {initiative_code}", (1, position, pillar_code, initiative_code)
            )
            codes[initiative_id] = initiative_code
            spans[initiative_id] = (first, last)
    return owners, codes, spans


def _life(kpi: KpiFacts, program: _Life, spans: _Spans) -> _Life:
    """From the latest of the program's start, the initiative's and the KPI's baseline
    date, to the earliest of the program's end and the initiative's."""
    firsts, lasts = [program.first], [program.last]
    kind, owner_id = kpi.owner
    if kind is OwnerKind.INITIATIVE:
        initiative_first, initiative_last = spans.get(owner_id, (None, None))
        firsts += [initiative_first] if initiative_first else []
        lasts += [initiative_last] if initiative_last else []
    if kpi.spec.baseline_date is not None:
        firsts.append(kpi.spec.baseline_date)
    return _Life(max(firsts), min(lasts))


def _recorded(
    session: Session, scope: ColumnElement[bool], start: date, end: date
) -> dict[int, list[_Recorded]]:
    """The figures already recorded for periods ending in the range, with their status and
    split, and every figure of the one-off KPIs (whose one row takes their date): one
    statement (a measurement comes once per part of its split)."""
    statement = (
        select(
            Measurement.id,
            Measurement.kpi_id,
            Measurement.period_start,
            Measurement.period_end,
            Measurement.value,
            Measurement.numerator,
            Measurement.denominator,
            Measurement.status,
            Disaggregation.dimension,
            Disaggregation.category,
            Disaggregation.value,
        )
        .join(Kpi, Kpi.id == Measurement.kpi_id)
        .outerjoin(Disaggregation, Disaggregation.measurement_id == Measurement.id)
        .where(
            scope,
            or_(
                and_(Measurement.period_end >= start, Measurement.period_end <= end),
                Kpi.frequency == Frequency.ONE_OFF,
            ),
        )
        .order_by(
            Measurement.kpi_id,
            Measurement.period_end,
            Measurement.period_start,
            Measurement.id,
            Disaggregation.dimension,
            Disaggregation.category,
        )
    )
    recorded: dict[int, list[_Recorded]] = defaultdict(list)
    last_id = None
    for (
        measurement_id, kpi_id, first, last, value, numerator, denominator, status,
        dimension, category, part,
    ) in session.execute(statement):  # fmt: skip
        figures = recorded[kpi_id]
        if measurement_id != last_id:
            validated = status == MeasurementStatus.VALIDATED
            figures.append(_Recorded(first, last, value, numerator, denominator, validated))
            last_id = measurement_id
        if dimension is not None:
            split = (*figures[-1].parts, (dimension, category, part))
            figures[-1] = figures[-1]._replace(parts=split)
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
    kpi: KpiFacts, recorded: Sequence[_Recorded], start: date, end: date, life: _Life
) -> tuple[tuple[date, date], ...]:
    frequency = kpi.spec.frequency
    if frequency is not Frequency.ONE_OFF:
        # Ending in [start, end] and from the life's first day, starting by its last day
        # (so ending by the end of the period holding that day).
        last_due = period_bounds(frequency, life.last)[1]
        return periods_ending_in(frequency, max(start, life.first), min(end, last_due))
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
    lives: dict[int, _Life],
) -> list[TemplateRow]:
    due = {kpi.id: _due(kpi, recorded.get(kpi.id, ()), start, end, lives[kpi.id]) for kpi in kpis}
    total = sum(len(periods) for periods in due.values())
    if total > MAX_ROWS:
        raise PilotageError(
            translate(
                "Import",
                "the template would have {count} rows (at most {limit}): choose a shorter "
                "range of periods or fewer initiatives",
            ).format(count=styled(f"{total:,}"), limit=styled(f"{MAX_ROWS:,}"))
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
                recorded_validated=figure.validated if figure else False,
                recorded_parts=figure.parts if figure else (),
                # A one-off's period is its day: the partner may give the day it was reached.
                one_off=spec.frequency is Frequency.ONE_OFF and first == last,
            )
            keyed.append((owner.order, kpi.code, last, first, row))
    keyed.sort(key=lambda k: (k[0], k[1], k[2], k[3], k[4].kpi_id))
    return [k[4] for k in keyed]
