"""`pilotage report program|portfolio`: every bad argument is one clear line, a non-zero exit
code and no file; a good one writes the workbook and says where."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from cli_support import run
from pilotage import commands

KINDS = {
    "program": ("report", "program", "--program", "CP-MTNRA-MNC"),
    "portfolio": ("report", "portfolio"),
}


def assert_one_clear_line(err: str, *fragments: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def demo_file(demo_target: str) -> str:
    """The demo's database as --db names it: a file, or a URL in a run on PostgreSQL."""
    return demo_target


@pytest.fixture
def out_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in, for whoever runs the tests."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        try:
            (folder / "probe").touch()
        except PermissionError:
            yield folder
            return
        # An administrator writes anywhere a mode forbids; sysfs refuses new files to all.
        (folder / "probe").unlink()
        system = Path("/sys")
        try:
            (system / "pilotage-probe.xlsx").touch()
        except PermissionError:
            yield system
            return
        pytest.fail("no folder refuses new files to this user: cannot test a read-only place")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_folder(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path, kind: str
) -> None:
    out = out_folder / "nowhere" / "report.xlsx"
    code, out_text, err = run(capsys, *KINDS[kind], "--db", str(demo_file), "--out", str(out))
    assert (code, out_text) == (1, "")
    assert_one_clear_line(err, "cannot write the report to", str(out), "there is no folder")
    assert listing(out_folder) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_folder_instead_of_a_file(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path, kind: str
) -> None:
    code, _, err = run(capsys, *KINDS[kind], "--db", str(demo_file), "--out", str(out_folder))
    assert code == 1
    assert_one_clear_line(err, str(out_folder), "it is a folder", ".xlsx")
    assert listing(out_folder) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], demo_file: str, read_only_folder: Path, kind: str
) -> None:
    before = listing(read_only_folder)
    out = read_only_folder / "report.xlsx"
    code, _, err = run(capsys, *KINDS[kind], "--db", str(demo_file), "--out", str(out))
    assert code == 1
    assert_one_clear_line(err, f"cannot write the report to {out}: permission denied")
    assert listing(read_only_folder) == before


def test_a_read_only_file_is_not_replaced(
    capsys: pytest.CaptureFixture[str],
    demo_file: str,
    out_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = out_folder / "signed.xlsx"
    out.write_bytes(b"the copy the minister signed")
    out.chmod(0o444)
    # As a user other than the administrator sees it (who may write anything).
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != out)
    code, _, err = run(capsys, *KINDS["portfolio"], "--db", str(demo_file), "--out", str(out))
    assert code == 1
    assert_one_clear_line(err, str(out), "the file is read-only")
    assert out.read_bytes() == b"the copy the minister signed"
    assert listing(out_folder) == ["signed.xlsx"]


@pytest.mark.parametrize("name", ["report.xls", "report.csv", "report"])
def test_a_name_that_is_not_a_workbook(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path, name: str
) -> None:
    out = out_folder / name
    code, _, err = run(capsys, *KINDS["program"], "--db", str(demo_file), "--out", str(out))
    assert code == 1
    assert_one_clear_line(err, str(out), "name ends in .xlsx")
    assert listing(out_folder) == []


def test_an_unknown_program(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path
) -> None:
    out = out_folder / "report.xlsx"
    args = ("report", "program", "--program", "CP-NOPE", "--db", str(demo_file))
    code, out_text, err = run(capsys, *args, "--out", str(out))
    assert (code, out_text) == (1, "")
    assert_one_clear_line(err, "program CP-NOPE does not exist")
    assert listing(out_folder) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bad", ["2024-13-01", "31/12/2024", "yesterday"])
def test_a_bad_date(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path, kind: str, bad: str
) -> None:
    out = out_folder / "report.xlsx"
    args = (*KINDS[kind], "--db", str(demo_file), "--out", str(out), "--as-of", bad)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert_one_clear_line(err, "--as-of", f"{bad!r} is not a date (expected YYYY-MM-DD)")
    assert listing(out_folder) == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("bad", ["de", "FR", "french", ""])
def test_an_unknown_language(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path, kind: str, bad: str
) -> None:
    out = out_folder / "report.xlsx"
    args = (*KINDS[kind], "--db", str(demo_file), "--out", str(out), "--lang", bad)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert_one_clear_line(err, "--lang", "invalid choice", "'fr', 'en'")
    assert listing(out_folder) == []


