"""Which periods a template asks for within a KPI's life (from the latest of the
program's start, its initiative's and its baseline date, to the earliest of the
program's end and its initiative's), and what it shows of a recorded figure: validated
and closed, its split filled in and read back unchanged by the import. Checked by
hand against the demo (DESIGN §5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from pilotage.db.database import Database
from pilotage.db.schema import Initiative, Kpi
from pilotage.domain.errors import PilotageError
from pilotage.exchange import template_layout as layout
from pilotage.exchange.template_layout import Field
from pilotage.services.measurement_import import RowOutcome, preview_import
from pilotage.services.measurements import (
    DisaggregationInput,
    MeasurementInput,
    record_measurement,
)
from pilotage.services.programs import ProgramRow
from pilotage.services.templates import template_data, write_template

D = Decimal
YEARS = date(2024, 1, 1), date(2025, 12, 31)


def ids(db: Database, table: type[Initiative] | type[Kpi], code: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(table.id).where(table.code == code))
    assert found is not None
    return found


def periods(db: Database, demo: ProgramRow, code: str, start: date, end: date) -> list[str]:
    return [r.period for r in template_data(db, demo.id, start, end).rows if r.kpi_code == code]


def test_no_period_before_the_kpis_baseline_date(db: Database, demo: ProgramRow) -> None:
    # BEX-MEM's baseline is 2025-04-01 (P3-BEX started 2024-06-01): 2025-Q2 is its first.
    assert periods(db, demo, "BEX-MEM", *YEARS) == ["2025-Q2", "2025-Q3", "2025-Q4"]


def test_no_period_before_the_initiatives_start_or_after_its_end(
    db: Database, demo: ProgramRow
) -> None:
    # VIV-TAL's baseline moved back to 2024: P1-VIV still starts on 2025-01-01. P1-VIV
    # now ends on 2025-05-15: May is the last month it runs in.
    with db.transaction() as session:
        session.execute(update(Kpi).where(Kpi.code == "VIV-TAL").values(baseline_date=YEARS[0]))
        session.execute(
            update(Initiative).where(Initiative.code == "P1-VIV").values(end_date=date(2025, 5, 15))
        )
    assert periods(db, demo, "VIV-TAL", *YEARS) == [f"2025-0{m}" for m in range(1, 6)]
    # A half-year that starts before the initiative ends is still asked for.
    assert periods(db, demo, "VIV-DEL", *YEARS) == ["2025-H1"]


def test_no_period_after_the_program_ends(db: Database, demo: ProgramRow) -> None:
    # The demo program runs 2024-01-01 to 2026-12-31: a range of any length gives the
    # periods of those three years alone (12 quarters of CP-PART, its own KPI).
    everything = periods(db, demo, "CP-PART", date(1900, 1, 1), date(9999, 12, 31))
    assert everything[0] == "2024-Q1"
    assert everything[-1] == "2026-Q4"
    assert len(everything) == 12


def test_a_range_after_the_program_has_nothing_to_collect(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    out = tmp_path / "t.xlsx"
    with pytest.raises(PilotageError) as refused:
        write_template(db, demo.id, date(2030, 1, 1), date(2030, 12, 31), "en", out)
    assert str(refused.value) == (
        "no KPI of CP-MTNRA-MNC has a period due ending from 2030-01-01 to 2030-12-31 (the "
        "program runs from 2024-01-01 to 2026-12-31): there is nothing to collect"
    )
    assert not out.exists()


def test_a_validated_figure_is_marked_with_its_split(db: Database, demo: ProgramRow) -> None:
    # The demo's JIT-DIP 2024-Q4: 234, validated, women 110 and men 124.
    jit = ids(db, Initiative, "P1-JIT")
    rows = template_data(db, demo.id, *YEARS, initiative_ids=[jit]).rows
    by_key = {(r.kpi_code, r.period): r for r in rows}
    dip = by_key["JIT-DIP", "2024-Q4"]
    assert (dip.recorded_value, dip.recorded_validated) == (234, True)
    assert dip.recorded_parts == (("sexe", "femmes", 110), ("sexe", "hommes", 124))
    # JIT-APP 2024-Q4 has no figure: nothing validated, no split.
    app = by_key["JIT-APP", "2024-Q4"]
    assert (app.recorded_value, app.recorded_validated, app.recorded_parts) == (None, False, ())


def fill(template: Path, typed: dict[Field, object], key: tuple[str, str], out: Path) -> Path:
    wb = openpyxl.load_workbook(template)
    ws = wb["Data"]
    code, period = layout.INDEX[Field.KPI_CODE], layout.INDEX[Field.PERIOD]
    for number in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        if (ws.cell(number, code).value, ws.cell(number, period).value) == key:
            for field, value in typed.items():
                ws.cell(number, layout.INDEX[field]).value = value
    wb.save(out)
    return out


def test_a_corrected_total_comes_back_with_its_split(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    """JIT-DIP 2025-Q1 recorded as a draft, 100 (women 40, men 60): the template shows
    the split; left as it is the row is unchanged; a corrected total with its corrected
    split is a change; a corrected total whose split was left is refused, by its split."""
    record_measurement(
        db,
        ids(db, Kpi, "JIT-DIP"),
        MeasurementInput(
            date(2025, 1, 1),
            date(2025, 3, 31),
            value=D(100),
            disaggregations=(
                DisaggregationInput("sexe", "femmes", D(40)),
                DisaggregationInput("sexe", "hommes", D(60)),
            ),
        ),
    )
    jit = ids(db, Initiative, "P1-JIT")
    template = tmp_path / "t.xlsx"
    write_template(db, demo.id, *YEARS, "en", template, initiative_ids=[jit])
    ws = openpyxl.load_workbook(template)["Data"]
    shown = {
        (ws.cell(n, 5).value, ws.cell(n, 8).value): ws.cell(n, layout.INDEX[Field.DISAGGREGATIONS])
        for n in range(layout.FIRST_DATA_ROW, ws.max_row + 1)
    }
    assert shown["JIT-DIP", "2025-Q1"].value == "sexe / femmes = 40; sexe / hommes = 60"

    # The template sent back untouched: every row with a split shown is unchanged, none
    # rejected (the validated 2024 ones included).
    untouched = preview_import(db, template)
    assert {(r.kpi_code, r.period): r.outcome for r in untouched.rows} == {
        ("JIT-DIP", "2024-Q2"): RowOutcome.UNCHANGED,
        ("JIT-DIP", "2024-Q3"): RowOutcome.UNCHANGED,
        ("JIT-DIP", "2024-Q4"): RowOutcome.UNCHANGED,
        ("JIT-DIP", "2025-Q1"): RowOutcome.UNCHANGED,
    }

    key = ("JIT-DIP", "2025-Q1")
    both = fill(
        template,
        {Field.VALUE: 120, Field.DISAGGREGATIONS: "sexe / femmes = 50; sexe / hommes = 70"},
        key,
        tmp_path / "both.xlsx",
    )
    (row,) = [r for r in preview_import(db, both).rows if (r.kpi_code, r.period) == key]
    assert row.outcome is RowOutcome.CHANGED
    assert row.new == "120 · sexe / femmes = 50; sexe / hommes = 70"

    total_only = fill(template, {Field.VALUE: 120}, key, tmp_path / "total.xlsx")
    (row,) = [r for r in preview_import(db, total_only).rows if (r.kpi_code, r.period) == key]
    assert row.outcome is RowOutcome.REJECTED
    assert [p.column for p in row.problems] == [layout.column_letter(Field.DISAGGREGATIONS)]
    assert "add up to 100, not to the total 120" in row.problems[0].message
