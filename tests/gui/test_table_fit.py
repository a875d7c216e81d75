"""Tables wider than their page: the widest columns give way together."""

from __future__ import annotations

import pytest

from pilotage.gui.pages.widgets import COLUMN_PADDING, MIN_SHRUNK_WIDTH, fit_widths, fitting_cap


@pytest.mark.parametrize(
    ("widths", "available", "cap"),
    [
        ([100, 200, 300], 700, 300),  # everything fits: nothing is capped
        ([100, 200, 300], 500, 200),  # 100 + 200 + 200
        ([100, 200, 300], 400, 150),  # 100 + 150 + 150
        ([120, 120, 400], 440, 200),  # one very wide column takes all the loss
        ([100, 200, 300], 100, MIN_SHRUNK_WIDTH),  # never unreadably narrow
        ([], 300, 0),
    ],
)
def test_fitting_cap(widths: list[int], available: int, cap: int) -> None:
    assert fitting_cap(widths, available) == cap
    if cap > MIN_SHRUNK_WIDTH and sum(widths) > available:
        assert sum(min(w, cap) for w in widths) <= available


def test_the_air_between_columns_goes_before_any_text() -> None:
    padded = [w + COLUMN_PADDING for w in (80, 60, 130, 100)]  # 370 + 64 of air
    assert fit_widths(padded, 500) == padded
    assert fit_widths(padded, 402) == [88, 68, 138, 108]  # 32 of air left, 8 each
    assert fit_widths(padded, 370) == [80, 60, 130, 100]  # no air, no text lost
    assert fit_widths(padded, 330) == [80, 60, 95, 95]  # then the widest give way
