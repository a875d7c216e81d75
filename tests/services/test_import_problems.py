"""Each problem an imported row can have, on its own: the row is rejected, the problem
names its sheet, row and column with a sentence, and the database stays as it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from import_support import TABLES, demo_row, filled, half, kpi_ids, quarter
from kpi_fixtures import make_kpi, make_tree
from service_support import Count
from sqlalchemy import delete

from filled_templates import figure_row, write_filled
from pilotage.db.database import Database
from pilotage.db.schema import Measurement
from pilotage.domain.errors import ValidationError
from pilotage.exchange.template_layout import Field
from pilotage.services.measurement_import import RowOutcome, apply_import, preview_import
from pilotage.services.programs import ProgramRow

Q4 = quarter(2024, 4)
Rows = Callable[[Database], list[dict[Field, object]]]


def one(code: str, period: tuple[date, date], **typed: object) -> Rows:
    return lambda db: [demo_row(db, code, period, **typed)]


def wrong_code(db: Database) -> list[dict[Field, object]]:
    # Row 3's id and code agree: the ids are this database's, so row 2's id (JIT-APP's)
    # and code (JIT-DIP) name two KPIs: which one is meant cannot be told. No row pairs
    # either as the database does: the codes changed since (test_import_identities).
    return [
        figure_row(kpi_ids(db)["JIT-APP"], "JIT-DIP", *Q4, "2024-Q4", value=5),
        demo_row(db, "JIT-INS", half(2025, 1), value=70),
    ]


def unknown_id(db: Database) -> list[dict[Field, object]]:
    # Neither the id nor the code names a KPI of the program.
    return [figure_row(999_999, "JIT-XXX", *Q4, "2024-Q4", value=5)]


# (rows, sheet row, column, words of the sentence)
CASES: dict[str, tuple[Rows, int, str, str]] = {
    "unknown KPI id": (unknown_id, 2, "E", "unknown KPI: “JIT-XXX” is not a KPI of program"),
    "code not the id's": (
        wrong_code,
        2,
        "E",
        "the KPI's code changed in the database since the template was written: this row's "
        "hidden identifier is that of JIT-APP (",
    ),
    "period outside the frequency": (
        one("JIT-APP", (date(2024, 10, 1), date(2024, 10, 31)), value=5),
        2,
        "H",
        "must be 2024-12-31, the last day of the quarter starting 2024-10-01",
    ),
    "text where a number is due": (
        one("JIT-APP", Q4, value="lots"),
        2,
        "K",
        "“lots” is text where a number is due",
    ),
    "a yes/no word for a count": (
        one("JIT-APP", Q4, value="yes"),
        2,
        "K",
        "“yes” is text where a number is due",
    ),
    "text in the denominator": (
        one("JIT-TXD", quarter(2025, 1), numerator=3, denominator="ten"),
        2,
        "M",
        "“ten” is text where a number is due",
    ),
    "negative count": (one("JIT-APP", Q4, value=-5), 2, "K", "must not be negative: it is a count"),
    "count not whole": (one("JIT-APP", Q4, value=12.5), 2, "K", "must be a whole number"),
    "percentage above 100": (
        one("JIT-INS", half(2025, 1), value=120),
        2,
        "K",
        "must be between 0 and 100: it is a percentage",
    ),
    "yes/no not 0 or 1": (
        one("BEX-LIG", (date(2025, 9, 1), date(2025, 9, 1)), value=2),
        2,
        "K",
        "“2” is not an answer: choose “yes” or “no” in the cell's list (a yes/no KPI)",
    ),
    "yes/no word not the template's": (
        one("BEX-LIG", (date(2025, 9, 1), date(2025, 9, 1)), value="maybe"),
        2,
        "K",
        "“maybe” is not an answer: type “yes” or “no”",
    ),
    "value for a ratio": (
        one("JIT-TXD", quarter(2025, 1), value=50, numerator=5, denominator=10),
        2,
        "K",
        "must be empty for a ratio KPI",
    ),
    "numerator for a count": (
        one("JIT-APP", Q4, value=10, numerator=5),
        2,
        "L",
        "must be empty: only a ratio KPI has a numerator and denominator",
    ),
    "numerator above denominator": (
        one("JIT-TXD", quarter(2025, 1), numerator=300, denominator=200),
        2,
        "L",
        "must not exceed the denominator: a share cannot pass 100%",
    ),
    "denominator of 0": (
        one("JIT-TXD", quarter(2025, 1), numerator=0, denominator=0),
        2,
        "M",
        "must be more than 0",
    ),
    "validated period changed": (
        one("JIT-APP", quarter(2024, 3), value=321),
        2,
        "K",
        "period 2024-Q3 is validated and locked (recorded: 320)",
    ),
    "validated ratio changed": (
        one("JIT-TXD", quarter(2024, 2), numerator=241, denominator=330),
        2,
        "L",
        "period 2024-Q2 is validated and locked (recorded: 240 / 330)",
    ),
    "same KPI and period twice": (
        lambda db: [demo_row(db, "JIT-APP", Q4, value=1), demo_row(db, "JIT-APP", Q4, value=2)],
        3,
        "H",
        "JIT-APP 2024-Q4 is also in row 2: give each KPI and period once",
    ),
    # BEX-LIG, one-off, has one figure, validated on 2025-05-20: another date reached
    # would move it. (A period overlapping another figure: test_import_one_off.py.)
    "validated one-off moved to another day": (
        one(
            "BEX-LIG",
            (date(2025, 5, 20), date(2025, 5, 20)),
            value="yes",
            date_reached="2025-04-10",
        ),
        2,
        "Q",
        "period 2025-05-20 is validated and locked (recorded: yes)",
    ),
    "disaggregations not adding up": (
        one(
            "JIT-DIP", quarter(2025, 1), value=250, disaggregations="sexe / f = 100; sexe / h = 100"
        ),
        2,
        "N",
        "the sexe categories add up to 200, not to the total 250: they must add up to it",
    ),
    "kept disaggregations not adding up to a new total": (
        one("JIT-DIP", quarter(2024, 4), value=235),
        2,
        "N",
        "the sexe categories add up to 234, not to the total 235",
    ),
    "bad evidence link": (
        one("JIT-APP", Q4, value=1, evidence_link="ftp://mnc.ma/x"),
        2,
        "P",
        "ftp: links are not accepted",
    ),
    "evidence link too long": (
        one("JIT-APP", Q4, value=1, evidence_link="https://mnc.ma/" + "a" * 990),
        2,
        "P",
        "is 1005 characters long; at most 1000 fit",
    ),
    "category too long": (
        one("JIT-APP", Q4, value=1, disaggregations=f"sexe / {'f' * 121} = 1"),
        2,
        "N",
        "category is 121 characters long; at most 120 fit",
    ),
    "disaggregations unreadable": (
        one("JIT-APP", Q4, value=1, disaggregations="femmes: 1"),
        2,
        "N",
        "cannot be read: “femmes: 1” is not “dimension / category = value”",
    ),
    "hidden id changed": (
        lambda db: [{**demo_row(db, "JIT-APP", Q4, value=1), Field.KPI_ID: "seven"}],
        2,
        "A",
        "the KPI's identifier (a hidden column) is “seven”, not a number",
    ),
    "hidden date changed": (
        lambda db: [{**demo_row(db, "JIT-APP", Q4, value=1), Field.PERIOD_END: "soon"}],
        2,
        "C",
        "the period's bounds (a hidden column) is “soon”, not a date",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_problem_rejects_its_row_and_writes_nothing(
    case: str, db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    rows, number, column, words = CASES[case]
    path = filled(tmp_path, rows(db))
    before = {table: count(table) for table in TABLES}
    preview = preview_import(db, path)
    rejected = [r for r in preview.rows if r.outcome is RowOutcome.REJECTED]
    assert rejected, case
    found = [p for r in rejected for p in r.problems if (p.row, p.column) == (number, column)]
    assert any(words in p.message for p in found), [str(p) for r in rejected for p in r.problems]
    problem = next(p for p in found if words in p.message)
    assert problem.sheet == "Figures"
    assert str(problem).startswith(f"Figures!{column}{number} (")
    with pytest.raises(ValidationError, match="Figures!"):
        apply_import(db, path)
    assert {table: count(table) for table in TABLES} == before


def test_both_rows_of_a_twin_are_rejected_naming_each_other(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    path = filled(
        tmp_path,
        [demo_row(db, "JIT-APP", Q4, value=1), demo_row(db, "JIT-APP", Q4, value=1)],
    )
    first, second = preview_import(db, path).rows
    assert [str(p) for p in first.problems] == [
        "Figures!H2 (Period): JIT-APP 2024-Q4 is also in row 3: give each KPI and period once"
    ]
    assert [str(p) for p in second.problems] == [
        "Figures!H3 (Period): JIT-APP 2024-Q4 is also in row 2: give each KPI and period once"
    ]


def test_a_kpi_of_another_program_is_unknown(
    db: Database, demo: ProgramRow, tmp_path: Path, count: Count
) -> None:
    other = make_tree(db, reference="CP-AUTRE")
    kpi = make_kpi(db, other.initiative)
    path = write_filled(
        tmp_path / "f.xlsx", [figure_row(kpi.id, kpi.code, *Q4, "2024-Q4", value=3)]
    )
    (row,) = preview_import(db, path).rows
    assert row.outcome is RowOutcome.REJECTED
    assert str(row.problems[0]).startswith(
        f"Figures!E2 (KPI code): unknown KPI: “{kpi.code}” is not a KPI of program CP-MTNRA-MNC"
    )


@pytest.mark.parametrize(
    ("typed", "language", "value"),
    [("oui", "fr", "oui"), ("non", "fr", "non"), ("yes", "en", "yes"), (1, "en", "yes")],
)
def test_yes_no_words_of_the_template_language(
    typed: object, language: str, value: str, db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    # BEX-LIG (one-off) without its figure: a one-off KPI has one figure in all.
    with db.transaction() as session:
        session.execute(delete(Measurement).where(Measurement.kpi_id == kpi_ids(db)["BEX-LIG"]))
    rows = [demo_row(db, "BEX-LIG", (date(2025, 9, 1), date(2025, 9, 1)), value=typed)]
    (row,) = preview_import(db, filled(tmp_path, rows, language=language)).rows
    assert (row.outcome, row.new) == (RowOutcome.NEW, value)


@pytest.mark.parametrize(
    ("typed", "column", "words"),
    [
        ("=1+1", "K", "is a formula: type the figure itself"),
        ("#DIV/0!", "K", "holds the error #DIV/0!: type the figure itself"),
    ],
)
def test_formulas_and_error_cells_reject_their_row(
    typed: str,
    column: str,
    words: str,
    db: Database,
    demo: ProgramRow,
    tmp_path: Path,
    count: Count,
) -> None:
    rows = [
        demo_row(db, "JIT-APP", Q4, comment="see value"),
        demo_row(db, "JIT-DIP", quarter(2025, 1), value=1),
    ]
    path = filled(tmp_path, rows, raw={(2, Field.VALUE): typed})
    first, second = preview_import(db, path).rows
    assert first.outcome is RowOutcome.REJECTED
    assert [str(p) for p in first.problems] == [f"Figures!{column}2 (Value): {words}"]
    assert second.outcome is RowOutcome.NEW
    before = {table: count(table) for table in TABLES}
    with pytest.raises(ValidationError):
        apply_import(db, path)
    assert {table: count(table) for table in TABLES} == before


@pytest.mark.parametrize(
    ("row", "typed"),
    [
        (one("JIT-APP", quarter(2024, 4), value=-5), "-5"),
        (one("JIT-APP", quarter(2024, 4), value="many"), "many"),
        (one("JIT-TXD", quarter(2025, 1), numerator=12), "12 / ?"),
    ],
)
def test_a_rejected_row_shows_what_was_typed(
    row: Rows, typed: str, db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    (judged,) = preview_import(db, filled(tmp_path, row(db))).rows
    assert judged.outcome is RowOutcome.REJECTED
    assert judged.new == typed


def _percent_formatted(path: Path, cells: dict[str, str]) -> Path:
    """`path` with `cells` given number formats, as Excel stores "72%" typed in a cell."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for coordinate, number_format in cells.items():
        wb["Figures"][coordinate].number_format = number_format
    wb.save(path)
    return path


