"""(d) of bench_gui.py: the time from process start to the first window painted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import Result

# Prints, at the first widget painted, the wall-clock time and whether the database
# layer was imported; then leaves at once. argv[1]: what to start.
_FIRST_PAINT = r"""
import json, os, sys, time
mode = sys.argv[1]
if mode == "imports-first":
    import pilotage.db.database, pilotage.services.overview  # what pilotage did before
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

app = QApplication(sys.argv[:1])

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            print(json.dumps({"at": time.time(), "sqlalchemy": "sqlalchemy" in sys.modules}))
            sys.stdout.flush()
            os._exit(0)
        return False

watch = Watch()
app.installEventFilter(watch)
if mode == "pilotage":
    from pilotage.cli import main
    main(["--db", sys.argv[2]])
else:
    window = QMainWindow()
    window.resize(1280, 820)
    window.show()
    app.exec()
"""


def first_paint(mode: str, db: Path, folder: Path) -> tuple[float, bool]:
    """Seconds from starting the process to its first paint, and whether SQLAlchemy
    was imported by then."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),  # not the analyst's own settings
        "XDG_DATA_HOME": str(folder / "data"),
    }
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, mode, str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    return seen["at"] - started, seen["sqlalchemy"]


def bench_startup(db: Path, repeat: int) -> list[Result]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        best: dict[str, float] = {}
        imported: dict[str, bool] = {}
        for _ in range(repeat):
            for mode in ("bare", "pilotage", "imports-first"):
                seconds, sqlalchemy = first_paint(mode, db, folder)
                best[mode] = min(best.get(mode, float("inf")), seconds)
                imported[mode] = sqlalchemy
    assert not imported["pilotage"], "pilotage imported SQLAlchemy before its first paint"
    return [
        Result(
            "(d) process start to first window paint",
            best["pilotage"],
            best["bare"],
            "bare QMainWindow",
            note="ratio < 1: ours does more (settings, translations, the shell)",
        ),
        Result(
            "(d) process start to first window paint",
            best["pilotage"],
            best["imports-first"],
            "database layer imported first",
        ),
    ]
