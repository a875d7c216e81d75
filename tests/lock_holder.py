"""Another instance of Pilotage holding a SQLite file: a second process, as on a desk."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Opens the file named by argv[1] to write, says so, and holds it until its stdin closes.
HOLDER = """
import sys
from pilotage.db.database import open_database
database = open_database(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
database.close()
"""


@contextmanager
def held_elsewhere(path: Path) -> Iterator[subprocess.Popen[str]]:
    """A process holding `path` until its stdin is closed (or the block ends)."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        # Read, not waited for with a sleep: the line comes once the lock is taken.
        assert process.stdout is not None
        assert process.stdout.readline() == "held\n"
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
