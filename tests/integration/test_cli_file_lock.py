"""The command line on a file another instance of Pilotage holds: writing commands are
refused in one line naming the holder; reading commands read it read only."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_support import run
from lock_holder import held_elsewhere
from pilotage.db.file_lock import this_host
from pilotage.services.demo_data import REFERENCE

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def path(tmp_path: Path, demo_template: Path) -> Path:
    target = tmp_path / "shared.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def other_process(path: Path) -> Iterator[subprocess.Popen[str]]:
    with held_elsewhere(path) as process:
        yield process


@pytest.mark.parametrize(
    "command",
    [["demo"], ["db", "upgrade"], ["import", "figures.xlsx"]],
    ids=["demo", "upgrade", "import"],
)
def test_a_writing_command_names_the_holder_in_one_line(
    capsys: pytest.CaptureFixture[str],
    path: Path,
    other_process: subprocess.Popen[str],
    tmp_path: Path,
    command: list[str],
) -> None:
    if command[0] == "import":  # a program workbook, exported from the held file itself
        workbook = tmp_path / "program.xlsx"
        exported = ["export", "program", "--program", REFERENCE, "--out", str(workbook)]
        assert run(capsys, *exported, "--db", str(path))[0] == 0
        command = ["import", str(workbook)]
    before = path.read_bytes()
    code, out, err = run(capsys, *command, "--db", str(path))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"pilotage: {path} is open in Pilotage on {this_host()} ")
    assert f"(process {other_process.pid}," in lines[0]
    assert out == ""
    assert path.read_bytes() == before


def test_reading_commands_read_a_held_file_read_only(
    capsys: pytest.CaptureFixture[str],
    path: Path,
    other_process: subprocess.Popen[str],
    tmp_path: Path,
) -> None:
    note = f"note: {path} is open in Pilotage on {this_host()} (process {other_process.pid},"
    report = tmp_path / "portfolio.xlsx"
    for command in (
        ["report", "portfolio", "--out", str(report), "--as-of", "2024-12-31"],
        ["export", "program", "--program", REFERENCE, "--out", str(tmp_path / "p.xlsx")],
        [
            "template",
            "--program",
            REFERENCE,
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--out",
            str(tmp_path / "t.xlsx"),
        ],
        ["portfolio", "--as-of", "2024-12-31"],
        ["db", "info"],
    ):
        code, out, err = run(capsys, *command, "--db", str(path))
        assert code == 0, err
        assert err.startswith(note), err
        assert err.rstrip().endswith(": read only")
        assert out
    assert report.is_file()
