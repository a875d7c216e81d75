"""`pilotage template`: every bad argument is one clear line, a non-zero exit code and no
file; a good one writes the template and says where, how many rows and KPIs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from cli_support import run
from pilotage import commands
from pilotage.exchange import template_layout as layout
from pilotage.exchange.workbook_marker import WorkbookKind, marker_of

H1_2025 = ("--from", "2025-01-01", "--to", "2025-06-30")


def assert_one_clear_line(err: str, *fragments: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


@pytest.fixture
def demo_file(demo_target: str) -> str:
    """The demo's database as --db names it: a file, or a URL in a run on PostgreSQL."""
    return demo_target


@pytest.fixture
def out_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


def template(
    capsys: pytest.CaptureFixture[str], db: str | Path, out: Path, *extra: str
) -> tuple[int, str, str]:
    return run(capsys, "template", "--db", str(db), "--out", str(out), *extra)


def test_the_demo_template_in_french(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path
) -> None:
    out = out_folder / "collecte.xlsx"
    code, printed, err = template(
        capsys, demo_file, out, "--program", "CP-MTNRA-MNC", *H1_2025, "--lang", "fr"
    )
    assert (code, err) == (0, "")
    assert printed.splitlines() == [
        f"template written to {out}",
        "30 rows to fill, for 13 KPIs",  # counted by hand in tests/services/test_templates.py
    ]
    wb = openpyxl.load_workbook(out)
    marker = marker_of(wb)
    assert marker is not None
    assert marker.kind is WorkbookKind.TEMPLATE
    assert marker.facts[layout.FACT_LANGUAGE] == "fr"
    assert wb.sheetnames[:2] == ["Mode d'emploi", "Données"]


def test_chosen_initiatives_in_english(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path
) -> None:
    out = out_folder / "jit.xlsx"
    code, printed, err = template(
        capsys, demo_file, out, "--program", "CP-MTNRA-MNC", *H1_2025,
        "--initiative", "P1-JIT", "--initiative", "P1-VIV", "--lang", "en",
    )  # fmt: skip
    assert (code, err) == (0, "")
    # JobIntech: JIT-APP, JIT-DIP, JIT-TXD (2 quarters each), JIT-INS (1 half-year);
    # P1-VIV: VIV-TAL (6 months), VIV-DEL (1 half-year).
    assert printed.splitlines()[1] == "14 rows to fill, for 6 KPIs"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["Instructions", "Data"]
    owners = {row[3] for row in wb["Data"].iter_rows(min_row=2, values_only=True)}
    assert owners == {"P1 / P1-JIT", "P1 / P1-VIV"}


def test_one_row_of_one_kpi_is_said_in_the_singular(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path
) -> None:
    # May 2025 of P3-BEX: BEX-MEM is quarterly (no quarter ends in May); BEX-LIG, one-off,
    # was recorded on 2025-05-20.
    out = out_folder / "bex.xlsx"
    code, printed, err = template(
        capsys, demo_file, out, "--program", "CP-MTNRA-MNC", "--from", "2025-05-01",
        "--to", "2025-05-31", "--initiative", "P3-BEX", "--lang", "en",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert printed.splitlines()[1] == "1 row to fill, for 1 KPI"


def test_the_default_language_is_the_systems(
    capsys: pytest.CaptureFixture[str],
    demo_file: str,
    out_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(commands.locale, "getlocale", lambda *_: ("fr_MA", "UTF-8"))
    out = out_folder / "t.xlsx"
    code, _, _ = template(capsys, demo_file, out, "--program", "CP-MTNRA-MNC", *H1_2025)
    assert code == 0
    marker = marker_of(openpyxl.load_workbook(out))
    assert marker is not None
    assert marker.facts[layout.FACT_LANGUAGE] == "fr"


@pytest.mark.parametrize(
    ("arguments", "fragments"),
    [
        (("--program", "CP-NOPE", *H1_2025), ("program CP-NOPE does not exist",)),
        (
            ("--program", "CP-MTNRA-MNC", "--from", "2025-07-01", "--to", "2025-06-30"),
            ("--from 2025-07-01 is after --to 2025-06-30",),
        ),
        (
            ("--program", "CP-MTNRA-MNC", *H1_2025, "--initiative", "P1-JIT",
             "--initiative", "P9-XYZ"),
            ("has no initiative 'P9-XYZ'", "P1-JIT"),
        ),
        (
            ("--program", "CP-MTNRA-MNC", "--from", "2025-01-01", "--to", "2025-01-30",
             "--initiative", "P1-JIT"),
            ("nothing to collect",),
        ),
    ],
)  # fmt: skip
def test_a_bad_argument_is_one_line(
    capsys: pytest.CaptureFixture[str],
    demo_file: str,
    out_folder: Path,
    arguments: tuple[str, ...],
    fragments: tuple[str, ...],
) -> None:
    code, printed, err = template(capsys, demo_file, out_folder / "t.xlsx", *arguments)
    assert code == 1
    assert printed == ""
    assert_one_clear_line(err, "pilotage: ", *fragments)
    assert list(out_folder.iterdir()) == []


@pytest.mark.parametrize("day", ["2025-13-01", "2025-02-30", "yesterday"])
def test_a_bad_date(
    capsys: pytest.CaptureFixture[str], demo_file: str, out_folder: Path, day: str
) -> None:
    code, _, err = template(
        capsys, demo_file, out_folder / "t.xlsx", "--program", "CP-MTNRA-MNC",
        "--from", day, "--to", "2025-06-30",
    )  # fmt: skip
    assert code == 2
    assert_one_clear_line(err, "--from", day, "YYYY-MM-DD")
    assert list(out_folder.iterdir()) == []


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
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
        try:
            (Path("/sys") / "pilotage-probe.xlsx").touch()
        except PermissionError:
            yield Path("/sys")
            return
        pytest.fail("no folder refuses new files to this user: cannot test a read-only place")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("where", ["missing folder", "folder", "not xlsx", "read-only"])
def test_an_unwritable_path_is_refused_before_the_database_is_opened(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    out_folder: Path,
    request: pytest.FixtureRequest,
    where: str,
) -> None:
    missing_db = tmp_path / "never.sqlite"  # opened after the path is checked: never made
    out = {
        "missing folder": tmp_path / "nowhere" / "t.xlsx",
        "folder": out_folder,
        "not xlsx": out_folder / "t.csv",
        "read-only": (
            request.getfixturevalue("read_only_folder") / "t.xlsx"
            if where == "read-only"
            else tmp_path
        ),
    }[where]
    code, _, err = template(capsys, missing_db, out, "--program", "CP-MTNRA-MNC", *H1_2025)
    assert code == 1
    assert_one_clear_line(err, "cannot write the template to")
    assert not missing_db.exists()
    assert list(out_folder.iterdir()) == []
