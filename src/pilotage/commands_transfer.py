"""`pilotage export program` and `pilotage import` of a program workbook: a whole
program moved between databases through one workbook.

The import is whole or nothing: every problem is printed (sheet, row, column and a
sentence) and nothing is written. `--apply-valid` and `--errors-out` belong to figures
from a template; a program workbook has no "valid rows" to keep apart.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from pilotage.commands import open_reading, report_target
from pilotage.db.database import open_database
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.services.programs import find_program

PROBLEMS_SHOWN = 200  # lines of problems printed; the count says how many more


def run_export(args: argparse.Namespace) -> int:
    from pilotage.services.program_transfer import export_program  # openpyxl: only here

    out = report_target(args.out)  # before the database is opened: a bad path costs nothing
    database = open_reading(args.db, create=args.db is None)
    try:
        program = find_program(database, args.program)
        if program is None:
            raise NotFoundError("program", args.program)
        try:
            outcome = export_program(database, program.id, out)
        except OSError as exc:  # a full disk, a folder removed meanwhile, a file open elsewhere
            reason = (exc.strerror or str(exc)).lower()
            raise PilotageError(f"cannot write the program to {out}: {reason}") from None
    finally:
        database.close()
    print(f"program {outcome.reference} written to {outcome.path}")
    print(_counts(outcome.counts))
    return 0


def run_import(args: argparse.Namespace) -> int:
    """`pilotage import FILE` for a program workbook (commands_import hands it over)."""
    from pilotage.services.program_transfer import ProgramImportError, import_program

    for option, given in (("--apply-valid", args.apply_valid), ("--errors-out", args.errors_out)):
        if given:
            print(
                f"note: {option} is for a filled template; a program workbook is imported "
                "whole or not at all",
                file=sys.stderr,
            )
    # A dry run only checks (it reads): read only on a file another instance holds.
    opening = open_reading if args.dry_run else open_database
    database = opening(args.db, create=args.db is None)
    try:
        try:
            outcome = import_program(database, args.file, dry_run=args.dry_run)
        except ProgramImportError as refused:
            for problem in refused.problems[:PROBLEMS_SHOWN]:
                print(str(problem), file=sys.stderr)
            count = len(refused.problems)
            if count > PROBLEMS_SHOWN:
                print(f"... and {count - PROBLEMS_SHOWN} more", file=sys.stderr)
            plural = "s" if count > 1 else ""
            print(
                f"pilotage: {args.file.name} was not imported ({count} problem{plural}); "
                f"{database.name} is unchanged",
                file=sys.stderr,
            )
            return 1
        name = database.name
    finally:
        database.close()
    if outcome.dry_run:
        print(f"dry run: program {outcome.reference} can be imported into {name}; nothing written")
    else:
        print(f"program {outcome.reference} imported into {name} from {args.file.name}")
    print(_counts(outcome.counts))
    for note in outcome.notes:
        print(f"note: {note}")
    return 0


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{name.replace('_', ' ')} {count:,}" for name, count in counts.items())
