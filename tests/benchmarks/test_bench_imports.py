"""The import benchmark runs on a tiny portfolio and its figures are sensible (what it
measures, not how fast: timings on a CI machine prove nothing)."""

from __future__ import annotations

import math
import sqlite3
import sys
from pathlib import Path

import openpyxl
import pytest

from pilotage.db.database import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import bench_imports
from generate_portfolio import generate

# The benchmarks measure the one analyst's SQLite file against a bare sqlite3 read of it.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


def test_the_imports_against_the_bare_openpyxl_read(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(db, programs=3, initiatives=12, kpis=60, measurements=400, seed=3)
    db.close()  # the child processes open it
    before = _counts(db_path)
    lines = bench_imports.run(db_path, tmp_path, repeat=2)
    names = [x.name.split(" (")[0] for x in lines]
    assert names == ["template preview", "template apply", "program export", "program import"]
    by_name = dict(zip(names, lines, strict=True))
    for line in lines:
        assert line.work.rows > 0
        assert line.baseline.rows > 0
        assert math.isfinite(line.ratio)
        assert line.ratio > 0
        assert line.rows_per_second > 0
        # A Python process with SQLAlchemy and openpyxl: tens of MB, not gigabytes.
        assert 10 < line.work.peak_mb < 1000
        assert 5 < line.baseline.peak_mb < line.work.peak_mb
    # The preview and the apply judge every row of the filled template, which the bare
    # read reads too (with its header, instructions and marker rows besides).
    filled = openpyxl.load_workbook(tmp_path / "figures.xlsx", read_only=True)
    data = filled.worksheets[1]
    template_rows = sum(1 for row in data.iter_rows(min_row=2, values_only=True) if row[0])
    filled.close()
    assert by_name["template preview"].work.rows == template_rows
    assert by_name["template apply"].work.rows == template_rows
    assert by_name["template preview"].baseline.rows > template_rows
    # Every row was filled: none comes back empty, so every KPI of 2025 is judged.
    assert template_rows > 60 / 3
    # The import brings back what the export wrote, sheet by sheet, into an empty database.
    assert by_name["program import"].work.rows == by_name["program export"].work.rows - 1
    assert by_name["program export"].baseline.rows >= by_name["program export"].work.rows
    # The portfolio itself is never written: the apply and the import work on copies.
    assert _counts(db_path) == before
    bench_imports.report(lines)
    printed = capsys.readouterr().out
    assert "x base" in printed
    assert "program import" in printed
    assert "bare read" in printed


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("measurement", "audit_entry", "contract_program")
        }
    finally:
        connection.close()
