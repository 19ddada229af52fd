"""One search box over records and documents.

Records: words in event titles and descriptions, act descriptions and organization names, and
persons whose name is exactly the text typed (matched on the keyed blind index; only for roles
that may see identities, since a match confirms who is in the casebook). Documents: the vault's
stemmed full-text index (English and Russian), as ``rightsledger search`` uses it, for roles that
may search every document; confidential documents only for roles that may open them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from rightsledger.model import Act, Document, Event, Organization, Person
from rightsledger.vault import reading
from rightsledger.vault.search import search as search_documents
from rightsledger.web.context import PageViewer
from rightsledger.web.routes.records_queries import (
    ShownPerson,
    audit_identities,
    persons_named,
    published,
    with_names,
)
from rightsledger.web.templating import render

router = APIRouter()

RESULTS = 20  # per kind of record; the lists behind "more" hold the rest


@router.get("/search")
def search(
    request: Request, viewer: PageViewer, q: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    published_only = viewer.published_only("read", kind="events")
    text = q.strip()
    events: list[Event] = []
    acts: list[Act] = []
    organizations: list[Organization] = []
    persons: list[ShownPerson] = []
    documents: list[tuple[int, str, str | None, str]] = []
    documents_searched = viewer.may("search", kind="documents") and not viewer.published_only(
        "search", kind="documents"
    )
    if text:
        with viewer.reader() as session:
            events = list(
                session.scalars(
                    select(Event)
                    .where(
                        or_(
                            Event.title.icontains(text, autoescape=True),
                            Event.description.icontains(text, autoescape=True),
                        ),
                        *published(Event, published_only),
                    )
                    .order_by(Event.date_earliest.asc().nulls_last(), Event.external_id)
                    .limit(RESULTS)
                )
            )
            acts = list(
                session.scalars(
                    select(Act)
                    .where(
                        or_(
                            Act.external_id == text,
                            Act.description.icontains(text, autoescape=True),
                        ),
                        *published(Act, published_only),
                    )
                    .options(selectinload(Act.event))
                    .order_by(Act.date_earliest.asc().nulls_last(), Act.external_id)
                    .limit(RESULTS)
                )
            )
            organizations = list(
                session.scalars(
                    select(Organization)
                    .where(
                        Organization.name.icontains(text, autoescape=True),
                        *published(Organization, published_only),
                    )
                    .order_by(Organization.name)
                    .limit(RESULTS)
                )
            )
            protector = viewer.protector(session)
            if viewer.sees_identities:
                persons = [
                    ShownPerson.of(person, protector)
                    for person in session.scalars(
                        with_names(select(Person))
                        .where(
                            persons_named(session, protector, text),
                            *published(Person, published_only),
                        )
                        .order_by(Person.id)
                        .limit(RESULTS)
                    )
                ]
            if documents_searched:
                may_open_confidential = viewer.may("read_confidential")
                for hit in search_documents(session, viewer.book.dialect, text, limit=RESULTS):
                    if hit.sensitivity == "confidential" and not may_open_confidential:
                        continue
                    document = session.get(Document, hit.document_id)
                    assert document is not None  # the hit was just read from it
                    title = reading.reveal(document, "title", hit.title, protector)
                    name = reading.reveal(document, "original_name", hit.original_name, protector)
                    shown = title or name or f"document {hit.document_id}"
                    documents.append((hit.document_id, shown, hit.language, hit.snippet))
    audit_identities(
        viewer,
        where=request.url.path,
        records=sum(1 for person in persons if not person.hidden),
    )
    return render(
        request,
        "search.html",
        viewer,
        q=text,
        events=events,
        acts=acts,
        organizations=organizations,
        persons=persons,
        persons_searched=viewer.sees_identities,
        documents=documents,
        documents_searched=documents_searched,
        published_only=published_only,
    )
