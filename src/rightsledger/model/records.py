"""The records of HURIDOCS Events Standard Formats as typed ORM classes.

Values with uncertainty are stored as plain columns so that both databases can index and compare
them: a fuzzy date as its EDTF text plus earliest/latest bounds, a count as low/best/high plus its
qualifier, a place as name, gazetteer id and admin path. The ``values`` module cleans them; the
properties here only convert between the columns and those types.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rightsledger.model.base import Base, Record
from rightsledger.values import Count, CountQualifier, FuzzyDate, Place

SHORT = 200
SLUG = 64
EDTF = 64


def _date_or_none(edtf: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(edtf) if edtf else None


class _Dated:
    """Columns and accessors of one fuzzy date called ``date``."""

    date_edtf: Mapped[str | None] = mapped_column(String(EDTF))
    date_earliest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_latest: Mapped[dt.date | None] = mapped_column(Date, index=True)

    @property
    def date(self) -> FuzzyDate | None:
        return _date_or_none(self.date_edtf)

    @date.setter
    def date(self, value: FuzzyDate | None) -> None:
        self.date_edtf = str(value) if value else None
        self.date_earliest = value.earliest if value else None
        self.date_latest = value.latest if value else None


class _Placed:
    """Columns and accessors of one place called ``place``."""

    place_name: Mapped[str | None] = mapped_column(String(SHORT))
    place_gazetteer_id: Mapped[str | None] = mapped_column(String(SHORT))
    place_admin: Mapped[str | None] = mapped_column(String(500))

    @property
    def place(self) -> Place | None:
        if not self.place_name:
            return None
        return Place.parse(
            self.place_name, gazetteer_id=self.place_gazetteer_id, admin=self.place_admin
        )

    @place.setter
    def place(self, value: Place | None) -> None:
        self.place_name = value.name if value else None
        self.place_gazetteer_id = value.gazetteer_id if value else None
        self.place_admin = (value.admin_text or None) if value else None


class Event(_Dated, _Placed, Record):
    """An incident or a campaign; campaigns hold their episodes through ``parent``."""

    __tablename__ = "events"
    __vocabularies__ = {
        "violation_status": "violation_status",
        "chain_type": "chain_of_events_types",
    }

    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    violation_status: Mapped[str | None] = mapped_column(String(SLUG))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    # How this event follows from its parent (HURIDOCS "types of chain of events").
    chain_type: Mapped[str | None] = mapped_column(String(SLUG))

    parent: Mapped[Event | None] = relationship(remote_side="Event.id")
    acts: Mapped[list[Act]] = relationship(back_populates="event")


class Person(Record):
    """A victim, perpetrator, witness, informant or official; or a group counted as one victim."""

    __tablename__ = "persons"
    __vocabularies__ = {"sex": "sex", "counting_unit": "counting_units"}
    __table_args__ = (
        CheckConstraint("group_low IS NULL OR group_low >= 0", name="group_low_not_negative"),
        CheckConstraint(
            "group_low IS NULL OR group_best IS NULL OR group_low <= group_best",
            name="group_low_le_best",
        ),
        CheckConstraint(
            "group_best IS NULL OR group_high IS NULL OR group_best <= group_high",
            name="group_best_le_high",
        ),
    )

    is_group: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    sex: Mapped[str | None] = mapped_column(String(SLUG))
    birth_edtf: Mapped[str | None] = mapped_column(String(EDTF))
    birth_earliest: Mapped[dt.date | None] = mapped_column(Date)
    birth_latest: Mapped[dt.date | None] = mapped_column(Date)
    deceased: Mapped[bool | None] = mapped_column(Boolean)
    counting_unit: Mapped[str | None] = mapped_column(String(SLUG))
    group_low: Mapped[int | None] = mapped_column(Integer)
    group_best: Mapped[int | None] = mapped_column(Integer)
    group_high: Mapped[int | None] = mapped_column(Integer)
    group_qualifier: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str | None] = mapped_column(Text)
    # Identifying details, always encrypted: how to reach the person, and notes about them.
    contact: Mapped[str | None] = mapped_column(Text)
    # An exact birth date identifies; it is sealed here while birth_* keep only its year.
    birth_exact: Mapped[str | None] = mapped_column(Text)
    sensitive_notes: Mapped[str | None] = mapped_column(Text)
    # Set when record linkage merges this record into a canonical person; the record keeps its
    # own source and fields, and counting treats the two as one.
    same_as_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)

    names: Mapped[list[PersonName]] = relationship(
        back_populates="person",
        cascade="all, delete-orphan",
        order_by="(PersonName.part, PersonName.position)",
    )

    @property
    def birth_date(self) -> FuzzyDate | None:
        return _date_or_none(self.birth_edtf)

    @birth_date.setter
    def birth_date(self, value: FuzzyDate | None) -> None:
        self.birth_edtf = str(value) if value else None
        self.birth_earliest = value.earliest if value else None
        self.birth_latest = value.latest if value else None

    @property
    def group_size(self) -> Count | None:
        if self.group_low is None and self.group_best is None and self.group_high is None:
            return None
        qualifier = CountQualifier(self.group_qualifier) if self.group_qualifier else None
        return Count.of(
            low=self.group_low, best=self.group_best, high=self.group_high, qualifier=qualifier
        )

    @group_size.setter
    def group_size(self, value: Count | None) -> None:
        self.group_low = value.low if value else None
        self.group_best = value.best if value else None
        self.group_high = value.high if value else None
        self.group_qualifier = str(value.qualifier) if value and value.qualifier else None

    def name_parts(self, part: str) -> list[str]:
        """The stored values of one role: ciphertext in an encrypted casebook. To show a name,
        use ``rightsledger.account.status.person_label``, which opens it only for roles that may
        see identities."""
        return [n.value for n in self.names if n.part == part]


NAME_FULL = "full"
NAME_GIVEN = "given"
NAME_PATRONYMIC = "patronymic"
NAME_FAMILY = "family"
NAME_ALIAS = "alias"
NAME_PARTS = (NAME_FULL, NAME_GIVEN, NAME_PATRONYMIC, NAME_FAMILY, NAME_ALIAS)


class PersonName(Base):
    """One name of a person as written, with its role and script.

    Names live apart from the person so that each can be encrypted and blind-indexed on its own
    and a person can carry any number of spellings and aliases.
    """

    __tablename__ = "person_names"
    __table_args__ = (
        UniqueConstraint("person_id", "part", "position"),
        CheckConstraint(
            "part IN ('full', 'given', 'patronymic', 'family', 'alias')", name="known_part"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Ciphertext under the person's data key (or plaintext in a casebook made without keys).
    value: Mapped[str] = mapped_column(Text)
    script: Mapped[str] = mapped_column(String(16))
    # HMAC of the name's match key: exact lookups without decrypting or storing plaintext.
    blind_index: Mapped[str | None] = mapped_column(String(64), index=True)

    person: Mapped[Person] = relationship(back_populates="names")


class Organization(Record):
    """A unit, agency, NGO or outlet; ``parent`` builds chains of command."""

    __tablename__ = "organizations"
    __vocabularies__ = {"org_type": "perpetrator_types"}

    name: Mapped[str] = mapped_column(String(500))
    org_type: Mapped[str | None] = mapped_column(String(SLUG))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Organization | None] = relationship(remote_side="Organization.id")


class Act(_Dated, _Placed, Record):
    """One violation against one victim (a person or a group) within an event."""

    __tablename__ = "acts"
    __vocabularies__ = {"act_type": "act_types", "status": "act_status"}

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    victim_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    act_type: Mapped[str] = mapped_column(String(SLUG), index=True)
    status: Mapped[str | None] = mapped_column(String(SLUG))
    description: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="acts")
    victim: Mapped[Person] = relationship()
    involvements: Mapped[list[Involvement]] = relationship(back_populates="act")


_ONE_PERSON_OR_ORGANIZATION = "(person_id IS NULL) <> (organization_id IS NULL)"


class Involvement(Record):
    """A perpetrator's part in an act, with its degree (carried out, ordered, failed to prevent)."""

    __tablename__ = "involvements"
    __vocabularies__ = {"degree": "involvement_degrees"}
    __table_args__ = (CheckConstraint(_ONE_PERSON_OR_ORGANIZATION, name="one_perpetrator"),)

    act_id: Mapped[int] = mapped_column(ForeignKey("acts.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    degree: Mapped[str | None] = mapped_column(String(SLUG))
    description: Mapped[str | None] = mapped_column(Text)

    act: Mapped[Act] = relationship(back_populates="involvements")
    person: Mapped[Person | None] = relationship()
    organization: Mapped[Organization | None] = relationship()


class Information(_Dated, Record):
    """Who or what told us: a source, its connection to the events and its reliability."""

    __tablename__ = "information"
    __vocabularies__ = {
        "connection": "information_connections",
        "source_type": "source_material_types",
        "reliability": "reliability",
    }

    title: Mapped[str | None] = mapped_column(String(500))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    connection: Mapped[str | None] = mapped_column(String(SLUG))
    source_type: Mapped[str | None] = mapped_column(String(SLUG))
    reliability: Mapped[str | None] = mapped_column(String(SLUG))
    url: Mapped[str | None] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event | None] = relationship()
    person: Mapped[Person | None] = relationship()
    organization: Mapped[Organization | None] = relationship()


class Proceeding(_Dated, Record):
    """A step toward or away from accountability: complaint, refusal, charge, verdict, denial..."""

    __tablename__ = "proceedings"
    __vocabularies__ = {"proceeding_type": "proceeding_types"}

    proceeding_type: Mapped[str] = mapped_column(String(SLUG), index=True)
    body: Mapped[str | None] = mapped_column(String(500))
    outcome: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)

    targets: Mapped[list[ProceedingTarget]] = relationship(
        back_populates="proceeding",
        cascade="all, delete-orphan",
        order_by="ProceedingTarget.position",
    )


