"""(Being built.)"""

from __future__ import annotations

import argparse


def run_export(args: argparse.Namespace) -> int:
    raise NotImplementedError


def run_import(args: argparse.Namespace) -> int:
    """`pilotage import FILE` for a program workbook (commands_import hands it over)."""
    raise NotImplementedError
