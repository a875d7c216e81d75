"""`pilotage` alone shows a window before it imports the database layer, then opens
the database and shows the main window in its place (in a fresh process, as started)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pilotage.gui.qt import QApplication, QLabel
from pilotage.gui.startup import StartupShell, run_off_thread, show_shell

# Run in a child process: records what is imported when the first widget paints, then
# lets `pilotage --db PATH` run until the main window shows the tree, and closes it.
DRIVER = """
import json, sys, time
from pilotage.gui.qt import QApplication, QEvent, QObject, QTimer, QWidget

app = QApplication(sys.argv)  # run_gui takes the running application
seen = {}


class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in seen:
            if isinstance(obj, QWidget):
                seen["first_paint"] = {
                    "window": type(obj.window()).__name__,
                    "sqlalchemy": "sqlalchemy" in sys.modules,
                    "openpyxl": "openpyxl" in sys.modules,
                    "services": "pilotage.services.overview" in sys.modules,
                }
        return False


watch = Watch()
app.installEventFilter(watch)


def close_when_loaded():
    for widget in QApplication.topLevelWidgets():
        if (
            type(widget).__name__ == "MainWindow"
            and widget.isVisible()
            and widget.model.rowCount() > 0
            and not widget.is_busy()
        ):
            seen["main_window"] = {
                "title": widget.windowTitle(),
                "programs": widget.model.rowCount(),
                "shells_visible": sum(
                    1
                    for w in QApplication.topLevelWidgets()
                    if type(w).__name__ == "StartupShell" and w.isVisible()
                ),
            }
            widget.close()
            return


timer = QTimer()
timer.timeout.connect(close_when_loaded)
timer.start(20)

from pilotage.cli import main

code = main(["--db", sys.argv[1]])
print(json.dumps({"code": code, **seen}))
"""


def test_the_first_window_paints_before_the_database_layer_is_imported(
    tmp_path: Path, demo_template: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    first = seen["first_paint"]
    assert first["window"] == "StartupShell"
    assert not first["sqlalchemy"]
    assert not first["openpyxl"]
    assert not first["services"]
    # …and then the database opens, and the main window takes the shell's place.
    assert seen["main_window"]["title"] == "demo.sqlite — Pilotage"
    assert seen["main_window"]["programs"] == 1  # the demo holds one program
    assert seen["main_window"]["shells_visible"] == 0
    assert seen["code"] == 0


def test_the_shell_says_it_is_opening(qtbot: QtBot) -> None:
    shell = show_shell()
    qtbot.addWidget(shell)
    assert isinstance(shell, StartupShell)
    assert shell.isVisible()
    assert shell.windowTitle() == "Pilotage"
    assert shell.findChild(QLabel).text() == "Opening…"
    assert shell.busy.maximum() == 0  # a moving bar: no known length


def test_work_off_the_gui_thread_returns_its_result_or_raises_its_error(qtbot: QtBot) -> None:
    main = threading.get_ident()
    assert run_off_thread(lambda: threading.get_ident()) != main
    assert QApplication.instance() is not None

    def refuse() -> None:
        raise ValueError("no such file")

    with pytest.raises(ValueError, match="no such file"):
        run_off_thread(refuse)
