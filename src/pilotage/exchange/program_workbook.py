"""Writing a whole program to one workbook, to move it to another database.

One sheet per kind of record, one header row of stable machine keys (the English field
names: this workbook is read back by Pilotage, not printed), one row per record. Values
keep their types: dates are dates, whole numbers numbers, text is text and never a
formula. A decimal is written as a number when a spreadsheet gives back exactly the
same decimal, and as its text otherwise (large amounts with cents, long fractions): a
spreadsheet's numbers are binary floats of about 15 digits. A measurement's entered_at
is a date-time in UTC, to the millisecond (all a spreadsheet's date-time holds).

Sheets are streamed (openpyxl's write-only mode, through sheets.TableSheet): a program
of 300,000 measurements costs the memory of a few rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    OrganizationKind,
    OwnerKind,
    PartyRole,
    ProgramStatus,
)
from pilotage.exchange.columns import Column, Kind
from pilotage.exchange.program_content import (
    PROGRAM_WORKBOOK_VERSION,
    KpiKey,
    ProgramWorkbookContent,
    millisecond,
)
from pilotage.exchange.sheets import TableSheet, new_workbook
from pilotage.exchange.workbook_marker import WorkbookKind, add_marker
from pilotage.exchange.writing import discard, save_atomically

PARTNER_SEPARATOR = "; "  # an initiative's partners share one cell


class Type(StrEnum):
    """What a column holds, for the writer's format and the reader's checks."""

    TEXT = "text"
    CODE = "code"  # text that may not be empty
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    DECIMAL = "decimal"
    CHOICE = "choice"  # one of an enum's values


@dataclass(frozen=True)
class Field:
    key: str  # the header, a stable machine key
    kind: Type = Type.TEXT
    required: bool = False  # an empty cell is a problem (text: may it be empty?)
    choices: type[StrEnum] | None = None


def _f(key: str, kind: Type = Type.TEXT, required: bool = False) -> Field:
    return Field(key, kind, required or kind is Type.CODE)


def _choice(key: str, enum: type[StrEnum], required: bool = True) -> Field:
    return Field(key, Type.CHOICE, required, enum)


_KPI_REF = (_f("pillar"), _f("initiative"), _f("kpi", Type.CODE))
_INITIATIVE_REF = (_f("pillar", Type.CODE), _f("initiative", Type.CODE))

# The sheets in the order they are written and read; each one's columns in order.
LAYOUT: dict[str, tuple[Field, ...]] = {
    "program": (
        _f("reference", Type.CODE), _f("title", Type.CODE), _f("description"),
        _f("signed_on", Type.DATE), _f("start_date", Type.DATE, True),
        _f("end_date", Type.DATE, True), _choice("status", ProgramStatus),
        _f("currency", Type.CODE), _f("total_budget", Type.DECIMAL),
    ),
    "organizations": (
        _f("name", Type.CODE), _f("acronym"), _choice("kind", OrganizationKind),
        _f("founded_year", Type.INTEGER), _f("website"), _f("notes"),
    ),
    "parties": (
        _f("organization", Type.CODE), _choice("role", PartyRole), _f("signatory_name"),
        _f("signatory_title"),
    ),
    "pillars": (
        _f("position", Type.INTEGER, True), _f("code", Type.CODE), _f("title", Type.CODE),
        _f("objective"),
    ),
    "initiatives": (
        _f("pillar", Type.CODE), _f("code", Type.CODE), _f("name", Type.CODE),
        _f("description"), _f("lead_organization"), _f("partners"),
        _f("start_date", Type.DATE), _f("end_date", Type.DATE),
        _choice("status", InitiativeStatus), _f("planned_budget", Type.DECIMAL),
    ),
    "milestones": (
        *_INITIATIVE_REF, _f("title", Type.CODE), _f("due_date", Type.DATE, True),
        _f("done_date", Type.DATE), _f("note"),
    ),
    "budget_lines": (
        *_INITIATIVE_REF, _f("year", Type.INTEGER, True), _f("planned", Type.DECIMAL, True),
        _f("committed", Type.DECIMAL, True), _f("disbursed", Type.DECIMAL, True),
    ),
    "kpis": (
        _choice("owner", OwnerKind), _f("pillar"), _f("initiative"), _f("code", Type.CODE),
        _f("name", Type.CODE), _f("definition"), _f("unit"), _choice("measure", Measure),
        _choice("direction", Direction), _choice("aggregation", Aggregation),
        _choice("frequency", Frequency), _f("baseline_value", Type.DECIMAL),
        _f("baseline_date", Type.DATE), _f("target_value", Type.DECIMAL),
        _f("target_date", Type.DATE), _f("green", Type.DECIMAL), _f("amber", Type.DECIMAL),
        _f("data_source"), _f("responsible_organization"), _f("means_of_verification"),
    ),
    "targets": (
        *_KPI_REF, _f("period_end", Type.DATE, True), _f("revision", Type.INTEGER, True),
        _f("value", Type.DECIMAL, True), _f("revised_on", Type.DATE), _f("reason"),
    ),
    "measurements": (
        *_KPI_REF, _f("period_start", Type.DATE, True), _f("period_end", Type.DATE, True),
        _f("value", Type.DECIMAL), _f("numerator", Type.DECIMAL),
        _f("denominator", Type.DECIMAL), _choice("status", MeasurementStatus),
        _f("comment"), _f("evidence_link"), _f("entered_by"),
        _f("entered_at", Type.DATETIME, True),
    ),
    "disaggregations": (
        *_KPI_REF, _f("period_start", Type.DATE, True), _f("period_end", Type.DATE, True),
        _f("dimension", Type.CODE), _f("category", Type.CODE), _f("value", Type.DECIMAL, True),
    ),
}  # fmt: skip

_KINDS = {
    Type.DATE: Kind.DATE,
    Type.DATETIME: Kind.DATETIME,
    Type.INTEGER: Kind.INTEGER,
    Type.DECIMAL: Kind.DECIMAL,
}


def exact_number(value: Decimal) -> Decimal | str:
    """`value` itself when a spreadsheet's number gives it back exactly, else its text.

    Tried the way it travels: written with 16 significant digits (as openpyxl and
    row_xml write a number), read back as a float, taken as its shortest decimal.
    """
    if not value.is_finite():
        return str(value)
    written = f"{float(value):.16g}"
    if Decimal(repr(float(written))) == value:
        return value
    return format(value, "f")


def _number(value: Decimal | None) -> Decimal | str | None:
    return None if value is None else exact_number(value)


def _moment(value: datetime) -> datetime:
    """A naive UTC date-time to the millisecond: a spreadsheet has no time zones."""
    return millisecond(value.astimezone(UTC).replace(tzinfo=None))


def _key_cells(key: KpiKey) -> tuple[str, str, str]:
    return key.pillar, key.initiative, key.code


Row = Sequence[object]


def _rows(content: ProgramWorkbookContent) -> dict[str, Callable[[], Iterable[Row]]]:
    """Each sheet's rows, made only when the sheet is written (measurements stream)."""
    p = content.program
    return {
        "program": lambda: [(
            p.reference, p.title, p.description, p.signed_on, p.start_date, p.end_date,
            p.status, p.currency, _number(p.total_budget),
        )],
        "organizations": lambda: (
            (o.name, o.acronym, o.kind, o.founded_year, o.website, o.notes)
            for o in content.organizations
        ),
        "parties": lambda: (
            (x.organization, x.role, x.signatory_name, x.signatory_title)
            for x in content.parties
        ),
        "pillars": lambda: (
            (x.position, x.code, x.title, x.objective) for x in content.pillars
        ),
        "initiatives": lambda: (
            (i.pillar, i.code, i.name, i.description, i.lead, PARTNER_SEPARATOR.join(i.partners),
             i.start_date, i.end_date, i.status, _number(i.planned_budget))
            for i in content.initiatives
        ),
        "milestones": lambda: (
            (m.pillar, m.initiative, m.title, m.due_date, m.done_date, m.note)
            for m in content.milestones
        ),
        "budget_lines": lambda: (
            (b.pillar, b.initiative, b.year, _number(b.planned), _number(b.committed),
             _number(b.disbursed))
            for b in content.budget_lines
        ),
        "kpis": lambda: (
            (k.key.owner, *_key_cells(k.key), k.name, k.definition, k.unit, k.measure,
             k.direction, k.aggregation, k.frequency, _number(k.baseline_value),
             k.baseline_date, _number(k.target_value), k.target_date, _number(k.green),
             _number(k.amber), k.data_source, k.responsible, k.means_of_verification)
            for k in content.kpis
        ),
        "targets": lambda: (
            (*_key_cells(t.kpi), t.period_end, t.revision, _number(t.value), t.revised_on,
             t.reason)
            for t in content.targets
        ),
        "measurements": lambda: (
            (*_key_cells(m.kpi), m.period_start, m.period_end, _number(m.value),
             _number(m.numerator), _number(m.denominator), m.status, m.comment,
             m.evidence_link, m.entered_by, _moment(m.entered_at))
            for m in content.measurements
        ),
        "disaggregations": lambda: (
            (*_key_cells(d.kpi), d.period_start, d.period_end, d.dimension, d.category,
             _number(d.value))
            for d in content.disaggregations
        ),
    }  # fmt: skip


