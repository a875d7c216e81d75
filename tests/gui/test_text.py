"""A service's message becomes one sentence wherever the window shows it."""

from __future__ import annotations

import pytest

from pilotage.gui.text import sentence


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("name is required", "Name is required."),
        ("  code already used  ", "Code already used."),
        ("Already a sentence.", "Already a sentence."),
        ("really delete?", "Really delete?"),
        ("stop!", "Stop!"),
        ("the database is locked…", "The database is locked…"),
        ("écart trop grand", "Écart trop grand."),
        ("x", "X."),
        ("2024 is closed", "2024 is closed."),
    ],
)
def test_a_message_reads_as_a_sentence(message: str, shown: str) -> None:
    assert sentence(message) == shown


def test_only_the_first_letter_changes() -> None:
    assert sentence("kPI ABC moved to Pillar 2") == "KPI ABC moved to Pillar 2."


@pytest.mark.parametrize("message", ["", "   ", "\n\t"])
def test_nothing_to_say_stays_empty(message: str) -> None:
    assert sentence(message) == ""
