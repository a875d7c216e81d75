"""What kind of Pilotage workbook a file is: a hidden sheet says it.

A data-collection template and a whole-program workbook both come back to
Pilotage from outside. Each carries a very hidden sheet (Excel shows it in no
menu) holding its kind, the version of its layout and a few facts (the program's
reference, the language), so that an import knows what it reads before it reads
it, and refuses a workbook it did not make with one sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from openpyxl import Workbook

from pilotage.exchange.cells import clean_text

MARKER_SHEET = "pilotage"


class WorkbookKind(StrEnum):
    TEMPLATE = "measurements-template"  # figures to collect from a partner
    PROGRAM = "program-workbook"  # a whole program, to move to another database


@dataclass(frozen=True)
class Marker:
    kind: WorkbookKind
    version: int  # of the layout: an import refuses a version it does not know
    facts: Mapping[str, str] = field(default_factory=dict)


def add_marker(
    wb: Workbook, kind: WorkbookKind, version: int, facts: Mapping[str, str] | None = None
) -> None:
    """Adds the hidden sheet to a workbook being written (normal or write-only mode)."""
    ws = wb.create_sheet(MARKER_SHEET)
    ws.sheet_state = "veryHidden"
    ws.append(["kind", kind.value])
    ws.append(["version", str(version)])
    for key, value in (facts or {}).items():
        ws.append([clean_text(key), clean_text(value)])


def marker_of(wb: Workbook) -> Marker | None:
    """The marker of an opened workbook, or None when it has none or a damaged one."""
    if MARKER_SHEET not in wb.sheetnames:
        return None
    facts: dict[str, str] = {}
    for row in wb[MARKER_SHEET].iter_rows(min_row=1, max_row=100, max_col=2, values_only=True):
        key, value = (*row, None, None)[:2]
        if isinstance(key, str) and value is not None:
            facts[key] = str(value)
    try:
        kind = WorkbookKind(facts.pop("kind", ""))
        version = int(facts.pop("version", ""))
    except ValueError:
        return None
    return Marker(kind, version, facts)
