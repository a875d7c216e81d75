"""The demo contract-program holds the source article's facts as the article gives them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pilotage.db.database import Database
from pilotage.db.schema import AuditEntry, Kpi, Measurement
from pilotage.domain.enums import Measure, PartyRole
from pilotage.domain.errors import ValidationError
from pilotage.services.demo import load_demo
from pilotage.services.organizations import list_organizations
from pilotage.services.parties import list_parties
from pilotage.services.pillars import list_pillars
from pilotage.services.programs import find_program


def test_parties_and_signatories(demo_db: Database) -> None:
    program = find_program(demo_db, "CP-MTNRA-MNC")
    assert program is not None
    parties = {(p.role, p.signatory_name) for p in list_parties(demo_db, program.id)}
    assert (PartyRole.CONTRACTING_AUTHORITY, "Ghita Mezzour") in parties
    assert (PartyRole.CONTRACTOR, "Mehdi Kettani") in parties
    founded = {o.acronym: o.founded_year for o in list_organizations(demo_db)}
    assert founded["MNC"] == 2010
    assert "CDG" in founded


def test_three_pillars_in_the_article_order(demo_db: Database) -> None:
    program = find_program(demo_db, "CP-MTNRA-MNC")
    assert program is not None
    pillars = list_pillars(demo_db, program.id)
    assert [(p.position, p.code) for p in pillars] == [(1, "P1"), (2, "P2"), (3, "P3")]
    assert "formation-insertion" in pillars[0].objective
    assert "TPE-PME" in pillars[1].objective
    assert "meilleures pratiques" in pillars[2].objective


def test_jobintech_pilot_figures(demo_db: Database) -> None:
    with demo_db.reading() as session:
        totals = dict(
            session.execute(
                select(Kpi.code, func.sum(Measurement.value))
                .join(Measurement, Measurement.kpi_id == Kpi.id)
                .where(Kpi.code.in_(["JIT-APP", "JIT-DIP"]))
                .group_by(Kpi.code)
            ).all()
        )
        ratio = session.execute(
            select(func.sum(Measurement.numerator), func.sum(Measurement.denominator))
            .join(Kpi, Kpi.id == Measurement.kpi_id)
            .where(Kpi.code == "JIT-TXD", Kpi.measure == Measure.RATIO)
        ).one()
        placement = session.scalars(
            select(Measurement.value)
            .join(Kpi, Kpi.id == Measurement.kpi_id)
            .where(Kpi.code == "JIT-INS")
        ).all()
    assert totals == {"JIT-APP": Decimal(1000), "JIT-DIP": Decimal(734)}
    assert tuple(ratio) == (Decimal(734), Decimal(1000))
    assert placement == [Decimal(72)]


def test_every_row_it_adds_is_audited(demo_db: Database) -> None:
    with demo_db.reading() as session:
        kpis = session.scalar(select(func.count()).select_from(Kpi))
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "kpi")
        )
        reasons = set(session.scalars(select(AuditEntry.reason)))
    assert audited == kpis
    assert reasons == {"demo contract-program"}


def test_loading_it_twice_is_refused_and_changes_nothing(demo_db: Database) -> None:
    with demo_db.reading() as session:
        before = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(ValidationError, match="already in this database"):
        load_demo(demo_db)
    with demo_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == before
