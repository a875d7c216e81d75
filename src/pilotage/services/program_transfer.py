"""A whole program to one workbook and back: export, import, and the snapshot that
proves the two equal.

Export reads the program in one statement per table and streams it to the workbook
(exchange.program_workbook). Import reads and checks the whole workbook before
anything is written (exchange.program_workbook_reading, then program_import_checks),
and writes the program in one transaction with bulk inserts and an audit entry per
row whose reason names the file (program_import_writing).

The snapshot (`program_snapshot`) is the program's content without anything that
differs by database: no ids, no versions. A measurement's entered_at is kept, at the
millisecond (a workbook's date-times hold no finer), and imported as it was written:
who entered a figure and when stays true after a migration; the import itself is
dated by its audit entries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import ContractProgram
from pilotage.domain.errors import CancelledError, PilotageError
from pilotage.domain.messages import translate
from pilotage.exchange import safe_reading
from pilotage.exchange.program_content import (
    BudgetLineContent,
    DisaggregationContent,
    InitiativeContent,
    KpiContent,
    MeasurementContent,
    MilestoneContent,
    OrganizationContent,
    PartyContent,
    PillarContent,
    ProgramContent,
    SheetProblem,
    TargetContent,
    millisecond,
)
from pilotage.exchange.program_workbook import write_program_workbook
from pilotage.exchange.program_workbook_reading import read_program_workbook
from pilotage.exchange.safe_reading import ReadLimits
from pilotage.services.program_import_checks import check_content
from pilotage.services.program_import_writing import match_organizations, write_content
from pilotage.services.program_reading import read_program

# A program workbook is larger than a partner's template: 300,000 measurements are
# about 300,000 rows and 4 million cells in one sheet.
PROGRAM_LIMITS = ReadLimits(
    max_file_bytes=300 * 1024 * 1024,
    max_uncompressed_bytes=3 * 1024 * 1024 * 1024,
    max_rows=2_000_000,
    max_cells=30_000_000,
)


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class TransferOutcome:
    """A program written to a workbook: where, which, and the rows per sheet."""

    path: Path
    reference: str
    counts: Mapping[str, int]


@dataclass(frozen=True)
class ProgramImportOutcome:
    """A program read from a workbook: the rows per sheet, and what the analyst should
    know (organizations reused, existing ones that differ from the workbook's)."""

    reference: str
    counts: Mapping[str, int]
    notes: tuple[str, ...] = ()
    dry_run: bool = False  # True: checked only, nothing written


class ProgramImportError(PilotageError):
    """A program workbook refused as a whole: every problem, where it is."""

    def __init__(self, problems: list[SheetProblem] | tuple[SheetProblem, ...]) -> None:
        self.problems: tuple[SheetProblem, ...] = tuple(problems)
        shown = "; ".join(str(p) for p in self.problems[:5])
        more = len(self.problems) - 5
        if more > 1:
            text = translate(
                "Import",
                "the program workbook was not imported: {problems} (and {count} more problems)",
            )
        elif more == 1:
            text = translate(
                "Import", "the program workbook was not imported: {problems} (and 1 more problem)"
            )
        else:
            text = translate("Import", "the program workbook was not imported: {problems}")
        super().__init__(text.format(problems=shown, count=more))


@dataclass(frozen=True)
class ProgramSnapshot:
    """A whole program, comparable across databases: equal snapshots, identical programs."""

    program: ProgramContent
    organizations: tuple[OrganizationContent, ...]
    parties: tuple[PartyContent, ...]
    pillars: tuple[PillarContent, ...]
    initiatives: tuple[InitiativeContent, ...]
    milestones: tuple[MilestoneContent, ...]
    budget_lines: tuple[BudgetLineContent, ...]
    kpis: tuple[KpiContent, ...]
    targets: tuple[TargetContent, ...]
    measurements: tuple[MeasurementContent, ...] = field(repr=False)
    disaggregations: tuple[DisaggregationContent, ...] = field(repr=False)


def export_program(db: Database, program_id: int, out: Path) -> TransferOutcome:
    """Writes the program `program_id` to the workbook `out` (replaced whole, or not at all)."""
    with db.reading() as session:
        content = read_program(session, program_id)
        counts = write_program_workbook(content, out)
    return TransferOutcome(out, content.program.reference, counts)


def program_snapshot(db: Database, program_id: int) -> ProgramSnapshot:
    with db.reading() as session:
        c = read_program(session, program_id)
        measurements = [replace(m, entered_at=millisecond(m.entered_at)) for m in c.measurements]
        disaggregations = list(c.disaggregations)
    return ProgramSnapshot(
        program=c.program,
        organizations=tuple(sorted(c.organizations, key=lambda o: (o.key, o.acronym))),
        parties=tuple(sorted(c.parties, key=lambda x: (x.organization, x.role))),
        pillars=tuple(sorted(c.pillars, key=lambda x: x.position)),
        initiatives=tuple(sorted(c.initiatives, key=lambda x: (x.pillar, x.code))),
        milestones=tuple(
            sorted(
                c.milestones,
                key=lambda x: (
                    x.pillar,
                    x.initiative,
                    x.due_date,
                    x.title,
                    x.note,
                    x.done_date or x.due_date,
                ),
            )
        ),
        budget_lines=tuple(sorted(c.budget_lines, key=lambda x: (x.pillar, x.initiative, x.year))),
        kpis=tuple(sorted(c.kpis, key=lambda x: x.key)),
        targets=tuple(sorted(c.targets, key=lambda x: (x.kpi, x.period_end, x.revision))),
        measurements=tuple(
            sorted(measurements, key=lambda x: (x.kpi, x.period_start, x.period_end))
        ),
        disaggregations=tuple(
            sorted(
                disaggregations,
                key=lambda x: (x.kpi, x.period_start, x.period_end, x.dimension, x.category),
            )
        ),
    )


def import_program(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ProgramImportOutcome:
    """Reads the program workbook at `path` and adds its program to `db`, whole or not at
    all; with `dry_run`, checks everything and writes nothing.

    Refused with every problem found (ProgramImportError): a workbook that is not a
    program workbook of a known layout, a missing sheet or column, a value of the wrong
    type, a code that names nothing, a record twice, a reference already in `db`.

    `progress(done, total)` and `cancelled()` are called every so many rows while the
    workbook is read, then between chunks of figures while they are written: reading
    counts rows, writing figures, each from 0 to its own total. Cancelled, it raises
    CancelledError and the transaction is rolled back: `db` is as it was.
    """
    if cancelled is not None and cancelled():
        raise CancelledError("reading the program workbook")
    wb = _open(path)
    try:
        reading = read_program_workbook(wb, progress, cancelled)
    finally:
        wb.close()
    if reading.content is None:
        raise ProgramImportError(reading.problems)
    content = reading.content
    problems = check_content(content, reading.rows)
    if problems:
        raise ProgramImportError(problems)
    counts = {
        "organizations": len(content.organizations),
        "parties": len(content.parties),
        "pillars": len(content.pillars),
        "initiatives": len(content.initiatives),
        "milestones": len(content.milestones),
        "budget_lines": len(content.budget_lines),
        "kpis": len(content.kpis),
        "targets": len(content.targets),
        "measurements": len(list(content.measurements)),
        "disaggregations": len(list(content.disaggregations)),
    }
    reference = content.program.reference
    with db.reading() if dry_run else db.transaction() as session:
        if session.scalar(select(ContractProgram.id).where(ContractProgram.reference == reference)):
            raise ProgramImportError(
                [SheetProblem("program", reading.rows["program"][0], "reference",
                              translate("Import", "program {reference} is already in "
                                        "{database}; nothing was imported (delete it there "
                                        "first, or import into another database)").format(
                                  reference=reference, database=db.name))]
            )  # fmt: skip
        organizations = match_organizations(session, content.organizations)
        if not dry_run:
            write_content(
                session,
                content,
                organizations,
                reason=f"imported from program workbook {path.name}",
                progress=progress,
                cancelled=cancelled,
            )
    return ProgramImportOutcome(reference, counts, tuple(organizations.notes), dry_run)


def _open(path: Path) -> Workbook:
    """The workbook, opened by the safe opener (formulas kept, never evaluated); a file
    that is not a workbook, or a hostile one, is refused with one sentence."""
    return safe_reading.open_workbook(path, read_only=True, limits=PROGRAM_LIMITS)
