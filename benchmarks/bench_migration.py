"""How long an analyst's file takes to reach this version's schema: migration 0004
rebuilds every table with an id (AUTOINCREMENT on SQLite), so its time grows with the
file. The baseline, measured in the same run on the same file, is SQLite's own
rewrite of every page (VACUUM INTO a new file): the least a full rebuild costs.

    python benchmarks/bench_migration.py [--scale 1] [--repeat 2]

Each round: a generated portfolio (generate_portfolio.py) taken down to 0003, copied,
then one copy upgraded to head and the other VACUUMed INTO a third file.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from generate_portfolio import generate, scaled
from pilotage.db import migrate
from pilotage.db.database import open_database
from pilotage.db.engine import create_db_engine, database_url

BEFORE = "0003"  # the schema of a file made before ids were kept from reuse


def _file_at_0003(folder: Path, scale: float) -> Path:
    path = folder / "portfolio.sqlite"
    db = open_database(path, create=True)
    try:
        generate(db, **scaled(scale))
        migrate.downgrade(db.engine, BEFORE)
    finally:
        db.close()
    return path


def _upgrade(path: Path) -> float:
    engine = create_db_engine(database_url(path))
    try:
        assert migrate.current_revision(engine) == BEFORE
        started = time.perf_counter()
        migrate.upgrade(engine)
        elapsed = time.perf_counter() - started
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()
    return elapsed


def _vacuum_into(path: Path, out: Path) -> float:
    connection = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        connection.execute("VACUUM INTO ?", (str(out),))
        return time.perf_counter() - started
    finally:
        connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = full size (default)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pilotage-bench-") as scratch:
        folder = Path(scratch)
        source = _file_at_0003(folder, args.scale)
        size_mb = source.stat().st_size / 1e6
        ours, baseline = [], []
        for round_ in range(args.repeat):
            upgraded = folder / f"upgraded-{round_}.sqlite"
            shutil.copyfile(source, upgraded)
            ours.append(_upgrade(upgraded))
            baseline.append(_vacuum_into(source, folder / f"vacuumed-{round_}.sqlite"))
        best, base = min(ours), min(baseline)
        print(f"file at {BEFORE}: {size_mb:.0f} MB (scale {args.scale})")
        print(f"upgrade {BEFORE} -> head: {best:.2f} s (best of {args.repeat})")
        print(f"baseline VACUUM INTO: {base:.2f} s (best of {args.repeat})")
        print(f"ratio upgrade / baseline: {best / base:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
