"""Shared test data for the service tests, built through the services themselves,
and helper fixtures (row counts, the audit log, the SQL statements sent).

KPIs, targets, measurements and disaggregations are inserted directly (see
`add_kpi`) only to give the structure's cascading deletes something to cascade to.
The fixtures' types are in service_support.py, for the tests to import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from kpi_fixtures import LEARNERS, PLACEMENT, Tree, make_kpi, make_tree
from service_support import AuditLog, Count, Statements
from sqlalchemy import event, func, select

from pilotage.db.database import Database
from pilotage.db.schema import (
    AuditEntry,
    Disaggregation,
    Kpi,
    KpiTarget,
    Measurement,
    metadata,
)
from pilotage.domain.enums import (
    Aggregation,
    Direction,
    Frequency,
    InitiativeStatus,
    Measure,
    MeasurementStatus,
    OrganizationKind,
)
from pilotage.services.demo import load_demo
from pilotage.services.initiatives import InitiativeInput, InitiativeRow, create_initiative
from pilotage.services.kpis import KpiRow
from pilotage.services.organizations import (
    OrganizationInput,
    OrganizationRow,
    create_organization,
)
from pilotage.services.pillars import PillarInput, PillarRow, create_pillar
from pilotage.services.programs import ProgramInput, ProgramRow, create_program

PROGRAM_START = date(2024, 1, 1)
PROGRAM_END = date(2027, 12, 31)


@pytest.fixture
def ministry(db: Database) -> OrganizationRow:
    return create_organization(
        db,
        OrganizationInput(
            name="Ministère de la Transition Numérique",
            acronym="MTNRA",
            kind=OrganizationKind.MINISTRY,
        ),
    )


@pytest.fixture
def mnc(db: Database) -> OrganizationRow:
    return create_organization(
        db,
        OrganizationInput(
            name="Maroc Numeric Cluster", acronym="MNC", kind=OrganizationKind.ASSOCIATION
        ),
    )


@pytest.fixture
def cdg(db: Database) -> OrganizationRow:
    return create_organization(
        db,
        OrganizationInput(
            name="Caisse de Dépôt et de Gestion",
            acronym="CDG",
            kind=OrganizationKind.PUBLIC_INSTITUTION,
        ),
    )


@pytest.fixture
def program(db: Database) -> ProgramRow:
    return create_program(
        db,
        ProgramInput(
            reference="CP-MNC-2024",
            title="Contrat-programme Maroc Numeric Cluster",
            start_date=PROGRAM_START,
            end_date=PROGRAM_END,
        ),
    )


@pytest.fixture
def pillar(db: Database, program: ProgramRow) -> PillarRow:
    return create_pillar(
        db, program.id, PillarInput(code="P1", title="Compétences numériques", objective="")
    )


@pytest.fixture
def initiative(
    db: Database, pillar: PillarRow, mnc: OrganizationRow, cdg: OrganizationRow
) -> InitiativeRow:
    return create_initiative(
        db,
        pillar.id,
        InitiativeInput(
            code="JIT",
            name="JobInTech",
            description="Formation aux métiers du numérique",
            lead_organization_id=mnc.id,
            partner_ids=(cdg.id,),
            start_date=date(2024, 3, 1),
            end_date=date(2026, 12, 31),
            status=InitiativeStatus.RUNNING,
            planned_budget=Decimal("1500000.00"),
        ),
    )


@pytest.fixture
def demo(db: Database) -> ProgramRow:
    """The demo contract-program, CP-MTNRA-MNC (ministry and MNC), with its KPIs' history."""
    return load_demo(db)


@pytest.fixture
def tree(db: Database) -> Tree:
    return make_tree(db)


@pytest.fixture
def learners(db: Database, tree: Tree) -> KpiRow:
    """Quarterly count of learners trained (JobIntech): 0 on 2024-01-01, 1,000 by 2025's end."""
    return make_kpi(db, tree.initiative, LEARNERS)


@pytest.fixture
def placement(db: Database, tree: Tree) -> KpiRow:
    """Quarterly placement rate: graduates in a job over graduates, shown in %."""
    return make_kpi(db, tree.initiative, PLACEMENT)


@pytest.fixture
def count(db: Database) -> Count:
    """count("pillar") -> the number of rows in that table now."""

    def counter(table_name: str) -> int:
        table = metadata.tables[table_name]
        with db.reading() as session:
            return session.scalar(select(func.count()).select_from(table)) or 0

    return counter


@pytest.fixture
def audit_log(db: Database) -> AuditLog:
    """audit_log() -> every audit entry so far, oldest first; audit_log("kpi"): of KPIs only."""

    def entries(entity: str | None = None) -> list[AuditEntry]:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if entity is not None:
            query = query.where(AuditEntry.entity == entity)
        with db.reading() as session:
            return list(session.scalars(query))

    return entries


@pytest.fixture
def add_kpi(db: Database) -> Callable[..., int]:
    """add_kpi(pillar_id=..) or add_kpi(initiative_id=..): a KPI with one target,
    one measurement and two disaggregations under that owner; returns the KPI id."""

    def add(code: str = "K1", **owner: int) -> int:
        with db.transaction() as session:
            kpi = Kpi(
                code=code,
                name=f"Indicator {code}",
                measure=Measure.COUNT,
                direction=Direction.INCREASE,
                aggregation=Aggregation.SUM,
                frequency=Frequency.YEARLY,
                **owner,
            )
            session.add(kpi)
            session.flush()
            session.add(KpiTarget(kpi_id=kpi.id, period_end=date(2024, 12, 31), value=100))
            measurement = Measurement(
                kpi_id=kpi.id,
                period_start=date(2024, 1, 1),
                period_end=date(2024, 12, 31),
                value=Decimal(80),
                status=MeasurementStatus.VALIDATED,
                entered_at=datetime(2025, 1, 15, 9, 0, tzinfo=UTC),
            )
            session.add(measurement)
            session.flush()
            session.add_all(
                [
                    Disaggregation(
                        measurement_id=measurement.id,
                        dimension="sex",
                        category=category,
                        value=Decimal(40),
                    )
                    for category in ("female", "male")
                ]
            )
            return kpi.id

    return add


@pytest.fixture
def statements(db: Database) -> Statements:
    """with statements() as sql: ... -> the SQL statements sent inside the block, in
    order, without the BEGIN that opens each transaction."""

    @contextmanager
    def recording() -> Iterator[list[str]]:
        seen: list[str] = []

        def remember(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
            if not sql.strip().upper().startswith("BEGIN"):
                seen.append(sql)

        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            yield seen
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)

    return recording
