"""Writing the judged rows of a filled template: inserts, updates and audit entries at once.

measurement_import judges the rows (import_validation) inside the transaction and hands
the new and changed ones here. A figure someone else saved between the judging and the
write (possible on PostgreSQL, where the transaction does not lock the table) refuses
the whole import (ImportConflictError) rather than overwriting it or auditing an update
that did not happen. That refusal is the analyst's: it speaks the window's language
(`translate("Import", …)`; English on the command line), raised outside the partner's
`speaking` scope (the judging's).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pilotage.db.database import conflict_error
from pilotage.db.schema import Disaggregation, Measurement, metadata
from pilotage.domain.enums import AuditAction, MeasurementStatus
from pilotage.domain.errors import ConflictError
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_label
from pilotage.services import audit
from pilotage.services.identity import current_user
from pilotage.services.import_outcomes import Judged

__all__ = ["ENTITY", "ImportConflictError", "write_judged"]

ENTITY = "measurement"


class ImportConflictError(ConflictError):
    """A figure of the workbook was saved by someone else between the judging and the
    write: the whole import is refused, naming the KPI and period."""

    def __init__(
        self,
        figure: tuple[str, str] | None,
        entity_id: int,
        by: str | None,
        at: str | None,
        *,
        recorded: bool = False,
    ) -> None:
        """`figure` the KPI's code and the period (None: which one is not known);
        `recorded`: a new figure recorded by someone else, rather than one changed."""
        super().__init__(ENTITY, entity_id, by, at)
        self.args = (_conflict_sentence(figure, by, at, recorded=recorded),)

    def __str__(self) -> str:
        return str(self.args[0])


_MEASUREMENT = metadata.tables["measurement"]
_DISAGGREGATION = metadata.tables["disaggregation"]
_IDS_AT_ONCE = 10_000  # bound parameters of one IN (SQLite allows 32,766)


def write_judged(session: Session, new: list[Judged], changed: list[Judged], reason: str) -> None:
    """New rows inserted, changed rows updated, their disaggregations replaced: a few
    executemany statements whatever the number of rows, then the audit entries."""
    who, now = current_user(), datetime.now(UTC)
    entries: list[tuple[str, int, AuditAction, dict[str, tuple[str | None, str | None]]]] = []
    if new:
        rows = [
            {
                "version": 1,
                "kpi_id": j.kpi.id if j.kpi else 0,
                "period_start": j.source.period_start,
                "period_end": j.source.period_end,
                **j.figures,
                "status": MeasurementStatus.SUBMITTED,
                "comment": j.comment,
                "evidence_link": j.evidence_link,
                "entered_by": who,
                "entered_at": now,
            }
            for j in new
        ]
        statement = insert(Measurement).returning(Measurement.id, sort_by_parameter_order=True)
        try:
            ids = [int(i) for i in session.scalars(statement, rows)]
        except IntegrityError:
            # A KPI and period recorded by someone else since the judging (PostgreSQL; on
            # SQLite the transaction holds the lock): the one constraint a judged new row
            # can meet. Which one cannot be asked: the failed transaction takes no query.
            raise ImportConflictError(None, 0, None, None, recorded=True) from None
        _add_parts(session, zip(ids, new, strict=True))
        entries += [
            (ENTITY, i, AuditAction.CREATE, audit.diff({}, _created(j)))
            for i, j in zip(ids, new, strict=True)
        ]
    if changed:
        _check_versions(session, changed)
        result = session.execute(
            update(_MEASUREMENT)
            .where(
                _MEASUREMENT.c.id == bindparam("m_id"),
                _MEASUREMENT.c.version == bindparam("m_version"),
            )
            .values(
                version=_MEASUREMENT.c.version + 1,
                # A one-off's figure moved to its date reached; any other row keeps its period.
                period_start=bindparam("m_start"),
                period_end=bindparam("m_end"),
                value=bindparam("m_value", type_=_MEASUREMENT.c.value.type),
                numerator=bindparam("m_numerator", type_=_MEASUREMENT.c.numerator.type),
                denominator=bindparam("m_denominator", type_=_MEASUREMENT.c.denominator.type),
                comment=bindparam("m_comment"),
                evidence_link=bindparam("m_link"),
                entered_by=who,
                entered_at=now,
            ),
            [
                {
                    "m_id": _recorded_id(j),
                    "m_version": j.recorded.version if j.recorded else 0,
                    "m_start": j.source.period_start,
                    "m_end": j.source.period_end,
                    "m_value": j.figures.get("value"),
                    "m_numerator": j.figures.get("numerator"),
                    "m_denominator": j.figures.get("denominator"),
                    "m_comment": j.comment,
                    "m_link": j.evidence_link,
                }
                for j in changed
            ],
        )
        if result.rowcount != len(changed):  # type: ignore[attr-defined]
            # Saved between the check above and this write (where the database took no
            # lock): refuse it all. Which one is not known: each row's version moved by one.
            raise ImportConflictError(None, 0, None, None)
        replaced = [j for j in changed if j.recorded and j.recorded.parts != j.parts]
        if replaced:
            session.execute(
                delete(Disaggregation).where(
                    Disaggregation.measurement_id.in_([_recorded_id(j) for j in replaced])
                )
            )
            _add_parts(session, ((_recorded_id(j), j) for j in replaced))
        entries += [
            (
                ENTITY,
                _recorded_id(j),
                AuditAction.UPDATE,
                audit.diff(*j.compared()),
            )
            for j in changed
        ]
    audit.record_many(session, entries, reason)


def _check_versions(session: Session, changed: list[Judged]) -> None:
    """Refuse the import when a measurement it updates is no longer the version it was
    judged on; the rows are locked (FOR UPDATE, a no-op on SQLite, whose transaction
    already holds the write lock) so that none changes before the update."""
    ids = [_recorded_id(j) for j in changed]
    current: dict[int, int] = {}
    for first in range(0, len(ids), _IDS_AT_ONCE):
        rows = session.execute(
            select(_MEASUREMENT.c.id, _MEASUREMENT.c.version)
            .where(_MEASUREMENT.c.id.in_(ids[first : first + _IDS_AT_ONCE]))
            .with_for_update()
        )
        current.update((int(mid), int(version)) for mid, version in rows)
    for judged in changed:
        assert judged.recorded is not None
        if current.get(judged.recorded.id) != judged.recorded.version:
            raise _conflict(session, judged)


def _conflict(session: Session, judged: Judged) -> ImportConflictError:
    """The refusal naming the KPI and period, and who changed it last and when."""
    known = conflict_error(session, ENTITY, _recorded_id(judged))
    source = judged.source
    period = (
        period_label(source.period_start, source.period_end)
        if source.period_start and source.period_end
        else source.period
    )
    code = judged.kpi.code if judged.kpi else source.kpi_code
    return ImportConflictError((code, period), known.entity_id, known.changed_by, known.changed_at)


def _conflict_sentence(
    figure: tuple[str, str] | None, by: str | None, at: str | None, *, recorded: bool
) -> str:
    """The analyst's sentence, whole in each case (another language orders it otherwise)."""
    if figure is None:
        if recorded:
            return translate(
                "Import",
                "a figure of this workbook was recorded by someone else while the import was "
                "being written: nothing was written; preview the workbook again",
            )
        return translate(
            "Import",
            "a figure of this workbook was changed while the import was being written: "
            "nothing was written; preview the workbook again",
        )
    if by and at:
        text = translate(
            "Import",
            "the figure of {code} {period} was changed by {by} at {at} while the import was "
            "being written: nothing was written; preview the workbook again",
        )
    elif by:
        text = translate(
            "Import",
            "the figure of {code} {period} was changed by {by} while the import was being "
            "written: nothing was written; preview the workbook again",
        )
    elif at:
        text = translate(
            "Import",
            "the figure of {code} {period} was changed at {at} while the import was being "
            "written: nothing was written; preview the workbook again",
        )
    else:
        text = translate(
            "Import",
            "the figure of {code} {period} was changed while the import was being written: "
            "nothing was written; preview the workbook again",
        )
    code, period = figure
    return text.format(code=code, period=period, by=by, at=at)


def _recorded_id(judged: Judged) -> int:
    assert judged.recorded is not None
    return judged.recorded.id


def _created(judged: Judged) -> dict[str, object]:
    """A new measurement's fields as the audit log records a creation."""
    return {
        "period_start": judged.source.period_start,
        "period_end": judged.source.period_end,
        **judged.audited(),
    }


def _add_parts(session: Session, owned: Iterable[tuple[int, Judged]]) -> None:
    rows = [
        {"version": 1, "measurement_id": mid, "dimension": d, "category": c, "value": v}
        for mid, j in owned
        for d, c, v in j.parts
    ]
    if rows:
        session.execute(insert(_DISAGGREGATION), rows)
