"""The checks made on a workbook from outside before it is parsed, and their refusals.

Its size on disk, what its first bytes say it is (a password-protected workbook and an
old .xls are OLE compound files, a PDF says so), the sizes its zip declares (a zip bomb
is refused before a byte is inflated), then each part read once, in chunks, by a bounded
parser (part_scan). Each refusal is one sentence naming the file. safe_reading runs
these checks, then parses.

The refusals are the analyst's: each is a whole `translate("Import", …)` template, so the
window reads them in its language (Qt's translator, installed at start) and the command
line in English. None of them is raised while a partner's template is judged in its own
language (`speaking(import_language(…))`): the file is opened and checked before.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from pilotage.domain.errors import PilotageError
from pilotage.domain.formatting import styled
from pilotage.domain.messages import translate
from pilotage.exchange.part_scan import (
    EntityDeclaredError,
    Extent,
    NotWellFormedError,
    PartLimits,
    TooLargeError,
    scan_member,
)


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

MAX_MEMBERS = 10_000  # parts in one zip; a workbook of figures has a few dozen
# A member this small is not checked for its ratio: a short run of repeated markup
# compresses very well and can do no harm.
RATIO_FLOOR = 1 << 20
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# The stream an encrypted Office file holds, as its OLE directory names it (UTF-16).
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_MIB = 1024 * 1024
_SMALL_PART = 5 * _MIB  # the workbook parts read to name a sheet in a refusal
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def read_bytes(path: Path, limits: ReadLimits) -> bytes:
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise WorkbookRefusedError(
                translate("Import", "{name} is a folder, not an Excel workbook").format(name=name)
            )
        if size > limits.max_file_bytes:
            raise WorkbookRefusedError(
                translate(
                    "Import",
                    "{name} is {size}, larger than the {limit} a workbook may be: "
                    "split it into smaller files",
                ).format(name=name, size=megabytes(size), limit=megabytes(limits.max_file_bytes))
            )
        with path.open("rb") as file:
            data = file.read(size + 1)  # not the limit: read() reserves what it is asked
    except FileNotFoundError:
        raise WorkbookRefusedError(missing(name)) from None
    except OSError as error:
        raise WorkbookRefusedError(unopenable(name, error)) from None
    if len(data) > limits.max_file_bytes:  # it grew since it was measured (read past size)
        raise WorkbookRefusedError(
            translate("Import", "{name} is larger than the {limit} a workbook may be").format(
                name=name, limit=megabytes(limits.max_file_bytes)
            )
        )
    return data


def refuse_other_formats(name: str, data: bytes) -> None:
    """One sentence for a file that is not a zip, from what its first bytes say it is."""
    if not data:
        raise WorkbookRefusedError(
            translate("Import", "{name} is empty: ask for the file again").format(name=name)
        )
    if data.startswith(_ZIP_MAGIC):
        return
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTION_INFO in data:
            raise WorkbookRefusedError(protected(name))
        raise WorkbookRefusedError(
            translate(
                "Import",
                "{name} is in the old Excel format (.xls): open it in Excel, save it as an "
                "Excel workbook (.xlsx) and send it again",
            ).format(name=name)
        )
    if data.startswith(b"%PDF"):
        raise WorkbookRefusedError(
            translate("Import", "{name} is a PDF document, not an Excel workbook (.xlsx)").format(
                name=name
            )
        )
    if data.startswith(_EMPTY_ZIP):
        raise WorkbookRefusedError(
            translate(
                "Import", "{name} is an empty zip file, not an Excel workbook (.xlsx)"
            ).format(name=name)
        )
    if _looks_like_text(data):
        raise WorkbookRefusedError(
            translate(
                "Import",
                "{name} is a text file, not an Excel workbook (.xlsx): open it in Excel and "
                "save it as an Excel workbook",
            ).format(name=name)
        )
    raise WorkbookRefusedError(
        translate("Import", "{name} is not an Excel workbook (.xlsx)").format(name=name)
    )


def _looks_like_text(data: bytes) -> bool:
    start = data[:4096]
    if b"\x00" in start:
        return False
    try:
        start.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(start) - 4  # a character cut by the 4096 bytes
    return True


def zip_members(name: str, archive: zipfile.ZipFile, limits: ReadLimits) -> list[zipfile.ZipInfo]:
    """The zip's members, after the checks its directory allows: what it is, how many
    parts, and how large they say they are once inflated (never inflating anything)."""
    members = [info for info in archive.infolist() if not info.is_dir()]
    names = {info.filename for info in members}
    if _other_office_file(names) or "[Content_Types].xml" not in names:
        raise WorkbookRefusedError(_not_a_workbook(name, names))
    if len(members) > MAX_MEMBERS:
        raise WorkbookRefusedError(
            translate(
                "Import",
                "{name} holds {count} parts, far more than an Excel workbook of figures; "
                "it was not opened",
            ).format(name=name, count=styled(f"{len(members):,}"))
        )
    if any(info.flag_bits & 0x1 for info in members):
        raise WorkbookRefusedError(protected(name))
    total = sum(info.file_size for info in members)
    if total > limits.max_uncompressed_bytes:
        raise WorkbookRefusedError(
            translate(
                "Import",
                "{name} would expand to {size} when opened, more than the {limit} Pilotage "
                "reads; it was not opened",
            ).format(
                name=name, size=megabytes(total), limit=megabytes(limits.max_uncompressed_bytes)
            )
        )
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise WorkbookRefusedError(
                translate(
                    "Import",
                    "{name} holds a part ({part}) that would expand {ratio} times when opened, "
                    "more than the {limit} times of a real workbook; it was not opened",
                ).format(
                    name=name,
                    part=info.filename,
                    ratio=styled(f"{ratio:,.0f}"),
                    limit=styled(f"{limits.max_ratio:,.0f}"),
                )
            )
    return members


def _other_office_file(names: set[str]) -> bool:
    """A Word or PowerPoint file: a zip with content types too, but no workbook in it."""
    return bool({"word/document.xml", "ppt/presentation.xml"} & names) and (
        "xl/workbook.xml" not in names
    )


def _not_a_workbook(name: str, names: set[str]) -> str:
    if "word/document.xml" in names:
        text = translate("Import", "{name} is a Word document, not an Excel workbook (.xlsx)")
    elif "ppt/presentation.xml" in names:
        text = translate(
            "Import", "{name} is a PowerPoint presentation, not an Excel workbook (.xlsx)"
        )
    elif "content.xml" in names and "mimetype" in names:
        text = translate(
            "Import",
            "{name} is an OpenDocument file (.ods): save it as an Excel workbook (.xlsx) "
            "and send it again",
        )
    else:
        text = translate("Import", "{name} is a zip file, not an Excel workbook (.xlsx)")
    return text.format(name=name)


def scan_parts(
    name: str, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], limits: ReadLimits
) -> dict[str, Extent]:
    """Each part read once (see part_scan); how far each sheet really reaches, by part name."""
    part_limits = PartLimits(max_rows=limits.max_rows, max_cells=limits.max_cells)
    extents: dict[str, Extent] = {}
    for info in members:
        try:
            extent = scan_member(archive, info, part_limits)
        except EntityDeclaredError:
            raise WorkbookRefusedError(
                translate(
                    "Import",
                    "{name} contains an XML entity declaration (in {part}), a known way to "
                    "attack the programs that read it; it was not opened",
                ).format(name=name, part=info.filename)
            ) from None
        except TooLargeError as large:
            limit = limits.max_rows if large.what == "rows" else limits.max_cells
            sheet = _sheet_name(archive, info.filename)
            if large.what == "rows":
                text = translate(
                    "Import",
                    "{name} has more than {limit} rows in sheet {sheet}: split it into "
                    "smaller files",
                )
            else:
                text = translate(
                    "Import",
                    "{name} has more than {limit} cells in sheet {sheet}: split it into "
                    "smaller files",
                )
            raise WorkbookRefusedError(
                text.format(name=name, limit=styled(f"{limit:,}"), sheet=sheet)
            ) from None
        except NotWellFormedError as error:
            raise WorkbookRefusedError(
                translate(
                    "Import",
                    "{name} is damaged: its part {part} is not valid XML ({error}); "
                    "ask for the file again",
                ).format(name=name, part=info.filename, error=error)
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise WorkbookRefusedError(damaged(name)) from None
        if extent is not None:
            extents[info.filename] = extent
    return extents


def _sheet_name(archive: zipfile.ZipFile, part: str) -> str:
    """The name the analyst sees for the sheet stored in `part` (the part itself if the
    workbook does not say: this is only for the sentence)."""
    from openpyxl.xml.functions import fromstring  # defusedxml's, as check_xml_protection made sure

    try:
        parts = [archive.getinfo(p) for p in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")]
        if any(info.file_size > _SMALL_PART for info in parts):
            return part
        workbook, relations = (fromstring(archive.read(info)) for info in parts)
        targets = {
            relation.get("Id"): relation.get("Target", "").lstrip("/").removeprefix("xl/")
            for relation in relations
        }
        wanted = part.removeprefix("xl/")
        for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
            if targets.get(sheet.get(f"{{{_RELATIONS}}}id")) == wanted:
                return str(sheet.get("name"))
    except Exception:  # only the wording of a refusal depends on it
        return part
    return part


def damaged(name: str) -> str:
    return translate(
        "Import",
        "{name} is incomplete or damaged (it may have been cut short while being sent): "
        "ask for the file again",
    ).format(name=name)


def missing(name: str) -> str:
    """The sentence for a file that is not there (any more)."""
    return translate("Import", "{name} does not exist (or was moved)").format(name=name)


def unopenable(name: str, error: OSError) -> str:
    """The sentence for a file the system would not open (its reason is the system's)."""
    reason = (error.strerror or type(error).__name__).lower()
    return translate("Import", "{name} cannot be opened: {reason}").format(name=name, reason=reason)


def protected(name: str) -> str:
    return translate(
        "Import",
        "{name} is protected by a password: remove the password in Excel and send it again",
    ).format(name=name)


def megabytes(size: int) -> str:
    if size < _MIB:
        return translate("Import", "{size} KB").format(size=styled(f"{max(size // 1024, 1):,}"))
    shown = f"{size / _MIB:,.0f}" if size >= 10 * _MIB else f"{size / _MIB:.1f}"
    return translate("Import", "{size} MB").format(size=styled(shown))


__all__ = [
    "DEFAULT_LIMITS",
    "ReadLimits",
    "WorkbookRefusedError",
    "damaged",
    "megabytes",
    "missing",
    "protected",
    "read_bytes",
    "refuse_other_formats",
    "scan_parts",
    "unopenable",
    "zip_members",
]
