"""Importing a filled template: the preview row by row, the apply in one transaction with
its audit entries, and the second import of the same file changing nothing."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from import_support import TABLES, demo_row, filled, half, kpi_ids, quarter
from service_support import AuditLog, Count, Statements

from filled_templates import figure_row, write_filled
from pilotage.db.database import Database
from pilotage.domain.enums import AuditAction, MeasurementStatus
from pilotage.domain.errors import ValidationError
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.services.identity import current_user
from pilotage.services.measurement_import import (
    ImportResult,
    RowOutcome,
    apply_import,
    preview_import,
)
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    list_measurements,
    record_measurement,
)
from pilotage.services.programs import ProgramRow

D = Decimal


def sizes(count: Count) -> dict[str, int]:
    return {table: count(table) for table in TABLES}


def new_figures(db: Database, folder: Path) -> Path:
    """Figures for three periods the demo has no measurement for."""
    return filled(
        folder,
        [
            demo_row(
                db,
                "JIT-DIP",
                quarter(2025, 1),
                value=250,
                disaggregations="sexe / femmes = 110; sexe / hommes = 140",
                comment="Cohorte D",
            ),
            demo_row(db, "JIT-TXD", quarter(2025, 1), numerator=250, denominator=330),
            demo_row(
                db, "JIT-INS", half(2025, 1), value="74,5", evidence_link="https://mnc.ma/i.pdf"
            ),
        ],
    )


def test_preview_says_what_is_new_and_writes_nothing(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    path = new_figures(db, tmp_path)
    before = sizes(count)
    preview = preview_import(db, path)
    assert sizes(count) == before
    assert (preview.path, preview.program) == (path, "CP-MTNRA-MNC")
    assert preview.counts == {
        RowOutcome.NEW: 3,
        RowOutcome.CHANGED: 0,
        RowOutcome.UNCHANGED: 0,
        RowOutcome.REJECTED: 0,
    }
    assert not preview.has_rejected
    dip, txd, ins = preview.rows
    assert (dip.sheet, dip.row, dip.kpi_code, dip.period) == ("Figures", 2, "JIT-DIP", "2025-Q1")
    assert dip.kpi_id == kpi_ids(db)["JIT-DIP"]
    assert dip.kpi_name == "Diplômés"
    assert (dip.old, dip.new) == ("", "250 · sexe / femmes = 110; sexe / hommes = 140")
    # A percentage is shown with its sign, as a rejected one is ("150 %").
    assert (txd.new, ins.new, ins.period) == ("250 / 330", "74.5 %", "2025-H1")


def test_apply_writes_every_new_row_with_its_audit_entry(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    path = new_figures(db, tmp_path)
    before, entries = sizes(count), len(audit_log())
    assert apply_import(db, path) == ImportResult(created=3, changed=0, unchanged=0, skipped=0)
    assert count("measurement") == before["measurement"] + 3
    assert count("disaggregation") == before["disaggregation"] + 2
    dip = list_measurements(db, kpi_ids(db)["JIT-DIP"])[-1]
    assert (dip.period_start, dip.period_end, dip.value) == (*quarter(2025, 1), D(250))
    assert (dip.status, dip.entered_by, dip.comment) == (
        MeasurementStatus.SUBMITTED,
        current_user(),
        "Cohorte D",
    )
    assert [(d.dimension, d.category, d.value) for d in dip.disaggregations] == [
        ("sexe", "femmes", D(110)),
        ("sexe", "hommes", D(140)),
    ]
    txd = list_measurements(db, kpi_ids(db)["JIT-TXD"])[-1]
    assert (txd.value, txd.numerator, txd.denominator) == (None, D(250), D(330))
    ins = list_measurements(db, kpi_ids(db)["JIT-INS"])[-1]
    assert (ins.value, ins.evidence_link) == (D("74.5"), "https://mnc.ma/i.pdf")
    added = audit_log()[entries:]
    assert [(e.entity, e.action, e.reason) for e in added] == [
        ("measurement", AuditAction.CREATE, "imported from figures-MNC.xlsx")
    ] * 3
    assert {e.entity_id for e in added} == {dip.id, txd.id, ins.id}
    changes = json.loads(added[0].changes)
    assert changes["value"] == [None, "250"]
    assert changes["status"] == [None, "submitted"]


def test_the_same_file_twice_changes_nothing_the_second_time(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    path = new_figures(db, tmp_path)
    apply_import(db, path)
    after_first = sizes(count)
    preview = preview_import(db, path)
    assert [r.outcome for r in preview.rows] == [RowOutcome.UNCHANGED] * 3
    assert apply_import(db, path) == ImportResult(created=0, changed=0, unchanged=3, skipped=0)
    assert sizes(count) == after_first


def test_a_validated_period_with_the_same_figure_is_unchanged(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    # The demo's JIT-APP 2024-Q3 is 320, validated, commented "Cohorte C": an empty
    # comment cell keeps the comment.
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 3), value=320)])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.old, row.new, row.problems) == (RowOutcome.UNCHANGED, "320", "320", ())
    before = sizes(count)
    assert apply_import(db, path).unchanged == 1
    assert sizes(count) == before


def test_a_draft_is_changed_and_its_disaggregations_replaced(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    kpi_id = kpi_ids(db)["JIT-DIP"]
    draft = record_measurement(
        db,
        kpi_id,
        MeasurementInput(
            *quarter(2025, 1),
            value=D(200),
            comment="first count",
            disaggregations=(
                DisaggregationInput("sexe", "femmes", D(90)),
                DisaggregationInput("sexe", "hommes", D(110)),
            ),
        ),
    )
    path = filled(
        tmp_path,
        [
            demo_row(
                db,
                "JIT-DIP",
                quarter(2025, 1),
                value=210,
                disaggregations="sexe / femmes = 100; sexe / hommes = 110",
            )
        ],
    )
    (row,) = preview_import(db, path).rows
    assert row.outcome is RowOutcome.CHANGED
    assert row.old == "200 · sexe / femmes = 90; sexe / hommes = 110"
    assert row.new == "210 · sexe / femmes = 100; sexe / hommes = 110"
    before, entries = sizes(count), len(audit_log())
    assert apply_import(db, path) == ImportResult(created=0, changed=1, unchanged=0, skipped=0)
    assert sizes(count)["measurement"] == before["measurement"]
    assert sizes(count)["disaggregation"] == before["disaggregation"]
    changed = list_measurements(db, kpi_id)[-1]
    assert (changed.id, changed.version, changed.value) == (draft.id, draft.version + 1, D(210))
    assert changed.comment == "first count"  # an empty comment cell keeps it
    assert changed.status is MeasurementStatus.DRAFT
    assert [(d.category, d.value) for d in changed.disaggregations] == [
        ("femmes", D(100)),
        ("hommes", D(110)),
    ]
    (entry,) = audit_log()[entries:]
    assert (entry.entity_id, entry.action, entry.reason) == (
        draft.id,
        AuditAction.UPDATE,
        "imported from figures-MNC.xlsx",
    )
    assert json.loads(entry.changes) == {
        "value": ["200", "210"],
        "disaggregations": [
            '["sexe / femmes: 90", "sexe / hommes: 110"]',
            '["sexe / femmes: 100", "sexe / hommes: 110"]',
        ],
    }


def test_a_changed_comment_alone_is_a_change(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    kpi_id = kpi_ids(db)["JIT-APP"]
    record_measurement(db, kpi_id, MeasurementInput(*quarter(2024, 4), value=D(100)))
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 4), value=100, comment="late")])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.old, row.new) == (RowOutcome.CHANGED, "100 · –", "100 · “late”")


def test_a_comment_alone_is_added_to_the_recorded_figure(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    kpi_id = kpi_ids(db)["JIT-APP"]
    record_measurement(db, kpi_id, MeasurementInput(*quarter(2024, 4), value=D(100)))
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 4), comment="checked")])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.old, row.new) == (RowOutcome.CHANGED, "100 · –", "100 · “checked”")
    apply_import(db, path)
    recorded = list_measurements(db, kpi_id)[-1]
    assert (recorded.value, recorded.comment) == (D(100), "checked")


def test_a_comment_alone_on_a_validated_period_is_refused(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 3), comment="checked")])
    (row,) = preview_import(db, path).rows
    assert row.outcome is RowOutcome.REJECTED
    assert "period 2024-Q3 is validated and locked (recorded: 320)" in str(row.problems[0])
    # Said on the comment the partner typed, not on the value cell left empty.
    assert (row.problems[0].column, row.problems[0].header) == ("O", "Comment")


def test_a_comment_alone_without_a_recorded_figure_needs_the_value(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 4), comment="soon")])
    (row,) = preview_import(db, path).rows
    assert [str(p) for p in row.problems] == ["Figures!K2 (Value): is required"]


def test_rejected_rows_write_nothing_unless_valid_ones_are_asked_for(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    path = filled(
        tmp_path,
        [
            demo_row(db, "JIT-APP", quarter(2024, 4), value=300),
            demo_row(db, "JIT-DIP", quarter(2025, 1), value=-3),
        ],
    )
    preview = preview_import(db, path)
    assert preview.has_rejected
    assert [r.outcome for r in preview.rows] == [RowOutcome.NEW, RowOutcome.REJECTED]
    before = sizes(count)
    with pytest.raises(ValidationError) as refused:
        apply_import(db, path)
    assert str(refused.value) == "Figures!K3 (Value): must not be negative: it is a count"
    assert sizes(count) == before
    result = apply_import(db, path, valid_only=True)
    assert result == ImportResult(created=1, changed=0, unchanged=0, skipped=1)
    assert count("measurement") == before["measurement"] + 1
    assert audit_log()[-1].entity_id == list_measurements(db, kpi_ids(db)["JIT-APP"])[-1].id


def test_apply_judges_the_database_as_it_is_now(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    path = filled(tmp_path, [demo_row(db, "JIT-APP", quarter(2024, 4), value=300)])
    assert preview_import(db, path).rows[0].outcome is RowOutcome.NEW
    # Someone records the period meanwhile: the apply updates it rather than adding a twin.
    record_measurement(db, kpi_ids(db)["JIT-APP"], MeasurementInput(*quarter(2024, 4), value=D(1)))
    before = count("measurement")
    assert apply_import(db, path).changed == 1
    assert count("measurement") == before


def test_a_template_of_a_program_not_in_the_database_is_refused(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # An id this database does not hold: not the demo's program under a corrected reference.
    row = figure_row(999_999, "JIT-APP", *quarter(2024, 4), "2024-Q4", value=1)
    path = filled(tmp_path, [row], program="CP-X")
    with pytest.raises(WorkbookRefusedError, match="for program CP-X, which this database"):
        preview_import(db, path)


def test_progress_is_reported(db: Database, demo: ProgramRow, tmp_path: Path) -> None:
    path = new_figures(db, tmp_path)
    seen: list[tuple[int, int]] = []
    preview_import(db, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3)


def test_statements_do_not_grow_with_the_rows(
    db: Database, demo: ProgramRow, tmp_path: Path, statements: Statements
) -> None:
    def workbook(rows: int) -> Path:
        periods = [quarter(2025 + n // 4, n % 4 + 1) for n in range(rows)]
        return write_filled(
            tmp_path / f"rows-{rows}.xlsx",
            [demo_row(db, "JIT-APP", period, value=n) for n, period in enumerate(periods)],
        )

    small, large = workbook(5), workbook(500)
    with statements() as few:
        assert len(preview_import(db, small).rows) == 5
    with statements() as many:
        assert preview_import(db, large).counts[RowOutcome.NEW] == 500
    assert len(few) == len(many) == 4


def test_a_new_total_over_a_kept_split_says_the_split_was_kept(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # A draft of 100 split 40 / 60; the partner types 120 and leaves the split's cell empty.
    record_measurement(
        db,
        kpi_ids(db)["JIT-DIP"],
        MeasurementInput(
            *quarter(2025, 1),
            value=D(100),
            disaggregations=(
                DisaggregationInput("sexe", "femmes", D(40)),
                DisaggregationInput("sexe", "hommes", D(60)),
            ),
        ),
    )
    path = filled(tmp_path, [demo_row(db, "JIT-DIP", quarter(2025, 1), value=120)])
    (row,) = preview_import(db, path).rows
    assert row.outcome is RowOutcome.REJECTED
    assert [str(p) for p in row.problems] == [
        "Figures!N2 (Disaggregations): the sexe categories add up to 100, not to the total "
        "120: the split recorded earlier was kept (the cell was left empty); give the split "
        "of the new figure"
    ]


def test_a_preview_reads_only_the_figures_of_the_periods_it_covers(
    db: Database, demo: ProgramRow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pilotage.services import import_records, import_validation

    asked: list[object] = []

    def spy(session: object, kpi_ids: set[int], periods: object = None, *rest: object) -> object:
        asked.append(periods)
        return import_records.read_recorded(session, kpi_ids, periods, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(import_validation, "read_recorded", spy)
    rows = [
        demo_row(db, "JIT-APP", quarter(2025, 2), value=1),
        demo_row(db, "JIT-INS", half(2024, 2), value=60),  # July to December 2024
    ]
    preview_import(db, filled(tmp_path, rows))
    assert asked == [(half(2024, 2)[0], quarter(2025, 2)[1])]
    assert asked[0] == (date(2024, 7, 1), date(2025, 6, 30))  # by hand
