"""File > Connect to server…: the dialog driven as a person would, one sentence per failure,
the password kept out of the settings and asked for again when a server is reopened."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import DEMO_END
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings
from shiboken6 import isValid
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import sessionmaker

from pilotage.db.database import Database
from pilotage.db.server import ServerError, ServerProblem
from pilotage.gui import window_files
from pilotage.gui.dialogs.server_dialog import PasswordPrompt, ServerDialog, forget_passwords
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QDialog, QDialogButtonBox, QLineEdit, Qt
from pilotage.gui.settings import Settings

SERVER = "postgresql+psycopg://amina@db.example.org:5433/pilotage"


@pytest.fixture(autouse=True)
def _no_password_kept() -> Iterator[None]:
    forget_passwords()
    yield
    forget_passwords()


class _Spy(Database):
    closed = False

    def close(self) -> None:
        self.closed = True


def spy_database(url: URL) -> _Spy:
    engine = create_engine("sqlite://")
    return _Spy(url=url, engine=engine, sessions=sessionmaker(engine))


def refusing(problem: ServerProblem, detail: str = "") -> Callable[[URL], Database]:
    def connect(url: URL) -> Database:
        raise ServerError(problem, url, detail)

    return connect


def fill(qtbot: QtBot, dialog: ServerDialog, *, port: int = 5433, password: str = "") -> None:
    """Type the team's server in, field by field (over what a field held: selected first)."""
    for field, text in (
        (dialog.host, "db.example.org"),
        (dialog.port.lineEdit(), str(port)),
        (dialog.database_name, "pilotage"),
        (dialog.user, "amina"),
        (dialog.password, password),
    ):
        field.selectAll()
        qtbot.keyClicks(field, text)


def shown_dialog(qtbot: QtBot, connect: Callable[[URL], Database] | None = None) -> ServerDialog:
    dialog = ServerDialog(connect=connect)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_connect(qtbot: QtBot, dialog: ServerDialog) -> None:
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)


def test_the_fields_typed_make_the_url(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot, refusing(ServerProblem.OTHER))
    assert dialog.port.value() == 5432
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.connect_button.isEnabled()  # no database named yet
    fill(qtbot, dialog, password="s3cret")
    assert dialog.connect_button.isEnabled()
    url = dialog.url()
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "db.example.org",
        5433,
        "pilotage",
        "amina",
        "s3cret",
    )
    assert "~/.pgpass" in dialog.help.text()
    assert "PGPASSWORD" in dialog.help.text()


def test_a_server_that_does_not_answer_is_one_sentence(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot)  # the real connection: nothing listens on port 1
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.lineEdit().selectAll()
    qtbot.keyClicks(dialog.port, "1")
    qtbot.keyClicks(dialog.database_name, "pilotage")
    click_connect(qtbot, dialog)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text() == (
        "No PostgreSQL server answers at 127.0.0.1, port 1: check the host and the port, "
        "and that the server is running."
    )
    assert dialog.isVisible()
    assert dialog.host.isEnabled()
    assert not dialog.busy.isVisible()
    assert dialog.database is None


def test_a_refused_password_is_said_and_the_password_field_is_ready(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot, refusing(ServerProblem.PASSWORD_REFUSED))
    fill(qtbot, dialog, password="wrong")
    click_connect(qtbot, dialog)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text() == (
        "The server refused amina with this password: check the user name and the password."
    )
    assert dialog.focusWidget() is dialog.password
    assert dialog.password.selectedText() == "wrong"  # typing replaces it


def test_a_database_not_prepared_names_the_command_without_the_password(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot, refusing(ServerProblem.NOT_PREPARED))
    fill(qtbot, dialog, password="s3cret")
    click_connect(qtbot, dialog)
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text() == (
        "The database pilotage is not prepared for this version of Pilotage: whoever runs the "
        f"server runs `pilotage db upgrade --db {SERVER}` once."
    )


