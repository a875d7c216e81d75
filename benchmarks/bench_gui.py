"""Times the GUI's tables, navigator and start-up against Qt's ready-made ways, offscreen.

    python benchmarks/bench_gui.py [--quick] [--scale 1] [--seed 2024] [--dir FOLDER]

In one run, each against a baseline measured in the same run:

(a) the measurements table of a KPI with 300,000 measurements: setting the
    rows and painting the view (`grab`) with our lazy RowsModel, against a
    QStandardItemModel filled with the same texts; and how much the process
    grew (resident memory) for each;
(b) sorting those rows by value in the model, against a QSortFilterProxyModel
    over the same model — on fewer rows (--proxy-rows), since it takes minutes
    on all of them: both are timed on those rows, and ours on all;
(c) the navigator on the generated portfolio (benchmarks/generate_portfolio.py;
    at full scale 50 programs, 3,000 initiatives, 30,000 KPIs): reloading the
    model and painting, with the default expansion and with none, and a reload
    whose structure is unchanged, against a QStandardItemModel tree built whole;
(d) the time from process start to the first window painted by `pilotage`,
    against a bare `QApplication` + `QMainWindow().show()`, and against a
    window shown only after the database layer and the services are imported
    (what `pilotage` did before).

--quick: 30,000 rows, 3,000 through the proxy, the portfolio at scale 0.1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Result, application, best_of, rss_mb, timed
from bench_navigator import bench_navigator
from bench_startup import bench_startup
from pilotage.domain.enums import Measure, MeasurementStatus
from pilotage.gui.models.collector import collector_paused
from pilotage.gui.models.measurements_model import MeasurementsModel
from pilotage.gui.qt import (
    QModelIndex,
    QSortFilterProxyModel,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTableView,
)
from pilotage.services.measurements import MeasurementRow
from pilotage.services.overview import ProgramTree

VIEW_SIZE = (1000, 700)


# --- (a) and (b): a long measurements table ----------------------------------------


def measurement_rows(count: int) -> list[MeasurementRow]:
    """`count` monthly measurements of one KPI, values in no particular order."""
    template = MeasurementRow(
        id=0,
        version=1,
        kpi_id=1,
        period_start=date(2000, 1, 1),
        period_end=date(2000, 1, 31),
        value=None,
        numerator=None,
        denominator=None,
        status=MeasurementStatus.SUBMITTED,
        comment="",
        evidence_link="",
        entered_by="bench",
        entered_at=datetime(2025, 1, 1, tzinfo=UTC),
        disaggregations=(),
        warnings=(),
    )
    rows = []
    with collector_paused():
        for n in range(count):
            year, month = divmod(n, 12)
            start = date(1000 + year % 8000, month + 1, 1)
            end = date(start.year, start.month, 28)
            value = Decimal((n * 7919) % 100_003) / 10
            rows.append(
                replace(template, id=n + 1, period_start=start, period_end=end, value=value)
            )
    return rows


def table_view(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.resize(*VIEW_SIZE)
    return view


def bench_table(rows: Sequence[MeasurementRow]) -> list[Result]:
    """(a) set the rows and paint: our model against a QStandardItemModel."""
    application()
    before = rss_mb()
    ours = MeasurementsModel()
    view = table_view(ours)

    def show() -> None:
        ours.set_measurements(Measure.COUNT, "", list(rows))
        view.grab()

    ours_seconds = best_of(show)
    ours_mb = rss_mb() - before
    shown = ours.rowCount()

    columns = ours._columns  # the same texts as ours shows, computed for every cell
    held: list[object] = []  # kept alive until the memory is read

    def fill_and_paint() -> None:
        standard = QStandardItemModel(len(rows), len(columns))
        standard.setHorizontalHeaderLabels([c.header for c in columns])
        for number, row in enumerate(rows):
            for column, described in enumerate(columns):
                standard.setItem(number, column, QStandardItem(described.text(row)))
        table = table_view(standard)
        table.grab()
        held.extend((standard, table))

    before = rss_mb()
    base_seconds, _ = timed(fill_and_paint)
    base_mb = rss_mb() - before
    held.clear()
    return [
        Result(
            f"(a) table of {len(rows):,} rows: set + first paint",
            ours_seconds,
            base_seconds,
            "QStandardItemModel",
            note=f"ours hands the view {shown:,} rows, then more as it scrolls",
        ),
        Result(
            "(a) memory the table added",
            max(ours_mb, 0.1),
            base_mb,
            "QStandardItemModel",
            unit="MB",
            note="resident memory growth",
        ),
    ]


def bench_sort(rows: Sequence[MeasurementRow], proxy_rows: int) -> list[Result]:
    """(b) sort by value in the model against a QSortFilterProxyModel over it; each
    with a view attached, as on the page."""
    application()
    column = MeasurementsModel.VALUE
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder

    def ours_on(subset: Sequence[MeasurementRow]) -> float:
        model = MeasurementsModel()
        model.set_measurements(Measure.COUNT, "", list(subset))
        view = table_view(model)
        view.grab()

        def both_ways() -> None:  # a sort to the same order is skipped: alternate
            model.sort(column, descending)
            model.sort(column, ascending)

        seconds = best_of(both_ways) / 2
        model.sort(column, descending)
        top = max(r.value for r in subset if r.value is not None)
        assert model.row_at(0).value == top
        return seconds

    all_seconds = ours_on(rows)
    few = list(rows[:proxy_rows])
    few_seconds = ours_on(few)

    source = MeasurementsModel()
    source.set_measurements(Measure.COUNT, "", few)
    while source.canFetchMore(QModelIndex()):  # the proxy sorts only what it is given
        source.fetchMore(QModelIndex())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    view = table_view(proxy)
    view.grab()
    proxy_seconds, _ = timed(lambda: proxy.sort(column, descending))
    per_row = proxy_seconds / max(len(few), 1)
    return [
        Result(
            f"(b) sort {len(few):,} rows by value",
            few_seconds,
            proxy_seconds,
            "QSortFilterProxyModel",
        ),
        Result(
            f"(b) sort {len(rows):,} rows by value",
            all_seconds,
            per_row * len(rows),
            "proxy, extrapolated",
            note=f"proxy timed on {len(few):,} rows, scaled linearly (an underestimate)",
        ),
    ]


# --- (d) start-up -----------------------------------------------------------------

# --- running ------------------------------------------------------------------------


def portfolio_trees(folder: Path, scale: float, seed: int) -> list[ProgramTree]:
    from bench_queries import AS_OF, database_for
    from pilotage.db.database import open_database
    from pilotage.services.overview import program_trees

    db = open_database(database_for(folder, scale, seed, rebuild=False))
    try:
        seconds, trees = timed(lambda: program_trees(db, AS_OF))
        print(f"program_trees (the service, off the GUI thread in the app): {seconds:.2f} s")
        return trees  # type: ignore[return-value]
    finally:
        db.close()


def report(results: list[Result]) -> None:
    print()
    print(f"{'measured':<52} {'ours':>9} {'baseline':>9} {'x faster':>9}  baseline / note")
    for r in results:
        unit = r.unit
        print(
            f"{r.name:<52} {r.ours:8.3f}{unit[0]} {r.baseline:8.3f}{unit[0]} {r.ratio:9.1f}"
            f"  {r.baseline_name}{' — ' + r.note if r.note else ''}"
        )
    print("(s: seconds, M: MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run (seconds)")
    parser.add_argument("--rows", type=int, default=None, help="table rows (default 300,000)")
    parser.add_argument("--proxy-rows", type=int, default=None, help="rows the proxy sorts")
    parser.add_argument("--scale", type=float, default=None, help="portfolio scale (1 = full)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=None, help="start-up runs (best kept)")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "pilotage-bench",
        help="where the generated portfolio is kept (shared with bench_queries.py)",
    )
    args = parser.parse_args(argv)
    rows = args.rows or (30_000 if args.quick else 300_000)
    proxy_rows = args.proxy_rows or (3_000 if args.quick else 20_000)
    scale = args.scale or (0.1 if args.quick else 1.0)
    repeat = args.repeat or (1 if args.quick else 3)
    args.dir.mkdir(parents=True, exist_ok=True)

    application()
    results: list[Result] = []
    measurements = measurement_rows(rows)
    results += bench_table(measurements)
    results += bench_sort(measurements, min(proxy_rows, rows))
    del measurements
    trees = portfolio_trees(args.dir, scale, args.seed)
    results += bench_navigator(trees)
    from bench_queries import database_for

    results += bench_startup(database_for(args.dir, scale, args.seed, rebuild=False), repeat)
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
