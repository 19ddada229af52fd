"""Who a profile is about, and how they may be shown: the shared helpers of the account stage.

A perpetrator or a victim is a *party*: a person or an organization, named by kind and external
id. Persons are shown through ``person_label``; where it hides the name (a role without the key),
the external id is hidden too, because ids are often built from names. Organizations are public
bodies and units and are shown as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.account.status import person_label
from rightsledger.errors import NotFound, UserError
from rightsledger.model import Citation, Information, Organization, Person
from rightsledger.protect.envelope import Protector, pseudonym

PERSONS = "persons"
ORGANIZATIONS = "organizations"
PARTY_KINDS = (PERSONS, ORGANIZATIONS)
# What users type before the colon: the kind's name in the plural or the singular.
_KIND_PREFIXES = {
    "persons": PERSONS,
    "person": PERSONS,
    "organizations": ORGANIZATIONS,
    "organization": ORGANIZATIONS,
}
PartyRecord = Person | Organization


@dataclass(frozen=True)
class Party:
    """A person or organization as the viewer may see it."""

    kind: str  # "persons" or "organizations"
    external_id: str  # a pseudonym ("P-…") for a person whose identity is hidden
    label: str

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.external_id}"


def identity_hidden(person: Person, protector: Protector | None) -> bool:
    """Whether ``person_label`` hides this person's name from the viewer holding ``protector``."""
    return person_label(person, protector).startswith("[protected ")


def person_reference(person: Person, protector: Protector | None) -> str:
    """The person's external id, or the same pseudonym ``person_label`` shows when it is hidden."""
    if identity_hidden(person, protector):
        return pseudonym(f"persons:{person.id}")
    return person.external_id


def party(record: PartyRecord, protector: Protector | None) -> Party:
    if isinstance(record, Person):
        return Party(PERSONS, person_reference(record, protector), person_label(record, protector))
    return Party(ORGANIZATIONS, record.external_id, record.name)


def model_of(kind: str) -> type[Person] | type[Organization]:
    if kind == PERSONS:
        return Person
    if kind == ORGANIZATIONS:
        return Organization
    raise UserError(f'"{kind}" is not a kind of perpetrator; use persons or organizations')


def find_party(
    session: Session, kind: str, external_id: str, *, published_only: bool = False
) -> PartyRecord:
    """The person or organization with this external id (or person pseudonym); NotFound names it.

    An unpublished record is "not found" for a viewer, so that the answer does not reveal it.
    """
    record: PartyRecord | None
    if model_of(kind) is Person:
        record = session.scalar(select(Person).where(Person.external_id == external_id))
    else:
        record = session.scalar(select(Organization).where(Organization.external_id == external_id))
    if record is None and kind == PERSONS and external_id.startswith("P-"):
        record = _person_by_pseudonym(session, external_id)
    if record is None or (published_only and not record.published):
        singular = "person" if kind == PERSONS else "organization"
        raise NotFound(f'no {singular} has external_id "{external_id}"')
    return record


def _person_by_pseudonym(session: Session, text: str) -> Person | None:
    # Roles without the key see pseudonyms only; let them come back with what they were shown.
    for person_id in session.scalars(select(Person.id)):
        if pseudonym(f"persons:{person_id}") == text:
            return session.get(Person, person_id)
    return None


def resolve_party(
    session: Session, text: str, *, published_only: bool = False
) -> tuple[str, PartyRecord]:
    """Read ``persons:ID``, ``organizations:ID`` (or the singular) or a bare ID that is unique."""
    prefix, sep, rest = text.partition(":")
    if sep and prefix.strip().lower() in _KIND_PREFIXES:
        kind = _KIND_PREFIXES[prefix.strip().lower()]
        return kind, find_party(session, kind, rest.strip(), published_only=published_only)
    found: list[tuple[str, PartyRecord]] = []
    for kind in PARTY_KINDS:
        try:
            found.append((kind, find_party(session, kind, text, published_only=published_only)))
        except NotFound:
            continue
    if not found:
        raise NotFound(f'no person or organization has external_id "{text}"')
    if len(found) > 1:
        raise UserError(
            f'"{text}" is both a person and an organization; write persons:{text} or '
            f"organizations:{text}"
        )
    return found[0]


