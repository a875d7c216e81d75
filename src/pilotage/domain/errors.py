"""Errors the domain and the services raise for a person to read.

Known errors carry sentences an analyst understands; anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: the field it concerns and why."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class PilotageError(Exception):
    """Base of every error that is the user's to fix, not a bug."""


class ValidationError(PilotageError):
    """Input refused before anything was written; lists every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems) or "invalid input")

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class NotFoundError(PilotageError):
    """The record asked for does not exist (any more)."""

    def __init__(self, entity: str, key: object) -> None:
        self.entity = entity
        self.key = key
        super().__init__(f"{entity} {key!s} does not exist")


class DeletedError(NotFoundError):
    """The record was deleted (by another analyst, or earlier): who deleted it and when,
    from the audit log, so that a save over it says so instead of "does not exist"."""

    def __init__(
        self, entity: str, key: object, deleted_by: str | None, deleted_at: str | None
    ) -> None:
        super().__init__(entity, key)
        self.deleted_by = deleted_by
        self.deleted_at = deleted_at
        who = f" by {deleted_by}" if deleted_by else ""
        when = f" at {_utc_minute(deleted_at)}" if deleted_at else ""
        self.args = (f"{entity} {key!s} was deleted{who}{when}",)


class ConflictError(PilotageError):
    """The record changed since it was read: the save is refused, never merged."""

    def __init__(
        self, entity: str, entity_id: int, changed_by: str | None, changed_at: str | None
    ) -> None:
        self.entity = entity
        self.entity_id = entity_id
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = f" by {changed_by}" if changed_by else ""
        when = f" at {_utc_minute(changed_at)}" if changed_at else ""
        super().__init__(
            f"{entity} {entity_id} was changed{who}{when} since you opened it; "
            "reload it and apply your change again"
        )


def _utc_minute(changed_at: str) -> str:
    """The audit's ISO time as a person reads it on the command line: "2026-12-01 11:55 UTC"
    (the window words it again, in the analyst's language and clock)."""
    try:
        at = datetime.fromisoformat(changed_at)
    except ValueError:
        return changed_at
    if at.tzinfo is None:
        return f"{at:%Y-%m-%d %H:%M}"
    return f"{at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


class CancelledError(PilotageError):
    """Long work stopped at the user's request; nothing it was writing was kept."""

    def __init__(self, what: str = "the work") -> None:
        super().__init__(f"{what} was cancelled")
