"""A one-off KPI's figure given a date reached: the one figure the KPI has is found by the
KPI, whatever its day, and the date reached moves it (never a second figure).

The demo's BEX-LIG ("Base d'échange en ligne", yes/no, one-off) has one figure: yes (1),
validated, on 2025-05-20. A template of 2025's first half writes its row for that day.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from import_support import TABLES, demo_row, filled, kpi_ids, quarter
from service_support import AuditLog, Count, Statements
from sqlalchemy import delete

from pilotage.db.database import Database
from pilotage.db.schema import Measurement
from pilotage.domain.enums import AuditAction, MeasurementStatus
from pilotage.domain.errors import ValidationError
from pilotage.services.measurement_import import (
    ImportResult,
    RowOutcome,
    apply_import,
    preview_import,
)
from pilotage.services.measurements import MeasurementInput, list_measurements, record_measurement
from pilotage.services.programs import ProgramRow

D = Decimal
RECORDED = date(2025, 5, 20)  # BEX-LIG's figure in the demo
REACHED = date(2025, 4, 10)


def sizes(count: Count) -> dict[str, int]:
    return {table: count(table) for table in TABLES}


def one_off_row(db: Database, written: date = RECORDED, **typed: object) -> dict[object, object]:
    """BEX-LIG's row as the template wrote it for `written`, with `typed` filled in."""
    return demo_row(db, "BEX-LIG", (written, written), **typed)  # type: ignore[return-value]


def without_figure(db: Database) -> int:
    """BEX-LIG's figure removed (as if never recorded): its id."""
    kpi_id = kpi_ids(db)["BEX-LIG"]
    with db.transaction() as session:
        session.execute(delete(Measurement).where(Measurement.kpi_id == kpi_id))
    return kpi_id


def submitted(db: Database, day: date = RECORDED) -> int:
    """BEX-LIG with one figure, yes, submitted (not validated) on `day`: its id."""
    kpi_id = without_figure(db)
    record_measurement(
        db,
        kpi_id,
        MeasurementInput(day, day, value=D(1), status=MeasurementStatus.SUBMITTED),
    )
    return kpi_id


def test_a_validated_one_off_cannot_be_moved_to_its_date_reached(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    path = filled(tmp_path, [one_off_row(db, value="yes", date_reached=REACHED)])
    (row,) = preview_import(db, path).rows
    assert row.outcome is RowOutcome.REJECTED  # not "new: BEX-LIG 2025-04-10"
    assert (row.old, row.new) == ("2025-05-20: yes", "2025-04-10: yes")
    assert [str(p) for p in row.problems] == [
        "Figures!Q2 (Date reached (one-off)): period 2025-05-20 is validated and locked "
        "(recorded: yes): it cannot be changed by an import; ask for it to be unlocked first"
    ]
    before, entries = sizes(count), len(audit_log())
    with pytest.raises(ValidationError, match="Figures!Q2"):
        apply_import(db, path)
    assert apply_import(db, path, valid_only=True) == ImportResult(0, 0, 0, 1)
    assert sizes(count) == before
    assert len(audit_log()) == entries
    (kept,) = list_measurements(db, kpi_ids(db)["BEX-LIG"])
    assert (kept.period_start, kept.period_end, kept.value) == (RECORDED, RECORDED, D(1))


def test_a_submitted_one_off_moves_to_its_date_reached(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count, audit_log: AuditLog
) -> None:
    kpi_id = submitted(db)
    (recorded,) = list_measurements(db, kpi_id)
    path = filled(tmp_path, [one_off_row(db, value="yes", date_reached=REACHED)])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.period) == (RowOutcome.CHANGED, "2025-04-10")
    assert (row.old, row.new) == ("2025-05-20: yes", "2025-04-10: yes")
    before, entries = sizes(count), len(audit_log())
    assert apply_import(db, path) == ImportResult(created=0, changed=1, unchanged=0, skipped=0)
    assert sizes(count)["measurement"] == before["measurement"]
    (moved,) = list_measurements(db, kpi_id)
    assert (moved.id, moved.version) == (recorded.id, recorded.version + 1)
    assert (moved.period_start, moved.period_end, moved.value) == (REACHED, REACHED, D(1))
    assert moved.status is MeasurementStatus.SUBMITTED
    (entry,) = audit_log()[entries:]
    assert (entry.entity_id, entry.action, entry.reason) == (
        recorded.id,
        AuditAction.UPDATE,
        "imported from figures-MNC.xlsx",
    )
    assert json.loads(entry.changes) == {
        "period_start": ["2025-05-20", "2025-04-10"],
        "period_end": ["2025-05-20", "2025-04-10"],
    }
    # The same file again: the figure is on its date reached already.
    after, logged = sizes(count), len(audit_log())
    (again,) = preview_import(db, path).rows
    assert again.outcome is RowOutcome.UNCHANGED
    assert apply_import(db, path) == ImportResult(created=0, changed=0, unchanged=1, skipped=0)
    assert (sizes(count), len(audit_log())) == (after, logged)
    assert list_measurements(db, kpi_id)[0].version == recorded.version + 1


def test_a_one_off_moved_and_corrected_shows_both(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    kpi_id = submitted(db)
    path = filled(tmp_path, [one_off_row(db, value="no", date_reached=REACHED)])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.old, row.new) == (
        RowOutcome.CHANGED,
        "2025-05-20: yes",
        "2025-04-10: no",
    )
    assert apply_import(db, path).changed == 1
    (moved,) = list_measurements(db, kpi_id)
    assert (moved.period_start, moved.value) == (REACHED, D(0))


