"""A template comes back to the database its program now lives in: after the program was
moved to another database (its KPIs have other ids there), after a KPI's code or the
program's reference was corrected since the template went out. And a row whose hidden
id and code name two different KPIs is refused, the database left as it was."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from import_support import TABLES, demo_row, filled, half, kpi_ids, quarter
from service_support import Statements
from sqlalchemy import func, select, update

from filled_templates import figure_row
from pilotage.db.database import Database, open_database
from pilotage.db.schema import ContractProgram, Kpi, metadata
from pilotage.domain.errors import ValidationError
from pilotage.exchange import template_layout as layout
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.exchange.template_layout import Field
from pilotage.exchange.workbook_marker import marker_of
from pilotage.services.demo import load_demo
from pilotage.services.measured import program_scope
from pilotage.services.measurement_import import (
    ImportResult,
    RowOutcome,
    apply_import,
    preview_import,
)
from pilotage.services.measurements import list_measurements
from pilotage.services.program_transfer import export_program, import_program
from pilotage.services.programs import ProgramRow
from pilotage.services.templates import write_template

D = Decimal
DEMO = "CP-MTNRA-MNC"
# The figures a partner types in the demo's template of 2024-10-01 .. 2025-06-30. Before:
# JIT-APP has 2024-Q1..Q3, JIT-DIP 2024-Q2..Q4 (2024-Q4: 234, validated), JIT-TXD
# 2024-Q2..Q4, JIT-INS 2024-H2 (demo_data.py).
FIGURES: dict[tuple[str, str], dict[Field, object]] = {
    ("JIT-APP", "2024-Q4"): {Field.VALUE: 310, Field.COMMENT: "Cohorte D"},
    ("JIT-DIP", "2025-Q1"): {
        Field.VALUE: 250,
        Field.DISAGGREGATIONS: "sexe / femmes = 120; sexe / hommes = 130",
    },
    ("JIT-TXD", "2025-Q1"): {Field.NUMERATOR: 250, Field.DENOMINATOR: 310},
    ("JIT-INS", "2025-H1"): {Field.VALUE: "74.5"},  # as text: read as the number
    ("JIT-DIP", "2024-Q4"): {Field.VALUE: 234},  # as recorded: unchanged
}


def filled_template(db: Database, program_id: int, folder: Path) -> Path:
    """The demo's template written from `db`, filled with FIGURES as a partner does."""
    template = folder / "template.xlsx"
    write_template(db, program_id, date(2024, 10, 1), date(2025, 6, 30), "en", template)
    wb = openpyxl.load_workbook(template)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    code, period = layout.INDEX[Field.KPI_CODE], layout.INDEX[Field.PERIOD]
    typed = 0
    for number in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        key = (ws.cell(number, code).value, ws.cell(number, period).value)
        for field, value in FIGURES.get(key, {}).items():
            ws.cell(number, layout.INDEX[field]).value = value
            typed += 1
    assert typed == sum(len(f) for f in FIGURES.values())
    path = folder / "figures-MNC.xlsx"
    wb.save(path)
    return path


def codes_of(db: Database, reference: str) -> dict[str, int]:
    """The KPI ids of the program `reference`, by code."""
    with db.reading() as session:
        program = session.scalar(
            select(ContractProgram.id).where(ContractProgram.reference == reference)
        )
        assert program is not None
        found = session.execute(select(Kpi.code, Kpi.id).where(program_scope(program)))
        return {row.code: row.id for row in found}


def rows_of(db: Database) -> dict[str, int]:
    """Row counts of the tables an import writes, the audit log among them."""
    with db.reading() as session:
        return {
            table: session.scalar(select(func.count()).select_from(metadata.tables[table])) or 0
            for table in TABLES
        }


def rename_program(db: Database, old: str, new: str) -> None:
    with db.transaction() as session:
        session.execute(
            update(ContractProgram).where(ContractProgram.reference == old).values(reference=new)
        )


def rename_kpi(db: Database, kpi_id: int, code: str) -> None:
    with db.transaction() as session:
        session.execute(update(Kpi).where(Kpi.id == kpi_id).values(code=code))


@pytest.fixture
def moved(
    db: Database, demo: ProgramRow, tmp_path: Path, migrated_template: Path
) -> Iterator[Database]:
    """A second database holding first the demo renamed CP-OTHER, then the demo moved
    there from `db` with `export program` / `import`: the moved KPIs have other ids, and
    the ids `db` gave them name CP-OTHER's KPIs there."""
    path = tmp_path / "second.sqlite"
    shutil.copyfile(migrated_template, path)
    second = open_database(path)
    load_demo(second)
    rename_program(second, DEMO, "CP-OTHER")
    workbook = tmp_path / "prog.xlsx"
    export_program(db, demo.id, workbook)
    import_program(second, workbook)
    yield second
    second.close()