def _plain(row: Row) -> list[Any]:
    # Enums by their value: TableSheet writes text, numbers and dates as they come.
    return [v.value if isinstance(v, StrEnum) else v for v in row]


def write_program_workbook(content: ProgramWorkbookContent, out: Path) -> dict[str, int]:
    """Writes the workbook to `out` (whole or not at all); the rows written per sheet."""
    program = content.program
    wb: Workbook = new_workbook(
        f"{program.reference} — {program.title}", "Pilotage program workbook", "Pilotage"
    )
    counts: dict[str, int] = {}
    try:
        for name, make_rows in _rows(content).items():
            columns = [Column(f.key, _KINDS.get(f.kind, Kind.TEXT)) for f in LAYOUT[name]]
            with TableSheet(wb, name, columns, {}) as sheet:
                for row in make_rows():
                    sheet.write(_plain(row))
            counts[name] = sheet.rows
        add_marker(
            wb, WorkbookKind.PROGRAM, PROGRAM_WORKBOOK_VERSION, {"program": program.reference}
        )
        save_atomically(wb, out)
    except BaseException:
        discard(wb)
        raise
    return counts


def as_date(value: date | datetime) -> date:
    """A date cell's day (a spreadsheet gives dates back as midnight date-times)."""
    return value.date() if isinstance(value, datetime) else value
