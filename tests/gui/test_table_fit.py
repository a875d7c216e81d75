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


def test_a_column_keeps_its_header_whole_while_the_others_give_way() -> None:
    padded = [w + COLUMN_PADDING for w in (100, 60, 150, 140)]  # 450 of text
    headers = [40, 50, 140, 60]  # the third column's header is nearly as wide as its text
    # Without headers, the two widest would share 400 - 160: 120 each, the header cut.
    assert fit_widths(padded, 400) == [100, 60, 120, 120]
    # With them, the third keeps its 140 and the fourth gives way: 100 + 60 + 140 + 100.
    assert fit_widths(padded, 400, headers) == [100, 60, 140, 100]


def test_headers_wider_than_the_table_give_way_as_the_widest_columns() -> None:
    padded = [w + COLUMN_PADDING for w in (80, 60, 130, 100)]
    headers = [80, 60, 130, 100]  # 370 of headers cannot fit 300: no floor holds
    assert fit_widths(padded, 300, headers) == [80, 60, 80, 80]
