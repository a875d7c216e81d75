"""The figures of an import preview: exactly what would be written, grouped as the window
writes numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pilotage.domain.formatting import ENGLISH, numbers_in
from pilotage.exchange.engine_language import FRENCH
from pilotage.services.import_preview_texts import grouped


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        ("1200", "1,200", "1\u202f200"),
        ("1234567.5", "1,234,567.5", "1\u202f234\u202f567,5"),
        ("66.666667", "66.666667", "66,666667"),  # every decimal written, none rounded
        ("0.000001", "0.000001", "0,000001"),
        ("1E+3", "1,000", "1\u202f000"),
        ("-0", "0", "0"),
        ("-1500", "-1,500", "-1\u202f500"),
    ],
)
def test_a_figure_keeps_every_decimal_and_groups_its_thousands(
    value: str, english: str, french: str
) -> None:
    with numbers_in(ENGLISH):
        assert grouped(Decimal(value)) == english
    with numbers_in(FRENCH):
        assert grouped(Decimal(value)) == french
