"""A program read from the database as plain values (exchange.program_content): what a
program workbook is written from, and the comparable snapshot of a program.

One statement per table whatever the program's size; measurements and
disaggregations are streamed (yield_per) rather than held.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from pilotage.db.schema import (
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
)
from pilotage.domain.errors import NotFoundError
from pilotage.exchange.program_content import (
    BudgetLineContent,
    DisaggregationContent,
    InitiativeContent,
    KpiContent,
    KpiKey,
    MeasurementContent,
    MilestoneContent,
    OrganizationContent,
    PartyContent,
    PillarContent,
    ProgramContent,
    ProgramWorkbookContent,
    TargetContent,
)

STREAM_ROWS = 5_000  # rows fetched at a time from the measurements' and splits' queries


def read_program(session: Session, program_id: int) -> ProgramWorkbookContent:
    """The program's content; measurements and disaggregations as streams to be read
    inside `session`'s lifetime, once."""
    p = session.get(ContractProgram, program_id)
    if p is None:
        raise NotFoundError("program", program_id)
    program = ProgramContent(
        p.reference, p.title, p.description, p.signed_on, p.start_date, p.end_date,
        p.status, p.currency, p.total_budget,
    )  # fmt: skip
    pillar_rows = session.execute(
        select(Pillar.id, Pillar.position, Pillar.code, Pillar.title, Pillar.objective)
        .where(Pillar.program_id == program_id)
        .order_by(Pillar.position)
    ).all()
    pillar_code = {row.id: row.code for row in pillar_rows}
    pillar_ids = select(Pillar.id).where(Pillar.program_id == program_id)
    initiative_rows = session.execute(
        select(Initiative).where(Initiative.pillar_id.in_(pillar_ids)).order_by(Initiative.id)
    ).scalars().all()  # fmt: skip
    initiative_key = {i.id: (pillar_code[i.pillar_id], i.code) for i in initiative_rows}
    initiative_ids = select(Initiative.id).where(Initiative.pillar_id.in_(pillar_ids))
    partner_rows = session.execute(
        select(initiative_partner.c.initiative_id, initiative_partner.c.organization_id).where(
            initiative_partner.c.initiative_id.in_(initiative_ids)
        )
    ).all()
    party_rows = session.execute(
        select(ProgramParty).where(ProgramParty.program_id == program_id).order_by(ProgramParty.id)
    ).scalars().all()  # fmt: skip
    kpi_scope = or_(
        Kpi.program_id == program_id,
        Kpi.pillar_id.in_(pillar_ids),
        Kpi.initiative_id.in_(initiative_ids),
    )
    kpi_rows = session.execute(select(Kpi).where(kpi_scope).order_by(Kpi.id)).scalars().all()
    org_ids = {x.organization_id for x in party_rows} | {o for _, o in partner_rows}
    org_ids |= {i.lead_organization_id for i in initiative_rows if i.lead_organization_id}
    org_ids |= {k.responsible_organization_id for k in kpi_rows if k.responsible_organization_id}
    org_rows = session.execute(
        select(Organization).where(Organization.id.in_(org_ids)).order_by(Organization.id)
    ).scalars().all()  # fmt: skip
    organizations = [
        OrganizationContent(
            o.name, o.acronym or "", o.kind, o.founded_year, o.website, o.notes
        )
        for o in org_rows
    ]  # fmt: skip
    org_key = {o.id: c.key for o, c in zip(org_rows, organizations, strict=True)}
    partners: dict[int, list[str]] = {}
    for initiative_id, organization_id in partner_rows:
        partners.setdefault(initiative_id, []).append(org_key[organization_id])

    kpi_key: dict[int, KpiKey] = {}
    kpis: list[KpiContent] = []
    for k in kpi_rows:
        if k.initiative_id is not None:
            key = KpiKey(*initiative_key[k.initiative_id], k.code)
        elif k.pillar_id is not None:
            key = KpiKey(pillar_code[k.pillar_id], "", k.code)
        else:
            key = KpiKey("", "", k.code)
        kpi_key[k.id] = key
        kpis.append(KpiContent(
            key, k.name, k.definition, k.unit, k.measure, k.direction, k.aggregation,
            k.frequency, k.baseline_value, k.baseline_date, k.target_value, k.target_date,
            k.green, k.amber, k.data_source,
            org_key.get(k.responsible_organization_id or 0, ""), k.means_of_verification,
        ))  # fmt: skip
    kpi_ids = select(Kpi.id).where(kpi_scope)
    return ProgramWorkbookContent(
        program=program,
        organizations=organizations,
        parties=[
            PartyContent(org_key[x.organization_id], x.role, x.signatory_name, x.signatory_title)
            for x in party_rows
        ],
        pillars=[PillarContent(r.position, r.code, r.title, r.objective) for r in pillar_rows],
        initiatives=[
            InitiativeContent(
                pillar_code[i.pillar_id],
                i.code,
                i.name,
                i.description,
                org_key.get(i.lead_organization_id or 0, ""),
                tuple(sorted(partners.get(i.id, ()))),
                i.start_date,
                i.end_date,
                i.status,
                i.planned_budget,
            )
            for i in initiative_rows
        ],
        milestones=[
            MilestoneContent(
                *initiative_key[m.initiative_id], m.title, m.due_date, m.done_date, m.note
            )
            for m in session.execute(
                select(Milestone)
                .where(Milestone.initiative_id.in_(initiative_ids))
                .order_by(Milestone.initiative_id, Milestone.due_date, Milestone.id)
            ).scalars()
        ],
        budget_lines=[
            BudgetLineContent(
                *initiative_key[b.initiative_id], b.year, b.planned, b.committed, b.disbursed
            )
            for b in session.execute(
                select(BudgetLine)
                .where(BudgetLine.initiative_id.in_(initiative_ids))
                .order_by(BudgetLine.initiative_id, BudgetLine.year)
            ).scalars()
        ],
        kpis=kpis,
        targets=[
            TargetContent(
                kpi_key[t.kpi_id], t.period_end, t.revision, t.value, t.revised_on, t.reason
            )
            for t in session.execute(
                select(KpiTarget)
                .where(KpiTarget.kpi_id.in_(kpi_ids))
                .order_by(KpiTarget.kpi_id, KpiTarget.period_end, KpiTarget.revision)
            ).scalars()
        ],
        measurements=_measurements(session, kpi_ids, kpi_key),
        disaggregations=_disaggregations(session, kpi_ids, kpi_key),
    )


