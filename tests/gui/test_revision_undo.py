"""Undo and redo of a target's revision among two analysts: redo puts the revision back
only over the period's target as the analyst saw it after the undo; one revised or
changed by someone else since refuses the redo, naming who and when, and the revision
is not slipped back under theirs."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from pilotage.db.database import Database
from pilotage.gui.qt import QUndoStack
from pilotage.gui.undo.commands import EditContext
from pilotage.gui.undo.kpi_commands import ReviseTargetCommand
from pilotage.services.kpis import KpiRow, list_kpis
from pilotage.services.programs import find_program
from pilotage.services.targets import list_targets, revise_target, set_target
from two_analysts import as_analyst, second_database

END = date(2024, 12, 31)


@pytest.fixture
def kpi(demo_db: Database) -> KpiRow:
    program = find_program(demo_db, "CP-MTNRA-MNC")
    assert program is not None
    found = [k for k in list_kpis(demo_db, program.id) if k.code == "JIT-DIP"]
    assert len(found) == 1
    return found[0]


def _figures(db: Database, kpi: KpiRow) -> list[tuple[int, Decimal, str]]:
    return [(t.revision, t.value, t.reason) for t in list_targets(db, kpi.id)]


def _revised(db: Database, kpi: KpiRow) -> tuple[QUndoStack, list[str]]:
    """The analyst's revision to 600 over the original 700, done and on a stack, then
    undone; the stack and the refusals it reports."""
    original = set_target(db, kpi.id, END, Decimal(700))
    context, stack = EditContext(db), QUndoStack()
    refused: list[str] = []
    context.failed.connect(refused.append)
    command = ReviseTargetCommand(
        context, kpi.id, END, Decimal(600), "Mine", date(2025, 1, 10), "revise", seen=original
    )
    command.execute()
    stack.push(command)
    assert _figures(db, kpi) == [(0, Decimal(700), ""), (1, Decimal(600), "Mine")]
    stack.undo()
    assert _figures(db, kpi) == [(0, Decimal(700), "")]
    return stack, refused


def test_redo_puts_the_revision_back_over_what_the_undo_left(
    demo_db: Database, kpi: KpiRow
) -> None:
    stack, refused = _revised(demo_db, kpi)
    stack.redo()
    assert refused == []
    assert _figures(demo_db, kpi) == [(0, Decimal(700), ""), (1, Decimal(600), "Mine")]


def test_redo_after_another_analyst_revised_the_period_is_refused(
    demo_db: Database, kpi: KpiRow
) -> None:
    stack, refused = _revised(demo_db, kpi)
    with second_database(demo_db) as other:
        as_analyst("Sara", lambda: revise_target(other, kpi.id, END, Decimal(650), "Sara's"))
    stack.redo()
    assert len(refused) == 1
    assert re.fullmatch(
        r"The target of \S+ of JIT-DIP was changed by Sara at \S+ \d\d:\d\d, after you had "
        r"opened this form: your revision was not saved\. The change could not be redone and "
        r"was taken off the Undo list\.",
        refused[0],
    ), refused[0]
    assert _figures(demo_db, kpi) == [(0, Decimal(700), ""), (1, Decimal(650), "Sara's")]


def test_redo_after_another_analyst_changed_the_original_is_refused(
    demo_db: Database, kpi: KpiRow
) -> None:
    stack, refused = _revised(demo_db, kpi)
    with second_database(demo_db) as other:
        original = list_targets(other, kpi.id)[0]
        as_analyst(
            "Sara",
            lambda: set_target(other, kpi.id, END, Decimal(750), version=original.version),
        )
    stack.redo()
    assert len(refused) == 1
    assert "was changed by Sara at" in refused[0]
    assert _figures(demo_db, kpi) == [(0, Decimal(750), "")]
