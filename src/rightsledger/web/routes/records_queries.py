"""The queries behind the record pages: filtered, counted and paginated in SQL.

Lists never load a whole table: each page is one ``LIMIT``/``OFFSET`` query and one ``COUNT``,
so a casebook of 100,000 acts pages as fast as the demo. Evidence, proceedings and derived
statuses are fetched for the records on the page only.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from rightsledger.account.parties import person_reference
from rightsledger.account.status import PerpetratorStatus, derive_status, person_label
from rightsledger.errors import InvalidValue
from rightsledger.model import (
    Citation,
    Claim,
    Document,
    Information,
    Involvement,
    Organization,
    Person,
    PersonName,
    Proceeding,
    ProceedingTarget,
)
from rightsledger.protect.disclosure import record_identity_read
from rightsledger.protect.envelope import Protector
from rightsledger.values import FuzzyDate, Name
from rightsledger.web.context import Viewer
from rightsledger.web.figures import fingerprint

PAGE_SIZE = 50
# How many linked records a detail page lists before pointing to the filtered list.
LINKED_LIMIT = 50


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows, how many match in all, and where it is."""

    rows: list[Any]
    total: int
    number: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def first(self) -> int:
        return 0 if self.total == 0 else (self.number - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return min(self.total, self.number * PAGE_SIZE)


# Totals of list queries, kept until the casebook changes: counting 100,000 rows for every page
# of a list costs more than the page itself. Keyed by the database, the SQL and its parameters.
_COUNTS: dict[tuple[Any, ...], tuple[tuple[Any, ...], int]] = {}
_COUNTS_KEPT = 512
_COUNTS_LOCK = threading.Lock()


def count(session: Session, query: Select[Any]) -> int:
    counted = select(func.count()).select_from(query.order_by(None).subquery())
    compiled = counted.compile(bind=session.get_bind())
    bind = session.get_bind()
    key = (str(bind.engine.url), str(compiled), repr(sorted(compiled.params.items())))
    mark = fingerprint(session)
    with _COUNTS_LOCK:
        found = _COUNTS.get(key)
    if found is not None and found[0] == mark:
        return found[1]
    total = session.scalar(counted) or 0
    with _COUNTS_LOCK:
        if len(_COUNTS) >= _COUNTS_KEPT:
            _COUNTS.clear()
        _COUNTS[key] = (mark, total)
    return total


def paginate(session: Session, query: Select[Any], number: int) -> Page:
    total = count(session, query)
    rows = list(session.scalars(query.limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)))
    return Page(rows=rows, total=total, number=number)


def pager_query(request: Request) -> str:
    """The list's query string without ``page``, for the pager's links."""
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != "page"]
    return urlencode([(key, value) for key, value in kept if value])


def published(model: Any, published_only: bool) -> list[Any]:
    return [model.published.is_(True)] if published_only else []


# -- filters ----------------------------------------------------------------------------------


def date_bounds(
    date_from: str | None, date_to: str | None
) -> tuple[dt.date | None, dt.date | None]:
    """The day range of two typed dates (any precision: "2017", "2017-04", "2017-04-01")."""

    def bound(text: str | None, label: str, latest: bool) -> dt.date | None:
        if not text or not text.strip():
            return None
        try:
            value = FuzzyDate.parse(text.strip())
        except InvalidValue as error:
            raise InvalidValue(f"{label}: {error.message}") from None
        return value.latest if latest else value.earliest

    return bound(date_from, "date from", False), bound(date_to, "date to", True)


def overlapping(model: Any, earliest: dt.date | None, latest: dt.date | None) -> list[Any]:
    """Records whose fuzzy date can fall in [earliest, latest] (undated ones never do)."""
    conditions = []
    if earliest is not None:
        conditions.append(func.coalesce(model.date_latest, model.date_earliest) >= earliest)
    if latest is not None:
        conditions.append(func.coalesce(model.date_earliest, model.date_latest) <= latest)
    return conditions


def contains(column: Any, text: str | None) -> list[Any]:
    if not text or not text.strip():
        return []
    return [column.icontains(text.strip(), autoescape=True)]


