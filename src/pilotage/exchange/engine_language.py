"""The KPI engine's language for a report, without Qt: its translator, number style and
day pattern for "fr" or "en", to hand to `domain.messages.speaking`.

    with speaking(*engine_language("fr")):
        ...  # the engine's traces in French, "73,4 %", "1 000", "31/12/2024"

The window translates the engine's templates through Qt's compiled `pilotage_fr.qm`;
a report from the command line has no Qt, so the French templates are read from the
translation source itself, `pilotage_fr.ts` (context "Engine"), shipped as package data
beside the .qm: one file to translate, the same sentences in the window and the report.

A filled template's problems (context "Import") speak the template's language the same
way, through `import_language`: the partner reads them in the errors copy sent back.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from xml.etree.ElementTree import Element

# defusedxml ships no types (types-defusedxml may or may not be installed): its parser
# returns the standard library's elements, typed below.
from defusedxml import ElementTree  # type: ignore[import-untyped, unused-ignore]

from pilotage.domain.formatting import ENGLISH, ISO_DAY, NumberStyle, days_in, format_day
from pilotage.domain.messages import CONTEXT, Translator, english

LANGUAGES = ("fr", "en")

# As the French window writes them (gui.formats.number_style of fr_FR): the narrow
# no-break space groups thousands and keeps "%" on the line of its number ("73,4 %").
FRENCH = NumberStyle(group="\u202f", point=",", percent="\u202f%")
FRENCH_DAY = "dd/MM/yyyy"

# What lrelease leaves out of the .qm: a string no longer in the sources.
_DROPPED = frozenset({"vanished", "obsolete"})


def _translation_source(language: str) -> bytes:
    # Through the top package, not pilotage.gui.i18n: importing that one would import Qt.
    return (resources.files("pilotage") / "gui" / "i18n" / f"pilotage_{language}.ts").read_bytes()


IMPORT_CONTEXT = "Import"
"""The context of the import's sentences (a filled template's problems, in pilotage_fr.ts)."""


@cache
def engine_templates(language: str, context_name: str = CONTEXT) -> dict[str, str]:
    """The templates of `context_name` (the engine's by default) in `language` ("fr"),
    English template -> translation, as `pilotage_<language>.ts` gives them. Read once per
    language and context (defusedxml: the file is ours, but a parser that never expands
    entities costs nothing)."""
    root: Element = ElementTree.fromstring(_translation_source(language))
    templates: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != context_name:
            continue
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or message.get("numerus") == "yes":
                continue  # the engine writes no numerus forms: its plurals are two templates
            if translation.get("type") in _DROPPED or not translation.text:
                continue  # English, as the window would show it
            templates[source] = translation.text
    return templates


def _translator(language: str, contexts: tuple[str, ...] = (CONTEXT,)) -> Translator:
    by_context = {name: engine_templates(language, name) for name in contexts}

    def translate(context: str, source: str) -> str:
        templates = by_context.get(context)
        return source if templates is None else templates.get(source, source)

    return translate


@cache
def engine_language(language: str) -> tuple[Translator, NumberStyle, str]:
    """(translator, number style, day pattern) of the engine in `language`, "fr" or "en", for
    `domain.messages.speaking`. English: the templates as written, English digits and ISO
    days (as the command line writes traces). ValueError for another language."""
    if language == "en":
        return english, ENGLISH, ISO_DAY
    if language == "fr":
        return _translator("fr"), FRENCH, FRENCH_DAY
    raise ValueError(f"no engine language {language!r}: one of {', '.join(LANGUAGES)}")


@cache
def import_language(language: str) -> Translator:
    """The translator of a filled template's problems in `language` ("fr", "en"; another
    is English), the engine's sentences and the import's ("Import" context), for
    `domain.messages.speaking`. Numbers and days keep the import's own writing (the
    figures echo what the partner typed), so no number style or day pattern comes with it.

        with speaking(import_language(template.language)):
            judged = judge(...)
    """
    if language == "fr":
        return _translator("fr", (CONTEXT, IMPORT_CONTEXT))
    return english


def day_text(day: date, language: str) -> str:
    """`day` as a sentence of the report in `language` writes it: "31/12/2024" in French,
    ISO in English (a date cell keeps a real date; this is for text only)."""
    with days_in(engine_language(language)[2]):
        return format_day(day)
