"""Per-period targets of a KPI: the original plan and its dated revisions.

Revision 0 of a period is the original plan. Revising adds a row (revision
1, 2...) with its date and reason and never touches older rows, so that the
"against original targets" views keep what was first agreed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pilotage.db.base import NOTE_LENGTH
from pilotage.db.database import Database, conflict_error, newest_entry, who_and_when
from pilotage.db.schema import Kpi, KpiTarget
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import Problem, ValidationError
from pilotage.domain.formatting import format_day
from pilotage.domain.kpi_types import TargetPoint
from pilotage.domain.messages import translate
from pilotage.services import audit
from pilotage.services.conflicts import TargetRevisedError
from pilotage.services.input_types import check_value, is_date
from pilotage.services.kpi_values import check_figure, check_period_end
from pilotage.services.records import Snapshot, capture, check_version, load, rows_of
from pilotage.services.undo import restore_deleted
from pilotage.services.validation import Checker, refuse

ENTITY = "kpi_target"

ORIGINAL = 0
"""The revision number of the original plan."""


class Unseen(Enum):
    """`revise_target` called without saying what the analyst saw: nothing to compare."""

    UNSEEN = "unseen"


UNSEEN = Unseen.UNSEEN


@dataclass(frozen=True)
class TargetRow:
    id: int
    version: int
    kpi_id: int
    period_end: date
    value: Decimal
    revision: int
    revised_on: date | None
    reason: str
    is_original: bool


def _row(target: KpiTarget) -> TargetRow:
    return TargetRow(
        id=target.id,
        version=target.version,
        kpi_id=target.kpi_id,
        period_end=target.period_end,
        value=target.value,
        revision=target.revision,
        revised_on=target.revised_on,
        reason=target.reason,
        is_original=target.revision == ORIGINAL,
    )


def _audited(row: TargetRow) -> dict[str, object]:
    return {
        key: value
        for key, value in asdict(row).items()
        if key in ("kpi_id", "period_end", "value", "revision", "revised_on", "reason")
    }


def _check(
    check: Checker, kpi: Kpi, period_end: date | None, value: Decimal | None
) -> Decimal | None:
    if check_value(check, "period_end", period_end, date):
        check_period_end(check, "period_end", kpi.frequency, period_end)
    if not check_value(check, "value", value, Decimal):
        return None
    return check_figure(
        check, "value", value, measure=kpi.measure, unit=kpi.unit, measured=False, required=True
    )


def _lock_targets(session: Session, kpi_id: int) -> None:
    """Hold the KPI's row until the transaction ends, before reading its targets: two
    analysts setting, revising or removing a KPI's targets at once on PostgreSQL then
    take turns, the second reading what the first committed (on SQLite, BEGIN IMMEDIATE
    serialises writers already)."""
    session.execute(select(Kpi.id).where(Kpi.id == kpi_id).with_for_update())


def _revisions(session: Session, kpi_id: int, period_end: date) -> list[KpiTarget]:
    return list(
        session.scalars(
            select(KpiTarget)
            .where(KpiTarget.kpi_id == kpi_id, KpiTarget.period_end == period_end)
            .order_by(KpiTarget.revision)
        )
    )


def set_target(
    db: Database,
    kpi_id: int,
    period_end: date,
    value: Decimal,
    *,
    version: int | None = None,
) -> TargetRow:
    """Set the original planned target of a period (create it or change it).

    `version` is the version of the original target as the user read it. It is
    left out only to create the period's first target: when that target exists
    already and no version comes, someone set it since the user looked, and the
    save is refused (ConflictError naming who) rather than overwriting it blind,
    also when the two first targets race (PostgreSQL's unique constraint).
    """
    try:
        return _set_target(db, kpi_id, period_end, value, version)
    except _SetMeanwhileError as lost:
        # Read after the rollback: the failed transaction takes no more queries.
        with db.reading() as session:
            original = _original(session, kpi_id, period_end)
            if original is None:  # set and removed again since: nothing to name
                problem = translate("Conflicts", "was set meanwhile, then removed: set it again")
                raise ValidationError([Problem("period_end", problem)]) from lost.__cause__
            raise conflict_error(session, ENTITY, original.id) from lost.__cause__


class _SetMeanwhileError(Exception):
    """The first target of the period was set by another transaction since we looked."""


def _original(session: Session, kpi_id: int, period_end: date) -> KpiTarget | None:
    return session.scalars(
        select(KpiTarget).where(
            KpiTarget.kpi_id == kpi_id,
            KpiTarget.period_end == period_end,
            KpiTarget.revision == ORIGINAL,
        )
    ).first()


def _set_target(
    db: Database, kpi_id: int, period_end: date, value: Decimal, version: int | None
) -> TargetRow:
    with db.transaction() as session:
        kpi = load(session, Kpi, kpi_id)
        _lock_targets(session, kpi_id)
        check = Checker()
        number = _check(check, kpi, period_end, value)
        check.raise_if_any()
        assert number is not None  # required: the checker refused None
        original = _original(session, kpi_id, period_end)
        if original is None:
            original = KpiTarget(
                kpi_id=kpi_id, period_end=period_end, value=number, revision=ORIGINAL, reason=""
            )
            session.add(original)
            try:
                session.flush()
            except IntegrityError as exc:  # only on PostgreSQL: SQLite's lock saw it above
                raise _SetMeanwhileError from exc
            audit.record_created(session, ENTITY, original.id, _audited(_row(original)))
            return _row(original)
        if version is None:
            raise conflict_error(session, ENTITY, original.id)
        check_version(session, original, version)
        changes = audit.diff({"value": original.value}, {"value": number})
        if changes:
            original.value = number
            session.flush()
            audit.record(session, ENTITY, original.id, AuditAction.UPDATE, changes)
        return _row(original)


def revise_target(
    db: Database,
    kpi_id: int,
    period_end: date,
    value: Decimal,
    reason: str,
    revised_on: date | None = None,
    *,
    seen: TargetRow | Unseen | None = UNSEEN,
) -> TargetRow:
    """Add a revision of a period's target, dated (today by default) and explained.

    `seen` is the period's latest target row as the analyst read it (None: the period
    had none). If it was changed or removed, or another revision added, since, the
    revision is refused with TargetRevisedError naming who and when: it would
    otherwise supersede a figure the analyst never saw. A caller that shows no
    targets (a script) leaves it out.
    """
    if revised_on is None:
        # The analyst's own calendar day, not UTC's: a revision made at 00:30 in Rabat
        # is dated that day.
        revised_on = datetime.now().astimezone().date()
    with db.transaction() as session:
        kpi = load(session, Kpi, kpi_id)
        _lock_targets(session, kpi_id)
        check = Checker()
        number = _check(check, kpi, period_end, value)
        why = ""
        if check_value(check, "reason", reason, str):
            why = check.text("reason", reason, max_length=NOTE_LENGTH, required=True)
        dated_ok = check_value(check, "revised_on", revised_on, date)
        # The revisions of a period end that is not a date cannot be looked up.
        earlier = _revisions(session, kpi_id, period_end) if is_date(period_end) else []
        if not isinstance(seen, Unseen) and is_date(period_end):
            _check_seen(session, kpi.code, period_end, earlier, seen)
        dated = [t.revised_on for t in earlier if t.revised_on is not None]
        # The engine takes the latest-dated revision: a later revision may not predate one.
        if dated_ok and dated and revised_on < max(dated):
            check.add(
                "revised_on",
                f"must not be before the last revision of this target ({max(dated).isoformat()})",
            )
        check.raise_if_any()
        assert number is not None  # required: the checker refused None
        revision = KpiTarget(
            kpi_id=kpi_id,
            period_end=period_end,
            value=number,
            revision=max((t.revision for t in earlier), default=ORIGINAL) + 1,
            revised_on=revised_on,
            reason=why,
        )
        session.add(revision)
        session.flush()
        audit.record_created(session, ENTITY, revision.id, _audited(_row(revision)), reason=why)
        return _row(revision)


def _check_seen(
    session: Session,
    code: str,
    period_end: date,
    earlier: list[KpiTarget],
    seen: TargetRow | None,
) -> None:
    """Refuse a revision made over a latest target other than the one the analyst saw,
    or over the same one changed since (its original value set again)."""
    latest = earlier[-1] if earlier else None
    now = (latest.id, latest.version) if latest is not None else None
    if now == ((seen.id, seen.version) if seen is not None else None):
        return
    # Who changed it: the newest audit of the row seen (changed or removed since) or of
    # the row now latest (added since).
    ids = [row.id for row in (seen, latest) if row is not None]
    last = newest_entry(session, ENTITY, ids)
    entity_id = last.entity_id if last is not None else ids[0]
    raise TargetRevisedError(code, format_day(period_end), entity_id, *who_and_when(last))


def restore_revision(db: Database, snapshot: Snapshot, seen: TargetRow | None) -> None:
    """Put back a revision its undo removed (the window's redo), over `seen`: the
    period's latest target after that undo, as the analyst saw it. Revised, changed
    or removed meanwhile, it is refused as revise_target would be (TargetRevisedError),
    instead of slipping the revision back in under another analyst's."""
    (removed,) = rows_of(snapshot, ENTITY)
    kpi_id, period_end = int(removed["kpi_id"]), removed["period_end"]

    def over_what_was_seen(session: Session) -> None:
        kpi = load(session, Kpi, kpi_id)
        _lock_targets(session, kpi_id)
        _check_seen(session, kpi.code, period_end, _revisions(session, kpi_id, period_end), seen)

    restore_deleted(db, snapshot, over_what_was_seen)


def remove_target(db: Database, target_id: int, version: int) -> Snapshot:
    """Remove one target row, a revision or the original; the others stay.

    The original goes only once its period has no revision left: a revision
    without the original it revised would lose what was first agreed.
    """
    with db.transaction() as session:
        target = load(session, KpiTarget, target_id)
        _lock_targets(session, target.kpi_id)
        # As committed by whoever held the lock before us: removed, it is named.
        fresh = session.get(KpiTarget, target_id, populate_existing=True)
        if fresh is None:
            raise conflict_error(session, ENTITY, target_id)
        check_version(session, fresh, version)
        if target.revision == ORIGINAL:
            revisions = session.scalar(
                select(func.count())
                .select_from(KpiTarget)
                .where(
                    KpiTarget.kpi_id == target.kpi_id,
                    KpiTarget.period_end == target.period_end,
                    KpiTarget.revision > ORIGINAL,
                )
            )
            if revisions:
                refuse(
                    "revision",
                    f"the original target of {target.period_end.isoformat()} cannot be removed "
                    f"while its {revisions} revision{'s' if revisions > 1 else ''} remain"
                    f"{'' if revisions > 1 else 's'}: remove the revisions first",
                )
        snapshot = capture(session, ENTITY, [target_id])
        values = _audited(_row(target))
        session.delete(target)
        session.flush()
        # Nothing cascades from a target today; should that change, its rows are logged too.
        audit.record_cascade(session, snapshot, f"deleted with target {target_id}")
        audit.record_deleted(session, ENTITY, target_id, values)
        return snapshot


def latest_target(rows: Iterable[TargetRow], period_end: date) -> TargetRow | None:
    """The target in force for `period_end` among `rows`: its latest revision, else the
    original (None: the period has no target)."""
    of_period = [t for t in rows if t.period_end == period_end]
    return max(of_period, key=lambda t: t.revision) if of_period else None


def list_targets(db: Database, kpi_id: int) -> list[TargetRow]:
    """Every target of a KPI, by period, the original first and then its revisions."""
    with db.reading() as session:
        load(session, Kpi, kpi_id)
        return read_targets(session, kpi_id)


def read_targets(session: Session, kpi_id: int) -> list[TargetRow]:
    """`list_targets` within an open session, without checking the KPI exists: one statement."""
    targets = session.scalars(
        select(KpiTarget)
        .where(KpiTarget.kpi_id == kpi_id)
        .order_by(KpiTarget.period_end, KpiTarget.revision)
    )
    return [_row(t) for t in targets]


def target_points(rows: Iterable[TargetRow]) -> list[TargetPoint]:
    """What the engine reads: every original and revision, in period and revision order."""
    return [
        TargetPoint(row.period_end, row.value, row.revised_on, row.reason, row.revision)
        for row in sorted(rows, key=lambda r: (r.period_end, r.revision))
    ]
