"""A record's stored fields as the service input that would save them again: what
an edit's undo puts back, and what an edit dialog opens with."""

from __future__ import annotations

from pilotage.services.initiatives import InitiativeInput, InitiativeRow
from pilotage.services.kpis import KpiInput, KpiRow
from pilotage.services.pillars import PillarInput, PillarRow
from pilotage.services.programs import ProgramInput, ProgramRow


def program_input(row: ProgramRow) -> ProgramInput:
    return ProgramInput(
        reference=row.reference,
        title=row.title,
        start_date=row.start_date,
        end_date=row.end_date,
        status=row.status,
        description=row.description,
        signed_on=row.signed_on,
        currency=row.currency,
        total_budget=row.total_budget,
    )


def pillar_input(row: PillarRow) -> PillarInput:
    return PillarInput(code=row.code, title=row.title, objective=row.objective)


def initiative_input(row: InitiativeRow) -> InitiativeInput:
    return InitiativeInput(
        code=row.code,
        name=row.name,
        description=row.description,
        lead_organization_id=row.lead_organization_id,
        partner_ids=row.partner_ids,
        start_date=row.start_date,
        end_date=row.end_date,
        status=row.status,
        planned_budget=row.planned_budget,
    )


def kpi_input(row: KpiRow) -> KpiInput:
    return KpiInput(
        code=row.code,
        name=row.name,
        measure=row.measure,
        aggregation=row.aggregation,
        frequency=row.frequency,
        direction=row.direction,
        definition=row.definition,
        unit=row.unit,
        baseline_value=row.baseline_value,
        baseline_date=row.baseline_date,
        target_value=row.target_value,
        target_date=row.target_date,
        green=row.green,
        amber=row.amber,
        data_source=row.data_source,
        responsible_organization_id=row.responsible_organization_id,
        means_of_verification=row.means_of_verification,
    )
