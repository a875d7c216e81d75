"""The program report read back with openpyxl: the demo's figures as the engine computes
them (checked by hand against the brief: JobIntech as of 2024-12-31), the look of every
sheet, text that never becomes a formula, the fingerprint, and cancel.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from kpi_fixtures import LEARNERS, make_kpi
from openpyxl.worksheet.worksheet import Worksheet
from service_support import Statements, generator

from pilotage.db.database import Database
from pilotage.domain.enums import Frequency, KpiStatus, OwnerKind
from pilotage.domain.errors import CancelledError
from pilotage.domain.status_colors import STATUS_COLORS, STATUS_TEXT_COLORS, argb
from pilotage.exchange.labels import Labels
from pilotage.services.kpis import KpiOwner
from pilotage.services.measurements import (
    MeasurementInput,
    list_measurements,
    record_measurement,
)
from pilotage.services.overview import portfolio_overview, program_tree
from pilotage.services.programs import ProgramRow, find_program
from pilotage.services.reports import program_report

END_2024 = date(2024, 12, 31)
SHEETS_EN = (
    "Summary",
    "Pillars",
    "Initiatives",
    "KPIs",
    "Measurements",
    "Milestones",
    "Budget",
    "Charts",
)
SHEETS_FR = (
    "Synthèse",
    "Axes",
    "Initiatives",
    "Indicateurs",
    "Mesures",
    "Jalons",
    "Budget",
    "Graphiques",
)
INJECTIONS = (
    "=1+1",
    "+33 6 12 34 56 78",
    "-5",
    "@SUM(A1)",
    "\tx",
    "\rx",
    '=HYPERLINK("http://x","y")',
)


@pytest.fixture
def demo_program(demo_db: Database) -> ProgramRow:
    found = find_program(demo_db, "CP-MTNRA-MNC")
    assert found is not None
    return found


def _report(db: Database, program: ProgramRow, path: Path, language: str = "en") -> Path:
    program_report(db, program.id, END_2024, language, path)
    return path


def _rows_by_code(ws: Worksheet) -> dict[str, dict[str, object]]:
    """A table sheet's rows keyed by their first column, each a {header: cell} dict."""
    header = [c.value for c in ws[1]]
    return {
        str(row[0].value): dict(zip(header, row, strict=False))
        for row in ws.iter_rows(min_row=2)
        if row[0].value is not None
    }


def _sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        }


# --- figures ------------------------------------------------------------------------------


