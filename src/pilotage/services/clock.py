"""Today, as the analyst's computer sees it (the default as-of date)."""

from __future__ import annotations

from datetime import date, datetime


def local_today() -> date:
    return datetime.now().astimezone().date()
