"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when
its threshold is crossed — often a worker reading the database. If the cycles
it frees hold Qt objects (a page's lambda slots, a model and its view), their
C++ side is then destroyed from the wrong thread, which can crash the process.
So the automatic collector is switched off and a timer on the GUI thread does
the same work, generation by generation, at the same thresholds.
"""

from __future__ import annotations

import gc

from pilotage.gui.qt import QObject, QTimer, Slot

INTERVAL_MS = 500


class GarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns the
        generation collected, or -1 when none was due."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            threshold = self._thresholds[generation]
            if threshold and counts[generation] > threshold:
                gc.collect(generation)
                return generation
        return -1
