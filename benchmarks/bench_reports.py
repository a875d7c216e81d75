"""Times the Excel reports on a generated portfolio against a bare openpyxl dump of as many cells.

    python benchmarks/bench_reports.py [--scale 1] [--seed 2024] [--dir FOLDER] [--rebuild]
                                       [--repeat 3]

Builds (or reuses) the portfolio of benchmarks/generate_portfolio.py (at full scale
50 programs, 3,000 initiatives, 30,000 KPIs, 300,000 measurements), then in one run,
as of 2025-12-31:

- the portfolio report (services.reports.portfolio_report) and the report of the
  largest program (the most KPIs; program_report), each written to a file;
- as the BASELINE of each, measured in the same run: a bare openpyxl write-only
  workbook with the same sheets, the same number of rows per sheet and the same
  number of cells (counted in the report's own XML), plain numbers and short texts,
  no style, no format, no database: what writing that many cells costs at the least.

Each measurement runs in a process of its own, so that one's peak memory (the
process's maximum resident set, which includes Python and the imports) never
mixes with another's. The report and its baseline run in turn, three times each
(`--repeat`), and the quickest of each is kept: a busy machine only slows a run.

Printed: seconds, the ratio to the baseline, data rows per second and the peak
memory in MB. The report's time includes reading and judging the data; the time
of that read alone is printed beside it, and the ratio of the rest (the writing)
to the baseline, so that what the writing costs can be told from what the query
costs. Targets: within 1.3x of the baseline, under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

AS_OF = date(2025, 12, 31)  # generate_portfolio.LAST_PERIOD_END, without importing it here
TARGET_RATIO = 1.3
TARGET_PEAK_MB = 300.0
_SHEET = re.compile(r"xl/worksheets/sheet\d+\.xml")


@dataclass(frozen=True)
class Run:
    """One measurement, made in a child process."""

    seconds: float
    peak_mb: float
    rows: int = 0  # data rows written (the report's count)
    read_seconds: float = 0.0  # reports: the data read and judged, timed alone


@dataclass(frozen=True)
class Line:
    name: str
    report: Run
    baseline: Run
    cells: int

    @property
    def ratio(self) -> float:
        return self.report.seconds / self.baseline.seconds if self.baseline.seconds else 0.0

    @property
    def write_ratio(self) -> float:
        """The report's time less its data read, against the dump: what writing costs."""
        if not self.baseline.seconds:
            return 0.0
        return max(self.report.seconds - self.report.read_seconds, 0.0) / self.baseline.seconds

    @property
    def rows_per_second(self) -> float:
        return self.report.rows / self.report.seconds if self.report.seconds else 0.0


