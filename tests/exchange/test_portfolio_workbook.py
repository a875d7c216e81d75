"""The portfolio workbook from plain data: its rows, formats, colours, sheets' set-up and
fingerprint (the demo's figures, read through the services, are in
tests/services/test_reports_portfolio.py)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pilotage.domain.enums import KpiStatus, ProgramStatus
from pilotage.domain.errors import CancelledError
from pilotage.domain.status_colors import STATUS_COLORS, argb
from pilotage.exchange.portfolio_report import (
    PortfolioReportData,
    ProgramRollUp,
    portfolio_fingerprint,
    write_portfolio_report,
)
from pilotage.exchange.report_model import GroupLine, ProgramInfo, ReportContext

S = KpiStatus
CONTEXT = ReportContext(
    generated_at=datetime(2025, 1, 6, 9, 30),  # noqa: DTZ001 (naive local time)
    version="0.1.0",
    database="team.sqlite",
)


def _pillar(code: str, title: str, counts: dict[KpiStatus, int], mean: str | None) -> GroupLine:
    headline = next(
        (s for s in (S.OFF_TRACK, S.AT_RISK, S.ON_TRACK, S.ACHIEVED) if counts.get(s)),
        S.NO_DATA,
    )
    return GroupLine(
        pillar_code=code,
        code=code,
        title=title,
        position=int(code[1:]),
        counts=counts,
        kpi_count=sum(counts.values()),
        mean_progress=None if mean is None else Decimal(mean),
        headline=headline,
    )


def _program(reference: str, title: str, currency: str, *pillars: GroupLine) -> ProgramRollUp:
    counts: dict[KpiStatus, int] = {}
    for p in pillars:
        for status, n in p.counts.items():
            counts[status] = counts.get(status, 0) + n
    return ProgramRollUp(
        program=ProgramInfo(
            reference=reference,
            title=title,
            description="",
            status=ProgramStatus.ACTIVE,
            signed_on=None,
            start_date=date(2024, 1, 1),
            end_date=date(2026, 12, 31),
            currency=currency,
            total_budget=Decimal("30000000.00"),
        ),
        counts=counts,
        kpi_count=sum(counts.values()),
        mean_progress=Decimal("0.5"),
        headline=S.AT_RISK if counts.get(S.AT_RISK) else S.ON_TRACK,
        pillars=pillars,
    )


def _data(currency_b: str = "MAD") -> PortfolioReportData:
    return PortfolioReportData(
        as_of=date(2024, 12, 31),
        programs=(
            _program(
                "CP-A",
                "Compétences numériques",
                "MAD",
                _pillar("P1", "Vivier de talents", {S.ACHIEVED: 1, S.ON_TRACK: 3}, "0.94875"),
                _pillar("P2", '=HYPERLINK("http://x","clic")', {S.AT_RISK: 2}, "0.25"),
            ),
            _program(
                "CP-B",
                "-Écosystème",
                currency_b,
                _pillar("P1", "@Veille", {S.NO_DATA: 1, S.NOT_STARTED: 2}, None),
            ),
        ),
    )


def _write(tmp_path: Path, data: PortfolioReportData, language: str = "en") -> Path:
    path = tmp_path / f"portfolio-{language}.xlsx"
    write_portfolio_report(data, CONTEXT, language, portfolio_fingerprint(data), path)
    return path


def test_one_row_per_program_and_per_pillar(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_write(tmp_path, _data()))["Programs"]
    header = [c.value for c in ws[1]]
    assert header == [
        "Program", "Pillar", "Title", "Program status", "Start date", "End date", "Total budget",
        "Currency", "KPIs", "Achieved", "On track", "At risk", "Off track", "No data",
        "Not started", "Progress", "Overall status",
    ]  # fmt: skip
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[:3] for r in rows] == [
        ["CP-A", None, "Compétences numériques"],
        ["CP-A", "P1", "Vivier de talents"],
        ["CP-A", "P2", '=HYPERLINK("http://x","clic")'],
        ["CP-B", None, "-Écosystème"],
        ["CP-B", "P1", "@Veille"],
    ]
    # KPIs, then achieved, on track, at risk, off track, no data, not started.
    assert rows[0][8:15] == [6, 1, 3, 2, 0, 0, 0]
    assert rows[1][8:15] == [4, 1, 3, 0, 0, 0, 0]
    assert rows[4][8:15] == [3, 0, 0, 0, 0, 1, 2]
    assert rows[1][15] == pytest.approx(0.94875)
    assert rows[4][15] is None  # no progress is not 0%
    assert [r[16] for r in rows] == ["At risk", "On track", "At risk", "On track", "No data"]
    # openpyxl reads dates back as midnight datetimes.
    start, end = datetime(2024, 1, 1), datetime(2026, 12, 31)  # noqa: DTZ001
    assert rows[0][3:8] == ["active", start, end, 30_000_000, "MAD"]
    assert rows[1][3:8] == [None] * 5


def test_formats_colours_and_print_setup(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_write(tmp_path, _data()))
    assert wb.sheetnames == ["Summary", "Programs"]
    assert wb.properties.title == "Portfolio report"
    assert wb.properties.subject == "All programs, as of 2024-12-31"
    assert wb.properties.creator == "Pilotage"
    ws = wb["Programs"]
    assert ws["E2"].number_format == "yyyy-mm-dd"
    assert ws["G2"].number_format == '#,##0.00 "MAD"'
    assert ws["I2"].number_format == "#,##0"
    assert ws["P2"].number_format == "0.0%"
    for cell, status in (("Q2", S.AT_RISK), ("Q3", S.ON_TRACK), ("Q6", S.NO_DATA)):
        assert ws[cell].fill.fgColor.rgb == argb(STATUS_COLORS[status])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:Q6"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.center.text == "&P / &N"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["B"].width


def test_several_currencies_keep_the_amount_and_its_code_apart(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_write(tmp_path, _data(currency_b="EUR")))["Programs"]
    # A whole amount in a decimal column takes the integer format (no trailing point).
    assert ws["G2"].number_format == "#,##0"
    assert [ws["H2"].value, ws["H5"].value] == ["MAD", "EUR"]


def test_the_summary_counts_every_kpi_per_status(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(_write(tmp_path, _data()))["Summary"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "Portfolio report"
    assert values[1][:2] == ["As of", datetime(2024, 12, 31)]  # noqa: DTZ001
    assert values[2][:2] == ["Programs", 2]
    header = next(i for i, row in enumerate(values) if row[0] == "Status")
    table = values[header + 1 : header + 8]
    # 1 + 3 + 2 KPIs in CP-A, 1 + 2 in CP-B: 9 in all.
    assert [row[:2] for row in table] == [
        ["Achieved", 1], ["On track", 3], ["At risk", 2], ["Off track", 0],
        ["No data", 1], ["Not started", 2], ["Total", 9],
    ]  # fmt: skip
    assert table[2][2] == pytest.approx(2 / 9)
    first = header + 2
    # Laid out as the program report's Summary: its three title rows frozen and repeated.
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$1:$3"
    assert values[header + 8][0] == "Overall status"
    assert ws.cell(row=header + 9, column=2).value == "At risk"
    assert ws.cell(row=first, column=1).fill.fgColor.rgb == argb(STATUS_COLORS[S.ACHIEVED])
    footer = {row[0]: row[1] for row in values[header + 9 :] if row and row[0]}
    # A real date-time, naive (a cell holds no offset), shown with a date-time format.
    assert footer["Generated at"] == datetime(2025, 1, 6, 9, 30)  # noqa: DTZ001
    assert footer["Application version"] == "0.1.0"
    assert footer["Database"] == "team.sqlite"
    assert footer["Fingerprint of the figures"] == portfolio_fingerprint(_data())


def test_french_labels(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_write(tmp_path, _data(), "fr"))
    assert wb.sheetnames == ["Synthèse", "Programmes"]
    assert wb.properties.subject == "Tous les programmes, au 31/12/2024"
    ws = wb["Programmes"]
    assert [ws["A1"].value, ws["B1"].value, ws["J1"].value, ws["Q1"].value] == [
        "Programme", "Axe", "Atteints", "Statut global",
    ]  # fmt: skip
    assert ws["D2"].value == "actif"
    assert ws["Q2"].value == "À risque"


def test_text_never_becomes_a_formula(tmp_path: Path) -> None:
    path = _write(tmp_path, _data())
    ws = openpyxl.load_workbook(path)["Programs"]
    for cell in ("C4", "C5", "C6"):
        assert ws[cell].data_type == "s"
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name).decode()
                assert "<f>" not in xml, name
                assert "<f " not in xml, name


def test_the_fingerprint_follows_the_figures_not_the_words(tmp_path: Path) -> None:
    data = _data()
    assert portfolio_fingerprint(data) == portfolio_fingerprint(_data())
    assert len(portfolio_fingerprint(data)) == 64  # sha256, hexadecimal
    en = write_portfolio_report(data, CONTEXT, "en", "f", tmp_path / "en.xlsx")
    assert (en.sheets, en.rows) == (("Summary", "Programs"), 7 + 5)
    later = PortfolioReportData(as_of=date(2025, 1, 1), programs=data.programs)
    assert portfolio_fingerprint(later) != portfolio_fingerprint(data)
    pillar = data.programs[0].pillars[0]
    moved = GroupLine(**{**pillar.__dict__, "mean_progress": Decimal("0.95")})
    changed = PortfolioReportData(
        as_of=data.as_of,
        programs=(
            ProgramRollUp(**{**data.programs[0].__dict__, "pillars": (moved,)}),
            data.programs[1],
        ),
    )
    assert portfolio_fingerprint(changed) != portfolio_fingerprint(data)


def test_progress_and_cancel(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_portfolio_report(
        _data(), CONTEXT, "en", "f", tmp_path / "p.xlsx", lambda d, t: seen.append((d, t))
    )
    assert seen == [(0, 2), (1, 2), (2, 2)]
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first program

    before = sorted(tmp_path.iterdir())
    with pytest.raises(CancelledError):
        write_portfolio_report(_data(), CONTEXT, "en", "f", tmp_path / "c.xlsx", None, cancelled)
    assert sorted(tmp_path.iterdir()) == before  # no report, no temporary file


def test_an_empty_portfolio(tmp_path: Path) -> None:
    data = PortfolioReportData(as_of=date(2024, 12, 31), programs=())
    written = write_portfolio_report(data, CONTEXT, "en", "f", tmp_path / "e.xlsx")
    assert written.rows == 7
    wb = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert wb["Programs"].max_row == 1
    assert wb["Programs"]["A1"].value == "Program"
