"""The engine's sentences can be translated and its numbers and days written in another
style, without Qt: a translator (here a small dict), a number style and a date pattern
set from outside; English again once they are reset (the tests conftest resets them
after each test)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from engine_examples import END_2024, GRADUATES, graduate_quarters
from pilotage.domain import messages
from pilotage.domain.engine import actual, evaluate, roll_up
from pilotage.domain.enums import Aggregation, Direction, Frequency, KpiStatus, Measure
from pilotage.domain.formatting import (
    ENGLISH,
    NumberStyle,
    format_day,
    format_percent,
    number_style,
    set_day_pattern,
    set_number_style,
    styled,
)
from pilotage.domain.kpi_types import KpiSpec, Observation

D = Decimal
FRENCH = NumberStyle(group="\u202f", point=",", percent="\u202f%")
NNBSP = "\u202f"

# A few templates in a made-up language: enough to see every kind of sentence change.
TEST_LANGUAGE = {
    "on track: progress {progress} ≥ {green} × expected {expected} = {bar}": (
        "EN BONNE VOIE : {progress} ≥ {green} × {expected} = {bar}"
    ),
    "sum of {count} periods: {terms} = {value}": "{value} = {terms} ({count} PÉRIODES)",
    "final target, due {due}: {final}": "CIBLE FINALE ({due}) : {final}",
    "{status}. Actual: {actual}. Target: {target}.": "{status} | RÉALISÉ {actual} | {target}",
    "mean of {count} progress values (each capped at 0–100%): {mean}": "MOYENNE({count}) = {mean}",
    "yes": "OUI",
}

QUARTERS = graduate_quarters(1234)


def _test_translator(context: str, source: str) -> str:
    assert context == messages.CONTEXT
    return TEST_LANGUAGE.get(source, source)


@pytest.fixture
def translated() -> None:
    messages.set_translator(_test_translator)
    set_number_style(FRENCH)
    set_day_pattern("dd/MM/yyyy")


# 1,734 / 800 = 2.1675 -> 216.8% (half-even).
ENGLISH_TRACE = (
    "achieved: progress 216.8% ≥ 100%. Actual: sum of 3 periods: 240 + 260 + 1,234 = "
    "1,734 diplômés. Target: final target, due 2024-12-31: 800 diplômés."
)


def test_english_by_default() -> None:
    evaluation = evaluate(GRADUATES, QUARTERS, [], END_2024)
    assert evaluation.trace == ENGLISH_TRACE


@pytest.mark.usefixtures("translated")
def test_a_trace_comes_out_translated_with_french_digits() -> None:
    evaluation = evaluate(GRADUATES, QUARTERS, [], END_2024)
    assert evaluation.status is KpiStatus.ACHIEVED
    # The untranslated template ("achieved: …") stays English, its numbers restyled.
    assert evaluation.trace == (
        f"achieved: progress 216,8{NNBSP}% ≥ 100% | RÉALISÉ 1{NNBSP}734 diplômés = "
        f"240 + 260 + 1{NNBSP}234 (3 PÉRIODES) | CIBLE FINALE (31/12/2024) : 800 diplômés"
    )


@pytest.mark.usefixtures("translated")
def test_the_words_may_move_around_the_numbers() -> None:
    spec = KpiSpec(
        measure=Measure.RATIO,
        direction=Direction.INCREASE,
        aggregation=Aggregation.SUM,
        frequency=Frequency.YEARLY,
        baseline_value=D(0),
        baseline_date=date(2024, 1, 1),
        target_value=D("0.8"),
        target_date=END_2024,
    )
    pilot = Observation(date(2024, 1, 1), END_2024, numerator=D(734), denominator=D(1000))
    evaluation = evaluate(spec, [pilot], [], END_2024)
    assert evaluation.status_trace == (
        f"EN BONNE VOIE : 91,8{NNBSP}% ≥ 0,9 × 100{NNBSP}% = 90{NNBSP}%"
    )
    assert evaluation.actual.trace == (
        f"ratio of sums over 1 period (2024): 734 / 1{NNBSP}000 = 73,4{NNBSP}%"
    )


@pytest.mark.usefixtures("translated")
def test_yes_no_and_roll_ups_are_translated_too() -> None:
    platform = KpiSpec(
        measure=Measure.YES_NO,
        direction=Direction.INCREASE,
        aggregation=Aggregation.LATEST,
        frequency=Frequency.YEARLY,
    )
    online = Observation(date(2024, 1, 1), END_2024, value=D(1))
    assert actual(platform, [online], END_2024).trace == "latest value, period 2024: OUI"
    judged = [evaluate(GRADUATES, QUARTERS[:n], [], END_2024) for n in (2, 3)]
    assert roll_up(judged).trace == f"MOYENNE(2) = 81,2{NNBSP}%"  # (62.5% + 100%) / 2


def test_resetting_puts_english_back() -> None:
    messages.set_translator(_test_translator)
    set_number_style(FRENCH)
    assert evaluate(GRADUATES, QUARTERS, [], END_2024).trace != ENGLISH_TRACE
    set_day_pattern("dd/MM/yyyy")
    messages.reset_translator()
    set_number_style(None)
    set_day_pattern(None)
    assert number_style() == ENGLISH
    assert evaluate(GRADUATES, QUARTERS, [], END_2024).trace == ENGLISH_TRACE


def test_a_new_translator_is_asked_again() -> None:
    messages.set_translator(lambda _context, source: source.upper())
    assert messages.translate(messages.CONTEXT, "no target set") == "NO TARGET SET"
    messages.set_translator(lambda _context, source: f"[{source}]")
    assert messages.translate(messages.CONTEXT, "no target set") == "[no target set]"


def test_an_empty_translation_keeps_the_english_template() -> None:
    messages.set_translator(lambda _context, _source: "")
    assert messages.translate(messages.CONTEXT, "no target set") == "no target set"


@pytest.mark.parametrize(("count", "expected"), [(1, "1 period"), (2, "2 periods")])
def test_plural_picks_the_form_for_the_count(count: int, expected: str) -> None:
    assert messages.plural(count, "1 period", "{count} periods").format(count=count) == expected


def test_styled_swaps_only_the_separators() -> None:
    assert styled("-1,234,567.5") == "-1,234,567.5"  # English unless told otherwise
    assert styled("-1,234,567.5", FRENCH) == f"-1{NNBSP}234{NNBSP}567,5"
    assert styled(format_percent(D("0.734")), FRENCH) == f"73,4{NNBSP}%"
    set_number_style(FRENCH)
    assert styled("1,000") == f"1{NNBSP}000"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("dd/MM/yyyy", "05/03/2024"),  # French
        ("M/d/yyyy", "3/5/2024"),  # American English
        ("yyyy-MM-dd", "2024-03-05"),
        ("d MMMM yyyy", "2024-03-05"),  # a month's name: not for a trace, ISO instead
        ("{d}.MM.yyyy", "{5}.03.2024"),  # braces are separators like any other
        (None, "2024-03-05"),
    ],
)
def test_days_in_the_pattern_set(pattern: str | None, expected: str) -> None:
    set_day_pattern(pattern)
    assert format_day(date(2024, 3, 5)) == expected


def test_in_window_language_speaks_the_process_wide_language_inside_a_scope() -> None:
    # A French partner's scope in an English window: an analyst's refusal stays English;
    # in a French window with an English partner, it is the window's French.
    def window(_context: str, source: str) -> str:
        return f"window: {source}"

    def partner(_context: str, source: str) -> str:
        return f"partner: {source}"

    with messages.speaking(partner):
        assert messages.translate("Import", "is empty") == "partner: is empty"
        with messages.in_window_language():
            assert messages.translate("Import", "is empty") == "is empty"
        assert messages.translate("Import", "is empty") == "partner: is empty"
    messages.set_translator(window)
    try:
        with messages.speaking(partner), messages.in_window_language():
            assert messages.translate("Import", "is empty") == "window: is empty"
    finally:
        messages.reset_translator()
    assert messages.translate("Import", "is empty") == "is empty"
