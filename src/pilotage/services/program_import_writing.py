"""Writing a checked program workbook's content into the database: one executemany per
table (as services/demo.py loads the demo) and an audit entry per row added, all in the
caller's transaction.

Organizations are referenced, never duplicated: one already here with the same acronym
(the same name, for one without an acronym) is used as it is, and when its fields differ
from the workbook's the analyst is told so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table, and_, func, insert, or_, select
from sqlalchemy.orm import Session

from pilotage.db.schema import (
    Base,
    BudgetLine,
    ContractProgram,
    Disaggregation,
    Initiative,
    Kpi,
    KpiTarget,
    Measurement,
    Milestone,
    Organization,
    Pillar,
    ProgramParty,
    initiative_partner,
    metadata,
)
from pilotage.domain.enums import AuditAction
from pilotage.domain.errors import CancelledError
from pilotage.domain.messages import translate
from pilotage.exchange.program_content import (
    KpiKey,
    OrganizationContent,
    ProgramWorkbookContent,
)
from pilotage.services import audit

_ORG_FIELDS = ("name", "acronym", "kind", "founded_year", "website", "notes")


def _table(model: type[Base]) -> Table:
    return metadata.tables[model.__tablename__]


@dataclass
class OrganizationMatch:
    """The workbook's organizations: those already here (by key), those to add, and the
    sentences the analyst reads about the ones reused."""

    existing: dict[str, int] = field(default_factory=dict)
    missing: list[OrganizationContent] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def match_organizations(
    session: Session, organizations: Sequence[OrganizationContent]
) -> OrganizationMatch:
    """One statement: the organizations here with one of the workbook's acronyms, or
    without an acronym and with one of the names of the workbook's unnamed ones."""
    match = OrganizationMatch()
    if not organizations:
        return match
    acronyms = [o.acronym for o in organizations if o.acronym]
    names = [o.name for o in organizations if not o.acronym]
    here = session.execute(
        select(Organization).where(
            or_(
                Organization.acronym.in_(acronyms),
                and_(
                    or_(Organization.acronym.is_(None), Organization.acronym == ""),
                    Organization.name.in_(names),
                ),
            )
        ).order_by(Organization.id)
    ).scalars().all()  # fmt: skip
    by_key: dict[str, Organization] = {}
    for org in here:
        by_key.setdefault(org.acronym or org.name, org)
    reused: list[str] = []
    for wanted in organizations:
        found = by_key.get(wanted.key)
        if found is None:
            match.missing.append(wanted)
            continue
        match.existing[wanted.key] = found.id
        reused.append(wanted.key)
        differing = [name for name in _ORG_FIELDS if _here(found, name) != getattr(wanted, name)]
        if differing:
            match.notes.append(
                translate(
                    "Import",
                    "organization {key} is already in this database with another {fields}: "
                    "kept as it is here, the workbook's ignored",
                ).format(key=wanted.key, fields=", ".join(differing))
            )
    if reused:
        text = translate("Import", "organizations already here, reused: {keys}")
        match.notes.insert(0, text.format(keys=", ".join(reused)))
    return match


def _here(org: Organization, name: str) -> object:
    value = getattr(org, name)
    return value or "" if name == "acronym" else value


CHUNK = 10_000  # rows per executemany: a program of 300,000 figures is not held twice over


