"""Reading a filled data-collection template back, cell by cell, without judging it.

The reader finds each field by its column (template_layout), turns what the
partner typed into plain values and reports what it cannot read, cell by cell:
a formula (never evaluated: the figure itself is asked for), an error cell, text
where a number is due, a disaggregations cell that cannot be read, a hidden
identifier that was changed. Whether a figure is right for its KPI is for the
service to judge: it reads the KPIs and their measurements.

Numbers typed as text, and the sentences of the cells' problems, are read in
template_values; the header row is checked in template_headers.

The sheet is read in read-only mode, row by row: memory stays flat whatever the
number of rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from pilotage.domain.errors import CancelledError
from pilotage.domain.messages import speaking, translate
from pilotage.exchange import template_layout as layout
from pilotage.exchange.engine_language import import_language
from pilotage.exchange.safe_reading import WorkbookRefusedError, typed_sheet_rows
from pilotage.exchange.sheet_reading import PERCENT
from pilotage.exchange.template_headers import check_headers, read_headers
from pilotage.exchange.template_labels import HEADERS
from pilotage.exchange.template_layout import Field
from pilotage.exchange.template_values import (
    LARGEST_ID,
    as_percentage,
    as_points,
    cell_text,
    is_blank,
    tampered_id,
    text_not_number,
    text_number,
)
from pilotage.exchange.workbook_marker import WorkbookKind, marker_of

# How yes and no are written in the value column, by the template's language.
ANSWERS = layout.YES_NO_WORDS
_CHECK_EVERY = 256  # rows between two looks at progress and cancellation
_TEXT_FIELDS = (Field.DISAGGREGATIONS, Field.COMMENT, Field.EVIDENCE)


@dataclass(frozen=True)
class CellProblem:
    """What is wrong with one cell of the workbook (column "" for the whole row)."""

    sheet: str
    row: int
    column: str
    header: str
    message: str

    @property
    def where(self) -> str:
        """ "Figures!K12 (Value)", or "Figures!12" for a whole row."""
        place = f"{self.sheet}!{self.column}{self.row}"
        return f"{place} ({self.header})" if self.header else place

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class FilledRow:
    """One row of the data sheet with something filled in, as typed.

    `value` holds a number; a yes/no word of the template's language is in
    `answer` (True for yes) and any other text in `value_text`: only the KPI's
    measure says which is right, and the service knows it.
    """

    sheet: str
    row: int
    kpi_id: int | None
    period_start: date | None
    period_end: date | None
    kpi_code: str
    period: str  # as shown ("2024-Q3")
    value: Decimal | None
    answer: bool | None
    value_text: str
    numerator: Decimal | None
    denominator: Decimal | None
    disaggregations: tuple[tuple[str, str, Decimal], ...]
    disaggregations_given: bool  # False: the cell was left empty
    comment: str
    evidence_link: str
    problems: tuple[CellProblem, ...]
    # `value` was typed as a percentage ("72%", or 0.72 in a cell formatted "0%"): it holds
    # the points (72), right for a percentage KPI only; the service judges that.
    value_percent: bool = False


@dataclass(frozen=True)
class FilledTemplate:
    sheet: str
    program: str  # the program's reference, as the marker says
    language: str
    headers: dict[Field, str]
    rows: tuple[FilledRow, ...]

    def header(self, field: Field) -> str:
        return self.headers.get(field) or field.value


Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def read_template(
    wb: Workbook,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> FilledTemplate:
    """The filled rows of a template opened read-only (formulas kept as formulas) from
    `path` (named in refusals).

    Raises WorkbookRefusedError, with one sentence, for a workbook that is not a
    Pilotage template of this layout's version or whose sheet cannot be read, and
    CancelledError when `cancelled` says so.
    """
    try:
        marker = marker_of(wb)
    except Exception:  # openpyxl's errors are not one family: a read-only sheet parses late
        raise WorkbookRefusedError(
            f"{path.name} cannot be read: its hidden “pilotage” sheet is damaged"
        ) from None
    if marker is None or marker.kind is not WorkbookKind.TEMPLATE:
        raise WorkbookRefusedError(
            "this workbook is not a Pilotage data-collection template "
            "(write one with “pilotage template” and fill it in)"
        )
    if marker.version != layout.VERSION:
        raise WorkbookRefusedError(
            f"this template follows layout version {marker.version}, which this Pilotage "
            f"does not read (it reads version {layout.VERSION}): write a new template"
        )
    sheet = marker.facts.get(layout.FACT_DATA_SHEET, "")
    if sheet not in wb.sheetnames:
        raise WorkbookRefusedError(
            f"the template's data sheet “{sheet}” is missing: was it renamed or deleted?"
        )
    language = marker.facts.get(layout.FACT_LANGUAGE, "en")
    ws = wb[sheet]
    if not isinstance(ws, Worksheet | ReadOnlyWorksheet):  # a chart sheet has no cells
        raise WorkbookRefusedError(
            f"the template's data sheet “{sheet}” is not a sheet of cells (it was replaced, "
            "by a chart perhaps): fill a fresh copy of the template"
        )
    # The problems of the cells speak the template's language: the partner reads them.
    with speaking(import_language(language)):
        headers, rows = _read_rows(path, ws, sheet, language, progress, cancelled)
    return FilledTemplate(
        sheet=sheet,
        program=marker.facts.get(layout.FACT_PROGRAM, ""),
        language=language,
        headers=headers,
        rows=rows,
    )


def _read_rows(
    path: Path,
    ws: Any,
    sheet: str,
    language: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[dict[Field, str], tuple[FilledRow, ...]]:
    width = len(layout.COLUMNS)
    headers = read_headers(path, ws, width)
    check_headers(sheet, headers, HEADERS.get(language, HEADERS["en"]))
    total = max(int(ws.max_row or 0) - layout.HEADER_ROW, 0)
    reading = _RowReader(sheet, headers, ANSWERS.get(language, ANSWERS["en"]))
    rows: list[FilledRow] = []
    cells_by_row = typed_sheet_rows(
        path, ws, min_row=layout.FIRST_DATA_ROW, max_col=width, percent=True
    )
    for done, cells in enumerate(cells_by_row):
        if done % _CHECK_EVERY == 0:
            if cancelled is not None and cancelled():
                raise CancelledError("reading the template")
            if progress is not None:
                progress(done, total)
        filled = reading.row(layout.FIRST_DATA_ROW + done, cells)
        if filled is not None:
            rows.append(filled)
    if progress is not None:
        progress(total, total)
    return headers, tuple(rows)


_FIELDS = tuple(slot.field for slot in layout.COLUMNS)


class _RowReader:
    """Reads the cells of one row into a FilledRow, gathering the problems of its cells."""

    def __init__(self, sheet: str, headers: dict[Field, str], answers: tuple[str, str]) -> None:
        self.sheet = sheet
        self.headers = headers
        self.answers = answers
        self.problems: list[CellProblem] = []
        self.number = 0

    def add(self, field: Field, message: str) -> None:
        self.problems.append(
            CellProblem(
                self.sheet,
                self.number,
                layout.column_letter(field),
                self.headers.get(field) or field.value,
                message,
            )
        )

    def row(self, number: int, cells: tuple[tuple[Any, str], ...]) -> FilledRow | None:
        """`cells`: the row's (value, data type) pairs, in the layout's column order."""
        by_field = dict(zip(_FIELDS, cells, strict=False))
        if all(is_blank(by_field.get(field, (None, "n"))[0]) for field in layout.TO_FILL):
            return None  # nothing filled: not a row to import
        self.number, self.problems = number, []
        cell = {field: self._readable(field, *by_field.get(field, (None, "n"))) for field in Field}
        percents = {f for f, (_, kind) in by_field.items() if kind == PERCENT}
        value, answer, value_text = self._value(cell[Field.VALUE])
        value_percent = Field.VALUE in percents and value is not None
        if value_percent:
            assert value is not None
            value = as_points(value)  # 0.72 shown as "72%": the partner means 72
        elif value is None and answer is None and value_text:
            value, value_percent = self._percent_text(Field.VALUE, value_text)
            value_text = "" if value_percent else value_text
        disaggregations = self._disaggregations(cell[Field.DISAGGREGATIONS])
        return FilledRow(
            sheet=self.sheet,
            row=number,
            kpi_id=self._kpi_id(cell[Field.KPI_ID]),
            period_start=self._day(Field.PERIOD_START, cell[Field.PERIOD_START]),
            period_end=self._day(Field.PERIOD_END, cell[Field.PERIOD_END]),
            kpi_code=cell_text(cell[Field.KPI_CODE]),
            period=cell_text(cell[Field.PERIOD]),
            value=value,
            answer=answer,
            value_text=value_text,
            numerator=self._term(Field.NUMERATOR, cell[Field.NUMERATOR], percents),
            denominator=self._term(Field.DENOMINATOR, cell[Field.DENOMINATOR], percents),
            disaggregations=disaggregations,
            disaggregations_given=not is_blank(cell[Field.DISAGGREGATIONS]),
            comment=cell_text(cell[Field.COMMENT]),
            evidence_link=cell_text(cell[Field.EVIDENCE]),
            problems=tuple(self.problems),
            value_percent=value_percent,
        )

    def _percent_text(self, field: Field, text: str) -> tuple[Decimal | None, bool]:
        """("72", True) for "72%" or "72 %" typed as text; (None, False) for other text."""
        body = text.strip()
        if not body.endswith("%"):
            return None, False
        number, ambiguous = text_number(body[:-1])
        return (None, False) if number is None or ambiguous else (number, True)

    def _term(self, field: Field, value: object, percents: set[Field]) -> Decimal | None:
        """A numerator or denominator: a count or an amount, never a percentage."""
        number = self._number(field, value, quiet_percent=True)
        if number is not None and field in percents:
            shown = format(as_points(number).normalize(), "f")
            self.add(field, as_percentage(shown))
            return None
        return number

    def _readable(self, field: Field, value: object, data_type: str) -> object:
        """The cell's value, or None after saying why it cannot be read."""
        if data_type == "f":
            self.add(field, translate("Import", "is a formula: type the figure itself"))
            return None
        if data_type == "e":
            text = translate("Import", "holds the error {error}: type the figure itself")
            self.add(field, text.format(error=value))
            return None
        return value

    def _kpi_id(self, value: object) -> int | None:
        if value is None:
            self.add(Field.KPI_ID, tampered_id("", "empty"))
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value != int(value)
        ):
            self.add(Field.KPI_ID, tampered_id(str(value), "text"))
            return None
        if not 1 <= value <= LARGEST_ID:
            self.add(Field.KPI_ID, tampered_id(f"{value:g}", "number"))
            return None
        return int(value)

    def _day(self, field: Field, value: object) -> date | None:
        if isinstance(value, datetime):
            if value.time() == datetime.min.time():
                return value.date()
        elif isinstance(value, date):
            return value
        elif isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        if value is None:
            text = translate(
                "Import",
                "the period's bounds (a hidden column) is empty: it was changed; copy the row "
                "again from the template as it was sent",
            )
        else:
            text = translate(
                "Import",
                "the period's bounds (a hidden column) is “{typed}”, not a date: it was "
                "changed; copy the row again from the template as it was sent",
            )
        self.add(field, text.format(typed=value))
        return None

    def _value(self, value: object) -> tuple[Decimal | None, bool | None, str]:
        """A number, a yes/no word, or other text, as typed in the value column."""
        if isinstance(value, str):
            word = value.strip().casefold()
            if word in self.answers:
                return None, word == self.answers[0], ""
            if not word:
                return None, None, ""
            number, ambiguous = text_number(value)
            if number is None and not ambiguous:
                return None, None, value.strip()
        return self._number(Field.VALUE, value), None, ""

    def _number(self, field: Field, value: object, quiet_percent: bool = False) -> Decimal | None:
        if value is None or isinstance(value, bool):
            if isinstance(value, bool):
                text = translate("Import", "is {typed}, not a number")
                self.add(field, text.format(typed=value))
            return None
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float):
            # Excel stores 12.5 as a binary double: its shortest repr is what was typed.
            return Decimal(repr(value))
        if isinstance(value, Decimal):
            return value
        if isinstance(value, str):
            if not value.strip():
                return None
            number, ambiguous = text_number(value)
            if ambiguous:
                text = translate(
                    "Import",
                    "“{typed}” is ambiguous: the mark may separate thousands or decimals; "
                    "type the number without thousands separators",
                )
                self.add(field, text.format(typed=value.strip()))
            elif number is None:
                points, percent = self._percent_text(field, value)
                if quiet_percent and percent and points is not None:
                    self.add(field, as_percentage(format(points.normalize(), "f")))
                else:
                    self.add(field, text_not_number(value.strip()))
            return number
        # A date typed in a figure's cell.
        self.add(field, translate("Import", "“{typed}” is not a number").format(typed=value))
        return None

    def _disaggregations(self, value: object) -> tuple[tuple[str, str, Decimal], ...]:
        if value is None:
            return ()
        text = value if isinstance(value, str) else str(value)
        if not text.strip():
            return ()
        try:
            return layout.parse_disaggregations(text)
        except ValueError as exc:
            text = translate("Import", "cannot be read: {reason}")
            self.add(Field.DISAGGREGATIONS, text.format(reason=exc))
            return ()


__all__ = [
    "ANSWERS",
    "CellProblem",
    "FilledRow",
    "FilledTemplate",
    "read_template",
]
