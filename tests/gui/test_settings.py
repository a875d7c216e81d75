"""The window remembers its geometry, splitter, databases and as-of choice; garbage in
the settings file gives defaults, never a crash."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from gui_support import DEMO_END, MID_YEAR
from pytestqt.qtbot import QtBot
from settings_support import isolated_settings

from pilotage.db.database import Database
from pilotage.gui.main_window import MainWindow
from pilotage.gui.settings import MAX_RECENT, Settings
from pilotage.services.clock import local_today
from server_databases import target_of

Opener = Callable[[], MainWindow]


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    return isolated_settings(tmp_path, monkeypatch)


@pytest.fixture
def open_window(qtbot: QtBot, demo_db: Database, settings: Settings) -> Iterator[Opener]:
    """Opens a window on the demo with fresh settings read from the file, as a new start."""
    windows: list[MainWindow] = []

    def opener() -> MainWindow:
        win = MainWindow(demo_db, settings=Settings())
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: win.model.rowCount() > 0 and not win.is_busy())
        windows.append(win)
        return win

    yield opener
    for win in windows:
        win.close()


def test_geometry_splitter_date_and_database_are_remembered(
    qtbot: QtBot, open_window: Opener, demo_db: Database
) -> None:
    first = open_window()
    first.resize(760, 560)
    first.splitter.setSizes([250, 500])
    sizes = first.splitter.sizes()
    with qtbot.waitSignal(first.tree_loaded):
        first.set_as_of(MID_YEAR)
    assert not first.as_of_is_today()
    first.close()

    assert Settings().last_database() == target_of(demo_db)
    second = open_window()
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes() == sizes
    assert second.as_of() == MID_YEAR
    assert not second.as_of_is_today()

    # "Today" is remembered as a choice, not as the date it was.
    with qtbot.waitSignal(second.tree_loaded):
        second.today_action.trigger()
    assert second.as_of_is_today()
    second.close()
    third = open_window()
    assert third.as_of_is_today()
    assert third.as_of() == local_today()


# Qt says, rightly, that the garbage @Variant is no value it knows.
@pytest.mark.qt_log_ignore("QVariant::load")
def test_corrupt_settings_give_defaults(
    qtbot: QtBot, settings: Settings, open_window: Opener
) -> None:
    path = Path(settings.store.fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"[window]\ngeometry=@ByteArray(\x00\xffgarbage)\nsplitter=12\n"
        b"[databases]\nlast=@Variant(\x00\x00\x00\x7f)\nrecent=@Rect(1 2 3)\n"
        b"[view]\nasOf=2024-13-45\n[firstRun]\ndemoOffered=@Point(x)\n"
        b"\xde\xad\xbe\xef=[[[\n"
    )
    fresh = Settings()
    # Bytes that are no saved geometry: Qt refuses them and the window keeps its default.
    assert fresh.splitter_state() is None
    assert fresh.recent_databases() == []
    assert fresh.as_of() is None
    assert not fresh.demo_offered()
    window = open_window()
    assert window.as_of_is_today()
    assert window.as_of() == local_today()
    assert window.isVisible()
    with qtbot.waitSignal(window.tree_loaded):
        window.set_as_of(DEMO_END)  # and it goes on working


def test_recent_databases_keep_eight_most_recent_first_dropping_missing(
    settings: Settings, tmp_path: Path
) -> None:
    files = []
    for number in range(MAX_RECENT + 2):
        file = tmp_path / f"db{number}.sqlite"
        file.write_bytes(b"")
        files.append(str(file))
        settings.add_recent_database(str(file))
    recent = Settings().recent_databases()
    assert recent == files[::-1][:MAX_RECENT]
    settings.add_recent_database(files[5])  # opened again: back on top, not twice
    assert Settings().recent_databases()[:2] == [files[5], files[-1]]
    Path(files[-1]).unlink()
    assert files[-1] not in Settings().recent_databases()
    assert Settings().last_database() == files[5]


def test_a_fixed_date_survives_a_round_trip(settings: Settings) -> None:
    settings.set_as_of(date(2025, 3, 31))
    assert Settings().as_of() == date(2025, 3, 31)
    settings.set_as_of(None)
    assert Settings().as_of() is None
