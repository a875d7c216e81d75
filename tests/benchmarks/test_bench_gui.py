"""The GUI benchmark's parts run on small sizes and return sensible figures (what they
measure, not how fast: timings on a CI machine prove nothing)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from pilotage.db.database import Database
from pilotage.gui.qt import QApplication
from pilotage.services.overview import program_trees

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import bench_gui
from generate_portfolio import LAST_PERIOD_END, generate


def _sensible(result: bench_gui.Result) -> None:
    assert result.ours > 0
    assert result.baseline > 0
    assert math.isfinite(result.ratio)
    assert result.ratio > 0


pytestmark = pytest.mark.usefixtures("gui_collector")


def test_the_table_and_sort_parts(qapp: QApplication) -> None:
    rows = bench_gui.measurement_rows(1_200)
    assert len({r.id for r in rows}) == 1_200
    table = bench_gui.bench_table(rows)
    assert [r.unit for r in table] == ["s", "MB"]
    assert "1,200 rows" in table[0].name
    assert "500 rows" in table[0].note  # one batch handed to the view, not all
    for result in table:
        _sensible(result)
    sort = bench_gui.bench_sort(rows, 300)
    assert ["300 rows" in sort[0].name, "1,200 rows" in sort[1].name] == [True, True]
    for result in sort:
        _sensible(result)


def test_the_navigator_part(qapp: QApplication, db: Database) -> None:
    generate(db, programs=3, initiatives=12, kpis=60, measurements=120, seed=3)
    trees = program_trees(db, LAST_PERIOD_END)
    results = bench_gui.bench_navigator(trees)
    assert len(results) == 3
    # 3 programs, their pillars, 12 initiatives and 60 KPIs.
    nodes = int(results[0].name.split(",")[1].split()[0])
    assert 3 + 12 + 60 < nodes < 3 + 12 + 60 + 3 * 8
    for result in results:
        _sensible(result)


@pytest.mark.slow
@pytest.mark.sqlite_only  # the child process opens the file
def test_the_startup_part(db: Database, db_path: Path) -> None:
    db.close()  # the child process opens it
    results = bench_gui.bench_startup(db_path, repeat=1)
    assert [r.baseline_name for r in results] == [
        "bare QMainWindow",
        "database layer imported first",
    ]
    for result in results:
        _sensible(result)
        assert result.ours < 60
