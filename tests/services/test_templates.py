"""Which KPIs and periods a template asks for, with their targets and recorded figures,
checked by hand against the demo (DESIGN §5), read in a fixed number of statements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from service_support import Statements, generator
from sqlalchemy import select

from pilotage.db.database import Database
from pilotage.db.schema import Initiative
from pilotage.domain.enums import Frequency
from pilotage.domain.errors import NotFoundError, PilotageError
from pilotage.exchange import template_layout as layout
from pilotage.exchange.workbook_marker import marker_of
from pilotage.services import templates
from pilotage.services.overview import portfolio_overview
from pilotage.services.programs import ProgramRow
from pilotage.services.templates import periods_ending_in, template_data, write_template

H1_2025 = date(2025, 1, 1), date(2025, 6, 30)


def initiative_id(db: Database, code: str) -> int:
    with db.reading() as session:
        found = session.scalar(select(Initiative.id).where(Initiative.code == code))
    assert found is not None
    return found


def rows_of(path: Path) -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(path)
    marker = marker_of(wb)
    assert marker is not None
    ws = wb[marker.facts[layout.FACT_DATA_SHEET]]
    return [row[3:10] for row in ws.iter_rows(min_row=layout.FIRST_DATA_ROW, values_only=True)]


def test_periods_ending_in_a_range() -> None:
    assert periods_ending_in(Frequency.QUARTERLY, date(2025, 2, 15), date(2025, 9, 29)) == (
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
    )
    assert periods_ending_in(Frequency.MONTHLY, date(2025, 1, 31), date(2025, 2, 28)) == (
        (date(2025, 1, 1), date(2025, 1, 31)),
        (date(2025, 2, 1), date(2025, 2, 28)),
    )
    assert periods_ending_in(Frequency.YEARLY, date(2025, 1, 1), date(2025, 12, 30)) == ()
    assert periods_ending_in(Frequency.HALF_YEARLY, date(2024, 7, 1), date(2025, 6, 30)) == (
        (date(2024, 7, 1), date(2024, 12, 31)),
        (date(2025, 1, 1), date(2025, 6, 30)),
    )


def test_the_whole_demo_program_over_a_half_year(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    """By the demo's frequencies: quarterly CP-PART, JIT-APP, JIT-DIP, JIT-TXD, ACC-CONV,
    EVT-ENT, VEI-NOT (2 each: 14) and BEX-MEM (its baseline is 2025-04-01: Q2 alone);
    monthly VIV-TAL and EVT-NB (6 each: 12); half-yearly JIT-INS and VIV-DEL (1 each);
    one-off BEX-LIG, recorded on 2025-05-20 (1)."""
    outcome = write_template(db, demo.id, *H1_2025, "fr", tmp_path / "t.xlsx")
    assert (outcome.rows, outcome.kpis) == (14 + 1 + 12 + 2 + 1, 13)
    assert outcome.path == tmp_path / "t.xlsx"
    rows = rows_of(outcome.path)
    assert len(rows) == 30
    # The program's own KPI first, then by pillar and initiative, KPI code and period.
    owners = [r[0] for r in rows]
    assert owners[:2] == ["CP-MTNRA-MNC", "CP-MTNRA-MNC"]
    assert owners == owners[:2] + sorted(owners[2:])
    codes = [(r[0], r[1], r[4]) for r in rows]
    assert codes == sorted(codes, key=lambda c: (c[0] != "CP-MTNRA-MNC", c[0], c[1], c[2]))
    by_key = {(r[1], r[4]): r for r in rows}
    # CP-PART: 0 on 2024-01-01 to 30 on 2026-12-31 (1,095 days); 2025-03-31 is day 455.
    assert by_key["CP-PART", "2025-Q1"][5] == pytest.approx(30 * 455 / 1095)
    # The demo validated every figure of this half-year: each row says it is closed.
    closed = "{} (validé, clos)".format
    # The fifth quarter of [3, 5, 6, 8, 10, ...]
    assert by_key["CP-PART", "2025-Q1"][6] == closed(10)
    assert by_key["CP-PART", "2025-Q2"][6] == closed(11)
    # VIV-TAL: 0 on 2025-01-01 to 1,500 on 2026-12-31 (729 days); monthly figures recorded.
    assert by_key["VIV-TAL", "2025-01"][5] == pytest.approx(1500 * 30 / 729)
    assert [by_key["VIV-TAL", f"2025-0{m}"][6] for m in range(1, 7)] == [
        closed(n) for n in (40, 55, 60, 48, 70, 65)
    ]
    # VIV-DEL decreases from 9 (2025-01-01) to 4 (2026-12-31): 180 of 729 days by 2025-06-30.
    assert by_key["VIV-DEL", "2025-H1"][5] == pytest.approx(9 - 5 * 180 / 729)
    assert by_key["VIV-DEL", "2025-H1"][6] == closed(8.5)
    # JobIntech's pilot ended in 2024: its final targets are due; nothing recorded in 2025.
    assert by_key["JIT-APP", "2025-Q1"][5:] == (1000, None)
    assert by_key["JIT-TXD", "2025-Q2"][5:] == (0.8, None)
    assert by_key["JIT-INS", "2025-H1"][5:] == (75, None)
    # The one-off KPI's row is its recorded figure's day: a correction replaces it. Its
    # figure is validated: the period is closed, and the row says so.
    assert by_key["BEX-LIG", "2025-05-20"][5:] == (1, closed("oui"))  # a yes/no KPI
    assert ("BEX-MEM", "2025-Q1") not in by_key
    # EVT-NB's revised target ends on 2025-12-31: not in these months.
    assert by_key["EVT-NB", "2025-06"][6] == closed(2)


def test_chosen_initiatives_only(db: Database, demo: ProgramRow, tmp_path: Path) -> None:
    """JobIntech over 2024: JIT-APP, JIT-DIP and JIT-TXD quarterly (4 each), JIT-INS
    half-yearly (2), with the pilot's figures recorded."""
    jit = initiative_id(db, "P1-JIT")
    outcome = write_template(
        db, demo.id, date(2024, 1, 1), date(2024, 12, 31), "en", tmp_path / "j.xlsx",
        initiative_ids=[jit],
    )  # fmt: skip
    assert (outcome.rows, outcome.kpis) == (14, 4)
    rows = rows_of(outcome.path)
    assert {r[0] for r in rows} == {"P1 / P1-JIT"}
    assert [(r[1], r[4]) for r in rows[:5]] == [
        ("JIT-APP", "2024-Q1"),
        ("JIT-APP", "2024-Q2"),
        ("JIT-APP", "2024-Q3"),
        ("JIT-APP", "2024-Q4"),
        ("JIT-DIP", "2024-Q1"),
    ]
    by_key = {(r[1], r[4]): r for r in rows}
    # JIT-APP: 0 on 2024-01-01 to 1,000 on 2024-12-31 (365 days); 2024-03-31 is day 90.
    assert by_key["JIT-APP", "2024-Q1"][5] == pytest.approx(1000 * 90 / 365)
    # Every figure the pilot recorded in 2024 is validated: its period is closed.
    closed = "{} (validated, closed)".format
    assert [by_key["JIT-APP", f"2024-Q{n}"][6] for n in (1, 2, 3, 4)] == [
        closed(330), closed(350), closed(320), None,
    ]  # fmt: skip
    assert [by_key["JIT-DIP", f"2024-Q{n}"][6] for n in (1, 2, 3, 4)] == [
        None, closed(240), closed(260), closed(234),
    ]  # fmt: skip
    # A ratio's figure reads as its numerator over its denominator.
    assert [by_key["JIT-TXD", f"2024-Q{n}"][6] for n in (1, 2, 3, 4)] == [
        None, closed("240 / 330"), closed("260 / 350"), closed("234 / 320"),
    ]  # fmt: skip
    assert by_key["JIT-TXD", "2024-Q2"][5] == pytest.approx(0.8 * 181 / 365)
    # JIT-INS: 0 on 2024-01-01 to 75 on 2025-06-30 (546 days); 2024-06-30 is day 181.
    assert by_key["JIT-INS", "2024-H1"][5] == pytest.approx(75 * 181 / 546)
    assert by_key["JIT-INS", "2024-H2"][6] == "72 % (validated, closed)"


