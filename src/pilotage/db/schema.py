"""Every mapped class in one place, so that the metadata is always complete."""

from pilotage.db.base import Base
from pilotage.db.models import (
    BudgetLine,
    ContractProgram,
    Initiative,
    Milestone,
    Organization,
    Pillar,
    ProgramParty,
    initiative_partner,
)
from pilotage.db.models_kpi import (
    AuditEntry,
    ChangeCounter,
    Disaggregation,
    Kpi,
    KpiTarget,
    Measurement,
)

metadata = Base.metadata

__all__ = [
    "AuditEntry",
    "Base",
    "BudgetLine",
    "ChangeCounter",
    "ContractProgram",
    "Disaggregation",
    "Initiative",
    "Kpi",
    "KpiTarget",
    "Measurement",
    "Milestone",
    "Organization",
    "Pillar",
    "ProgramParty",
    "initiative_partner",
    "metadata",
]