@dataclass(frozen=True)
class Period:
    """A closed interval of days; None at an end means open (unknown or still running)."""

    earliest: dt.date | None = None
    latest: dt.date | None = None

    def intersect(self, other: Period) -> Period | None:
        """The days both periods share, or None when they share none."""
        earliest = _later(self.earliest, other.earliest)
        latest = _earlier(self.latest, other.latest)
        if earliest is not None and latest is not None and earliest > latest:
            return None
        return Period(earliest, latest)

    def contains(self, earliest: dt.date | None, latest: dt.date | None) -> bool:
        """Whether a fuzzy date with these bounds lies wholly inside the period.

        A missing bound of the date can lie anywhere, so it fits only an open end of the period.
        """
        after_start = self.earliest is None or (earliest is not None and earliest >= self.earliest)
        before_end = self.latest is None or (latest is not None and latest <= self.latest)
        return after_start and before_end

    def covers(self, other: Period) -> bool:
        """Whether every day of ``other`` is in this period."""
        starts = self.earliest is None or (
            other.earliest is not None and self.earliest <= other.earliest
        )
        ends = self.latest is None or (other.latest is not None and other.latest <= self.latest)
        return starts and ends

    @property
    def unbounded(self) -> bool:
        return self.earliest is None and self.latest is None


ALWAYS = Period()


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


@dataclass(frozen=True)
class CitationRef:
    """One piece of evidence for a record: an information record or a span of a document."""

    citation_id: str
    field: str | None
    information_id: str | None
    information_title: str | None
    url: str | None
    document_id: int | None
    span_start: int | None
    span_end: int | None

    @property
    def ref(self) -> str:
        """A short reference a report can print: ``inf-1 "Title" <url>`` or ``document 3 [5:9]``."""
        parts = []
        if self.information_id is not None:
            parts.append(self.information_id)
            if self.information_title:
                parts.append(f'"{self.information_title}"')
            if self.url:
                parts.append(f"<{self.url}>")
        if self.document_id is not None:
            span = f" [{self.span_start}:{self.span_end}]" if self.span_start is not None else ""
            parts.append(f"document {self.document_id}{span}")
        if self.field:
            parts.append(f"(field {self.field})")
        return " ".join(parts) or self.citation_id


def citations_of(
    session: Session, record_kind: str, record_ids: list[int], *, published_only: bool = False
) -> dict[int, list[CitationRef]]:
    """The citations of many records of one kind at once, keyed by record id, in citation order."""
    out: dict[int, list[CitationRef]] = {record_id: [] for record_id in record_ids}
    if not record_ids:
        return out
    query = (
        select(Citation, Information)
        .outerjoin(Information, Information.id == Citation.information_id)
        .where(Citation.record_kind == record_kind, Citation.record_id.in_(record_ids))
        .order_by(Citation.record_id, Citation.external_id)
    )
    if published_only:
        query = query.where(Citation.published.is_(True))
    for citation, information in session.execute(query):
        shown = information is not None and (information.published or not published_only)
        out[citation.record_id].append(
            CitationRef(
                citation_id=citation.external_id,
                field=citation.field,
                information_id=information.external_id if shown and information else None,
                information_title=information.title if shown and information else None,
                url=information.url if shown and information else None,
                document_id=citation.document_id,
                span_start=citation.span_start,
                span_end=citation.span_end,
            )
        )
    return out


def days_between(earlier: dt.date | None, later: dt.date) -> int | None:
    """Whole days from ``earlier`` to ``later``, never negative; None when it is unknown."""
    if earlier is None:
        return None
    return max(0, (later - earlier).days)
