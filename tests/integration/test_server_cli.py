"""A team's server database through the command line: `pilotage db upgrade --db URL`
prepares an empty database, and every command then takes the URL where it takes a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from cli_support import run
from pilotage.db import migrate
from pilotage.db.server import ServerError, ServerProblem, connect_server


def test_backup_of_a_server_database_is_refused_in_one_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Refused from the URL alone: no server is asked (none answers on port 1).
    url = "postgresql+psycopg://amina:s3cret@127.0.0.1:1/pilotage"
    code, out, err = run(capsys, "db", "backup", "--db", url, "--out", str(tmp_path / "x.sqlite"))
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "is a server database: back it up with the server's tools" in lines[0]
    assert "s3cret" not in err
    assert not (tmp_path / "x.sqlite").exists()


def test_an_unreachable_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://amina:s3cret@127.0.0.1:1/pilotage"
    code, out, err = run(capsys, "db", "info", "--db", url)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Connection refused" in err
    assert "s3cret" not in err


@pytest.mark.postgresql_only
def test_upgrade_prepares_an_empty_server_database(
    capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path
) -> None:
    url = make_url(db_target)
    # Empty: an analyst's window refuses it and names the command to run.
    with pytest.raises(ServerError) as refused:
        connect_server(url)
    assert refused.value.problem is ServerProblem.NOT_PREPARED

    code, out, err = run(capsys, "db", "upgrade", "--db", db_target)
    assert (code, err) == (0, "")
    assert f"schema empty -> {migrate.head_revision()}" in out
    code, out, _ = run(capsys, "db", "upgrade", "--db", db_target)
    assert code == 0
    assert f"is up to date (schema {migrate.head_revision()})" in out

    database = connect_server(url)
    try:
        assert migrate.current_revision(database.engine) == migrate.head_revision()
    finally:
        database.close()

    code, out, err = run(capsys, "db", "check", "--db", db_target)
    assert (code, err) == (0, ""), err
    assert "no problem found" in out
    code, out, _ = run(capsys, "demo", "--db", db_target)
    assert code == 0
    code, out, _ = run(capsys, "db", "info", "--db", db_target)
    assert code == 0
    assert "engine        postgresql" in out
    assert "programs      1" in out
    code, out, _ = run(capsys, "portfolio", "--db", db_target, "--as-of", "2024-12-31")
    assert code == 0
    assert "CP-MTNRA-MNC" in out
    report = tmp_path / "portfolio.xlsx"
    code, out, err = run(capsys, "report", "portfolio", "--db", db_target, "--out", str(report))
    assert (code, err) == (0, "")
    assert report.is_file()
    exported = tmp_path / "program.xlsx"
    code, _, err = run(
        capsys,
        "export", "program", "--db", db_target, "--program", "CP-MTNRA-MNC", "--out", str(exported),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert exported.is_file()
    template = tmp_path / "template.xlsx"
    code, _, err = run(
        capsys,
        "template", "--db", db_target, "--program", "CP-MTNRA-MNC",
        "--from", "2024-01-01", "--to", "2024-12-31", "--out", str(template),
    )  # fmt: skip
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "import", str(template), "--db", db_target, "--dry-run")
    assert code in (0, 1), err  # an empty template: nothing to import, said in one line
    assert "Traceback" not in err