def test_a_template_sent_before_the_move_comes_back_to_the_new_database(
    db: Database, demo: ProgramRow, moved: Database, tmp_path: Path
) -> None:
    path = filled_template(db, demo.id, tmp_path)
    first, other, here = kpi_ids(db), codes_of(moved, "CP-OTHER"), codes_of(moved, DEMO)
    # The ids shifted: the template's JIT-APP id is CP-OTHER's JIT-APP in the new database.
    assert other["JIT-APP"] == first["JIT-APP"]
    assert here["JIT-APP"] != first["JIT-APP"]
    before = rows_of(moved)

    preview = preview_import(moved, path)
    assert preview.program == DEMO
    assert preview.counts == {
        RowOutcome.NEW: 4,
        RowOutcome.CHANGED: 0,
        RowOutcome.UNCHANGED: 1,
        RowOutcome.REJECTED: 0,
    }, [str(p) for p in preview.problems]
    assert {r.kpi_id for r in preview.rows} <= set(here.values())
    assert apply_import(moved, path) == ImportResult(created=4, changed=0, unchanged=1, skipped=0)

    app = list_measurements(moved, here["JIT-APP"])
    assert [(m.label, m.value) for m in app] == [
        ("2024-Q1", D(330)),
        ("2024-Q2", D(350)),
        ("2024-Q3", D(320)),
        ("2024-Q4", D(310)),
    ]
    assert app[-1].comment == "Cohorte D"
    dip = list_measurements(moved, here["JIT-DIP"])[-1]
    assert (dip.label, dip.value) == ("2025-Q1", D(250))
    assert [(d.category, d.value) for d in dip.disaggregations] == [
        ("femmes", D(120)),
        ("hommes", D(130)),
    ]
    txd = list_measurements(moved, here["JIT-TXD"])[-1]
    assert (txd.label, txd.numerator, txd.denominator) == ("2025-Q1", D(250), D(310))
    ins = list_measurements(moved, here["JIT-INS"])[-1]
    assert (ins.label, ins.value) == ("2025-H1", D("74.5"))
    # CP-OTHER, whose KPIs the template's ids name in this database, got nothing.
    assert [m.label for m in list_measurements(moved, other["JIT-APP"])] == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
    ]
    after = rows_of(moved)
    assert after["measurement"] == before["measurement"] + 4
    assert after["disaggregation"] == before["disaggregation"] + 2
    assert after["audit_entry"] == before["audit_entry"] + 4

    assert preview_import(moved, path).counts[RowOutcome.UNCHANGED] == 5
    assert apply_import(moved, path) == ImportResult(created=0, changed=0, unchanged=5, skipped=0)
    assert rows_of(moved) == after


