"""The engine's sentences in the analyst's language, without Qt in the domain.

Every sentence the engine writes for a person is a whole template with named
placeholders, passed through `translate` before `.format(...)`:

    translate("Engine", "sum of {count} periods: {terms} = {value}").format(...)

By default `translate` returns the English template (the command line, the
tests). The GUI installs a translator at start (`set_translator`) that asks
Qt's translation files, so the French window reads French traces.

The call is spelled `translate("Engine", "…")` with both strings literal on
purpose: pyside6-lupdate recognises that call in any Python file, so
`tools/update_translations.py` extracts the templates from the domain into
`pilotage_fr.ts` like the GUI's own strings. Never concatenate translated
fragments: a language may put the words in another order.

Plurals: a count that changes the words has one template per English form
("1 period", "{count} periods"), chosen by `plural`; French agrees with
English for every count ≥ 1, which is all the engine writes.

Scopes: `set_translator` (like `formatting.set_number_style` and
`set_day_pattern`) sets the process-wide language, the window's. A report may
speak another (French from the command line, English from a French window) on
a worker thread while other workers evaluate KPIs for the window: `speaking`
sets the translator, number style and day pattern for the current thread (the
current `contextvars` context) only, and puts the previous ones back on exit.
A thread starts without a scope, in the process-wide language.

A filled template's problems speak the partner's language inside such a scope; a
refusal the analyst reads that can be raised inside it (a damaged sheet found while the
rows are read) is built in `in_window_language`, which speaks the process-wide language
(the window's; English on the command line) whatever scope is current.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pilotage.domain import formatting
from pilotage.domain.formatting import NumberStyle

Translator = Callable[[str, str], str]
"""(context, English template) -> the template in the language shown."""

CONTEXT = "Engine"
"""The translation context of every engine template (in pilotage_fr.ts too)."""


def english(_context: str, source: str) -> str:
    """The translator of the English templates: each is its own translation."""
    return source


class _Voice:
    """A translator with the answers it gave: a portfolio writes a few sentences per KPI for
    thousands of KPIs with a few dozen templates, each looked up once per translator."""

    __slots__ = ("cache", "translator")

    def __init__(self, translator: Translator | None) -> None:
        self.translator: Translator = translator if translator is not None else english
        self.cache: dict[tuple[str, str], str] = {}


_ENGLISH_VOICE = _Voice(english)
_voice = _ENGLISH_VOICE  # the process-wide one (the window's language)
# The current context's own voice, None outside `speaking`: the process-wide one then.
_scoped_voice: ContextVar[_Voice | None] = ContextVar("pilotage_engine_voice", default=None)


def set_translator(translator: Translator | None) -> None:
    """Translate the engine's templates with `translator` wherever no `speaking` scope
    chose another; None puts English back."""
    global _voice
    # A new voice, so a new cache: the old answers were another translator's.
    _voice = _Voice(translator) if translator is not None else _ENGLISH_VOICE


def reset_translator() -> None:
    """English again (undoes `set_translator`)."""
    set_translator(None)


@contextmanager
def speaking(
    translator: Translator | None,
    number_style: NumberStyle | None = None,
    day_pattern: str | None = None,
) -> Iterator[None]:
    """The engine speaks `translator`'s language, writes numbers in `number_style` and days
    in `day_pattern` inside the block, in this thread (this context) only; None is English,
    English digits, ISO days. Other threads keep theirs; the previous settings come back
    on exit, exception or not.

        with speaking(*engine_language("fr")):  # pilotage.exchange.engine_language
            evaluations = [evaluate(...) for ...]
    """
    voice_token = _scoped_voice.set(_Voice(translator))
    try:
        with formatting.numbers_in(number_style), formatting.days_in(day_pattern):
            yield
    finally:
        _scoped_voice.reset(voice_token)


def translate(context: str, source: str) -> str:
    """The template `source` in the language spoken here (English unless a translator is set
    for the process or by `speaking`)."""
    voice = _scoped_voice.get()
    if voice is None:
        voice = _voice
    if voice.translator is english:
        return source
    key = (context, source)
    found = voice.cache.get(key)
    if found is None:
        found = voice.translator(context, source) or source  # an empty answer keeps English
        voice.cache[key] = found  # a race only computes the same answer twice
    return found


def plural(count: int, one: str, many: str) -> str:
    """The already translated template for `count`: `one` for 1, else `many`."""
    return one if count == 1 else many


@contextmanager
def in_window_language() -> Iterator[None]:
    """Inside the block, `translate` speaks the window's language (the process-wide
    translator: English on the command line) whatever `speaking` scope is current.

    For a sentence the analyst reads raised while another language is spoken for someone
    else: a damaged sheet found while a French partner's template is read in its own
    language from an English window is refused in English, the window's."""
    token = _scoped_voice.set(None)
    try:
        yield
    finally:
        _scoped_voice.reset(token)
