"""The program workbook on its own: written from plain values and read back equal,
decimals exact, text never a formula, machine headers frozen, and every damage named
by sheet, row and column."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    OrganizationKind,
    PartyRole,
    ProgramStatus,
)
from pilotage.exchange.program_content import (
    BudgetLineContent,
    DisaggregationContent,
    InitiativeContent,
    KpiContent,
    KpiKey,
    MeasurementContent,
    MilestoneContent,
    OrganizationContent,
    PartyContent,
    PillarContent,
    ProgramContent,
    ProgramWorkbookContent,
    SheetProblem,
    TargetContent,
)
from pilotage.exchange.program_workbook import LAYOUT, exact_number, write_program_workbook
from pilotage.exchange.program_workbook_reading import (
    ProgramWorkbookReading,
    read_program_workbook,
)
from pilotage.exchange.workbook_marker import MARKER_SHEET, WorkbookKind, marker_of

JIT = KpiKey("P1", "P1-JIT", "JIT-TXD")
PROGRAM_KPI = KpiKey("", "", "CP-PART")
PILLAR_KPI = KpiKey("P2", "", "P2-SHARE")
ARABIC = "برنامج التحول الرقمي"
BIG_MONEY = Decimal("12345678901234567.89")  # 19 digits: no float holds it
SIX_PLACES = Decimal("0.123457")
ENTERED = datetime(2025, 4, 2, 8, 30, 15, 123000, tzinfo=UTC)


def content() -> ProgramWorkbookContent:
    """A small program holding every kind of record and the awkward values."""
    return ProgramWorkbookContent(
        program=ProgramContent(
            "CP-TEST", "=SUM(A1:A2) est un titre", f"Description — {ARABIC}", date(2023, 12, 1),
            date(2024, 1, 1), date(2027, 12, 31), ProgramStatus.ACTIVE, "MAD", BIG_MONEY,
        ),
        organizations=[
            OrganizationContent("Maroc Numeric Cluster", "MNC", OrganizationKind.ASSOCIATION,
                                2010, "https://mnc.ma", "+212 notes"),
            OrganizationContent("Jeunes sans sigle", "", OrganizationKind.OTHER, None, "", ""),
        ],
        parties=[PartyContent("MNC", PartyRole.CONTRACTOR, "Mehdi Kettani", "Président")],
        pillars=[
            PillarContent(1, "P1", "Compétences", "-former"),
            PillarContent(2, "P2", ARABIC, ""),
        ],
        initiatives=[
            InitiativeContent("P1", "P1-JIT", "JobInTech", "", "MNC",
                              ("Jeunes sans sigle", "MNC"), date(2024, 3, 1), None,
                              InitiativeStatus.RUNNING, Decimal("1500000.5")),
        ],
        milestones=[
            MilestoneContent("P1", "P1-JIT", "@Cohorte 1", date(2024, 6, 30), date(2024, 7, 2),
                             "à l'heure"),
        ],
        budget_lines=[
            BudgetLineContent("P1", "P1-JIT", 2024, Decimal("9999999999999999.99"),
                              Decimal(0), Decimal("0.01")),
        ],
        kpis=[
            KpiContent(JIT, "Taux de diplomation", "", "%", Measure.RATIO, Direction.INCREASE,
                       Aggregation.SUM, Frequency.QUARTERLY, Decimal(0), date(2024, 1, 1),
                       SIX_PLACES, date(2026, 12, 31), Decimal("0.9"), Decimal("0.7"),
                       "Registre", "MNC", ""),
            KpiContent(PROGRAM_KPI, "Partenaires", "", "", Measure.COUNT, Direction.INCREASE,
                       Aggregation.LATEST, Frequency.YEARLY, None, None, None, None, None,
                       None, "", "", ""),
            KpiContent(PILLAR_KPI, "Part", "", "%", Measure.PERCENTAGE, Direction.DECREASE,
                       Aggregation.AVERAGE, Frequency.ONE_OFF, None, None, Decimal("-2.5"),
                       None, None, None, "", "Jeunes sans sigle", ""),
        ],
        targets=[
            TargetContent(JIT, date(2025, 12, 31), 0, Decimal("0.8"), None, ""),
            TargetContent(JIT, date(2025, 12, 31), 1, Decimal("0.75"), date(2025, 6, 30),
                          "Revue à mi-parcours"),
        ],
        measurements=[
            MeasurementContent(JIT, date(2024, 4, 1), date(2024, 6, 30), None, Decimal(240),
                               Decimal(330), MeasurementStatus.VALIDATED, "=1+1", "",
                               "analyste", ENTERED),
            MeasurementContent(PROGRAM_KPI, date(2024, 1, 1), date(2024, 12, 31),
                               Decimal("1234567890.123456"), None, None,
                               MeasurementStatus.DRAFT, ARABIC, "https://x.ma/preuve.pdf", "",
                               ENTERED),
        ],
        disaggregations=[
            DisaggregationContent(PROGRAM_KPI, date(2024, 1, 1), date(2024, 12, 31), "sexe",
                                  "femmes", SIX_PLACES),
        ],
    )  # fmt: skip


def written(tmp_path: Path, wanted: ProgramWorkbookContent | None = None) -> Path:
    out = tmp_path / "program.xlsx"
    write_program_workbook(wanted or content(), out)
    return out


def read(path: Path) -> ProgramWorkbookReading:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        return read_program_workbook(wb)
    finally:
        wb.close()


def test_a_program_reads_back_equal(tmp_path: Path) -> None:
    reading = read(written(tmp_path))
    assert reading.problems == []
    assert reading.content == content()
    assert reading.content is not None
    assert reading.content.program.title.startswith("=")
    assert reading.content.program.total_budget == BIG_MONEY
    assert reading.rows["measurements"] == [2, 3]


def test_counts_per_sheet(tmp_path: Path) -> None:
    counts = write_program_workbook(content(), tmp_path / "p.xlsx")
    assert counts == {
        "program": 1, "organizations": 2, "parties": 1, "pillars": 2, "initiatives": 1,
        "milestones": 1, "budget_lines": 1, "kpis": 3, "targets": 2, "measurements": 2,
        "disaggregations": 1,
    }  # fmt: skip


def test_headers_are_machine_keys_frozen_and_sized(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(written(tmp_path))
    assert [ws.title for ws in wb.worksheets] == [*LAYOUT, MARKER_SHEET]
    for name, fields in LAYOUT.items():
        ws = wb[name]
        assert [c.value for c in ws[1]] == [f.key for f in fields]
        assert ws.freeze_panes == "A2"
        assert all(ws.column_dimensions[c.column_letter].width for c in ws[1])
    assert wb["measurements"]["A1"].value == "pillar"
    assert wb["kpis"]["A2"].value == "initiative"  # the owner, spelt out


def test_marker_says_program_and_reference(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(written(tmp_path))
    marker = marker_of(wb)
    assert marker is not None
    assert marker.kind is WorkbookKind.PROGRAM
    assert marker.version == 1
    assert marker.facts["program"] == "CP-TEST"
    assert wb[MARKER_SHEET].sheet_state == "veryHidden"


def test_text_is_never_a_formula_and_values_keep_their_types(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(written(tmp_path))
    title = wb["program"]["B2"]
    assert title.data_type == "s"
    assert title.value == "=SUM(A1:A2) est un titre"
    assert wb["measurements"]["J2"].data_type == "s"  # the comment "=1+1"
    assert isinstance(wb["program"]["E2"].value, datetime)  # start_date: a date cell
    assert wb["program"]["I2"].value == "12345678901234567.89"  # too long for a float: text
    assert wb["kpis"]["N2"].value == pytest.approx(0.123457)  # six places: a number
    assert wb["measurements"]["F3"].data_type == "n"
    assert wb["pillars"]["A2"].value == 1


@pytest.mark.parametrize(
    "value",
    ["0.123456", "1234567890.123456", "12345678901234567.89", "9999999999999999.99",
     "0.000001", "-2.5", "100", "1e-6", "123456789012345678"],
)  # fmt: skip
def test_exact_number_round_trips_through_a_cell(tmp_path: Path, value: str) -> None:
    number = Decimal(value)
    kept = exact_number(number)
    wb = openpyxl.Workbook()
    wb.active["A1"] = kept
    wb.save(tmp_path / "n.xlsx")
    back = openpyxl.load_workbook(tmp_path / "n.xlsx").active["A1"].value
    if isinstance(back, str):
        assert Decimal(back) == number
    else:
        assert Decimal(repr(back)) == number


def test_entered_at_keeps_the_millisecond(tmp_path: Path) -> None:
    finer = replace(content(), measurements=[
        replace(m, entered_at=m.entered_at.replace(microsecond=123456))
        for m in content().measurements
    ])  # fmt: skip
    reading = read(written(tmp_path, finer))
    assert reading.content is not None
    assert [m.entered_at for m in reading.content.measurements] == [ENTERED, ENTERED]


# --- damage ---------------------------------------------------------------------------


def damaged(tmp_path: Path, change: object) -> ProgramWorkbookReading:
    path = written(tmp_path)
    wb = openpyxl.load_workbook(path)
    change(wb)  # type: ignore[operator]
    wb.save(path)
    return read(path)


def test_a_missing_sheet(tmp_path: Path) -> None:
    reading = damaged(tmp_path, lambda wb: wb.remove(wb["targets"]))
    assert reading.content is None
    assert reading.problems == [SheetProblem("targets", None, None, "the sheet is missing")]


def test_text_in_a_date_column(tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["measurements"]["E3"] = "fin juin"

    reading = damaged(tmp_path, change)
    assert reading.content is None
    [problem] = reading.problems
    assert (problem.sheet, problem.row, problem.column) == ("measurements", 3, "period_end")
    assert "'fin juin' is not a date" in str(problem)
    assert str(problem).startswith("sheet measurements, row 3, column period_end: ")


def test_wrong_types_each_named(tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["pillars"]["A3"] = "deux"  # position
        wb["kpis"]["H2"] = "nombre"  # measure: not a choice
        wb["measurements"]["F3"] = "beaucoup"  # value
        wb["targets"]["F2"] = None  # value: required
        wb["budget_lines"]["C2"] = 2024.5  # year

    reading = damaged(tmp_path, change)
    where = {(p.sheet, p.row, p.column) for p in reading.problems}
    assert where == {
        ("pillars", 3, "position"), ("kpis", 2, "measure"), ("measurements", 3, "value"),
        ("targets", 2, "value"), ("budget_lines", 2, "year"),
    }  # fmt: skip
    measure = next(p for p in reading.problems if p.column == "measure")
    assert "count, percentage, ratio, amount, yes_no" in measure.message


def test_a_missing_column(tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["initiatives"]["B1"] = "the code"

    reading = damaged(tmp_path, change)
    assert reading.problems == [
        SheetProblem("initiatives", 1, "code", "the column is missing (its header is not in row 1)")
    ]


def test_a_formula_and_an_error_cell_are_reported(tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["measurements"]["F3"] = "=2*3"
        wb["measurements"]["D2"].value = "#DIV/0!"
        wb["measurements"]["D2"].data_type = "e"

    reading = damaged(tmp_path, change)
    messages = {(p.row, p.column): p.message for p in reading.problems}
    assert messages[3, "value"] == "a formula (=2*3) where a value is due"
    assert messages[2, "period_start"].startswith("an error cell (#DIV/0!)")


def test_an_owner_that_disagrees_with_the_codes(tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["kpis"]["A3"] = "pillar"  # the program's KPI, said to be a pillar's

    reading = damaged(tmp_path, change)
    assert [(p.sheet, p.row, p.column) for p in reading.problems] == [("kpis", 3, "owner")]


def test_columns_in_another_order_and_extra_ones_are_read(tmp_path: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        ws = wb["pillars"]
        ws.insert_cols(1)
        ws["A1"] = "remarque"
        ws["A2"] = "ajoutée à la main"

    reading = damaged(tmp_path, change)
    assert reading.problems == []
    assert reading.content is not None
    assert reading.content.pillars == content().pillars


def test_a_template_or_a_newer_layout_is_refused(tmp_path: Path) -> None:
    def template(wb: openpyxl.Workbook) -> None:
        wb[MARKER_SHEET]["B1"] = WorkbookKind.TEMPLATE.value

    def newer(wb: openpyxl.Workbook) -> None:
        wb[MARKER_SHEET]["B2"] = "7"

    [refused] = damaged(tmp_path, template).problems
    assert "a data-collection template, not a program workbook" in refused.message
    [refused] = damaged(tmp_path, newer).problems
    assert "layout version 7" in refused.message


def test_a_workbook_without_marker_is_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "plain.xlsx")
    [refused] = read(tmp_path / "plain.xlsx").problems
    assert refused.message == "this workbook was not written by Pilotage's program export"
