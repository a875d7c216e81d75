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
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]
"""(context, English template) -> the template in the language shown."""

CONTEXT = "Engine"
"""The translation context of every engine template (in pilotage_fr.ts too)."""


def _english(_context: str, source: str) -> str:
    return source


_translator: Translator = _english
# A portfolio writes a few sentences per KPI for thousands of KPIs with a few dozen
# templates: each is looked up once per translator.
_cache: dict[tuple[str, str], str] = {}


def set_translator(translator: Translator | None) -> None:
    """Translate the engine's templates with `translator`; None puts English back."""
    global _translator
    _translator = translator if translator is not None else _english
    _cache.clear()


def reset_translator() -> None:
    """English again (undoes `set_translator`)."""
    set_translator(None)


def translate(context: str, source: str) -> str:
    """The template `source` in the language shown (English unless a translator is set)."""
    if _translator is _english:
        return source
    key = (context, source)
    found = _cache.get(key)
    if found is None:
        found = _translator(context, source) or source  # an empty answer keeps English
        _cache[key] = found
    return found


def plural(count: int, one: str, many: str) -> str:
    """The already translated template for `count`: `one` for 1, else `many`."""
    return one if count == 1 else many