@pytest.mark.parametrize(
    ("args", "missing"),
    [
        (("report",), "KIND"),
        (("report", "program", "--out", "r.xlsx"), "--program"),
        (("report", "program", "--program", "CP-MTNRA-MNC"), "--out"),
        (("report", "portfolio"), "--out"),
    ],
)
def test_a_missing_argument(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], missing: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert_one_clear_line(err, "required", missing, "see --help")


@pytest.mark.parametrize("kind", KINDS)
def test_a_missing_database_is_neither_created_nor_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, out_folder: Path, kind: str
) -> None:
    missing = tmp_path / "elsewhere.sqlite"
    out = out_folder / "report.xlsx"
    code, _, err = run(capsys, *KINDS[kind], "--db", str(missing), "--out", str(out))
    assert code == 1
    assert_one_clear_line(err, "no database at", "elsewhere.sqlite")
    assert not missing.exists()
    assert listing(out_folder) == []


@pytest.mark.parametrize(
    ("system", "language"),
    [
        (("fr_FR", "UTF-8"), "fr"),
        (("fr_MA", "UTF-8"), "fr"),
        (("French_France", "1252"), "fr"),
        (("en_GB", "UTF-8"), "en"),
        (("ar_MA", "UTF-8"), "en"),
        ((None, None), "en"),
    ],
)
def test_the_default_language_is_the_systems(
    monkeypatch: pytest.MonkeyPatch, system: tuple[str | None, str | None], language: str
) -> None:
    monkeypatch.setattr(commands.locale, "getlocale", lambda *_: system)
    assert commands.system_language() == language


def test_the_program_report_of_the_demo(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path
) -> None:
    out = out_folder / "programme.xlsx"
    args = (*KINDS["program"], "--db", str(demo_file), "--out", str(out))
    code, out_text, err = run(capsys, *args, "--as-of", "2024-12-31", "--lang", "fr")
    assert (code, err) == (0, "")
    where, summary = out_text.splitlines()
    assert where == f"report written to {out}"
    assert summary.startswith("8 sheets (Synthèse, Axes, Initiatives, Indicateurs, Mesures,")
    assert ", fingerprint " in summary
    assert listing(out_folder) == ["programme.xlsx"]  # no temporary file left beside it
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Synthèse"
    kpis = wb["Indicateurs"]
    codes = [row[0] for row in kpis.iter_rows(min_row=2, values_only=True)]
    assert "JIT-DIP" in codes
    # Again, as of the same date: the same fingerprint; the file is replaced.
    code, again, _ = run(capsys, *args, "--as-of", "2024-12-31", "--lang", "en")
    assert code == 0
    assert again.splitlines()[1].split("fingerprint ")[1] == summary.split("fingerprint ")[1]
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
    assert listing(out_folder) == ["programme.xlsx"]


def test_the_portfolio_report_of_the_demo(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path
) -> None:
    out = out_folder / "portfolio.xlsx"
    args = (*KINDS["portfolio"], "--db", str(demo_file), "--out", str(out))
    code, out_text, err = run(capsys, *args, "--as-of", "2024-12-31", "--lang", "en")
    assert (code, err) == (0, "")
    assert out_text.splitlines()[0] == f"report written to {out}"
    # Six statuses and the total on the Summary; the program and its 3 pillars.
    assert out_text.splitlines()[1].startswith(
        "2 sheets (Summary, Programs), 11 rows, fingerprint "
    )
    ws = openpyxl.load_workbook(out)["Programs"]
    assert [ws["A2"].value, ws["I2"].value, ws["Q2"].value] == ["CP-MTNRA-MNC", 13, "At risk"]


def test_a_relative_path_is_written_where_the_command_runs(
    capsys: pytest.CaptureFixture[str],
    demo_file: str,
    out_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(out_folder)
    code, out_text, _ = run(capsys, *KINDS["portfolio"], "--db", str(demo_file), "--out", "p.xlsx")
    assert code == 0
    assert out_text.splitlines()[0] == f"report written to {out_folder / 'p.xlsx'}"
    assert listing(out_folder) == ["p.xlsx"]
