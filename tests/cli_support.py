"""The `pilotage` command run in-process by the command-line tests."""

from __future__ import annotations

import pytest

from pilotage.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`pilotage ARGS…`: its exit code (argparse's own refusals included), and what it
    printed on stdout and stderr."""
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
