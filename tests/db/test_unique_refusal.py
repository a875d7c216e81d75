"""The unique violation each driver reports, read as a problem on the field: SQLite
names the columns in its message, psycopg the constraint in its diagnostics (its
SQLSTATE 23505). Messages built by hand, as the drivers word them; the races
themselves are in tests/services/test_unique_races.py, on the run's engine."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from pilotage.db.errors import known_error, unique_refusal
from pilotage.domain.errors import Problem, ValidationError

MEANWHILE = "is already used: another analyst created it meanwhile"
NO_VALUE = "already used: another analyst created it meanwhile"
PILLAR_INSERT = (
    "INSERT INTO pillar (program_id, position, code, title, objective, version) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


@dataclass
class Diagnostics:
    constraint_name: str | None


class UniqueViolationError(Exception):
    """What psycopg raises, as far as the mapping reads it."""

    sqlstate = "23505"

    def __init__(self, constraint: str | None) -> None:
        super().__init__(f'duplicate key value violates unique constraint "{constraint}"')
        self.diag = Diagnostics(constraint)


def test_sqlite_names_the_columns_and_the_positional_parameters_give_the_value() -> None:
    failed = sqlite3.IntegrityError("UNIQUE constraint failed: pillar.program_id, pillar.code")
    exc = IntegrityError(PILLAR_INSERT, (1, 2, "P9", "Levier", "", 1), failed)
    refusal = unique_refusal(exc)
    assert refusal is not None
    assert refusal.problems == (Problem("code", f"“P9” {MEANWHILE}"),)


def test_postgresql_names_the_constraint_and_the_named_parameters_give_the_value() -> None:
    statement = "INSERT INTO organization (name, acronym) VALUES (%(name)s, %(acronym)s)"
    params = {"name": "Mine", "acronym": "MNC"}
    exc = IntegrityError(statement, params, UniqueViolationError("uq_organization_acronym"))
    found = known_error(exc, "pilotage@db")
    assert isinstance(found, ValidationError)
    assert found.problems == (Problem("acronym", f"“MNC” {MEANWHILE}"),)


def test_the_key_field_is_its_last_column_that_is_not_a_reference() -> None:
    statement = "INSERT INTO kpi_target (kpi_id, period_end, revision) VALUES (%(a)s, %(b)s, %(c)s)"
    exc = IntegrityError(
        statement, {}, UniqueViolationError("uq_kpi_target_kpi_id_period_end_revision")
    )
    refusal = unique_refusal(exc)
    assert refusal is not None
    # No parameter named after the column: said without the value.
    assert refusal.problems == (Problem("revision", NO_VALUE),)


def test_several_values_leave_the_value_out_an_unknown_constraint_the_field() -> None:
    statement = "INSERT INTO pillar (code) VALUES (%(code__0)s), (%(code__1)s)"
    exc = IntegrityError(
        statement,
        {"code__0": "P8", "code__1": "P9"},
        UniqueViolationError("uq_pillar_program_id_code"),
    )
    refusal = unique_refusal(exc)
    assert refusal is not None
    assert refusal.problems == (Problem("code", NO_VALUE),)
    unknown = unique_refusal(IntegrityError("INSERT", {}, UniqueViolationError("uq_elsewhere")))
    assert unknown is not None
    assert unknown.problems == (Problem("", NO_VALUE),)


def test_other_integrity_errors_are_not_taken_for_a_unique_key() -> None:
    not_null = sqlite3.IntegrityError("NOT NULL constraint failed: pillar.code")
    assert unique_refusal(IntegrityError(PILLAR_INSERT, (), not_null)) is None

    class ForeignKeyViolationError(Exception):
        sqlstate = "23503"

    assert unique_refusal(IntegrityError("INSERT", {}, ForeignKeyViolationError())) is None
