"""Two analysts adding pillars to one program at the same moment: both pillars are
kept, each at its own position. Positions are unique in a program; on PostgreSQL both
transactions used to read the same last position and the second was refused."""

from __future__ import annotations

import threading

from pilotage.db.database import Database
from pilotage.services.pillars import PillarInput, create_pillar, list_pillars
from pilotage.services.programs import ProgramRow
from two_analysts import second_database

ROUNDS = 5


def test_two_pillars_added_at_once_are_both_kept(db: Database, demo: ProgramRow) -> None:
    before = len(list_pillars(db, demo.id))
    failures: list[str] = []
    with second_database(db) as other:
        for round_ in range(ROUNDS):
            barrier = threading.Barrier(2)

            def add(database: Database, code: str, barrier: threading.Barrier = barrier) -> None:
                barrier.wait()
                try:
                    create_pillar(database, demo.id, PillarInput(code=code, title=code))
                except Exception as error:  # any refusal is the failure this test is about
                    failures.append(f"{code}: {error}")

            workers = [
                threading.Thread(target=add, args=(db, f"R{round_}A")),
                threading.Thread(target=add, args=(other, f"R{round_}B")),
            ]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
    assert failures == []
    positions = [p.position for p in list_pillars(db, demo.id)]
    assert positions == list(range(1, before + 2 * ROUNDS + 1))
