"""What the service tests import by name: the types of the helper fixtures of
conftest.py, and the portfolio generator.

Not a test module (no test_ prefix): pytest puts this folder on sys.path, so the
tests import it by name.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from types import ModuleType
from typing import Protocol

from pilotage.db.schema import AuditEntry

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_portfolio.py"

Count = Callable[[str], int]
"""The `count` fixture: count("pillar") -> the number of rows in that table now."""

Statements = Callable[[], AbstractContextManager[list[str]]]
"""The `statements` fixture: with statements() as sql: ... -> the statements run inside."""


class AuditLog(Protocol):
    """The `audit_log` fixture: every audit entry so far (of one entity), oldest first."""

    def __call__(self, entity: str | None = None) -> list[AuditEntry]: ...


def generator() -> ModuleType:
    """benchmarks/generate_portfolio.py (the benchmarks folder is not a package)."""
    loaded = sys.modules.get("generate_portfolio")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("generate_portfolio", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_portfolio"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
