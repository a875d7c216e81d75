"""French and English: the translation file is complete and the window speaks the language
chosen in the settings; the translators are removed after each test."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from gui_support import click_node
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings, window_speaking

import pilotage.domain
from pilotage.db.database import Database
from pilotage.domain.enums import KpiStatus
from pilotage.gui.i18n import install_translators, remove_translators, resolve_language
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QApplication, QLocale
from pilotage.gui.status import status_label

TS = Path(str(resources.files("pilotage.gui.i18n") / "pilotage_fr.ts"))
DOMAIN = Path(pilotage.domain.__file__).parent
TOOL = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"
NNBSP = "\u202f"  # French sets "%" apart, and groups thousands, with a narrow no-break space
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[A-Za-z_][A-Za-z0-9_]*\}")


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


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_the_window_speaks_french_when_the_setting_says_fr(
    french_window: MainWindow, qtbot: QtBot
) -> None:
    titles = _menu_titles(french_window)
    assert "Fichier" in titles
    assert "Édition" in titles
    assert status_label(KpiStatus.ON_TRACK) == "En bonne voie"
    with qtbot.waitSignal(french_window.kpi_page.loaded):
        click_node(qtbot, french_window.tree, "JIT-INS")
    assert french_window.kpi_page.header.badge.text() == "En bonne voie"
    assert french_window.kpi_page.header.kicker.text().startswith("Indicateur · ")


def test_the_window_speaks_english_when_the_setting_says_en(
    english_window: MainWindow, qtbot: QtBot
) -> None:
    titles = _menu_titles(english_window)
    assert "File" in titles
    assert "Edit" in titles
    with qtbot.waitSignal(english_window.kpi_page.loaded):
        click_node(qtbot, english_window.tree, "JIT-INS")
    assert english_window.kpi_page.header.badge.text() == "On track"


def test_the_translators_are_gone_after_a_french_test() -> None:
    assert status_label(KpiStatus.ON_TRACK) == "On track"


def test_qt_standard_buttons_are_french_too(qapp: QApplication) -> None:
    translators = install_translators("fr", qapp)
    try:
        names = {translator.objectName() for translator in translators}
        assert "pilotage_fr" in names
        if "qtbase_fr" in names:  # Qt's own translations ship with the wheel
            assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        remove_translators(translators, qapp)
    assert status_label(KpiStatus.ON_TRACK) == "On track"


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("fr", QLocale.Language.English, "fr"),
        ("en", QLocale.Language.French, "en"),
        ("system", QLocale.Language.French, "fr"),
        ("system", QLocale.Language.English, "en"),
        ("system", QLocale.Language.Arabic, "en"),
        ("garbage", QLocale.Language.French, "fr"),
        (None, QLocale.Language.German, "en"),
    ],
)
def test_the_language_follows_the_setting_then_the_system(
    setting: str | None, system: QLocale.Language, expected: str
) -> None:
    assert resolve_language(setting, QLocale(system)) == expected


def test_the_language_setting_defaults_to_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    assert settings.language() == "system"
    settings.store.setValue("view/language", "klingon")
    assert settings.language() == "system"
    settings.set_language("fr")
    assert settings.language() == "fr"
    with pytest.raises(ValueError, match="unknown language"):
        settings.set_language("de")


def test_a_missing_or_broken_translation_file_leaves_english(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pilotage.gui.i18n as i18n

    broken = tmp_path / "pilotage_fr.qm"
    broken.write_bytes(b"not a qm file")
    monkeypatch.setattr(i18n.resources, "files", lambda _package: tmp_path)
    translators = install_translators("fr", qapp)
    try:
        assert all(t.objectName() != "pilotage_fr" for t in translators)
        assert status_label(KpiStatus.ON_TRACK) == "On track"
    finally:
        remove_translators(translators, qapp)
    broken.unlink()
    translators = install_translators("fr", qapp)
    try:
        assert all(t.objectName() != "pilotage_fr" for t in translators)
    finally:
        remove_translators(translators, qapp)


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


def test_every_source_string_has_a_french_translation() -> None:
    messages = _messages()
    assert len(messages) > 200
    for message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") not in {"unfinished", "obsolete", "vanished"}, source
        forms = [form.text or "" for form in translation.iter("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        assert all(text.strip() for text in texts), source


def test_placeholders_match_between_source_and_translation() -> None:
    for message in _messages():
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.iter("numerusform")]
        else:
            texts = [translation.text or ""]
        for text in texts:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                source,
                text,
            )


def test_the_compiled_file_ships_beside_the_source() -> None:
    qm = TS.with_suffix(".qm")
    assert qm.is_file()
    assert qm.stat().st_size > 1000


# --- the engine's sentences ---------------------------------------------------------


def _engine_templates() -> dict[str, set[Path]]:
    """Every template the domain passes to its `translate(...)`, with the files holding it;
    a call whose context or template is not a literal fails (lupdate could not see it)."""
    found: dict[str, set[Path]] = {}
    for path in sorted(DOMAIN.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "translate"
            ):
                continue
            context, template = (getattr(arg, "value", None) for arg in node.args)
            assert context == "Engine", (path.name, node.lineno)
            assert isinstance(template, str), (path.name, node.lineno)
            found.setdefault(template, set()).add(path)
    return found


def _french_engine_messages() -> dict[str, ET.Element]:
    root = ET.parse(TS).getroot()
    return {
        message.findtext("source") or "": message
        for context in root.iter("context")
        if context.findtext("name") == "Engine"
        for message in context.iter("message")
    }


def test_every_engine_sentence_has_a_french_translation_with_its_placeholders() -> None:
    templates = _engine_templates()
    assert len(templates) > 40  # actual, target, progress, status, roll-up, yes/no
    french = _french_engine_messages()
    assert set(french) == set(templates)  # none missing, none left over
    for template, message in french.items():
        translation = message.find("translation")
        assert translation is not None, template
        assert translation.get("type") is None, template
        text = translation.text or ""
        assert text.strip(), template
        assert sorted(set(PLACEHOLDER.findall(text))) == sorted(
            set(PLACEHOLDER.findall(template))
        ), (template, text)


def test_the_translation_tool_scans_every_domain_file_with_sentences() -> None:
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    holding = {path for paths in _engine_templates().values() for path in paths}
    assert {path.name for path in tool.domain_sources()} == {path.name for path in holding}


def test_the_french_window_explains_a_status_in_french(
    french_window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(french_window.kpi_page.loaded):
        click_node(qtbot, french_window.tree, "JIT-DIP")
    page = french_window.kpi_page
    assert page.trace.text() == (
        f"en bonne voie : avancement 91,8{NNBSP}% ≥ 0,9 × attendu 100{NNBSP}% = 90{NNBSP}%. "
        "Réalisé : somme de 3 périodes : 240 + 260 + 234 = 734 diplômés. "
        "Cible : cible finale, échéance le 31/12/2024 : 800 diplômés."
    )
    assert page.actual.toolTip() == "somme de 3 périodes : 240 + 260 + 234 = 734 diplômés"


def test_the_english_window_explains_it_in_english(
    english_window: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(english_window.kpi_page.loaded):
        click_node(qtbot, english_window.tree, "JIT-DIP")
    assert english_window.kpi_page.trace.text() == (
        "on track: progress 91.8% ≥ 0.9 × expected 100% = 90%. "
        "Actual: sum of 3 periods: 240 + 260 + 234 = 734 diplômés. "
        "Target: final target, due 12/31/2024: 800 diplômés."
    )


def test_the_engine_speaks_english_again_after_a_french_window() -> None:
    from pilotage.domain.engine import roll_up

    assert roll_up([]).trace == "no KPI has a progress value"


# --- the import's sentences (a filled template's problems) ----------------------------


# The contexts services, exchange and db mark sentences with: the import's, the refusals of
# a save that lost a race with another analyst (services/conflicts.py), and the database's
# (a file held by another instance, a text longer than its column).
SERVICE_CONTEXTS = ("Import", "Conflicts", "Database")


def _import_templates(wanted: str = "Import") -> dict[str, set[Path]]:
    """Every template services and exchange pass to `translate(wanted, …)`, with the files
    holding it; a call whose template is not a literal fails (lupdate could not see it)."""
    source = DOMAIN.parent
    found: dict[str, set[Path]] = {}
    for path in sorted(
        path
        for layer in ("services", "exchange", "db")
        for path in source.joinpath(layer).rglob("*.py")
    ):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "translate"
                and node.args
            ):
                continue
            context = getattr(node.args[0], "value", None)
            if path.name == "engine_language.py" and context is None:
                continue  # the translator's own definition and calls
            template = getattr(node.args[1], "value", None) if len(node.args) > 1 else None
            assert context in SERVICE_CONTEXTS, (path.name, node.lineno)
            assert isinstance(template, str), (path.name, node.lineno)
            if context == wanted:
                found.setdefault(template, set()).add(path)
    return found


@pytest.mark.parametrize(
    ("wanted", "at_least"), [("Import", 60), ("Conflicts", 4), ("Database", 4)]
)
def test_every_service_sentence_has_a_french_translation_scanned_by_the_tool(
    wanted: str, at_least: int
) -> None:
    templates = _import_templates(wanted)
    assert len(templates) > at_least  # e.g. the reader's, the judge's, the copy's
    root = ET.parse(TS).getroot()
    french = {
        message.findtext("source") or "": message
        for context in root.iter("context")
        if context.findtext("name") == wanted
        for message in context.iter("message")
    }
    assert set(templates) <= set(french)  # none missing
    if wanted != "Conflicts":  # the window's gui/conflicts.py speaks in that context too
        assert set(french) == set(templates)  # none left over
    for template, message in french.items():
        translation = message.find("translation")
        assert translation is not None, template
        assert translation.get("type") is None, template
        assert (translation.text or "").strip(), template
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    holding = {
        path.name
        for context in SERVICE_CONTEXTS
        for paths in _import_templates(context).values()
        for path in paths
    }
    assert {path.name for path in tool.import_sources()} == holding
