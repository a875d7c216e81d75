"""What an import reads of the database, set-based: the template's program, its KPIs and
the measurements of the rows' KPIs with their disaggregations, in one statement each."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from pilotage.db.schema import (
    ContractProgram,
    Disaggregation,
    Initiative,
    Kpi,
    Measurement,
    Pillar,
)
from pilotage.domain.enums import Frequency, Measure, MeasurementStatus
from pilotage.domain.messages import translate
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.exchange.template_reading import FilledTemplate
from pilotage.services.measured import program_scope
from pilotage.services.measurement_validation import describe_parts

Parts = tuple[tuple[str, str, Decimal], ...]


@dataclass(frozen=True)
class KpiFact:
    id: int
    code: str
    name: str
    measure: Measure
    unit: str
    frequency: Frequency


@dataclass(frozen=True)
class Recorded:
    """A measurement already in the database, as the import compares it."""

    id: int
    version: int
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: MeasurementStatus
    comment: str
    evidence_link: str
    parts: Parts

    def audited(self) -> dict[str, object]:
        return audited(self.status, self.comment, self.evidence_link, self.parts, self.figures())

    def figures(self) -> dict[str, Decimal | None]:
        return {"value": self.value, "numerator": self.numerator, "denominator": self.denominator}


def audited(
    status: MeasurementStatus,
    comment: str,
    link: str,
    parts: Parts,
    figures: Mapping[str, Decimal | None],
) -> dict[str, object]:
    """The fields of a measurement the audit log follows (as services/measurements does)."""
    return {
        **figures,
        "status": status,
        "comment": comment,
        "evidence_link": link,
        "disaggregations": describe_parts(sorted(parts)),
    }


@dataclass(frozen=True)
class ProgramFound:
    """The program a template's figures go to, as this database names it."""

    id: int
    reference: str


def program_of(session: Session, template: FilledTemplate) -> ProgramFound:
    """The program the marker names, or a refusal. A program is never chosen by the rows'
    hidden KPI ids: a template written by another database carries that database's ids,
    which may name the KPIs of another program here (a renamed copy holds the same
    codes), and its figures would land there. When the ids name the KPIs of one program
    of this database (one row's id and code naming the same KPI), the refusal names it as
    a hint: the analyst may have renamed the program, and writes a new template. One
    statement, two when the reference is unknown."""
    found = session.execute(
        select(ContractProgram.id, ContractProgram.reference).where(
            ContractProgram.reference == template.program
        )
    ).first()
    if found is not None:
        return ProgramFound(found.id, found.reference)
    named = template.program or translate("Import", "(none named)")
    other = _program_of_ids(session, template)
    if other is None:
        refusal = translate(
            "Import", "this template is for program {program}, which this database does not hold"
        )
        raise WorkbookRefusedError(refusal.format(program=named))
    refusal = translate(
        "Import",
        "this template is for program {program}, which this database does not hold (its "
        "hidden identifiers are those of program {other}'s KPIs: if {program} was renamed "
        "{other}, write a new template from it)",
    )
    raise WorkbookRefusedError(refusal.format(program=named, other=other.reference))


def _program_of_ids(session: Session, template: FilledTemplate) -> ProgramFound | None:
    """The one program of this database the template's ids (of all its rows) name, when
    one row's id and code both name the same KPI of it: a hint only, never a choice."""
    codes = {i: code.strip().casefold() for i, code in template.all_identities() if i}
    if not codes:
        return None
    pillar, initiative, initiative_pillar = aliased(Pillar), aliased(Initiative), aliased(Pillar)
    owner = func.coalesce(Kpi.program_id, pillar.program_id, initiative_pillar.program_id)
    statement = (
        select(Kpi.id, Kpi.code, ContractProgram.id.label("program"), ContractProgram.reference)
        .outerjoin(pillar, pillar.id == Kpi.pillar_id)
        .outerjoin(initiative, initiative.id == Kpi.initiative_id)
        .outerjoin(initiative_pillar, initiative_pillar.id == initiative.pillar_id)
        .join(ContractProgram, ContractProgram.id == owner)
        .where(Kpi.id.in_(sorted(codes)))
    )
    rows = session.execute(statement).all()
    programs = {(row.program, row.reference) for row in rows}
    agreeing = any(codes[row.id] == row.code.casefold() for row in rows)
    if len(rows) != len(codes) or len(programs) != 1 or not agreeing:
        return None
    ((program, reference),) = programs
    return ProgramFound(program, reference)


def read_program_kpis(session: Session, program_id: int) -> dict[int, KpiFact]:
    """Every KPI of the program, at any level, by id: one statement. A program has tens of
    KPIs, not thousands: the rows are then matched by id or by code in memory."""
    statement = select(Kpi.id, Kpi.code, Kpi.name, Kpi.measure, Kpi.unit, Kpi.frequency).where(
        program_scope(program_id)
    )
    return {
        row.id: KpiFact(row.id, row.code, row.name, row.measure, row.unit or "", row.frequency)
        for row in session.execute(statement)
    }


_RECORDED = (
    *(Measurement.id, Measurement.version, Measurement.kpi_id, Measurement.period_start),
    *(Measurement.period_end, Measurement.value, Measurement.numerator, Measurement.denominator),
    *(Measurement.status, Measurement.comment, Measurement.evidence_link),
)


def read_recorded(
    session: Session,
    kpi_ids: set[int],
    periods: tuple[date, date] | None = None,
    whole: frozenset[int] = frozenset(),
) -> dict[int, list[Recorded]]:
    """The measurements of these KPIs with their disaggregations: two statements. With
    `periods` (the first day and the last of the rows judged), only the measurements whose
    period meets that range: the only ones a row can match or overlap (a large program's
    other years are not read). The KPIs of `whole` (one-off KPIs: their one figure is
    found by the KPI, whatever its day) are read whatever their periods."""
    of_kpis: ColumnElement[bool] = Measurement.kpi_id.in_(sorted(kpi_ids - whole))
    if periods is not None:
        first, last = periods
        of_kpis = and_(of_kpis, Measurement.period_end >= first, Measurement.period_start <= last)
    if whole:
        of_kpis = or_(of_kpis, Measurement.kpi_id.in_(sorted(whole & kpi_ids)))
    parts: dict[int, list[tuple[str, str, Decimal]]] = defaultdict(list)
    for d in session.execute(
        select(Disaggregation.measurement_id, Disaggregation.dimension, Disaggregation.category)
        .add_columns(Disaggregation.value)
        .join(Measurement, Measurement.id == Disaggregation.measurement_id)
        .where(of_kpis)
    ):
        parts[d.measurement_id].append((d.dimension, d.category, d.value))
    found: dict[int, list[Recorded]] = defaultdict(list)
    for m in session.execute(select(*_RECORDED).where(of_kpis).order_by(Measurement.period_start)):
        found[m.kpi_id].append(
            Recorded(
                m.id,
                m.version,
                m.period_start,
                m.period_end,
                m.value,
                m.numerator,
                m.denominator,
                m.status,
                m.comment or "",
                m.evidence_link or "",
                tuple(sorted(parts[m.id])),
            )
        )
    return found
