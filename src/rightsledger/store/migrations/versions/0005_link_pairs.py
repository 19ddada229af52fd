"""pairs proposed by record linkage, for review

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 08:55:06.232816
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "link_pairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("left_person_id", sa.Integer(), nullable=False),
        sa.Column("right_person_id", sa.Integer(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected', 'skipped')",
            name=op.f("ck_link_pairs_known_status"),
        ),
        sa.CheckConstraint(
            "left_person_id < right_person_id", name=op.f("ck_link_pairs_ordered_pair")
        ),
        sa.ForeignKeyConstraint(
            ["left_person_id"], ["persons.id"], name=op.f("fk_link_pairs_left_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["right_person_id"], ["persons.id"], name=op.f("fk_link_pairs_right_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_pairs")),
    )
    with op.batch_alter_table("link_pairs", schema=None) as batch_op:
        batch_op.create_index(
            "uq_link_pairs_pair", ["left_person_id", "right_person_id"], unique=True
        )


def downgrade() -> None:

    with op.batch_alter_table("link_pairs", schema=None) as batch_op:
        batch_op.drop_index("uq_link_pairs_pair")

    op.drop_table("link_pairs")
