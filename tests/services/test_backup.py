"""A backup copy of the open database: consistent, openable, never over another file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from pilotage.db.database import Database, open_database
from pilotage.db.errors import BackupError, DatabaseError
from pilotage.db.schema import Measurement
from pilotage.services.backup import backup_copy
from pilotage.services.programs import list_programs


@pytest.mark.sqlite_only
def test_a_copy_while_the_database_is_in_use(demo_db: Database, tmp_path: Path) -> None:
    destination = tmp_path / "copies" / "demo-copy.sqlite"
    with demo_db.reading() as session:  # a reader holds the file open meanwhile
        count = session.scalar(select(func.count()).select_from(Measurement))
        written = backup_copy(demo_db, destination)
    assert written == destination
    # One file, whole: nothing beside it (a WAL database's -wal and -shm files).
    assert sorted(p.name for p in destination.parent.iterdir()) == ["demo-copy.sqlite"]
    copy = open_database(destination, upgrade=False)
    try:
        assert list_programs(copy) == list_programs(demo_db)
        with copy.reading() as session:
            assert session.scalar(select(func.count()).select_from(Measurement)) == count
    finally:
        copy.close()


@pytest.mark.sqlite_only
def test_an_existing_file_is_never_overwritten(demo_db: Database, tmp_path: Path) -> None:
    destination = tmp_path / "taken.sqlite"
    destination.write_bytes(b"precious")
    with pytest.raises(BackupError, match="already exists"):
        backup_copy(demo_db, destination)
    assert destination.read_bytes() == b"precious"


@pytest.mark.postgresql_only
def test_a_server_database_is_backed_up_by_the_servers_tools(
    demo_db: Database, tmp_path: Path
) -> None:
    destination = tmp_path / "copy.sqlite"
    with pytest.raises(DatabaseError, match="is a server database: back it up with the server's"):
        backup_copy(demo_db, destination)
    assert not destination.exists()
