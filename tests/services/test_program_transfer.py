"""A whole program exported to a workbook and imported into another database comes back
identical (its snapshot equal), through awkward values; an import that cannot be whole
writes nothing; the export reads in a bounded number of statements."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from service_support import AuditLog, Count, Statements, generator
from sqlalchemy import func, insert, select, update

from pilotage.db.database import Database, open_database
from pilotage.db.schema import (
    AuditEntry,
    BudgetLine,
    ContractProgram,
    Disaggregation,
    Initiative,
    Kpi,
    Measurement,
    Milestone,
    Organization,
    Pillar,
    ProgramParty,
    initiative_partner,
    metadata,
)
from pilotage.domain.enums import Measure, MeasurementStatus, OrganizationKind, PartyRole
from pilotage.domain.errors import NotFoundError
from pilotage.exchange.program_content import KpiKey
from pilotage.exchange.safe_reading import WorkbookRefusedError
from pilotage.services import program_import_writing
from pilotage.services.demo import load_demo
from pilotage.services.program_transfer import (
    ProgramImportError,
    export_program,
    import_program,
    program_snapshot,
)
from pilotage.services.programs import ProgramRow, find_program

ARABIC = "مؤشر التحول الرقمي"
D = Decimal
BIG_MONEY = Decimal("9999999999999999.99")  # the largest amount the database holds
TABLES = [t.name for t in metadata.sorted_tables]


@pytest.fixture
def other_db(tmp_path: Path, migrated_template: Path) -> Iterator[Database]:
    """A second, empty database: where the program is moved to."""
    path = tmp_path / "other.sqlite"
    shutil.copyfile(migrated_template, path)
    database = open_database(path)
    yield database
    database.close()


def counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {
            name: session.scalar(select(func.count()).select_from(metadata.tables[name])) or 0
            for name in TABLES
        }


def audit_rows(db: Database) -> list[tuple[object, ...]]:
    with db.reading() as session:
        return [tuple(r) for r in session.execute(select(AuditEntry.__table__)).all()]


def moved(db: Database, other: Database, program_id: int, folder: Path) -> int:
    """Exports `program_id` from `db`, imports it into `other`; the new program's id."""
    out = folder / "program.xlsx"
    exported = export_program(db, program_id, out)
    outcome = import_program(other, out)
    assert outcome.reference == exported.reference
    row = find_program(other, outcome.reference)
    assert row is not None
    return row.id


def test_the_demo_moves_identical(
    demo: ProgramRow, db: Database, other_db: Database, tmp_path: Path
) -> None:
    new_id = moved(db, other_db, demo.id, tmp_path)
    before, after = program_snapshot(db, demo.id), program_snapshot(other_db, new_id)
    assert after == before
    # What the demo says, read by hand in services/demo_data.py.
    assert after.program.reference == "CP-MTNRA-MNC"
    assert {x.organization: x.role for x in after.parties} == {
        "MTNRA": PartyRole.CONTRACTING_AUTHORITY, "MNC": PartyRole.CONTRACTOR,
        "CDG": PartyRole.PARTNER,
    }  # fmt: skip
    assert [p.code for p in after.pillars] == ["P1", "P2", "P3"]
    ratio = [m for m in after.measurements if m.kpi.code == "JIT-TXD"]
    assert [(m.numerator, m.denominator) for m in ratio] == [
        (D(240), D(330)), (D(260), D(350)), (D(234), D(320)),
    ]  # fmt: skip
    graduates = [d for d in after.disaggregations if d.kpi.code == "JIT-DIP"]
    assert [(d.category, d.value) for d in graduates][:2] == [
        ("femmes", D(104)),
        ("hommes", D(136)),
    ]
    revised = [t for t in after.targets if t.kpi.code == "EVT-NB"]
    assert [(t.revision, t.value, t.revised_on) for t in revised] == [
        (0, D(60), None), (1, D(40), date(2025, 6, 30)),
    ]  # fmt: skip
    assert revised[1].reason == "Calendrier resserré après la revue à mi-parcours"
    # Everything added, nothing else: the same rows in both databases.
    assert counts(other_db) == {**counts(db), "audit_entry": counts(other_db)["audit_entry"]}


