"""The proceedings timeline: every dated, cited step toward or away from accountability.

A proceeding counts for a perpetrator, an event or a victim when it names them, or when it names
one of their acts, or (naming no act) an event of one of their acts. A proceeding that names only
another perpetrator does not count, even when the two share an act: a sanction of one official is
not a step in the case of the unit beside them. For an event, its episodes count as part of it.
Given several filters, a proceeding must meet all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger import vocab
from rightsledger.account.cases import ACTS, EVENTS, CaseFile, Target
from rightsledger.account.parties import (
    PERSONS,
    CitationRef,
    citations_of,
    find_party,
    person_reference,
)
from rightsledger.errors import NotFound
from rightsledger.model import Act, Event, Organization, Person, Proceeding
from rightsledger.protect.envelope import Protector


@dataclass(frozen=True)
class TimelineEntry:
    """One proceeding, dated and cited, with what it concerns."""

    proceeding_id: str
    proceeding_type: str  # a proceeding_types slug
    type_label: str  # its English label
    date_edtf: str | None
    date_earliest: dt.date | None
    date_latest: dt.date | None
    body: str | None
    outcome: str | None
    targets: list[str]  # "kind:external_id"; hidden persons as their pseudonym
    citations: list[CitationRef] = field(default_factory=list)


def type_label(slug: str, lang: str = "en") -> str:
    return vocab.load("proceeding_types").get(slug).label(lang)


def proceedings_timeline(
    session: Session,
    *,
    perpetrator: tuple[str, str] | None = None,
    event: str | None = None,
    victim: str | None = None,
    protector: Protector | None = None,
    published_only: bool = False,
    cases: CaseFile | None = None,
) -> list[TimelineEntry]:
    """The proceedings for a perpetrator ``(kind, external_id)``, an event, a victim, or all.

    Ordered by date (undated last), then by external id. Raises ``NotFound`` naming an unknown id.
    """
    cases = cases or CaseFile.load(session, published_only=published_only)
    chosen = set(cases.proceedings)
    if perpetrator is not None:
        kind, external_id = perpetrator
        record = find_party(session, kind, external_id, published_only=published_only)
        chosen &= proceedings_for(cases, (kind, record.id))
    if event is not None:
        event_id = _event_id(session, event, published_only)
        chosen &= {
            p
            for p in cases.proceedings
            if any(
                kind == EVENTS and cases.within_event(value, event_id)
                for kind, value in cases.targets.get(p, [])
            )
            or any(
                cases.within_event(cases.acts[a].event_id, event_id)
                for a in cases.acts_covered(p, through_parties=False)
            )
        }
    if victim is not None:
        victim_record = find_party(session, PERSONS, victim, published_only=published_only)
        chosen &= {
            p
            for p in cases.proceedings
            if cases.names(p, (PERSONS, victim_record.id))
            or any(
                cases.acts[a].victim_id == victim_record.id
                for a in cases.acts_covered(p, through_parties=False)
            )
        }
    return entries(session, cases, cases.ordered(chosen), protector, published_only)


def proceedings_for(cases: CaseFile, perpetrator: Target) -> set[int]:
    """The proceedings that name a perpetrator or concern an act attributed to them."""
    return {
        p
        for p in cases.proceedings
        if cases.names(p, perpetrator)
        or any(
            perpetrator in cases.acts[a].perpetrators
            for a in cases.acts_covered(p, through_parties=False)
        )
    }


def _event_id(session: Session, external_id: str, published_only: bool) -> int:
    found = session.scalar(select(Event).where(Event.external_id == external_id))
    if found is None or (published_only and not found.published):
        raise NotFound(f'no event has external_id "{external_id}"')
    return found.id


def entries(
    session: Session,
    cases: CaseFile,
    proceedings: list[Proceeding],
    protector: Protector | None,
    published_only: bool,
) -> list[TimelineEntry]:
    """Timeline entries of these proceedings, in the order given."""
    cited = citations_of(
        session, "proceedings", [p.id for p in proceedings], published_only=published_only
    )
    return [
        TimelineEntry(
            proceeding_id=p.external_id,
            proceeding_type=p.proceeding_type,
            type_label=type_label(p.proceeding_type),
            date_edtf=p.date_edtf,
            date_earliest=p.date_earliest,
            date_latest=p.date_latest,
            body=p.body,
            outcome=p.outcome,
            targets=[
                ref
                for target in cases.targets.get(p.id, [])
                if (ref := _target_ref(session, target, protector, published_only)) is not None
            ],
            citations=cited[p.id],
        )
        for p in proceedings
    ]


def _target_ref(
    session: Session, target: Target, protector: Protector | None, published_only: bool
) -> str | None:
    kind, record_id = target
    model = {PERSONS: Person, "organizations": Organization, ACTS: Act, EVENTS: Event}[kind]
    record = session.get(model, record_id)
    if record is None or (published_only and not record.published):
        return None  # a viewer does not learn that an unpublished record is targeted
    if isinstance(record, Person):
        return f"{kind}:{person_reference(record, protector)}"
    return f"{kind}:{record.external_id}"
