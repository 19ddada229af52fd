"""Documents of the evidence vault: metadata and provenance only, never the bytes or the text.

Public documents count as published (viewers see only those); a confidential document's details
need ``read_confidential`` and opening them is an audit entry, as on the command line.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from sqlalchemy import func, select

from rightsledger.errors import NotFound
from rightsledger.model import Document
from rightsledger.protect import audit
from rightsledger.vault import custody, reading
from rightsledger.web.api.rendering import LARGEST_WHOLE
from rightsledger.web.api.schemas import DocumentBody, DocumentPage, DocumentSummary, api_router
from rightsledger.web.context import ApiViewer

router = api_router(404, tag="documents")
PUBLIC = "public"
CONFIDENTIAL = "confidential"


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    viewer: ApiViewer,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=LARGEST_WHOLE)] = 0,
) -> DocumentPage:
    """Documents, newest first; names and titles of sealed documents only for roles with the
    key."""
    public_only = viewer.published_only("read", kind="documents")
    scope = [Document.sensitivity == PUBLIC] if public_only else []
    with viewer.reader() as session:
        protector = viewer.protector(session)
        total = session.scalar(select(func.count(Document.id)).where(*scope)) or 0
        found = session.scalars(
            select(Document)
            .where(*scope)
            .order_by(Document.received_at.desc(), Document.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        documents = [
            DocumentSummary(
                id=d.id,
                sha256=d.sha256,
                name=reading.reveal(d, "original_name", d.original_name, protector),
                title=reading.reveal(d, "title", d.title, protector),
                media_type=d.media_type,
                size=d.size,
                sensitivity=d.sensitivity,
                language=d.language,
                text_status=d.text_status,
                received_at=d.received_at,
            )
            for d in found
        ]
    return DocumentPage(documents=documents, total=total, limit=limit, offset=offset)


@router.get("/documents/{document_id}", response_model=DocumentBody)
def show_document(
    viewer: ApiViewer, document_id: Annotated[int, Path(ge=1, le=LARGEST_WHOLE)]
) -> DocumentBody:
    """A document's provenance and metadata (the custody log records that it was viewed)."""
    public_only = viewer.published_only("read", kind="documents")
    with viewer.reader() as session:
        document = session.get(Document, document_id)
        if document is None or (public_only and document.sensitivity != PUBLIC):
            # Not public is "not found" for a viewer: the answer must not confirm it exists.
            raise NotFound(f"no document has id {document_id}")
        viewer.require("read", kind="documents", published=document.sensitivity == PUBLIC)
        if document.sensitivity == CONFIDENTIAL:
            viewer.require("read_confidential", kind="documents")
        fields = reading.fields(document, viewer.protector(session))
        item = document.item
        confidential = document.sensitivity == CONFIDENTIAL
    with viewer.book.engine.begin() as connection:
        if confidential:
            audit.record(
                connection, actor=viewer.identity, action=audit.CONFIDENTIAL_READ, subject=item
            )
        custody.record(
            connection,
            action="viewed",
            item=item,
            actor=viewer.username,
            details={"what": "record", "via": "api"},
        )
    return DocumentBody(document=fields)
