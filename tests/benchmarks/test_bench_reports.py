"""The report benchmark runs on a tiny portfolio and its figures are sensible (what it
measures, not how fast: timings on a CI machine prove nothing)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from pilotage.db.database import Database

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import bench_reports
from generate_portfolio import generate

# The benchmarks measure the one analyst's SQLite file against a bare sqlite3 read of it.
pytestmark = [pytest.mark.slow, pytest.mark.sqlite_only]


def test_the_reports_against_the_bare_dump(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generate(db, programs=3, initiatives=12, kpis=60, measurements=400, seed=3)
    db.close()  # the child processes open it
    _, reference, kpis = bench_reports.largest_program(db_path)
    assert reference.startswith("BENCH-")
    assert 60 / 3 <= kpis <= 60
    lines = bench_reports.run(db_path, tmp_path, repeat=2)
    assert [x.name.split(" (")[0] for x in lines] == ["portfolio report", "program report"]
    for line in lines:
        assert line.report.rows > 0
        assert line.baseline.rows > 0
        assert line.cells > line.report.rows  # several cells a row
        assert 0 < line.report.read_seconds < line.report.seconds
        assert math.isfinite(line.ratio)
        assert line.ratio > 0
        assert 0 < line.write_ratio < line.ratio
        assert line.rows_per_second > 0
        # A Python process with SQLAlchemy and openpyxl: tens of MB, not gigabytes.
        assert 10 < line.report.peak_mb < 1000
        assert 5 < line.baseline.peak_mb < line.report.peak_mb
    # The bare dump holds exactly the report's cells, sheet by sheet.
    for kind in ("portfolio", "program"):
        assert bench_reports.sheet_shape(tmp_path / f"{kind}.xlsx") == bench_reports.sheet_shape(
            tmp_path / f"{kind}-bare.xlsx"
        )
    bench_reports.report(lines)
    printed = capsys.readouterr().out
    assert "x bare" in printed
    assert "write x" in printed
    assert "portfolio report" in printed