class ProceedingTarget(Base):
    """What a proceeding concerns: a person, an organization, an act or an event.

    One nullable foreign key per kind keeps referential integrity that a polymorphic id would lose.
    """

    __tablename__ = "proceeding_targets"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN act_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
        UniqueConstraint("proceeding_id", "position"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proceeding_id: Mapped[int] = mapped_column(
        ForeignKey("proceedings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), index=True)
    act_id: Mapped[int | None] = mapped_column(ForeignKey("acts.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)

    proceeding: Mapped[Proceeding] = relationship(back_populates="targets")


class Relationship(_Dated, Record):
    """A tie between persons and organizations (membership, command, family) over a period."""

    __tablename__ = "relationships"
    __vocabularies__ = {"relationship_type": "relationship_types"}
    __table_args__ = (
        CheckConstraint(
            "(subject_person_id IS NULL) <> (subject_organization_id IS NULL)",
            name="one_subject",
        ),
        CheckConstraint(
            "(object_person_id IS NULL) <> (object_organization_id IS NULL)",
            name="one_object",
        ),
    )

    relationship_type: Mapped[str] = mapped_column(String(SLUG))
    subject_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    subject_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id"), index=True
    )
    object_person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    object_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)


class Citation(Record):
    """Ties a fact (a record, optionally one field of it) to the evidence for it.

    The evidence is an Information record, a character span of a document, or a claim drawn from
    a document. Documents and claims arrive with the vault and extraction; their columns are here
    so that citations never need reshaping.
    """

    __tablename__ = "citations"
    __table_args__ = (
        CheckConstraint(
            "information_id IS NOT NULL OR document_id IS NOT NULL OR claim_id IS NOT NULL",
            name="has_evidence",
        ),
        CheckConstraint(
            "span_start IS NULL OR (span_end IS NOT NULL AND span_start <= span_end)",
            name="span_ordered",
        ),
        Index("ix_citations_record", "record_kind", "record_id"),
    )

    record_kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(SLUG))
    information_id: Mapped[int | None] = mapped_column(ForeignKey("information.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)
    quote: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)

    information: Mapped[Information | None] = relationship()