def persons_named(session: Session, protector: Protector, text: str) -> Any:
    """A condition on ``Person.id``: one of the person's names is ``text``, or every word of
    ``text`` is one of their names ("Магомед Хасанов" finds given + family). Names are sealed,
    so the match is on the keyed blind index of each name; no plaintext is compared."""
    words = [word for word in text.split() if word.strip(".,;")]
    if not words:
        return Person.id.is_(None)
    try:
        whole = _name_key(protector, text)
        each = [_name_key(protector, word) for word in words]
    except InvalidValue:
        return Person.id.is_(None)
    column = PersonName.blind_index if protector.available else PersonName.value
    exact = Person.id.in_(select(PersonName.person_id).where(column == whole))
    if len(each) == 1:
        return exact
    every = and_(
        *(Person.id.in_(select(PersonName.person_id).where(column == key)) for key in each)
    )
    return or_(exact, every)


def _name_key(protector: Protector, text: str) -> str:
    # A casebook made without keys keeps names in plaintext: compare the name as written.
    return protector.blind_index(text) if protector.available else Name.parse(text).original


# -- shown persons --------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownPerson:
    """A person as this viewer may see them: the id to link to and the label."""

    reference: str
    label: str
    hidden: bool  # a pseudonym stands in for the name

    @classmethod
    def of(cls, person: Person, protector: Protector) -> ShownPerson:
        label = person_label(person, protector)
        return cls(person_reference(person, protector), label, label.startswith("[protected "))


def with_names(query: Select[Any]) -> Select[Any]:
    return query.options(selectinload(Person.names))


def audit_identities(viewer: Viewer, *, where: str, records: int) -> None:
    """Every page that shows identities in clear is an audit entry (who, where, how many)."""
    record_identity_read(viewer.book, "persons", command=f"web {where}", records=records)


# -- evidence and proceedings ---------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """One citation of a record: the information, document span or claim it rests on."""

    citation_id: str
    field: str | None
    information_id: str | None
    information_title: str | None
    url: str | None
    document_id: int | None
    span_start: int | None
    span_end: int | None
    claim_id: int | None
    claim_kind: str | None
    claim_status: str | None
    quote: str | None
    note: str | None


def evidence(
    session: Session,
    record_kind: str,
    record_ids: Sequence[int],
    *,
    published_only: bool,
    confidential_ok: bool,
) -> dict[int, list[Evidence]]:
    """The citations of these records, keyed by record id, in citation order.

    Viewers see published citations and published information only, and no documents; the
    quote of a confidential document is left out for roles that may not open it.
    """
    out: dict[int, list[Evidence]] = {record_id: [] for record_id in record_ids}
    if not record_ids:
        return out
    query = (
        select(Citation, Information, Document.sensitivity, Claim)
        .outerjoin(Information, Information.id == Citation.information_id)
        .outerjoin(Claim, Claim.id == Citation.claim_id)
        .outerjoin(
            Document,
            Document.id == func.coalesce(Citation.document_id, Claim.document_id),
        )
        .where(Citation.record_kind == record_kind, Citation.record_id.in_(record_ids))
        .order_by(Citation.record_id, Citation.external_id)
    )
    query = query.where(*published(Citation, published_only))
    for citation, information, sensitivity, claim in session.execute(query):
        shown = information is not None and (information.published or not published_only)
        sealed = sensitivity == "confidential" and not confidential_ok
        out[citation.record_id].append(
            Evidence(
                citation_id=citation.external_id,
                field=citation.field,
                information_id=information.external_id if shown else None,
                information_title=information.title if shown else None,
                url=information.url if shown else None,
                document_id=None if published_only else citation.document_id,
                span_start=citation.span_start,
                span_end=citation.span_end,
                claim_id=claim.id if claim is not None and not published_only else None,
                claim_kind=claim.kind if claim is not None else None,
                claim_status=claim.status if claim is not None else None,
                quote=None if sealed else citation.quote,
                note=citation.note,
            )
        )
    return out


def claim_document(session: Session, claim_id: int) -> int | None:
    return session.scalar(select(Claim.document_id).where(Claim.id == claim_id))


def proceedings_naming(
    session: Session, column: Any, record_id: int, *, published_only: bool
) -> list[Proceeding]:
    """Proceedings that name this record among their targets, by date (undated last)."""
    query = (
        select(Proceeding)
        .join(ProceedingTarget, ProceedingTarget.proceeding_id == Proceeding.id)
        .where(column == record_id, *published(Proceeding, published_only))
        .order_by(Proceeding.date_earliest.asc().nulls_last(), Proceeding.external_id)
        .distinct()
    )
    return list(session.scalars(query))


