"""Measurements of a KPI, period by period, with their disaggregations.

A measurement goes draft -> submitted -> validated. A validated period is
locked: it cannot be edited or deleted until it is explicitly unlocked (set
back to submitted, with a reason that goes to the audit log).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pilotage.db.database import Database, conflict_error
from pilotage.db.schema import Disaggregation, Kpi, Measurement
from pilotage.domain.enums import AuditAction, Measure, MeasurementStatus
from pilotage.domain.errors import NotFoundError, PilotageError, Problem, ValidationError
from pilotage.domain.kpi_types import Observation
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_label
from pilotage.services import audit
from pilotage.services.conflicts import MeasurementRecordedError
from pilotage.services.identity import current_user
from pilotage.services.input_types import check_value
from pilotage.services.measurement_validation import (
    DisaggregationInput,
    MeasurementInput,
    clean_measurement,
    describe_parts,
    disaggregation_warnings,
)
from pilotage.services.records import Snapshot, capture, check_version, load
from pilotage.services.validation import Checker, refuse

__all__ = [
    "DisaggregationInput",
    "DisaggregationRow",
    "MeasurementInput",
    "MeasurementRecordedError",
    "MeasurementRow",
    "delete_measurement",
    "get_measurement",
    "list_measurements",
    "observation",
    "read_measurements",
    "record_measurement",
    "set_measurement_status",
    "update_measurement",
]

ENTITY = "measurement"


@dataclass(frozen=True)
class DisaggregationRow:
    id: int
    dimension: str
    category: str
    value: Decimal


@dataclass(frozen=True)
class MeasurementRow:
    id: int
    version: int
    kpi_id: int
    period_start: date
    period_end: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: MeasurementStatus
    comment: str
    evidence_link: str
    entered_by: str
    entered_at: datetime
    disaggregations: tuple[DisaggregationRow, ...]
    # Not blocking: e.g. categories that do not add up to the total.
    warnings: tuple[Problem, ...]

    @property
    def label(self) -> str:
        """The period's short name: "2024-Q1"."""
        return period_label(self.period_start, self.period_end)

    @property
    def is_locked(self) -> bool:
        return self.status is MeasurementStatus.VALIDATED


def _parts(rows: Iterable[Disaggregation]) -> list[tuple[str, str, Decimal]]:
    return [(d.dimension, d.category, d.value) for d in rows]


def _row(measurement: Measurement, measure: Measure) -> MeasurementRow:
    return _row_of(measurement, measure, measurement.disaggregations)


def _row_of(
    measurement: Measurement, measure: Measure, disaggregations: Iterable[Disaggregation]
) -> MeasurementRow:
    """The read model of a measurement and its disaggregations, both already loaded
    (`measure`: its KPI's), so that reading it runs no statement."""
    parts = sorted(disaggregations, key=lambda d: (d.dimension, d.category))
    return MeasurementRow(
        id=measurement.id,
        version=measurement.version,
        kpi_id=measurement.kpi_id,
        period_start=measurement.period_start,
        period_end=measurement.period_end,
        value=measurement.value,
        numerator=measurement.numerator,
        denominator=measurement.denominator,
        status=measurement.status,
        comment=measurement.comment,
        evidence_link=measurement.evidence_link,
        entered_by=measurement.entered_by,
        entered_at=measurement.entered_at,
        disaggregations=tuple(
            DisaggregationRow(d.id, d.dimension, d.category, d.value) for d in parts
        ),
        warnings=disaggregation_warnings(measure, measurement.value, _parts(parts)),
    )


def observation(row: MeasurementRow) -> Observation:
    """What the engine reads of a measurement."""
    return Observation(
        period_start=row.period_start,
        period_end=row.period_end,
        value=row.value,
        numerator=row.numerator,
        denominator=row.denominator,
    )


_AUDITED = (
    "period_start",
    "period_end",
    "value",
    "numerator",
    "denominator",
    "status",
    "comment",
    "evidence_link",
)


def _audited(measurement: Measurement) -> dict[str, object]:
    """The fields the audit log follows, disaggregations as readable lines."""
    fields: dict[str, object] = {key: getattr(measurement, key) for key in _AUDITED}
    fields["disaggregations"] = describe_parts(_parts(measurement.disaggregations))
    return fields


def _refuse_if_locked(measurement: Measurement, action: str) -> None:
    if measurement.status is MeasurementStatus.VALIDATED:
        name = period_label(measurement.period_start, measurement.period_end)
        refuse(
            "status",
            f"period {name} is validated and locked, so it cannot be {action}; unlock it first "
            "(set it back to submitted, with a reason)",
        )