def test_a_kpi_code_corrected_since_the_template_is_still_that_kpi(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path = filled_template(db, demo.id, tmp_path)
    ids = kpi_ids(db)
    rename_kpi(db, ids["JIT-APP"], "JIT-APPR")
    preview = preview_import(db, path)
    assert not preview.has_rejected, [str(p) for p in preview.problems]
    # The preview names the KPI by its code now, not the template's older one.
    assert not [r for r in preview.rows if r.kpi_code == "JIT-APP"]
    (row,) = [r for r in preview.rows if r.kpi_code == "JIT-APPR"]
    assert (row.kpi_id, row.outcome, row.new) == (ids["JIT-APP"], RowOutcome.NEW, "310")
    assert apply_import(db, path).created == 4
    app = list_measurements(db, ids["JIT-APP"])[-1]
    assert (app.label, app.value) == ("2024-Q4", D(310))
    assert apply_import(db, path) == ImportResult(created=0, changed=0, unchanged=5, skipped=0)


def test_a_renamed_program_refuses_the_template_and_names_the_program_its_ids_are(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # The ids name this program's KPIs, but a program is never chosen by ids (they may be
    # another database's): the refusal names the program as a hint, nothing is written.
    path = filled_template(db, demo.id, tmp_path)
    rename_program(db, DEMO, "CP-MTNRA-MNC-2")
    before = rows_of(db)
    refusal = (
        "this template is for program CP-MTNRA-MNC, which this database does not hold (its "
        "hidden identifiers are those of program CP-MTNRA-MNC-2's KPIs: if CP-MTNRA-MNC was "
        "renamed CP-MTNRA-MNC-2, write a new template from it)"
    )
    with pytest.raises(WorkbookRefusedError) as refused:
        preview_import(db, path)
    assert str(refused.value) == refusal
    with pytest.raises(WorkbookRefusedError, match="if CP-MTNRA-MNC was renamed"):
        apply_import(db, path)
    assert rows_of(db) == before


def test_a_template_is_never_imported_into_the_renamed_copy_its_ids_name(
    db: Database, demo: ProgramRow, moved: Database, tmp_path: Path
) -> None:
    # Review 5b F1: in the second database the demo's ids name CP-OTHER's KPIs (a copy
    # with the same codes). Once the moved demo is renamed there, the template names a
    # program that database does not hold: refused, CP-OTHER's figures untouched.
    path = filled_template(db, demo.id, tmp_path)
    rename_program(moved, DEMO, "CP-MTNRA-MNC-V2")
    other = codes_of(moved, "CP-OTHER")
    before = rows_of(moved)
    with pytest.raises(WorkbookRefusedError) as refused:
        apply_import(moved, path)
    assert str(refused.value) == (
        "this template is for program CP-MTNRA-MNC, which this database does not hold (its "
        "hidden identifiers are those of program CP-OTHER's KPIs: if CP-MTNRA-MNC was "
        "renamed CP-OTHER, write a new template from it)"
    )
    assert rows_of(moved) == before
    assert [m.label for m in list_measurements(moved, other["JIT-APP"])] == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
    ]


def test_an_id_and_a_code_naming_two_kpis_are_refused_and_nothing_is_written(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    ids = kpi_ids(db)
    path = filled(
        tmp_path,
        [
            demo_row(db, "JIT-APP", quarter(2024, 4), value=310),  # id and code agree
            figure_row(ids["JIT-DIP"], "JIT-APP", *quarter(2025, 1), "2025-Q1", value=5),
        ],
    )
    before = rows_of(db)
    preview = preview_import(db, path)
    assert [r.outcome for r in preview.rows] == [RowOutcome.NEW, RowOutcome.REJECTED]
    assert [str(p) for p in preview.rows[1].problems] == [
        "Figures!E3 (KPI code): the KPI's identifier and code do not match: its hidden "
        "identifier is that of JIT-DIP (Diplômés), its code “JIT-APP” that of another KPI of "
        "program CP-MTNRA-MNC; copy the row again from the template as it was sent"
    ]
    with pytest.raises(ValidationError, match="identifier and code do not match"):
        apply_import(db, path)
    assert rows_of(db) == before
    # Applying the valid rows writes JIT-APP's only, never JIT-DIP's 5.
    assert apply_import(db, path, valid_only=True).skipped == 1
    assert [m.label for m in list_measurements(db, ids["JIT-DIP"])] == [
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
    ]


def test_ids_of_another_database_naming_kpis_of_the_program_go_by_code(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # Moved into a database where the ids shifted inside the program itself: each row's
    # id names another of its KPIs, none its own. The codes say which KPI is meant.
    ids = kpi_ids(db)
    path = filled(
        tmp_path,
        [
            figure_row(ids["JIT-DIP"], "JIT-APP", *quarter(2024, 4), "2024-Q4", value=310),
            figure_row(ids["JIT-TXD"], "JIT-INS", *half(2025, 1), "2025-H1", value=74),
        ],
    )
    preview = preview_import(db, path)
    assert [(r.kpi_id, r.outcome) for r in preview.rows] == [
        (ids["JIT-APP"], RowOutcome.NEW),
        (ids["JIT-INS"], RowOutcome.NEW),
    ]


def test_unknown_reference_and_foreign_ids_are_still_refused(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # The ids name the demo's KPIs, the codes other ones: not evidence of one program.
    ids = kpi_ids(db)
    row = figure_row(ids["JIT-APP"], "XYZ-1", *quarter(2024, 4), "2024-Q4", value=1)
    path = filled(tmp_path, [row], program="CP-X")
    with pytest.raises(WorkbookRefusedError, match="for program CP-X, which this database"):
        preview_import(db, path)


def test_the_kpis_are_matched_in_a_bounded_number_of_statements(
    db: Database, demo: ProgramRow, tmp_path: Path, statements: Statements
) -> None:
    # The program found by its reference, each row by its id.
    ids = kpi_ids(db)

    def workbook(rows: int) -> Path:
        periods = [quarter(2025 + n // 4, n % 4 + 1) for n in range(rows)]
        typed = [
            figure_row(ids["JIT-APP"], "JIT-APP", *p, f"{p[0]:%Y}-Q{n % 4 + 1}", value=n)
            for n, p in enumerate(periods)
        ]
        return filled(tmp_path, typed, name=f"rows-{rows}.xlsx", program=DEMO)

    small, large = workbook(5), workbook(400)
    with statements() as few:
        assert preview_import(db, small).counts[RowOutcome.NEW] == 5
    with statements() as many:
        assert preview_import(db, large).counts[RowOutcome.NEW] == 400
    assert len(few) == len(many) == 4
