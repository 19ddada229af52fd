"""claims drawn from documents, for review

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 08:41:46.974856
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("record", sa.String(length=250), nullable=True),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected')", name=op.f("ck_claims_known_status")
        ),
        sa.CheckConstraint("span_start <= span_end", name=op.f("ck_claims_span_ordered")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_claims_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_document_status", ["document_id", "status"], unique=False)

    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citations_claim_id"), ["claim_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_citations_claim_id_claims"), "claims", ["claim_id"], ["id"]
        )


def downgrade() -> None:

    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_citations_claim_id_claims"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_citations_claim_id"))

    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_document_status")

    op.drop_table("claims")
