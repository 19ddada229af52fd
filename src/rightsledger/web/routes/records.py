"""Record pages: lists with filters (50 a page) and detail pages of events, acts, persons and
organizations, linked to each other, to their evidence and to the perpetrator pages.

Viewers see published records only: an unpublished record is "not found" for them, never
"forbidden", so that guessing ids tells nothing. Person names go through ``person_label`` (a
pseudonym for roles that may not see identities); contact details, notes and exact birth dates
are shown only to roles that may see identities, and each page showing identities in clear is
an audit entry.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from rightsledger import vocab
from rightsledger.account.parties import find_party
from rightsledger.errors import NotFound, UserError
from rightsledger.model import (
    Act,
    Event,
    Involvement,
    Organization,
    Person,
    ProceedingTarget,
    Record,
    Relationship,
)
from rightsledger.protect.envelope import Protector
from rightsledger.store.io.kinds import KINDS
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.routes import records_perpetrators
from rightsledger.web.routes.records_queries import (
    LINKED_LIMIT,
    Page,
    ShownPerson,
    audit_identities,
    contains,
    count,
    date_bounds,
    derived_status,
    evidence,
    overlapping,
    pager_query,
    paginate,
    persons_named,
    proceedings_naming,
    published,
    today,
    with_names,
)
from rightsledger.web.templating import render

router = APIRouter()
router.include_router(records_perpetrators.router)

PageNumber = Annotated[int, Query(ge=1, le=1_000_000)]
Text = Annotated[str, Query(max_length=200)]
R = TypeVar("R", bound=Record)


# -- shared ---------------------------------------------------------------------------------


@cache  # vocabularies are fixed for the life of the process
def vocabulary_options(name: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(slug, label) of every term, children indented under their parent, for a <select>."""
    terms = vocab.load(name)
    return tuple(
        (term.slug, "\u2003" * len(terms.ancestors(term.slug)) + term.label(lang))
        for term in terms.terms
    )


def find_record(
    session: Session, model: type[R], kind: str, external_id: str, *, published_only: bool
) -> R:
    """The record with this external id; "not found" for an unpublished one when the viewer
    sees published records only."""
    record = session.scalar(select(model).where(model.external_id == external_id))
    if record is None or (published_only and not record.published):
        raise NotFound(f'no {KINDS[kind].singular} has external_id "{external_id}"')
    return record


def list_page(
    request: Request,
    viewer: Viewer,
    template: str,
    page: Page,
    *,
    filters: dict[str, str],
    message: str | None,
    published_only: bool,
    **context: Any,
) -> Response:
    return render(
        request,
        template,
        viewer,
        status_code=400 if message else 200,
        page=page,
        filters=filters,
        message=message,
        published_only=published_only,
        pager=pager_query(request),
        **context,
    )


def shown_victim(person: Person, protector: Protector, published_only: bool) -> ShownPerson | None:
    """The victim as the viewer may see them; None for an unpublished victim of a viewer."""
    if published_only and not person.published:
        return None
    return ShownPerson.of(person, protector)


# -- events ---------------------------------------------------------------------------------


@router.get("/events")
def events(
    request: Request,
    viewer: PageViewer,
    q: Text = "",
    date_from: Text = "",
    date_to: Text = "",
    place: Text = "",
    page: PageNumber = 1,
) -> Response:
    published_only = viewer.published_only("read", kind="events")
    message = None
    conditions = [
        *published(Event, published_only),
        *contains(Event.title, q),
        *contains(Event.place_name, place),
    ]
    try:
        conditions += overlapping(Event, *date_bounds(date_from, date_to))
    except UserError as error:
        message = error.message
    with viewer.reader() as session:
        query = (
            select(Event)
            .where(*conditions)
            .order_by(Event.date_earliest.asc().nulls_last(), Event.external_id)
        )
        result = Page([], 0, page) if message else paginate(session, query, page)
    filters = {"q": q, "date_from": date_from, "date_to": date_to, "place": place}
    return list_page(
        request,
        viewer,
        "records_events.html",
        result,
        filters=filters,
        message=message,
        published_only=published_only,
    )


