"""One SQLite file, one writer: the lock file beside it, its holder, stale locks, read only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lock_holder import held_elsewhere
from pilotage.db import file_lock
from pilotage.db.database import ReadOnlyDatabaseError, open_database
from pilotage.db.errors import DatabaseError
from pilotage.db.file_lock import FileLockHeldError, LockHolder, lock_path, this_host
from pilotage.db.schema import Organization
from pilotage.domain.enums import OrganizationKind

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def path(tmp_path: Path, migrated_template: Path) -> Path:
    target = tmp_path / "shared.sqlite"
    shutil.copyfile(migrated_template, target)
    return target


@pytest.fixture
def other_process(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another instance of Pilotage holding `path`, until its stdin is closed."""
    with held_elsewhere(path) as process:
        yield process


def write_lock(path: Path, *, host: str, pid: int, heartbeat: datetime) -> LockHolder:
    moment = heartbeat.isoformat(timespec="seconds")
    holder = LockHolder(host, pid, "someone", "0.1.0", moment, moment, "theirs")
    lock_path(path).write_text(json.dumps(holder.__dict__), encoding="utf-8")
    return holder


def ministry(name: str) -> Organization:
    return Organization(name=name, acronym=name, kind=OrganizationKind.MINISTRY)


def organizations(database_path: Path) -> int:
    database = open_database(database_path, read_only=True)
    try:
        with database.reading() as session:
            return session.scalar(select(func.count()).select_from(Organization)) or 0
    finally:
        database.close()


def test_the_lock_file_names_this_process_and_goes_on_close(path: Path) -> None:
    database = open_database(path)
    holder = json.loads(lock_path(path).read_text(encoding="utf-8"))
    assert (holder["host"], holder["pid"]) == (this_host(), os.getpid())
    assert set(holder) >= {"user", "version", "started_at", "heartbeat_at"}
    database.close()
    assert not lock_path(path).exists()


def test_a_file_held_by_another_process_is_refused_naming_its_host_and_process(
    path: Path, other_process: subprocess.Popen[str]
) -> None:
    with pytest.raises(FileLockHeldError) as refused:
        open_database(path)
    message = str(refused.value)
    assert f"on {this_host()} (process {other_process.pid}," in message
    assert message.endswith("open it read only, or close it there")
    assert refused.value.holder.pid == other_process.pid
    # The holder's lock is untouched by the refusal.
    assert json.loads(lock_path(path).read_text(encoding="utf-8"))["pid"] == other_process.pid


def test_a_held_file_opens_read_only_and_refuses_to_write(
    path: Path, other_process: subprocess.Popen[str]
) -> None:
    before = path.read_bytes()
    database = open_database(path, read_only=True)
    try:
        assert database.read_only
        with database.reading() as session:
            assert session.scalar(select(func.count()).select_from(Organization)) == 0
        refused = pytest.raises(ReadOnlyDatabaseError, match="is open read only")
        with refused, database.transaction() as session:
            session.add(ministry("X"))
        # SQLite itself refuses too, should a write get past transaction().
        with pytest.raises(Exception, match="readonly database"), database.engine.begin() as c:
            c.exec_driver_sql("DELETE FROM alembic_version")
    finally:
        database.close()
    assert path.read_bytes() == before
    assert json.loads(lock_path(path).read_text(encoding="utf-8"))["pid"] == other_process.pid


def test_the_file_is_free_once_the_other_process_closes_it(
    path: Path, other_process: subprocess.Popen[str]
) -> None:
    assert other_process.stdin is not None
    other_process.stdin.close()
    assert other_process.wait(timeout=30) == 0
    assert not lock_path(path).exists()
    database = open_database(path)
    with database.transaction() as session:
        session.add(ministry("MIN"))
    database.close()
    assert organizations(path) == 1


