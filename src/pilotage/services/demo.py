"""Loading the demo contract-program in one transaction, with bulk inserts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from pilotage.db.database import Database
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
from pilotage.domain.enums import AuditAction, ProgramStatus
from pilotage.services import audit, demo_pillars
from pilotage.services import demo_data as demo
from pilotage.services.identity import current_user
from pilotage.services.programs import ProgramRow, program_row
from pilotage.services.validation import refuse

REASON = "demo contract-program"


def _table(model: type[Base]) -> Table:
    return metadata.tables[model.__tablename__]


class _Loader:
    """Inserts table by table (one executemany each) and audits every row it adds."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.audit: list[tuple[str, int, AuditAction, dict[str, tuple[str | None, str | None]]]]
        self.audit = []

    def add(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        if not rows:
            return []
        versioned = "version" in table.c
        # executemany takes its columns from the first row: every row must have the same keys.
        assert all(row.keys() == rows[0].keys() for row in rows), table.name
        prepared = [{**row, "version": 1} if versioned else dict(row) for row in rows]
        if "id" not in table.c:
            self.session.execute(insert(table), prepared)
            return []
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = [int(i) for i in self.session.scalars(statement, prepared)]
        for record_id, row in zip(ids, rows, strict=True):
            self.audit.append((table.name, record_id, AuditAction.CREATE, audit.diff({}, row)))
        return ids


def load_demo(db: Database) -> ProgramRow:
    """Create the ministry–MNC contract-program; refused if it is already there."""
    with db.transaction() as session:
        if session.scalar(
            select(ContractProgram.id).where(ContractProgram.reference == demo.REFERENCE)
        ):
            refuse("reference", f"the demo program {demo.REFERENCE} is already in this database")
        loader = _Loader(session)
        orgs = _organizations(session, loader)
        program_id = _structure(loader, orgs)
        audit.record_many(session, loader.audit, reason=REASON)
        program = session.get(ContractProgram, program_id)
        assert program is not None
        return program_row(program)


def _organizations(session: Session, loader: _Loader) -> dict[str, int]:
    """Organizations are referenced, never duplicated: reuse those already present."""
    existing = {
        acronym: org_id
        for acronym, org_id in session.execute(select(Organization.acronym, Organization.id))
        if acronym
    }
    missing = [o for o in demo.ORGANIZATIONS if o["acronym"] not in existing]
    ids = loader.add(_table(Organization), [{**o, "website": ""} for o in missing])
    existing.update({str(o["acronym"]): i for o, i in zip(missing, ids, strict=True)})
    return existing


def _structure(loader: _Loader, orgs: dict[str, int]) -> int:
    [program_id] = loader.add(
        _table(ContractProgram), [{**demo.PROGRAM, "status": ProgramStatus.ACTIVE}]
    )
    loader.add(
        _table(ProgramParty),
        [
            {
                "program_id": program_id,
                "organization_id": orgs[acronym],
                "role": role,
                "signatory_name": name,
                "signatory_title": title,
            }
            for acronym, role, name, title in demo.PARTIES
        ],
    )
    pillar_ids = loader.add(
        _table(Pillar),
        [
            {"program_id": program_id, "position": n, "code": p.code, "title": p.title,
             "objective": p.objective}
            for n, p in enumerate(demo_pillars.PILLARS, start=1)
        ],
    )  # fmt: skip
    initiatives = [
        (pillar_id, i)
        for pillar_id, p in zip(pillar_ids, demo_pillars.PILLARS, strict=True)
        for i in p.initiatives
    ]
    initiative_ids = loader.add(
        _table(Initiative),
        [
            {
                "pillar_id": pillar_id,
                "code": i.code,
                "name": i.name,
                "description": i.description,
                "lead_organization_id": orgs[i.lead],
                "start_date": i.start,
                "end_date": i.end,
                "status": i.status,
                "planned_budget": i.budget,
            }
            for pillar_id, i in initiatives
        ],
    )
    loader.add(
        initiative_partner,
        [
            {"initiative_id": iid, "organization_id": orgs[acronym]}
            for iid, (_, i) in zip(initiative_ids, initiatives, strict=True)
            for acronym in i.partners
        ],
    )
    loader.add(
        _table(Milestone),
        [
            {"initiative_id": iid, "title": title, "due_date": due, "done_date": done}
            for iid, (_, i) in zip(initiative_ids, initiatives, strict=True)
            for title, due, done in i.milestones
        ],
    )
    loader.add(
        _table(BudgetLine),
        [
            {"initiative_id": iid, "year": year, "planned": planned, "committed": committed,
             "disbursed": disbursed}
            for iid, (_, i) in zip(initiative_ids, initiatives, strict=True)
            for year, planned, committed, disbursed in i.budget_lines
        ],
    )  # fmt: skip
    kpis: list[tuple[dict[str, int | None], demo.DemoKpi]] = [
        ({"program_id": program_id}, k) for k in demo_pillars.PROGRAM_KPIS
    ]
    for iid, (_, initiative) in zip(initiative_ids, initiatives, strict=True):
        kpis += [({"initiative_id": iid}, k) for k in initiative.kpis]
    _kpis(loader, kpis, orgs["MNC"])
    return program_id


def _kpis(
    loader: _Loader, kpis: list[tuple[dict[str, int | None], demo.DemoKpi]], responsible: int
) -> None:
    kpi_ids = loader.add(
        _table(Kpi),
        [
            {
                "program_id": None,
                "pillar_id": None,
                "initiative_id": None,
                **owner,
                "code": k.code,
                "name": k.name,
                "definition": k.definition,
                "unit": k.unit,
                "measure": k.measure,
                "direction": k.direction,
                "aggregation": k.aggregation,
                "frequency": k.frequency,
                "baseline_value": k.baseline,
                "baseline_date": k.baseline_date,
                "target_value": k.target,
                "target_date": k.target_date,
                "data_source": k.data_source,
                "responsible_organization_id": responsible,
                "means_of_verification": k.note,
            }
            for owner, k in kpis
        ],
    )
    loader.add(
        _table(KpiTarget),
        [
            row
            for kid, (_, k) in zip(kpi_ids, kpis, strict=True)
            for period_end, value, on, reason in k.revised
            for row in (
                # The original plan of that period, then its revision: both are kept.
                {"kpi_id": kid, "period_end": period_end, "value": k.target, "revision": 0,
                 "revised_on": None, "reason": ""},
                {"kpi_id": kid, "period_end": period_end, "value": value, "revision": 1,
                 "revised_on": on, "reason": reason},
            )
        ],
    )  # fmt: skip
    entered_at = datetime.now(UTC)
    measured = [(kid, m) for kid, (_, k) in zip(kpi_ids, kpis, strict=True) for m in k.measurements]
    measurement_ids = loader.add(
        _table(Measurement),
        [
            {
                "kpi_id": kid,
                "period_start": m.period_start,
                "period_end": m.period_end,
                "value": m.value,
                "numerator": m.numerator,
                "denominator": m.denominator,
                "status": m.status,
                "comment": m.comment or demo.ILLUSTRATIVE if m.numerator is None else m.comment,
                "entered_by": current_user(),
                "entered_at": entered_at,
            }
            for kid, m in measured
        ],
    )
    loader.add(
        _table(Disaggregation),
        [
            {"measurement_id": mid, "dimension": "sexe", "category": category, "value": value}
            for mid, (_, m) in zip(measurement_ids, measured, strict=True)
            if m.by_sex
            for category, value in zip(("femmes", "hommes"), m.by_sex, strict=True)
        ],
    )
