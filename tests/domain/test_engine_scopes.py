"""`messages.speaking` gives the current thread its own engine language (translator, number
style, day pattern) over the process-wide one, restores it on exit, and never leaks into
another thread: a report in French is written beside workers evaluating for an English
window."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from decimal import Decimal

import pytest

from engine_examples import END_2024, GRADUATES, graduate_quarters
from pilotage.domain import messages
from pilotage.domain.engine import evaluate
from pilotage.domain.formatting import (
    ENGLISH,
    NumberStyle,
    day_pattern,
    format_day,
    number_style,
    set_day_pattern,
    set_number_style,
    styled,
)
from pilotage.domain.messages import speaking

D = Decimal
NNBSP = "\u202f"
FRENCH = NumberStyle(group=NNBSP, point=",", percent=f"{NNBSP}%")
NO_TARGET = "no target set"


def _upper(_context: str, source: str) -> str:
    return source.upper()


def _bracketed(_context: str, source: str) -> str:
    return f"[{source}]"


# One template in a made-up language, the others stay English (each its own translation).
TEST_LANGUAGE = {
    "sum of {count} periods: {terms} = {value}": "{value} = {terms} ({count} PÉRIODES)",
}


def _test_language(_context: str, source: str) -> str:
    return TEST_LANGUAGE.get(source, source)


def _words() -> str:
    return messages.translate(messages.CONTEXT, NO_TARGET)


def test_a_scope_speaks_its_language_and_gives_the_previous_one_back() -> None:
    with speaking(_upper, FRENCH, "dd/MM/yyyy"):
        assert _words() == "NO TARGET SET"
        assert styled("1,234.5") == f"1{NNBSP}234,5"
        assert format_day(date(2024, 3, 5)) == "05/03/2024"
    assert _words() == NO_TARGET
    assert styled("1,234.5") == "1,234.5"
    assert format_day(date(2024, 3, 5)) == "2024-03-05"


def test_a_scope_wins_over_the_window_and_leaves_the_window_as_it_was() -> None:
    messages.set_translator(_bracketed)
    set_number_style(FRENCH)
    set_day_pattern("dd/MM/yyyy")
    with speaking(None):  # a report in English from a French window
        assert _words() == NO_TARGET
        assert number_style() == ENGLISH
        assert format_day(END_2024) == "2024-12-31"
        messages.set_translator(_upper)  # the window changes language meanwhile
        assert _words() == NO_TARGET
    assert _words() == "NO TARGET SET"
    assert number_style() == FRENCH
    assert day_pattern() == "dd/MM/yyyy"


def _fail_inside(scope: AbstractContextManager[None], seen: list[str]) -> None:
    with scope:
        seen.extend([_words(), format_day(date(2024, 3, 5))])
        raise RuntimeError("the report failed")


def test_scopes_nest_and_an_exception_still_restores() -> None:
    with speaking(_upper, FRENCH, "dd/MM/yyyy"):
        seen: list[str] = []
        with pytest.raises(RuntimeError, match="failed"):
            _fail_inside(speaking(_bracketed, None, "M/d/yyyy"), seen)
        assert seen == ["[no target set]", "3/5/2024"]
        assert _words() == "NO TARGET SET"
        assert number_style() == FRENCH
        assert format_day(date(2024, 3, 5)) == "05/03/2024"
    assert _words() == NO_TARGET


def test_an_unusable_day_pattern_in_a_scope_is_iso() -> None:
    with speaking(None, None, "d MMMM yyyy"):
        assert format_day(date(2024, 3, 5)) == "2024-03-05"


def test_each_scope_asks_its_own_translator() -> None:
    """The answers a translator gave are not another's (each voice has its own cache)."""
    with speaking(_upper):
        assert _words() == "NO TARGET SET"
    with speaking(_bracketed):
        assert _words() == "[no target set]"


QUARTERS = graduate_quarters(1234)


def _in_threads(*bodies: Callable[[threading.Barrier], str]) -> list[str]:
    """Run each body in a thread of its own, all at once; their answers in order."""
    barrier = threading.Barrier(len(bodies), timeout=10)
    answers: list[str] = ["" for _ in bodies]
    failures: list[BaseException] = []

    def run(index: int) -> None:
        try:
            answers[index] = bodies[index](barrier)
        except BaseException as error:  # handed to the test's thread below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert not failures, failures
    return answers


def test_two_threads_at_once_each_keep_their_language() -> None:
    def scoped(barrier: threading.Barrier) -> str:
        with speaking(_test_language, FRENCH, "dd/MM/yyyy"):
            barrier.wait()  # both threads are inside their settings now
            trace = evaluate(GRADUATES, QUARTERS, [], END_2024).trace
            barrier.wait()  # neither has left them before the other evaluated
            return trace

    def unscoped(barrier: threading.Barrier) -> str:
        barrier.wait()
        trace = evaluate(GRADUATES, QUARTERS, [], END_2024).trace
        barrier.wait()
        return trace

    french, english = _in_threads(scoped, unscoped)
    # 240 + 260 + 1,234 = 1,734 of 800: 216.75% -> 216.8% (half-even).
    assert english == (
        "achieved: progress 216.8% ≥ 100%. Actual: sum of 3 periods: 240 + 260 + 1,234 = "
        "1,734 diplômés. Target: final target, due 2024-12-31: 800 diplômés."
    )
    assert french == (
        f"achieved: progress 216,8{NNBSP}% ≥ 100%. Actual: 1{NNBSP}734 diplômés = "
        f"240 + 260 + 1{NNBSP}234 (3 PÉRIODES). Target: final target, due 31/12/2024: "
        "800 diplômés."
    )


def test_a_thread_started_inside_a_scope_speaks_the_process_language() -> None:
    """Python threads start in an empty context: the scope is this thread's only."""
    with speaking(_upper, FRENCH, "dd/MM/yyyy"):
        (inner,) = _in_threads(lambda _barrier: _words() + " " + format_day(END_2024))
        assert _words() == "NO TARGET SET"
    assert inner == "no target set 2024-12-31"
