"""Writing a workbook whole or not at all, with progress and cancel between batches.

The file is saved under a temporary name beside its destination and renamed over
it only when complete (`os.replace` is atomic on one file system), so a failure
or a cancel never leaves half a report where the analyst expects one. It gets the
mode of the file it replaces, or of a file newly created (umask applied): the
temporary file's 0600 would keep colleagues from opening a template or program
workbook saved in a shared folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from pilotage.domain.errors import CancelledError

BATCH = 500  # rows between two progress reports (and cancel checks)


class Pacer:
    """Counts rows written; every `batch` rows reports progress and honours a cancel."""

    def __init__(
        self,
        total: int,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        batch: int = BATCH,
    ) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancelled = cancelled
        self._batch = batch
        self._reported = 0

    def step(self, rows: int = 1) -> None:
        self.done += rows
        if self.done - self._reported >= self._batch:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Raises CancelledError if asked to stop; else says how far the work is."""
        if self._cancelled is not None and self._cancelled():
            raise CancelledError("the report")
        self._reported = self.done
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def discard(wb: Workbook) -> None:
    """Drops a write-only workbook that will not be saved: closes its sheets' streams and
    removes the temporary files openpyxl wrote them to."""
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        writer = getattr(ws, "_writer", None)
        with contextlib.suppress(Exception):  # a half-written stream may refuse to close
            if rows is not None:
                rows.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()


def save_atomically(wb: Workbook, out: Path) -> None:
    """Saves `wb` to a temporary file beside `out`, then moves it into place."""
    fd, name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".xlsx.part", dir=out.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        wb.save(temporary)
        _give_mode(temporary, out)
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


_UMASK_LINE = re.compile(r"^Umask:\s*([0-7]+)$", re.MULTILINE)
_UMASK_LOCK = threading.Lock()


def _give_mode(temporary: Path, out: Path) -> None:
    """The mode `out` has, or a new file's (0666 less the umask), on the temporary file."""
    if os.name == "nt":  # no modes there: the folder's permissions apply
        return
    try:
        mode = stat.S_IMODE(out.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):  # a file system without modes keeps its own
        os.chmod(temporary, mode)


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux);
    elsewhere set and restored at once, under a lock for the threads of this module."""
    with contextlib.suppress(OSError, ValueError):
        found = _UMASK_LINE.search(Path("/proc/self/status").read_text())
        if found:
            return int(found.group(1), 8)
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask
