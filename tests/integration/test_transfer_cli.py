"""`pilotage export program` then `pilotage import` into another database: the program
arrives identical; a second import, a damaged workbook and bad arguments each say so
and change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from cli_support import run
from pilotage.db.database import open_database
from pilotage.db.schema import metadata
from pilotage.services.program_transfer import program_snapshot
from pilotage.services.programs import find_program

REFERENCE = "CP-MTNRA-MNC"


@pytest.fixture
def demo_file(demo_target: str) -> str:
    """The demo's database as --db names it: in the run on PostgreSQL, its URL (the program
    then moves from a server to a file)."""
    return demo_target


@pytest.fixture
def empty_file(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "empty.sqlite"
    shutil.copyfile(migrated_template, path)
    return path


def rows(path: str | Path) -> dict[str, int]:
    database = open_database(path)
    try:
        with database.reading() as session:
            return {
                t.name: session.scalar(select(func.count()).select_from(t)) or 0
                for t in metadata.sorted_tables
            }
    finally:
        database.close()


def snapshot(path: str | Path) -> object:
    database = open_database(path)
    try:
        program = find_program(database, REFERENCE)
        assert program is not None
        return program_snapshot(database, program.id)
    finally:
        database.close()


def exported(capsys: pytest.CaptureFixture[str], demo_file: str, tmp_path: Path) -> Path:
    out = tmp_path / "moved.xlsx"
    code, printed, err = run(
        capsys, "export", "program", "--program", REFERENCE, "--out", str(out),
        "--db", str(demo_file),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert printed.splitlines()[0] == f"program {REFERENCE} written to {out}"
    assert "pillars 3, initiatives 7" in printed
    return out


def test_export_then_import_gives_the_same_program(
    capsys: pytest.CaptureFixture[str], demo_file: str, empty_file: Path, tmp_path: Path
) -> None:
    out = exported(capsys, demo_file, tmp_path)
    code, printed, err = run(capsys, "import", str(out), "--db", str(empty_file))
    assert (code, err) == (0, "")
    lines = printed.splitlines()
    assert lines[0] == f"program {REFERENCE} imported into {empty_file} from moved.xlsx"
    assert "organizations 3, parties 3, pillars 3, initiatives 7" in lines[1]
    assert snapshot(empty_file) == snapshot(demo_file)


def test_a_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo_file: str, empty_file: Path, tmp_path: Path
) -> None:
    out = exported(capsys, demo_file, tmp_path)
    before = rows(empty_file)
    code, printed, err = run(capsys, "import", str(out), "--dry-run", "--db", str(empty_file))
    assert (code, err) == (0, "")
    assert printed.startswith(f"dry run: program {REFERENCE} can be imported into ")
    assert rows(empty_file) == before


def test_a_second_import_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], demo_file: str, empty_file: Path, tmp_path: Path
) -> None:
    out = exported(capsys, demo_file, tmp_path)
    assert run(capsys, "import", str(out), "--db", str(empty_file))[0] == 0
    before = rows(empty_file)
    code, printed, err = run(capsys, "import", str(out), "--db", str(empty_file))
    assert (code, printed) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith("sheet program, row 2, column reference: program CP-MTNRA-MNC")
    assert (
        lines[1] == f"pilotage: moved.xlsx was not imported (1 problem); {empty_file} is unchanged"
    )
    assert rows(empty_file) == before


def test_a_damaged_workbook_lists_its_problems(
    capsys: pytest.CaptureFixture[str], demo_file: str, empty_file: Path, tmp_path: Path
) -> None:
    out = exported(capsys, demo_file, tmp_path)
    wb = openpyxl.load_workbook(out)
    wb["measurements"].cell(2, 4, "hier")  # period_start
    wb["initiatives"].cell(2, 1, "P9")  # an unknown pillar
    wb.remove(wb["budget_lines"])
    wb.save(out)
    before = rows(empty_file)
    code, printed, err = run(capsys, "import", str(out), "--db", str(empty_file))
    assert (code, printed) == (1, "")
    assert "sheet budget_lines: the sheet is missing" in err
    assert "sheet measurements, row 2, column period_start: 'hier' is not a date" in err
    assert "Traceback" not in err
    assert rows(empty_file) == before


def test_an_unknown_program_is_one_line(
    capsys: pytest.CaptureFixture[str], demo_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "x.xlsx"
    code, printed, err = run(
        capsys, "export", "program", "--program", "CP-NOPE", "--out", str(out),
        "--db", str(demo_file),
    )  # fmt: skip
    assert (code, printed) == (1, "")
    assert err == "pilotage: program CP-NOPE does not exist\n"
    assert not out.exists()


def test_a_bad_output_path_is_refused_first(
    capsys: pytest.CaptureFixture[str], demo_file: str, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", "program", "--program", REFERENCE, "--out", str(tmp_path / "x.csv"),
        "--db", str(demo_file),
    )  # fmt: skip
    assert code == 1
    assert "an Excel workbook's name ends in .xlsx" in err
    assert len(err.splitlines()) == 1