def test_a_lock_left_by_a_dead_process_is_taken_over(
    path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with subprocess.Popen([sys.executable, "-c", "pass"]) as dead:
        dead.wait()
    # A fresh heartbeat: only the process being gone makes it stale.
    write_lock(path, host=this_host(), pid=dead.pid, heartbeat=datetime.now(UTC))
    database = open_database(path)
    try:
        assert json.loads(lock_path(path).read_text(encoding="utf-8"))["pid"] == os.getpid()
        assert "taking over the stale lock" in caplog.text
    finally:
        database.close()


def test_a_lock_from_another_host_is_taken_over_once_its_heartbeat_is_old(path: Path) -> None:
    now = datetime.now(UTC)
    write_lock(path, host="other-machine", pid=os.getpid(), heartbeat=now - timedelta(seconds=30))
    with pytest.raises(FileLockHeldError, match=r"on other-machine \(process \d+, someone"):
        open_database(path)
    write_lock(path, host="other-machine", pid=os.getpid(), heartbeat=now - timedelta(minutes=3))
    database = open_database(path)
    try:
        assert json.loads(lock_path(path).read_text(encoding="utf-8"))["host"] == this_host()
    finally:
        database.close()


def test_an_unreadable_lock_counts_as_held_until_it_is_old(path: Path) -> None:
    lock_path(path).write_text("{half written", encoding="utf-8")
    with pytest.raises(FileLockHeldError) as held:
        open_database(path)
    assert str(held.value) == (
        f"{path} is held by another instance of Pilotage whose lock file cannot be read "
        "(being written, or damaged): try again in a moment, or open it read only; after "
        "2 minutes without change the lock is taken over"
    )
    old = (datetime.now(UTC) - timedelta(minutes=5)).timestamp()
    os.utime(lock_path(path), (old, old))
    open_database(path).close()
    assert not lock_path(path).exists()


def test_the_heartbeat_moves_forward_and_notices_a_take_over(path: Path) -> None:
    database = open_database(path)
    try:
        assert database.lock is not None
        past = file_lock.replace_heartbeat(database.lock.holder, datetime(2020, 1, 1, tzinfo=UTC))
        lock_path(path).write_text(json.dumps(past.__dict__), encoding="utf-8")
        assert database.heartbeat()
        beat = json.loads(lock_path(path).read_text(encoding="utf-8"))["heartbeat_at"]
        assert datetime.fromisoformat(beat) > datetime.now(UTC) - timedelta(minutes=1)
        # Another instance took the file over while this one was silent.
        write_lock(path, host="other-machine", pid=1, heartbeat=datetime.now(UTC))
        assert not database.heartbeat()
    finally:
        database.close()
    assert json.loads(lock_path(path).read_text(encoding="utf-8"))["host"] == "other-machine"


def test_one_process_may_open_its_file_twice_and_holds_it_until_the_last_close(
    path: Path,
) -> None:
    first = open_database(path)
    second = open_database(path)
    first.close()
    assert lock_path(path).exists()
    with second.transaction() as session:
        session.add(ministry("MIN"))
    second.close()
    assert not lock_path(path).exists()


def test_read_only_never_creates_nor_upgrades(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    with pytest.raises(DatabaseError, match="no database"):
        open_database(missing, create=True, read_only=True)
    assert not missing.exists()
    assert not lock_path(missing).exists()


def test_read_only_sees_what_the_holder_commits(path: Path) -> None:
    holder = open_database(path)
    reader = open_database(path, read_only=True)
    try:
        with holder.transaction() as session:
            session.add(ministry("MIN"))
        with reader.reading() as session:
            assert session.scalar(select(func.count()).select_from(Organization)) == 1
    finally:
        reader.close()
        holder.close()


def test_a_folder_that_refuses_the_lock_file_is_said_in_one_sentence(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_path: Path, _holder: LockHolder) -> None:
        raise PermissionError(13, "Permission denied", str(lock_path(path)))

    # The tests run as any user, root included, whom a folder's rights never stop.
    monkeypatch.setattr(file_lock, "_create", refuse)
    with pytest.raises(DatabaseError, match="cannot be locked for writing: permission denied"):
        open_database(path)
    reader = open_database(path, read_only=True)  # reading still works
    reader.close()
