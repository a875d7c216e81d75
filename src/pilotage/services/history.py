"""The audit log of one record, for its "History" panel: who changed what, and when.

A KPI's history is its own entries and those of its targets and measurements
(`kpi_history`): an analyst asking "who changed this KPI" means its figures too.
Each part's entries are named by their period, taken from the entries themselves,
so that a measurement deleted since is still named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import aliased

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry, KpiTarget, Measurement
from pilotage.domain.enums import AuditAction
from pilotage.domain.periods import period_label

Change = tuple[str | None, str | None]
"""(old, new), both as the audit log rendered them; None where there was no value."""


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    who: str
    action: AuditAction
    reason: str
    changes: dict[str, Change] = field(default_factory=dict)  # by field name
    entity: str = ""  # the record the entry is about ("kpi", "measurement"…)
    entity_id: int = 0
    part: str = ""  # a KPI's target or measurement: its period ("2024-Q3"); "" for the KPI

    def change_lines(self) -> list[str]:
        """One line per changed field, the field as words ("target value"): "field: old
        → new"; a creation's "field: value" and a deletion's "field: value" (what it held)
        say the one value there is."""
        lines = []
        for name, (old, new) in _readable_order(self.changes, self.action):
            field = name.replace("_", " ")
            if self.action is AuditAction.CREATE and old is None:
                lines.append(f"{field}: {_shown(new)}")
            elif self.action is AuditAction.DELETE and new is None:
                lines.append(f"{field}: {_shown(old)}")
            else:
                lines.append(f"{field}: {_shown(old)} → {_shown(new)}")
        return lines


# What a person looks for first in a change; the rest follows in the log's order.
_FIRST = ("code", "name", "title", "value", "numerator", "denominator", "status")
# Bookkeeping the When and Who columns already say, or that only the software reads.
_BOOKKEEPING = frozenset({"id", "version", "entered_at", "entered_by"})


def _readable_order(
    changes: dict[str, tuple[str | None, str | None]], action: AuditAction
) -> list[tuple[str, tuple[str | None, str | None]]]:
    """The changes a person reads, the telling ones first. A creation's or a deletion's
    links to other records (kpi_id…) are left out: the Record column names the record;
    a change of one (a move to another initiative) is kept."""
    kept = [
        (name, change)
        for name, change in changes.items()
        if name not in _BOOKKEEPING
        and not (action is not AuditAction.UPDATE and name.endswith("_id"))
    ]
    rank = {name: place for place, name in enumerate(_FIRST)}
    return sorted(kept, key=lambda item: rank.get(item[0], len(_FIRST)))


def _shown(value: str | None) -> str:
    return "—" if value is None or value == "" else value


def record_history(db: Database, entity: str, entity_id: int) -> list[HistoryEntry]:
    """Every audit entry of one record (entity as in the log: "kpi", "pillar"...),
    newest first: one statement."""
    return _entries(db, and_(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id))


def _entries(db: Database, where: ColumnElement[bool]) -> list[HistoryEntry]:
    """The audit entries `where` keeps, newest first, in one statement."""
    query = (
        select(
            AuditEntry.id,
            AuditEntry.at,
            AuditEntry.who,
            AuditEntry.action,
            AuditEntry.reason,
            AuditEntry.changes,
            AuditEntry.entity,
            AuditEntry.entity_id,
        )
        .where(where)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    with db.reading() as session:
        rows = session.execute(query).all()
    return [
        HistoryEntry(
            e.id,
            e.at,
            e.who,
            e.action,
            e.reason or "",
            decode_changes(e.changes),
            e.entity,
            e.entity_id,
        )
        for e in rows
    ]


def history_of(db: Database, entity: str, entity_id: int) -> list[HistoryEntry]:
    """What the History window shows for a record: a KPI's with its parts, else its own."""
    if entity == "kpi":
        return kpi_history(db, entity_id)
    return record_history(db, entity, entity_id)


def kpi_history(db: Database, kpi_id: int) -> list[HistoryEntry]:
    """The entries of a KPI, of its targets and of its measurements (those it has and
    those deleted since), newest first: one statement whatever their number.

    A deleted part is found by its delete entry, which names the KPI it belonged to.
    """
    # The "kpi_id": ["12", null] a delete entry holds (json.dumps with sort_keys).
    deleted = f'%"kpi_id": ["{kpi_id}", null]%'
    gone = aliased(AuditEntry)

    def part_of_kpi(entity: str, table: type[KpiTarget] | type[Measurement]) -> ColumnElement[bool]:
        return and_(
            AuditEntry.entity == entity,
            or_(
                AuditEntry.entity_id.in_(select(table.id).where(table.kpi_id == kpi_id)),
                AuditEntry.entity_id.in_(
                    select(gone.entity_id).where(
                        gone.entity == entity,
                        gone.action == AuditAction.DELETE,
                        gone.changes.like(deleted),
                    )
                ),
            ),
        )

    entries = _entries(
        db,
        or_(
            and_(AuditEntry.entity == "kpi", AuditEntry.entity_id == kpi_id),
            part_of_kpi("kpi_target", KpiTarget),
            part_of_kpi("measurement", Measurement),
        ),
    )
    names = _part_names(entries)  # a KPI's own entries have no part: "" as before
    return [replace(e, part=names.get((e.entity, e.entity_id), "")) for e in entries]


def _part_names(entries: list[HistoryEntry]) -> dict[tuple[str, int], str]:
    """Each target's and measurement's period, from the newest entry that names it."""
    names: dict[tuple[str, int], str] = {}
    for entry in entries:  # newest first
        key = (entry.entity, entry.entity_id)
        if key in names or entry.entity == "kpi":
            continue
        end = _day(entry.changes.get("period_end"))
        if end is None:
            continue
        if entry.entity == "measurement":
            start = _day(entry.changes.get("period_start"))
            if start is None:
                continue
            names[key] = period_label(start, end)
        else:
            names[key] = end.isoformat()
    return names


def _day(change: Change | None) -> date | None:
    if change is None:
        return None
    text = change[1] if change[1] is not None else change[0]
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def decode_changes(text: str | None) -> dict[str, Change]:
    """The {field: [old, new]} JSON of an audit entry as {field: (old, new)}.

    The log is never edited, so an entry written by an older version that does
    not parse is shown as it is rather than hidden: {"": (None, text)}.
    """
    if not text:
        return {}
    try:
        decoded = json.loads(text)
    except ValueError:
        return {"": (None, text)}
    if not isinstance(decoded, dict):
        return {"": (None, text)}
    changes: dict[str, Change] = {}
    for name, pair in decoded.items():
        if isinstance(pair, list) and len(pair) == 2:
            changes[str(name)] = (_text(pair[0]), _text(pair[1]))
        else:
            changes[str(name)] = (None, _text(pair))
    return changes


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
