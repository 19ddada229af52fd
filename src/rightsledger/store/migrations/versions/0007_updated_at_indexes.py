"""index each record table on its latest change

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 11:05:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organizations_updated_at"), ["updated_at"], unique=False
        )
    with op.batch_alter_table("acts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acts_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("involvements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_involvements_updated_at"), ["updated_at"], unique=False
        )
    with op.batch_alter_table("information", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_information_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("proceedings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proceedings_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationships_updated_at"), ["updated_at"], unique=False
        )
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citations_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citations_updated_at"))
    with op.batch_alter_table("relationships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationships_updated_at"))
    with op.batch_alter_table("proceedings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_proceedings_updated_at"))
    with op.batch_alter_table("information", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_information_updated_at"))
    with op.batch_alter_table("involvements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_involvements_updated_at"))
    with op.batch_alter_table("acts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acts_updated_at"))
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organizations_updated_at"))
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persons_updated_at"))
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_updated_at"))
