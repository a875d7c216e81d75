"""Guard against a PySide6 release that aborts Python after many void Qt calls.

PySide6 6.12.0 dies with "Fatal Python error: none_dealloc" after about 5,000
calls of methods returning nothing; the process aborts, so it must run apart.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    for i in range({CALLS}):
        label.setText(str(i))
        label.setToolTip(str(i))
    print("survived", label.text())
    """
)


def test_many_void_qt_calls_do_not_abort_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"survived {CALLS - 1}"
