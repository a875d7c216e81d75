"""`pilotage`: the GUI with no sub-command; headless sub-commands otherwise.

Every known problem (missing file, not a database, newer schema, locked
file, bad date) ends in one line on stderr and a non-zero exit code; only a
bug shows a traceback, and that goes to the log file.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from pilotage import __version__
from pilotage.domain.errors import PilotageError

log = logging.getLogger("pilotage")

EXIT_ERROR = 1
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (and exit code 2), like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (expected YYYY-MM-DD)") from None


def _db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        # Accepted before or after the sub-command; the innermost wins.
        default=None if top else argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: pilotage.sqlite in the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pilotage",
        description="Follow public contract-programs: pillars, initiatives and their KPIs.",
    )
    parser.add_argument("--version", action="version", version=f"pilotage {__version__}")
    _db_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = commands.add_parser("db", help="look after the database file")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, text in (
        ("info", "where the database is, its schema revision and what it holds"),
        ("upgrade", "create the database or bring its schema to the current revision"),
        ("check", "check the file's integrity, its foreign keys and its schema"),
    ):
        _db_option(db_commands.add_parser(name, help=text), top=False)
    backup = db_commands.add_parser("backup", help="write a consistent copy of a SQLite database")
    _db_option(backup, top=False)
    backup.add_argument("--out", required=True, type=Path, help="file to write the copy to")

    demo = commands.add_parser("demo", help="load the demo contract-program (ministry and MNC)")
    _db_option(demo, top=False)

    portfolio = commands.add_parser(
        "portfolio", help="print every program's tree with its KPI statuses as of a date"
    )
    _db_option(portfolio, top=False)
    portfolio.add_argument(
        "--as-of", type=iso_date, default=None, metavar="DATE", help="YYYY-MM-DD (default: today)"
    )
    portfolio.add_argument("--program", metavar="REF", help="only the program with this reference")
    portfolio.add_argument(
        "--trace", action="store_true", help="explain each KPI's figures under its line"
    )

    _report_parsers(commands)
    _exchange_parsers(commands)

    shots = commands.add_parser(
        "screenshots", help="save PNGs of the main window on each page type and of its dialogs"
    )
    shots.add_argument("folder", type=Path, metavar="DIR", help="folder to write the PNGs to")
    _db_option(shots, top=False)
    shots.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        metavar="DATE",
        help="YYYY-MM-DD (default: 2024-12-31, the end of the demo's pilot year)",
    )
    shots.add_argument(
        "--language",
        choices=("en", "fr"),
        default=None,
        help="the window's language, numbers and dates included (default: the system's)",
    )
    return parser


def _report_parsers(commands: argparse._SubParsersAction[_Parser]) -> None:
    report = commands.add_parser(
        "report", help="write an Excel report of a program or the portfolio"
    )
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    program = kinds.add_parser(
        "program",
        help="one program: summary, pillars, initiatives, KPIs, measurements, milestones, budget",
    )
    program.add_argument("--program", required=True, metavar="REF", help="the program's reference")
    portfolio = kinds.add_parser(
        "portfolio", help="every program and pillar with its KPI counts per status and progress"
    )
    for parser in (program, portfolio):
        _db_option(parser, top=False)
        parser.add_argument(
            "--out",
            required=True,
            type=Path,
            metavar="FILE.xlsx",
            help="the workbook to write (replaced if it exists)",
        )
        parser.add_argument(
            "--as-of",
            type=iso_date,
            default=None,
            metavar="DATE",
            help="YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            # The choices of services.reports.LANGUAGES, not imported: it loads the database layer.
            "--lang",
            choices=("fr", "en"),
            default=None,
            help="labels, numbers and dates in French or English (default: the system's language)",
        )


def _exchange_parsers(commands: argparse._SubParsersAction[_Parser]) -> None:
    """Data collection: templates out, figures back in; a whole program to a workbook."""
    template = commands.add_parser(
        "template", help="write a data-collection template of the KPIs due in a range of periods"
    )
    template.add_argument("--program", required=True, metavar="REF", help="the program's reference")
    template.add_argument(
        "--from",
        dest="start",
        required=True,
        type=iso_date,
        metavar="DATE",
        help="YYYY-MM-DD: the first day of the periods asked for",
    )
    template.add_argument(
        "--to",
        dest="end",
        required=True,
        type=iso_date,
        metavar="DATE",
        help="YYYY-MM-DD: the last day of the periods asked for",
    )
    template.add_argument(
        "--initiative",
        action="append",
        default=None,
        metavar="CODE",
        help="only this initiative's KPIs (repeat for several; default: every KPI of the program)",
    )
    template.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.xlsx",
        help="the workbook to write (replaced if it exists)",
    )
    template.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        help="instructions and headers in French or English (default: the system's language)",
    )
    _db_option(template, top=False)

    imported = commands.add_parser(
        "import",
        help="read a filled template (its figures) or a program workbook (a whole program)",
    )
    imported.add_argument("file", type=Path, metavar="FILE.xlsx", help="the workbook to read")
    imported.add_argument(
        "--dry-run", action="store_true", help="check and show what would change; write nothing"
    )
    imported.add_argument(
        "--apply-valid",
        action="store_true",
        help="when some rows are rejected, still write the valid ones (default: write nothing)",
    )
    imported.add_argument(
        "--errors-out",
        type=Path,
        default=None,
        metavar="FILE.xlsx",
        help="save a copy of the workbook with the rejected cells highlighted and explained",
    )
    _db_option(imported, top=False)

    export = commands.add_parser("export", help="write a whole program to a workbook")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    program = kinds.add_parser(
        "program",
        help="structure, targets, measurements, milestones and budget, to import elsewhere",
    )
    program.add_argument("--program", required=True, metavar="REF", help="the program's reference")
    program.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.xlsx",
        help="the workbook to write (replaced if it exists)",
    )
    _db_option(program, top=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = _handler(args)
    try:
        code = handler(args)
        sys.stdout.flush()  # a reader gone away (`| head -1`) is found here, not at exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except PilotageError as exc:
        print(f"pilotage: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("pilotage: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: a bug, logged in full
        where = _log_crash()
        print(f"pilotage: unexpected error: {exc!r} (details in {where})", file=sys.stderr)
        return EXIT_ERROR


def _quiet_stdout() -> None:
    """The reader of the output went away (`pilotage … | head -1`): what is left to print
    goes nowhere, as with other command-line tools, rather than a crash report (Python
    would also complain when it flushes the output at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no file behind the output
        pass


def _start(args: argparse.Namespace) -> int:
    """No sub-command: the main window (on `--db`, or the last database used).

    Not through `commands`, which imports the database layer: the window shows
    first, and that import follows (see gui/startup.py)."""
    from pilotage.gui.app import run_gui

    return run_gui(args.db)


def _handler(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    if args.command is None:
        return _start
    from pilotage import commands

    if args.command == "db":
        handlers: dict[str, Callable[[argparse.Namespace], int]] = {
            "info": commands.db_info,
            "upgrade": commands.db_upgrade,
            "check": commands.db_check,
            "backup": commands.db_backup,
        }
        return handlers[args.db_command]
    if args.command == "report":
        return {"program": commands.report_program, "portfolio": commands.report_portfolio}[
            args.report_kind
        ]
    if args.command in ("template", "import", "export"):
        from pilotage import commands_exchange

        return {
            "template": commands_exchange.template,
            "import": commands_exchange.import_file,
            "export": commands_exchange.export_program,
        }[args.command]
    return {
        "demo": commands.demo,
        "portfolio": commands.portfolio,
        "screenshots": commands.screenshots,
    }[args.command]


def _log_crash() -> Path:
    from platformdirs import user_log_path

    folder = user_log_path("pilotage", appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pilotage.log"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(traceback.format_exc())
    return path
