"""Opening a workbook that came from outside, safely.

(Being built: the API below is the contract the import code is written against.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from pilotage.domain.errors import PilotageError


class WorkbookRefusedError(PilotageError):
    """A file that is not read, with the one sentence that says why."""


@dataclass(frozen=True)
class ReadLimits:
    max_file_bytes: int = 50 * 1024 * 1024
    max_uncompressed_bytes: int = 300 * 1024 * 1024
    max_ratio: float = 200.0  # uncompressed / compressed, per member
    max_rows: int = 200_000  # per sheet
    max_cells: int = 5_000_000  # per sheet


DEFAULT_LIMITS = ReadLimits()


def check_xml_protection() -> None:
    """Raises WorkbookRefusedError unless openpyxl parses with defusedxml."""
    raise NotImplementedError


def open_workbook(
    path: Path, *, read_only: bool = True, limits: ReadLimits = DEFAULT_LIMITS
) -> Workbook:
    """The workbook at `path`, formulas kept as formulas (never evaluated), after every
    check that can be made before parsing; WorkbookRefusedError with one sentence otherwise."""
    raise NotImplementedError