def test_the_same_day_and_figure_are_unchanged(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    # The validated figure given again on its own day, as a date reached: nothing to change.
    path = filled(tmp_path, [one_off_row(db, value="yes", date_reached=RECORDED)])
    (row,) = preview_import(db, path).rows
    assert row.outcome is RowOutcome.UNCHANGED
    before = sizes(count)
    assert apply_import(db, path).unchanged == 1
    assert sizes(count) == before


def test_a_one_off_without_a_figure_is_new_on_its_date_reached(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    kpi_id = without_figure(db)
    # The template wrote its row for its target date, 2025-06-30.
    path = filled(tmp_path, [one_off_row(db, date(2025, 6, 30), value="yes", date_reached=REACHED)])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.period, row.new) == (RowOutcome.NEW, "2025-04-10", "yes")
    before = sizes(count)
    assert apply_import(db, path).created == 1
    assert sizes(count)["measurement"] == before["measurement"] + 1
    (new,) = list_measurements(db, kpi_id)
    assert (new.period_start, new.period_end, new.value) == (REACHED, REACHED, D(1))
    assert apply_import(db, path).unchanged == 1


def test_a_one_off_row_without_a_date_reached_keeps_the_figures_day(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # Recorded on 2025-05-20 after the template wrote the row for its target date: the
    # row corrects that figure, on its day (no second figure on 2025-06-30).
    kpi_id = submitted(db)
    path = filled(tmp_path, [one_off_row(db, date(2025, 6, 30), value="no")])
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.period, row.old, row.new) == (
        RowOutcome.CHANGED,
        "2025-05-20",
        "yes",
        "no",
    )
    assert apply_import(db, path).changed == 1
    (kept,) = list_measurements(db, kpi_id)
    assert (kept.period_start, kept.value) == (RECORDED, D(0))


def test_two_figures_of_a_one_off_the_row_corrects_the_one_of_its_day(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # Two figures recorded for BEX-LIG (a one-off has one; the database may hold two).
    kpi_id = submitted(db, date(2025, 3, 1))
    record_measurement(db, kpi_id, MeasurementInput(RECORDED, RECORDED, value=D(1)))
    rows = [
        one_off_row(db, value="yes", date_reached=REACHED),  # row 2: the 2025-05-20 one
    ]
    (row,) = preview_import(db, filled(tmp_path, rows)).rows
    assert (row.outcome, row.old, row.new) == (
        RowOutcome.CHANGED,
        "2025-05-20: yes",
        "2025-04-10: yes",
    )
    onto = [one_off_row(db, value="yes", date_reached=date(2025, 3, 1))]
    (row,) = preview_import(db, filled(tmp_path, onto, name="onto.xlsx")).rows
    assert [str(p) for p in row.problems] == [
        "Figures!H2 (Period): 2025-03-01 overlaps the measurement of 2025-03-01 of this KPI: "
        "periods of a KPI must not overlap"
    ]
    unknown = [one_off_row(db, date(2025, 6, 30), value="yes", date_reached=REACHED)]
    (row,) = preview_import(db, filled(tmp_path, unknown, name="unknown.xlsx")).rows
    assert row.outcome is RowOutcome.REJECTED
    assert [str(p) for p in row.problems] == [
        "Figures!Q2 (Date reached (one-off)): BEX-LIG is a one-off KPI, with one figure in "
        "all, but 2 figures are recorded for it (2025-03-01, 2025-05-20), none on 2025-06-30: "
        "which one this row corrects is not known; ask for the KPI's figures to be put right first"
    ]


def test_two_rows_of_a_one_off_are_twins(db: Database, demo: ProgramRow, tmp_path: Path) -> None:
    without_figure(db)
    rows = [
        one_off_row(db, value="yes", date_reached=REACHED),
        one_off_row(db, date(2025, 6, 30), value="yes"),
    ]
    first, second = preview_import(db, filled(tmp_path, rows)).rows
    assert (first.outcome, second.outcome) == (RowOutcome.REJECTED, RowOutcome.REJECTED)
    assert "is also in row 3" in first.problems[0].message
    assert "is also in row 2" in second.problems[0].message


def test_statements_do_not_grow_with_a_date_reached(
    db: Database, demo: ProgramRow, tmp_path: Path, statements: Statements
) -> None:
    submitted(db)
    moved = filled(tmp_path, [one_off_row(db, value="yes", date_reached=REACHED)], name="m.xlsx")
    # A plain change of a draft, for comparison.
    record_measurement(db, kpi_ids(db)["JIT-DIP"], MeasurementInput(*quarter(2025, 1), value=D(5)))
    plain = filled(tmp_path, [demo_row(db, "JIT-DIP", quarter(2025, 1), value=6)], name="p.xlsx")
    with statements() as previewed:
        assert preview_import(db, moved).counts[RowOutcome.CHANGED] == 1
    assert len(previewed) == 4  # program, KPIs, disaggregations, measurements
    with statements() as plain_apply:
        assert apply_import(db, plain).changed == 1
    with statements() as moved_apply:
        assert apply_import(db, moved).changed == 1
    assert len(moved_apply) == len(plain_apply)