def test_every_row_added_is_audited_with_the_file(
    demo: ProgramRow, db: Database, other_db: Database, tmp_path: Path
) -> None:
    moved(db, other_db, demo.id, tmp_path)
    rows = counts(other_db)
    with other_db.reading() as session:
        entries = session.execute(select(AuditEntry.entity, AuditEntry.reason)).all()
    assert {reason for _, reason in entries} == {"imported from program workbook program.xlsx"}
    for table in ("contract_program", "kpi", "measurement", "disaggregation", "organization"):
        assert sum(1 for entity, _ in entries if entity == table) == rows[table]


def enrich(db: Database, program_id: int) -> None:
    """The awkward values: a title that looks like a formula, Arabic, six-decimal figures,
    the largest amount, organizations, milestones, budget lines, thresholds."""
    with db.transaction() as session:
        session.execute(
            update(ContractProgram)
            .where(ContractProgram.id == program_id)
            .values(title='=HYPERLINK("http://x")', description=ARABIC, total_budget=BIG_MONEY)
        )
        pillar = session.scalars(
            select(Pillar).where(Pillar.program_id == program_id).order_by(Pillar.position)
        ).first()
        assert pillar is not None
        pillar.title = ARABIC
        initiative = session.scalars(
            select(Initiative).where(Initiative.pillar_id == pillar.id)
        ).first()
        assert initiative is not None
        orgs = [
            Organization(name="Maroc Numeric Cluster", acronym="MNC",
                         kind=OrganizationKind.ASSOCIATION, founded_year=2010),
            Organization(name="جمعية بدون اختصار", acronym=None, kind=OrganizationKind.OTHER,
                         website="https://example.ma", notes="+ notes"),
        ]  # fmt: skip
        session.add_all(orgs)
        session.flush()
        initiative.lead_organization_id = orgs[0].id
        initiative.planned_budget = Decimal("1234567.89")
        session.execute(insert(initiative_partner), [
            {"initiative_id": initiative.id, "organization_id": o.id} for o in orgs
        ])  # fmt: skip
        session.add(ProgramParty(program_id=program_id, organization_id=orgs[1].id,
                                 role=PartyRole.FUNDER, signatory_name=ARABIC))  # fmt: skip
        session.add_all([
            Milestone(initiative_id=initiative.id, title="-Lancement", due_date=date(2024, 3, 1),
                      done_date=date(2024, 3, 4), note=ARABIC),
            Milestone(initiative_id=initiative.id, title="Bilan", due_date=date(2025, 12, 31)),
            BudgetLine(initiative_id=initiative.id, year=2025, planned=BIG_MONEY,
                       committed=Decimal("0.01"), disbursed=Decimal(0)),
        ])  # fmt: skip
        ours = select(Initiative.id).join(Pillar).where(Pillar.program_id == program_id)
        kpi = session.scalars(
            select(Kpi)
            .where(Kpi.measure == Measure.PERCENTAGE, Kpi.initiative_id.in_(ours))
            .where(Kpi.id.in_(select(Measurement.kpi_id)))
        ).first()
        assert kpi is not None
        kpi.green, kpi.amber, kpi.responsible_organization_id = (
            Decimal("0.95"), Decimal("0.8"), orgs[1].id,
        )  # fmt: skip
        kpi.target_value = Decimal("87.654321")
        measurement = session.scalars(
            select(Measurement).where(Measurement.kpi_id == kpi.id)
        ).first()
        assert measurement is not None
        measurement.value = Decimal("12.345678")
        measurement.comment = "@" + ARABIC
        measurement.evidence_link = "https://example.ma/preuve.pdf"
        measurement.status = MeasurementStatus.VALIDATED
        measurement.entered_at = datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
        session.add(Disaggregation(measurement_id=measurement.id, dimension="région",
                                   category=ARABIC, value=Decimal("0.000001")))  # fmt: skip


