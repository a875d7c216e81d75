"""A save over a record another analyst deleted meanwhile says who deleted it and when
(its delete in the audit log), instead of "does not exist"; an id that never existed
still does not exist."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from kpi_fixtures import Tree, kpi_input, make_kpi, make_tree

from pilotage.db.database import Database
from pilotage.domain.errors import DeletedError, NotFoundError
from pilotage.services.kpis import delete_kpi, get_kpi, update_kpi
from two_analysts import as_analyst, second_database


@pytest.fixture
def tree(db: Database) -> Tree:
    return make_tree(db)


def test_a_kpi_saved_after_another_analyst_deleted_it(db: Database, tree: Tree) -> None:
    kpi = make_kpi(db, tree.initiative)
    seen = get_kpi(db, kpi.id)  # the analyst's form
    with second_database(db) as other:
        as_analyst("sara", lambda: delete_kpi(other, seen.id, seen.version))
    with pytest.raises(DeletedError) as caught:
        update_kpi(db, seen.id, seen.version, replace(kpi_input(seen), name="Mine"))
    refusal = caught.value
    assert isinstance(refusal, NotFoundError)  # what callers catching "gone" expect
    assert (refusal.entity, refusal.key, refusal.deleted_by) == ("kpi", seen.id, "sara")
    assert re.fullmatch(
        rf"kpi {seen.id} was deleted by sara at \d{{4}}-\d\d-\d\d \d\d:\d\d UTC", str(refusal)
    ), str(refusal)


def test_an_id_that_never_existed_does_not_exist(db: Database, tree: Tree) -> None:
    with pytest.raises(NotFoundError) as caught:
        get_kpi(db, 987_654)
    assert type(caught.value) is NotFoundError
    assert str(caught.value) == "kpi 987654 does not exist"
