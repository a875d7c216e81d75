"""Times the read-side queries on a generated portfolio against a bare SQL baseline.

    python benchmarks/bench_queries.py [--scale 0.1] [--seed 2024] [--dir FOLDER] [--rebuild]

Builds the portfolio of benchmarks/generate_portfolio.py once (reused by later
runs: its file name carries the scale and the seed), then in one run times,
as of 2025-12-31:

- program_tree of the program with the most KPIs,
- portfolio_overview of the whole database,
- kpi_detail of the KPI with the most measurements,
- and as the BASELINE, measured in the same run, a bare
  `SELECT kpi_id, count(*), sum(value), max(period_end) FROM measurement GROUP BY kpi_id`
  through the sqlite3 module: what reading the measurements costs at the least.

Each is run 3 times; the best time is kept. Printed: the time, its ratio to
the baseline, the measurement rows covered per second and the SQL statements
sent (BEGIN included).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_portfolio import LAST_PERIOD_END, generate, scaled
from pilotage.db.database import Database, open_database
from pilotage.services.kpi_detail import kpi_detail
from pilotage.services.overview import portfolio_overview, program_tree

REPEAT = 3
AS_OF: date = LAST_PERIOD_END
BASELINE_SQL = (
    "SELECT kpi_id, count(*), sum(value), max(period_end) FROM measurement GROUP BY kpi_id"
)


@dataclass(frozen=True)
class Timing:
    name: str
    seconds: float  # best of REPEAT
    rows: int  # measurement rows the query covers
    statements: int


def database_for(folder: Path, scale: float, seed: int, rebuild: bool) -> Path:
    """The generated portfolio for (scale, seed), built if missing (or asked to)."""
    path = folder / f"portfolio-scale{scale:g}-seed{seed}.sqlite"
    if path.exists() and not rebuild:
        print(f"reusing {path}")
        return path
    for stale in folder.glob(path.name + "*"):
        stale.unlink()
    partial = path.with_name(path.name + ".partial")
    for stale in folder.glob(partial.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    db = open_database(partial, create=True)
    try:
        counts = generate(db, seed=seed, **scaled(scale))
        with db.engine.connect() as connection:
            # Fold the WAL into the file: only the file is renamed.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    partial.rename(path)  # only a complete portfolio ever gets the reusable name
    print(f"generated {counts} in {time.perf_counter() - started:.1f} s -> {path}")
    return path


def best_of(action: Callable[[], object], db: Database) -> tuple[float, int]:
    """The best wall time of REPEAT runs, and the statements one run sends."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    best = float("inf")
    for _ in range(REPEAT):
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", seen)
        started = time.perf_counter()
        try:
            action()
        finally:
            best = min(best, time.perf_counter() - started)
            event.remove(db.engine, "before_cursor_execute", seen)
    return best, len(statements)


def baseline(path: Path) -> Timing:
    connection = sqlite3.connect(path)
    try:
        best, rows = float("inf"), 0
        for _ in range(REPEAT):
            started = time.perf_counter()
            result = connection.execute(BASELINE_SQL).fetchall()
            best = min(best, time.perf_counter() - started)
            rows = sum(row[1] for row in result)
        return Timing("baseline GROUP BY (sqlite3)", best, rows, 1)
    finally:
        connection.close()


def measured_rows(path: Path) -> tuple[int, dict[int, int]]:
    """Measurements up to AS_OF in all, and per KPI (to pick and weigh the subjects)."""
    connection = sqlite3.connect(path)
    try:
        per_kpi = dict(
            connection.execute(
                "SELECT kpi_id, count(*) FROM measurement WHERE period_end <= ? GROUP BY kpi_id",
                (AS_OF.isoformat(),),
            ).fetchall()
        )
        return sum(per_kpi.values()), per_kpi
    finally:
        connection.close()


def run(path: Path) -> list[Timing]:
    total, per_kpi = measured_rows(path)
    db = open_database(path)
    try:
        timings = [baseline(path)]
        programs = portfolio_overview(db, AS_OF)  # also warms the caches, as a GUI would
        seconds, statements = best_of(lambda: portfolio_overview(db, AS_OF), db)
        timings.append(Timing("portfolio_overview", seconds, total, statements))

        largest = max(programs, key=lambda s: s.rollup.kpi_count)
        tree = program_tree(db, largest.program.id, AS_OF)
        rows = sum(per_kpi.get(k.id, 0) for k in tree.all_kpis())
        seconds, statements = best_of(lambda: program_tree(db, largest.program.id, AS_OF), db)
        name = f"program_tree ({largest.program.reference}, {largest.rollup.kpi_count} KPIs)"
        timings.append(Timing(name, seconds, rows, statements))

        busiest = max(per_kpi, key=lambda k: per_kpi[k])
        seconds, statements = best_of(lambda: kpi_detail(db, busiest, AS_OF), db)
        name = f"kpi_detail (KPI {busiest}, {per_kpi[busiest]} measurements)"
        timings.append(Timing(name, seconds, per_kpi[busiest], statements))
    finally:
        db.close()
    return timings


def report(timings: list[Timing]) -> None:
    base = timings[0].seconds
    print(f"\nbest of {REPEAT}, as of {AS_OF}")
    print(f"{'query':<52} {'seconds':>8} {'x base':>7} {'rows/s':>12} {'stmts':>5}")
    for t in timings:
        rate = t.rows / t.seconds if t.seconds else float("inf")
        print(
            f"{t.name:<52} {t.seconds:8.3f} {t.seconds / base:7.1f} {rate:12,.0f} {t.statements:5d}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1, help="1 = full size (default 0.1)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "pilotage-bench",
        help="where the generated portfolio is kept (default: a folder in the temp folder)",
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the portfolio again")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    path = database_for(args.dir, args.scale, args.seed, args.rebuild)
    report(run(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
