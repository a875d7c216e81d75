"""Opening a workbook that came from outside, safely.

A partner's file is read only after every check that can be made without parsing it:
its size on disk, what its first bytes say it is (a password-protected workbook and an
old .xls are OLE compound files, a PDF says so), the sizes its zip declares (a zip
bomb is refused before a byte is inflated), then each part read once, in chunks, by a
bounded parser (part_scan: CRC, no document type declarations, rows and cells
counted). Only then does openpyxl parse it, with defusedxml underneath, formulas kept as
formulas (never evaluated), no external links; a read-only sheet is sized by that count
and its rows read by sheet_reading (lxml, the same values openpyxl gives, much sooner).
Anything wrong becomes one sentence that names the file; nothing openpyxl raises reaches
the analyst as a crash. The checks before parsing are in file_checks.

The workbook is read from memory (the file's bytes, bounded by the size limit), so a
read-only workbook holds no open file and the file cannot change between the checks and
the parse.

Its refusals are the analyst's, in the window's language (`translate("Import", …)`,
English on the command line; the reason openpyxl gives stays its own English). A sheet
found damaged while a partner's template is read in the partner's language
(`speaking(import_language(…))` around the rows) is still refused in the window's
(`in_window_language`): the partner's language is for the problems of the cells, which
the partner reads in the errors copy.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import openpyxl
from openpyxl import Workbook
from openpyxl.reader.excel import ExcelReader

from pilotage.domain.messages import in_window_language, translate
from pilotage.exchange.file_checks import (
    DEFAULT_LIMITS,
    ReadLimits,
    WorkbookRefusedError,
    damaged,
    read_bytes,
    refuse_other_formats,
    scan_parts,
    zip_members,
)
from pilotage.exchange.part_scan import Extent
from pilotage.exchange.sheet_reading import ScannedSheet, guarded, typed_rows


def check_xml_protection() -> None:
    """Raises WorkbookRefusedError unless openpyxl parses with defusedxml."""
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise WorkbookRefusedError(
            translate(
                "Import",
                "workbooks from outside cannot be read safely: the XML protection (the "
                "defusedxml package) is missing; reinstall Pilotage",
            )
        )


def open_workbook(
    path: Path, *, read_only: bool = True, limits: ReadLimits = DEFAULT_LIMITS
) -> Workbook:
    """The workbook at `path`, formulas kept as formulas (never evaluated), after every
    check that can be made before parsing; WorkbookRefusedError with one sentence otherwise.

    A formula cell comes back with data_type "f" and its text ("=SUM(A1:A2)"), an error
    value ("#DIV/0!") with data_type "e". With read_only, iterate the sheets through
    `sheet_rows` (openpyxl reads their cells lazily, and a bad cell raises then)."""
    check_xml_protection()
    name = path.name
    data = read_bytes(path, limits)
    refuse_other_formats(name, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise WorkbookRefusedError(damaged(name)) from None
    with archive:
        members = zip_members(name, archive, limits)
        extents = scan_parts(name, archive, members, limits)
    return _load(name, data, read_only=read_only, extents=extents)


def sheet_rows(path: Path, sheet: Any, **options: Any) -> Iterator[tuple[Any, ...]]:
    """`sheet.iter_rows(**options)` where any failure of openpyxl while reading the cells
    (a read-only sheet parses as it goes) becomes WorkbookRefusedError naming the file and
    the sheet. Give `max_col` to a read-only sheet: openpyxl pads each row up to its last
    cell, however far right a hostile file puts it."""
    yield from _guarded(path, sheet, lambda: sheet.iter_rows(**options))


def typed_sheet_rows(
    path: Path,
    sheet: Any,
    *,
    min_row: int = 1,
    max_row: int | None = None,
    max_col: int,
    percent: bool = False,
) -> Iterator[tuple[tuple[Any, str], ...]]:
    """The sheet's rows as sheet_reading.typed_rows gives them (each cell a (value, data
    type) pair: no cell object each; with `percent`, "%" for a number in a percent
    format), failures refused as by `sheet_rows`."""
    yield from _guarded(
        path,
        sheet,
        lambda: typed_rows(
            sheet, min_row=min_row, max_row=max_row, max_col=max_col, percent=percent
        ),
    )


def _guarded(path: Path, sheet: Any, reading: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    def refusal(error: Exception) -> Exception:
        # The analyst's sentence, in the window's language even while a partner's template
        # is read in its own (its cells' problems are the partner's; a damaged file is not).
        with in_window_language():
            return WorkbookRefusedError(
                translate(
                    "Import",
                    "{name} cannot be read as an Excel workbook: sheet {sheet} is damaged "
                    "({reason})",
                ).format(name=path.name, sheet=sheet.title, reason=_short(error))
            )

    return guarded(reading, refusal)


# --- parsing --------------------------------------------------------------------------


def _load(name: str, data: bytes, *, read_only: bool, extents: dict[str, Extent]) -> Workbook:
    try:
        with warnings.catch_warnings():
            # openpyxl warns of what it drops (Excel's validation extensions, unknown parts):
            # nothing the analyst can act on, and the import reads only cells.
            warnings.simplefilter("ignore")
            reader = _Reader(
                io.BytesIO(data),
                read_only=read_only,
                data_only=False,  # a formula stays its text: never evaluated, reported
                keep_links=False,
                keep_vba=False,
            )
            reader.read()
            wb = reader.wb
    except Exception as error:  # openpyxl raises many kinds: every one is the file's fault
        _refuse_load(name, error)
    if read_only:
        for sheet in wb.worksheets:
            _true_size(sheet, extents)
    return wb


class _Reader(ExcelReader):  # type: ignore[misc]
    """openpyxl's reader, but for its read-only sheets: ScannedSheet, sized by the scan
    (openpyxl would parse a sheet without <dimension> whole just to size it) and read
    by sheet_reading's quicker parser, with the same values."""

    def read_worksheets(self) -> None:
        if not self.read_only:
            super().read_worksheets()
            return
        for sheet, relation in self.parser.find_sheets():
            if relation.target not in self.valid_files:
                continue
            if "chartsheet" in relation.Type:
                self.read_chartsheet(sheet, relation)
                continue
            ws = ScannedSheet(self.wb, sheet.name, relation.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def _true_size(sheet: Any, extents: dict[str, Extent]) -> None:
    """Gives a read-only sheet the size counted in its part rather than the one its
    <dimension> claims: openpyxl stops at the claimed last row (rows below would silently
    not be imported) and pads every row to the claimed last column."""
    path = getattr(sheet, "_worksheet_path", None)
    if not isinstance(path, str) or not hasattr(sheet, "_max_row"):
        return
    extent = extents.get(path.lstrip("/"), Extent(rows=1, columns=1))
    sheet._min_row = sheet._min_column = 1
    sheet._max_row = max(extent.rows, 1)
    sheet._max_column = max(extent.columns, 1)


def _refuse_load(name: str, error: Exception) -> NoReturn:
    """The sentence for what openpyxl raised (defusedxml's refusal among them)."""
    if _caused_by_entities(error):
        raise WorkbookRefusedError(
            translate(
                "Import",
                "{name} contains an XML entity declaration, a known way to attack the "
                "programs that read it; it was not opened",
            ).format(name=name)
        ) from None
    raise WorkbookRefusedError(
        translate("Import", "{name} cannot be read as an Excel workbook: {reason}").format(
            name=name, reason=_short(error)
        )
    ) from None


def _caused_by_entities(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if type(seen).__module__.startswith("defusedxml"):  # EntitiesForbidden and its kin
            return True
        seen = seen.__cause__ or seen.__context__
    return False


_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-fA-F]+>")


def _short(error: BaseException) -> str:
    """The first line of the deepest cause, without object addresses, at most 160 characters."""
    while error.__cause__ is not None:
        error = error.__cause__
    text = _OBJECT_REPR.sub("the file", str(error)).strip().splitlines()
    reason = text[0] if text else type(error).__name__
    return reason if len(reason) <= 160 else reason[:157] + "..."


__all__ = [
    "DEFAULT_LIMITS",
    "ReadLimits",
    "WorkbookRefusedError",
    "check_xml_protection",
    "open_workbook",
    "sheet_rows",
    "typed_sheet_rows",
]
