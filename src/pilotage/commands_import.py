"""`pilotage import FILE`: figures from a filled template, or a whole program workbook.

The workbook's marker says which: a program workbook goes to commands_transfer. For a
template, the preview is printed first (how many rows are new, changed, unchanged and
rejected, then every problem on its own line, "Figures!K12 (Value): ..."), then:
`--dry-run` writes nothing; when every row is valid they are written; when some are
rejected nothing is written unless `--apply-valid` asks for the valid ones.
`--errors-out FILE` saves the partner's workbook with the rejected cells marked.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pilotage.commands import open_reading
from pilotage.db.database import Database, open_database
from pilotage.domain.errors import PilotageError

if TYPE_CHECKING:
    from pilotage.services.measurement_import import CellProblem, PreviewRow

PROBLEMS_SHOWN = 200  # lines of problems printed; the count says how many more


def run(args: argparse.Namespace) -> int:
    from pilotage.exchange.workbook_marker import WorkbookKind
    from pilotage.services.workbook_files import workbook_kind

    path: Path = args.file
    if not path.is_file():
        raise PilotageError(f"cannot import {path}: there is no such file")
    if workbook_kind(path) is WorkbookKind.PROGRAM:
        from pilotage import commands_transfer

        return commands_transfer.run_import(args)
    errors_out = _errors_target(args.errors_out, path) if args.errors_out else None
    # A dry run only previews: like the reading commands, read only on a held file.
    opening = open_reading if args.dry_run else open_database
    database = opening(args.db, create=args.db is None)
    try:
        return _import_figures(database, path, args, errors_out)
    finally:
        database.close()


def _import_figures(
    database: Database, path: Path, args: argparse.Namespace, errors_out: Path | None
) -> int:
    from pilotage.services.measurement_import import (
        RowOutcome,
        apply_import,
        preview_import,
        save_error_copy,
    )

    preview = preview_import(database, path)
    counts = preview.counts
    print(
        f"{path.name}: figures of program {preview.program}: "
        f"{counts[RowOutcome.NEW]} new, {counts[RowOutcome.CHANGED]} changed, "
        f"{counts[RowOutcome.UNCHANGED]} unchanged, {counts[RowOutcome.REJECTED]} rejected"
    )
    _print_rows(preview.rows)
    problems = [_problem_line(row, p) for row in preview.rows for p in row.problems]
    for line in problems[:PROBLEMS_SHOWN]:
        print(line)
    if len(problems) > PROBLEMS_SHOWN:
        print(f"... and {len(problems) - PROBLEMS_SHOWN} more")
    if errors_out is not None:
        if preview.has_rejected:
            print(f"rejected cells marked in {save_error_copy(preview, errors_out)}")
        else:
            print("no row is rejected: no errors copy written")
    if not preview.rows:
        # Most often the blank template sent out, picked instead of the partner's reply.
        print(
            f"pilotage: nothing to import: {path.name} has no filled row (is it the "
            "template sent out rather than the partner's reply?)",
            file=sys.stderr,
        )
        return 1
    rejected = counts[RowOutcome.REJECTED]
    valid = counts[RowOutcome.NEW] + counts[RowOutcome.CHANGED]
    if args.dry_run:
        print(f"dry run: nothing written to {database.name}")
        return 1 if rejected else 0
    if rejected and not valid:
        if counts[RowOutcome.UNCHANGED]:
            what = f"{_rows(rejected)} rejected, and the other rows' figures are already recorded"
        else:
            what = f"every row is rejected ({_rows(rejected)})"
        print(
            f"pilotage: nothing written: {what}; correct the workbook and import it again",
            file=sys.stderr,
        )
        return 1
    if rejected and not args.apply_valid:
        print(
            f"pilotage: nothing written: {_rows(rejected)} "
            f"{'is' if rejected == 1 else 'are'} rejected; correct the workbook and "
            f"import it again, or add --apply-valid to write the {_rows(valid, 'valid')} "
            "alone",
            file=sys.stderr,
        )
        return 1
    if not valid:
        print(f"nothing to write: {database.name} already holds every figure of {path.name}")
        return 0
    # What is written is what was just shown: a file changed since is refused.
    result = apply_import(
        database, path, valid_only=args.apply_valid, expected=preview.digest or None
    )
    left_out = f"; {_rows(result.skipped, 'rejected')} left out" if result.skipped else ""
    print(
        f"written to {database.name}: {result.created} new, {result.changed} changed "
        f"({result.unchanged} unchanged{left_out})"
    )
    return 0


def _problem_line(row: PreviewRow, problem: CellProblem) -> str:
    """ "Data!K14 JIT-APP 2025-Q1 (Value): must be a whole number": the cell, then which
    figure it is (a cell alone does not say it to the analyst reading the list)."""
    place = f"{problem.sheet}!{problem.column}{problem.row}"
    figure = " ".join(part for part in (row.kpi_code, row.period) if part)
    header = f" ({problem.header})" if problem.header else ""
    return f"{place}{' ' + figure if figure else ''}{header}: {problem.message}"


def _rows(number: int, kind: str = "") -> str:
    """ "1 row", "3 valid rows"."""
    word = "row" if number == 1 else "rows"
    return f"{number} {kind} {word}" if kind else f"{number} {word}"


def _print_rows(rows: Sequence[PreviewRow]) -> None:
    """The new and changed rows, so that a dry run is a real preview (at most
    PROBLEMS_SHOWN lines; the count says how many more)."""
    from pilotage.services.measurement_import import RowOutcome

    listed = [r for r in rows if r.outcome in (RowOutcome.NEW, RowOutcome.CHANGED)]
    for row in listed[:PROBLEMS_SHOWN]:
        if row.outcome is RowOutcome.NEW:
            print(f"new: {row.kpi_code} {row.period}: {row.new}")
        else:
            print(f"changed: {row.kpi_code} {row.period}: {row.old} → {row.new}")
    if len(listed) > PROBLEMS_SHOWN:
        print(f"... and {len(listed) - PROBLEMS_SHOWN} more new or changed rows")


def _errors_target(out: Path, source: Path) -> Path:
    """Where the copy with the errors marked goes, checked before anything is read."""
    path = out.expanduser().absolute()
    refused = f"cannot save the errors to {path}"
    if path.suffix.lower() != ".xlsx":
        raise PilotageError(f"{refused}: an Excel workbook's name ends in .xlsx")
    if not path.parent.is_dir():
        raise PilotageError(f"{refused}: there is no folder {path.parent}")
    if path.exists() and path.samefile(source):
        raise PilotageError(f"{refused}: it is the workbook being imported; give another name")
    return path