def test_a_generated_program_with_awkward_values_moves_identical(
    db: Database, other_db: Database, tmp_path: Path
) -> None:
    generator().generate(db, programs=2, initiatives=12, kpis=150, measurements=2_000, seed=5)
    with db.reading() as session:
        program_id = session.scalars(
            select(ContractProgram.id).order_by(ContractProgram.id)
        ).first()
    assert program_id is not None
    enrich(db, program_id)
    new_id = moved(db, other_db, program_id, tmp_path)
    before, after = program_snapshot(db, program_id), program_snapshot(other_db, new_id)
    assert after == before
    assert after.program.title == '=HYPERLINK("http://x")'
    assert after.program.total_budget == BIG_MONEY
    assert after.pillars[0].title == ARABIC
    assert any(m.value == Decimal("12.345678") for m in after.measurements)
    assert any(d.value == Decimal("0.000001") and d.category == ARABIC
               for d in after.disaggregations)  # fmt: skip
    assert any(t.revision == 1 for t in after.targets)  # the generator revises a few
    assert {o.key for o in after.organizations} == {"MNC", "جمعية بدون اختصار"}
    # entered_at kept to the millisecond
    assert any(m.entered_at == datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=UTC)
               for m in after.measurements)  # fmt: skip
    assert len(after.measurements) == counts(other_db)["measurement"]
    assert len(after.measurements) > 100


def test_importing_twice_is_refused_and_changes_nothing(
    demo: ProgramRow, db: Database, other_db: Database, tmp_path: Path
) -> None:
    moved(db, other_db, demo.id, tmp_path)
    rows, log = counts(other_db), audit_rows(other_db)
    with pytest.raises(ProgramImportError) as refused:
        import_program(other_db, tmp_path / "program.xlsx")
    [problem] = refused.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("program", 2, "reference")
    assert "CP-MTNRA-MNC is already in" in problem.message
    assert counts(other_db) == rows
    assert audit_rows(other_db) == log


def test_a_dry_run_writes_nothing(
    demo: ProgramRow, db: Database, other_db: Database, tmp_path: Path
) -> None:
    export_program(db, demo.id, tmp_path / "p.xlsx")
    rows = counts(other_db)
    outcome = import_program(other_db, tmp_path / "p.xlsx", dry_run=True)
    assert outcome.dry_run
    assert outcome.counts["pillars"] == 3
    assert outcome.counts["organizations"] == 3  # MTNRA, MNC, CDG
    assert counts(other_db) == rows


def test_organizations_are_reused_never_duplicated(
    demo: ProgramRow, db: Database, other_db: Database, tmp_path: Path
) -> None:
    with other_db.transaction() as session:
        session.add(Organization(name="MNC, autrement nommé", acronym="MNC",
                                 kind=OrganizationKind.ASSOCIATION, version=1))  # fmt: skip
    export_program(db, demo.id, tmp_path / "p.xlsx")
    outcome = import_program(other_db, tmp_path / "p.xlsx")
    assert outcome.notes[0] == "organizations already here, reused: MNC"
    assert "organization MNC is already in this database with another name" in outcome.notes[1]
    with other_db.reading() as session:
        names = dict(session.execute(select(Organization.acronym, Organization.name)).all())
    assert len(names) == 3
    assert names["MNC"] == "MNC, autrement nommé"  # the one here is kept


def chart_milestones(wb: openpyxl.Workbook) -> None:
    """The milestones sheet replaced by a chart sheet of the same name."""
    from openpyxl.chart import BarChart

    place = wb.sheetnames.index("milestones")
    del wb["milestones"]
    wb.create_chartsheet("milestones", place).add_chart(BarChart())