def test_jobintech_as_the_engine_computes_it(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(_report(demo_db, demo_program, tmp_path / "r.xlsx"))
    assert tuple(wb.sheetnames) == SHEETS_EN
    kpis = _rows_by_code(wb["KPIs"])

    app = kpis["JIT-APP"]  # 330 + 350 + 320 learners against 1,000
    assert app["Actual"].value == 1000
    assert app["Target to date"].value == 1000
    assert app["Progress"].value == 1
    assert app["Status"].value == "Achieved"

    dip = kpis["JIT-DIP"]  # 240 + 260 + 234 = 734 graduates of 800
    assert dip["Actual"].value == 734
    assert dip["Target to date"].value == 800
    assert dip["Progress"].value == pytest.approx(734 / 800)  # 91.8%
    assert dip["Status"].value == "On track"
    assert "240 + 260 + 234" in dip["How it was computed"].value

    txd = kpis["JIT-TXD"]  # 734 / 1,000 graduation rate against 80%
    assert txd["Actual"].value == pytest.approx(0.734)
    assert txd["Target to date"].value == pytest.approx(0.8)
    assert txd["Progress"].value == pytest.approx(0.734 / 0.8)
    assert txd["Actual"].number_format == "0.0%"

    ins = kpis["JIT-INS"]  # 72% placed; 0 -> 75% from 2024-01-01 to 2025-06-30
    assert ins["Actual"].value == 72
    assert ins["Target to date"].value == pytest.approx(75 * 365 / 546, abs=1e-9)  # 50.1
    assert ins["Progress"].value == pytest.approx(0.96)
    assert ins["Status"].value == "On track"
    assert ins["Actual"].number_format == '#,##0.0"%"'

    # Each KPI as the window's tree judges it.
    tree = program_tree(demo_db, demo_program.id, END_2024)
    statuses = {k.code: k.status for k in tree.all_kpis()}
    names = {"Achieved": KpiStatus.ACHIEVED, "On track": KpiStatus.ON_TRACK}
    assert names[app["Status"].value] is statuses["JIT-APP"]
    assert len(kpis) == len(statuses)


def test_summary_counts_budget_and_footer(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    path = _report(demo_db, demo_program, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(path)["Summary"]
    cells = {
        str(row[0].value): row[1].value
        for row in ws.iter_rows(min_row=1)
        if row[0].value is not None
    }
    assert cells["Reference"] == "CP-MTNRA-MNC"
    assert cells["As of"].date() == END_2024
    overview = next(
        s for s in portfolio_overview(demo_db, END_2024) if s.program.id == demo_program.id
    )
    assert cells["Total"] == overview.rollup.kpi_count
    for status, count in overview.rollup.counts.items():
        assert (
            cells[
                {
                    KpiStatus.ACHIEVED: "Achieved",
                    KpiStatus.ON_TRACK: "On track",
                    KpiStatus.AT_RISK: "At risk",
                    KpiStatus.OFF_TRACK: "Off track",
                    KpiStatus.NO_DATA: "No data",
                    KpiStatus.NOT_STARTED: "Not started",
                }[status]
            ]
            == count
        )
    assert cells["Total budget"] == 30_000_000
    assert re.fullmatch(r"[0-9a-f]{64}", cells["Fingerprint of the figures"])
    assert cells["Application version"]
    assert cells["Database"]
    # The local time of writing as a real date-time, naive: no "+00:00" printed after it.
    generated = cells["Generated at"]
    assert isinstance(generated, datetime)
    assert generated.tzinfo is None
    assert abs(generated - datetime.now()) < timedelta(minutes=5)  # noqa: DTZ005
    label = next(row for row in ws.iter_rows() if row[0].value == "Generated at")
    assert label[1].number_format == "yyyy-mm-dd hh:mm"
    assert len(ws._charts) == 1  # progress per pillar
    # Each pillar's bar in its status's colour, as in the window: the demo as of the end of
    # 2024 has P1 and P3 on track and P2 at risk (the Pillars sheet says the same).
    bars = ws._charts[0].series[0].dPt
    colours = [str(point.graphicalProperties.solidFill.srgbClr).upper() for point in bars]
    expected = [KpiStatus.ON_TRACK, KpiStatus.AT_RISK, KpiStatus.ON_TRACK]
    assert colours == [STATUS_COLORS[s].removeprefix("#").upper() for s in expected]
    # Printed, the status counts start a page (with the pillars' progress), the late
    # milestones the next: neither table split across two pages.
    starts = {str(row[0].value): row[0].row for row in ws.iter_rows() if row[0].value}
    breaks = {b.id for b in ws.row_breaks.brk}
    assert breaks == {starts["KPIs per status"] - 1, starts["Late milestones"] - 1}


# --- the look -----------------------------------------------------------------------------


def test_every_table_sheet_is_frozen_filtered_and_printable(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(_report(demo_db, demo_program, tmp_path / "r.xlsx"))
    for name in SHEETS_EN:
        ws = wb[name]
        # The footer (page numbers, sheet name) inside the bottom margin, not at its edge.
        assert ws.page_margins.bottom >= 0.75, name
        assert ws.page_margins.footer <= 0.3, name
        if name == "Summary":
            continue
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref.startswith("A1:"), name
        # The Charts sheet's later pages hold charts only: no header repeated over nothing.
        assert ws.print_title_rows == (None if name == "Charts" else "$1:$1"), name
        assert ws.page_setup.orientation == "landscape", name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToHeight == 0, name
        assert ws.oddFooter.center.text == "&P / &N", name
        assert ws["A1"].font.bold, name
        assert all(ws.column_dimensions[c].width for c in "AB"), name
    assert wb["Summary"].print_title_rows == "$1:$3"
    assert wb.properties.title == "Program report CP-MTNRA-MNC"
    assert wb.properties.creator == "Pilotage"
    assert "2024-12-31" in wb.properties.subject


def test_status_colours_and_number_formats(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(_report(demo_db, demo_program, tmp_path / "r.xlsx"))
    kpis = _rows_by_code(wb["KPIs"])
    for code, status in (("JIT-APP", KpiStatus.ACHIEVED), ("JIT-DIP", KpiStatus.ON_TRACK)):
        cell = kpis[code]["Status"]
        assert cell.fill.fgColor.rgb == argb(STATUS_COLORS[status])
        assert cell.font.color.rgb == argb(STATUS_TEXT_COLORS[status])
    assert kpis["JIT-DIP"]["Progress"].number_format == "0.0%"
    assert kpis["JIT-APP"]["Actual"].number_format == "#,##0"
    assert kpis["JIT-APP"]["Final target date"].number_format == "yyyy-mm-dd"
    budget = wb["Budget"]
    header = [c.value for c in budget[1]]
    jobintech = next(
        dict(zip(header, row, strict=False))
        for row in budget.iter_rows(min_row=2)
        if row[1].value == "P1-JIT"
    )
    assert jobintech["Planned"].number_format == '#,##0.00 "MAD"'
    # Wide enough for the amounts as formatted, currency included ("###" otherwise).
    for cell in jobintech.values():
        if cell.number_format == '#,##0.00 "MAD"' and cell.value is not None:
            shown = f"{cell.value:,.2f} MAD"
            assert budget.column_dimensions[cell.column_letter].width >= len(shown), cell
    assert jobintech["Committed / planned"].number_format == "0.0%"
    pillars = _rows_by_code(wb["Pillars"])
    assert pillars["1"]["Overall status"].fill.fgColor.rgb == argb(
        STATUS_COLORS[KpiStatus.ON_TRACK]
    )


def test_charts_of_actual_against_target(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(_report(demo_db, demo_program, tmp_path / "r.xlsx"))
    ws = wb["Charts"]
    charted = {row[0].value for row in ws.iter_rows(min_row=2) if row[0].value}
    # Every KPI with two measured periods or more; JIT-INS has one, so no chart.
    assert {"JIT-APP", "JIT-DIP", "JIT-TXD"} <= charted
    assert "JIT-INS" not in charted
    assert len(ws._charts) == len(charted)
    # Short date labels (one line under monthly points), and a page break after every
    # third chart so none prints across two pages.
    assert all(chart.x_axis.number_format.formatCode == "mm/yy" for chart in ws._charts)
    assert len(ws.row_breaks.brk) == (len(charted) - 1) // 3


def test_french_labels(demo_db: Database, demo_program: ProgramRow, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_report(demo_db, demo_program, tmp_path / "r.xlsx", "fr"))
    assert tuple(wb.sheetnames) == SHEETS_FR
    kpis = _rows_by_code(wb["Indicateurs"])
    dip = kpis["JIT-DIP"]
    assert dip["Statut"].value == "En bonne voie"
    assert dip["Réalisé"].value == 734
    assert "diplômés" in dip["Mode de calcul"].value
    assert "avancement" in dip["Mode de calcul"].value  # the engine speaks French too
    # The whole sentence, its joining words included, not only its parts.
    assert "Réalisé : " in dip["Mode de calcul"].value
    assert "Cible : " in dip["Mode de calcul"].value
    assert "Actual" not in dip["Mode de calcul"].value
    assert wb.properties.title == "Rapport du programme CP-MTNRA-MNC"
    # A date inside a French sentence is written as the French write it.
    assert wb.properties.subject.endswith(", au 31/12/2024")
    assert wb["Synthèse"]["B3"].value.date() == END_2024  # a date cell stays a real date


# --- text stays text ----------------------------------------------------------------------


def _jobintech(db: Database, program: ProgramRow) -> int:
    tree = program_tree(db, program.id, END_2024)
    return next(i.id for p in tree.pillars for i in p.initiatives if i.code == "P1-JIT")


def test_formula_looking_text_comes_back_as_text(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    owner = KpiOwner(OwnerKind.INITIATIVE, _jobintech(demo_db, demo_program))
    kpi = make_kpi(
        demo_db,
        owner,
        LEARNERS,
        code="INJ",
        name='=HYPERLINK("http://x","y")',
        frequency=Frequency.MONTHLY,
    )
    for month, text in enumerate(INJECTIONS, start=1):
        record_measurement(
            demo_db,
            kpi.id,
            MeasurementInput(
                period_start=date(2024, month, 1),
                period_end=date(2024, month + 1, 1) - timedelta(days=1),
                value=Decimal(month),
                comment=text,
                evidence_link="https://example.org/preuve.pdf" if month == 1 else "",
            ),
        )
    path = _report(demo_db, demo_program, tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    assert _rows_by_code(wb["KPIs"])["INJ"]["Name"].value == '=HYPERLINK("http://x","y")'
    ws = wb["Measurements"]
    header = [c.value for c in ws[1]]
    comment, evidence = header.index("Comment"), header.index("Evidence")
    rows = [row for row in ws.iter_rows(min_row=2) if row[0].value == "INJ"]
    # The services trim the tab and carriage return of "\tx" and "\rx" (tests/exchange
    # writes them as such); every comment comes back as the services stored it.
    stored = [m.comment for m in list_measurements(demo_db, kpi.id)]
    assert stored[:4] == list(INJECTIONS[:4])
    assert [row[comment].value for row in rows] == stored
    assert all(row[comment].data_type == "s" for row in rows)
    assert rows[0][evidence].hyperlink.target == "https://example.org/preuve.pdf"
    assert all(row[evidence].hyperlink is None for row in rows[1:])
    for name, xml in _sheet_xml(path).items():
        assert "<f>" not in xml, name
        assert "<f " not in xml, name


# --- same data, same report ---------------------------------------------------------------


def _values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    wb = openpyxl.load_workbook(path)
    values = {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb}
    # The generation time is the only cell that differs between two runs.
    values["Summary"] = [r for r in values["Summary"] if r[0] != "Generated at"]
    return values


def test_same_data_and_date_give_the_same_report(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    first = program_report(demo_db, demo_program.id, END_2024, "en", tmp_path / "a.xlsx")
    second = program_report(demo_db, demo_program.id, END_2024, "en", tmp_path / "b.xlsx")
    french = program_report(demo_db, demo_program.id, END_2024, "fr", tmp_path / "c.xlsx")
    assert first.fingerprint == second.fingerprint == french.fingerprint
    assert _values(first.path) == _values(second.path)

    later = program_report(demo_db, demo_program.id, date(2025, 6, 30), "en", tmp_path / "d.xlsx")
    assert later.fingerprint != first.fingerprint
    kpi_id = next(
        k.id
        for k in program_tree(demo_db, demo_program.id, END_2024).all_kpis()
        if k.code == "BEX-MEM"
    )
    record_measurement(
        demo_db,
        kpi_id,
        MeasurementInput(date(2024, 10, 1), date(2024, 12, 31), value=Decimal(3)),
    )
    changed = program_report(demo_db, demo_program.id, END_2024, "en", tmp_path / "e.xlsx")
    assert changed.fingerprint != first.fingerprint


# --- cancel, progress, statements --------------------------------------------------------


def test_a_cancelled_report_leaves_no_file(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "r.xlsx"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 3  # after two sheets

    with pytest.raises(CancelledError):
        program_report(demo_db, demo_program.id, END_2024, "en", out, cancelled=cancelled)
    assert list(folder.iterdir()) == []

    # An existing report is kept as it was when the new one is cancelled.
    out.write_bytes(b"previous")
    with pytest.raises(CancelledError):
        program_report(demo_db, demo_program.id, END_2024, "en", out, cancelled=lambda: True)
    assert out.read_bytes() == b"previous"
    assert list(folder.iterdir()) == [out]


def test_progress_reaches_the_total(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    outcome = program_report(
        demo_db,
        demo_program.id,
        END_2024,
        "en",
        tmp_path / "r.xlsx",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1] == (outcome.rows, outcome.rows)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.slow
def test_statements_do_not_grow_with_the_data(
    db: Database, demo: ProgramRow, statements: Statements, tmp_path: Path
) -> None:
    with statements() as small:
        program_report(db, demo.id, END_2024, "en", tmp_path / "small.xlsx")
    generator().generate(db, programs=3, initiatives=30, kpis=300, measurements=3000, seed=5)
    as_of = date(2025, 12, 31)
    largest = max(portfolio_overview(db, as_of), key=lambda s: s.rollup.kpi_count)
    assert largest.rollup.kpi_count >= 10 * 13
    with statements() as large:
        outcome = program_report(db, largest.program.id, as_of, "en", tmp_path / "large.xlsx")
    assert outcome.rows > 10 * 113
    # KPIs, targets, measurements, disaggregations, parties, milestones; the tree's
    # program, pillars and initiatives (its KPIs are those judged here); the budget.
    assert len(small) == len(large) == 10


def test_each_kpi_and_pillar_as_the_window_judges_them(db: Database, tmp_path: Path) -> None:
    """The report judges each KPI from its whole history and rolls the pillars up from
    those judgements; the window's tree judges from summaries: the figures must agree."""
    generator().generate(db, programs=2, initiatives=20, kpis=200, measurements=2500, seed=11)
    as_of = date(2025, 12, 31)
    compared = 0
    for summary in portfolio_overview(db, as_of):
        tree = program_tree(db, summary.program.id, as_of)
        path = program_report(db, summary.program.id, as_of, "en", tmp_path / "p.xlsx").path
        wb = openpyxl.load_workbook(path)
        names = {name: status for status, name in Labels("en").statuses.items()}
        # Codes repeat across owners in generated data: compare (code, status, progress).
        ws = wb["KPIs"]
        header = [c.value for c in ws[1]]
        code, status, progress = (header.index(h) for h in ("Code", "Status", "Progress"))
        written = sorted(
            (row[code], names[row[status]], round(row[progress] or -1, 9))
            for row in ws.iter_rows(min_row=2, values_only=True)
        )
        judged = sorted(
            (
                node.code,
                node.status,
                round(float(node.evaluation.progress.value or -1), 9),
            )
            for node in tree.all_kpis()
        )
        assert written == judged
        compared += len(judged)
        pillars = {str(row["Code"].value): row for row in _rows_by_code(wb["Pillars"]).values()}
        assert len(pillars) == len(tree.pillars) > 1
        for pillar in tree.pillars:
            row = pillars[pillar.code]
            assert row["KPIs"].value == pillar.rollup.kpi_count
            for status in KpiStatus:
                assert row[Labels("en").status(status)].value == pillar.rollup.counts.get(status, 0)
            assert row["Progress"].value == pytest.approx(float(pillar.rollup.mean_progress or 0))
            assert names[row["Overall status"].value] is pillar.headline
    assert compared == 200


def test_late_milestones_on_the_summary(
    demo_db: Database, demo_program: ProgramRow, tmp_path: Path
) -> None:
    # On 2025-06-30 the map of partner initiatives (due 2025-03-31) is not done: 91 days late.
    out = tmp_path / "r.xlsx"
    program_report(demo_db, demo_program.id, date(2025, 6, 30), "en", out)
    wb = openpyxl.load_workbook(out)
    summary = [tuple(r) for r in wb["Summary"].iter_rows(values_only=True)]
    late = summary.index(("Late milestones", None, None, None, None))
    assert summary[late + 1][:5] == ("Pillar", "Initiative", "Title", "Due date", "Days late")
    row = summary[late + 2]
    assert row[:3] == ("P1", "P1-VIV", "Cartographie des initiatives partenaires")
    assert row[4] == 91
    milestones = wb["Milestones"]
    flagged = [r for r in milestones.iter_rows(min_row=2, values_only=True) if r[5] == "yes"]
    assert [r[2] for r in flagged] == ["Cartographie des initiatives partenaires"]
