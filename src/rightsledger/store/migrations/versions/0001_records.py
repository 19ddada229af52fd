"""records of the casebook (HURIDOCS ESF)

Revision ID: 0001
Revises:
Create Date: 2026-11-26 07:34:57.418635
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "events",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("violation_status", sa.String(length=64), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("chain_type", sa.String(length=64), nullable=True),
        sa.Column("date_edtf", sa.String(length=64), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("place_name", sa.String(length=200), nullable=True),
        sa.Column("place_gazetteer_id", sa.String(length=200), nullable=True),
        sa.Column("place_admin", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["events.id"], name=op.f("fk_events_parent_id_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("external_id", name=op.f("uq_events_external_id")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_events_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_date_latest"), ["date_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "organizations",
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("org_type", sa.String(length=64), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["organizations.id"],
            name=op.f("fk_organizations_parent_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("external_id", name=op.f("uq_organizations_external_id")),
    )
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organizations_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "persons",
        sa.Column("is_group", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("sex", sa.String(length=64), nullable=True),
        sa.Column("birth_edtf", sa.String(length=64), nullable=True),
        sa.Column("birth_earliest", sa.Date(), nullable=True),
        sa.Column("birth_latest", sa.Date(), nullable=True),
        sa.Column("deceased", sa.Boolean(), nullable=True),
        sa.Column("counting_unit", sa.String(length=64), nullable=True),
        sa.Column("group_low", sa.Integer(), nullable=True),
        sa.Column("group_best", sa.Integer(), nullable=True),
        sa.Column("group_high", sa.Integer(), nullable=True),
        sa.Column("group_qualifier", sa.String(length=16), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "group_best IS NULL OR group_high IS NULL OR group_best <= group_high",
            name=op.f("ck_persons_group_best_le_high"),
        ),
        sa.CheckConstraint(
            "group_low IS NULL OR group_best IS NULL OR group_low <= group_best",
            name=op.f("ck_persons_group_low_le_best"),
        ),
        sa.CheckConstraint(
            "group_low IS NULL OR group_low >= 0", name=op.f("ck_persons_group_low_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint("external_id", name=op.f("uq_persons_external_id")),
    )
    op.create_table(
        "proceedings",
        sa.Column("proceeding_type", sa.String(length=64), nullable=False),
        sa.Column("body", sa.String(length=500), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.String(length=64), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proceedings")),
        sa.UniqueConstraint("external_id", name=op.f("uq_proceedings_external_id")),
    )
    with op.batch_alter_table("proceedings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proceedings_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proceedings_date_latest"), ["date_latest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proceedings_proceeding_type"), ["proceeding_type"], unique=False
        )

    op.create_table(
        "acts",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("victim_id", sa.Integer(), nullable=False),
        sa.Column("act_type", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.String(length=64), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("place_name", sa.String(length=200), nullable=True),
        sa.Column("place_gazetteer_id", sa.String(length=200), nullable=True),
        sa.Column("place_admin", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_acts_event_id_events")),
        sa.ForeignKeyConstraint(
            ["victim_id"], ["persons.id"], name=op.f("fk_acts_victim_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acts")),
        sa.UniqueConstraint("external_id", name=op.f("uq_acts_external_id")),
    )
    with op.batch_alter_table("acts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acts_act_type"), ["act_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_acts_date_earliest"), ["date_earliest"], unique=False)
        batch_op.create_index(batch_op.f("ix_acts_date_latest"), ["date_latest"], unique=False)
        batch_op.create_index(batch_op.f("ix_acts_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_acts_victim_id"), ["victim_id"], unique=False)

    op.create_table(
        "information",
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("connection", sa.String(length=64), nullable=True),
        sa.Column("source_type", sa.String(length=64), nullable=True),
        sa.Column("reliability", sa.String(length=64), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.String(length=64), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_information_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_information_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_information_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_information")),
        sa.UniqueConstraint("external_id", name=op.f("uq_information_external_id")),
    )
    with op.batch_alter_table("information", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_information_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_information_date_latest"), ["date_latest"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_information_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_information_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_information_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=500), nullable=False),
        sa.Column("script", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "part IN ('full', 'given', 'patronymic', 'family', 'alias')",
            name=op.f("ck_person_names_known_part"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_person_names_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_names")),
        sa.UniqueConstraint(
            "person_id", "part", "position", name=op.f("uq_person_names_person_id")
        ),
    )
    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_names_person_id"), ["person_id"], unique=False)

    op.create_table(
        "relationships",
        sa.Column("relationship_type", sa.String(length=64), nullable=False),
        sa.Column("subject_person_id", sa.Integer(), nullable=True),
        sa.Column("subject_organization_id", sa.Integer(), nullable=True),
        sa.Column("object_person_id", sa.Integer(), nullable=True),
        sa.Column("object_organization_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("date_edtf", sa.String(length=64), nullable=True),
        sa.Column("date_earliest", sa.Date(), nullable=True),
        sa.Column("date_latest", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(object_person_id IS NULL) <> (object_organization_id IS NULL)",
            name=op.f("ck_relationships_one_object"),
        ),
        sa.CheckConstraint(
            "(subject_person_id IS NULL) <> (subject_organization_id IS NULL)",
            name=op.f("ck_relationships_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["object_organization_id"],
            ["organizations.id"],
            name=op.f("fk_relationships_object_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["object_person_id"],
            ["persons.id"],
            name=op.f("fk_relationships_object_person_id_persons"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_organization_id"],
            ["organizations.id"],
            name=op.f("fk_relationships_subject_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_person_id"],
            ["persons.id"],
            name=op.f("fk_relationships_subject_person_id_persons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationships")),
        sa.UniqueConstraint("external_id", name=op.f("uq_relationships_external_id")),
    )
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationships_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationships_date_latest"), ["date_latest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationships_object_organization_id"),
            ["object_organization_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_relationships_object_person_id"), ["object_person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationships_subject_organization_id"),
            ["subject_organization_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_relationships_subject_person_id"), ["subject_person_id"], unique=False
        )

    op.create_table(
        "citations",
        sa.Column("record_kind", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=True),
        sa.Column("information_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "information_id IS NOT NULL OR document_id IS NOT NULL OR claim_id IS NOT NULL",
            name=op.f("ck_citations_has_evidence"),
        ),
        sa.CheckConstraint(
            "span_start IS NULL OR (span_end IS NOT NULL AND span_start <= span_end)",
            name=op.f("ck_citations_span_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["information_id"],
            ["information.id"],
            name=op.f("fk_citations_information_id_information"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citations")),
        sa.UniqueConstraint("external_id", name=op.f("uq_citations_external_id")),
    )
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_citations_information_id"), ["information_id"], unique=False
        )
        batch_op.create_index("ix_citations_record", ["record_kind", "record_id"], unique=False)

    op.create_table(
        "involvements",
        sa.Column("act_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("degree", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=False),
        sa.Column("published", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (organization_id IS NULL)",
            name=op.f("ck_involvements_one_perpetrator"),
        ),
        sa.ForeignKeyConstraint(["act_id"], ["acts.id"], name=op.f("fk_involvements_act_id_acts")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_involvements_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_involvements_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_involvements")),
        sa.UniqueConstraint("external_id", name=op.f("uq_involvements_external_id")),
    )
    with op.batch_alter_table("involvements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_involvements_act_id"), ["act_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_involvements_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_involvements_person_id"), ["person_id"], unique=False)

    op.create_table(
        "proceeding_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proceeding_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("act_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN act_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_proceeding_targets_one_target"),
        ),
        sa.ForeignKeyConstraint(
            ["act_id"], ["acts.id"], name=op.f("fk_proceeding_targets_act_id_acts")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_proceeding_targets_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_proceeding_targets_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_proceeding_targets_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["proceeding_id"],
            ["proceedings.id"],
            name=op.f("fk_proceeding_targets_proceeding_id_proceedings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proceeding_targets")),
        sa.UniqueConstraint(
            "proceeding_id", "position", name=op.f("uq_proceeding_targets_proceeding_id")
        ),
    )
    with op.batch_alter_table("proceeding_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proceeding_targets_act_id"), ["act_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_proceeding_targets_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proceeding_targets_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proceeding_targets_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proceeding_targets_proceeding_id"), ["proceeding_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("proceeding_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proceeding_targets_proceeding_id"))
        batch_op.drop_index(batch_op.f("ix_proceeding_targets_person_id"))
        batch_op.drop_index(batch_op.f("ix_proceeding_targets_organization_id"))
        batch_op.drop_index(batch_op.f("ix_proceeding_targets_event_id"))
        batch_op.drop_index(batch_op.f("ix_proceeding_targets_act_id"))

    op.drop_table("proceeding_targets")
    with op.batch_alter_table("involvements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_involvements_person_id"))
        batch_op.drop_index(batch_op.f("ix_involvements_organization_id"))
        batch_op.drop_index(batch_op.f("ix_involvements_act_id"))

    op.drop_table("involvements")
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_index("ix_citations_record")
        batch_op.drop_index(batch_op.f("ix_citations_information_id"))

    op.drop_table("citations")
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationships_subject_person_id"))
        batch_op.drop_index(batch_op.f("ix_relationships_subject_organization_id"))
        batch_op.drop_index(batch_op.f("ix_relationships_object_person_id"))
        batch_op.drop_index(batch_op.f("ix_relationships_object_organization_id"))
        batch_op.drop_index(batch_op.f("ix_relationships_date_latest"))
        batch_op.drop_index(batch_op.f("ix_relationships_date_earliest"))

    op.drop_table("relationships")
    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_names_person_id"))

    op.drop_table("person_names")
    with op.batch_alter_table("information", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_information_person_id"))
        batch_op.drop_index(batch_op.f("ix_information_organization_id"))
        batch_op.drop_index(batch_op.f("ix_information_event_id"))
        batch_op.drop_index(batch_op.f("ix_information_date_latest"))
        batch_op.drop_index(batch_op.f("ix_information_date_earliest"))

    op.drop_table("information")
    with op.batch_alter_table("acts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acts_victim_id"))
        batch_op.drop_index(batch_op.f("ix_acts_event_id"))
        batch_op.drop_index(batch_op.f("ix_acts_date_latest"))
        batch_op.drop_index(batch_op.f("ix_acts_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_acts_act_type"))

    op.drop_table("acts")
    with op.batch_alter_table("proceedings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proceedings_proceeding_type"))
        batch_op.drop_index(batch_op.f("ix_proceedings_date_latest"))
        batch_op.drop_index(batch_op.f("ix_proceedings_date_earliest"))

    op.drop_table("proceedings")
    op.drop_table("persons")
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organizations_parent_id"))

    op.drop_table("organizations")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_parent_id"))
        batch_op.drop_index(batch_op.f("ix_events_date_latest"))
        batch_op.drop_index(batch_op.f("ix_events_date_earliest"))

    op.drop_table("events")
