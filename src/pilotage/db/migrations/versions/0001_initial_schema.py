"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 14:23:58.431395
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import pilotage.db.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", pilotage.db.types.UtcDateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "create",
                "update",
                "delete",
                name="audit_action",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index("ix_audit_entry_at", ["at"], unique=False)
        batch_op.create_index(
            "ix_audit_entry_entity_entity_id", ["entity", "entity_id"], unique=False
        )

    op.create_table(
        "contract_program",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "active",
                "suspended",
                "completed",
                name="program_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_budget", pilotage.db.types.ExactDecimal(18, 2), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date >= start_date", name=op.f("ck_contract_program_end_after_start")
        ),
        sa.CheckConstraint(
            "total_budget IS NULL OR total_budget >= 0",
            name=op.f("ck_contract_program_budget_positive"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_program")),
        sa.UniqueConstraint("reference", name=op.f("uq_contract_program_reference")),
    )
    op.create_table(
        "organization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("acronym", sa.String(length=40), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "ministry",
                "public_institution",
                "association",
                "company",
                "incubator",
                "other",
                name="organization_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("founded_year", sa.Integer(), nullable=True),
        sa.Column("website", sa.String(length=1000), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "founded_year IS NULL OR (founded_year >= 1000 AND founded_year <= 9999)",
            name=op.f("ck_organization_founded_year_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
        sa.UniqueConstraint("acronym", name=op.f("uq_organization_acronym")),
    )
    op.create_table(
        "pillar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("position >= 1", name=op.f("ck_pillar_position_positive")),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["contract_program.id"],
            name=op.f("fk_pillar_program_id_contract_program"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pillar")),
        sa.UniqueConstraint("program_id", "code", name=op.f("uq_pillar_program_id_code")),
        sa.UniqueConstraint("program_id", "position", name=op.f("uq_pillar_program_id_position")),
    )
    op.create_table(
        "program_party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "contracting_authority",
                "contractor",
                "funder",
                "partner",
                name="party_role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("signatory_name", sa.String(length=300), nullable=False),
        sa.Column("signatory_title", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_program_party_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["contract_program.id"],
            name=op.f("fk_program_party_program_id_contract_program"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program_party")),
        sa.UniqueConstraint(
            "program_id",
            "organization_id",
            "role",
            name=op.f("uq_program_party_program_id_organization_id_role"),
        ),
    )
    with op.batch_alter_table("program_party", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_program_party_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_program_party_program_id"), ["program_id"], unique=False
        )

    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pillar_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("lead_organization_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "running",
                "done",
                "suspended",
                name="initiative_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("planned_budget", pilotage.db.types.ExactDecimal(18, 2), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_initiative_end_after_start"),
        ),
        sa.CheckConstraint(
            "planned_budget IS NULL OR planned_budget >= 0",
            name=op.f("ck_initiative_budget_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["lead_organization_id"],
            ["organization.id"],
            name=op.f("fk_initiative_lead_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["pillar_id"],
            ["pillar.id"],
            name=op.f("fk_initiative_pillar_id_pillar"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
        sa.UniqueConstraint("pillar_id", "code", name=op.f("uq_initiative_pillar_id_code")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_lead_organization_id"), ["lead_organization_id"], unique=False
        )

    op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("planned", pilotage.db.types.ExactDecimal(18, 2), nullable=False),
        sa.Column("committed", pilotage.db.types.ExactDecimal(18, 2), nullable=False),
        sa.Column("disbursed", pilotage.db.types.ExactDecimal(18, 2), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "planned >= 0 AND committed >= 0 AND disbursed >= 0",
            name=op.f("ck_budget_line_amounts_positive"),
        ),
        sa.CheckConstraint("year >= 1900 AND year <= 2200", name=op.f("ck_budget_line_year_range")),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_budget_line_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
        sa.UniqueConstraint(
            "initiative_id", "year", name=op.f("uq_budget_line_initiative_id_year")
        ),
    )
    op.create_table(
        "initiative_partner",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_partner_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_initiative_partner_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "initiative_id", "organization_id", name=op.f("pk_initiative_partner")
        ),
    )
    with op.batch_alter_table("initiative_partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_initiative_partner_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "kpi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=True),
        sa.Column("pillar_id", sa.Integer(), nullable=True),
        sa.Column("initiative_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=120), nullable=False),
        sa.Column(
            "measure",
            sa.Enum(
                "count",
                "percentage",
                "ratio",
                "amount",
                "yes_no",
                name="kpi_measure",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "direction",
            sa.Enum(
                "increase",
                "decrease",
                name="kpi_direction",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "aggregation",
            sa.Enum(
                "sum",
                "latest",
                "maximum",
                "average",
                name="kpi_aggregation",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "frequency",
            sa.Enum(
                "monthly",
                "quarterly",
                "half_yearly",
                "yearly",
                "one_off",
                name="kpi_frequency",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("baseline_value", pilotage.db.types.ExactDecimal(24, 6), nullable=True),
        sa.Column("baseline_date", sa.Date(), nullable=True),
        sa.Column("target_value", pilotage.db.types.ExactDecimal(24, 6), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("green", pilotage.db.types.ExactDecimal(5, 4), nullable=True),
        sa.Column("amber", pilotage.db.types.ExactDecimal(5, 4), nullable=True),
        sa.Column("data_source", sa.Text(), nullable=False),
        sa.Column("responsible_organization_id", sa.Integer(), nullable=True),
        sa.Column("means_of_verification", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN program_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN pillar_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN initiative_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_kpi_exactly_one_owner"),
        ),
        sa.CheckConstraint(
            "(green IS NULL OR green > 0) AND (amber IS NULL OR amber > 0) AND (green IS NULL OR amber IS NULL OR amber <= green)",
            name=op.f("ck_kpi_thresholds_order"),
        ),
        sa.CheckConstraint(
            "target_date IS NULL OR baseline_date IS NULL OR target_date >= baseline_date",
            name=op.f("ck_kpi_target_after_baseline"),
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_kpi_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pillar_id"], ["pillar.id"], name=op.f("fk_kpi_pillar_id_pillar"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["contract_program.id"],
            name=op.f("fk_kpi_program_id_contract_program"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_organization_id"],
            ["organization.id"],
            name=op.f("fk_kpi_responsible_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi")),
        sa.UniqueConstraint("initiative_id", "code", name=op.f("uq_kpi_initiative_id_code")),
        sa.UniqueConstraint("pillar_id", "code", name=op.f("uq_kpi_pillar_id_code")),
        sa.UniqueConstraint("program_id", "code", name=op.f("uq_kpi_program_id_code")),
    )
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kpi_responsible_organization_id"),
            ["responsible_organization_id"],
            unique=False,
        )

    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_milestone_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
    )
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_milestone_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "kpi_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", pilotage.db.types.ExactDecimal(24, 6), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("revised_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(revision = 0 AND revised_on IS NULL) OR (revision > 0 AND revised_on IS NOT NULL)",
            name=op.f("ck_kpi_target_revision_dated"),
        ),
        sa.ForeignKeyConstraint(
            ["kpi_id"], ["kpi.id"], name=op.f("fk_kpi_target_kpi_id_kpi"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kpi_target")),
        sa.UniqueConstraint(
            "kpi_id",
            "period_end",
            "revision",
            name=op.f("uq_kpi_target_kpi_id_period_end_revision"),
        ),
    )
    op.create_table(
        "measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kpi_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", pilotage.db.types.ExactDecimal(24, 6), nullable=True),
        sa.Column("numerator", pilotage.db.types.ExactDecimal(24, 6), nullable=True),
        sa.Column("denominator", pilotage.db.types.ExactDecimal(24, 6), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "validated",
                name="measurement_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evidence_link", sa.String(length=1000), nullable=False),
        sa.Column("entered_by", sa.String(length=120), nullable=False),
        sa.Column("entered_at", pilotage.db.types.UtcDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "denominator IS NULL OR denominator > 0",
            name=op.f("ck_measurement_denominator_positive"),
        ),
        sa.CheckConstraint(
            "period_end >= period_start", name=op.f("ck_measurement_end_after_start")
        ),
        sa.CheckConstraint(
            "value IS NOT NULL OR (numerator IS NOT NULL AND denominator IS NOT NULL)",
            name=op.f("ck_measurement_has_value"),
        ),
        sa.ForeignKeyConstraint(
            ["kpi_id"], ["kpi.id"], name=op.f("fk_measurement_kpi_id_kpi"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
        sa.UniqueConstraint(
            "kpi_id",
            "period_start",
            "period_end",
            name=op.f("uq_measurement_kpi_id_period_start_period_end"),
        ),
    )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index(
            "ix_measurement_kpi_id_period_end", ["kpi_id", "period_end"], unique=False
        )

    op.create_table(
        "disaggregation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measurement_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=120), nullable=False),
        sa.Column("value", pilotage.db.types.ExactDecimal(24, 6), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measurement_id"],
            ["measurement.id"],
            name=op.f("fk_disaggregation_measurement_id_measurement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disaggregation")),
        sa.UniqueConstraint(
            "measurement_id",
            "dimension",
            "category",
            name=op.f("uq_disaggregation_measurement_id_dimension_category"),
        ),
    )

    _protect_audit_log()


def _protect_audit_log() -> None:
    """The audit log is written once and never edited: the database itself refuses."""
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry"
                " BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"
            )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_entry_read_only() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN RAISE EXCEPTION 'the audit log cannot be changed'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_entry_read_only BEFORE UPDATE OR DELETE ON audit_entry"
            " FOR EACH ROW EXECUTE FUNCTION audit_entry_read_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_read_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_read_only()")

    op.drop_table("disaggregation")
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.drop_index("ix_measurement_kpi_id_period_end")

    op.drop_table("measurement")
    op.drop_table("kpi_target")
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_initiative_id"))

    op.drop_table("milestone")
    with op.batch_alter_table("kpi", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kpi_responsible_organization_id"))

    op.drop_table("kpi")
    with op.batch_alter_table("initiative_partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_partner_organization_id"))

    op.drop_table("initiative_partner")
    op.drop_table("budget_line")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_lead_organization_id"))

    op.drop_table("initiative")
    with op.batch_alter_table("program_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_program_party_program_id"))
        batch_op.drop_index(batch_op.f("ix_program_party_organization_id"))

    op.drop_table("program_party")
    op.drop_table("pillar")
    op.drop_table("organization")
    op.drop_table("contract_program")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_entity_entity_id")
        batch_op.drop_index("ix_audit_entry_at")

    op.drop_table("audit_entry")
