"""The Charts sheet: which KPIs are drawn, and the table their series read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pilotage.domain.enums import KpiStatus, Measure
from pilotage.exchange import kpi_charts
from pilotage.exchange.kpi_charts import chartable, charted, write_charts
from pilotage.exchange.labels import Labels
from pilotage.exchange.report_model import KpiLine, SeriesPoint
from pilotage.exchange.sheets import new_workbook
from pilotage.exchange.writing import Pacer


def _kpi(code: str, status: KpiStatus, points: int) -> KpiLine:
    series = tuple(
        SeriesPoint(date(2024, month, 28), Decimal(10 * month), Decimal(12 * month))
        for month in range(1, points + 1)
    )
    return KpiLine(
        code=code,
        name=f"KPI {code}",
        owner="P1",
        unit="",
        measure=Measure.COUNT,
        baseline=Decimal(0),
        target_to_date=None,
        final_target=Decimal(100),
        final_target_date=date(2025, 12, 31),
        actual=None,
        progress=None,
        expected=None,
        status=status,
        trace="",
        flags=frozenset(),
        series=series,
    )


KPIS = (
    _kpi("A1", KpiStatus.ON_TRACK, 3),
    _kpi("A2", KpiStatus.OFF_TRACK, 2),
    _kpi("A3", KpiStatus.ACHIEVED, 1),  # one point: nothing to draw
    _kpi("A4", KpiStatus.AT_RISK, 4),
    _kpi("A5", KpiStatus.OFF_TRACK, 2),
    _kpi("A6", KpiStatus.NO_DATA, 0),
)


def test_all_that_can_be_drawn_are_drawn_in_code_order() -> None:
    assert [k.code for k in chartable(KPIS)] == ["A1", "A2", "A4", "A5"]
    assert [k.code for k in charted(KPIS)] == ["A1", "A2", "A4", "A5"]


def test_capped_charts_put_off_track_then_at_risk_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi_charts, "MAX_CHARTS", 3)
    assert [k.code for k in charted(KPIS)] == ["A2", "A5", "A4"]


def test_the_sheet_holds_the_series_of_the_drawn_kpis_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(kpi_charts, "MAX_CHARTS", 2)
    wb = new_workbook("t", "s", "c")
    rows = write_charts(wb, KPIS, Labels("en"), Pacer(0))
    wb.save(tmp_path / "c.xlsx")
    assert rows == 2 + 2  # A2 and A5, two points each

    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Charts"]
    note = ws["A1"].value
    assert note.startswith("Charts of 2 of the 4 KPIs with two measurements")
    codes = [row[0] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert codes == ["A2", "A2", "A5", "A5"]
    assert len(ws._charts) == 2


def test_the_french_note_when_capped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(kpi_charts, "MAX_CHARTS", 1)
    wb = new_workbook("t", "s", "c")
    write_charts(wb, KPIS, Labels("fr"), Pacer(0))
    wb.save(tmp_path / "c.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Graphiques"]
    assert ws["A1"].value.startswith("Graphiques de 1 des 4 indicateurs ayant deux mesures")