def test_cancel_while_connecting_stays_and_closes_what_arrives_late(qtbot: QtBot) -> None:
    release = threading.Event()
    late: list[_Spy] = []

    def slow(url: URL) -> Database:
        release.wait(10)
        late.append(spy_database(url))
        return late[-1]

    dialog = shown_dialog(qtbot, slow)
    connected: list[object] = []
    dialog.connected.connect(connected.append)
    fill(qtbot, dialog)
    click_connect(qtbot, dialog)
    assert dialog.busy.isVisible()
    assert not dialog.host.isEnabled()
    assert not dialog.connect_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the first Cancel gives up the attempt only
    assert not dialog.busy.isVisible()
    assert dialog.host.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: bool(late) and late[0].closed)
    assert connected == []
    assert dialog.database is None
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_connection_arriving_after_the_dialog_is_gone_is_closed(qtbot: QtBot) -> None:
    release = threading.Event()
    late: list[_Spy] = []

    def slow(url: URL) -> Database:
        release.wait(10)
        late.append(spy_database(url))
        return late[-1]

    dialog = ServerDialog(connect=slow)  # deleted by the test itself, not by qtbot
    dialog.show()
    fill(qtbot, dialog)
    click_connect(qtbot, dialog)
    dialog.reject()  # as Escape does: the attempt is given up with the dialog
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not isValid(dialog))
    release.set()
    qtbot.waitUntil(lambda: bool(late) and late[0].closed)


# --- on the test run's server ----------------------------------------------------------


def fill_from(qtbot: QtBot, dialog: ServerDialog, url: URL, database: str) -> None:
    qtbot.keyClicks(dialog.host, url.host or "localhost")
    if url.port:
        dialog.port.lineEdit().selectAll()
        qtbot.keyClicks(dialog.port, str(url.port))
    qtbot.keyClicks(dialog.database_name, database)
    qtbot.keyClicks(dialog.user, url.username or "")
    qtbot.keyClicks(dialog.password, str(url.password or ""))


@pytest.mark.postgresql_only
def test_connects_to_the_server(qtbot: QtBot, db: Database) -> None:
    dialog = shown_dialog(qtbot)
    fill_from(qtbot, dialog, db.url, str(db.url.database))
    with qtbot.waitSignal(dialog.connected, timeout=20_000) as connected:
        click_connect(qtbot, dialog)
    opened = connected.args[0] if connected.args else None
    assert isinstance(opened, Database)
    try:
        assert opened.url.database == db.url.database
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert not dialog.problem.isVisible()
    finally:
        opened.close()


@pytest.mark.postgresql_only
def test_an_unknown_database_on_the_server(qtbot: QtBot, db: Database) -> None:
    dialog = shown_dialog(qtbot)
    fill_from(qtbot, dialog, db.url, "pilotage_no_such_database")
    click_connect(qtbot, dialog)
    qtbot.waitUntil(dialog.problem.isVisible, timeout=20_000)
    host = db.url.host or "localhost"
    assert dialog.problem.text() == (
        f"The server {host} has no database named pilotage_no_such_database: check its name."
    )


# --- from the main window ------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    return isolated_settings(tmp_path, monkeypatch)


