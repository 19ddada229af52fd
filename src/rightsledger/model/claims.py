"""Claims: proposals drawn from a span of a document's text, waiting for a person's review."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rightsledger.model.base import Base, UTCDateTime, utc_now

CLAIM_STATUSES = ("proposed", "accepted", "rejected")


class Claim(Base):
    """One claim (count, date, place, act, actor, quote, call) at a character span.

    ``payload`` is the claim's JSON as the extractor produced it, or as the reviewer edited it.
    For a confidential document the span text and payload are sealed under the document's key.
    """

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint("span_start <= span_end", name="span_ordered"),
        CheckConstraint("status IN ('proposed', 'accepted', 'rejected')", name="known_status"),
        Index("ix_claims_document_status", "document_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    kind: Mapped[str] = mapped_column(String(16))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(200))
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    # The record the accepted claim created or updated, as "kind:external_id".
    record: Mapped[str | None] = mapped_column(String(250))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class LinkPair(Base):
    """A pair of person records that linkage scored as possibly the same person."""

    __tablename__ = "link_pairs"
    __table_args__ = (
        CheckConstraint("left_person_id < right_person_id", name="ordered_pair"),
        CheckConstraint(
            "status IN ('proposed', 'accepted', 'rejected', 'skipped')", name="known_status"
        ),
        Index("uq_link_pairs_pair", "left_person_id", "right_person_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    left_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    right_person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    probability: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)  # JSON: per-comparison levels and weights
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