def test_the_one_off_kpi_outside_its_date(db: Database, demo: ProgramRow) -> None:
    """BEX-LIG was recorded on 2025-05-20: a template of 2025's second half leaves it out."""
    bex = initiative_id(db, "P3-BEX")
    data = template_data(db, demo.id, date(2025, 7, 1), date(2025, 12, 31), initiative_ids=[bex])
    assert [(r.kpi_code, r.period) for r in data.rows] == [
        ("BEX-MEM", "2025-Q3"),
        ("BEX-MEM", "2025-Q4"),
    ]
    assert data.initiatives == ("P3-BEX",)
    assert [r.recorded_value for r in data.rows] == [140, 190]


def test_nothing_due_is_refused_before_writing(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "none.xlsx"
    with pytest.raises(PilotageError, match="nothing to collect"):
        write_template(
            db, demo.id, date(2025, 1, 1), date(2025, 1, 30), "en", out,
            initiative_ids=[initiative_id(db, "P1-JIT")],
        )  # fmt: skip
    assert list(folder.iterdir()) == []


def test_wrong_arguments(
    db: Database, demo: ProgramRow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "t.xlsx"
    with pytest.raises(PilotageError, match="after its end"):
        write_template(db, demo.id, date(2025, 7, 1), date(2025, 6, 30), "en", out)
    with pytest.raises(NotFoundError, match="program 999999 does not exist"):
        write_template(db, 999_999, *H1_2025, "en", out)
    with pytest.raises(PilotageError, match="is not one of program CP-MTNRA-MNC"):
        write_template(db, demo.id, *H1_2025, "en", out, initiative_ids=[999_999])
    with pytest.raises(PilotageError, match="no initiative was chosen"):
        write_template(db, demo.id, *H1_2025, "en", out, initiative_ids=[])
    monkeypatch.setattr(templates, "MAX_ROWS", 29)  # H1 2025 has 30 rows due
    with pytest.raises(PilotageError, match=r"the template would have 30 rows \(at most 29\)"):
        write_template(db, demo.id, *H1_2025, "en", out)
    with pytest.raises(ValueError, match="unknown template language"):
        write_template(db, demo.id, *H1_2025, "de", out)
    assert not out.exists()


def test_statements_do_not_grow_with_the_data(
    db: Database, demo: ProgramRow, statements: Statements, tmp_path: Path
) -> None:
    with statements() as small:
        small_outcome = write_template(db, demo.id, *H1_2025, "en", tmp_path / "small.xlsx")
    generator().generate(db, programs=3, initiatives=30, kpis=300, measurements=3000, seed=5)
    largest = max(portfolio_overview(db, date(2025, 12, 31)), key=lambda s: s.rollup.kpi_count)
    assert largest.rollup.kpi_count >= 10 * small_outcome.kpis
    with statements() as large:
        outcome = write_template(
            db, largest.program.id, date(2024, 1, 1), date(2025, 12, 31), "en",
            tmp_path / "large.xlsx",
        )  # fmt: skip
    assert outcome.rows > 10 * small_outcome.rows
    # The program, its pillars and initiatives, the KPIs, their targets, their figures.
    assert len(small) == len(large) == 5


def test_the_statements_of_chosen_initiatives(
    db: Database, demo: ProgramRow, statements: Statements, tmp_path: Path
) -> None:
    ids = [initiative_id(db, "P1-JIT"), initiative_id(db, "P1-VIV")]
    with statements() as sent:
        outcome = write_template(
            db, demo.id, *H1_2025, "en", tmp_path / "t.xlsx", initiative_ids=ids
        )
    assert len(sent) == 5
    assert outcome.kpis == 6  # JobIntech's 4, VIV-TAL and VIV-DEL
    assert rows_of(outcome.path)[0][0] == "P1 / P1-JIT"


def test_a_filled_template_comes_back(db: Database, demo: ProgramRow, tmp_path: Path) -> None:
    """Template out, filled as a partner would (a count with its split by sex, a ratio's
    two numbers, the yes/no drop-down's French word, a percentage typed in its percent cell: Excel
    stores 68 % as 0.68), read back by
    the import: what was typed is what is judged, and a second import changes nothing."""
    from pilotage.services.measurement_import import RowOutcome, apply_import, preview_import

    out = write_template(db, demo.id, *H1_2025, "fr", tmp_path / "t.xlsx").path
    typed: dict[tuple[str, str], dict[layout.Field, object]] = {
        ("JIT-APP", "2025-Q1"): {
            layout.Field.VALUE: 120,
            layout.Field.DISAGGREGATIONS: "sexe / femmes = 50; sexe / hommes = 70",
            layout.Field.EVIDENCE: "https://mnc.ma/jit/2025-q1.pdf",
        },
        ("JIT-TXD", "2025-Q1"): {layout.Field.NUMERATOR: 90, layout.Field.DENOMINATOR: 120},
        ("JIT-INS", "2025-H1"): {layout.Field.VALUE: 0.68, layout.Field.COMMENT: "enquête"},
        ("CP-PART", "2025-Q2"): {layout.Field.VALUE: 12},  # 11 recorded and validated
        ("BEX-LIG", "2025-05-20"): {layout.Field.VALUE: "oui"},  # as recorded
    }
    filled = fill(out, typed, tmp_path / "rempli.xlsx")
    outcomes = {(row.kpi_code, row.period): row.outcome for row in preview_import(db, filled).rows}
    assert outcomes == {
        ("JIT-APP", "2025-Q1"): RowOutcome.NEW,
        ("JIT-TXD", "2025-Q1"): RowOutcome.NEW,
        ("JIT-INS", "2025-H1"): RowOutcome.NEW,
        ("CP-PART", "2025-Q2"): RowOutcome.REJECTED,  # a validated period is locked
        ("BEX-LIG", "2025-05-20"): RowOutcome.UNCHANGED,
    }
    result = apply_import(db, filled, valid_only=True)
    assert (result.created, result.changed, result.skipped) == (3, 0, 1)
    again = apply_import(db, filled, valid_only=True)
    assert (again.created, again.changed, again.unchanged) == (0, 0, 4)
    # A new template shows the figures now recorded; a correction of one is a change.
    rows = {(r.kpi_code, r.period): r for r in template_data(db, demo.id, *H1_2025).rows}
    assert rows["JIT-APP", "2025-Q1"].recorded_value == 120
    assert rows["JIT-TXD", "2025-Q1"].recorded_numerator == 90
    assert rows["JIT-TXD", "2025-Q1"].recorded_denominator == 120
    assert rows["JIT-INS", "2025-H1"].recorded_value == 68
    typed["JIT-INS", "2025-H1"][layout.Field.VALUE] = 0.7
    corrected = fill(out, typed, tmp_path / "corrigé.xlsx")
    outcomes = {(r.kpi_code, r.period): r.outcome for r in preview_import(db, corrected).rows}
    assert outcomes["JIT-INS", "2025-H1"] is RowOutcome.CHANGED


def fill(
    template: Path, typed: dict[tuple[str, str], dict[layout.Field, object]], out: Path
) -> Path:
    """The template with `typed` entered in the rows of those (KPI code, period)."""
    wb = openpyxl.load_workbook(template)
    ws = wb["Données"]
    code, period = layout.INDEX[layout.Field.KPI_CODE], layout.INDEX[layout.Field.PERIOD]
    for number in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        key = (ws.cell(number, code).value, ws.cell(number, period).value)
        for field, value in typed.get(key, {}).items():
            ws.cell(number, layout.INDEX[field]).value = value
    wb.save(out)
    return out


def test_a_one_off_kpi_without_a_figure_is_due_on_its_target_date(
    db: Database, demo: ProgramRow
) -> None:
    """BEX-LIG's figure removed: its one row is its final target date, 2025-06-30, asking
    for its final target (yes)."""
    from sqlalchemy import delete

    from pilotage.db.schema import Kpi, Measurement

    with db.transaction() as session:
        kpi_id = session.scalar(select(Kpi.id).where(Kpi.code == "BEX-LIG"))
        session.execute(delete(Measurement).where(Measurement.kpi_id == kpi_id))
    bex = initiative_id(db, "P3-BEX")
    rows = template_data(db, demo.id, *H1_2025, initiative_ids=[bex]).rows
    one_off = [r for r in rows if r.kpi_code == "BEX-LIG"]
    assert [(r.period_start, r.period_end, r.target, r.recorded_value) for r in one_off] == [
        (date(2025, 6, 30), date(2025, 6, 30), 1, None)
    ]
    later = template_data(db, demo.id, date(2025, 7, 1), date(2025, 12, 31), initiative_ids=[bex])
    assert [r.kpi_code for r in later.rows] == ["BEX-MEM", "BEX-MEM"]
