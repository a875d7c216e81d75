"""Reading a program workbook back into plain values, every problem named where it is.

The workbook is opened by the caller (services, through exchange.safe_reading). Its
marker must say it is a program workbook of a layout version this Pilotage knows.
Each sheet's columns are found by their header (their order does not matter, and a
column added by a person is ignored); every cell is checked against its column's type
(a date where a date is due, a number where a number is due, one of the listed words
where the choice is fixed). A formula or an error cell is reported, never evaluated.
Nothing is given back unless the whole workbook reads: the checks that need several
sheets or the database are the service's (services/program_import_checks.py).

Its problems are the analyst's (a colleague's program workbook): whole
`translate("Import", …)` templates, in the window's language (English on the command
line); the cells' values are checked by program_cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from openpyxl import Workbook

from pilotage.domain.enums import OwnerKind
from pilotage.domain.errors import CancelledError
from pilotage.domain.messages import translate
from pilotage.exchange.program_cells import CONVERT
from pilotage.exchange.program_content import (
    PROGRAM_WORKBOOK_VERSION,
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
from pilotage.exchange.program_workbook import LAYOUT, Field, Type
from pilotage.exchange.sheet_reading import EMPTY as _EMPTY
from pilotage.exchange.sheet_reading import guarded, typed_rows
from pilotage.exchange.workbook_marker import MARKER_SHEET, WorkbookKind, marker_of

MAX_PROBLEMS = 1_000  # past this many, reading stops: the workbook is not a program's
CHECK_EVERY = 1_000  # rows between two looks at progress and cancellation (not one per row)
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
HEADER_WIDTH = 200  # columns of row 1 looked at for the headers


@dataclass
class ProgramWorkbookReading:
    """What a workbook holds (None when any problem was found), the problems, and the
    row number of each record read, sheet by sheet, in the content's order."""

    content: ProgramWorkbookContent | None
    problems: list[SheetProblem]
    rows: dict[str, list[int]] = field(default_factory=dict)


class _TooManyError(Exception):
    pass


