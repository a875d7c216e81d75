"""What is written is what was previewed: the apply and the errors copy refuse a file
whose bytes changed since the preview, and a figure someone else saved between the
judging and the write refuses the whole import (the PostgreSQL race), naming it."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from import_support import TABLES, demo_row, filled, kpi_ids, quarter
from service_support import AuditLog, Count
from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from pilotage.db.database import Database
from pilotage.db.schema import Measurement
from pilotage.domain.errors import ConflictError
from pilotage.exchange.template_reading import FilledTemplate
from pilotage.services import import_writing, measurement_import
from pilotage.services.import_outcomes import Judged
from pilotage.services.measurement_import import (
    FileChangedError,
    ImportResult,
    apply_import,
    preview_import,
    save_error_copy,
)
from pilotage.services.measurements import MeasurementInput, list_measurements, record_measurement
from pilotage.services.programs import ProgramRow

D = Decimal


def state(count: Count, audit_log: AuditLog) -> tuple[dict[str, int], int]:
    """Row counts and the last audit entry's id: what must not move."""
    entries = audit_log()
    return {table: count(table) for table in TABLES}, entries[-1].id if entries else 0


def test_apply_refuses_a_file_changed_since_the_preview(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2025, 1), value=1100)])
    preview = preview_import(db, path)
    assert len(preview.digest) == 64
    # The analyst fixes a cell in Excel while the preview is open.
    filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2025, 1), value=999999)])
    before = state(count, audit_log)
    with pytest.raises(FileChangedError) as refused:
        apply_import(db, path, valid_only=True, expected=preview.digest)
    assert str(refused.value) == (
        "figures-MNC.xlsx has changed since it was previewed: preview it again "
        "(nothing was written)"
    )
    assert state(count, audit_log) == before


def test_apply_writes_the_file_as_previewed(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2025, 1), value=1100)])
    preview = preview_import(db, path)
    before = count("measurement")
    assert apply_import(db, path, expected=preview.digest) == ImportResult(1, 0, 0, 0)
    assert count("measurement") == before + 1
    assert list_measurements(db, kpi_ids(db)["JIT-APP"])[-1].value == D(1100)


def test_the_errors_copy_refuses_a_file_changed_since_the_preview(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2025, 1), value=-1)])
    preview = preview_import(db, path)
    filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2025, 1), value=-2)])
    out = tmp_path / "errors.xlsx"
    with pytest.raises(FileChangedError, match="has changed since it was previewed"):
        save_error_copy(preview, out)
    assert not out.exists()


def _saved_meanwhile(
    monkeypatch: pytest.MonkeyPatch, db: Database, code: str, period_start: object
) -> None:
    """Someone saves the figure of `code` right after the import judged it: its version
    moves on (on PostgreSQL another connection can; here the same transaction does it)."""
    real = measurement_import.judge
    kpi_id = kpi_ids(db)[code]

    def judge_then_saved(
        session: Session, template: FilledTemplate, program_id: int
    ) -> list[Judged]:
        judged = real(session, template, program_id)
        session.execute(
            update(Measurement)
            .where(Measurement.kpi_id == kpi_id, Measurement.period_start == period_start)
            .values(value=195, version=Measurement.version + 1)
            .execution_options(synchronize_session=False)
        )
        return judged

    monkeypatch.setattr(measurement_import, "judge", judge_then_saved)


def _two_rows(db: Database, folder: Path) -> Path:
    """A new figure (JIT-APP 2025-Q1) and a change to a draft (JIT-APP 2024-Q4: 100 → 200)."""
    record_measurement(
        db, kpi_ids(db)["JIT-APP"], MeasurementInput(*quarter(2024, 4), value=D(100))
    )
    return filled(
        folder,
        [
            demo_row(db, "JIT-APP", quarter(2025, 1), value=1100),
            demo_row(db, "JIT-APP", quarter(2024, 4), value=200),
        ],
    )


def test_a_figure_saved_meanwhile_refuses_the_whole_import(
    db: Database,
    demo: ProgramRow,
    tmp_path: Path,
    count: Count,
    audit_log: AuditLog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _two_rows(db, tmp_path)
    before = state(count, audit_log)
    values = [m.value for m in list_measurements(db, kpi_ids(db)["JIT-APP"])]
    _saved_meanwhile(monkeypatch, db, "JIT-APP", quarter(2024, 4)[0])
    with pytest.raises(ConflictError) as refused:
        apply_import(db, path)
    message = str(refused.value)
    assert message.startswith("the figure of JIT-APP 2024-Q4 was changed")
    assert message.endswith("nothing was written; preview the workbook again")
    # Nothing written: not the new row, not the change, not the audit entries.
    assert state(count, audit_log) == before
    assert [m.value for m in list_measurements(db, kpi_ids(db)["JIT-APP"])] == values


def test_an_update_that_matches_no_row_refuses_the_whole_import(
    db: Database,
    demo: ProgramRow,
    tmp_path: Path,
    count: Count,
    audit_log: AuditLog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The version check before the update passes, yet the row moves before the UPDATE
    # (the last guard: the UPDATE's row count).
    path = _two_rows(db, tmp_path)
    before = state(count, audit_log)
    real_check = import_writing._check_versions
    kpi_id = kpi_ids(db)["JIT-APP"]

    def check_then_saved(session: Session, changed: list[Judged]) -> None:
        real_check(session, changed)
        session.execute(
            update(Measurement)
            .where(Measurement.kpi_id == kpi_id, Measurement.period_start == quarter(2024, 4)[0])
            .values(version=Measurement.version + 1)
            .execution_options(synchronize_session=False)
        )

    monkeypatch.setattr(import_writing, "_check_versions", check_then_saved)
    with pytest.raises(ConflictError) as refused:
        apply_import(db, path)
    assert str(refused.value) == (
        "a figure of this workbook was changed while the import was being written: nothing "
        "was written; preview the workbook again"
    )
    assert state(count, audit_log) == before


def test_a_period_recorded_meanwhile_refuses_the_whole_import(
    db: Database,
    demo: ProgramRow,
    tmp_path: Path,
    count: Count,
    audit_log: AuditLog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # JIT-APP 2025-Q1 is new when judged; someone records it before the insert (on
    # PostgreSQL another connection can): the insert meets the KPI-and-period constraint.
    path = _two_rows(db, tmp_path)
    before = state(count, audit_log)
    real = measurement_import.judge
    kpi_id = kpi_ids(db)["JIT-APP"]

    def judge_then_recorded(
        session: Session, template: FilledTemplate, program_id: int
    ) -> list[Judged]:
        judged = real(session, template, program_id)
        session.execute(
            insert(Measurement).values(
                version=1,
                kpi_id=kpi_id,
                period_start=quarter(2025, 1)[0],
                period_end=quarter(2025, 1)[1],
                value=5,
                status="draft",
                comment="",
                evidence_link="",
                entered_by="colleague",
                entered_at=datetime.now(UTC),
            )
        )
        return judged

    monkeypatch.setattr(measurement_import, "judge", judge_then_recorded)
    with pytest.raises(ConflictError) as refused:
        apply_import(db, path)
    assert str(refused.value) == (
        "a figure of this workbook was recorded by someone else while the import was being "
        "written: nothing was written; preview the workbook again"
    )
    assert state(count, audit_log) == before
