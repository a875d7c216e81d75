"""The portfolio report of the demo, read back: the roll-ups worked out by hand from the
demo's KPIs as of 2024-12-31 (`pilotage portfolio --as-of 2024-12-31`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pilotage.db.database import Database
from pilotage.domain.enums import KpiStatus
from pilotage.domain.status_colors import STATUS_COLORS, argb
from pilotage.services.reports import portfolio_report

END_OF_PILOT = date(2024, 12, 31)


def test_the_demo_portfolio(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.xlsx"
    outcome = portfolio_report(demo_db, END_OF_PILOT, "en", out)
    assert outcome.path == out
    assert outcome.sheets == ("Summary", "Programs")
    assert outcome.rows == 7 + 4  # six statuses and the total; the program and 3 pillars
    ws = openpyxl.load_workbook(out)["Programs"]
    rows = {(r[0], r[1]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert list(rows) == [
        ("CP-MTNRA-MNC", None),
        ("CP-MTNRA-MNC", "P1"),
        ("CP-MTNRA-MNC", "P2"),
        ("CP-MTNRA-MNC", "P3"),
    ]
    # KPIs, achieved, on track, at risk, off track, no data, not started; progress; status.
    program = rows["CP-MTNRA-MNC", None]
    assert program[8:15] == (13, 1, 5, 3, 0, 1, 3)
    assert program[16] == "At risk"  # CP-PART, ACC-CONV and EVT-ENT are at risk
    # (4/15 + 1 + 0.9175 + 0.96 + 0.9175 + 0.25 + 0.25 + 22/60 + 8/24) / 9
    assert program[15] == pytest.approx(0.5846, abs=1e-4)
    p1 = rows["CP-MTNRA-MNC", "P1"]
    # JIT-APP achieved; JIT-DIP, JIT-INS, JIT-TXD on track; VIV-DEL, VIV-TAL not started.
    assert p1[8:15] == (6, 1, 3, 0, 0, 0, 2)
    assert p1[15] == pytest.approx((1 + 0.9175 + 0.96 + 0.9175) / 4)
    assert p1[16] == "On track"
    p2 = rows["CP-MTNRA-MNC", "P2"]
    assert p2[8:15] == (3, 0, 1, 2, 0, 0, 0)
    assert p2[15] == pytest.approx((0.25 + 0.25 + 22 / 60) / 3)
    p3 = rows["CP-MTNRA-MNC", "P3"]
    assert p3[8:15] == (3, 0, 1, 0, 0, 1, 1)
    assert p3[15] == pytest.approx(8 / 24)
    assert p3[16] == "On track"
    assert ws["Q2"].fill.fgColor.rgb == argb(STATUS_COLORS[KpiStatus.AT_RISK])
    assert ws["Q3"].fill.fgColor.rgb == argb(STATUS_COLORS[KpiStatus.ON_TRACK])
    assert program[6] == Decimal("30000000")
    assert ws["G2"].number_format.endswith('"MAD"')


def test_same_data_same_date_same_fingerprint(demo_db: Database, tmp_path: Path) -> None:
    en = portfolio_report(demo_db, END_OF_PILOT, "en", tmp_path / "en.xlsx")
    fr = portfolio_report(demo_db, END_OF_PILOT, "fr", tmp_path / "fr.xlsx")
    again = portfolio_report(demo_db, END_OF_PILOT, "en", tmp_path / "again.xlsx")
    later = portfolio_report(demo_db, date(2025, 6, 30), "en", tmp_path / "later.xlsx")
    assert en.fingerprint == fr.fingerprint == again.fingerprint
    assert later.fingerprint != en.fingerprint
    first = openpyxl.load_workbook(tmp_path / "en.xlsx")["Programs"]
    second = openpyxl.load_workbook(tmp_path / "again.xlsx")["Programs"]
    assert [[c.value for c in r] for r in first.iter_rows()] == [
        [c.value for c in r] for r in second.iter_rows()
    ]
    summary = openpyxl.load_workbook(tmp_path / "fr.xlsx")["Synthèse"]
    values = [r for r in summary.iter_rows(values_only=True) if r and r[0]]
    assert ("Empreinte des chiffres", fr.fingerprint) in [tuple(r[:2]) for r in values]


def test_an_empty_database_is_a_report_without_programs(db: Database, tmp_path: Path) -> None:
    outcome = portfolio_report(db, END_OF_PILOT, "en", tmp_path / "empty.xlsx")
    assert outcome.rows == 7
    assert openpyxl.load_workbook(tmp_path / "empty.xlsx")["Programs"].max_row == 1