class _Loader:
    """Inserts table by table (an executemany per chunk of rows) and audits every row it
    adds, chunk by chunk, so that the audit entries of a large program are never all held."""

    def __init__(self, session: Session, reason: str) -> None:
        self.session = session
        self.reason = reason
        # SQLite numbers a row one past the largest id: the ids of a plain executemany can
        # be known (and are checked) without RETURNING, which SQLAlchemy can only do there
        # one row per statement to keep the rows' order. Elsewhere RETURNING is batched.
        self.counted_ids = session.get_bind().dialect.name == "sqlite"

    def add(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        ids: list[int] = []
        for start in range(0, len(rows), CHUNK):
            ids += self._add(table, rows[start : start + CHUNK])
        return ids

    def _add(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        versioned = "version" in table.c
        prepared = [{**row, "version": 1} if versioned else dict(row) for row in rows]
        if "id" not in table.c:
            self.session.execute(insert(table), prepared)
            return []
        if self.counted_ids:
            ids = _counted_ids(self.session, table, prepared)
        else:
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            ids = [int(i) for i in self.session.scalars(statement, prepared)]
        audit.record_many(
            self.session,
            (
                (table.name, record_id, AuditAction.CREATE, audit.diff({}, row))
                for record_id, row in zip(ids, rows, strict=True)
            ),
            reason=self.reason,
        )
        return ids


class _UnexpectedIdsError(RuntimeError):
    """The rows inserted did not take the ids SQLite gives; nothing is kept (the caller's
    transaction is rolled back)."""


def _counted_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Inserts `rows` (one executemany, no RETURNING) and gives their ids, in order: past
    the largest id before the insert, one each. Checked: exactly that many rows of the
    table are past it afterwards (within the transaction, which holds SQLite's write lock,
    they can only be these, numbered in the order they were inserted)."""
    column = table.c.id
    before = session.scalar(select(func.coalesce(func.max(column), 0))) or 0
    session.execute(insert(table), rows)
    count, last = session.execute(
        select(func.count(), func.max(column)).where(column > before)
    ).one()
    if count != len(rows) or last != before + len(rows):
        raise _UnexpectedIdsError(
            f"the {len(rows)} rows added to {table.name} did not take the ids expected"
        )
    return list(range(before + 1, before + len(rows) + 1))


def write_content(
    session: Session,
    content: ProgramWorkbookContent,
    orgs: OrganizationMatch,
    reason: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Adds the program and everything under it; the new program's id.

    Between two chunks of figures, `progress(done, total)` (figures and splits written)
    and `cancelled()`: CancelledError then, for the caller's transaction to roll back."""

    def check(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise CancelledError("importing the program workbook")
        if progress is not None:
            progress(done, total)

    loader = _Loader(session, reason)
    org_ids = dict(orgs.existing)
    added = loader.add(
        _table(Organization),
        [
            {"name": o.name, "acronym": o.acronym or None, "kind": o.kind,
             "founded_year": o.founded_year, "website": o.website, "notes": o.notes}
            for o in orgs.missing
        ],
    )  # fmt: skip
    org_ids.update({o.key: i for o, i in zip(orgs.missing, added, strict=True)})
    p = content.program
    [program_id] = loader.add(
        _table(ContractProgram),
        [{"reference": p.reference, "title": p.title, "description": p.description,
          "signed_on": p.signed_on, "start_date": p.start_date, "end_date": p.end_date,
          "status": p.status, "currency": p.currency, "total_budget": p.total_budget}],
    )  # fmt: skip
    loader.add(
        _table(ProgramParty),
        [
            {"program_id": program_id, "organization_id": org_ids[x.organization],
             "role": x.role, "signatory_name": x.signatory_name,
             "signatory_title": x.signatory_title}
            for x in content.parties
        ],
    )  # fmt: skip
    pillar_ids = loader.add(
        _table(Pillar),
        [
            {"program_id": program_id, "position": x.position, "code": x.code,
             "title": x.title, "objective": x.objective}
            for x in content.pillars
        ],
    )  # fmt: skip
    pillar_id = {x.code: i for x, i in zip(content.pillars, pillar_ids, strict=True)}
    initiative_ids = loader.add(
        _table(Initiative),
        [
            {"pillar_id": pillar_id[n.pillar], "code": n.code, "name": n.name,
             "description": n.description,
             "lead_organization_id": org_ids[n.lead] if n.lead else None,
             "start_date": n.start_date, "end_date": n.end_date, "status": n.status,
             "planned_budget": n.planned_budget}
            for n in content.initiatives
        ],
    )  # fmt: skip
    initiative_id = {
        (n.pillar, n.code): i for n, i in zip(content.initiatives, initiative_ids, strict=True)
    }
    loader.add(
        initiative_partner,
        [
            {"initiative_id": initiative_id[n.pillar, n.code], "organization_id": org_ids[o]}
            for n in content.initiatives
            for o in n.partners
        ],
    )
    loader.add(
        _table(Milestone),
        [
            {"initiative_id": initiative_id[m.pillar, m.initiative], "title": m.title,
             "due_date": m.due_date, "done_date": m.done_date, "note": m.note}
            for m in content.milestones
        ],
    )  # fmt: skip
    loader.add(
        _table(BudgetLine),
        [
            {"initiative_id": initiative_id[b.pillar, b.initiative], "year": b.year,
             "planned": b.planned, "committed": b.committed, "disbursed": b.disbursed}
            for b in content.budget_lines
        ],
    )  # fmt: skip
    kpi_id = _kpis(loader, content, program_id, pillar_id, initiative_id, org_ids)
    measurements = list(content.measurements)
    # Only the figures that have disaggregations need their new id kept.
    splits = list(content.disaggregations)  # a list already when read from a workbook
    split = {(d.kpi, d.period_start, d.period_end) for d in splits}
    measurement_id: dict[tuple[KpiKey, date, date], int] = {}
    total = len(measurements) + len(splits)
    for start in range(0, len(measurements), CHUNK):  # the rows to insert made a chunk at a time
        check(start, total)
        part = measurements[start : start + CHUNK]
        ids = loader.add(
            _table(Measurement),
            [
                {"kpi_id": kpi_id[m.kpi], "period_start": m.period_start,
                 "period_end": m.period_end, "value": m.value, "numerator": m.numerator,
                 "denominator": m.denominator, "status": m.status, "comment": m.comment,
                 "evidence_link": m.evidence_link, "entered_by": m.entered_by,
                 "entered_at": m.entered_at}
                for m in part
            ],
        )  # fmt: skip
        for m, i in zip(part, ids, strict=True):
            key = (m.kpi, m.period_start, m.period_end)
            if key in split:
                measurement_id[key] = i
    check(len(measurements), total)
    loader.add(
        _table(Disaggregation),
        [
            {"measurement_id": measurement_id[d.kpi, d.period_start, d.period_end],
             "dimension": d.dimension, "category": d.category, "value": d.value}
            for d in splits
        ],
    )  # fmt: skip
    if progress is not None:
        progress(total, total)
    return program_id


def _kpis(
    loader: _Loader,
    content: ProgramWorkbookContent,
    program_id: int,
    pillar_id: dict[str, int],
    initiative_id: dict[tuple[str, str], int],
    org_ids: dict[str, int],
) -> dict[KpiKey, int]:
    def owner(key: KpiKey) -> dict[str, int | None]:
        if key.initiative:
            return {"program_id": None, "pillar_id": None,
                    "initiative_id": initiative_id[key.pillar, key.initiative]}  # fmt: skip
        if key.pillar:
            return {"program_id": None, "pillar_id": pillar_id[key.pillar], "initiative_id": None}
        return {"program_id": program_id, "pillar_id": None, "initiative_id": None}

    ids = loader.add(
        _table(Kpi),
        [
            {**owner(k.key), "code": k.key.code, "name": k.name, "definition": k.definition,
             "unit": k.unit, "measure": k.measure, "direction": k.direction,
             "aggregation": k.aggregation, "frequency": k.frequency,
             "baseline_value": k.baseline_value, "baseline_date": k.baseline_date,
             "target_value": k.target_value, "target_date": k.target_date, "green": k.green,
             "amber": k.amber, "data_source": k.data_source,
             "responsible_organization_id": org_ids[k.responsible] if k.responsible else None,
             "means_of_verification": k.means_of_verification}
            for k in content.kpis
        ],
    )  # fmt: skip
    kpi_id = {k.key: i for k, i in zip(content.kpis, ids, strict=True)}
    loader.add(
        _table(KpiTarget),
        [
            {"kpi_id": kpi_id[t.kpi], "period_end": t.period_end, "value": t.value,
             "revision": t.revision, "revised_on": t.revised_on, "reason": t.reason}
            for t in content.targets
        ],
    )  # fmt: skip
    return kpi_id
