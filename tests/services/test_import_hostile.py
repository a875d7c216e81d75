"""Hostile and broken files given to the import: each refused with one sentence (or, for
formulas and error cells in a template, its rows rejected), the database unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from import_support import TABLES, demo_row, filled, hostile_files, quarter
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.domain.errors import ValidationError
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.services.measurement_import import RowOutcome, apply_import, preview_import
from pilotage.services.programs import ProgramRow

hostile = hostile_files()

MAKERS: dict[str, Callable[[Path], Path]] = {
    "billion laughs": hostile.billion_laughs,
    "zip bomb": lambda folder: hostile.zip_bomb(folder, megabytes=64),
    "truncated": lambda folder: hostile.truncated(hostile.good_workbook(folder), folder),
    "corrupted": lambda folder: hostile.corrupted(hostile.good_workbook(folder), folder),
    "renamed text": hostile.renamed_text,
    "renamed pdf": hostile.renamed_pdf,
    "empty file": hostile.empty_file,
    "password protected": hostile.password_protected,
    "old xls": hostile.old_xls,
    "too many rows": hostile.too_many_rows,
    "formulas, no marker": hostile.with_formulas_and_errors,
    "a plain workbook": hostile.good_workbook,
}


def state(count: Count, audit_log: AuditLog) -> tuple[dict[str, int], int]:
    return {table: count(table) for table in TABLES}, len(audit_log())


@pytest.mark.parametrize("name", list(MAKERS))
def test_a_hostile_file_is_refused_in_one_sentence(
    name: str,
    db: Database,
    demo: ProgramRow,
    tmp_path: Path,
    count: Count,
    audit_log: AuditLog,
) -> None:
    path = MAKERS[name](tmp_path)
    before = state(count, audit_log)
    with pytest.raises(WorkbookRefusedError) as refused:
        preview_import(db, path)
    assert "\n" not in str(refused.value)
    assert path.name in str(refused.value) or "not a Pilotage" in str(refused.value)
    with pytest.raises(WorkbookRefusedError):
        apply_import(db, path, valid_only=True)
    assert state(count, audit_log) == before


def test_formulas_and_errors_put_in_a_template_reject_their_rows(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    source = filled(
        tmp_path,
        [
            demo_row(db, "JIT-APP", quarter(2024, 4), value=1),
            demo_row(db, "JIT-DIP", quarter(2025, 1), value=2),
        ],
    )
    path = hostile.edited(
        source, tmp_path, "Figures", {"K2": "=SUM(1,2)", "K3": "#N/A"}, "edited.xlsx"
    )
    before = state(count, audit_log)
    preview = preview_import(db, path)
    assert [r.outcome for r in preview.rows] == [RowOutcome.REJECTED] * 2
    assert [str(p) for p in preview.problems] == [
        "Figures!K2 (Value): is a formula: type the figure itself",
        "Figures!K3 (Value): holds the error #N/A: type the figure itself",
    ]
    with pytest.raises(ValidationError):
        apply_import(db, path)
    assert apply_import(db, path, valid_only=True).skipped == 2
    assert state(count, audit_log) == before


def test_a_deleted_column_or_a_chart_data_sheet_is_refused_and_nothing_written(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    source = filled(
        tmp_path,
        [demo_row(db, "JIT-APP", quarter(2024, 4), value=1, comment="c", evidence_link="x")],
    )
    wb = hostile.load_workbook(source)
    wb["Figures"].delete_cols(7)  # Unit: every field to its right would shift left
    wb.save(tmp_path / "column_deleted.xlsx")
    chart = hostile.chart_instead_of_sheet(source, tmp_path, "Figures", "chart.xlsx")
    before = state(count, audit_log)
    for path, words in [
        (tmp_path / "column_deleted.xlsx", "column G is “Period” where the template has “Unit”"),
        (chart, "data sheet “Figures” is not a sheet of cells"),
    ]:
        with pytest.raises(WorkbookRefusedError, match=words):
            preview_import(db, path)
        with pytest.raises(WorkbookRefusedError, match=words):
            apply_import(db, path, valid_only=True)
    assert state(count, audit_log) == before


def test_a_huge_hidden_kpi_id_is_a_tampered_row(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    source = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 4), value=1)])
    path = hostile.edited(source, tmp_path, "Figures", {"A2": 10**30}, "id_huge.xlsx")
    before = state(count, audit_log)
    preview = preview_import(db, path)
    assert [r.outcome for r in preview.rows] == [RowOutcome.REJECTED]
    assert [p.column for p in preview.problems] == ["A"]
    assert "KPI's identifier (a hidden column) is “1e+30”" in str(preview.problems[0])
    apply_import(db, path, valid_only=True)
    assert state(count, audit_log) == before
