"""A file another instance of Pilotage holds: the window asks, opens it read only on the
analyst's word, says so, and offers no command that would change it."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import DEMO_END, click_node, wait_idle
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from lock_holder import held_elsewhere
from pilotage.db.database import Database
from pilotage.db.file_lock import lock_path, this_host
from pilotage.gui import app
from pilotage.gui.main_window import MainWindow
from pilotage.gui.qt import QApplication, QFileDialog, Qt, QTimer
from pilotage.gui.read_only import HeldFilePrompt

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def shared(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "shared.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def other_process(shared: Path) -> Iterator[subprocess.Popen[str]]:
    with held_elsewhere(shared) as process:
        yield process


@pytest.fixture
def win(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The window on an empty database of this instance's own."""
    window = MainWindow(db, as_of=DEMO_END, settings=isolated_settings(tmp_path, monkeypatch))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wait_idle(qtbot, window)
    yield window
    window.close()


def ask_to_open(
    qtbot: QtBot, win: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> HeldFilePrompt:
    """File > Open… on `path` (Ctrl+O, the file chosen): the prompt it brings up."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(win, "held_prompt", None) is not None)
    prompt = win.held_prompt
    assert isinstance(prompt, HeldFilePrompt)
    qtbot.waitUntil(prompt.isVisible)
    return prompt


def test_a_held_file_opens_read_only_with_nothing_to_change(
    qtbot: QtBot,
    win: MainWindow,
    shared: Path,
    other_process: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert win.import_action.isEnabled()
    assert win.record_actions.new_program_action.isEnabled()
    prompt = ask_to_open(qtbot, win, shared, monkeypatch)
    assert f"{shared} is open in Pilotage on {this_host()}" in prompt.text()
    assert f"(process {other_process.pid}," in prompt.text()
    with qtbot.waitSignal(win.tree_loaded):
        qtbot.mouseClick(prompt.read_only_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, win)

    database = win.database()
    assert database.path == shared
    assert database.read_only
    assert win.windowTitle() == "shared.sqlite — Pilotage (read only)"
    assert win.access.read_only_label.isVisible()
    assert win.access.read_only_label.text() == "Read only: another instance holds this file"
    assert win.model.rowCount() > 0  # what the file holds is shown
    assert not win.import_action.isEnabled()
    assert not win.organizations_action.isEnabled()
    assert not win.record_actions.new_program_action.isEnabled()
    # A KPI shown: nothing on its page or in the menus would change it.
    click_node(qtbot, win.tree, "JIT-DIP")
    wait_idle(qtbot, win)
    assert not win.record_actions.edit_action.isEnabled()
    assert not win.record_actions.delete_action.isEnabled()
    assert not win.kpi_page.measurements_section.add_button.isEnabled()
    assert not win.kpi_page.measurements_section.add_action.isEnabled()


def test_cancel_keeps_the_database_shown(
    qtbot: QtBot,
    win: MainWindow,
    db: Database,
    shared: Path,
    other_process: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompt = ask_to_open(qtbot, win, shared, monkeypatch)
    qtbot.mouseClick(prompt.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.held_prompt is None)
    assert win.database() is db
    assert not win.access.read_only_label.isVisible()
    assert win.import_action.isEnabled()
    assert "(read only)" not in win.windowTitle()


def test_a_free_file_after_a_read_only_one_can_be_changed_again(
    qtbot: QtBot,
    win: MainWindow,
    db: Database,
    shared: Path,
    other_process: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prompt = ask_to_open(qtbot, win, shared, monkeypatch)
    with qtbot.waitSignal(win.tree_loaded):
        qtbot.mouseClick(prompt.read_only_button, Qt.MouseButton.LeftButton)
    assert db.path is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(db.path), ""))
    win.activateWindow()  # the prompt had the focus; the analyst is back on the window
    qtbot.waitUntil(win.isActiveWindow)
    with qtbot.waitSignal(win.tree_loaded):
        qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert not win.database().read_only
    assert win.windowTitle() == "test.sqlite — Pilotage"
    assert not win.access.read_only_label.isVisible()
    assert win.import_action.isEnabled()
    assert win.record_actions.new_program_action.isEnabled()


def answer_held_prompt(button: str) -> QTimer:
    """Click `button` ("read only" or "cancel") in the start-up prompt once it shows (it
    runs modally, before any window: a person would click it)."""
    timer = QTimer()
    timer.setInterval(10)

    def click() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, HeldFilePrompt) and widget.isVisible():
                timer.stop()
                chosen = widget.read_only_button if button == "read only" else widget.cancel_button
                chosen.click()

    timer.timeout.connect(click)
    timer.start()
    return timer


def test_started_on_a_held_file_the_analyst_may_open_it_read_only(
    qtbot: QtBot,
    shared: Path,
    other_process: subprocess.Popen[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = isolated_settings(tmp_path, monkeypatch)
    timer = answer_held_prompt("read only")
    started = app.start_window(str(shared), settings)
    assert not timer.isActive()  # the prompt was shown and answered
    assert started is not None
    window, database = started
    qtbot.addWidget(window)
    try:
        assert database.read_only
        assert window.windowTitle() == "shared.sqlite — Pilotage (read only)"
        assert not window.import_action.isEnabled()
    finally:
        window.close()
        database.close()
    # Still the other process's file.
    assert json.loads(lock_path(shared).read_text(encoding="utf-8"))["pid"] == other_process.pid


def test_started_on_a_held_file_cancel_opens_nothing(
    qtbot: QtBot,
    shared: Path,
    other_process: subprocess.Popen[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    timer = answer_held_prompt("cancel")
    assert app.start_window(str(shared), isolated_settings(tmp_path, monkeypatch)) is None
    assert not timer.isActive()


def test_the_window_beats_every_30_seconds_and_says_when_its_file_was_taken_over(
    win: MainWindow, db: Database
) -> None:
    timer = win.access.heartbeat_timer
    assert timer.isActive()
    assert timer.interval() == 30_000
    assert db.path is not None
    before = json.loads(lock_path(db.path).read_text(encoding="utf-8"))
    timer.timeout.emit()  # what the timer does every 30 s
    after = json.loads(lock_path(db.path).read_text(encoding="utf-8"))
    assert after["pid"] == before["pid"]
    assert after["heartbeat_at"] >= before["heartbeat_at"]
    assert "took this file over" not in win.statusBar().currentMessage()
    # Another instance took the file over while this one was silent (a laptop asleep).
    lock_path(db.path).write_text(json.dumps({**after, "token": "theirs"}), encoding="utf-8")
    timer.timeout.emit()
    assert win.statusBar().currentMessage() == (
        "Another instance of Pilotage took this file over: close this window before "
        "changing anything"
    )


def test_a_lock_file_that_cannot_be_read_names_no_one(qtbot: QtBot, tmp_path: Path) -> None:
    from pilotage.db.file_lock import FileLockHeldError, LockHolder

    unknown = LockHolder("?", 0, "?", "?", "2026-12-01T10:00:00+00:00", "2026-12-01T10:00:00+00:00")
    path = tmp_path / "team.sqlite"
    prompt = HeldFilePrompt(FileLockHeldError(path, unknown))
    qtbot.addWidget(prompt)
    assert prompt.text() == (
        f"{path} is held by another instance of Pilotage whose lock file cannot be read "
        "(being written, or damaged)."
    )
    assert "process 0" not in prompt.text()
