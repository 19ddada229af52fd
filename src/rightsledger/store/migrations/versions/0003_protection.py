"""protection: users, roles, data keys, backups, blind index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 08:02:43.753455
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "backups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file_name", sa.String(length=1000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backups")),
    )
    op.create_table(
        "data_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("kek_id", sa.String(length=32), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_keys")),
        sa.UniqueConstraint("owner", name=op.f("uq_data_keys_owner")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("totp_secret", sa.Text(), nullable=True),
        sa.Column("totp_last_step", sa.Integer(), nullable=True),
        sa.Column("disabled", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("language", sa.String(length=8), server_default="en", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'documenter', 'analyst', 'viewer')",
            name=op.f("ck_members_known_role"),
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_members_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("user_id", name=op.f("uq_members_user_id")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("encrypted", sa.Boolean(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("stored_sha256", sa.String(length=64), nullable=True))

    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.add_column(sa.Column("blind_index", sa.String(length=64), nullable=True))
        batch_op.alter_column(
            "value", existing_type=sa.VARCHAR(length=500), type_=sa.Text(), existing_nullable=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_names_blind_index"), ["blind_index"], unique=False
        )

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("birth_exact", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("sensitive_notes", sa.Text(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_column("sensitive_notes")
        batch_op.drop_column("contact")
        batch_op.drop_column("birth_exact")

    with op.batch_alter_table("person_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_names_blind_index"))
        batch_op.alter_column(
            "value", existing_type=sa.Text(), type_=sa.VARCHAR(length=500), existing_nullable=False
        )
        batch_op.drop_column("blind_index")

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("encrypted")
        batch_op.drop_column("stored_sha256")

    op.drop_table("members")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_user_id"))

    op.drop_table("api_tokens")
    op.drop_table("users")
    op.drop_table("data_keys")
    op.drop_table("backups")
