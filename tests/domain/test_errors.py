"""The sentences of the domain's errors as the command line prints them."""

from __future__ import annotations

from pilotage.domain.errors import ConflictError


def test_a_conflict_says_who_and_when_in_utc_to_the_minute() -> None:
    # 11:55:52 in Rabat's winter (UTC+1) is 10:55 UTC.
    refusal = ConflictError("pillar", 4, "sara", "2026-12-01T11:55:52+01:00")
    assert str(refusal) == (
        "pillar 4 was changed by sara at 2026-12-01 10:55 UTC since you opened it; "
        "reload it and apply your change again"
    )


def test_a_conflict_without_who_or_when_says_what_it_knows() -> None:
    assert str(ConflictError("kpi", 2, None, None)) == (
        "kpi 2 was changed since you opened it; reload it and apply your change again"
    )
    # A time the audit holds without its zone, or not a time at all, is shown as it is.
    assert "at 2026-12-01 11:55 since" in str(ConflictError("kpi", 2, None, "2026-12-01T11:55:52"))
    assert "at yesterday since" in str(ConflictError("kpi", 2, None, "yesterday"))
