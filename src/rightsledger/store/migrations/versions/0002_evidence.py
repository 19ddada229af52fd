"""evidence vault, custody and audit logs, person links

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:48:04.898976

Adds the evidence vault (documents, derived text, full-text index), the custody and audit logs
with their signed heads (append-only, enforced by the database), and persons.same_as_id for
record linkage.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rightsledger.store.dialects import dialect_named

APPEND_ONLY = ("custody_log", "audit_log", "tree_heads")


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev", sa.String(length=64), nullable=False),
        sa.Column("leaf", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_table(
        "custody_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev", sa.String(length=64), nullable=False),
        sa.Column("leaf", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_custody_log")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=False),
        sa.Column("original_name", sa.String(length=1000), nullable=True),
        sa.Column("sensitivity", sa.String(length=16), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_url", sa.String(length=2000), nullable=True),
        sa.Column("collected_by", sa.String(length=200), nullable=True),
        sa.Column("collected_at", sa.String(length=64), nullable=True),
        sa.Column("method", sa.Text(), nullable=True),
        sa.Column("tool", sa.String(length=200), nullable=False),
        sa.Column("embedded_metadata", sa.Text(), nullable=False),
        sa.Column("text_status", sa.String(length=16), nullable=False),
        sa.Column("text_note", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("author", sa.String(length=500), nullable=True),
        sa.Column("published_date", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_table(
        "tree_heads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("log", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("root", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.String(length=40), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tree_heads")),
    )
    with op.batch_alter_table("tree_heads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tree_heads_log"), ["log"], unique=False)

    op.create_table(
        "document_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("tool", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_document_texts_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_texts")),
        sa.UniqueConstraint("document_id", name=op.f("uq_document_texts_document_id")),
    )
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citations_document_id"), ["document_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_citations_document_id_documents"), "documents", ["document_id"], ["id"]
        )

    with op.batch_alter_table("information", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_information_document_id"), ["document_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_information_document_id_documents"), "documents", ["document_id"], ["id"]
        )

    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("same_as_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_persons_same_as_id"), ["same_as_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_persons_same_as_id_persons"), "persons", ["same_as_id"], ["id"]
        )

    dialect = dialect_named(op.get_bind().dialect.name)
    for table in APPEND_ONLY:
        for statement in dialect.append_only_ddl(table):
            op.execute(statement)
    for statement in dialect.search_table_ddl():
        op.execute(statement)


def downgrade() -> None:
    dialect = dialect_named(op.get_bind().dialect.name)
    op.execute("DROP TABLE document_search")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_persons_same_as_id_persons"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_persons_same_as_id"))
        batch_op.drop_column("same_as_id")

    with op.batch_alter_table("information", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_information_document_id_documents"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_information_document_id"))

    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_citations_document_id_documents"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_citations_document_id"))

    op.drop_table("document_texts")
    with op.batch_alter_table("tree_heads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tree_heads_log"))

    op.drop_table("tree_heads")
    op.drop_table("documents")
    op.drop_table("custody_log")
    op.drop_table("audit_log")
    for table in APPEND_ONLY:
        for statement in dialect.drop_append_only_ddl(table):
            op.execute(statement)
