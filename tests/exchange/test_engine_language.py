"""The engine's language for a report, read from the shipped pilotage_fr.ts without Qt:
JobIntech's graduates (JIT-DIP, 734 of 800 by 2024-12-31) in French inside
`speaking(*engine_language("fr"))`, in English outside, and two reports in two
languages at once each keep theirs."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from decimal import Decimal

import pytest

from engine_examples import END_2024, GRADUATES, graduate_quarters
from pilotage.domain.engine import evaluate
from pilotage.domain.enums import Aggregation, Direction, Frequency, KpiStatus, Measure
from pilotage.domain.kpi_types import KpiSpec, Observation
from pilotage.domain.messages import speaking
from pilotage.exchange.engine_language import engine_language, engine_templates

D = Decimal
NNBSP = "\u202f"

QUARTERS = graduate_quarters()

# 734 / 800 = 91.75% -> 91.8% (half-even), at least 0.9 × the 100% expected by the end date.
ENGLISH_TRACE = (
    "on track: progress 91.8% ≥ 0.9 × expected 100% = 90%. Actual: sum of 3 periods: "
    "240 + 260 + 234 = 734 diplômés. Target: final target, due 2024-12-31: 800 diplômés."
)
FRENCH_TRACE = (
    f"en bonne voie : avancement 91,8{NNBSP}% ≥ 0,9 × attendu 100{NNBSP}% = 90{NNBSP}%. "
    "Réalisé : somme de 3 périodes : 240 + 260 + 234 = 734 diplômés. "
    "Cible : cible finale, échéance le 31/12/2024 : 800 diplômés."
)


def _trace() -> str:
    evaluation = evaluate(GRADUATES, QUARTERS, [], END_2024)
    assert evaluation.status is KpiStatus.ON_TRACK
    return evaluation.trace


def test_the_trace_is_french_inside_and_english_outside() -> None:
    with speaking(*engine_language("fr")):
        assert _trace() == FRENCH_TRACE
    assert _trace() == ENGLISH_TRACE
    with speaking(*engine_language("en")):
        assert _trace() == ENGLISH_TRACE


def test_thousands_and_days_in_french() -> None:
    spec = KpiSpec(
        measure=Measure.COUNT,
        direction=Direction.INCREASE,
        aggregation=Aggregation.SUM,
        frequency=Frequency.YEARLY,
        target_value=D(12000),
        target_date=END_2024,
    )
    year = [Observation(date(2024, 1, 1), END_2024, value=D("10500.5"))]
    with speaking(*engine_language("fr")):
        trace = evaluate(spec, year, [], END_2024).actual.trace
    assert f"10{NNBSP}500,5" in trace


def test_two_reports_at_once_each_keep_their_language() -> None:
    barrier = threading.Barrier(2, timeout=10)
    traces: dict[str, str] = {}
    failures: list[BaseException] = []

    def report(language: str) -> None:
        try:
            with speaking(*engine_language(language)):
                barrier.wait()  # both inside their language
                traces[language] = _trace()
                barrier.wait()  # neither left it before the other evaluated
        except BaseException as error:  # handed to the test's thread below
            failures.append(error)

    threads = [threading.Thread(target=report, args=(code,)) for code in ("fr", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert not failures, failures
    assert traces == {"fr": FRENCH_TRACE, "en": ENGLISH_TRACE}


def test_every_engine_template_of_the_ts_is_read() -> None:
    templates = engine_templates("fr")
    assert templates["sum of {count} periods: {terms} = {value}"] == (
        "somme de {count} périodes : {terms} = {value}"
    )
    assert "no measurement up to {date}" in templates
    # Only the engine's context: a window string such as the menu's "&File" is not there.
    assert "&File" not in templates
    assert engine_language("fr") is engine_language("fr")  # read once


def test_another_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        engine_language("de")


def test_the_engine_language_needs_no_qt() -> None:
    """The command line writes a French report without Qt: reading the templates imports none."""
    code = (
        "import sys\n"
        "from pilotage.exchange.engine_language import engine_templates\n"
        "assert engine_templates('fr')\n"
        "print(sorted(name for name in sys.modules if name.startswith(('PySide6', 'shiboken'))))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
