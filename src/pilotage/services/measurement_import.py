"""Figures back in: a filled template previewed, then applied in one transaction.

`preview_import` reads the partner's workbook safely, judges every row against the
database (import_validation) and says, row by row, what would happen: new,
changed (old → new), unchanged or rejected with the cells at fault. Nothing is
written. `apply_import` reads and judges the file again inside the transaction
that writes (the database may have changed since the preview), then writes
every valid new or changed row and their audit entries at once, or nothing
when rows are rejected and the analyst did not choose to apply the valid ones.
The same file imported twice changes nothing the second time: every row is
unchanged.

What is written must be what the analyst saw: the preview keeps the SHA-256 of the
file's bytes, and the apply (and the errors copy) refuse a file whose bytes differ
(edited in Excel while the preview was open, re-saved by the mail client, replaced
on a share). A figure someone else saved between the judging and the write (possible
on PostgreSQL, where the transaction does not lock the table) refuses the whole
import rather than overwriting it or auditing an update that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import file_digest
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pilotage.db.database import Database, conflict_error
from pilotage.db.schema import Disaggregation, Measurement, metadata
from pilotage.domain.enums import AuditAction, MeasurementStatus
from pilotage.domain.errors import ConflictError, PilotageError, Problem, ValidationError
from pilotage.domain.messages import speaking
from pilotage.domain.periods import period_label
from pilotage.exchange import safe_reading
from pilotage.exchange.engine_language import import_language
from pilotage.exchange.template_reading import CellProblem, FilledTemplate, read_template
from pilotage.services import audit
from pilotage.services.identity import current_user
from pilotage.services.import_validation import Judged, RowOutcome, judge, program_of

__all__ = [
    "CellProblem",
    "FileChangedError",
    "ImportConflictError",
    "ImportPreview",
    "ImportResult",
    "PreviewRow",
    "RowOutcome",
    "apply_import",
    "preview_import",
    "save_error_copy",
]

ENTITY = "measurement"


class FileChangedError(PilotageError):
    """The workbook's bytes are not those previewed: nothing is written from it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path.name} has changed since it was previewed: preview it again "
            "(nothing was written)"
        )


class ImportConflictError(ConflictError):
    """A figure of the workbook was saved by someone else between the judging and the
    write: the whole import is refused, naming the KPI and period."""

    def __init__(
        self,
        where: str,
        entity_id: int,
        by: str | None,
        at: str | None,
        *,
        how: str = "changed",
    ) -> None:
        super().__init__(ENTITY, entity_id, by, at)
        who = f" by {by}" if by else ""
        when = f" at {at}" if at else ""
        self.args = (
            f"{where} was {how}{who}{when} while the import was being written: "
            "nothing was written; preview the workbook again",
        )

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class PreviewRow:
    sheet: str
    row: int
    kpi_id: int | None
    kpi_code: str
    kpi_name: str
    period: str  # "2024-Q3"
    outcome: RowOutcome
    old: str  # the figure recorded, as text ("" when none)
    new: str
    problems: tuple[CellProblem, ...]


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    program: str  # the program's reference
    rows: tuple[PreviewRow, ...]
    digest: str = ""  # SHA-256 of the file's bytes as previewed ("" : not checked)
    language: str = "en"  # the template's ("fr", "en"): its errors copy speaks it

    @property
    def counts(self) -> dict[RowOutcome, int]:
        found = dict.fromkeys(RowOutcome, 0)
        for row in self.rows:
            found[row.outcome] += 1
        return found

    @property
    def has_rejected(self) -> bool:
        return any(row.outcome is RowOutcome.REJECTED for row in self.rows)

    @property
    def problems(self) -> tuple[CellProblem, ...]:
        return tuple(p for row in self.rows for p in row.problems)


@dataclass(frozen=True)
class ImportResult:
    created: int
    changed: int
    unchanged: int
    skipped: int  # rejected rows, not applied


