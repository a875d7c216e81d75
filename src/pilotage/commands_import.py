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
from pathlib import Path

from pilotage.db.database import Database, open_database
from pilotage.domain.errors import PilotageError

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
    database = open_database(args.db, create=args.db is None)
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
    for row in preview.rows:
        if row.outcome is RowOutcome.CHANGED:
            print(f"changed: {row.kpi_code} {row.period}: {row.old} → {row.new}")
    problems = preview.problems
    for problem in problems[:PROBLEMS_SHOWN]:
        print(str(problem))
    if len(problems) > PROBLEMS_SHOWN:
        print(f"... and {len(problems) - PROBLEMS_SHOWN} more")
    if errors_out is not None and preview.has_rejected:
        print(f"rejected cells marked in {save_error_copy(preview, errors_out)}")
    rejected = counts[RowOutcome.REJECTED]
    valid = counts[RowOutcome.NEW] + counts[RowOutcome.CHANGED]
    if args.dry_run:
        print(f"dry run: nothing written to {database.name}")
        return 1 if rejected else 0
    if rejected and not args.apply_valid:
        rows = "row is" if rejected == 1 else "rows are"
        print(
            f"pilotage: nothing written: {rejected} {rows} rejected; correct the workbook and "
            f"import it again, or add --apply-valid to write the {valid} valid "
            f"row{'s' if valid != 1 else ''} alone",
            file=sys.stderr,
        )
        return 1
    if not valid:
        print(f"nothing to write: {database.name} already holds every figure of {path.name}")
        return 0
    result = apply_import(database, path, valid_only=args.apply_valid)
    left_out = f"; {result.skipped} rejected rows left out" if result.skipped else ""
    print(
        f"written to {database.name}: {result.created} new, {result.changed} changed "
        f"({result.unchanged} unchanged{left_out})"
    )
    return 0


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