def derived_status(
    session: Session, kind: str, record_id: int, *, published_only: bool, as_of: dt.date
) -> tuple[PerpetratorStatus, dt.date | None] | None:
    """The derived status of a person or organization with involvements; None without any."""
    own = Involvement.person_id if kind == "persons" else Involvement.organization_id
    involved = session.scalar(
        select(func.count(Involvement.id)).where(
            own == record_id, *published(Involvement, published_only)
        )
    )
    if not involved:
        return None
    target = ProceedingTarget.person_id if kind == "persons" else ProceedingTarget.organization_id
    steps = [
        (kind_, date, external_id)
        for kind_, date, external_id in session.execute(
            select(Proceeding.proceeding_type, Proceeding.date_earliest, Proceeding.external_id)
            .join(ProceedingTarget, ProceedingTarget.proceeding_id == Proceeding.id)
            .where(target == record_id, *published(Proceeding, published_only))
        )
        if date is None or date <= as_of
    ]
    status, since, _ = derive_status(steps)
    return status, since


# -- perpetrators ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PerpetratorRow:
    kind: str
    reference: str
    label: str
    hidden: bool
    acts: int
    status: PerpetratorStatus
    status_since: dt.date | None


def perpetrator_page(
    session: Session,
    protector: Protector,
    *,
    published_only: bool,
    as_of: dt.date,
    status: PerpetratorStatus | None,
    kind: str | None,
    number: int,
) -> Page:
    """Every person and organization with an involvement, with the status its proceedings
    derive (``account.status.derive_status``), filtered, most acts first, one page of them.

    Counts are grouped in SQL; only the page's records are loaded to be named.
    """
    acts: dict[tuple[str, int], int] = {}
    for person_id, organization_id, involved in session.execute(
        select(Involvement.person_id, Involvement.organization_id, func.count(Involvement.id))
        .where(*published(Involvement, published_only))
        .group_by(Involvement.person_id, Involvement.organization_id)
    ):
        acts[party_key(person_id, organization_id)] = involved
    if kind is not None:
        acts = {key: value for key, value in acts.items() if key[0] == kind}
    if published_only:
        visible = _published_parties(session)
        acts = {key: value for key, value in acts.items() if key in visible}
    steps: dict[tuple[str, int], list[tuple[str, dt.date | None, str]]] = defaultdict(list)
    for person_id, organization_id, step, date, external_id in session.execute(
        select(
            ProceedingTarget.person_id,
            ProceedingTarget.organization_id,
            Proceeding.proceeding_type,
            Proceeding.date_earliest,
            Proceeding.external_id,
        )
        .join(Proceeding, Proceeding.id == ProceedingTarget.proceeding_id)
        .where(
            or_(
                ProceedingTarget.person_id.is_not(None),
                ProceedingTarget.organization_id.is_not(None),
            )
        )
        .where(*published(Proceeding, published_only))
    ):
        if date is not None and date > as_of:
            continue
        steps[party_key(person_id, organization_id)].append((step, date, external_id))
    derived = {key: derive_status(steps.get(key, [])) for key in acts}
    chosen = [key for key in acts if status is None or derived[key][0] is status]
    chosen.sort(key=lambda key: (-acts[key], key[0], key[1]))
    start = (number - 1) * PAGE_SIZE
    rows = []
    for key in chosen[start : start + PAGE_SIZE]:
        record_kind, record_id = key
        derived_status_, since, _ = derived[key]
        if record_kind == "persons":
            person = session.scalar(with_names(select(Person).where(Person.id == record_id)))
            assert person is not None  # involvements reference existing rows
            shown = ShownPerson.of(person, protector)
            reference, label, hidden = shown.reference, shown.label, shown.hidden
        else:
            organization = session.get(Organization, record_id)
            assert organization is not None
            reference, label, hidden = organization.external_id, organization.name, False
        rows.append(
            PerpetratorRow(record_kind, reference, label, hidden, acts[key], derived_status_, since)
        )
    return Page(rows=rows, total=len(chosen), number=number)


def party_key(person_id: int | None, organization_id: int | None) -> tuple[str, int]:
    if person_id is not None:
        return ("persons", person_id)
    assert organization_id is not None  # the one_perpetrator check guarantees one of the two
    return ("organizations", organization_id)


def _published_parties(session: Session) -> set[tuple[str, int]]:
    involved_persons = select(Involvement.person_id).where(Involvement.person_id.is_not(None))
    involved_units = select(Involvement.organization_id).where(
        Involvement.organization_id.is_not(None)
    )
    persons = session.scalars(
        select(Person.id).where(Person.published.is_(True), Person.id.in_(involved_persons))
    )
    units = session.scalars(
        select(Organization.id).where(
            Organization.published.is_(True), Organization.id.in_(involved_units)
        )
    )
    return {("persons", i) for i in persons} | {("organizations", i) for i in units}


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