def preview_import(
    db: Database,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPreview:
    """What importing the template at `path` would do, row by row; writes nothing.

    Raises WorkbookRefusedError for a file that is not a readable Pilotage template.
    """
    digest = fingerprint(path)
    template = _read(path, progress, cancelled)
    with db.reading() as session:
        judged = judge(session, template, program_of(session, template))
    rows = tuple(_preview_row(j) for j in judged)
    return ImportPreview(path, template.program, rows, digest, template.language)


def apply_import(
    db: Database, path: Path, *, valid_only: bool = False, expected: str | None = None
) -> ImportResult:
    """Write the template's valid new and changed rows in one transaction, with their
    audit entries ("imported from figures-MNC.xlsx").

    The file is read and judged again inside the transaction. `expected` is the
    preview's digest: a file whose bytes differ (before or after this read) raises
    FileChangedError. When rows are rejected and `valid_only` is False, raises
    ValidationError listing their problems and writes nothing. A figure saved by
    someone else meanwhile raises ImportConflictError; nothing is written.
    """
    _check_unchanged(path, expected)
    template = _read(path, None, None)
    _check_unchanged(path, expected)  # nor while it was being read
    with db.transaction() as session:
        judged = judge(session, template, program_of(session, template))
        rejected = [j for j in judged if j.outcome is RowOutcome.REJECTED]
        if rejected and not valid_only:
            raise ValidationError(
                [Problem(p.where, p.message) for j in rejected for p in j.problems]
            )
        new = [j for j in judged if j.outcome is RowOutcome.NEW]
        changed = [j for j in judged if j.outcome is RowOutcome.CHANGED]
        _write(session, new, changed, f"imported from {path.name}")
    return ImportResult(
        created=len(new),
        changed=len(changed),
        unchanged=sum(j.outcome is RowOutcome.UNCHANGED for j in judged),
        skipped=len(rejected),
    )


def save_error_copy(preview: ImportPreview, out: Path) -> Path:
    """A copy of the partner's workbook at `out` with every rejected cell highlighted and
    commented, and a first sheet listing the problems, to send back. Returns `out`."""
    from pilotage.exchange.error_copy import CellMark, mark_errors

    # The marks are the preview's: on other bytes they would land on other cells.
    _check_unchanged(preview.path, preview.digest or None)
    marks = [
        CellMark(p.sheet, p.row, p.column, p.message, kpi=row.kpi_code, period=row.period)
        for row in preview.rows
        for p in row.problems
    ]
    # The list's title and headers in the template's language, as its problems are.
    with speaking(import_language(preview.language)):
        return mark_errors(preview.path, out, marks)


def fingerprint(path: Path) -> str:
    """The SHA-256 of the file's bytes, hex: what the preview saw."""
    try:
        with path.open("rb") as file:
            return file_digest(file, "sha256").hexdigest()
    except FileNotFoundError:
        raise safe_reading.WorkbookRefusedError(
            f"{path.name} does not exist (or was moved)"
        ) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise safe_reading.WorkbookRefusedError(
            f"{path.name} cannot be opened: {reason.lower()}"
        ) from None


def _check_unchanged(path: Path, expected: str | None) -> None:
    if expected is not None and fingerprint(path) != expected:
        raise FileChangedError(path)


# --- reading ---------------------------------------------------------------------------


def _read(
    path: Path,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> FilledTemplate:
    safe_reading.check_xml_protection()
    wb = _open(path)
    try:
        return read_template(wb, path, progress=progress, cancelled=cancelled)
    finally:
        wb.close()


def _open(path: Path) -> Workbook:
    return safe_reading.open_workbook(path, read_only=True)


def _preview_row(judged: Judged) -> PreviewRow:
    source = judged.source
    if source.period_start and source.period_end:
        period = period_label(source.period_start, source.period_end)
    else:
        period = source.period
    return PreviewRow(
        sheet=source.sheet,
        row=source.row,
        kpi_id=judged.kpi.id if judged.kpi else source.kpi_id,
        kpi_code=source.kpi_code,
        kpi_name=judged.kpi.name if judged.kpi else "",
        period=period,
        outcome=judged.outcome,
        old=judged.old,
        new=judged.new,
        problems=judged.problems,
    )


# --- writing ---------------------------------------------------------------------------

_MEASUREMENT = metadata.tables["measurement"]
_DISAGGREGATION = metadata.tables["disaggregation"]
_IDS_AT_ONCE = 10_000  # bound parameters of one IN (SQLite allows 32,766)


def _write(session: Session, new: list[Judged], changed: list[Judged], reason: str) -> None:
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
            raise ImportConflictError(
                "a figure of this workbook", 0, None, None, how="recorded by someone else"
            ) from None
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
            raise ImportConflictError("a figure of this workbook", 0, None, None)
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
                audit.diff(j.recorded.audited() if j.recorded else {}, j.audited()),
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
    return ImportConflictError(
        f"the figure of {code} {period}", known.entity_id, known.changed_by, known.changed_at
    )


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
