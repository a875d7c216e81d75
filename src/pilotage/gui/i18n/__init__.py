"""The interface language: Pilotage's own translations and Qt's, installed at start.

Source strings are English; `pilotage_fr.qm` (compiled from `pilotage_fr.ts` by
`tools/update_translations.py`) holds the French. The language setting is "fr",
"en" or "system" (French when the system locale is French, English otherwise).
A missing or unreadable translation file leaves the interface in English.

Numbers and dates follow the language chosen too (`apply_locale`): French
writes 30 000 000,00 and 31/12/2024 whatever the system's locale is.

The KPI engine writes its traces without Qt (`domain.messages`,
`domain.formatting`): `install_translators` hands it Qt's translation of its
templates (context "Engine") and `apply_locale` the locale's separators and date
pattern, so a French window reads its traces in French, with French digits.
The same hook translates every context the services and exchange mark with
`translate(...)`: the import's refusals and problems (context "Import": a file that is
not a workbook, a file changed since its preview, an import in conflict, a program
workbook's problems) are the analyst's and read in the window's language. A filled
template's cell problems speak the template's language instead (`speaking`, see
exchange/engine_language.py); the command line installs no translator: English.
"""

from __future__ import annotations

import logging
from importlib import resources

from pilotage.domain.formatting import set_day_pattern, set_number_style
from pilotage.domain.messages import reset_translator, set_translator
from pilotage.gui.formats import date_format, number_style
from pilotage.gui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("system", "en", "fr")
DEFAULT_LANGUAGE = "system"
TRANSLATED = ("fr",)  # languages with a pilotage_<code>.qm

_applied: str | None = None  # the setting `apply_locale` was given at start
_LOADED: dict[QTranslator, bytes] = {}  # each translator loaded from bytes, with its bytes


def resolve_language(setting: str | None, system: QLocale | None = None) -> str:
    """The language to show for `setting`: "fr" or "en" ("system" and garbage follow the
    system locale: French when it is French)."""
    if setting in TRANSLATED or setting == "en":
        return setting
    locale = system if system is not None else QLocale.system()
    return "fr" if locale.language() == QLocale.Language.French else "en"


# The locale that writes numbers and dates for a language chosen by name.
_FORMAT_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
}


def apply_locale(setting: str | None) -> QLocale:
    """Make numbers and dates follow the language `setting` ("fr", "en"); "system",
    None or garbage keep the system's locale. Returns the locale now the default.

    Set before any window is built: date edits read their pattern when created.
    """
    global _applied
    chosen = _FORMAT_LOCALES.get(setting) if isinstance(setting, str) else None
    locale = QLocale(*chosen) if chosen is not None else QLocale.system()
    QLocale.setDefault(locale)
    # The engine's traces write numbers and days as the rest of the window does.
    set_number_style(number_style(locale))
    set_day_pattern(date_format())
    _applied = setting if isinstance(setting, str) and setting in LANGUAGES else "system"
    return locale


def applied_language() -> str | None:
    """The language setting this run started with ("system", "en", "fr"), None when
    `apply_locale` has not run: the preferences tell a change from it."""
    return _applied


def reset_locale() -> None:
    """Numbers and dates in the system's locale again (undoes `apply_locale`)."""
    global _applied
    QLocale.setDefault(QLocale.system())
    set_number_style(None)
    set_day_pattern(None)
    _applied = None


def _load_own(language: str) -> QTranslator | None:
    translator = QTranslator()
    try:
        data = (resources.files(__package__) / f"pilotage_{language}.qm").read_bytes()
    except (OSError, ModuleNotFoundError):
        log.warning("no translation file for %s: the interface stays in English", language)
        return None
    if not translator.load(data):
        log.warning("unreadable translation file for %s: the interface stays in English", language)
        return None
    translator.setObjectName(f"pilotage_{language}")
    # Qt reads the data in place without copying it: it must live as long as the translator.
    _LOADED[translator] = data
    return translator


def _load_qt(language: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{language}", folder):
        log.info("no Qt translations for %s in %s", language, folder)
        return None
    translator.setObjectName(f"qtbase_{language}")
    return translator


def install_translators(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Install the translators for `language` ("fr", "en"; resolve "system" first) on the
    application; returns them for `remove_translators`. English installs none."""
    app = app or QCoreApplication.instance()
    if app is None or language not in TRANSLATED:
        return []
    installed: list[QTranslator] = []
    for loader in (_load_qt, _load_own):
        try:
            translator = loader(language)
        except Exception:  # a broken file must never stop the application
            log.warning("could not load translations for %s", language, exc_info=True)
            translator = None
        if translator is not None and app.installTranslator(translator):
            installed.append(translator)
    if installed:
        set_translator(_qt_engine_translator)
    return installed


def _qt_engine_translator(context: str, source: str) -> str:
    """The engine's and the import's templates (any context) through the installed
    translators. Thread-safe: workers evaluate KPIs and read workbooks, and
    `QCoreApplication.translate` may be called from any thread."""
    return QCoreApplication.translate(context, source)


def remove_translators(translators: list[QTranslator], app: QCoreApplication | None = None) -> None:
    """Undo `install_translators`."""
    reset_translator()  # the engine speaks English again, as it did before
    app = app or QCoreApplication.instance()
    if app is None:
        return
    for translator in translators:
        app.removeTranslator(translator)
        _LOADED.pop(translator, None)
