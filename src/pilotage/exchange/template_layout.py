"""The layout of a data-collection template, shared by the writer and the reader.

A template is sent to a partner, filled in Excel and read back: both sides must
agree on where each field is. The data sheet has one header row, then one row per
KPI and period due. Its columns are fixed for a layout version (`VERSION`): the
reader finds each field by its position, refuses a template of another version,
and refuses a data sheet whose header row is not the one written in the template's
language (template_labels.HEADERS): a column deleted, inserted or moved would put
each figure in another field.

Identifiers (the KPI's id, the period's bounds) sit in hidden, locked columns;
what describes the row (owner, code, name, unit, period, target, the figure
already recorded) is shown and locked; only the columns to fill are unlocked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from pilotage.domain.messages import translate

# Version 2 added the "Date reached" column (a one-off KPI's day), last so that every
# other column keeps its letter: a version-1 template is still read (LAYOUTS).
VERSION = 2
HEADER_ROW = 1
FIRST_DATA_ROW = HEADER_ROW + 1
# Facts of the marker sheet (workbook_marker): where the rows are, and what they are of.
FACT_DATA_SHEET = "data_sheet"
FACT_PROGRAM = "program"  # the program's reference
FACT_LANGUAGE = "language"  # "fr" or "en": how yes and no are written in the value column
FACT_FROM = "from"  # the first and last day of the range of periods asked for
FACT_TO = "to"
# Since version 2: the bounds of a one-off KPI's "date reached" (the program's start and
# end), ISO days; the reader refuses a date outside them.
FACT_FIRST_DAY = "first_day"
FACT_LAST_DAY = "last_day"
# A yes/no KPI's value is one of these two words (the drop-down's), in the template's
# language (FACT_LANGUAGE): (yes, no). The reader maps them back to 1 and 0.
YES_NO_WORDS: dict[str, tuple[str, str]] = {"fr": ("oui", "non"), "en": ("yes", "no")}


class Field(StrEnum):
    # Hidden and locked: what the row is about, for the import.
    KPI_ID = "kpi_id"
    PERIOD_START = "period_start"
    PERIOD_END = "period_end"
    # Shown and locked: what the partner reads.
    OWNER = "owner"  # "P1 / P1-JIT"
    KPI_CODE = "kpi_code"
    KPI_NAME = "kpi_name"
    UNIT = "unit"
    PERIOD = "period"  # "2024-Q3"
    TARGET = "target"  # the target for that period, if any
    RECORDED = "recorded"  # the figure already recorded, if any ("240 / 330" for a ratio)
    # To fill.
    VALUE = "value"
    NUMERATOR = "numerator"
    DENOMINATOR = "denominator"
    DISAGGREGATIONS = "disaggregations"
    COMMENT = "comment"
    EVIDENCE = "evidence_link"
    DATE_REACHED = "date_reached"  # a one-off KPI's day (version 2 on)


@dataclass(frozen=True)
class Slot:
    field: Field
    hidden: bool = False
    to_fill: bool = False


# In sheet order: column A is the first. Version 1's columns; version 2 adds one at the end.
COLUMNS_V1: tuple[Slot, ...] = (
    Slot(Field.KPI_ID, hidden=True),
    Slot(Field.PERIOD_START, hidden=True),
    Slot(Field.PERIOD_END, hidden=True),
    Slot(Field.OWNER),
    Slot(Field.KPI_CODE),
    Slot(Field.KPI_NAME),
    Slot(Field.UNIT),
    Slot(Field.PERIOD),
    Slot(Field.TARGET),
    Slot(Field.RECORDED),
    Slot(Field.VALUE, to_fill=True),
    Slot(Field.NUMERATOR, to_fill=True),
    Slot(Field.DENOMINATOR, to_fill=True),
    Slot(Field.DISAGGREGATIONS, to_fill=True),
    Slot(Field.COMMENT, to_fill=True),
    Slot(Field.EVIDENCE, to_fill=True),
)
COLUMNS: tuple[Slot, ...] = (*COLUMNS_V1, Slot(Field.DATE_REACHED, to_fill=True))
LAYOUTS: dict[int, tuple[Slot, ...]] = {1: COLUMNS_V1, VERSION: COLUMNS}
INDEX: dict[Field, int] = {slot.field: number for number, slot in enumerate(COLUMNS, start=1)}
TO_FILL: tuple[Field, ...] = tuple(slot.field for slot in COLUMNS if slot.to_fill)


def column_letter(field: Field) -> str:
    """The sheet's letter of `field`'s column ("K" for the value)."""
    number = INDEX[field]
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- disaggregations in one cell -----------------------------------------------------------
# "sex / women = 400; sex / men = 334": one "dimension / category = value" per item,
# items separated by ";" or a line break. A decimal comma is accepted ("12,5").
_ITEM = re.compile(
    r"^\s*(?P<dimension>[^/=;]+?)\s*/\s*(?P<category>[^/=;]+?)\s*=\s*(?P<value>.+?)\s*$"
)
_SEPARATORS = re.compile(r"[;\n]")


def format_disaggregations(parts: tuple[tuple[str, str, Decimal], ...]) -> str:
    """Disaggregations as a partner types them: "sex / women = 400; sex / men = 334"."""
    return "; ".join(
        f"{dim} / {cat} = {format(value.normalize(), 'f')}" for dim, cat, value in parts
    )


def parse_disaggregations(text: str) -> tuple[tuple[str, str, Decimal], ...]:
    """The (dimension, category, value) items of a disaggregations cell, in order.

    Raises ValueError with a sentence naming the item that cannot be read.
    """
    parts: list[tuple[str, str, Decimal]] = []
    for item in _SEPARATORS.split(text):
        if not item.strip():
            continue
        found = _ITEM.match(item)
        if found is None:
            text = translate(
                "Import",
                "“{item}” is not “dimension / category = value” (for example “sex / women = 400”)",
            )
            raise ValueError(text.format(item=item.strip()))
        raw = found["value"].replace("\u00a0", "").replace(" ", "")
        if "," in raw and "." not in raw:
            raw = raw.replace(",", ".")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ValueError(_not_a_number(found["value"], item.strip())) from None
        if not value.is_finite():
            raise ValueError(_not_a_number(found["value"], item.strip()))
        parts.append((found["dimension"], found["category"], value))
    return tuple(parts)


def _not_a_number(typed: str, item: str) -> str:
    text = translate("Import", "“{typed}” in “{item}” is not a number")
    return text.format(typed=typed, item=item)