class _Reader:
    def __init__(
        self, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> None:
        self.problems: list[SheetProblem] = []
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0  # rows read so far, all sheets together
        self.total = 0  # rows the sheets hold (their counted extents)

    def tick(self) -> None:
        """Every CHECK_EVERY rows: stop if the analyst asked, else say how far reading is."""
        self.done += 1
        if self.done % CHECK_EVERY:
            return
        if self.cancelled is not None and self.cancelled():
            raise CancelledError("reading the program workbook")
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done))

    def problem(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(SheetProblem(sheet, row, column, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _TooManyError

    def sheet(self, wb: Workbook, name: str) -> list[tuple[int, Any]]:
        """The sheet's data rows as {column key: typed value}, with their row numbers; the
        rows of a sheet that `_BUILT` names are made its record at once while nothing is
        wrong (a dictionary a row would hold a large program several times over)."""
        build = _BUILT.get(name)
        if name not in wb.sheetnames:
            self.problem(name, None, None, translate("Import", "the sheet is missing"))
            return []
        ws = wb[name]
        fields = LAYOUT[name]
        header = next(_rows(name, ws, max_row=1, max_col=HEADER_WIDTH), ())
        where = {
            value.strip(): index
            for index, (value, _) in enumerate(header)
            if isinstance(value, str) and value.strip()
        }
        missing = [f.key for f in fields if f.key not in where]
        for key in missing:
            text = translate("Import", "the column is missing (its header is not in row 1)")
            self.problem(name, 1, key, text)
        if missing:
            return []
        plan = [(f, where[f.key]) for f in fields]
        width = max(where[f.key] for f in fields) + 1
        out: list[tuple[int, Any]] = []
        for number, cells in enumerate(_rows(name, ws, min_row=2, max_col=width), start=2):
            self.tick()
            if all(value is None or value == "" for value, _ in cells):
                continue
            values: dict[str, Any] = {}
            for spec, index in plan:
                value, kind = cells[index] if index < len(cells) else _EMPTY
                values[spec.key] = self._value(name, number, spec, value, kind)
            out.append((number, build(values) if build and not self.problems else values))
        return out

    def _value(self, sheet: str, row: int, spec: Field, value: Any, kind: str) -> Any:
        if kind == "f":
            text = translate("Import", "a formula ({formula}) where a value is due")
            self.problem(sheet, row, spec.key, text.format(formula=value))
            return None
        if kind == "e":
            text = translate("Import", "an error cell ({error}) where a value is due")
            self.problem(sheet, row, spec.key, text.format(error=value))
            return None
        if value is None or (value == "" and spec.kind is not Type.TEXT):
            if spec.required:
                self.problem(sheet, row, spec.key, translate("Import", "is empty"))
            return "" if spec.kind in (Type.TEXT, Type.CODE) else None
        try:
            return CONVERT[spec.kind](value, spec)
        except ValueError as exc:
            self.problem(sheet, row, spec.key, str(exc))
            return None


class _DamagedError(Exception):
    pass


def _rows(
    name: str, ws: Any, *, min_row: int = 1, max_row: int | None = None, max_col: int
) -> Iterator[tuple[tuple[Any, str], ...]]:
    """The sheet's rows, each cell a (value, data type) pair (sheet_reading.typed_rows);
    a damaged sheet (a read-only sheet is parsed as it is read) becomes one problem rather
    than a crash. `max_col` is always given: a row is padded up to its last cell, however
    far right a hostile file puts it."""
    return guarded(
        lambda: typed_rows(ws, min_row=min_row, max_row=max_row, max_col=max_col),
        lambda error: _DamagedError(
            translate("Import", "the sheet is damaged and cannot be read ({error})").format(
                error=error
            )
        ),
    )


def marker_problems(wb: Workbook) -> list[SheetProblem]:
    """Why `wb` is not a program workbook this Pilotage reads (nothing when it is)."""
    marker = marker_of(wb)
    if marker is None:
        sentence = translate("Import", "this workbook was not written by Pilotage's program export")
    elif marker.kind is not WorkbookKind.PROGRAM:
        sentence = translate(
            "Import", "this workbook is a data-collection template, not a program workbook"
        )
    elif marker.version != PROGRAM_WORKBOOK_VERSION:
        sentence = translate(
            "Import",
            "this program workbook has layout version {version}; this Pilotage reads version "
            "{known} (export it again, or update Pilotage)",
        ).format(version=marker.version, known=PROGRAM_WORKBOOK_VERSION)
    else:
        return []
    return [SheetProblem(MARKER_SHEET, None, None, sentence)]


def read_program_workbook(
    wb: Workbook, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> ProgramWorkbookReading:
    """The content of an opened program workbook, or every problem found in it.

    `progress(done, total)` and `cancelled()` are called every CHECK_EVERY rows (total:
    the rows the sheets hold); CancelledError when `cancelled()` says so."""
    refused = marker_problems(wb)
    if refused:
        return ProgramWorkbookReading(None, refused)
    reader = _Reader(progress, cancelled)
    reader.total = sum(  # a chart sheet in a sheet's place has no rows (refused later)
        max((getattr(wb[name], "max_row", 1) or 1) - 1, 0)
        for name in LAYOUT
        if name in wb.sheetnames
    )
    sheets: dict[str, list[tuple[int, Any]]] = {}
    try:
        for name in LAYOUT:
            try:
                sheets[name] = reader.sheet(wb, name)
            except _DamagedError as damaged:
                reader.problem(name, None, None, str(damaged))
    except _TooManyError:
        pass
    if progress is not None:  # every row read: the bar full (fewer rows than CHECK_EVERY too)
        progress(reader.done, max(reader.total, reader.done))
    rows = {name: [number for number, _ in read] for name, read in sheets.items()}
    program_rows = sheets.get("program", [])
    if "program" in wb.sheetnames and len(program_rows) != 1 and not reader.problems:
        text = translate("Import", "one row is due under the header, with the program")
        reader.problem("program", None, None, text)
    if reader.problems:
        return ProgramWorkbookReading(None, reader.problems, rows)
    kpis = [_kpi(v) for _, v in sheets["kpis"]]
    for (number, values), kpi in zip(sheets["kpis"], kpis, strict=True):
        if kpi.key.owner is not values["owner"]:
            reader.problem("kpis", number, "owner", _owner_sentence(values["owner"]))
    if reader.problems:
        return ProgramWorkbookReading(None, reader.problems, rows)
    content = ProgramWorkbookContent(
        program=ProgramContent(**program_rows[0][1]),
        organizations=[OrganizationContent(**v) for _, v in sheets["organizations"]],
        parties=[PartyContent(**v) for _, v in sheets["parties"]],
        pillars=[PillarContent(**v) for _, v in sheets["pillars"]],
        initiatives=[_initiative(v) for _, v in sheets["initiatives"]],
        milestones=[MilestoneContent(**v) for _, v in sheets["milestones"]],
        budget_lines=[BudgetLineContent(**v) for _, v in sheets["budget_lines"]],
        kpis=kpis,
        targets=[t for _, t in sheets.pop("targets")],
        measurements=[m for _, m in sheets.pop("measurements")],
        disaggregations=[d for _, d in sheets.pop("disaggregations")],
    )
    return ProgramWorkbookReading(content, [], rows)


# The sheets of many rows, each row made its record as soon as it is read.
_BUILT: dict[str, Callable[[dict[str, Any]], Any]] = {
    "targets": lambda v: TargetContent(_key(v), **_rest(v)),
    "measurements": lambda v: MeasurementContent(_key(v), **_rest(v)),
    "disaggregations": lambda v: DisaggregationContent(_key(v), **_rest(v)),
}


def _owner_sentence(owner: OwnerKind) -> str:
    if owner is OwnerKind.PROGRAM:
        return translate("Import", "a KPI of the program has neither pillar nor initiative")
    if owner is OwnerKind.PILLAR:
        return translate("Import", "a KPI of a pillar has its pillar's code and no initiative")
    return translate("Import", "a KPI of an initiative has its pillar's and initiative's codes")


def _key(values: dict[str, Any]) -> KpiKey:
    return _shared_key(values["pillar"], values["initiative"], values["kpi"])


@lru_cache(maxsize=1 << 16)
def _shared_key(pillar: str, initiative: str, code: str) -> KpiKey:
    """One KpiKey (and one copy of its codes) for all the rows of a KPI: a program's
    300,000 figures name a few thousand KPIs."""
    return KpiKey(pillar, initiative, code)


def _rest(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("pillar", "initiative", "kpi")}


def _initiative(values: dict[str, Any]) -> InitiativeContent:
    partners = tuple(sorted(p.strip() for p in values.pop("partners").split(";") if p.strip()))
    lead = values.pop("lead_organization")
    return InitiativeContent(**values, lead=lead, partners=partners)


def _kpi(values: dict[str, Any]) -> KpiContent:
    v = dict(values)
    key = KpiKey(v.pop("pillar"), v.pop("initiative"), v.pop("code"))
    v.pop("owner")
    responsible = v.pop("responsible_organization")
    return KpiContent(key, **v, responsible=responsible)


def header_keys(sheet: str) -> Sequence[str]:
    """The machine keys of a sheet's header row, in order (for tests and tools)."""
    return [f.key for f in LAYOUT[sheet]]
