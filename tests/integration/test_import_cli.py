"""`pilotage import FILE` of a filled template: a summary and every problem on its own
line; --dry-run writes nothing; rejected rows write nothing unless --apply-valid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from cli_support import run
from filled_templates import figure_row, write_filled
from pilotage.db.database import open_database
from pilotage.db.schema import AuditEntry, Kpi, Measurement

Q4 = (date(2024, 10, 1), date(2024, 12, 31))
Q1 = (date(2025, 1, 1), date(2025, 3, 31))


@pytest.fixture
def demo_file(demo_target: str) -> str:
    """The demo's database as --db names it: a file, or a URL in a run on PostgreSQL."""
    return demo_target


def kpi_id(database_file: str, code: str) -> int:
    database = open_database(database_file)
    try:
        with database.reading() as session:
            found = session.scalar(select(Kpi.id).where(Kpi.code == code))
    finally:
        database.close()
    assert found is not None
    return found


def sizes(database_file: str) -> tuple[int, int]:
    database = open_database(database_file)
    try:
        with database.reading() as session:
            return (
                session.scalar(select(func.count()).select_from(Measurement)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            )
    finally:
        database.close()


def figures(tmp_path: Path, demo_file: str, *, bad: bool = False) -> Path:
    app, dip = kpi_id(demo_file, "JIT-APP"), kpi_id(demo_file, "JIT-DIP")
    rows = [figure_row(app, "JIT-APP", *Q4, "2024-Q4", value=300)]
    rows.append(figure_row(dip, "JIT-DIP", *Q1, "2025-Q1", value=-2 if bad else 200))
    return write_filled(tmp_path / "figures-MNC.xlsx", rows)


def test_a_clean_template_is_written(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file)
    measurements, entries = sizes(demo_file)
    code, out, err = run(capsys, "import", str(path), "--db", str(demo_file))
    assert (code, err) == (0, "")
    assert "figures-MNC.xlsx: figures of program CP-MTNRA-MNC: 2 new, 0 changed" in out
    assert "written to" in out
    assert sizes(demo_file) == (measurements + 2, entries + 2)
    code, out, _ = run(capsys, "import", str(path), "--db", str(demo_file))
    assert code == 0
    assert "0 new, 0 changed, 2 unchanged, 0 rejected" in out
    assert "nothing to write" in out
    assert sizes(demo_file) == (measurements + 2, entries + 2)


def test_a_dry_run_writes_nothing(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file)
    before = sizes(demo_file)
    code, out, _ = run(capsys, "import", str(path), "--dry-run", "--db", str(demo_file))
    assert code == 0
    assert "2 new" in out
    assert "dry run: nothing written" in out
    assert sizes(demo_file) == before


def test_rejected_rows_write_nothing_and_say_how_to_proceed(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file, bad=True)
    before = sizes(demo_file)
    code, out, err = run(capsys, "import", str(path), "--db", str(demo_file))
    assert code == 1
    assert "1 new, 0 changed, 0 unchanged, 1 rejected" in out
    # The cell, then which figure it is: KPI code and period.
    assert "Figures!K3 JIT-DIP 2025-Q1 (Value): must not be negative: it is a count" in (
        out.splitlines()
    )
    assert "nothing written: 1 row is rejected" in err
    assert "--apply-valid" in err
    assert "Traceback" not in err
    assert sizes(demo_file) == before
    code, out, _ = run(capsys, "import", str(path), "--dry-run", "--db", str(demo_file))
    assert code == 1
    assert sizes(demo_file) == before


def test_apply_valid_writes_the_valid_rows(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file, bad=True)
    measurements, entries = sizes(demo_file)
    code, out, _ = run(capsys, "import", str(path), "--apply-valid", "--db", str(demo_file))
    assert code == 0
    assert "1 new, 0 changed (0 unchanged; 1 rejected row left out)" in out
    assert sizes(demo_file) == (measurements + 1, entries + 1)


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"just text", "figures.xlsx"), (None, "there is no such file")],
)
def test_a_file_that_is_no_template_is_one_line(
    content: bytes | None,
    words: str,
    tmp_path: Path,
    demo_file: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "figures.xlsx"
    if content is not None:
        path.write_bytes(content)
    before = sizes(demo_file)
    code, _, err = run(capsys, "import", str(path), "--db", str(demo_file))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("pilotage: ")
    assert words in lines[0]
    assert sizes(demo_file) == before


def test_a_workbook_pilotage_did_not_make(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    path = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(path)
    code, _, err = run(capsys, "import", str(path), "--db", str(demo_file))
    assert code == 1
    assert "not a Pilotage data-collection template" in err


def test_errors_out_saves_the_marked_copy(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file, bad=True)
    out = tmp_path / "errors.xlsx"
    code, stdout, _ = run(
        capsys, "import", str(path), "--dry-run", "--errors-out", str(out), "--db", str(demo_file)
    )
    assert code == 1
    assert f"rejected cells marked in {out}" in stdout
    import openpyxl

    comment = openpyxl.load_workbook(out)["Figures"]["K3"].comment
    assert comment is not None
    assert "must not be negative" in comment.text


def test_errors_out_must_not_replace_the_workbook(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file, bad=True)
    before = path.read_bytes()
    code, _, err = run(
        capsys, "import", str(path), "--errors-out", str(path), "--db", str(demo_file)
    )
    assert code == 1
    assert "it is the workbook being imported" in err
    assert path.read_bytes() == before


def only_rejected(tmp_path: Path, demo_file: str) -> Path:
    dip = kpi_id(demo_file, "JIT-DIP")
    rows = [figure_row(dip, "JIT-DIP", *Q1, "2025-Q1", value=-2)]
    return write_filled(tmp_path / "figures-MNC.xlsx", rows)


@pytest.mark.parametrize("options", [(), ("--apply-valid",)])
def test_every_row_rejected_says_so_and_fails(
    options: tuple[str, ...], tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = only_rejected(tmp_path, demo_file)
    before = sizes(demo_file)
    code, out, err = run(capsys, "import", str(path), *options, "--db", str(demo_file))
    assert code == 1
    assert "0 new, 0 changed, 0 unchanged, 1 rejected" in out
    assert err.strip() == (
        "pilotage: nothing written: every row is rejected (1 row); correct the workbook and "
        "import it again"
    )
    assert "already holds" not in out + err
    assert sizes(demo_file) == before


def test_a_blank_template_says_it_has_no_filled_row(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = tmp_path / "t.xlsx"
    code, _, _ = run(
        capsys,
        "--db",
        str(demo_file),
        "template",
        "--program",
        "CP-MTNRA-MNC",
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--out",
        str(blank),
    )
    assert code == 0
    before = sizes(demo_file)
    code, out, err = run(capsys, "import", str(blank), "--apply-valid", "--db", str(demo_file))
    assert code == 1
    assert "0 new, 0 changed, 0 unchanged, 0 rejected" in out
    assert err.strip() == (
        "pilotage: nothing to import: t.xlsx has no filled row (is it the template sent out "
        "rather than the partner's reply?)"
    )
    assert "already holds" not in out
    assert sizes(demo_file) == before


def test_a_dry_run_lists_the_new_rows_and_says_when_no_errors_copy_is_needed(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = figures(tmp_path, demo_file)
    out_copy = tmp_path / "errors.xlsx"
    code, out, _ = run(
        capsys,
        "import",
        str(path),
        "--dry-run",
        "--errors-out",
        str(out_copy),
        "--db",
        str(demo_file),
    )
    assert code == 0
    lines = out.splitlines()
    assert "new: JIT-APP 2024-Q4: 300" in lines
    assert "new: JIT-DIP 2025-Q1: 200" in lines
    assert "no row is rejected: no errors copy written" in lines
    assert not out_copy.exists()


def test_rejected_rows_and_figures_already_recorded_say_both(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # JIT-APP 2024-Q3 is 320 in the demo (unchanged); JIT-DIP 2025-Q1 at -2 is rejected.
    app, dip = kpi_id(demo_file, "JIT-APP"), kpi_id(demo_file, "JIT-DIP")
    q3 = (date(2024, 7, 1), date(2024, 9, 30))
    rows = [
        figure_row(app, "JIT-APP", *q3, "2024-Q3", value=320),
        figure_row(dip, "JIT-DIP", *Q1, "2025-Q1", value=-2),
    ]
    path = write_filled(tmp_path / "figures-MNC.xlsx", rows)
    before = sizes(demo_file)
    code, out, err = run(capsys, "import", str(path), "--apply-valid", "--db", str(demo_file))
    assert code == 1
    assert "0 new, 0 changed, 1 unchanged, 1 rejected" in out
    assert err.strip() == (
        "pilotage: nothing written: 1 row rejected, and the other rows' figures are already "
        "recorded; correct the workbook and import it again"
    )
    assert sizes(demo_file) == before


def test_a_french_template_is_answered_in_french(
    tmp_path: Path, demo_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    dip = kpi_id(demo_file, "JIT-DIP")
    rows = [figure_row(dip, "JIT-DIP", *Q1, "2025-Q1", value=-2)]
    path = write_filled(tmp_path / "chiffres-MNC.xlsx", rows, language="fr", sheet="Données")
    code, out, _ = run(capsys, "import", str(path), "--dry-run", "--db", str(demo_file))
    assert code == 1
    # The command's own words stay the analyst's; the row's problem is the partner's.
    assert "Données!K2 JIT-DIP 2025-Q1 (Valeur): ne doit pas être négatif : c’est un comptage" in (
        out.splitlines()
    )