@router.get("/events/{external_id}")
def event_detail(request: Request, viewer: PageViewer, external_id: str) -> Response:
    published_only = viewer.published_only("read", kind="events")
    with viewer.reader() as session:
        event = find_record(session, Event, "events", external_id, published_only=published_only)
        viewer.require("read", kind="events", published=event.published)
        parent = (
            event.parent
            if event.parent and (event.parent.published or not published_only)
            else None
        )
        episodes = list(
            session.scalars(
                select(Event)
                .where(Event.parent_id == event.id, *published(Event, published_only))
                .order_by(Event.date_earliest.asc().nulls_last(), Event.external_id)
                .limit(LINKED_LIMIT)
            )
        )
        acts_query = (
            select(Act)
            .where(Act.event_id == event.id, *published(Act, published_only))
            .options(selectinload(Act.victim).selectinload(Person.names))
            .order_by(Act.date_earliest.asc().nulls_last(), Act.external_id)
        )
        acts_total = count(session, acts_query)
        protector = viewer.protector(session)
        acts = [
            (act, shown_victim(act.victim, protector, published_only))
            for act in session.scalars(acts_query.limit(LINKED_LIMIT))
        ]
        proceedings = proceedings_naming(
            session, ProceedingTarget.event_id, event.id, published_only=published_only
        )
        cited = evidence(
            session,
            "events",
            [event.id],
            published_only=published_only,
            confidential_ok=viewer.may("read_confidential"),
        )[event.id]
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(1 for _, victim in acts if victim is not None and not victim.hidden),
    )
    return render(
        request,
        "records_event.html",
        viewer,
        event=event,
        parent=parent,
        episodes=episodes,
        acts=acts,
        acts_total=acts_total,
        proceedings=proceedings,
        evidence=cited,
        published_only=published_only,
    )


# -- acts -----------------------------------------------------------------------------------


@router.get("/acts")
def acts(
    request: Request,
    viewer: PageViewer,
    act_type: Text = "",
    date_from: Text = "",
    date_to: Text = "",
    event: Text = "",
    place: Text = "",
    status: Text = "",
    page: PageNumber = 1,
) -> Response:
    published_only = viewer.published_only("read", kind="acts")
    message = None
    conditions = [*published(Act, published_only), *contains(Act.place_name, place)]
    try:
        if act_type:
            types = vocab.load("act_types")
            chosen = types.clean(act_type)
            conditions.append(Act.act_type.in_((chosen, *types.descendants(chosen))))
        if status:
            conditions.append(Act.status == vocab.load("act_status").clean(status))
        conditions += overlapping(Act, *date_bounds(date_from, date_to))
    except UserError as error:
        message = error.message
    if event.strip():
        conditions.append(
            Act.event_id.in_(select(Event.id).where(Event.external_id == event.strip()))
        )
    with viewer.reader() as session:
        query = (
            select(Act)
            .where(*conditions)
            .options(
                selectinload(Act.event),
                selectinload(Act.victim).selectinload(Person.names),
            )
            .order_by(Act.date_earliest.asc().nulls_last(), Act.external_id)
        )
        result = Page([], 0, page) if message else paginate(session, query, page)
        protector = viewer.protector(session)
        protector.preload(f"persons:{act.victim_id}" for act in result.rows)
        rows = [
            (
                act,
                act.event if act.event.published or not published_only else None,
                shown_victim(act.victim, protector, published_only),
            )
            for act in result.rows
        ]
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(1 for _, _, victim in rows if victim is not None and not victim.hidden),
    )
    filters = {
        "act_type": act_type,
        "date_from": date_from,
        "date_to": date_to,
        "event": event,
        "place": place,
        "status": status,
    }
    return list_page(
        request,
        viewer,
        "records_acts.html",
        Page(rows, result.total, result.number),
        filters=filters,
        message=message,
        published_only=published_only,
    )


@router.get("/acts/{external_id}")
def act_detail(request: Request, viewer: PageViewer, external_id: str) -> Response:
    published_only = viewer.published_only("read", kind="acts")
    confidential_ok = viewer.may("read_confidential")
    with viewer.reader() as session:
        act = find_record(session, Act, "acts", external_id, published_only=published_only)
        viewer.require("read", kind="acts", published=act.published)
        protector = viewer.protector(session)
        event = act.event if act.event.published or not published_only else None
        victim = shown_victim(act.victim, protector, published_only)
        involvements = []
        for involvement in session.scalars(
            select(Involvement)
            .where(Involvement.act_id == act.id, *published(Involvement, published_only))
            .options(
                selectinload(Involvement.person).selectinload(Person.names),
                selectinload(Involvement.organization),
            )
            .order_by(Involvement.external_id)
        ):
            involvements.append((involvement, _perpetrator(involvement, protector, published_only)))
        proceedings = proceedings_naming(
            session, ProceedingTarget.act_id, act.id, published_only=published_only
        )
        cited = evidence(
            session,
            "acts",
            [act.id],
            published_only=published_only,
            confidential_ok=confidential_ok,
        )[act.id]
        involvement_evidence = evidence(
            session,
            "involvements",
            [involvement.id for involvement, _ in involvements],
            published_only=published_only,
            confidential_ok=confidential_ok,
        )
    named = [victim] + [party for _, party in involvements if isinstance(party, ShownPerson)]
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(1 for person in named if person is not None and not person.hidden),
    )
    return render(
        request,
        "records_act.html",
        viewer,
        act=act,
        event=event,
        victim=victim,
        involvements=involvements,
        involvement_evidence=involvement_evidence,
        proceedings=proceedings,
        evidence=cited,
        published_only=published_only,
    )


