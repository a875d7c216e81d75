"""`pilotage template`: the data-collection template of a program's KPIs due in a range.

The output path is checked before the database is opened (a bad path costs
nothing); every error the analyst can fix is one line (PilotageError), exit 1.
"""

from __future__ import annotations

import argparse

from sqlalchemy import select

from pilotage.commands import _reason, open_reading, report_target, system_language
from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Pillar
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.services.programs import find_program
from pilotage.services.templates import TemplateOutcome, write_template


def run(args: argparse.Namespace) -> int:
    if args.start > args.end:
        raise PilotageError(
            f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}: "
            "the range of periods would be empty"
        )
    out = report_target(args.out, "the template")
    database = open_reading(args.db, create=args.db is None)
    try:
        program = find_program(database, args.program)
        if program is None:
            raise NotFoundError("program", args.program)
        initiative_ids = None
        if args.initiative:
            initiative_ids = _initiative_ids(
                database, program.id, program.reference, args.initiative
            )
        language = args.lang or system_language()
        try:
            outcome = write_template(
                database,
                program.id,
                args.start,
                args.end,
                language,
                out,
                initiative_ids=initiative_ids,
            )
        except OSError as exc:  # a full disk, a folder removed meanwhile, a file open elsewhere
            raise PilotageError(f"cannot write the template to {out}: {_reason(exc)}") from None
    finally:
        database.close()
    _print(outcome)
    return 0


def _initiative_ids(
    database: Database, program_id: int, reference: str, codes: list[str]
) -> list[int]:
    """The ids of the program's initiatives named by `codes` (case as typed, spaces trimmed)."""
    with database.reading() as session:
        found = dict(
            session.execute(
                select(Initiative.code, Initiative.id)
                .join(Pillar, Pillar.id == Initiative.pillar_id)
                .where(Pillar.program_id == program_id)
            ).all()
        )
    ids: list[int] = []
    for code in codes:
        key = code.strip()
        if key not in found:
            known = ", ".join(sorted(found)) or "none"
            raise PilotageError(
                f"program {reference} has no initiative {key!r} (its initiatives: {known})"
            )
        ids.append(found[key])
    return ids


def _print(outcome: TemplateOutcome) -> None:
    print(f"template written to {outcome.path}")
    rows = "row" if outcome.rows == 1 else "rows"
    kpis = "KPI" if outcome.kpis == 1 else "KPIs"
    print(f"{outcome.rows:,} {rows} to fill, for {outcome.kpis:,} {kpis}")