# -- in the child process ------------------------------------------------------------------
def _peak_mb() -> float:
    """This process's peak resident memory. On Linux VmHWM, the high-water mark of the
    process's own memory: ru_maxrss would start at the parent's peak (it survives fork
    and exec there)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _child_report(job: dict[str, Any]) -> dict[str, Any]:
    from pilotage.db.database import open_database
    from pilotage.services import reports

    db = open_database(Path(job["db"]))
    try:
        out = Path(job["out"])
        started = time.perf_counter()
        if job["kind"] == "portfolio":
            outcome = reports.portfolio_report(db, AS_OF, "en", out)
        else:
            outcome = reports.program_report(db, int(job["program"]), AS_OF, "en", out)
        seconds = time.perf_counter() - started
        peak = _peak_mb()  # before the read below, which is not part of the report
        started = time.perf_counter()
        _read_only(db, job)
        read_seconds = time.perf_counter() - started
    finally:
        db.close()
    return {"seconds": seconds, "peak_mb": peak, "rows": outcome.rows, "read": read_seconds}


def _read_only(db: Any, job: dict[str, Any]) -> None:
    """What the report reads and judges before it writes anything, again on its own."""
    if job["kind"] == "portfolio":
        from pilotage.services.overview import portfolio_overview

        portfolio_overview(db, AS_OF)
    else:
        from pilotage.services.report_data import program_report_data

        program_report_data(db, int(job["program"]), AS_OF, "en")


def _child_dump(job: dict[str, Any]) -> dict[str, Any]:
    """The baseline: the same sheets, rows and cells, plain values, write-only, no styles."""
    from openpyxl import Workbook

    started = time.perf_counter()
    wb = Workbook(write_only=True)
    rows_written = 0
    for number, (rows, cells) in enumerate(job["shape"], start=1):
        ws = wb.create_sheet(f"Sheet{number}")
        width, extra = divmod(cells, rows) if rows else (0, 0)
        for r in range(rows):
            n = width + (1 if r < extra else 0)
            # Texts, whole numbers and decimals in turn, as a report's columns hold them.
            ws.append([f"K{r}-{c}" if c % 3 == 0 else r if c % 3 == 1 else r / 4 for c in range(n)])
        rows_written += rows
    wb.save(job["out"])
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": _peak_mb(), "rows": rows_written, "read": 0.0}


def child(job: dict[str, Any]) -> dict[str, Any]:
    return _child_dump(job) if job["kind"] == "dump" else _child_report(job)


# -- in the parent -------------------------------------------------------------------------
def measure(job: dict[str, Any], script: str = __file__) -> Run:
    """`job` run by `script --child` in a fresh Python process: its timing and its own
    peak memory (the figures the child prints last, as JSON)."""
    result = subprocess.run(
        [sys.executable, script, "--child", json.dumps(job)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{job['kind']} failed:\n{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return Run(figures["seconds"], figures["peak_mb"], figures["rows"], figures["read"])


def sheet_shape(path: Path) -> list[tuple[int, int]]:
    """(rows, cells) of each worksheet of a workbook, in order, as its XML holds them."""
    shape = []
    with zipfile.ZipFile(path) as archive:
        names = sorted(
            (n for n in archive.namelist() if _SHEET.fullmatch(n)),
            key=lambda n: int(re.sub(r"\D", "", n)),
        )
        for name in names:
            xml = archive.read(name)
            shape.append((xml.count(b"<row "), xml.count(b"<c ")))
    return shape


def largest_program(path: Path) -> tuple[int, str, int]:
    """(id, reference, KPI count) of the program with the most KPIs, wherever they hang."""
    connection = sqlite3.connect(path)
    try:
        row = connection.execute(
            """
            SELECT p.id, p.reference, count(*) AS kpis
            FROM kpi k
            LEFT JOIN pillar own ON own.id = k.pillar_id
            LEFT JOIN initiative i ON i.id = k.initiative_id
            LEFT JOIN pillar above ON above.id = i.pillar_id
            JOIN contract_program p
              ON p.id = coalesce(k.program_id, own.program_id, above.program_id)
            GROUP BY p.id ORDER BY kpis DESC, p.reference LIMIT 1
            """
        ).fetchone()
    finally:
        connection.close()
    return int(row[0]), str(row[1]), int(row[2])


def best(runs: list[Run]) -> Run:
    """The quickest run's figures, with the highest peak of all (noise only slows a run
    down; memory is what the work needs at most)."""
    quickest = min(runs, key=lambda r: r.seconds)
    return Run(
        quickest.seconds,
        max(r.peak_mb for r in runs),
        quickest.rows,
        min(r.read_seconds for r in runs),
    )


def compare(name: str, job: dict[str, Any], folder: Path, repeat: int = 3) -> Line:
    """The report of `job` and the bare dump of the same sheets and cells, in turn,
    `repeat` times: the best of each."""
    report_file = folder / f"{job['kind']}.xlsx"
    reports = [measure({**job, "out": str(report_file)})]
    shape = sheet_shape(report_file)
    dump_job = {"kind": "dump", "shape": shape, "out": str(folder / f"{job['kind']}-bare.xlsx")}
    dumps = [measure(dump_job)]
    for _ in range(repeat - 1):
        reports.append(measure({**job, "out": str(report_file)}))
        dumps.append(measure(dump_job))
    return Line(name, best(reports), best(dumps), sum(cells for _, cells in shape))


def run(db: Path, folder: Path, repeat: int = 3) -> list[Line]:
    program_id, reference, kpis = largest_program(db)
    return [
        compare("portfolio report", {"kind": "portfolio", "db": str(db)}, folder, repeat),
        compare(
            f"program report ({reference}, {kpis:,} KPIs)",
            {"kind": "program", "db": str(db), "program": program_id},
            folder,
            repeat,
        ),
    ]


def report(lines: list[Line]) -> None:
    print(f"\nas of {AS_OF}; baseline: bare openpyxl write-only dump of the same cells")
    print(
        f"{'':<38} {'cells':>9} {'rows':>8} {'seconds':>8} {'(read)':>7} {'bare s':>7}"
        f" {'x bare':>6} {'write x':>7} {'rows/s':>9} {'peak MB':>8} {'bare MB':>8}"
    )
    for x in lines:
        print(
            f"{x.name:<38} {x.cells:>9,} {x.report.rows:>8,} {x.report.seconds:>8.2f}"
            f" {x.report.read_seconds:>7.2f} {x.baseline.seconds:>7.2f} {x.ratio:>6.2f}"
            f" {x.write_ratio:>7.2f} {x.rows_per_second:>9,.0f}"
            f" {x.report.peak_mb:>8.0f} {x.baseline.peak_mb:>8.0f}"
        )
    print(
        f"targets: within {TARGET_RATIO}x of the bare dump, peak under {TARGET_PEAK_MB:.0f} MB"
        " (the peak includes Python and the imports)"
    )
    print(
        "(read): the report's data read and judged, timed again alone; write x: the report's"
        " time less that read, against the bare dump"
    )


def portfolio_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of a benchmark on the generated portfolio, run in child processes."""
    parser.add_argument("--scale", type=float, default=1.0, help="1 = full size (default)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "pilotage-bench",
        help="where the generated portfolio is kept (shared with bench_queries.py)",
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the portfolio again")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each, the best kept (default 3)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    portfolio_arguments(parser)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    from bench_queries import database_for

    args.dir.mkdir(parents=True, exist_ok=True)
    db = database_for(args.dir, args.scale, args.seed, args.rebuild)
    with tempfile.TemporaryDirectory(prefix="pilotage-bench-reports-") as scratch:
        report(run(db, Path(scratch), max(args.repeat, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