def _perpetrator(involvement: Involvement, protector: Protector, published_only: bool) -> Any:
    """The person (shown) or organization an involvement names; None when unpublished."""
    if involvement.person is not None:
        if published_only and not involvement.person.published:
            return None
        return ShownPerson.of(involvement.person, protector)
    organization = involvement.organization
    if organization is None or (published_only and not organization.published):
        return None
    return organization


# -- persons --------------------------------------------------------------------------------


@router.get("/persons")
def persons(
    request: Request,
    viewer: PageViewer,
    kind: Text = "",
    sex: Text = "",
    name: Text = "",
    page: PageNumber = 1,
) -> Response:
    published_only = viewer.published_only("read", kind="persons")
    if name.strip():
        # Looking a name up confirms who is in the casebook: only for roles that see identities.
        viewer.require("read_identities")
    message = None
    conditions = [*published(Person, published_only)]
    if kind in ("group", "individual"):
        conditions.append(Person.is_group.is_(kind == "group"))
    try:
        if sex:
            conditions.append(Person.sex == vocab.load("sex").clean(sex))
    except UserError as error:
        message = error.message
    with viewer.reader() as session:
        protector = viewer.protector(session)
        if name.strip():
            conditions.append(persons_named(session, protector, name))
        query = with_names(select(Person).where(*conditions).order_by(Person.id))
        result = Page([], 0, page) if message else paginate(session, query, page)
        protector.preload(f"persons:{person.id}" for person in result.rows)
        rows = [(person, ShownPerson.of(person, protector)) for person in result.rows]
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(1 for _, shown in rows if not shown.hidden),
    )
    return list_page(
        request,
        viewer,
        "records_persons.html",
        Page(rows, result.total, result.number),
        filters={"kind": kind, "sex": sex, "name": name},
        message=message,
        published_only=published_only,
    )


@router.get("/persons/{external_id}")
def person_detail(request: Request, viewer: PageViewer, external_id: str) -> Response:
    published_only = viewer.published_only("read", kind="persons")
    confidential_ok = viewer.may("read_confidential")
    with viewer.reader() as session:
        found = find_party(session, "persons", external_id, published_only=published_only)
        assert isinstance(found, Person)
        person = found
        viewer.require("read", kind="persons", published=person.published)
        protector = viewer.protector(session)
        shown = ShownPerson.of(person, protector)
        owner = f"persons:{person.id}"
        names = (
            [
                (
                    name.part,
                    protector.reveal(owner, f"person_names.{name.part}", name.value),
                    name.script,
                )
                for name in person.names
            ]
            if viewer.sees_identities
            else []
        )
        identity = (
            {
                "birth_exact": protector.reveal(owner, "persons.birth_exact", person.birth_exact),
                "contact": protector.reveal(owner, "persons.contact", person.contact),
                "sensitive_notes": protector.reveal(
                    owner, "persons.sensitive_notes", person.sensitive_notes
                ),
            }
            if viewer.sees_identities
            else None
        )
        same_as = None
        if person.same_as_id is not None:
            canonical = session.scalar(
                with_names(select(Person).where(Person.id == person.same_as_id))
            )
            if canonical is not None and (canonical.published or not published_only):
                same_as = ShownPerson.of(canonical, protector)
        acts_query = (
            select(Act)
            .where(Act.victim_id == person.id, *published(Act, published_only))
            .options(selectinload(Act.event))
            .order_by(Act.date_earliest.asc().nulls_last(), Act.external_id)
        )
        acts_total = count(session, acts_query)
        acts = list(session.scalars(acts_query.limit(LINKED_LIMIT)))
        status = derived_status(
            session, "persons", person.id, published_only=published_only, as_of=today()
        )
        relationships = _relationships(session, "persons", person.id, protector, published_only)
        proceedings = proceedings_naming(
            session, ProceedingTarget.person_id, person.id, published_only=published_only
        )
        cited = evidence(
            session,
            "persons",
            [person.id],
            published_only=published_only,
            confidential_ok=confidential_ok,
        )[person.id]
    others = [other for _, other, _ in relationships if isinstance(other, ShownPerson)]
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(
            1 for each in [shown, same_as, *others] if each is not None and not each.hidden
        ),
    )
    return render(
        request,
        "records_person.html",
        viewer,
        person=person,
        shown=shown,
        names=names,
        identity=identity,
        same_as=same_as,
        acts=acts,
        acts_total=acts_total,
        status=status,
        relationships=relationships,
        proceedings=proceedings,
        evidence=cited,
        published_only=published_only,
    )


