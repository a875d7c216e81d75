"""A second analyst on the test's database: another `Database` (its own engine and
connections) on the same SQLite file or PostgreSQL database, and a worker process that
records a measurement at the same moment as another one.

Not a test module: the conflict tests of the services and the GUI import it. The
second `Database` is built without `open_database`: the schema is there already, and
the test is about two sessions, not about opening a file twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import sessionmaker

from pilotage.db.database import Database
from pilotage.db.engine import create_db_engine
from pilotage.domain.errors import PilotageError
from pilotage.services.identity import current_user, set_user_name

T = TypeVar("T")


@contextmanager
def second_database(db: Database) -> Iterator[Database]:
    """Another connection pool on `db`'s database, closed at the end."""
    engine = create_db_engine(db.url)
    other = Database(
        url=db.url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False)
    )
    try:
        yield other
    finally:
        other.close()


def as_analyst(name: str, action: Callable[[], T]) -> T:
    """Run `action` with `name` in the audit log (who acts is process-wide)."""
    before = current_user()
    set_user_name(name)
    try:
        return action()
    finally:
        set_user_name(before)


def record_at_once(
    url: str,
    name: str,
    kpi_id: int,
    start: date,
    end: date,
    value: str,
    barrier: object,
    out: object,
) -> None:
    """A worker process: wait at `barrier` for the other one, record the period as
    `name`, and put ("saved", id) or ("refused", sentence) on the queue `out`."""
    from pilotage.services.measurements import MeasurementInput, record_measurement

    set_user_name(name)
    engine = create_db_engine(make_url(url))
    db = Database(url=make_url(url), engine=engine, sessions=sessionmaker(engine))
    try:
        barrier.wait(timeout=60)  # type: ignore[attr-defined]
        row = record_measurement(db, kpi_id, MeasurementInput(start, end, value=Decimal(value)))
        out.put(("saved", row.id))  # type: ignore[attr-defined]
    except PilotageError as exc:
        out.put(("refused", str(exc)))  # type: ignore[attr-defined]
    except BaseException as exc:  # reported, not left for the parent to wait on
        out.put(("crashed", repr(exc)))  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def url_text(url: URL) -> str:
    """The URL with its password, for another process to connect with."""
    return url.render_as_string(hide_password=False)


def wait_until_blocked(db: Database, done: Callable[[], bool] = lambda: False) -> None:
    """Until a PostgreSQL session of `db`'s database waits on a lock another holds (within
    10 s); `done` true meanwhile means the action expected to wait finished without."""
    with db.engine.connect() as watcher:
        deadline = time.monotonic() + 10
        waiting = text("SELECT count(*) FROM pg_locks WHERE NOT granted")
        while not watcher.execute(waiting).scalar():
            assert not done(), "the second action finished without waiting"
            assert time.monotonic() < deadline, "the second action never waited"
            time.sleep(0.01)


def race_while_held(
    db: Database,
    saras: Callable[[], object],
    mine: Callable[[], object],
    written: threading.Event,
    release: threading.Event,
) -> dict[str, object]:
    """Sara's action (in a thread named "sara", which the caller's patch holds open inside
    its transaction once `written` is set, until `release`), then the analyst's, started
    and seen waiting on Sara's lock; Sara's let go. What each ended with ("done" or its
    exception), by "sara" and "mine". Who acts is process-wide: "sara" for both; a
    refused action writes nothing."""
    outcomes: dict[str, object] = {}

    def run(name: str, action: Callable[[], object]) -> None:
        try:
            action()
            outcomes[name] = "done"
        except Exception as exc:  # handed to the test's thread
            outcomes[name] = exc

    def both() -> None:
        sara = threading.Thread(target=run, args=("sara", saras), name="sara")
        second = threading.Thread(target=run, args=("mine", mine), name="mine")
        sara.start()
        try:
            assert written.wait(10), "Sara's action never reached its write"
            second.start()
            wait_until_blocked(db)
        finally:
            release.set()
            sara.join(10)
            if second.ident is not None:  # started
                second.join(10)

    as_analyst("sara", both)
    return outcomes
