"""Times the imports (a filled template, a whole program) against bare openpyxl.

    python benchmarks/bench_imports.py [--scale 1] [--seed 2024] [--dir FOLDER] [--rebuild]
                                       [--repeat 3] [--only template|program]
                                       [--one-program MEASUREMENTS]

Builds (or reuses) the portfolio of benchmarks/generate_portfolio.py (shared with
bench_queries.py and bench_reports.py), takes its largest program (the most KPIs)
and, in one run (with --one-program N, the same on a database of one program of N
figures, generated and kept beside the portfolio):

- writes the data-collection template of that program for the 12 months of 2025,
  fills every row as a partner would (a figure, or a numerator and a denominator),
  then times the preview (services.measurement_import.preview_import) and the apply
  of the valid rows (apply_import, on a copy of the database each time);
- times export_program of that program and import_program of the workbook written
  into an empty database;
- as the BASELINE of each, measured in the same run: for a read (the preview, the
  apply, the import) a bare openpyxl read-only iteration over every cell of the same
  workbook (`iter_rows(values_only=True)` on each sheet: what reading those cells
  costs at the least); for the export a bare openpyxl write-only dump of the same
  sheets, rows and cells (bench_reports' baseline).

Each measurement runs in a process of its own (its peak memory is its own: the
process's maximum resident set, Python and the imports included); each and its
baseline run in turn `--repeat` times, the quickest kept: a busy machine only slows
a run down. Printed: seconds, the ratio to the baseline, rows per second and the
peak memory in MB. Target: an import within 2x of the bare read of its cells.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_reports
from bench_reports import Run, best, largest_program

TEMPLATE_FROM = date(2025, 1, 1)
TEMPLATE_TO = date(2025, 12, 31)
TARGET_RATIO = 2.0


@dataclass(frozen=True)
class Line:
    name: str
    work: Run
    baseline: Run
    baseline_name: str

    @property
    def ratio(self) -> float:
        return self.work.seconds / self.baseline.seconds if self.baseline.seconds else 0.0

    @property
    def rows_per_second(self) -> float:
        return self.work.rows / self.work.seconds if self.work.seconds else 0.0


# -- in the child process ------------------------------------------------------------------
def _child_read(job: dict[str, Any]) -> dict[str, Any]:
    """The baseline of a read: every cell of every sheet, openpyxl read-only, values only."""
    import openpyxl

    started = time.perf_counter()
    wb = openpyxl.load_workbook(job["workbook"], read_only=True, data_only=False)
    rows = 0
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            rows += 1
    wb.close()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": bench_reports._peak_mb(), "rows": rows, "read": 0.0}


def _child_work(job: dict[str, Any]) -> dict[str, Any]:
    from pilotage.db.database import open_database

    kind = job["kind"]
    scratch = Path(job["scratch"])
    if kind == "apply":
        path = scratch / "apply.sqlite"  # the apply writes: a fresh copy each time
        shutil.copyfile(job["db"], path)
        db = open_database(path)
    elif kind == "import":
        path = scratch / "import.sqlite"  # an empty database each time
        for stale in scratch.glob("import.sqlite*"):
            stale.unlink()
        db = open_database(path, create=True)
    else:
        db = open_database(Path(job["db"]))
    try:
        started = time.perf_counter()
        rows = _work(db, job)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return {"seconds": seconds, "peak_mb": bench_reports._peak_mb(), "rows": rows, "read": 0.0}


def _work(db: Any, job: dict[str, Any]) -> int:
    """Does the job's work; the rows it handled."""
    kind, workbook = job["kind"], Path(job["workbook"])
    if kind == "preview":
        from pilotage.services.measurement_import import preview_import

        return len(preview_import(db, workbook).rows)
    if kind == "apply":
        from pilotage.services.measurement_import import apply_import

        result = apply_import(db, workbook, valid_only=True)
        return result.created + result.changed + result.unchanged + result.skipped
    if kind == "export":
        from pilotage.services.program_transfer import export_program

        return sum(export_program(db, int(job["program"]), workbook).counts.values())
    if kind == "import":
        from pilotage.services.program_transfer import import_program

        return sum(import_program(db, workbook).counts.values())
    raise ValueError(kind)


def child(job: dict[str, Any]) -> dict[str, Any]:
    if job["kind"] == "dump":
        return bench_reports._child_dump(job)
    if job["kind"] == "read":
        return _child_read(job)
    return _child_work(job)


# -- in the parent -------------------------------------------------------------------------
def measure(job: dict[str, Any]) -> Run:
    """`job` run in a fresh Python process: its timing and its own peak memory."""
    return bench_reports.measure(job, __file__)


