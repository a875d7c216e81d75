"""What each `pilotage` sub-command does, on top of the services."""

from __future__ import annotations

import argparse
import locale
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sqlalchemy import func, select
from sqlalchemy.engine import URL

from pilotage.db import migrate
from pilotage.db.database import Database, open_database
from pilotage.db.engine import create_db_engine, database_url, display_name, sqlite_path
from pilotage.db.errors import DatabaseError
from pilotage.db.file_lock import FileLockHeldError
from pilotage.db.schema import ContractProgram, Kpi, Measurement, metadata
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.services.clock import local_today
from pilotage.services.demo import load_demo
from pilotage.services.identity import ILLUSTRATIVE_USER, set_user_name
from pilotage.services.programs import find_program

if TYPE_CHECKING:
    from pilotage.services.reports import ReportOutcome


def open_reading(target: str | None, *, create: bool = False, upgrade: bool = True) -> Database:
    """The database of a command that writes nothing: held like any opening when the
    file is free (so it can be created or upgraded); read only, said on stderr, when
    another instance of Pilotage holds it, rather than refused."""
    try:
        return open_database(target, create=create, upgrade=upgrade)
    except FileLockHeldError as held:
        print(f"note: {held.path} is open in Pilotage {held.who}: read only", file=sys.stderr)
        return open_database(target, upgrade=False, read_only=True)


def db_info(args: argparse.Namespace) -> int:
    # Looking never changes the file: a schema to upgrade is reported, not upgraded.
    database = open_reading(args.db, upgrade=False)
    try:
        with database.reading() as session:
            programs = session.scalar(select(func.count()).select_from(ContractProgram)) or 0
            kpis = session.scalar(select(func.count()).select_from(Kpi)) or 0
            measurements = session.scalar(select(func.count()).select_from(Measurement)) or 0
        revision = migrate.current_revision(database.engine)
        lines = [
            ("database", database.name),
            ("engine", database.engine.dialect.name),
            ("schema", f"{revision} (current: {migrate.head_revision()})"),
        ]
        path = database.path
        if path is not None:
            lines.append(("size", f"{path.stat().st_size:,} bytes"))
        lines += [
            ("programs", f"{programs:,}"),
            ("KPIs", f"{kpis:,}"),
            ("measurements", f"{measurements:,}"),
        ]
        width = max(len(k) for k, _ in lines)
        for key, value in lines:
            print(f"{key:<{width}}  {value}")
        return 0
    finally:
        database.close()


def db_upgrade(args: argparse.Namespace) -> int:
    url = database_url(args.db)
    path = sqlite_path(url)
    if path is not None:
        before = migrate.inspect_sqlite_file(path).revision if path.exists() else None
    else:
        before = _server_revision(url)
    database = open_database(args.db, create=True)
    try:
        after = migrate.current_revision(database.engine)
        if before == after:
            print(f"{database.name} is up to date (schema {after})")
        else:
            print(f"{database.name}: schema {before or 'empty'} -> {after}")
        return 0
    finally:
        database.close()


def _server_revision(url: URL) -> str | None:
    """The schema revision of a server database before it is touched (None: empty)."""
    engine = create_db_engine(url)
    try:
        return migrate.current_revision(engine)
    except Exception:  # unreachable server: open_database will say why, in one line
        return None
    finally:
        engine.dispose()


def db_check(args: argparse.Namespace) -> int:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    database = open_reading(args.db, upgrade=False)
    problems: list[str] = []
    try:
        with database.engine.connect() as connection:
            if database.engine.dialect.name == "sqlite":
                verdict = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                if verdict != ["ok"]:
                    problems += [f"integrity: {line}" for line in verdict[:20]]
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                problems += [f"foreign key: {row}" for row in broken[:20]]
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            problems += [f"schema differs: {d}" for d in compare_metadata(context, metadata)]
    finally:
        database.close()
    if problems:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"{database.name}: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{database.name}: no problem found")
    return 0


def db_backup(args: argparse.Namespace) -> int:
    url = database_url(args.db)
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError(
            f"{display_name(url)} is a server database: back it up with the server's tools"
        )
    # Opening first refuses a missing, foreign, too-new or outdated file with its own message.
    open_reading(args.db, upgrade=False).close()
    copy = migrate.backup_sqlite(path, args.out.expanduser().resolve())
    print(f"backup written to {copy}")
    return 0


def demo(args: argparse.Namespace) -> int:
    database = open_database(args.db, create=True)
    try:
        program = load_demo(database)
        print(f"demo program {program.reference} loaded into {database.name}")
        return 0
    finally:
        database.close()


