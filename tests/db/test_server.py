"""Server URLs built from what an analyst types, and the reasons a connection fails."""

from __future__ import annotations

import pytest

from pilotage.db.server import (
    ServerProblem,
    classify,
    is_server_target,
    parse_server_target,
    server_target,
    server_url,
    short_name,
    without_password,
)


def test_the_url_holds_what_was_typed() -> None:
    url = server_url(" db.example.org ", 5433, "pilotage", "amina", "s3cret:@/")
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == (
        "db.example.org",
        5433,
        "pilotage",
        "amina",
    )
    assert url.password == "s3cret:@/"


def test_the_default_port_is_left_to_libpq() -> None:
    assert server_url("h", 5432, "d", "u").port is None


def test_the_target_remembered_has_no_password_not_even_stars() -> None:
    url = server_url("h", 5433, "pilotage", "amina", "s3cret")
    target = server_target(url)
    assert target == "postgresql+psycopg://amina@h:5433/pilotage"
    assert "s3cret" not in target
    assert "***" not in target
    assert without_password(url).password is None
    assert url.password == "s3cret"  # the URL itself is left as it was


def test_a_target_is_told_from_a_file() -> None:
    assert is_server_target("postgresql+psycopg://u@h/d")
    assert is_server_target("postgresql://u@h/d")
    assert not is_server_target("/home/amina/pilotage.sqlite")
    assert parse_server_target("/home/amina/pilotage.sqlite") is None
    parsed = parse_server_target("postgresql+psycopg://u@h:5440/d")
    assert parsed is not None
    assert (parsed.host, parsed.port, parsed.database) == ("h", 5440, "d")


def test_the_title_names_database_at_host() -> None:
    assert short_name(server_url("db.example.org", 5432, "pilotage", "amina")) == (
        "pilotage@db.example.org"
    )
    assert short_name(server_url("", 5432, "pilotage", "amina")) == "pilotage@localhost"


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        (
            'connection to server at "10.0.0.5", port 5432 failed: Connection refused',
            ServerProblem.UNREACHABLE,
        ),
        ("failed to resolve host 'nohost': Name or service not known", ServerProblem.UNREACHABLE),
        ('connection to server at "h" failed: timeout expired', ServerProblem.UNREACHABLE),
        (
            'connection to server at "h" failed: fe_sendauth: no password supplied',
            ServerProblem.PASSWORD_NEEDED,
        ),
        (
            'FATAL:  password authentication failed for user "amina"',
            ServerProblem.PASSWORD_REFUSED,
        ),
        ('FATAL:  role "amina" does not exist', ServerProblem.PASSWORD_REFUSED),
        ('FATAL:  database "pilotag" does not exist', ServerProblem.NO_DATABASE),
        ("SSL SYSCALL error: EOF detected", ServerProblem.OTHER),
    ],
)
def test_libpq_messages_are_told_apart(message: str, problem: ServerProblem) -> None:
    assert classify(message) is problem
