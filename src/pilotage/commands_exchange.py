"""The data-collection sub-commands: `template`, `import` and `export program`.

Each lives in a module of its own (openpyxl and the database layer load only when
one runs); `import` reads the workbook's marker to know whether it holds figures
from a template or a whole program.
"""

from __future__ import annotations

import argparse


def template(args: argparse.Namespace) -> int:
    from pilotage import commands_template

    return commands_template.run(args)


def import_file(args: argparse.Namespace) -> int:
    from pilotage import commands_import

    return commands_import.run(args)


def export_program(args: argparse.Namespace) -> int:
    from pilotage import commands_transfer

    return commands_transfer.run_export(args)
