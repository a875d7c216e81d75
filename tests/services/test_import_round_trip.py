"""The round trip: a template of the demo written by Pilotage, filled as a partner does
(openpyxl), imported; the figures are in the database; imported again, nothing changes.
And the errors sent back: a copy of the partner's workbook with the bad cells marked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
from import_support import TABLES, demo_row, filled, kpi_ids, quarter
from service_support import AuditLog, Count

from pilotage.db.database import Database
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.exchange.workbook_marker import marker_of
from pilotage.services.measurement_import import (
    ImportResult,
    RowOutcome,
    apply_import,
    preview_import,
    save_error_copy,
)
from pilotage.services.measurements import list_measurements
from pilotage.services.programs import ProgramRow
from pilotage.services.templates import write_template

D = Decimal


def fill(path: Path, figures: dict[tuple[str, str], dict[Field, object]]) -> Path:
    """Types `figures` {(KPI code, period): {field: value}} into the template's rows, as a
    partner does in Excel (the sheet stays protected: only cells to fill are typed in)."""
    wb = openpyxl.load_workbook(path)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    code_column, period_column = layout.INDEX[Field.KPI_CODE], layout.INDEX[Field.PERIOD]
    typed = 0
    for number in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        key = (ws.cell(number, code_column).value, ws.cell(number, period_column).value)
        for field, value in figures.get(key, {}).items():
            assert field in layout.TO_FILL
            ws.cell(number, layout.INDEX[field]).value = value
            typed += 1
    assert typed == sum(len(f) for f in figures.values()), "a row to fill is missing"
    filled_path = path.with_name("figures-MNC.xlsx")
    wb.save(filled_path)
    return filled_path


def test_template_filled_imported_then_imported_again(
    db: Database,
    demo: ProgramRow,
    tmp_path: Path,
    count: Count,
    audit_log: AuditLog,
) -> None:
    template = tmp_path / "template.xlsx"
    write_template(db, demo.id, date(2024, 10, 1), date(2025, 6, 30), "fr", template)
    path = fill(
        template,
        {
            ("JIT-APP", "2024-Q4"): {Field.VALUE: 310, Field.COMMENT: "Cohorte D"},
            ("JIT-DIP", "2025-Q1"): {
                Field.VALUE: 250,
                Field.DISAGGREGATIONS: "sexe / femmes = 120; sexe / hommes = 130",
            },
            ("JIT-TXD", "2025-Q1"): {Field.NUMERATOR: 250, Field.DENOMINATOR: 310},
            ("JIT-INS", "2025-H1"): {Field.VALUE: "74,5"},
            # The validated figure of 2024-Q4 typed again: unchanged, not refused.
            ("JIT-DIP", "2024-Q4"): {Field.VALUE: 234},
        },
    )
    before, entries = {t: count(t) for t in TABLES}, len(audit_log())
    preview = preview_import(db, path)
    assert preview.counts == {
        RowOutcome.NEW: 4,
        RowOutcome.CHANGED: 0,
        RowOutcome.UNCHANGED: 1,
        RowOutcome.REJECTED: 0,
    }, [str(p) for p in preview.problems]
    assert apply_import(db, path) == ImportResult(created=4, changed=0, unchanged=1, skipped=0)
    ids = kpi_ids(db)
    app = list_measurements(db, ids["JIT-APP"])[-1]
    assert (app.label, app.value, app.comment) == ("2024-Q4", D(310), "Cohorte D")
    dip = list_measurements(db, ids["JIT-DIP"])[-1]
    assert (dip.label, dip.value) == ("2025-Q1", D(250))
    assert [(d.category, d.value) for d in dip.disaggregations] == [
        ("femmes", D(120)),
        ("hommes", D(130)),
    ]
    txd = list_measurements(db, ids["JIT-TXD"])[-1]
    assert (txd.label, txd.numerator, txd.denominator) == ("2025-Q1", D(250), D(310))
    ins = list_measurements(db, ids["JIT-INS"])[-1]
    assert (ins.label, ins.value) == ("2025-H1", D("74.5"))
    after = {t: count(t) for t in TABLES}
    assert after["measurement"] == before["measurement"] + 4
    assert after["disaggregation"] == before["disaggregation"] + 2
    added = audit_log()[entries:]
    assert len(added) == 4
    assert {e.reason for e in added} == {"imported from figures-MNC.xlsx"}

    again = preview_import(db, path)
    assert again.counts[RowOutcome.UNCHANGED] == 5
    assert apply_import(db, path) == ImportResult(created=0, changed=0, unchanged=5, skipped=0)
    assert {t: count(t) for t in TABLES} == after
    assert len(audit_log()) == entries + 4


def test_the_errors_go_back_marked_on_the_partner_workbook(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path = filled(
        tmp_path,
        [
            demo_row(db, "JIT-APP", quarter(2024, 4), value=300),
            demo_row(db, "JIT-DIP", quarter(2025, 1), value=-2),
        ],
    )
    preview = preview_import(db, path)
    out = save_error_copy(preview, tmp_path / "figures-MNC-errors.xlsx")
    assert out == tmp_path / "figures-MNC-errors.xlsx"
    wb = openpyxl.load_workbook(out)
    cell = wb["Figures"]["K3"]
    assert cell.comment is not None
    assert "must not be negative: it is a count" in cell.comment.text
    assert wb["Figures"]["K2"].comment is None
    assert path.read_bytes() != out.read_bytes()
