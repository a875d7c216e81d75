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

Languages: a filled template's problems speak the template's language (the partner reads
them, in the errors copy too: import_validation, template_reading, error_copy); every
refusal here (the file changed, missing, in conflict) is the analyst's and speaks the
window's (`translate("Import", …)`: Qt's translator in the window, English on the command
line), and none is raised inside the partner's `speaking` scope.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from hashlib import file_digest
from pathlib import Path

from openpyxl import Workbook

from pilotage.db.database import Database
from pilotage.domain.errors import PilotageError, Problem, ValidationError
from pilotage.domain.messages import translate
from pilotage.domain.periods import period_label
from pilotage.exchange import safe_reading
from pilotage.exchange.file_checks import missing, unopenable
from pilotage.exchange.template_reading import CellProblem, FilledTemplate, read_template
from pilotage.services.import_outcomes import Judged, RowOutcome
from pilotage.services.import_validation import judge, program_of
from pilotage.services.import_writing import ImportConflictError, write_judged

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


class FileChangedError(PilotageError):
    """The workbook's bytes are not those previewed: nothing is written from it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            translate(
                "Import",
                "{name} has changed since it was previewed: preview it again (nothing was written)",
            ).format(name=path.name)
        )


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
        program = program_of(session, template)  # by the marker's reference only
        judged = judge(session, template, program)
    rows = tuple(_preview_row(j) for j in judged)
    return ImportPreview(path, program.reference, rows, digest, template.language)


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
        write_judged(session, new, changed, f"imported from {path.name}")
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
    # The list's title and headers in the template's language, as its problems are; a
    # refusal to make the copy is the analyst's, in the window's.
    return mark_errors(preview.path, out, marks, language=preview.language)


def fingerprint(path: Path) -> str:
    """The SHA-256 of the file's bytes, hex: what the preview saw."""
    try:
        with path.open("rb") as file:
            return file_digest(file, "sha256").hexdigest()
    except FileNotFoundError:
        raise safe_reading.WorkbookRefusedError(missing(path.name)) from None
    except OSError as error:
        raise safe_reading.WorkbookRefusedError(unopenable(path.name, error)) from None


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
        # The KPI's code now (corrected since the template went out?), else the template's.
        kpi_code=judged.kpi.code if judged.kpi else source.kpi_code,
        kpi_name=judged.kpi.name if judged.kpi else "",
        period=period,
        outcome=judged.outcome,
        old=judged.old,
        new=judged.new,
        problems=judged.problems,
    )
