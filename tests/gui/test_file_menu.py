"""File menu: new database, open, open recent, backup copy, quit; a file that cannot be
opened leaves the current database open."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from gui_support import DEMO_END, MID_YEAR
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from pilotage.db.database import Database, open_database
from pilotage.gui import main_window
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QFileDialog, QMessageBox, Qt
from pilotage.gui.settings import Settings
from pilotage.services.overview import ProgramTree
from pilotage.services.programs import list_programs
from server_databases import target_of


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    return isolated_settings(tmp_path, monkeypatch)


@pytest.fixture
def win(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[MainWindow]:
    window = MainWindow(demo_db, as_of=DEMO_END, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.is_busy())
    yield window
    window.close()


def choose_file(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> None:
    """The file dialog answers `path`, as if the analyst had picked it."""
    monkeypatch.setattr(QFileDialog, method, lambda *_args, **_kw: (str(path), ""))


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text)
    )
    return shown


@pytest.mark.sqlite_only
def test_new_database_then_open_the_demo_again(
    qtbot: QtBot,
    win: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    new = tmp_path / "fresh.sqlite"
    choose_file(monkeypatch, "getSaveFileName", new)
    with qtbot.waitSignal(win.tree_loaded):
        qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert new.exists()
    assert win.database().path == new
    assert win.model.rowCount() == 0
    assert "fresh.sqlite" in win.windowTitle()
    assert settings.recent_databases()[0] == str(new)

    assert demo_db.path is not None
    choose_file(monkeypatch, "getOpenFileName", demo_db.path)
    with qtbot.waitSignal(win.tree_loaded):
        qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert win.database().path == demo_db.path
    assert win.model.rowCount() == 1
    assert settings.recent_databases()[:2] == [str(demo_db.path), str(new)]


def test_open_recent(qtbot: QtBot, win: MainWindow, tmp_path: Path, settings: Settings) -> None:
    other = tmp_path / "other.sqlite"
    open_database(other, create=True).close()
    settings.add_recent_database(str(other))
    win.recent_menu.aboutToShow.emit()  # what opening the menu does
    actions = win.recent_menu.actions()
    assert actions[0].text() == str(other)
    with qtbot.waitSignal(win.tree_loaded):
        actions[0].trigger()
    assert win.database().path == other
    assert win.model.rowCount() == 0


def _no_sqlite(path: Path) -> None:
    path.write_bytes(b"this is no database at all" * 100)


def _from_the_future(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('ffffffffffff')")


@pytest.mark.parametrize(
    ("make", "fragment"),
    [(_no_sqlite, "not a Pilotage database"), (_from_the_future, "newer")],
)
def test_a_file_that_is_no_database_keeps_the_current_one(
    qtbot: QtBot,
    win: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
    make: Callable[[Path], None],
    fragment: str,
) -> None:
    bad = tmp_path / "notes.sqlite"
    make(bad)
    choose_file(monkeypatch, "getOpenFileName", bad)
    with qtbot.waitSignal(win.open_failed) as blocker:
        win.open_action.trigger()
    assert len(warnings_shown) == 1
    assert "\n" not in warnings_shown[0]
    assert fragment in str(blocker.args[0])
    assert win.database() is demo_db
    assert win.model.rowCount() == 1
    with qtbot.waitSignal(win.tree_loaded):
        win.set_as_of(MID_YEAR)  # it goes on working


@pytest.mark.sqlite_only
def test_save_a_backup_copy(
    qtbot: QtBot,
    win: MainWindow,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "backups" / "copy.sqlite"
    choose_file(monkeypatch, "getSaveFileName", copy)
    with qtbot.waitSignal(win.backup_saved) as blocker:
        win.backup_action.trigger()
    assert blocker.args == [copy]
    backup = open_database(copy, upgrade=False)
    try:
        assert [p.reference for p in list_programs(backup)] == [
            p.reference for p in list_programs(demo_db)
        ]
    finally:
        backup.close()


@pytest.mark.sqlite_only
def test_a_backup_the_system_refuses_is_one_sentence_not_a_crash(
    qtbot: QtBot,
    win: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
) -> None:
    # A file where the copy's folder should be: making the folder fails (FileExistsError).
    blocker_file = tmp_path / "backups"
    blocker_file.write_text("not a folder")
    choose_file(monkeypatch, "getSaveFileName", blocker_file / "copy.sqlite")
    with qtbot.waitSignal(win.open_failed):
        win.backup_action.trigger()
    assert len(warnings_shown) == 1
    message = warnings_shown[0]
    assert str(blocker_file) in message
    assert "File exists" in message
    assert message.endswith(".")
    assert "\n" not in message
    assert win.isVisible()


def test_opening_another_database_does_not_wait_for_work_on_the_old_one(
    qtbot: QtBot,
    win: MainWindow,
    demo_db: Database,
    db_target: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fresh = tmp_path / "fresh.sqlite"
    win.open_path(fresh, create=True)
    qtbot.waitUntil(lambda: win.database().path == fresh and not win.is_busy())
    old = win.database()
    closed: list[Database] = []
    close = Database.close
    monkeypatch.setattr(Database, "close", lambda db: (closed.append(db), close(db))[-1])
    gate = threading.Event()
    trees = main_window.program_trees

    def slow_trees(db: Database, as_of: date) -> list[ProgramTree]:
        if db is old:  # a long tree load of the old database, still running
            assert gate.wait(10)
        return trees(db, as_of)

    monkeypatch.setattr(main_window, "program_trees", slow_trees)
    win.reload()
    with qtbot.waitSignal(win.database_changed):  # while the old load still runs
        win.open_path(db_target)  # its file, or its URL on PostgreSQL
    assert not gate.is_set()
    assert win.database().name == demo_db.name
    assert closed == []  # still read by the load: kept open
    gate.set()
    qtbot.waitUntil(lambda: closed == [old])  # closed once its work is done
    qtbot.waitUntil(lambda: win.model.rowCount() == 1 and not win.is_busy())


def test_ctrl_q_quits(qtbot: QtBot, win: MainWindow, settings: Settings, demo_db: Database) -> None:
    qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.isVisible())
    assert Settings().last_database() == target_of(demo_db)
