"""Whether a template's hidden ids are this database's is told from every row of its
sheet, filled or not (review 5b F2): the same row is judged the same way whichever other
rows the partner filled. Two KPI codes swapped in the database since the template was
written: the row is refused and a new template asked for; a row whose hidden id was
altered: refused, the row to be copied again. The database is left as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from import_support import TABLES, kpi_ids
from sqlalchemy import func, select, update

from pilotage.db.database import Database
from pilotage.db.schema import Kpi, metadata
from pilotage.domain.errors import ValidationError
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_reading import read_template
from pilotage.exchange.workbook_marker import marker_of
from pilotage.services.measurement_import import RowOutcome, apply_import, preview_import
from pilotage.services.programs import ProgramRow
from pilotage.services.templates import write_template

# Written as the import of review 5b reads it: the hidden id's KPI now coded JIT-DIP.
SWAPPED = (
    "Data!E{row} (KPI code): the KPI's code changed in the database since the template "
    "was written: this row's hidden identifier is that of JIT-DIP (Apprenants inscrits "
    "(phase pilote)), while its code “JIT-APP” is now that of another KPI of program "
    "CP-MTNRA-MNC; a new template is needed"
)


def template_with(
    db: Database,
    program_id: int,
    folder: Path,
    typed: dict[tuple[str, str], object],
    altered: dict[tuple[str, str], int] | None = None,
) -> tuple[Path, dict[tuple[str, str], int]]:
    """The demo's whole template of 2025-01-01 .. 2025-06-30 (every KPI's rows, empty),
    with `typed` values in the rows (code, period) and the hidden ids of `altered`
    changed; and each row's number."""
    template = folder / "template.xlsx"
    write_template(db, program_id, date(2025, 1, 1), date(2025, 6, 30), "en", template)
    wb = openpyxl.load_workbook(template)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    code, period = layout.INDEX[Field.KPI_CODE], layout.INDEX[Field.PERIOD]
    numbers = {
        (ws.cell(n, code).value, ws.cell(n, period).value): n
        for n in range(layout.FIRST_DATA_ROW, ws.max_row + 1)
    }
    for key, value in typed.items():
        ws.cell(numbers[key], layout.INDEX[Field.VALUE]).value = value
    for key, kpi_id in (altered or {}).items():
        ws.cell(numbers[key], layout.INDEX[Field.KPI_ID]).value = kpi_id
    path = folder / "filled.xlsx"
    wb.save(path)
    return path, numbers


def swap_codes(db: Database, first: str, second: str) -> None:
    ids = kpi_ids(db)
    with db.transaction() as session:
        for kpi_id, code in ((ids[first], "TMP"), (ids[second], first), (ids[first], second)):
            session.execute(update(Kpi).where(Kpi.id == kpi_id).values(code=code))


def counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {
            table: session.scalar(select(func.count()).select_from(metadata.tables[table])) or 0
            for table in TABLES
        }


def test_the_reader_keeps_the_identity_of_every_row_filled_or_not(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path, numbers = template_with(db, demo.id, tmp_path, {("JIT-APP", "2025-Q1"): 900})
    ids = kpi_ids(db)
    wb = openpyxl.load_workbook(path, read_only=True)
    template = read_template(wb, path)
    wb.close()
    assert [(r.row, r.kpi_code, r.value) for r in template.rows] == [
        (numbers[("JIT-APP", "2025-Q1")], "JIT-APP", 900)
    ]
    assert len(template.identities) == len(numbers)
    # JIT-APP (quarterly): 2025-Q1 and Q2; JIT-INS (half-yearly): 2025-H1.
    assert template.identities.count((ids["JIT-APP"], "JIT-APP")) == 2
    assert template.identities.count((ids["JIT-INS"], "JIT-INS")) == 1


@pytest.mark.parametrize("others", [{}, {("JIT-INS", "2025-H1"): 0.5}], ids=["alone", "with"])
def test_swapped_codes_refuse_the_row_whichever_rows_are_filled(
    db: Database, demo: ProgramRow, tmp_path: Path, others: dict[tuple[str, str], object]
) -> None:
    # Review 5b F2: JIT-APP and JIT-DIP swapped their codes after the template went out.
    # With JIT-APP's row alone filled, it was read by code into JIT-DIP's KPI.
    path, numbers = template_with(db, demo.id, tmp_path, {("JIT-APP", "2025-Q1"): 900, **others})
    swap_codes(db, "JIT-APP", "JIT-DIP")
    before = counts(db)
    preview = preview_import(db, path)
    row = numbers[("JIT-APP", "2025-Q1")]
    refused = {r.row: [str(p) for p in r.problems] for r in preview.rows if r.problems}
    assert refused == {row: [SWAPPED.format(row=row)]}
    # JIT-INS 2025-H1 (0.5 in its percent cell: 50 %) has no figure yet: new.
    new = [(r.kpi_code, r.period, r.outcome) for r in preview.rows if not r.problems]
    assert new == ([("JIT-INS", "2025-H1", RowOutcome.NEW)] if others else [])
    with pytest.raises(ValidationError, match="code changed in the database"):
        apply_import(db, path)
    assert counts(db) == before


def test_a_hidden_id_altered_in_the_only_filled_row_is_refused(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # Review 5b F2 (h2.xlsx): JIT-INS 2025-H1's hidden id changed to JIT-APP's; the other
    # rows of the template pair JIT-APP's id with its code, so the row was altered.
    ids = kpi_ids(db)
    altered = {("JIT-INS", "2025-H1"): ids["JIT-APP"]}
    path, numbers = template_with(db, demo.id, tmp_path, {("JIT-INS", "2025-H1"): 0.5}, altered)
    before = counts(db)
    preview = preview_import(db, path)
    (row,) = preview.rows
    assert row.outcome is RowOutcome.REJECTED
    assert [str(p) for p in row.problems] == [
        f"Data!E{numbers[('JIT-INS', '2025-H1')]} (KPI code): the KPI's identifier and code "
        "do not match: its hidden identifier is that of JIT-APP (Apprenants inscrits (phase "
        "pilote)), its code “JIT-INS” that of another KPI of program CP-MTNRA-MNC; copy the "
        "row again from the template as it was sent"
    ]
    with pytest.raises(ValidationError):
        apply_import(db, path)
    assert counts(db) == before
