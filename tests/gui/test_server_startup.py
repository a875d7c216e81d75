"""`pilotage` on a server it was last used on: the password asked for in a small prompt
(again if refused), or nothing asked when libpq gets in without one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings
from sqlalchemy.engine import URL

from pilotage.db.database import Database
from pilotage.db.server import ServerError, ServerProblem
from pilotage.gui import app
from pilotage.gui.dialogs.server_dialog import PasswordPrompt, forget_passwords
from pilotage.gui.qt import QApplication, QDialogButtonBox, QTimer
from pilotage.gui.settings import Settings

SERVER = "postgresql+psycopg://amina@db.example.org:5433/pilotage"


@pytest.fixture(autouse=True)
def _no_password_kept() -> Iterator[None]:
    forget_passwords()
    yield
    forget_passwords()


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    settings = isolated_settings(tmp_path, monkeypatch)
    settings.add_recent_database(SERVER)  # the last database used
    return settings


def server_taking(
    demo_db: Database, password: str | None, tried: list[str | None]
) -> Callable[[URL], Database]:
    """A server that lets in with `password` only (None: without one, as with ~/.pgpass)."""

    def connect(url: URL) -> Database:
        tried.append(url.password)
        if url.password != password:
            problem = (
                ServerProblem.PASSWORD_REFUSED if url.password else ServerProblem.PASSWORD_NEEDED
            )
            raise ServerError(problem, url, "authentication failed")
        # The test's database under the server's URL: read as the server's would be.
        return Database(url=url, engine=demo_db.engine, sessions=demo_db.sessions)

    return connect


def answering(passwords: list[str], seen: list[str]) -> QTimer:
    """Type the next of `passwords` in each prompt as it shows (it runs modally), then OK;
    `seen` gets each prompt's problem sentence ("" when none is shown)."""
    timer = QTimer()
    timer.setInterval(10)

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PasswordPrompt) and widget.isVisible() and passwords:
                problem = widget.problem
                seen.append(problem.text() if problem.isVisibleTo(widget) else "")
                widget.password.setText(passwords.pop(0))
                widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
                if not passwords:
                    timer.stop()

    timer.timeout.connect(answer)
    timer.start()
    return timer


def test_starting_on_a_server_asks_its_password_until_right(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[str | None] = []
    monkeypatch.setattr(
        "pilotage.db.server.connect_server", server_taking(demo_db, "s3cret", tried)
    )
    seen: list[str] = []
    timer = answering(["wrong", "s3cret"], seen)
    started = app.start_window(None, settings)
    timer.stop()
    assert started is not None
    window, db = started
    qtbot.addWidget(window)
    try:
        assert tried == [None, "wrong", "s3cret"]
        assert seen == [
            "",  # the first time, just asked
            "The server refused amina with this password: check the user name and the password.",
        ]
        assert window.windowTitle() == "pilotage@db.example.org — Pilotage"
        assert settings.last_database() == SERVER
        settings.sync()
        assert "s3cret" not in Path(settings.store.fileName()).read_text(encoding="utf-8")
    finally:
        window.close()
        db.close()


def test_starting_on_a_server_that_lets_in_asks_nothing(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[str | None] = []
    monkeypatch.setattr("pilotage.db.server.connect_server", server_taking(demo_db, None, tried))
    started = app.start_window(None, settings)
    assert started is not None
    window, db = started
    qtbot.addWidget(window)
    try:
        assert tried == [None]
        assert window.windowTitle() == "pilotage@db.example.org — Pilotage"
    finally:
        window.close()
        db.close()


def test_a_password_prompt_cancelled_at_start_says_why_in_one_sentence(
    qtbot: QtBot, demo_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pilotage.db.server.connect_server", server_taking(demo_db, "s3cret", []))
    shown: list[str] = []
    monkeypatch.setattr(
        "pilotage.gui.app.QMessageBox.critical", lambda _p, _t, text, *_a: shown.append(text)
    )
    timer = QTimer()
    timer.setInterval(10)

    def cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PasswordPrompt) and widget.isVisible():
                timer.stop()
                widget.reject()

    timer.timeout.connect(cancel)
    timer.start()
    assert app.start_window(None, settings) is None
    timer.stop()
    assert shown == [
        "The database could not be opened:\nThe server asks for the password of amina: type it in."
    ]