def _load_with_kpi(session: Session, measurement_id: int) -> tuple[Measurement, Kpi]:
    measurement = load(session, Measurement, measurement_id)
    return measurement, load(session, Kpi, measurement.kpi_id)


# --- user actions -------------------------------------------------------------


def record_measurement(db: Database, kpi_id: int, data: MeasurementInput) -> MeasurementRow:
    """Enter the figure of one period, with its disaggregations.

    A period of the KPI recorded by someone else meanwhile (or before) is refused
    with MeasurementRecordedError naming who and when; never a second row.
    """
    try:
        return _record(db, kpi_id, data)
    except _PeriodTakenError as taken:
        raise _recorded_meanwhile(db, kpi_id, data, taken.code) from taken.__cause__


class _PeriodTakenError(Exception):
    """The unique (KPI, period) refused the insert: another transaction won the race."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _recorded_meanwhile(
    db: Database, kpi_id: int, data: MeasurementInput, code: str
) -> PilotageError:
    """The refusal of a lost race, read after the rollback (PostgreSQL's failed
    transaction takes no more queries)."""
    with db.reading() as session:
        taken = _recorded_period(session, kpi_id, data)
        if taken is None:  # recorded and deleted again since: nothing to name
            return ValidationError(
                [
                    Problem(
                        "period_start",
                        translate(
                            "Conflicts", "was recorded meanwhile, then deleted: record it again"
                        ),
                    )
                ]
            )
        return taken


def _recorded_period(
    session: Session, kpi_id: int, data: MeasurementInput
) -> MeasurementRecordedError | None:
    """The refusal naming who recorded this exact period of the KPI, if someone did."""
    # Typed dates, but a caller may hand anything: clean_measurement says what is wrong.
    start: object = data.period_start
    end: object = data.period_end
    if not isinstance(start, date) or not isinstance(end, date):
        return None
    found = session.execute(
        select(Measurement.id, Kpi.code)
        .join(Kpi, Kpi.id == Measurement.kpi_id)
        .where(
            Measurement.kpi_id == kpi_id,
            Measurement.period_start == start,
            Measurement.period_end == end,
        )
    ).first()
    if found is None:
        return None
    last = conflict_error(session, ENTITY, found.id)
    return MeasurementRecordedError(
        found.code, period_label(start, end), found.id, last.changed_by, last.changed_at
    )


def _record(db: Database, kpi_id: int, data: MeasurementInput) -> MeasurementRow:
    with db.transaction() as session:
        kpi = load(session, Kpi, kpi_id)
        code = kpi.code
        recorded = _recorded_period(session, kpi_id, data)
        if recorded is not None:
            raise recorded
        try:
            clean = clean_measurement(session, kpi, data, None)
        except ValidationError:
            # On PostgreSQL another analyst may commit this very period between the look
            # above and the checks (each statement sees the latest commits): name them.
            recorded = _recorded_period(session, kpi_id, data)
            if recorded is not None:
                raise recorded from None
            raise
        measurement = Measurement(
            kpi_id=kpi_id,
            **clean.values,
            entered_by=current_user(),
            entered_at=datetime.now(UTC),
            disaggregations=[
                Disaggregation(dimension=dim, category=cat, value=value)
                for dim, cat, value in clean.parts
            ],
        )
        session.add(measurement)
        try:
            session.flush()
        except IntegrityError as exc:
            # Only on PostgreSQL (SQLite's write lock made the check above see the row).
            raise _PeriodTakenError(code) from exc
        audit.record_created(session, ENTITY, measurement.id, _audited(measurement))
        return _row(measurement, kpi.measure)


def update_measurement(
    db: Database, measurement_id: int, version: int, data: MeasurementInput
) -> MeasurementRow:
    """Change a measurement that is not validated; its disaggregations are replaced whole."""
    with db.transaction() as session:
        measurement, kpi = _load_with_kpi(session, measurement_id)
        check_version(session, measurement, version)
        _refuse_if_locked(measurement, "changed")
        clean = clean_measurement(session, kpi, data, measurement_id)
        new = {**clean.values, "disaggregations": describe_parts(clean.parts)}
        changes = audit.diff(_audited(measurement), new)
        if not changes:
            return _row(measurement, kpi.measure)
        for key, value in clean.values.items():
            setattr(measurement, key, value)
        measurement.entered_by = current_user()
        measurement.entered_at = datetime.now(UTC)
        if "disaggregations" in changes:
            measurement.disaggregations.clear()
            # Delete the old rows before inserting the new ones: a category kept
            # across the edit would otherwise break the unique constraint.
            session.flush()
            measurement.disaggregations.extend(
                Disaggregation(dimension=dim, category=cat, value=value)
                for dim, cat, value in clean.parts
            )
        session.flush()
        audit.record(session, ENTITY, measurement.id, AuditAction.UPDATE, changes)
        return _row(measurement, kpi.measure)


def set_measurement_status(
    db: Database,
    measurement_id: int,
    version: int,
    status: MeasurementStatus,
    reason: str = "",
) -> MeasurementRow:
    """Move a measurement along draft -> submitted -> validated, or unlock a validated one.

    Unlocking (validated back to submitted) needs a reason; a validated
    measurement goes back to draft only through submitted.
    """
    with db.transaction() as session:
        measurement, kpi = _load_with_kpi(session, measurement_id)
        check_version(session, measurement, version)
        check = Checker()
        why = ""
        if check_value(check, "reason", reason, str):
            why = check.text("reason", reason, max_length=None)
        try:
            new = MeasurementStatus(str(status))
        except ValueError:
            refuse("status", f"{status!r} is not a measurement status")
        old = measurement.status
        if old is MeasurementStatus.VALIDATED and new is MeasurementStatus.DRAFT:
            check.add("status", "a validated measurement is unlocked to submitted first")
        if old is MeasurementStatus.VALIDATED and new is MeasurementStatus.SUBMITTED and not why:
            check.add("reason", "is required to unlock a validated period: say why it reopens")
        check.raise_if_any()
        if new is not old:
            measurement.status = new
            session.flush()
            audit.record(
                session,
                ENTITY,
                measurement.id,
                AuditAction.UPDATE,
                audit.diff({"status": old}, {"status": new}),
                reason=why,
            )
        return _row(measurement, kpi.measure)


def delete_measurement(db: Database, measurement_id: int, version: int) -> Snapshot:
    """Delete a measurement that is not validated, with its disaggregations."""
    with db.transaction() as session:
        measurement = load(session, Measurement, measurement_id)
        check_version(session, measurement, version)
        _refuse_if_locked(measurement, "deleted")
        snapshot = capture(session, ENTITY, [measurement_id])
        values = {"kpi_id": measurement.kpi_id, **_audited(measurement)}
        label = period_label(measurement.period_start, measurement.period_end)
        session.delete(measurement)
        session.flush()
        audit.record_cascade(session, snapshot, f"deleted with measurement {label}")
        audit.record_deleted(session, ENTITY, measurement_id, values, snapshot)
        return snapshot


def get_measurement(db: Database, measurement_id: int) -> MeasurementRow:
    with db.reading() as session:
        measurement, kpi = _load_with_kpi(session, measurement_id)
        return _row(measurement, kpi.measure)


def list_measurements(db: Database, kpi_id: int) -> list[MeasurementRow]:
    """A KPI's measurements by period, with disaggregations, in three statements
    (the KPI, its measurements, their disaggregations) whatever their number."""
    with db.reading() as session:
        measure = session.scalar(select(Kpi.measure).where(Kpi.id == kpi_id))
        if measure is None:
            raise NotFoundError("kpi", kpi_id)
        return read_measurements(session, kpi_id, measure)


def read_measurements(session: Session, kpi_id: int, measure: Measure) -> list[MeasurementRow]:
    """A KPI's measurements by period end (then start), with their disaggregations, in
    two statements whatever their number; `measure`: the KPI's, read by the caller.

    The disaggregations are read with a subquery on the KPI rather than an eager
    load, whose IN list would be split into a statement per 500 measurements.
    """
    measurements = session.scalars(
        select(Measurement)
        .where(Measurement.kpi_id == kpi_id)
        .order_by(Measurement.period_end, Measurement.period_start)
    ).all()
    of_this_kpi = select(Measurement.id).where(Measurement.kpi_id == kpi_id).scalar_subquery()
    parts: dict[int, list[Disaggregation]] = defaultdict(list)
    for d in session.scalars(
        select(Disaggregation).where(Disaggregation.measurement_id.in_(of_this_kpi))
    ):
        parts[d.measurement_id].append(d)
    return [_row_of(m, measure, parts[m.id]) for m in measurements]