@pytest.fixture
def win(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[MainWindow]:
    window = MainWindow(demo_db, as_of=DEMO_END, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.is_busy())
    yield window
    window.close()


def posing_as_server(db: Database, url: URL) -> Database:
    """The test's database under a server's URL (its engine shared): the window reads it as
    it would the server's."""
    return Database(url=url, engine=db.engine, sessions=db.sessions)


def settings_text(settings: Settings) -> str:
    settings.sync()
    return Path(settings.store.fileName()).read_text(encoding="utf-8")


def test_the_settings_never_hold_a_password(settings: Settings) -> None:
    settings.add_recent_database("postgresql+psycopg://amina:s3cret@db.example.org:5433/pilotage")
    settings.set_last_database("postgresql+psycopg://amina:s3cret@db.example.org:5433/pilotage")
    assert settings.recent_databases() == [SERVER]
    assert settings.last_database() == SERVER
    assert "s3cret" not in settings_text(settings)
    assert SERVER in settings_text(settings)


def test_connect_to_server_from_the_file_menu(
    qtbot: QtBot,
    win: MainWindow,
    demo_db: Database,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[URL] = []

    def connect(url: URL) -> Database:
        tried.append(url)
        return posing_as_server(demo_db, url)

    monkeypatch.setattr("pilotage.gui.dialogs.server_dialog.connect_server", connect)
    win.server_action.trigger()
    dialog = getattr(win, "server_dialog", None)
    assert isinstance(dialog, ServerDialog)
    qtbot.waitUntil(dialog.isVisible)
    fill(qtbot, dialog, password="s3cret")
    with qtbot.waitSignal(win.tree_loaded):
        click_connect(qtbot, dialog)
    assert [url.password for url in tried] == ["s3cret"]
    assert win.windowTitle() == "pilotage@db.example.org — Pilotage"
    assert settings.recent_databases()[0] == SERVER
    assert settings.last_database() == SERVER
    assert "s3cret" not in settings_text(settings)


def prompt_of(qtbot: QtBot, win: MainWindow, before: object = None) -> PasswordPrompt:
    def shown() -> PasswordPrompt | None:
        prompt = getattr(win, "password_prompt", None)
        visible = isinstance(prompt, PasswordPrompt) and prompt.isVisible()
        return prompt if visible and prompt is not before else None

    qtbot.waitUntil(lambda: shown() is not None)
    prompt = shown()
    assert isinstance(prompt, PasswordPrompt)
    return prompt


def answer(qtbot: QtBot, prompt: PasswordPrompt, password: str) -> None:
    qtbot.keyClicks(prompt.password, password)
    ok = prompt.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_reopening_a_server_asks_for_its_password(
    qtbot: QtBot,
    win: MainWindow,
    demo_db: Database,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[str | None] = []

    def connect(url: URL) -> Database:
        tried.append(url.password)
        if url.password is None:
            raise ServerError(ServerProblem.PASSWORD_NEEDED, url, "no password supplied")
        if url.password != "s3cret":
            raise ServerError(ServerProblem.PASSWORD_REFUSED, url, "authentication failed")
        return posing_as_server(demo_db, url)

    monkeypatch.setattr(window_files, "connect_server", connect)
    settings.add_recent_database(SERVER)
    win.recent_menu.aboutToShow.emit()  # what opening the menu does
    action = win.recent_menu.actions()[0]
    assert action.text() == SERVER
    action.trigger()

    prompt = prompt_of(qtbot, win)
    assert prompt.label.text() == "The password of amina on pilotage@db.example.org:"
    assert not prompt.problem.isVisible()
    answer(qtbot, prompt, "wrong")
    again = prompt_of(qtbot, win, prompt)
    assert again.problem.isVisible()
    assert "refused amina" in again.problem.text()
    with qtbot.waitSignal(win.tree_loaded):
        answer(qtbot, again, "s3cret")
    assert tried == [None, "wrong", "s3cret"]
    assert win.windowTitle() == "pilotage@db.example.org — Pilotage"
    assert "s3cret" not in settings_text(settings)

    # Reopened in the same session: the password typed is used, no prompt.
    win.recent_menu.aboutToShow.emit()
    with qtbot.waitSignal(win.tree_loaded):
        win.recent_menu.actions()[0].trigger()
    assert tried[-1] == "s3cret"
    assert getattr(win, "password_prompt", None) is None


def test_a_server_that_lets_in_without_password_asks_nothing(
    qtbot: QtBot, win: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ~/.pgpass, PGPASSWORD or a trusting server: libpq finds its way without one.
    monkeypatch.setattr(window_files, "connect_server", lambda url: posing_as_server(demo_db, url))
    with qtbot.waitSignal(win.tree_loaded):
        win.open_path(SERVER)
    assert getattr(win, "password_prompt", None) is None
    assert win.windowTitle() == "pilotage@db.example.org — Pilotage"


def test_reopening_a_server_that_is_down_is_one_sentence(
    qtbot: QtBot, win: MainWindow, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "pilotage.gui.window_files.QMessageBox.warning",
        lambda _parent, _title, text, *_a: shown.append(text),
    )
    win.open_path("postgresql+psycopg://amina@127.0.0.1:1/pilotage")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown == [
        "No PostgreSQL server answers at 127.0.0.1, port 1: check the host and the port, "
        "and that the server is running."
    ]
    assert win.database() is demo_db  # the database shown stays open


def test_the_dialog_starts_on_the_server_shown_else_the_last_one_used(
    qtbot: QtBot, win: MainWindow, demo_db: Database, settings: Settings
) -> None:
    settings.add_recent_database(SERVER)
    # A window on a file: the last server used; on a server (the PostgreSQL run): that one.
    expected = make_url(SERVER) if demo_db.path is not None else demo_db.url
    win.server_action.trigger()
    dialog = getattr(win, "server_dialog", None)
    assert isinstance(dialog, ServerDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert (dialog.host.text(), dialog.port.value()) == (expected.host, expected.port or 5432)
    assert (dialog.database_name.text(), dialog.user.text()) == (
        expected.database,
        expected.username or "",
    )
    assert dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password  # only the password is left to type
    dialog.reject()
