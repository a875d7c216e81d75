"""Reading one row of a filled template into a FilledRow, cell by cell, without judging it.

What the partner typed becomes plain values; what cannot be read becomes a problem
of its cell: a formula (never evaluated: the figure itself is asked for), an error
cell, text where a number is due, a disaggregations cell that cannot be read, a
hidden identifier that was changed, a period shown that is not the row's hidden
period, a date reached that is no day or lies outside the program.

Figures: a number in a percent cell (the template's percentage cells, or a cell
pasted with its "0%" format) is a fraction: 0.72 means 72, turned into points
exactly. A number read from a numeric cell is a binary double, never exact beyond
its 15 digits: more than 6 decimals (66.66666666666667, 1/3) are rounded to 6, the
places the database keeps. Text typed with more than 6 decimals is refused, quoting
it: the partner typed those digits and must choose how to round.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from pilotage.domain.messages import translate
from pilotage.domain.periods import period_label
from pilotage.exchange import template_layout as layout
from pilotage.exchange.sheet_reading import PERCENT
from pilotage.exchange.template_dates import read_day
from pilotage.exchange.template_filled import CellProblem, FilledRow
from pilotage.exchange.template_layout import Field, Slot
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

PLACES = 6  # decimal places the database keeps (services/kpi_values.QUANTITY_PLACES)
_QUANTUM = Decimal(1).scaleb(-PLACES)
_EMPTY: tuple[Any, str] = (None, "n")


def rounded(number: Decimal) -> Decimal:
    """`number` to at most PLACES decimals (a binary double's noise removed)."""
    if _places(number) <= PLACES:
        return number
    return number.quantize(_QUANTUM, rounding=ROUND_HALF_EVEN).normalize() + 0


def _places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


class RowReader:
    """Reads the cells of one row into a FilledRow, gathering the problems of its cells.

    `columns`: the layout of the template's version; `days`: the bounds of a date
    reached (None for a version-1 template, which has no such column)."""

    def __init__(
        self,
        sheet: str,
        headers: dict[Field, str],
        answers: tuple[str, str],
        *,
        columns: tuple[Slot, ...] = layout.COLUMNS,
        language: str = "en",
        days: tuple[date, date] | None = None,
    ) -> None:
        self.sheet = sheet
        self.headers = headers
        self.answers = answers
        self.fields = tuple(slot.field for slot in columns)
        self.to_fill = tuple(slot.field for slot in columns if slot.to_fill)
        self.language = language
        self.days = days
        self.problems: list[CellProblem] = []
        self.number = 0

    def add(self, field: Field | None, message: str) -> None:
        """A problem of `field`'s cell, or of the whole row (None)."""
        column = "" if field is None else layout.column_letter(field)
        header = "" if field is None else self.headers.get(field) or field.value
        self.problems.append(CellProblem(self.sheet, self.number, column, header, message))

    def identity(self, cells: tuple[tuple[Any, str], ...]) -> tuple[int | None, str] | None:
        """The row's hidden KPI id and its code, read quietly whether the row is filled or
        not (None for a row with neither): the service tells from every row of the
        template whether its ids are this database's. A formula or an unreadable id is None."""
        by_field = dict(zip(self.fields, cells, strict=False))
        raw, id_type = by_field.get(Field.KPI_ID, _EMPTY)
        code, code_type = by_field.get(Field.KPI_CODE, _EMPTY)
        text = cell_text(code) if code_type not in ("f", "e") else ""
        kpi_id: int | None = None
        if (
            id_type not in ("f", "e")
            and isinstance(raw, int | float)
            and not isinstance(raw, bool)
            and math.isfinite(raw)
            and raw == int(raw)
            and 1 <= raw <= LARGEST_ID
        ):
            kpi_id = int(raw)
        return None if kpi_id is None and not text else (kpi_id, text)

    def row(self, number: int, cells: tuple[tuple[Any, str], ...]) -> FilledRow | None:
        """`cells`: the row's (value, data type) pairs, in the layout's column order."""
        by_field = dict(zip(self.fields, cells, strict=False))
        if all(is_blank(by_field.get(field, _EMPTY)[0]) for field in self.to_fill):
            return None  # nothing filled: not a row to import
        self.number, self.problems = number, []
        if self._added(by_field):
            return self._added_row(number)
        cell = {field: self._readable(field, *by_field.get(field, _EMPTY)) for field in Field}
        percents = {f for f, (_, kind) in by_field.items() if kind == PERCENT}
        value, answer, value_text = self._value(cell[Field.VALUE])
        value_percent = Field.VALUE in percents and value is not None
        if value_percent:
            assert value is not None
            value = as_points(value)  # 0.72 shown as "72%": the partner means 72
        elif value is None and answer is None and value_text:
            value, value_percent = self._percent_text(Field.VALUE, value_text)
            value_text = "" if value_percent else value_text
            value_percent = value_percent and value is not None
        if value is not None and isinstance(cell[Field.VALUE], float):
            value = rounded(value)  # after the points: 0.6666666666666666 -> 66.666667
        start = self._day(Field.PERIOD_START, cell[Field.PERIOD_START])
        end = self._day(Field.PERIOD_END, cell[Field.PERIOD_END])
        period = cell_text(cell[Field.PERIOD])
        if start is not None and end is not None and start <= end:
            self._check_period(period, period_label(start, end))
        reached = self._date_reached(cell.get(Field.DATE_REACHED), start, end)
        written_day = start if reached is not None else None
        if reached is not None:
            start = end = reached
            period = period_label(reached, reached)
        return FilledRow(
            sheet=self.sheet,
            row=number,
            kpi_id=self._kpi_id(cell[Field.KPI_ID]),
            period_start=start,
            period_end=end,
            kpi_code=cell_text(cell[Field.KPI_CODE]),
            period=period,
            value=value,
            answer=answer,
            value_text=value_text,
            numerator=self._term(Field.NUMERATOR, cell[Field.NUMERATOR], percents),
            denominator=self._term(Field.DENOMINATOR, cell[Field.DENOMINATOR], percents),
            disaggregations=self._disaggregations(cell[Field.DISAGGREGATIONS]),
            disaggregations_given=not is_blank(cell[Field.DISAGGREGATIONS]),
            comment=cell_text(cell[Field.COMMENT]),
            evidence_link=cell_text(cell[Field.EVIDENCE]),
            problems=tuple(self.problems),
            value_percent=value_percent,
            date_reached=reached,
            written_day=written_day,
        )

    # -- a row that is not the template's -----------------------------------------------------
    def _added(self, by_field: dict[Field, tuple[Any, str]]) -> bool:
        """Nothing in the hidden identifiers, the code or the period: a row the partner added."""
        described = (Field.KPI_ID, Field.PERIOD_START, Field.PERIOD_END, Field.KPI_CODE)
        return all(is_blank(by_field.get(f, _EMPTY)[0]) for f in (*described, Field.PERIOD))

    def _added_row(self, number: int) -> FilledRow:
        text = translate("Import", "row {row} was added: only the template's rows can be imported")
        self.add(None, text.format(row=number))
        return FilledRow(
            sheet=self.sheet, row=number, kpi_id=None, period_start=None, period_end=None,
            kpi_code="", period="", value=None, answer=None, value_text="", numerator=None,
            denominator=None, disaggregations=(), disaggregations_given=False, comment="",
            evidence_link="", problems=tuple(self.problems),
        )  # fmt: skip

    def _check_period(self, shown: str, expected: str) -> None:
        """The period shown must be the one of the hidden bounds: else a column was edited
        (with the protection lifted) and the figure would go to another period."""
        if shown == expected:
            return
        text = translate(
            "Import",
            "the period shown is “{shown}” but the row's hidden period is {expected}: the row "
            "was changed; copy the row again from the template as it was sent",
        )
        self.add(Field.PERIOD, text.format(shown=shown, expected=expected))

    # -- cells ---------------------------------------------------------------------------------
    def _date_reached(self, value: object, start: date | None, end: date | None) -> date | None:
        """The day a one-off KPI's result was reached, when given on a one-off row."""
        if is_blank(value) or start is None or end is None:
            return None
        if start != end:  # a period of several days: not a one-off's row
            text = translate(
                "Import",
                "only a one-off indicator's row takes a date reached: leave this cell empty",
            )
            self.add(Field.DATE_REACHED, text)
            return None
        day = read_day(value, self.language, self.days)
        if isinstance(day, str):
            self.add(Field.DATE_REACHED, day)
            return None
        return day

    def _percent_text(self, field: Field, text: str) -> tuple[Decimal | None, bool]:
        """("72", True) for "72%" or "72 %" typed as text; (None, False) for other text."""
        body = text.strip()
        if not body.endswith("%"):
            return None, False
        number, ambiguous = text_number(body[:-1])
        if number is None or ambiguous:
            return None, False
        if _places(number) > PLACES:
            self._too_precise(field, body)
            return None, True
        return number, True

    def _term(self, field: Field, value: object, percents: set[Field]) -> Decimal | None:
        """A numerator or denominator: a count or an amount, never a percentage."""
        number = self._number(field, value, quiet_percent=True)
        if number is not None and field in percents:
            shown = format(as_points(number).normalize(), "f")
            self.add(field, as_percentage(shown))
            return None
        return rounded(number) if number is not None and isinstance(value, float) else number

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
            # Rounded to PLACES by the caller, after a percent cell's fraction became points.
            return Decimal(repr(value))
        if isinstance(value, Decimal):
            return value
        if isinstance(value, str):
            return self._text_number(field, value, quiet_percent)
        # A date typed in a figure's cell.
        self.add(field, translate("Import", "“{typed}” is not a number").format(typed=value))
        return None

    def _text_number(self, field: Field, value: str, quiet_percent: bool) -> Decimal | None:
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
            elif not percent:
                self.add(field, text_not_number(value.strip()))
        elif _places(number) > PLACES:
            self._too_precise(field, value.strip())
            return None
        return number

    def _too_precise(self, field: Field, typed: str) -> None:
        text = translate("Import", "“{typed}” has more than {places} decimals: round it")
        self.add(field, text.format(typed=typed, places=PLACES))

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


__all__ = ["PLACES", "RowReader", "rounded"]
