"""`pilotage import FILE --dry-run` on a file another instance of Pilotage holds: a
preview only reads, so it reads the file read only (said in one note line) rather than
being refused, for a filled template and for a program workbook alike."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from cli_support import run
from filled_templates import figure_row, write_filled
from lock_holder import held_elsewhere
from pilotage.db.database import open_database
from pilotage.db.file_lock import this_host
from pilotage.db.schema import Kpi
from pilotage.services.demo_data import REFERENCE

pytestmark = pytest.mark.sqlite_only

Q4 = (date(2024, 10, 1), date(2024, 12, 31))


@pytest.fixture
def path(tmp_path: Path, demo_template: Path) -> Path:
    target = tmp_path / "shared.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def figures(path: Path, tmp_path: Path) -> Path:
    """A filled template of one new figure, made before the file is held."""
    database = open_database(path)
    try:
        with database.reading() as session:
            kpi = session.scalar(select(Kpi.id).where(Kpi.code == "JIT-APP"))
    finally:
        database.close()
    assert kpi is not None
    return write_filled(
        tmp_path / "figures-MNC.xlsx", [figure_row(kpi, "JIT-APP", *Q4, "2024-Q4", value=300)]
    )


@pytest.fixture
def workbook(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The program workbook exported from the file itself, before it is held."""
    target = tmp_path / "program.xlsx"
    exported = ["export", "program", "--program", REFERENCE, "--out", str(target)]
    assert run(capsys, *exported, "--db", str(path))[0] == 0
    return target


@pytest.fixture
def other_process(path: Path) -> Iterator[subprocess.Popen[str]]:
    with held_elsewhere(path) as process:
        yield process


def test_a_dry_run_of_a_filled_template_previews_a_held_file_read_only(
    capsys: pytest.CaptureFixture[str],
    path: Path,
    figures: Path,
    other_process: subprocess.Popen[str],
) -> None:
    before = path.read_bytes()
    code, out, err = run(capsys, "import", str(figures), "--dry-run", "--db", str(path))
    assert code == 0, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(
        f"note: {path} is open in Pilotage on {this_host()} (process {other_process.pid},"
    )
    assert lines[0].endswith(": read only")
    assert "figures-MNC.xlsx: figures of program CP-MTNRA-MNC: 1 new, 0 changed" in out
    assert f"dry run: nothing written to {path}" in out
    assert path.read_bytes() == before
    # Without --dry-run the same import writes: refused, naming the holder.
    code, out, err = run(capsys, "import", str(figures), "--db", str(path))
    assert code == 1
    assert err.startswith(f"pilotage: {path} is open in Pilotage on {this_host()} ")
    assert out == ""
    assert path.read_bytes() == before


def test_a_dry_run_of_a_program_workbook_checks_a_held_file_read_only(
    capsys: pytest.CaptureFixture[str],
    path: Path,
    workbook: Path,
    other_process: subprocess.Popen[str],
) -> None:
    before = path.read_bytes()
    code, out, err = run(capsys, "import", str(workbook), "--dry-run", "--db", str(path))
    lines = err.splitlines()
    assert lines, out
    assert lines[0].startswith(
        f"note: {path} is open in Pilotage on {this_host()} (process {other_process.pid},"
    )
    assert lines[0].endswith(": read only")
    assert path.read_bytes() == before
    # Checked against what the held file holds: the program is there already.
    assert code == 1
    assert f"program {REFERENCE} is already in {path}" in lines[1]
    assert lines[-1] == f"pilotage: program.xlsx was not imported (1 problem); {path} is unchanged"
    assert out == ""