def portfolio(args: argparse.Namespace) -> int:
    # The default file is made on first use, as the window does; a named one must exist.
    database = open_reading(args.db, create=args.db is None)
    try:
        as_of = args.as_of or local_today()
        return _print_portfolio(database, as_of, args.program, args.trace, sys.stdout)
    finally:
        database.close()


def report_program(args: argparse.Namespace) -> int:
    from pilotage.services.reports import program_report  # openpyxl: only for a report

    out = report_target(args.out)  # before anything is opened: a bad path costs nothing
    database = open_reading(args.db, create=args.db is None)
    try:
        program = find_program(database, args.program)
        if program is None:
            raise NotFoundError("program", args.program)
        as_of, language = args.as_of or local_today(), args.lang or system_language()
        outcome = _writing(out, lambda: program_report(database, program.id, as_of, language, out))
    finally:
        database.close()
    _print_outcome(outcome)
    return 0


def report_portfolio(args: argparse.Namespace) -> int:
    from pilotage.services.reports import portfolio_report

    out = report_target(args.out)
    database = open_reading(args.db, create=args.db is None)
    try:
        as_of, language = args.as_of or local_today(), args.lang or system_language()
        outcome = _writing(out, lambda: portfolio_report(database, as_of, language, out))
    finally:
        database.close()
    _print_outcome(outcome)
    return 0


def system_language() -> str:
    """ "fr" where the system's locale is French (as the window chooses), "en" elsewhere."""
    name = locale.getlocale()[0] or ""  # "fr_FR" on Linux and macOS, "French_France" on Windows
    return "fr" if name.lower().startswith("fr") else "en"


def report_target(out: Path, what: str = "the report") -> Path:
    """`out` made absolute, once it is known that a workbook can be written there.

    Writing into the folder is tried for real (a file created and removed at once):
    permissions, read-only disks and the rights of an administrator are judged by the
    system, not guessed. Nothing is left behind either way.
    """
    path = out.expanduser().absolute()
    refused = f"cannot write {what} to {path}"
    if path.is_dir():
        raise PilotageError(f"{refused}: it is a folder (give a file name ending in .xlsx)")
    if path.suffix.lower() != ".xlsx":
        raise PilotageError(f"{refused}: an Excel workbook's name ends in .xlsx")
    if not path.parent.is_dir():
        raise PilotageError(f"{refused}: there is no folder {path.parent}")
    if path.exists() and not os.access(path, os.W_OK):
        raise PilotageError(f"{refused}: the file is read-only")
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".pilotage-", suffix=".probe"):
            pass
    except OSError as exc:
        raise PilotageError(f"{refused}: {_reason(exc)}") from None
    return path


def _writing(out: Path, write: Callable[[], ReportOutcome]) -> ReportOutcome:
    """The report written by `write`; a system error while writing becomes one line."""
    try:
        return write()
    except OSError as exc:  # a full disk, a folder removed meanwhile, a file open elsewhere
        raise PilotageError(f"cannot write the report to {out}: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _print_outcome(outcome: ReportOutcome) -> None:
    print(f"report written to {outcome.path}")
    print(
        f"{len(outcome.sheets)} sheets ({', '.join(outcome.sheets)}), "
        f"{outcome.rows:,} rows, fingerprint {outcome.fingerprint}"
    )


def screenshots(args: argparse.Namespace) -> int:
    """PNGs of the main window on each page type and of the dialogs, into `args.folder`.

    Without `--db`, on the demo loaded into a temporary database.
    """
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="pilotage-shots-") as scratch:
        if args.db is None:
            database = open_database(Path(scratch) / "demo.sqlite", create=True)
            try:
                # Entered by an illustrative analyst, not this machine's login.
                set_user_name(ILLUSTRATIVE_USER)
                try:
                    load_demo(database)
                finally:
                    set_user_name(None)
            except BaseException:
                database.close()
                raise
        else:
            database = open_database(args.db)
        try:
            from pilotage.gui.app import application
            from pilotage.gui.screenshots import DEMO_END, choose_platform, save_screenshots

            choose_platform()  # before the QApplication exists
            application()
            paths = save_screenshots(database, args.folder, args.as_of or DEMO_END, args.language)
        finally:
            database.close()
    for path in paths:
        print(path)
    return 0


def _print_portfolio(
    database: Database, as_of: date, reference: str | None, traces: bool, out: TextIO
) -> int:
    from pilotage.portfolio_text import render_portfolio

    text = render_portfolio(database, as_of, reference, traces=traces)
    out.write(text)
    return 0
