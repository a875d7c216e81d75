"""Whole or nothing: the temporary file, cancel between batches, progress, the
fingerprint's independence from language and run, and KPI value formats."""

from __future__ import annotations

import glob
import os
import tempfile
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pilotage.domain.enums import KpiStatus, Measure, ProgramStatus, QualityFlag
from pilotage.domain.errors import CancelledError
from pilotage.exchange.columns import Column, Kind
from pilotage.exchange.fingerprint import program_fingerprint
from pilotage.exchange.kpi_formats import value_format
from pilotage.exchange.labels import Labels
from pilotage.exchange.program_report import write_program_report
from pilotage.exchange.report_model import (
    KpiLine,
    ProgramInfo,
    ProgramReportData,
    ReportContext,
    SeriesPoint,
)
from pilotage.exchange.sheets import TableSheet, new_workbook
from pilotage.exchange.writing import Pacer, discard, save_atomically

D = Decimal
CONTEXT = ReportContext(datetime(2024, 12, 31, 10, 0), "0.1.0", "test.sqlite")  # noqa: DTZ001


def _kpi(code: str, points: int = 3) -> KpiLine:
    return KpiLine(
        code=code,
        name=f"KPI {code}",
        owner="P1",
        unit="learners",
        measure=Measure.COUNT,
        baseline=D(0),
        target_to_date=D(800),
        final_target=D(800),
        final_target_date=date(2024, 12, 31),
        actual=D(734),
        progress=D("0.9175"),
        expected=D(1),
        status=KpiStatus.ON_TRACK,
        trace="on track: progress 91.8%",
        flags=frozenset({QualityFlag.NO_DATA_SOURCE}),
        series=tuple(
            SeriesPoint(date(2024, 3 * (i + 1), 28), D(100 * (i + 1)), D(200 * (i + 1)))
            for i in range(points)
        ),
    )


def _data(kpis: int = 3) -> ProgramReportData:
    return ProgramReportData(
        program=ProgramInfo(
            "CP-1",
            "Programme",
            "",
            ProgramStatus.ACTIVE,
            None,
            date(2024, 1, 1),
            date(2026, 12, 31),
            "MAD",
            D(1000),
        ),
        as_of=date(2024, 12, 31),
        parties=(),
        counts={KpiStatus.ON_TRACK: kpis},
        kpi_count=kpis,
        mean_progress=D("0.9175"),
        headline=KpiStatus.ON_TRACK,
        pillars=(),
        initiatives=(),
        kpis=tuple(_kpi(f"K{i:04d}") for i in range(kpis)),
        measurements=(),
        milestones=(),
        budget=(),
    )


def test_the_fingerprint_covers_figures_not_words() -> None:
    data = _data()
    same = replace(data, kpis=tuple(replace(k, trace="en bonne voie") for k in data.kpis))
    assert program_fingerprint(data) == program_fingerprint(same)
    stored_scale = replace(data, mean_progress=D("0.91750"))
    assert program_fingerprint(data) == program_fingerprint(stored_scale)
    moved = replace(data, kpis=(replace(data.kpis[0], actual=D(735)), *data.kpis[1:]))
    assert program_fingerprint(data) != program_fingerprint(moved)
    later = replace(data, as_of=date(2025, 1, 1))
    assert program_fingerprint(data) != program_fingerprint(later)


def test_progress_and_cancel_between_batches(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    pacer = Pacer(1200, lambda done, total: seen.append((done, total)), batch=500)
    for _ in range(1200):
        pacer.step()
    assert seen == [(500, 1200), (1000, 1200)]
    stop = Pacer(10, cancelled=lambda: True, batch=5)
    for _ in range(4):
        stop.step()
    with pytest.raises(CancelledError):
        stop.step()


def test_cancel_leaves_neither_the_report_nor_temporary_files(tmp_path: Path) -> None:
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "openpyxl.*")))
    asked = iter([False, False, True])
    with pytest.raises(CancelledError):
        write_program_report(
            _data(2000), CONTEXT, "en", "f" * 64, tmp_path / "r.xlsx",
            cancelled=lambda: next(asked, True),
        )  # fmt: skip
    assert list(tmp_path.iterdir()) == []
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "openpyxl.*"))) <= before


