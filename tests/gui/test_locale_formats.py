"""Numbers and dates follow the language chosen: French writes 30 000 000,00 MAD and
31/12/2024, English 30,000,000.00 MAD and 12/31/2024; what the window shows can be
typed back. The conftest puts the system's locale back after each test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from settings_support import window_speaking

from pilotage.db.database import Database
from pilotage.domain.enums import Measure
from pilotage.domain.formatting import ENGLISH, format_day, number_style, styled
from pilotage.gui import formats
from pilotage.gui.dialogs.form_dialog import parse_number
from pilotage.gui.i18n import apply_locale, reset_locale
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QLocale

NNBSP = "\u202f"  # French groups thousands, and sets "%" apart, with a narrow no-break space


def test_french_numbers_money_percentages_and_dates() -> None:
    apply_locale("fr")
    assert formats.number(Decimal("30000000.5"), 2) == f"30{NNBSP}000{NNBSP}000,50"
    assert formats.money(Decimal("30000000.00"), "MAD") == f"30{NNBSP}000{NNBSP}000,00 MAD"
    assert formats.percent(Decimal("0.734")) == f"73,4{NNBSP}%"
    assert formats.kpi_value(Decimal(72), Measure.PERCENTAGE) == f"72{NNBSP}%"
    assert formats.kpi_value(Decimal("0.734"), Measure.RATIO, "%") == f"73,4{NNBSP}%"
    assert formats.kpi_value(Decimal(1500), Measure.COUNT, "diplômés") == f"1{NNBSP}500 diplômés"
    assert formats.plain_number(Decimal("1500.50")) == "1500,5"
    assert formats.date_format() == "dd/MM/yyyy"
    assert formats.date_text(date(2024, 12, 31)) == "31/12/2024"


def test_english_numbers_money_percentages_and_dates() -> None:
    apply_locale("en")
    assert formats.money(Decimal("30000000.00"), "MAD") == "30,000,000.00 MAD"
    assert formats.percent(Decimal("0.734")) == "73.4%"
    assert formats.kpi_value(Decimal(72), Measure.PERCENTAGE) == "72%"
    assert formats.plain_number(Decimal("1500.50")) == "1500.5"
    assert formats.date_text(date(2024, 12, 31)) == "12/31/2024"


def test_table_percentages_keep_one_decimal_and_counts_at_most_one() -> None:
    apply_locale("en")
    assert formats.percent(Decimal("0.25")) == "25%"  # as the command line writes it
    assert formats.percent(Decimal("0.25"), places=1) == "25.0%"  # in a table column
    assert formats.percent(Decimal("0.2667"), places=1) == "26.7%"
    assert formats.kpi_value(Decimal(72), Measure.PERCENTAGE, percent_places=1) == "72.0%"
    assert formats.kpi_value(Decimal("0.734"), Measure.RATIO, percent_places=1) == "73.4%"
    # A count's target to date between two whole targets: one decimal, no more.
    assert formats.kpi_value(Decimal("12.47"), Measure.COUNT, "organisations") == (
        "12.5 organisations"
    )
    assert formats.kpi_value(Decimal(1000), Measure.COUNT, "learners") == "1,000 learners"
    apply_locale("fr")
    assert formats.percent(Decimal("0.25"), places=1) == f"25,0{NNBSP}%"


@pytest.mark.parametrize("setting", ["system", "klingon", "", None])
def test_system_or_garbage_keeps_the_system_locale(setting: str | None) -> None:
    apply_locale("fr")
    locale = apply_locale(setting)
    assert locale.name() == QLocale.system().name()
    assert QLocale().name() == QLocale.system().name()


def test_the_engine_traces_follow_the_locale_chosen_and_reset_goes_back_to_english() -> None:
    apply_locale("fr")
    assert number_style() == formats.number_style()
    assert styled("1,234.5") == formats.number(Decimal("1234.5")) == f"1{NNBSP}234,5"
    assert styled("73.4%") == formats.percent(Decimal("0.734"))
    assert format_day(date(2024, 12, 31)) == formats.date_text(date(2024, 12, 31))
    reset_locale()
    assert number_style() == ENGLISH
    assert format_day(date(2024, 12, 31)) == "2024-12-31"


def test_reset_puts_the_system_locale_back() -> None:
    apply_locale("fr")
    assert QLocale().language() == QLocale.Language.French
    reset_locale()
    assert QLocale().name() == QLocale.system().name()


@pytest.mark.parametrize("setting", ["fr", "en", "system"])
@pytest.mark.parametrize(
    "value", [Decimal(0), Decimal(1000), Decimal("1234567.5"), Decimal("-2500.25"), Decimal("0.5")]
)
def test_what_the_window_shows_can_be_typed_back(setting: str, value: Decimal) -> None:
    apply_locale(setting)
    assert parse_number(formats.number(value, 2)) == value
    assert parse_number(formats.number(value)) == value
    assert parse_number(formats.plain_number(value)) == value


@pytest.mark.parametrize(
    ("setting", "typed", "expected"),
    [
        ("en", "1,000", Decimal(1000)),  # English thousands
        ("en", "12,500,000", Decimal(12500000)),
        ("en", "72,5", Decimal("72.5")),  # not grouped by three: a decimal comma
        ("fr", "1,000", Decimal(1)),  # French decimal comma
        ("fr", "72.5", Decimal("72.5")),  # a point typed in French is still a decimal point
        ("fr", "1 000,5", Decimal("1000.5")),
        ("fr", "1.000,5", Decimal("1000.5")),
        ("en", "1,000.5", Decimal("1000.5")),
        ("en", "  ", None),
    ],
)
def test_typed_numbers_in_either_language(
    setting: str, typed: str, expected: Decimal | None
) -> None:
    apply_locale(setting)
    assert parse_number(typed) == expected


@pytest.mark.parametrize("typed", ["abc", "1.000.000", "12a", "nan", "inf"])
def test_what_is_not_a_number_is_refused(typed: str) -> None:
    apply_locale("fr")
    with pytest.raises(ValueError, match=re.escape(typed)):
        parse_number(typed)


@pytest.fixture
def french_window(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    yield from window_speaking("fr", qtbot, demo_db, tmp_path, monkeypatch)


@pytest.fixture
def english_window(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    yield from window_speaking("en", qtbot, demo_db, tmp_path, monkeypatch)


def test_the_french_window_writes_the_budget_and_dates_in_french(
    french_window: MainWindow, qtbot: QtBot
) -> None:
    page = french_window.program_page
    qtbot.waitUntil(lambda: page.total_budget.text() != "")
    # The demo program: 30,000,000.00 MAD, signed on 15 November 2024.
    assert page.total_budget.text() == f"30{NNBSP}000{NNBSP}000,00 MAD"
    assert page.signed_on.text() == "15/11/2024"
    assert french_window.as_of_edit.text() == "31/12/2024"


def test_the_english_window_writes_them_in_english(
    english_window: MainWindow, qtbot: QtBot
) -> None:
    page = english_window.program_page
    qtbot.waitUntil(lambda: page.total_budget.text() != "")
    assert page.total_budget.text() == "30,000,000.00 MAD"
    assert page.signed_on.text() == "11/15/2024"
    assert english_window.as_of_edit.text() == "12/31/2024"