def damage(path: Path, change: object) -> None:
    wb = openpyxl.load_workbook(path)
    change(wb)  # type: ignore[operator]
    wb.save(path)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda wb: wb.remove(wb["milestones"]), ("milestones", None, None)),
        (lambda wb: wb["targets"].cell(2, 4, "31/12/2025"), ("targets", 2, "period_end")),
        (lambda wb: wb["initiatives"].cell(2, 1, "P9"), ("initiatives", 2, "pillar")),
        (lambda wb: wb["measurements"].cell(3, 2, "P1-NOPE"), ("measurements", 3, "kpi")),
        (lambda wb: wb["parties"].cell(2, 1, "XYZ"), ("parties", 2, "organization")),
        (lambda wb: wb["pillars"].cell(3, 2, "P1"), ("pillars", 3, "code")),
        (lambda wb: wb["pillars"].cell(2, 1, 10**30), ("pillars", 2, "position")),
        (lambda wb: wb["pillars"].cell(2, 1, 1e30), ("pillars", 2, "position")),
        (lambda wb: wb["organizations"].cell(3, 4, 2**31), ("organizations", 3, "founded_year")),
        (chart_milestones, ("milestones", None, None)),
    ],
    ids=["missing sheet", "text in a date", "unknown pillar", "unknown KPI",
         "unknown organization", "pillar twice", "huge position", "1E+30 position",
         "year beyond INTEGER", "chart sheet"],
)  # fmt: skip
def test_a_damaged_workbook_changes_nothing(
    demo: ProgramRow,
    db: Database,
    other_db: Database,
    tmp_path: Path,
    change: object,
    where: tuple[str, int | None, str | None],
) -> None:
    path = tmp_path / "p.xlsx"
    export_program(db, demo.id, path)
    damage(path, change)
    rows, log = counts(other_db), audit_rows(other_db)
    with pytest.raises(ProgramImportError) as refused:
        import_program(other_db, path)
    assert where in {(p.sheet, p.row, p.column) for p in refused.value.problems}
    assert "the program workbook was not imported: sheet " in str(refused.value)
    assert counts(other_db) == rows
    assert audit_rows(other_db) == log


def test_an_unknown_kpi_names_its_codes(
    demo: ProgramRow, db: Database, other_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "p.xlsx"
    export_program(db, demo.id, path)
    damage(path, lambda wb: wb["measurements"].cell(2, 3, "NOPE"))
    with pytest.raises(ProgramImportError) as refused:
        import_program(other_db, path)
    messages = [p.message for p in refused.value.problems if p.sheet == "measurements"]
    assert messages[0].startswith("KPI ")
    assert "NOPE is not in the sheet kpis" in messages[0]


def test_export_reads_in_a_bounded_number_of_statements(
    db: Database, statements: Statements, tmp_path: Path
) -> None:
    demo = load_demo(db)
    with statements() as small:
        export_program(db, demo.id, tmp_path / "demo.xlsx")
    generator().generate(db, programs=1, initiatives=20, kpis=300, measurements=4_000, seed=9)
    large = find_program(db, "BENCH-0002")
    assert large is not None
    with statements() as big:
        export_program(db, large.id, tmp_path / "large.xlsx")
    assert len(small) == len(big)
    assert 10 <= len(big) <= 13  # one per table read, and the program itself


def test_export_of_an_unknown_program(db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        export_program(db, 999, tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_snapshot_ignores_ids_and_versions(
    demo: ProgramRow, db: Database, count: Count, audit_log: AuditLog
) -> None:
    before = program_snapshot(db, demo.id)
    with db.transaction() as session:  # touching a row bumps its version, not its content
        pillar = session.scalars(select(Pillar).where(Pillar.code == "P1")).one()
        pillar.title = pillar.title + " "
    with db.transaction() as session:
        pillar = session.scalars(select(Pillar).where(Pillar.code == "P1")).one()
        pillar.title = pillar.title.rstrip()
    assert program_snapshot(db, demo.id) == before
    assert count("pillar") == 3
    assert KpiKey("P1", "P1-JIT", "JIT-TXD") in {k.key for k in before.kpis}
    assert audit_log() is not None


def test_a_file_that_is_not_a_workbook_is_one_sentence(other_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("pillar;code\nP1;JIT\n", encoding="utf-8")
    rows, log = counts(other_db), audit_rows(other_db)
    with pytest.raises(WorkbookRefusedError) as refused:
        import_program(other_db, path)
    assert "notes.xlsx" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert counts(other_db) == rows
    assert audit_rows(other_db) == log


def test_a_large_program_is_written_in_chunks(
    demo: ProgramRow,
    db: Database,
    other_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(program_import_writing, "CHUNK", 7)  # the demo's 83 figures: 12 chunks
    new_id = moved(db, other_db, demo.id, tmp_path)
    assert program_snapshot(other_db, new_id) == program_snapshot(db, demo.id)
    rows = counts(other_db)
    with other_db.reading() as session:
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "measurement")
        )
    assert audited == rows["measurement"] > 7 * 10
