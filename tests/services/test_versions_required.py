"""Every update, delete and move of the structure requires the version the user saw."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, get_type_hints

import pytest

from pilotage.services import budget, milestones, organizations, parties, pillars

GUARDED: list[Callable[..., Any]] = [
    budget.update_budget_line,
    budget.delete_budget_line,
    milestones.update_milestone,
    milestones.delete_milestone,
    organizations.update_organization,
    organizations.delete_organization,
    parties.update_party,
    parties.remove_party,
    pillars.update_pillar,
    pillars.delete_pillar,
    pillars.move_pillar,
]


@pytest.mark.parametrize("function", GUARDED, ids=lambda f: f.__name__)
def test_the_version_is_a_required_int(function: Callable[..., Any]) -> None:
    """None would skip the optimistic check: a stale save would overwrite silently."""
    parameter = inspect.signature(function).parameters["version"]
    assert get_type_hints(function)["version"] is int
    assert parameter.default is inspect.Parameter.empty
    assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


def test_a_reorder_carries_the_version_of_every_pillar() -> None:
    hints = get_type_hints(pillars.reorder_pillars)
    assert str(hints["ordered"]) == "collections.abc.Sequence[tuple[int, int]]"
