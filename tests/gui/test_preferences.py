"""Edit > Preferences: the language (at the next start) and the analyst's name in the
audit log (at once), saved in the settings; unreadable values give the defaults."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import DEMO_END
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from pilotage.db.database import Database
from pilotage.gui.app import install_language
from pilotage.gui.dialogs.preferences_dialog import PreferencesDialog
from pilotage.gui.i18n import remove_translators
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QByteArray, QDialogButtonBox, QKeySequence, QLocale, Qt
from pilotage.gui.settings import Settings
from pilotage.services.identity import current_user, set_user_name, system_user


@pytest.fixture(autouse=True)
def _os_user_again() -> Iterator[None]:
    """A name saved in a test must not sign the next test's changes."""
    yield
    set_user_name(None)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    return isolated_settings(tmp_path, monkeypatch)


@pytest.fixture
def remembering_window(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[MainWindow]:
    win = MainWindow(demo_db, as_of=DEMO_END, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.model.rowCount() > 0 and not win.is_busy())
    yield win
    win.close()


def _open(window: MainWindow, qtbot: QtBot) -> PreferencesDialog:
    window.edit_menu.aboutToShow.emit()
    window.preferences_action.trigger()
    dialog = window.preferences_action.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_preferences_sit_in_the_edit_menu(remembering_window: MainWindow) -> None:
    action = remembering_window.preferences_action
    assert action in remembering_window.edit_menu.actions()
    assert action.isEnabled()
    assert not action.icon().isNull()
    assert action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)


def test_a_window_that_remembers_nothing_offers_no_preferences(window: MainWindow) -> None:
    assert not window.preferences_action.isEnabled()
    assert window.preferences_action.open_dialog() is None


def test_choose_french_and_a_name(
    remembering_window: MainWindow, settings: Settings, qtbot: QtBot
) -> None:
    dialog = _open(remembering_window, qtbot)
    assert dialog.chosen_language() == "system"
    assert not dialog.language_note.isVisible()
    assert dialog.user_name.text() == ""
    assert dialog.user_name.placeholderText() == system_user()

    dialog.language.setFocus()
    qtbot.keyClicks(dialog.language, "Fr")  # a combo box jumps to what is typed
    assert dialog.chosen_language() == "fr"
    assert dialog.language_note.isVisible()  # it says: at the next start
    qtbot.keyClicks(dialog.user_name, "Salma Benali")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert not dialog.isVisible()
    assert settings.language() == "fr"
    assert settings.user_name() == "Salma Benali"
    assert current_user() == "Salma Benali"  # the next change is signed with it
    # The window keeps its language until the next start.
    titles = [a.text().replace("&", "") for a in remembering_window.menuBar().actions()]
    assert "File" in titles


def test_cancel_changes_nothing(
    remembering_window: MainWindow, settings: Settings, qtbot: QtBot
) -> None:
    dialog = _open(remembering_window, qtbot)
    qtbot.keyClicks(dialog.language, "E")
    qtbot.keyClicks(dialog.user_name, "Someone")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert settings.language() == "system"
    assert settings.user_name() is None
    assert current_user() == system_user()


def test_clearing_the_name_gives_the_os_user_back(
    remembering_window: MainWindow, settings: Settings, qtbot: QtBot
) -> None:
    settings.set_user_name("Old Name")
    dialog = _open(remembering_window, qtbot)
    assert dialog.user_name.text() == "Old Name"
    dialog.user_name.clear()
    qtbot.keyClick(dialog.user_name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert settings.user_name() is None
    assert current_user() == system_user()


def test_the_saved_name_signs_changes_from_the_next_start(
    qtbot: QtBot, demo_db: Database, settings: Settings
) -> None:
    settings.set_user_name("  Karim Alaoui  ")
    win = MainWindow(demo_db, as_of=DEMO_END, settings=settings)
    qtbot.addWidget(win)
    assert current_user() == "Karim Alaoui"
    win.close()


def test_the_language_saved_is_the_one_the_next_start_speaks(
    qtbot: QtBot, demo_db: Database, settings: Settings
) -> None:
    settings.set_language("fr")
    translators = install_language(settings)
    try:
        win = MainWindow(demo_db, as_of=DEMO_END, settings=settings)
        qtbot.addWidget(win)
        assert QLocale().language() == QLocale.Language.French  # numbers and dates too
        dialog = _open(win, qtbot)
        assert dialog.chosen_language() == "fr"
        assert not dialog.language_note.isVisible()  # nothing waits for a restart
        dialog.reject()
        win.close()
    finally:
        remove_translators(translators)


@pytest.mark.parametrize(
    ("language", "name"),
    [("klingon", 42), (QByteArray(b"\x00\xff"), QByteArray(b"\x00")), ("", ["a", "b"])],
)
def test_unreadable_preferences_give_the_defaults(
    qtbot: QtBot,
    demo_db: Database,
    settings: Settings,
    language: object,
    name: object,
) -> None:
    settings.store.setValue("view/language", language)
    settings.store.setValue("audit/userName", name)
    settings.sync()
    assert settings.language() == "system"
    assert settings.user_name() is None
    translators = install_language(settings)
    try:
        assert QLocale().name() == QLocale.system().name()
        win = MainWindow(demo_db, as_of=DEMO_END, settings=settings)
        qtbot.addWidget(win)
        dialog = _open(win, qtbot)
        assert dialog.chosen_language() == "system"
        assert dialog.user_name.text() == ""
        dialog.reject()
        win.close()
    finally:
        remove_translators(translators)
    assert current_user() == system_user()


def test_a_long_name_is_cut_to_what_the_audit_log_holds(settings: Settings) -> None:
    settings.set_user_name("x" * 500)
    assert settings.user_name() == "x" * 120
