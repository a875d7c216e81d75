"""What an import reads of the recorded figures: with the rows' range of periods, only
the figures that meet it, the same as those of a full read that do."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import Kpi
from pilotage.services.import_records import read_recorded
from pilotage.services.programs import ProgramRow


def test_a_range_of_periods_reads_only_the_figures_that_meet_it(
    db: Database, demo: ProgramRow
) -> None:
    first, last = date(2025, 1, 1), date(2025, 3, 31)
    with db.reading() as session:
        kpis = set(session.scalars(select(Kpi.id)))
        everything = read_recorded(session, kpis)
        in_range = read_recorded(session, kpis, (first, last))
    expected = {
        kpi: [m for m in figures if m.period_end >= first and m.period_start <= last]
        for kpi, figures in everything.items()
    }
    assert {k: v for k, v in in_range.items() if v} == {k: v for k, v in expected.items() if v}
    shown = [m for figures in in_range.values() for m in figures]
    # The demo has figures of the first quarter of 2025 (quarterly and monthly KPIs), and
    # of periods before it that a full read brings too.
    assert shown
    assert len(shown) < sum(len(figures) for figures in everything.values())
    assert all(m.period_end >= first and m.period_start <= last for m in shown)
    # A half-year or a year that holds the quarter meets it too.
    assert any(m.period_start < first for m in shown) or any(m.period_end > last for m in shown)
