"""Checking a KPI's definition before it is written: every problem at once."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, RowMapping, func, or_, select
from sqlalchemy.orm import Session

from pilotage.db.base import CODE_LENGTH, NAME_LENGTH, NOTE_LENGTH, SHORT_LENGTH
from pilotage.db.schema import (
    Disaggregation,
    Initiative,
    Kpi,
    KpiTarget,
    Measurement,
    Organization,
    Pillar,
)
from pilotage.domain.enums import Aggregation, Direction, Frequency, Measure
from pilotage.domain.kpi_types import DEFAULT_AMBER, DEFAULT_GREEN
from pilotage.domain.periods import is_calendar_period, period_label
from pilotage.services.audit import render
from pilotage.services.input_types import check_types, enum_value
from pilotage.services.kpi_values import (
    PERIOD_NAMES,
    THRESHOLD_PLACES,
    check_figure,
    is_period_end,
    is_share,
    measure_problem,
    quantity,
)
from pilotage.services.validation import Checker

if TYPE_CHECKING:
    from pilotage.services.kpis import KpiInput

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
    check_types(data)
    check = Checker()
    code = check.code("code", data.code, max_length=CODE_LENGTH)
    unit = check.text("unit", data.unit, max_length=SHORT_LENGTH)
    measure = enum_value(check, "measure", data.measure, Measure, "a kind of measure")
    aggregation = enum_value(check, "aggregation", data.aggregation, Aggregation, "an aggregation")
    frequency = enum_value(check, "frequency", data.frequency, Frequency, "a frequency")
    values: dict[str, object] = {
        "code": code,
        "name": check.text("name", data.name, max_length=NAME_LENGTH, required=True),
        "definition": check.text("definition", data.definition, max_length=NOTE_LENGTH),
        "unit": unit,
        "measure": measure,
        "direction": enum_value(check, "direction", data.direction, Direction, "a direction"),
        "aggregation": aggregation,
        "frequency": frequency,
        "baseline_date": data.baseline_date,
        "target_date": data.target_date,
        "data_source": check.text("data_source", data.data_source, max_length=NOTE_LENGTH),
        "responsible_organization_id": data.responsible_organization_id,
        "means_of_verification": check.text(
            "means_of_verification", data.means_of_verification, max_length=NOTE_LENGTH
        ),
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
        switch_refused = _check_measure_change(session, check, existing, measure)
        if not switch_refused and frequency is not None:
            check_stored_figures(session, check, existing, measure, unit, frequency)
    check.raise_if_any()
    return values


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


def _check_measure_change(session: Session, check: Checker, kpi: Kpi, measure: Measure) -> bool:
    """A ratio stores numerator and denominator: switching to or from it re-reads old
    values. Whether the switch was refused."""
    if (kpi.measure is Measure.RATIO) == (measure is Measure.RATIO):
        return False
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
    return bool(held)


# How many offending periods a refusal names; the rest are counted.
_SHOWN = 3


@dataclasses.dataclass
class _Offences:
    """The stored rows one new setting of a KPI would break, with the first problem of each."""

    measurements: dict[tuple[date, date], str] = dataclasses.field(default_factory=dict)
    targets: dict[tuple[date, int], str] = dataclasses.field(default_factory=dict)

    def describe(self, heading: str) -> str:
        held = " and ".join(
            f"{len(found)} of its {kind}"
            for kind, found in (("measurements", self.measurements), ("targets", self.targets))
            if found
        )
        lines = [*self.measurements.values(), *self.targets.values()]
        shown = "; ".join(lines[:_SHOWN])
        if len(lines) > _SHOWN:
            shown += f"; and {len(lines) - _SHOWN} more"
        return f"{heading}: {held} would break its rules ({shown}): correct or remove them first"


def check_stored_figures(
    session: Session, check: Checker, kpi: Kpi, measure: Measure, unit: str, frequency: Frequency
) -> None:
    """Refuse a new measure, unit or frequency that the KPI's stored measurements or
    targets break (a count of 330 cannot become a percentage, months are not quarters).

    Two statements whatever their number: the measurements (with their
    disaggregations when the measure changes) and the targets. A switch to or
    from a ratio is refused before, by `_check_measure_change`.
    """
    measure_changed = measure is not kpi.measure
    # Of a unit, only whether it makes a ratio a share (at most 1) matters to its figures.
    share_changed = measure is Measure.RATIO and is_share(unit) != is_share(kpi.unit)
    figures_changed = measure_changed or share_changed
    periods_changed = frequency is not kpi.frequency
    if not (figures_changed or periods_changed):
        return
    figure_field = "measure" if measure_changed else "unit"
    found: dict[str, _Offences] = {}

    def note_measurement(field: str, start: date, end: date, text: str) -> None:
        found.setdefault(field, _Offences()).measurements.setdefault(
            (start, end), f"measurement {period_label(start, end)}{text}"
        )

    query = (
        select(
            Measurement.period_start,
            Measurement.period_end,
            Measurement.value,
            Measurement.numerator,
            Measurement.denominator,
        )
        .where(Measurement.kpi_id == kpi.id)
        .order_by(Measurement.period_end, Measurement.period_start)
    )
    # A measurement's categories follow its measure's rules too (no 140 in a percentage).
    parts_matter = measure_changed and measure is not Measure.RATIO
    if parts_matter:
        query = (
            query.add_columns(
                Disaggregation.dimension,
                Disaggregation.category,
                Disaggregation.value.label("part"),
            )
            .outerjoin(Disaggregation, Disaggregation.measurement_id == Measurement.id)
            .order_by(Disaggregation.dimension, Disaggregation.category)
        )
    for row in session.execute(query).mappings():
        start, end = row["period_start"], row["period_end"]
        if figures_changed:
            shown, problem = _stored_figure(measure, unit, row)
            if problem:
                note_measurement(figure_field, start, end, f": {shown} {problem}")
            part = row["part"] if parts_matter else None
            problem = (
                measure_problem(measure, "", part, measured=True) if part is not None else None
            )
            if problem:
                name = f"{row['dimension']} / {row['category']}"
                note_measurement(figure_field, start, end, f": {name} {render(part)} {problem}")
        # check_period's rule: one whole calendar period of the frequency.
        if periods_changed and not is_calendar_period(frequency, start, end):
            note_measurement(
                "frequency", start, end, f" is not a whole calendar {PERIOD_NAMES[frequency]}"
            )
    targets = session.execute(
        select(KpiTarget.period_end, KpiTarget.revision, KpiTarget.value)
        .where(KpiTarget.kpi_id == kpi.id)
        .order_by(KpiTarget.period_end, KpiTarget.revision)
    )
    for end, revision, value in targets:
        name = f"target of {end.isoformat()}" + (f" (revision {revision})" if revision else "")
        problem = measure_problem(measure, unit, value, measured=False) if figures_changed else None
        if problem:
            found.setdefault(figure_field, _Offences()).targets.setdefault(
                (end, revision), f"{name}: {render(value)} {problem}"
            )
        if periods_changed and not is_period_end(frequency, end):
            found.setdefault("frequency", _Offences()).targets.setdefault(
                (end, revision), f"{name} does not close a {PERIOD_NAMES[frequency]}"
            )
    headings = {
        "measure": f"cannot become {_kind(measure.value.replace('_', '/'))} KPI",
        "unit": f"cannot be shown in {unit or 'no unit'}",
        "frequency": f"cannot become {_kind(frequency.value.replace('_', '-'))} KPI",
    }
    for name in ("measure", "unit", "frequency"):
        if name in found:
            check.add(name, found[name].describe(headings[name]))


def _stored_figure(measure: Measure, unit: str, row: RowMapping) -> tuple[str, str | None]:
    """A stored measurement's figure as shown, and what the KPI's rules say of it."""
    value, numerator, denominator = row["value"], row["numerator"], row["denominator"]
    if measure is Measure.RATIO:
        if numerator is None or not denominator:
            return "", None  # the table's CHECK constraints keep this from happening
        shown = f"{render(numerator)} / {render(denominator)}"  # e.g. "240 / 330"
        return shown, measure_problem(measure, unit, numerator / denominator, measured=True)
    if value is None:
        return "", None
    return render(value) or "", measure_problem(measure, unit, value, measured=True)


def _kind(name: str) -> str:
    """'a quarterly', 'an amount', 'a one-off'."""
    return f"{'an' if name[0] in 'aeiu' else 'a'} {name}"
