"""`python -m pilotage.gui [DATABASE]`: the window on a file or URL, or on the default file."""

from __future__ import annotations

import sys

from pilotage.gui.app import run_gui

if __name__ == "__main__":
    raise SystemExit(run_gui(sys.argv[1] if len(sys.argv) > 1 else None))