def test_a_percentage_typed_with_a_percent_sign_is_read_in_points(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    rows = [
        demo_row(db, "JIT-INS", half(2025, 1), value=0.72),  # "72%" typed in Excel
        demo_row(db, "JIT-APP", quarter(2025, 1), value=0.5),  # "50%" typed for a count
        demo_row(db, "JIT-TXD", quarter(2025, 1), value=0.75),  # a rate for a ratio
        demo_row(db, "JIT-INS", half(2025, 2), value="64,5 %"),  # typed as text
    ]
    path = _percent_formatted(filled(tmp_path, rows), {"K2": "0%", "K3": "0%", "K4": "0.0%"})
    ins, app, txd, text = preview_import(db, path).rows
    assert (ins.outcome, ins.new) == (RowOutcome.NEW, "72 %")
    assert (text.outcome, text.new) == (RowOutcome.NEW, "64.5 %")
    assert [str(p) for p in app.problems] == [
        "Figures!K3 (Value): typed as a percentage (50 %): type the number itself"
    ]
    assert str(txd.problems[0]) == (
        "Figures!K4 (Value): typed as a percentage (75 %): give its numerator and denominator "
        "(a ratio KPI)"
    )


def test_the_template_s_own_points_format_is_not_a_percentage(
    db: Database, demo: ProgramRow, tmp_path: Path
) -> None:
    rows = [demo_row(db, "JIT-INS", half(2025, 1), value=72)]
    path = _percent_formatted(filled(tmp_path, rows), {"K2": '#,##0.0"%"'})
    (row,) = preview_import(db, path).rows
    assert (row.outcome, row.new) == (RowOutcome.NEW, "72 %")
