"""Cycles are collected by a timer on the GUI thread, with the automatic collector off."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from pilotage.gui.garbage import INTERVAL_MS, GarbageCollector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_a_cycle_is_freed_by_the_timer_not_by_the_automatic_collector(qtbot: QtBot) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        collector = GarbageCollector()
        collector.start()
        assert not gc.isenabled()
        node = _Node()
        gone = weakref.ref(node)
        del node
        alive = [[i] for i in range(50_000)]  # far past the first threshold
        assert gone() is not None  # nothing collected it while allocating
        qtbot.waitUntil(lambda: gone() is None, timeout=20 * INTERVAL_MS)
        assert len(alive) == 50_000
    finally:
        collector.stop()
        assert gc.isenabled()
        if not was:
            gc.disable()


def test_check_collects_only_what_is_due() -> None:
    collector = GarbageCollector()
    gc.collect()
    assert collector.check() == -1  # counts are back at zero
    for _ in range(2_000):
        _Node()
    assert collector.check() == 0
