"""Which records a report draws on: its events, their acts and victims, or one perpetrator's.

A public report sees only records marked published; a record it does not see is as if absent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from rightsledger.account.parties import PERSONS, find_party, resolve_party
from rightsledger.account.status import person_label
from rightsledger.errors import NotFound
from rightsledger.model import Act, Event, Involvement, Organization, Person
from rightsledger.protect.envelope import Protector, pseudonym
from rightsledger.report.parameters import ReportParameters


@dataclass
class Scope:
    params: ReportParameters
    events: list[Event]
    acts: list[tuple[Act, Person]]  # each act with its victim, in creation order
    perpetrator: tuple[str, Person | Organization] | None = None
    protector: Protector | None = None

    @property
    def event_ids(self) -> list[int]:
        return [event.id for event in self.events]

    @property
    def act_ids(self) -> list[int]:
        return [act.id for act, _ in self.acts]

    def person_ref(self, person: Person) -> str:
        """How a figure id names a person: a pseudonym wherever identities are hidden."""
        if self.params.pseudonymised:
            return pseudonym(f"persons:{person.id}")
        return person.external_id

    def person_name(self, person: Person) -> str:
        if self.params.pseudonymised:
            return pseudonym(f"persons:{person.id}")
        return person_label(person, self.protector)


def resolve(session: Session, params: ReportParameters, protector: Protector | None) -> Scope:
    """The records a report with ``params`` covers; NotFound names a missing or hidden --id."""
    only_published = params.published_only
    events = list(session.scalars(select(Event).order_by(Event.id)))
    if only_published:
        events = [event for event in events if event.published]
    perpetrator = None
    if params.kind == "perpetrator":
        assert params.subject is not None  # checked by ReportParameters
        kind, record = _perpetrator(session, params.subject, only_published)
        perpetrator = (kind, record)
        acts = _acts(session, params, perpetrator=(kind, record.id))
        used = {act.event_id for act, _ in acts}
        events = [event for event in events if event.id in used]
    else:
        if params.subject is not None:
            events = _event_tree(events, params.subject, whole=params.kind == "situation")
        acts = _acts(session, params, event_ids=[event.id for event in events])
    return Scope(params, events, acts, perpetrator, protector)


def _perpetrator(
    session: Session, text: str, only_published: bool
) -> tuple[str, Person | Organization]:
    if text.startswith("P-"):  # a pseudonym shown in an earlier pseudonymised report
        return PERSONS, find_party(session, PERSONS, text, published_only=only_published)
    return resolve_party(session, text, published_only=only_published)


def _event_tree(events: list[Event], external_id: str, *, whole: bool) -> list[Event]:
    root = next((event for event in events if event.external_id == external_id), None)
    if root is None:
        raise NotFound(f'no event has external_id "{external_id}"')
    if not whole:
        return [root]
    chosen = {root.id}
    grew = True
    while grew:  # parents before children is not guaranteed, so repeat until nothing is added
        grew = False
        for event in events:
            if event.parent_id in chosen and event.id not in chosen:
                chosen.add(event.id)
                grew = True
    return [event for event in events if event.id in chosen]


def _acts(
    session: Session,
    params: ReportParameters,
    *,
    event_ids: list[int] | None = None,
    perpetrator: tuple[str, int] | None = None,
) -> list[tuple[Act, Person]]:
    query = select(Act, Person).join(Person, Person.id == Act.victim_id).order_by(Act.id)
    if event_ids is not None:
        query = query.where(Act.event_id.in_(event_ids))
    if perpetrator is not None:
        kind, record_id = perpetrator
        column = Involvement.person_id if kind == PERSONS else Involvement.organization_id
        involved = select(Involvement.act_id).where(column == record_id)
        if params.published_only:
            involved = involved.where(Involvement.published.is_(True))
        query = query.where(Act.id.in_(involved))
    if params.published_only:
        query = query.where(Act.published.is_(True), Person.published.is_(True))
        query = query.where(Act.event_id.in_(select(Event.id).where(Event.published.is_(True))))
    return [(act, person) for act, person in session.execute(query).all()]


def involvement_filter(params: ReportParameters) -> list[ColumnElement[bool]]:
    """Conditions on involvements (and their perpetrators) for the report's visibility."""
    if not params.published_only:
        return []
    return [
        Involvement.published.is_(True),
        or_(
            Involvement.person_id.in_(select(Person.id).where(Person.published.is_(True))),
            Involvement.organization_id.in_(
                select(Organization.id).where(Organization.published.is_(True))
            ),
        ),
    ]
