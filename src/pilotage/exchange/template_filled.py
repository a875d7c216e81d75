"""What a filled template holds, as read: its rows and the problems of their cells.

The reader (template_reading, template_row_reader) builds these; the import's service
judges them against the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pilotage.exchange.template_layout import Field


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
    # A one-off KPI's date reached, when given: period_start and period_end are that day
    # (the row's own day, from its hidden columns, is replaced).
    date_reached: date | None = None
    # The day the template's row was written for (its hidden bounds) when a date reached
    # replaced it: the one-off's figure recorded on that day is the one this row corrects.
    written_day: date | None = None


@dataclass(frozen=True)
class FilledTemplate:
    sheet: str
    program: str  # the program's reference, as the marker says
    language: str
    headers: dict[Field, str]
    rows: tuple[FilledRow, ...]
    # The (hidden KPI id, KPI code) of every row of the data sheet, filled or not (an
    # unreadable id is None): whether the ids are this database's is told from them all,
    # never from the rows the partner happened to fill. Empty: the filled rows' own.
    identities: tuple[tuple[int | None, str], ...] = ()

    def all_identities(self) -> tuple[tuple[int | None, str], ...]:
        return self.identities or tuple((row.kpi_id, row.kpi_code) for row in self.rows)

    def header(self, field: Field) -> str:
        return self.headers.get(field) or field.value


__all__ = ["CellProblem", "FilledRow", "FilledTemplate"]
