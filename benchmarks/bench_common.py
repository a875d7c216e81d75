"""What the GUI benchmarks share: a result against its baseline, timing, memory."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from pilotage.gui.qt import QApplication


@dataclass(frozen=True)
class Result:
    name: str
    ours: float  # seconds (or MB for a memory row)
    baseline: float
    baseline_name: str
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.baseline / self.ours if self.ours else float("inf")


def application() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def rss_mb() -> float:
    """The process's resident memory now, in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def best_of(action: Callable[[], object], repeat: int = 3) -> float:
    """The best wall time of `repeat` runs of a quick action."""
    return min(timed(action)[0] for _ in range(repeat))
