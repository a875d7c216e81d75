"""Checking a KPI's definition before it is written: every problem at once."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from pilotage.db.base import CODE_LENGTH, NAME_LENGTH, SHORT_LENGTH
from pilotage.db.schema import Initiative, Kpi, KpiTarget, Measurement, Organization, Pillar
from pilotage.domain.enums import Aggregation, Direction, Frequency, Measure
from pilotage.domain.kpi_types import DEFAULT_AMBER, DEFAULT_GREEN
from pilotage.services.kpi_values import THRESHOLD_PLACES, check_figure, quantity
from pilotage.services.validation import Checker

if TYPE_CHECKING:
    from pilotage.services.kpis import KpiInput

E = TypeVar("E", bound=StrEnum)

_ZERO = Decimal(0)
_ONE = Decimal(1)
# A ratio is a sum of numerators over a sum of denominators (or the latest one):
# averaging or taking the best of the period ratios would weigh them wrongly.
_RATIO_AGGREGATIONS = frozenset({Aggregation.SUM, Aggregation.LATEST})


def program_kpis(program_id: int) -> ColumnElement[bool]:
    """KPIs of the program, of its pillars and of their initiatives, in one condition."""
    pillar_ids = select(Pillar.id).where(Pillar.program_id == program_id)
    initiative_ids = (
        select(Initiative.id)
        .join(Pillar, Initiative.pillar_id == Pillar.id)
        .where(Pillar.program_id == program_id)
    )
    return or_(
        Kpi.program_id == program_id,
        Kpi.pillar_id.in_(pillar_ids),
        Kpi.initiative_id.in_(initiative_ids),
    )


def clean_kpi(
    session: Session, data: KpiInput, program_id: int, existing: Kpi | None
) -> dict[str, object]:
    check = Checker()
    code = check.code("code", data.code, max_length=CODE_LENGTH)
    unit = check.text("unit", data.unit, max_length=SHORT_LENGTH)
    measure = enum_value(check, "measure", data.measure, Measure, "a kind of measure")
    aggregation = enum_value(check, "aggregation", data.aggregation, Aggregation, "an aggregation")
    values: dict[str, object] = {
        "code": code,
        "name": check.text("name", data.name, max_length=NAME_LENGTH, required=True),
        "definition": (data.definition or "").strip(),
        "unit": unit,
        "measure": measure,
        "direction": enum_value(check, "direction", data.direction, Direction, "a direction"),
        "aggregation": aggregation,
        "frequency": enum_value(check, "frequency", data.frequency, Frequency, "a frequency"),
        "baseline_date": data.baseline_date,
        "target_date": data.target_date,
        "data_source": (data.data_source or "").strip(),
        "responsible_organization_id": data.responsible_organization_id,
        "means_of_verification": (data.means_of_verification or "").strip(),
    }
    for field in ("baseline_value", "target_value"):
        raw: Decimal | None = getattr(data, field)
        if measure is None:
            values[field] = quantity(check, field, raw)
        else:
            values[field] = check_figure(
                check, field, raw, measure=measure, unit=unit, measured=False
            )
    check.date_order(
        "target_date", data.baseline_date, data.target_date, "must not be before the baseline date"
    )
    if measure is Measure.RATIO and aggregation not in (None, *_RATIO_AGGREGATIONS):
        check.add(
            "aggregation",
            "a ratio is never averaged: choose sum (total numerator over total denominator) "
            "or latest value",
        )
    values["green"], values["amber"] = _thresholds(check, data.green, data.amber)
    if data.responsible_organization_id is not None and (
        session.get(Organization, data.responsible_organization_id) is None
    ):
        check.add("responsible_organization_id", "is not a known organization")
    if code:
        _check_code_free(session, check, code, program_id, existing)
    if existing is not None and measure is not None:
        _check_measure_change(session, check, existing, measure)
    check.raise_if_any()
    return values


def enum_value(check: Checker, field: str, value: object, enum: type[E], what: str) -> E | None:
    """`value` as a member of `enum` (a form may send its plain text), or a problem."""
    try:
        return enum(str(value))
    except ValueError:
        check.add(field, f"{value!r} is not {what}")
        return None


def _thresholds(
    check: Checker, green: Decimal | None, amber: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """Green and amber are shares of the expected progress, in (0, 1], amber <= green."""
    before = len(check.problems)
    cleaned: list[Decimal | None] = []
    for field, value in (("green", green), ("amber", amber)):
        number = check.decimal(field, value, places=THRESHOLD_PLACES)
        if number is not None and not _ZERO < number <= _ONE:
            check.add(field, "must be above 0 and at most 1 (0.9 means 90% of the expected pace)")
        cleaned.append(number)
    good, fair = cleaned
    if len(check.problems) > before or (good is None and fair is None):
        return good, fair
    # Compare what the engine will use, its defaults included.
    used_green = DEFAULT_GREEN if good is None else good
    used_amber = DEFAULT_AMBER if fair is None else fair
    if used_amber <= used_green:
        pass
    elif fair is None:
        check.add(
            "amber",
            f"the default amber threshold {DEFAULT_AMBER} is above the green threshold "
            f"{used_green}: set an amber threshold of at most {used_green}",
        )
    else:
        default = "" if good is not None else "default "
        check.add("amber", f"must not be above the {default}green threshold {used_green}")
    return good, fair


def _check_code_free(
    session: Session, check: Checker, code: str, program_id: int, existing: Kpi | None
) -> None:
    query = select(Kpi.code).where(program_kpis(program_id))
    if existing is not None:
        query = query.where(Kpi.id != existing.id)
    if code.casefold() in {c.casefold() for c in session.scalars(query)}:
        check.add("code", f"{code} is already the code of another KPI of this program")


def _check_measure_change(session: Session, check: Checker, kpi: Kpi, measure: Measure) -> None:
    """A ratio stores numerator and denominator: switching to or from it re-reads old values."""
    if (kpi.measure is Measure.RATIO) == (measure is Measure.RATIO):
        return
    measurements = session.scalar(
        select(func.count()).select_from(Measurement).where(Measurement.kpi_id == kpi.id)
    )
    targets = session.scalar(
        select(func.count()).select_from(KpiTarget).where(KpiTarget.kpi_id == kpi.id)
    )
    held = [
        f"{n} {name}{'s' if n != 1 else ''}"
        for n, name in ((measurements or 0, "measurement"), (targets or 0, "target"))
        if n
    ]
    if held:
        check.add(
            "measure",
            f"cannot change to or from a ratio while the KPI has {' and '.join(held)}: "
            "their stored values would change meaning",
        )
