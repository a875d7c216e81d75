"""The command line on a server that asks for a password: one sentence with the way out
(PGPASSWORD, ~/.pgpass), not libpq's "fe_sendauth: no password supplied"; a refused
password likewise.

The test server trusts loopback (tools/test_postgres.sh: no password is ever asked), so
the server's answer is the driver's own error, as psycopg words it (checked by hand
against a cluster with a scram-sha-256 role), raised where the schema is first read.
"""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from cli_support import run
from pilotage.db import migrate
from pilotage.db.database import open_database
from pilotage.db.server import ServerError, ServerProblem

FAILED = 'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
NO_PASSWORD = FAILED + "fe_sendauth: no password supplied"
WRONG_PASSWORD = FAILED + 'FATAL:  password authentication failed for user "amina"'
PGPASS = "PGPASSWORD or ~/.pgpass (pgpass.conf on Windows)"


def server_says(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    def refuse(*_args: object) -> None:
        raise OperationalError("select version_num", {}, psycopg.OperationalError(message))

    monkeypatch.setattr(migrate, "current_revision", refuse)


def test_a_password_asked_and_not_given_says_where_to_put_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server_says(monkeypatch, NO_PASSWORD)
    url = "postgresql+psycopg://amina@127.0.0.1/pilotage"
    code, out, err = run(capsys, "db", "info", "--db", url)
    assert (code, out) == (1, "")
    assert err == (
        f"pilotage: cannot use {url}: the server asks for the password of amina: set "
        "PGPASSWORD, or put it in ~/.pgpass (pgpass.conf on Windows)\n"
    )


def test_a_refused_password_is_one_sentence_without_the_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server_says(monkeypatch, WRONG_PASSWORD)
    url = "postgresql+psycopg://amina:s3cret@127.0.0.1/pilotage"
    code, out, err = run(capsys, "db", "info", "--db", url)
    assert (code, out) == (1, "")
    assert err == (
        "pilotage: cannot use postgresql+psycopg://amina@127.0.0.1/pilotage: the server "
        "refused the password of amina (or does not know this user): check the user and the "
        f"password in the URL, {PGPASS}\n"
    )
    assert "s3cret" not in err


def test_without_a_user_in_the_url_it_names_the_one_libpq_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server_says(monkeypatch, NO_PASSWORD)
    monkeypatch.setenv("PGUSER", "karim")
    with pytest.raises(ServerError) as caught:
        open_database("postgresql+psycopg://127.0.0.1/pilotage", upgrade=False)
    assert caught.value.problem is ServerProblem.PASSWORD_NEEDED
    assert "the server asks for the password of karim: set PGPASSWORD" in str(caught.value)


def test_other_failures_still_say_what_libpq_said(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server_says(monkeypatch, FAILED + "Connection refused")
    url = "postgresql+psycopg://amina@127.0.0.1/pilotage"
    code, _, err = run(capsys, "db", "info", "--db", url)
    assert code == 1
    assert err == f"pilotage: cannot reach {url}: {FAILED}Connection refused\n"
