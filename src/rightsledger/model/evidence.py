"""Evidence: documents kept in the vault, their derived text, and the tamper-evident logs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rightsledger.ledger import heads_table, log_table
from rightsledger.model.base import Base, UTCDateTime, utc_now

SENSITIVITIES = ("public", "restricted", "confidential")

custody_log = log_table(Base.metadata, "custody_log")
audit_log = log_table(Base.metadata, "audit_log")
tree_heads = heads_table(Base.metadata)


class Document(Base):
    """One evidence item: original bytes stored write-once under their SHA-256.

    The row records what was known at the first intake; every later intake of the same bytes is a
    custody entry with its own provenance. The server's received time is kept apart from the
    collector's claimed time, and embedded metadata is kept as found, tagged with its origin.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(200))
    original_name: Mapped[str | None] = mapped_column(String(1000))
    sensitivity: Mapped[str] = mapped_column(String(16), default="restricted")
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    source_url: Mapped[str | None] = mapped_column(String(2000))
    collected_by: Mapped[str | None] = mapped_column(String(200))
    collected_at: Mapped[str | None] = mapped_column(String(64))  # as claimed, EDTF
    method: Mapped[str | None] = mapped_column(Text)
    tool: Mapped[str] = mapped_column(String(200))
    embedded_metadata: Mapped[str] = mapped_column(Text, default="{}")  # JSON, as found
    text_status: Mapped[str] = mapped_column(String(16), default="pending")
    text_note: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(String(1000))
    author: Mapped[str | None] = mapped_column(String(500))
    published_date: Mapped[str | None] = mapped_column(String(64))
    # Confidential originals are stored encrypted; their blob is named by a keyed hash.
    encrypted: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # SHA-256 of the bytes on disk when they are ciphertext: verify checks it without the key.
    stored_sha256: Mapped[str | None] = mapped_column(String(64))

    text: Mapped[DocumentText | None] = relationship(
        back_populates="document", uselist=False, cascade="all, delete-orphan"
    )

    @property
    def item(self) -> str:
        return f"sha256:{self.sha256}"


class DocumentText(Base):
    """Text extracted from a document: a derived item, never a change to the original."""

    __tablename__ = "document_texts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    tool: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    document: Mapped[Document] = relationship(back_populates="text")
