"""What the import tests share: the demo's KPI ids by code, its quarters, and a filled
template of the demo written into a folder. Not a test module (no test_ prefix)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

from sqlalchemy import select

from filled_templates import figure_row, write_filled
from pilotage.db.database import Database
from pilotage.db.schema import Kpi
from pilotage.domain.enums import Frequency
from pilotage.domain.periods import period_bounds, period_label
from pilotage.exchange.template_layout import Field

TABLES = ("measurement", "disaggregation", "audit_entry")


def kpi_ids(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {code: kpi_id for kpi_id, code in session.execute(select(Kpi.id, Kpi.code))}


def quarter(year: int, number: int) -> tuple[date, date]:
    return period_bounds(Frequency.QUARTERLY, date(year, 3 * number - 2, 1))


def half(year: int, number: int) -> tuple[date, date]:
    return period_bounds(Frequency.HALF_YEARLY, date(year, 6 * number - 5, 1))


def demo_row(
    db: Database, code: str, period: tuple[date, date], **filled: object
) -> dict[Field, object]:
    """The template's row of a demo KPI and period, with `filled` typed in."""
    return figure_row(kpi_ids(db)[code], code, *period, period_label(*period), **filled)


def filled(
    folder: Path, rows: list[dict[Field, object]], name: str = "figures-MNC.xlsx", **options: object
) -> Path:
    return write_filled(folder / name, rows, **options)  # type: ignore[arg-type]


HOSTILE = Path(__file__).resolve().parents[1] / "exchange" / "hostile_files.py"


def hostile_files() -> ModuleType:
    """tests/exchange/hostile_files.py (helper B's), loaded by path: that folder is not on
    this one's import path."""
    loaded = sys.modules.get("hostile_files")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("hostile_files", HOSTILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_files"] = module
    spec.loader.exec_module(module)
    return module