def filled_template(db: Path, program_id: int, folder: Path) -> Path:
    """The program's template for 2025, every row filled as a partner would: a figure
    of the KPI's kind, or a numerator and a denominator for a ratio."""
    import openpyxl

    from pilotage.db.database import open_database
    from pilotage.exchange import template_layout as layout
    from pilotage.exchange.template_layout import Field
    from pilotage.exchange.workbook_marker import marker_of
    from pilotage.services.templates import write_template

    template = folder / "template.xlsx"
    database = open_database(db)
    try:
        write_template(database, program_id, TEMPLATE_FROM, TEMPLATE_TO, "en", template)
    finally:
        database.close()
    connection = sqlite3.connect(db)
    try:
        measures = dict(connection.execute("SELECT id, measure FROM kpi").fetchall())
    finally:
        connection.close()
    wb = openpyxl.load_workbook(template)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    column = layout.INDEX
    for number in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        measure = measures.get(ws.cell(number, column[Field.KPI_ID]).value)
        if measure == "ratio":
            ws.cell(number, column[Field.NUMERATOR]).value = 30 + number % 7
            ws.cell(number, column[Field.DENOMINATOR]).value = 40 + number % 5
        elif measure == "yes_no":
            ws.cell(number, column[Field.VALUE]).value = "yes"
        elif measure == "percentage":
            ws.cell(number, column[Field.VALUE]).value = 50 + number % 40
        else:
            ws.cell(number, column[Field.VALUE]).value = 1000 + number % 97
        ws.cell(number, column[Field.COMMENT]).value = f"benchmark row {number}"
    filled = folder / "figures.xlsx"
    wb.save(filled)
    return filled


def one_program(folder: Path, measurements: int, seed: int, rebuild: bool) -> Path:
    """A database of one generated program of `measurements` figures (a KPI for every 50
    of them), built if missing (or asked to)."""
    from generate_portfolio import generate
    from pilotage.db.database import open_database

    path = folder / f"one-program-{measurements}-seed{seed}.sqlite"
    if path.exists() and not rebuild:
        print(f"reusing {path}")
        return path
    partial = path.with_name(path.name + ".partial")
    for stale in [*folder.glob(path.name + "*"), *folder.glob(partial.name + "*")]:
        stale.unlink()
    kpis = max(measurements // 50, 1)
    db = open_database(partial, create=True)
    try:
        counts = generate(
            db, programs=1, initiatives=max(kpis // 100, 1), kpis=kpis,
            measurements=measurements, seed=seed,
        )  # fmt: skip
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    partial.rename(path)
    print(f"generated {counts} -> {path}")
    return path


def compare(
    name: str, job: dict[str, Any], baseline: dict[str, Any], baseline_name: str, repeat: int
) -> Line:
    """`job` and its baseline in turn, `repeat` times: the best of each."""
    works, bases = [], []
    for _ in range(repeat):
        works.append(measure(job))
        bases.append(measure(baseline))
    return Line(name, best(works), best(bases), baseline_name)


def run(db: Path, folder: Path, repeat: int = 3, only: str | None = None) -> list[Line]:
    program_id, reference, kpis = largest_program(db)
    common = {"db": str(db), "scratch": str(folder), "program": program_id}
    lines: list[Line] = []
    if only in (None, "template"):
        filled = str(filled_template(db, program_id, folder))
        read = {"kind": "read", "workbook": filled}
        for kind in ("preview", "apply"):
            job = {**common, "kind": kind, "workbook": filled}
            name = f"template {kind} ({reference}, 12 months)"
            lines.append(compare(name, job, read, "bare read", repeat))
    if only in (None, "program"):
        workbook = folder / "program.xlsx"
        export = {**common, "kind": "export", "workbook": str(workbook)}
        exports = [measure(export)]  # first: the workbook the dump and the import take
        dump = {
            "kind": "dump",
            "shape": bench_reports.sheet_shape(workbook),
            "out": str(folder / "program-bare.xlsx"),
        }
        dumps = [measure(dump)]
        for _ in range(repeat - 1):
            exports.append(measure(export))
            dumps.append(measure(dump))
        name = f"program export ({reference}, {kpis:,} KPIs)"
        lines.append(Line(name, best(exports), best(dumps), "bare dump"))
        job = {**common, "kind": "import", "workbook": str(workbook)}
        read = {"kind": "read", "workbook": str(workbook)}
        name = f"program import ({reference}, empty db)"
        lines.append(compare(name, job, read, "bare read", repeat))
    return lines


def report(lines: list[Line]) -> None:
    print("\nbaselines: bare openpyxl read-only iteration (values only) of the same workbook's")
    print("cells for a read; bare openpyxl write-only dump of the same cells for the export")
    print(
        f"{'':<44} {'rows':>8} {'seconds':>8} {'baseline':>10} {'base s':>7} {'x base':>6}"
        f" {'rows/s':>9} {'peak MB':>8} {'base MB':>8}"
    )
    for x in lines:
        print(
            f"{x.name:<44} {x.work.rows:>8,} {x.work.seconds:>8.2f} {x.baseline_name:>10}"
            f" {x.baseline.seconds:>7.2f} {x.ratio:>6.2f} {x.rows_per_second:>9,.0f}"
            f" {x.work.peak_mb:>8.0f} {x.baseline.peak_mb:>8.0f}"
        )
    print(
        f"target: an import within {TARGET_RATIO}x of the bare read of its cells"
        " (the peak includes Python and the imports)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bench_reports.portfolio_arguments(parser)
    parser.add_argument("--only", choices=("template", "program"), help="one half only")
    parser.add_argument(
        "--one-program",
        type=int,
        metavar="MEASUREMENTS",
        help="instead of the portfolio, a database of one program holding this many"
        " figures (300000: the largest program a team migrates), kept in --dir",
    )
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    from bench_queries import database_for

    args.dir.mkdir(parents=True, exist_ok=True)
    if args.one_program:
        db = one_program(args.dir, args.one_program, args.seed, args.rebuild)
    else:
        db = database_for(args.dir, args.scale, args.seed, args.rebuild)
    with tempfile.TemporaryDirectory(prefix="pilotage-bench-imports-") as scratch:
        report(run(db, Path(scratch), max(args.repeat, 1), args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