def test_a_failed_save_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"previous")
    wb = new_workbook("t", "s", "c")
    TableSheet(wb, "x", [Column("a")], Labels("en").statuses).close()

    class BrokenDiskError(Exception):
        pass

    def explode(_path: object) -> None:
        raise BrokenDiskError

    wb.save = explode
    with pytest.raises(BrokenDiskError):
        save_atomically(wb, out)
    discard(wb)
    assert out.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [out]


def test_many_rows_stream_beyond_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    data = _data(1200)
    written = write_program_report(data, CONTEXT, "en", "f" * 64, out)
    assert written.rows == 1200 + 200 * 3  # KPIs, then three points of each charted one
    wb = openpyxl.load_workbook(out)
    kpis = wb["KPIs"]
    assert kpis.max_row == 1201
    assert kpis["A1201"].value == "K1199"
    assert kpis["M1201"].fill.fgColor.rgb.endswith("43A047")
    assert kpis["O1201"].value == "no data source"
    charts = wb["Charts"]
    assert charts["A1"].value.startswith("Charts of 200 of the 1200 KPIs with two measurements")
    assert len(charts._charts) == 200


@pytest.mark.parametrize(
    ("measure", "unit", "value", "expected"),
    [
        (Measure.RATIO, "%", D("0.734"), "0.0%"),
        (Measure.RATIO, "learners per trainer", D("12.5"), "#,##0.0##"),
        (Measure.PERCENTAGE, "%", D(72), '#,##0.0"%"'),
        (Measure.COUNT, "learners", D(1000), "#,##0"),
        (Measure.COUNT, "learners", D("266.6667"), "#,##0.0"),  # a target to date
        (Measure.AMOUNT, "MAD", D("1250.75"), "#,##0.0##"),
        (Measure.YES_NO, "", D(1), '[=1]"yes";[=0]"no";0.00'),
    ],
)
def test_kpi_value_formats(measure: Measure, unit: str, value: Decimal, expected: str) -> None:
    assert value_format(measure, unit, value, Labels("en")) == expected


def test_french_yes_no_format() -> None:
    assert value_format(Measure.YES_NO, "", D(0), Labels("fr")) == '[=1]"oui";[=0]"non";0.00'


def test_a_date_in_a_text_column_keeps_a_date_format(tmp_path: Path) -> None:
    wb = new_workbook("t", "s", "c")
    sheet = TableSheet(wb, "x", [Column("a"), Column("n", Kind.INTEGER)], Labels("en").statuses)
    sheet.write([date(2024, 12, 31), 5])
    sheet.write(["text", 6])
    sheet.close()
    wb.save(tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx")["x"]
    assert ws["A2"].is_date
    assert ws["A3"].number_format == "General"
    assert ws["B3"].number_format == "#,##0"


@pytest.mark.skipif(os.name == "nt", reason="no file modes on Windows")
@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_a_new_workbook_is_readable_as_the_umask_allows(tmp_path: Path, umask: int) -> None:
    # The temporary file is created 0600: a template saved in a shared folder must not stay
    # unreadable to the colleagues the umask lets read it.
    wb = new_workbook("t", "s", "c")
    wb.create_sheet("Data")
    previous = os.umask(umask)
    try:
        save_atomically(wb, tmp_path / "new.xlsx")
    finally:
        os.umask(previous)
    assert (tmp_path / "new.xlsx").stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.skipif(os.name == "nt", reason="no file modes on Windows")
def test_a_replaced_workbook_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "shared.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o664)
    wb = new_workbook("t", "s", "c")
    wb.create_sheet("Data")
    save_atomically(wb, out)
    assert out.stat().st_mode & 0o777 == 0o664
    assert out.read_bytes() != b"old"