def _stream(session: Session, query: Select[Any]) -> Iterator[Any]:
    yield from session.execute(query.execution_options(yield_per=STREAM_ROWS))


def _measurements(
    session: Session, kpi_ids: Select[Any], kpi_key: dict[int, KpiKey]
) -> Iterator[MeasurementContent]:
    m = Measurement.__table__.c
    query = (
        select(
            m.kpi_id, m.period_start, m.period_end, m.value, m.numerator, m.denominator,
            m.status, m.comment, m.evidence_link, m.entered_by, m.entered_at,
        )
        .where(m.kpi_id.in_(kpi_ids))
        .order_by(m.kpi_id, m.period_start, m.period_end)
    )  # fmt: skip
    for row in _stream(session, query):
        yield MeasurementContent(kpi_key[row[0]], *row[1:])


def _disaggregations(
    session: Session, kpi_ids: Select[Any], kpi_key: dict[int, KpiKey]
) -> Iterator[DisaggregationContent]:
    m, d = Measurement.__table__.c, Disaggregation.__table__.c
    query = (
        select(m.kpi_id, m.period_start, m.period_end, d.dimension, d.category, d.value)
        .join_from(Disaggregation.__table__, Measurement.__table__, d.measurement_id == m.id)
        .where(m.kpi_id.in_(kpi_ids))
        .order_by(m.kpi_id, m.period_start, m.period_end, d.dimension, d.category)
    )
    for row in _stream(session, query):
        yield DisaggregationContent(kpi_key[row[0]], *row[1:])
