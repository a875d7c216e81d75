"""A program import stopped at the analyst's request leaves the database as it was
(row counts and audit log), whether it stops while reading or halfway through writing;
progress is said every so many rows, never per cell."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pilotage.db.database import Database, open_database
from pilotage.db.schema import AuditEntry, metadata
from pilotage.domain.errors import CancelledError
from pilotage.services.program_transfer import export_program, import_program
from pilotage.services.programs import ProgramRow, find_program

TABLES = [t.name for t in metadata.sorted_tables]


def _fresh(tmp_path: Path, migrated_template: Path, name: str) -> Database:
    path = tmp_path / name
    shutil.copyfile(migrated_template, path)
    return open_database(path)


@pytest.fixture
def other_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    database = _fresh(tmp_path, migrated_template, "other.sqlite")
    yield database
    database.close()


@pytest.fixture
def workbook(demo: ProgramRow, db: Database, tmp_path: Path) -> Path:
    path = tmp_path / "program.xlsx"
    export_program(db, demo.id, path)
    return path


def counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {
            name: session.scalar(select(func.count()).select_from(metadata.tables[name])) or 0
            for name in TABLES
        }


def audit_rows(db: Database) -> list[tuple[object, ...]]:
    with db.reading() as session:
        return [tuple(r) for r in session.execute(select(AuditEntry.__table__)).all()]


class Recorder:
    """progress and cancelled as the GUI's job gives them; cancelled from call `stop_at` on."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.stop_at = stop_at
        self.calls = 0
        self.progress: list[tuple[int, int]] = []

    def on_progress(self, done: int, total: int) -> None:
        self.progress.append((done, total))

    def cancelled(self) -> bool:
        self.calls += 1
        return self.stop_at is not None and self.calls >= self.stop_at


def test_progress_is_said_while_reading_and_writing(workbook: Path, other_db: Database) -> None:
    seen = Recorder()
    import_program(other_db, workbook, progress=seen.on_progress, cancelled=seen.cancelled)
    assert seen.progress, "no progress at all"
    assert seen.progress[-1][0] == seen.progress[-1][1]  # it ends full
    assert all(0 <= done <= total for done, total in seen.progress)
    # Bounded: a look every thousand rows or ten thousand figures, not one per row.
    rows = sum(counts(other_db)[name] for name in ("measurement", "disaggregation", "kpi_target"))
    assert len(seen.progress) < rows / 100 + 10
    assert seen.calls < rows / 100 + 10


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_cancelled_import_leaves_the_database_as_it_was(
    workbook: Path,
    other_db: Database,
    tmp_path: Path,
    migrated_template: Path,
    where: str,
) -> None:
    # How many looks at `cancelled` a whole import takes, in a database of its own: the
    # last one comes once every figure is written, inside the transaction.
    full = Recorder()
    scratch = _fresh(tmp_path, migrated_template, "scratch.sqlite")
    try:
        import_program(scratch, workbook, progress=full.on_progress, cancelled=full.cancelled)
    finally:
        scratch.close()
    assert full.calls >= 2
    rows, log = counts(other_db), audit_rows(other_db)
    stop = Recorder(stop_at=1 if where == "first" else full.calls)
    with pytest.raises(CancelledError) as stopped:
        import_program(other_db, workbook, progress=stop.on_progress, cancelled=stop.cancelled)
    assert "was cancelled" in str(stopped.value)
    assert stop.calls == stop.stop_at  # it stopped at the first look that said so
    assert counts(other_db) == rows
    assert audit_rows(other_db) == log
    assert find_program(other_db, "CP-MTNRA-MNC") is None
    # And the database is usable: the same import, not cancelled, goes through.
    import_program(other_db, workbook)
    assert find_program(other_db, "CP-MTNRA-MNC") is not None
