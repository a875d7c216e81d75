"""Helpers shared by the read-side query tests: statement counting and the generator.

Not a test module (no test_ prefix): pytest puts this folder on sys.path, so the
tests import it by name.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, event

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_portfolio.py"


@contextmanager
def count_statements(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement sent to the database inside the block (BEGIN included)."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def queries(statements: list[str]) -> list[str]:
    """The statements without the BEGIN that opens each transaction."""
    return [s for s in statements if s.strip().upper() != "BEGIN"]


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
