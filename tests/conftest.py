"""Shared fixtures: a fresh database per test, the demo program, Qt offscreen.

The run's engine: SQLite files, or with PILOTAGE_TEST_DATABASE_URL (or --database-url)
set to a PostgreSQL database whose role may CREATEDB, databases on that server, one per
test (server_databases.py). Tests about SQLite files themselves are marked `sqlite_only`,
tests meaningful on a server only `postgresql_only`; the other engine's run deselects them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

# Set before any Qt import: the tests never need a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pilotage.db.database import Database, open_database
from server_databases import DATABASE_URL_VARIABLE, Server, server_url


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-url",
        default=None,
        help=f"run the suite on this PostgreSQL database (sets {DATABASE_URL_VARIABLE})",
    )


def pytest_configure(config: pytest.Config) -> None:
    url = config.getoption("--database-url")
    if url:
        os.environ[DATABASE_URL_VARIABLE] = url


def pytest_report_header() -> str:
    url = server_url()
    engine = url.render_as_string(hide_password=True) if url else "SQLite files"
    return f"pilotage databases: {engine}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The other engine's tests are deselected (as by -m "not sqlite_only"), not skipped."""
    other = "sqlite_only" if server_url() is not None else "postgresql_only"
    deselected = [item for item in items if item.get_closest_marker(other) is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item.get_closest_marker(other) is None]


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
def server() -> Iterator[Server | None]:
    """The PostgreSQL server the run uses, None on SQLite; its databases dropped at the end."""
    url = server_url()
    if url is None:
        yield None
        return
    connected = Server.connect(url)
    yield connected
    connected.close()


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


@pytest.fixture(scope="session")
def server_template(server: Server | None) -> str:
    """On the server: the database migrated to head that each test's database is cloned from."""
    assert server is not None
    name = server.new_name("template")
    open_database(server.create(name)).close()  # nobody connected: it can be cloned
    return name


@pytest.fixture(scope="session")
def server_demo_template(server: Server | None, server_template: str) -> str:
    """On the server: the demo loaded once per run, cloned for each test."""
    from pilotage.services.demo import load_demo

    assert server is not None
    name = server.new_name("demo")
    database = open_database(server.create(name, template=server_template))
    load_demo(database)
    database.close()
    return name


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def server_database(server: Server | None) -> Iterator[str | None]:
    """The name of the test's own database on the server (None on SQLite), dropped after it."""
    if server is None:
        yield None
        return
    name = server.new_name("test")
    yield name
    server.drop(name)


def _own_database(request: pytest.FixtureRequest, template: str, server_template: str) -> Database:
    """The test's database, a copy of a template: a file at db_path, or a clone on the server."""
    server: Server | None = request.getfixturevalue("server")
    name: str | None = request.getfixturevalue("server_database")
    if server is None or name is None:
        path: Path = request.getfixturevalue("db_path")
        shutil.copyfile(request.getfixturevalue(template), path)
        return open_database(path)
    return open_database(server.create(name, template=request.getfixturevalue(server_template)))


@pytest.fixture
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """An empty database at the current schema, of its own."""
    database = _own_database(request, "migrated_template", "server_template")
    yield database
    database.close()


@pytest.fixture
def demo_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A database holding the demo contract-program (ministry and MNC), of its own."""
    database = _own_database(request, "demo_template", "server_demo_template")
    yield database
    database.close()


@pytest.fixture
def empty_database(
    request: pytest.FixtureRequest, tmp_path: Path, server: Server | None
) -> Iterator[Callable[[], Database]]:
    """empty_database() -> one more empty database at the current schema, on the run's engine
    (a file in tmp_path, or a database on the server); closed and dropped after the test."""
    opened: list[Database] = []
    names: list[str] = []

    def make() -> Database:
        if server is None:
            path = tmp_path / f"other-{len(opened)}.sqlite"
            shutil.copyfile(request.getfixturevalue("migrated_template"), path)
            database = open_database(path)
        else:
            names.append(server.new_name("other"))
            template = request.getfixturevalue("server_template")
            database = open_database(server.create(names[-1], template=template))
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()
    for name in names:
        assert server is not None
        server.drop(name)


@pytest.fixture
def db_target(
    request: pytest.FixtureRequest,
    db_path: Path,
    server: Server | None,
    server_database: str | None,
) -> str:
    """What a person gives `--db` or the window for the test's database: the file of `db` or
    `demo_db` on SQLite, its URL on the server. Without either, a database yet to be
    prepared: a file not there yet, an empty database on the server."""
    if server is None or server_database is None:
        return str(db_path)
    if not {"db", "demo_db"} & set(request.fixturenames):
        server.create(server_database)
    return server.url_of(server_database).render_as_string(hide_password=False)


@pytest.fixture
def demo_target(demo_db: Database, db_target: str) -> str:
    """The demo's database as a command's --db names it, closed: the command opens it alone."""
    demo_db.close()
    return db_target
