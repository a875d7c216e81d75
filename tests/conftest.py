"""Shared fixtures: a fresh database per test, the demo program, Qt offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Set before any Qt import: the tests never need a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pilotage.db.database import Database, open_database


@pytest.fixture(autouse=True)
def _english_engine() -> Iterator[None]:
    """The engine's traces back in English, English digits and ISO days, after each test (some
    install the French translator or number style): the trace tests read English."""
    yield
    from pilotage.domain.formatting import set_day_pattern, set_number_style
    from pilotage.domain.messages import reset_translator

    reset_translator()
    set_number_style(None)
    set_day_pattern(None)


@pytest.fixture(scope="session")
def gui_collector(qapp: object) -> Iterator[None]:
    """Cycles collected on the GUI thread only, as the application does (gui/garbage.py)."""
    from pilotage.gui.garbage import GarbageCollector

    collector = GarbageCollector()
    collector.start()
    yield
    collector.stop()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to head per run; each test gets its own copy of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    database = open_database(path, create=True)
    database.close()  # the last connection folds the WAL into the file
    return path


@pytest.fixture(scope="session")
def demo_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo contract-program, loaded once per run and copied for each test."""
    from pilotage.services.demo import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    shutil.copyfile(migrated_template, path)
    database = open_database(path)
    load_demo(database)
    database.close()  # the last connection folds the WAL into the file
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def db(db_path: Path, migrated_template: Path) -> Iterator[Database]:
    """An empty database at the current schema, in a file of its own."""
    shutil.copyfile(migrated_template, db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db_path: Path, demo_template: Path) -> Iterator[Database]:
    """A database holding the demo contract-program (ministry and MNC), of its own."""
    shutil.copyfile(demo_template, db_path)
    database = open_database(db_path)
    yield database
    database.close()
