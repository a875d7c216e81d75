"""Saves that lost a race with another analyst: refused, naming who won and when.

A versioned record changed since it was read is refused by `check_version` (or,
when the change lands between that check and the write, by the ORM's version
check: `Database.transaction`). A new measurement of a KPI and period that
someone recorded meanwhile is refused here, with the same who and when, read
from the audit log: on SQLite before the insert (the transaction holds the write
lock, so the other's row is already visible), on PostgreSQL when the unique
constraint refuses the insert (the failed transaction takes no more queries: the
audit is read after the rollback).
"""

from __future__ import annotations

from datetime import datetime

from pilotage.domain.errors import ConflictError
from pilotage.domain.formatting import format_day
from pilotage.domain.messages import translate

__all__ = ["MeasurementRecordedError", "TargetRevisedError", "moment"]


def moment(changed_at: str | None) -> str | None:
    """The audit's time (ISO, UTC) as the analyst's clock reads it: "2026-12-01 10:42"
    (the day in the window's pattern); None stays None, garbage is shown as it is."""
    if not changed_at:
        return None
    try:
        at = datetime.fromisoformat(changed_at)
    except ValueError:
        return changed_at
    local = at.astimezone() if at.tzinfo is not None else at
    return f"{format_day(local.date())} {local:%H:%M}"


class MeasurementRecordedError(ConflictError):
    """A KPI's period was recorded by someone else meanwhile: this figure is not saved
    (nothing duplicated); the sentence names the period, the KPI, who and when."""

    def __init__(
        self, code: str, period: str, entity_id: int, by: str | None, at: str | None
    ) -> None:
        super().__init__("measurement", entity_id, by, at)
        self.code, self.period = code, period
        when = moment(at)
        if by and when:
            text = translate(
                "Conflicts",
                "{period} of {code} was recorded by {by} at {at} meanwhile: your figure was "
                "not saved; edit that measurement instead",
            )
        elif by:
            text = translate(
                "Conflicts",
                "{period} of {code} was recorded by {by} meanwhile: your figure was not saved; "
                "edit that measurement instead",
            )
        else:
            text = translate(
                "Conflicts",
                "{period} of {code} was recorded by someone else meanwhile: your figure was not "
                "saved; edit that measurement instead",
            )
        self.args = (text.format(period=period, code=code, by=by, at=when),)


class TargetRevisedError(ConflictError):
    """A period's target was revised (or its revisions removed) by someone else after the
    analyst read it: this revision is not saved, so that it never silently supersedes one
    the analyst has not seen; the sentence names the period, the KPI, who and when."""

    def __init__(self, code: str, day: str, entity_id: int, by: str | None, at: str | None) -> None:
        super().__init__("kpi_target", entity_id, by, at)
        self.code, self.day = code, day
        when = moment(at)
        if by and when:
            text = translate(
                "Conflicts",
                "the target of {day} of {code} was changed by {by} at {at}, after you had "
                "opened this form: your revision was not saved",
            )
        elif by:
            text = translate(
                "Conflicts",
                "the target of {day} of {code} was changed by {by} after you had opened this "
                "form: your revision was not saved",
            )
        else:
            text = translate(
                "Conflicts",
                "the target of {day} of {code} was changed by someone else after you had "
                "opened this form: your revision was not saved",
            )
        self.args = (text.format(day=day, code=code, by=by, at=when),)