def _relationships(
    session: Session, kind: str, record_id: int, protector: Protector, published_only: bool
) -> list[tuple[Relationship, Any, bool]]:
    """Each tie of the record: (relationship, the other side as shown, whether the record is
    the tie's subject). The other side is None when a viewer may not see it."""
    column = "person_id" if kind == "persons" else "organization_id"
    subject = getattr(Relationship, f"subject_{column}")
    obj = getattr(Relationship, f"object_{column}")
    out = []
    for tie in session.scalars(
        select(Relationship)
        .where(
            or_(subject == record_id, obj == record_id), *published(Relationship, published_only)
        )
        .order_by(Relationship.date_earliest.asc().nulls_last(), Relationship.external_id)
        .limit(LINKED_LIMIT)
    ):
        is_subject = getattr(tie, f"subject_{column}") == record_id
        side = "object" if is_subject else "subject"
        person_id = getattr(tie, f"{side}_person_id")
        other: Any = None
        if person_id is not None:
            person = session.scalar(with_names(select(Person).where(Person.id == person_id)))
            if person is not None and (person.published or not published_only):
                other = ShownPerson.of(person, protector)
        else:
            unit = session.get(Organization, getattr(tie, f"{side}_organization_id"))
            if unit is not None and (unit.published or not published_only):
                other = unit
        out.append((tie, other, is_subject))
    return out


# -- organizations --------------------------------------------------------------------------


@router.get("/organizations")
def organizations(
    request: Request,
    viewer: PageViewer,
    org_type: Text = "",
    name: Text = "",
    page: PageNumber = 1,
) -> Response:
    published_only = viewer.published_only("read", kind="organizations")
    message = None
    conditions = [*published(Organization, published_only), *contains(Organization.name, name)]
    try:
        if org_type:
            conditions.append(
                Organization.org_type == vocab.load("perpetrator_types").clean(org_type)
            )
    except UserError as error:
        message = error.message
    with viewer.reader() as session:
        query = (
            select(Organization)
            .where(*conditions)
            .options(selectinload(Organization.parent))
            .order_by(Organization.name, Organization.external_id)
        )
        result = Page([], 0, page) if message else paginate(session, query, page)
    return list_page(
        request,
        viewer,
        "records_organizations.html",
        result,
        filters={"org_type": org_type, "name": name},
        message=message,
        published_only=published_only,
    )


@router.get("/organizations/{external_id}")
def organization_detail(request: Request, viewer: PageViewer, external_id: str) -> Response:
    published_only = viewer.published_only("read", kind="organizations")
    with viewer.reader() as session:
        organization = find_record(
            session, Organization, "organizations", external_id, published_only=published_only
        )
        viewer.require("read", kind="organizations", published=organization.published)
        protector = viewer.protector(session)
        parent = organization.parent
        if parent is not None and published_only and not parent.published:
            parent = None
        units = list(
            session.scalars(
                select(Organization)
                .where(
                    Organization.parent_id == organization.id,
                    *published(Organization, published_only),
                )
                .order_by(Organization.name)
                .limit(LINKED_LIMIT)
            )
        )
        involvements = count(
            session,
            select(Involvement.id).where(
                Involvement.organization_id == organization.id,
                *published(Involvement, published_only),
            ),
        )
        status = derived_status(
            session,
            "organizations",
            organization.id,
            published_only=published_only,
            as_of=today(),
        )
        relationships = _relationships(
            session, "organizations", organization.id, protector, published_only
        )
        proceedings = proceedings_naming(
            session,
            ProceedingTarget.organization_id,
            organization.id,
            published_only=published_only,
        )
        cited = evidence(
            session,
            "organizations",
            [organization.id],
            published_only=published_only,
            confidential_ok=viewer.may("read_confidential"),
        )[organization.id]
    others = [other for _, other, _ in relationships if isinstance(other, ShownPerson)]
    audit_identities(
        viewer, where=request.url.path, records=sum(1 for each in others if not each.hidden)
    )
    return render(
        request,
        "records_organization.html",
        viewer,
        organization=organization,
        parent=parent,
        units=units,
        involvements=involvements,
        status=status,
        relationships=relationships,
        proceedings=proceedings,
        evidence=cited,
        published_only=published_only,
    )
