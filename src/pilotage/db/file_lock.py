"""One SQLite file, one writer: a lock file beside the database names who holds it.

SQLite's own locks last one transaction; two instances of Pilotage editing the
same file would each see the other's changes only by chance, and on a shared
folder SQLite's locking is not to be trusted at all. So an instance that opens
a file to write creates `<file>.lock` first, atomically (O_CREAT | O_EXCL: of
two instances racing, one wins), holding JSON that says who holds it: host,
process, user, program version, when it started and its last heartbeat. The
holder removes it on close and refreshes the heartbeat every ~30 s (the window
from a timer, see `FileLock.refresh`). Another instance is told who holds the
file and may open it read only.

A lock nobody holds any more is stale and taken over (logged):
- on this host, when its process is gone (or started before this machine did:
  its number may since have gone to another program);
- from another host (a shared folder), when its heartbeat is older than
  `STALE_AFTER`: that process cannot be asked whether it lives. Nor can a process
  of this host on Windows (`os.kill(pid, 0)` would end it there, not probe it): the
  heartbeat decides there too. A lock from this host with a living process is
  never judged by its heartbeat: a command line that does not beat (a long
  import) would lose its file to the next window.

The lock is per process: a second `acquire` of the same file in the process
that holds it is granted and counted, and the file goes when the last holder
releases it. Tests and the window open one file several times in one process
(two sessions of the conflict tests, a command run in-process), which is one
instance of Pilotage, not two.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import secrets
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pilotage import __version__
from pilotage.db.errors import DatabaseError
from pilotage.domain.messages import translate

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 30
STALE_AFTER = timedelta(minutes=2)
SUFFIX = ".lock"


@dataclass(frozen=True)
class LockHolder:
    """Who holds a file, as its lock file says."""

    host: str
    pid: int
    user: str
    version: str
    started_at: str  # ISO 8601, UTC
    heartbeat_at: str
    token: str = ""  # tells this holding from a later one by the same process

    @property
    def known(self) -> bool:
        """False for a lock file that could not be read (see read_holder): no one to name."""
        return self.pid > 0

    def started(self) -> datetime | None:
        return _parse_time(self.started_at)

    def heartbeat(self) -> datetime | None:
        return _parse_time(self.heartbeat_at)


class FileLockHeldError(DatabaseError):
    """The file is held by another instance of Pilotage: who, where, since when."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        started = holder.started()
        self.since = started.astimezone().strftime("%Y-%m-%d %H:%M") if started else "?"
        if not holder.known:
            self.who = "by an instance whose lock file cannot be read"
            text = translate(
                "Database",
                "{path} is held by another instance of Pilotage whose lock file cannot be "
                "read (being written, or damaged): try again in a moment, or open it read "
                "only; after {minutes} minutes without change the lock is taken over",
            ).format(path=path, minutes=int(STALE_AFTER.total_seconds() // 60))
            super().__init__(text)
            return
        # "on HOST (process PID, USER, since TIME)"
        self.who = f"on {holder.host} (process {holder.pid}, {holder.user}, since {self.since})"
        super().__init__(
            translate(
                "Database",
                "{path} is open in Pilotage on {host} (process {pid}, {user}, since {since}); "
                "open it read only, or close it there",
            ).format(
                path=path, host=holder.host, pid=holder.pid, user=holder.user, since=self.since
            )
        )


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def this_host() -> str:
    return socket.gethostname() or "localhost"


def system_user() -> str:
    """The OS user's login name: the lock's holder, and who acts when the settings
    name no one (services/identity.py)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # No passwd entry (containers): the environment is the next best witness.
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def read_holder(database: Path) -> LockHolder | None:
    """Who holds `database` per its lock file; None when there is none.

    A lock file that cannot be read as ours (half written by a crash, written by
    hand) names an unknown holder whose heartbeat is the file's modification time:
    it is taken over once that is old, like a silent holder on another host.
    """
    path = lock_path(database)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
        return LockHolder(
            host=str(data["host"]),
            pid=int(data["pid"]),
            user=str(data["user"]),
            version=str(data["version"]),
            started_at=str(data["started_at"]),
            heartbeat_at=str(data["heartbeat_at"]),
            token=str(data.get("token", "")),
        )
    except (ValueError, KeyError, TypeError):
        # Only here is the file's age needed (not on every heartbeat's read).
        try:
            mtime = path.stat().st_mtime
        except FileNotFoundError:  # removed since it was read: held by no one
            return None
        modified = datetime.fromtimestamp(mtime, UTC).isoformat(timespec="seconds")
        return LockHolder("?", 0, "?", "?", modified, modified)


def is_stale(holder: LockHolder) -> bool:
    """Whether nobody holds the file any more (see the module's notes)."""
    alive = _process_alive(holder.pid) if holder.host == this_host() and holder.pid > 0 else None
    if alive is not None:
        if not alive:
            return True
        started = holder.started()
        booted = _boot_time()
        return started is not None and booted is not None and started < booted
    beat = holder.heartbeat()
    return beat is None or datetime.now(UTC) - beat > STALE_AFTER


class FileLock:
    """This process's hold on one database file (see `acquire`)."""

    def __init__(self, database: Path, holder: LockHolder) -> None:
        self.database = database
        self.path = lock_path(database)
        self.holder = holder
        self._count = 1

    def refresh(self) -> bool:
        """Write a new heartbeat; False (logged) when the lock is no longer ours —
        another instance took it over while this one was silent (a machine asleep)."""
        current = read_holder(self.database)
        if current is None or current.token != self.holder.token:
            log.warning("the lock on %s was taken over: %s", self.database, current)
            return False
        beat = replace_heartbeat(self.holder)
        try:
            _write_over(self.path, beat)
        except OSError as exc:  # a folder gone a moment, a reader in the way: the next beat
            log.warning("cannot refresh the lock on %s: %s", self.database, exc)
            return True
        self.holder = beat
        return True

    def release(self) -> None:
        """One holder fewer; the last one removes the lock file (if it is still ours)."""
        with _registry_lock:
            self._count -= 1
            if self._count > 0:
                return
            _held.pop(self.database, None)
        current = read_holder(self.database)
        if current is not None and current.token == self.holder.token:
            self.path.unlink(missing_ok=True)


_held: dict[Path, FileLock] = {}
_registry_lock = threading.Lock()


def acquire(database: Path) -> FileLock:
    """Hold `database` for this process, or raise FileLockHeldError naming its holder.

    A stale lock is taken over. Between reading it and removing it another
    instance could take it over too: the file read is compared just before its
    removal, and creation is exclusive, so at worst one of the two is refused.
    """
    database = database.resolve()
    with _registry_lock:
        held = _held.get(database)
        if held is not None:
            held._count += 1
            return held
        path = lock_path(database)
        for _attempt in range(3):
            mine = _new_holder()
            try:
                _create(path, mine)
            except FileExistsError:
                holder = read_holder(database)
                if holder is None:
                    continue  # released meanwhile: try again
                if not is_stale(holder):
                    raise FileLockHeldError(database, holder) from None
                log.warning(
                    "taking over the stale lock on %s left by process %s of %s on %s "
                    "(last seen %s)",
                    database,
                    holder.pid,
                    holder.user,
                    holder.host,
                    holder.heartbeat_at,
                )
                if read_holder(database) == holder:
                    path.unlink(missing_ok=True)
                continue
            except OSError as exc:  # a folder this user may not write in, a full disk
                raise DatabaseError(
                    translate("Database", "{path} cannot be locked for writing: {reason}").format(
                        path=database, reason=(exc.strerror or str(exc)).lower()
                    )
                ) from exc
            lock = _held[database] = FileLock(database, mine)
            return lock
        holder = read_holder(database)
        if holder is not None:
            raise FileLockHeldError(database, holder)
        raise DatabaseError(
            translate("Database", "{path} cannot be locked: its lock file keeps changing").format(
                path=database
            )
        )


def replace_heartbeat(holder: LockHolder, now: datetime | None = None) -> LockHolder:
    beat = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return LockHolder(**{**asdict(holder), "heartbeat_at": beat})


def _new_holder() -> LockHolder:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return LockHolder(
        host=this_host(),
        pid=os.getpid(),
        user=system_user(),
        version=__version__,
        started_at=now,
        heartbeat_at=now,
        token=secrets.token_hex(8),
    )


def _create(path: Path, holder: LockHolder) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(holder), handle)


def _write_over(path: Path, holder: LockHolder) -> None:
    """Replace the lock's content whole: a reader never sees half of it."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(holder)), encoding="utf-8")
    os.replace(temporary, path)


def _parse_time(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _process_alive(pid: int) -> bool | None:
    """Whether process `pid` of this host lives; None where that cannot be asked."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would end the process, not probe it
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    except OSError:
        return None
    return True


def _boot_time() -> datetime | None:
    """When this machine started (Linux); None where it cannot be told."""
    try:
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return datetime.fromtimestamp(time.time() - uptime, UTC)
