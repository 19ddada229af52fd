"""The evidence vault in the browser: list, upload with provenance, read, review claims.

Handlers call what `rightsledger ingest`, `documents show` and `review` call (vault.intake,
vault.reading, extract.review), so the same custody entries, checks and errors apply.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from sqlalchemy import func, select
from starlette.background import BackgroundTask

from rightsledger.errors import AccessDenied, NotFound, UserError
from rightsledger.extract import review
from rightsledger.model import SENSITIVITIES, Claim, Document
from rightsledger.protect import audit
from rightsledger.vault import custody, reading
from rightsledger.vault.blobs import CHUNK, BlobStore
from rightsledger.vault.intake import IntakeResult, Provenance, ingest
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.templating import render

router = APIRouter(prefix="/documents")

PAGE_SIZE = 50
# Video and audio evidence is large; the upload is spooled to disk, never held in memory.
MAX_UPLOAD = 4 * 1024**3
# Accepting an act, a date, a place or a call needs to know which record it belongs to.
ACCEPT_FIELDS = {
    "act": ("event", "victim"),
    "date": ("record",),
    "place": ("record",),
    "call": ("record",),
}
CLAIM_STATUSES = ("proposed", "accepted", "rejected")


class UploadTooLarge(UserError):
    status = 413
    code = "too_large"


# -- the list and the upload ----------------------------------------------------------------------


@router.get("")
def documents(
    request: Request, viewer: PageViewer, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> Response:
    return _list_page(request, viewer, page=page)


def _list_page(
    request: Request,
    viewer: Viewer,
    *,
    page: int = 1,
    message: str | None = None,
    status_code: int = 200,
    form: dict[str, str] | None = None,
) -> Response:
    public_only = viewer.published_only("read", kind="documents")
    shown = [Document.sensitivity == "public"] if public_only else []
    with viewer.reader() as session:
        total = session.scalar(select(func.count(Document.id)).where(*shown)) or 0
        found = session.scalars(
            select(Document)
            .where(*shown)
            .order_by(Document.id.desc())
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        ids = [document.id for document in found]
        pending = dict(
            session.execute(
                select(Claim.document_id, func.count(Claim.id))
                .where(Claim.document_id.in_(ids), Claim.status == "proposed")
                .group_by(Claim.document_id)
            ).all()
        )
        protector = viewer.protector(session)
        rows = [
            {
                "document": document,
                "name": reading.reveal(document, "original_name", document.original_name, protector)
                or f"document {document.id}",
                "title": reading.reveal(document, "title", document.title, protector),
                "pending": pending.get(document.id, 0),
            }
            for document in found
        ]
    return render(
        request,
        "documents.html",
        viewer,
        status_code=status_code,
        rows=rows,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        total=total,
        public_only=public_only,
        may_ingest=viewer.may("ingest", kind="documents"),
        sensitivities=SENSITIVITIES,
        message=message,
        form=form or {},
    )


@router.post("")
def upload(
    request: Request,
    viewer: PageViewer,
    file: Annotated[UploadFile, File()],
    source_url: Annotated[str, Form(max_length=2000)] = "",
    collected_by: Annotated[str, Form(max_length=200)] = "",
    collected_at: Annotated[str, Form(max_length=64)] = "",
    method: Annotated[str, Form(max_length=2000)] = "",
    sensitivity: Annotated[str, Form(max_length=16)] = "restricted",
) -> Response:
    viewer.require("ingest", kind="documents")
    form = {
        "source_url": source_url,
        "collected_by": collected_by,
        "collected_at": collected_at,
        "method": method,
        "sensitivity": sensitivity,
    }
    try:
        provenance = Provenance(
            source_url=source_url.strip() or None,
            collected_by=collected_by.strip() or None,
            collected_at=collected_at.strip() or None,
            method=method.strip() or None,
            sensitivity=sensitivity,
        )
        result = _ingest_upload(viewer, file, provenance)
    except UserError as error:
        return _list_page(request, viewer, message=str(error), status_code=error.status, form=form)
    if result.error or result.document_id is None:
        message = f"{result.path}: {result.error or 'not stored'}"
        return _list_page(request, viewer, message=message, status_code=400, form=form)
    outcome = "new" if result.new else "again"
    return RedirectResponse(f"/documents/{result.document_id}?intake={outcome}", status_code=303)


def _ingest_upload(viewer: Viewer, upload: UploadFile, provenance: Provenance) -> IntakeResult:
    """Copy the upload to a file named as the user's file (intake records the name), ingest it."""
    with tempfile.TemporaryDirectory(prefix="rightsledger-upload-") as scratch:
        target = Path(scratch) / _safe_name(upload.filename)
        size = 0
        with target.open("wb") as out:
            while chunk := upload.file.read(CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise UploadTooLarge(
                        f"the file is larger than {MAX_UPLOAD // 1024**3} GiB; "
                        "ingest it with `rightsledger ingest` on the server"
                    )
                out.write(chunk)
        results = ingest(viewer.book, [target], provenance=provenance, actor=viewer.username)
    return results[0]


def _safe_name(name: str | None) -> str:
    # Browsers send a bare name, but a crafted request could send a path or control characters.
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip().lstrip(".")
    return base[:200] or "upload"


# -- one document ---------------------------------------------------------------------------------


def _open(viewer: Viewer, document_id: int) -> Document:
    """The document, if this viewer may open it: 404 when unknown or hidden, 403 when refused."""
    with viewer.reader() as session:
        document = session.get(Document, document_id)
        if document is None or (
            viewer.published_only("read", kind="documents") and document.sensitivity != "public"
        ):
            raise NotFound(f"no document has id {document_id}")
        viewer.require("read", kind="documents", published=document.sensitivity == "public")
        if document.sensitivity == "confidential":
            viewer.require("read_confidential", kind="documents")
            with viewer.book.engine.begin() as connection:
                audit.record(
                    connection,
                    actor=viewer.identity,
                    action=audit.CONFIDENTIAL_READ,
                    subject=document.item,
                )
        return document


@router.get("/{document_id}")
def document_page(
    request: Request,
    viewer: PageViewer,
    document_id: int,
    intake: Annotated[str | None, Query(max_length=8)] = None,
) -> Response:
    _ = viewer.translations().gettext
    notes = {
        "new": _("The file is in the vault."),
        "again": _("This file was already in the vault; a custody entry was added."),
    }
    return _document_page(request, viewer, document_id, notice=notes.get(intake or ""))


def _document_page(
    request: Request,
    viewer: Viewer,
    document_id: int,
    *,
    notice: str | None = None,
    message: str | None = None,
    status_code: int = 200,
) -> Response:
    found = _open(viewer, document_id)
    with viewer.reader() as session:
        document = session.get_one(Document, found.id)
        protector = viewer.protector(session)
        fields = reading.fields(document, protector)
        body = reading.text_of(document, protector)
    with viewer.book.engine.begin() as connection:
        custody.record(
            connection,
            action="viewed",
            item=found.item,
            actor=viewer.username,
            details={"what": "record and text", "via": "web"},
        )
        entries = list(custody.CUSTODY.entries(connection, subject=found.item))
    claims = review.list_claims(viewer.book, document_id=document_id, status=None)
    marked, highlighted = highlight(body or "", claims)
    return render(
        request,
        "documents_detail.html",
        viewer,
        status_code=status_code,
        document=found,
        fields=fields,
        has_text=body is not None,
        marked=marked,
        highlighted=highlighted,
        claims=claims,
        entries=entries,
        may_review=viewer.may("review", kind="claims"),
        editable=review.EDITABLE,
        accept_fields=ACCEPT_FIELDS,
        counts={s: sum(1 for c in claims if c.status == s) for s in CLAIM_STATUSES},
        notice=notice,
        message=message,
    )


def highlight(text: str, claims: list[review.ClaimView]) -> tuple[Markup, set[int]]:
    """The text with each claim's span in a <mark>; nested spans nest, crossing ones are left out.

    Returns the markup and the ids of the claims marked in it (the others are only listed).
    """
    ordered = sorted(
        (c for c in claims if 0 <= c.start < c.end <= len(text)),
        key=lambda c: (c.start, -c.end, c.id),
    )
    parts: list[str] = []
    open_ends: list[int] = []
    position = 0
    marked: set[int] = set()

    def close_until(limit: int) -> None:
        nonlocal position
        while open_ends and open_ends[-1] <= limit:
            end = open_ends.pop()
            parts.append(str(escape(text[position:end])) + "</mark>")
            position = end

    for claim in ordered:
        close_until(claim.start)
        if open_ends and claim.end > open_ends[-1]:
            continue  # it crosses an open mark: HTML cannot show both; the table lists it
        parts.append(str(escape(text[position : claim.start])))
        parts.append(
            f'<mark class="claim {escape(claim.status)}" id="claim-{claim.id}" '
            f'title="{escape(claim.kind)} · {escape(claim.status)}">'
        )
        position = claim.start
        open_ends.append(claim.end)
        marked.add(claim.id)
    close_until(len(text))
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts)), marked  # noqa: S704 - every piece of text was escaped above


@router.get("/{document_id}/original")
def download_original(viewer: PageViewer, document_id: int) -> Response:
    """The original bytes as an attachment; the download is a custody entry."""
    found = _open(viewer, document_id)
    store = BlobStore(viewer.book.blobs)
    with viewer.reader() as session:
        document = session.get_one(Document, found.id)
        protector = viewer.protector(session)
        name = reading.reveal(document, "original_name", document.original_name, protector)
        if document.encrypted and not protector.available:
            raise AccessDenied("opening this sealed original needs the casebook's key")
        scratch: Path | None = None
        if document.encrypted:
            scratch = Path(tempfile.mkdtemp(prefix="rightsledger-original-"))
            source = scratch / "original"
            reading.copy_original(document, store, protector, source)
        else:
            source = store.path_for(document.sha256)
        with viewer.book.engine.begin() as connection:
            custody.record(
                connection,
                action="exported",
                item=document.item,
                actor=viewer.username,
                details={"what": "original", "to": "web download"},
            )
    filename = name if name and not name.startswith("[protected") else f"document-{found.id}"
    return FileResponse(
        source,
        media_type=found.media_type or "application/octet-stream",
        filename=_safe_name(filename),
        content_disposition_type="attachment",
        background=BackgroundTask(shutil.rmtree, scratch, True) if scratch else None,
    )


# -- review of claims -----------------------------------------------------------------------------


def _claim_of(viewer: Viewer, document_id: int, claim_id: int) -> review.ClaimView:
    viewer.require("review", kind="claims")
    _open(viewer, document_id)
    for claim in review.list_claims(viewer.book, document_id=document_id, status=None):
        if claim.id == claim_id:
            return claim
    raise NotFound(f"document {document_id} has no claim {claim_id}")


def _back(document_id: int, claim_id: int | None = None) -> Response:
    anchor = f"#claim-row-{claim_id}" if claim_id is not None else "#claims"
    return RedirectResponse(f"/documents/{document_id}{anchor}", status_code=303)


@router.post("/{document_id}/extract")
def extract_claims(request: Request, viewer: PageViewer, document_id: int) -> Response:
    viewer.require("review", kind="claims")
    _open(viewer, document_id)
    try:
        review.extract_document(viewer.book, document_id, actor=viewer.username)
    except NotFound:
        raise
    except UserError as error:
        return _document_page(request, viewer, document_id, message=str(error), status_code=400)
    return _back(document_id)


@router.post("/{document_id}/claims/{claim_id}/accept")
def accept_claim(
    request: Request,
    viewer: PageViewer,
    document_id: int,
    claim_id: int,
    event: Annotated[str, Form(max_length=200)] = "",
    victim: Annotated[str, Form(max_length=200)] = "",
    record: Annotated[str, Form(max_length=250)] = "",
) -> Response:
    _claim_of(viewer, document_id, claim_id)
    try:
        review.accept(
            viewer.book,
            claim_id,
            actor=viewer.username,
            event=event.strip() or None,
            victim=victim.strip() or None,
            record=record.strip() or None,
        )
    except NotFound:
        raise
    except UserError as error:
        message = f"claim {claim_id}: {error}"
        return _document_page(request, viewer, document_id, message=message, status_code=400)
    return _back(document_id, claim_id)


@router.post("/{document_id}/claims/{claim_id}/edit")
async def edit_claim(
    request: Request, viewer: PageViewer, document_id: int, claim_id: int
) -> Response:
    claim = await run_in_threadpool(_claim_of, viewer, document_id, claim_id)
    form = await request.form()
    changes = {}
    # Only the fields the reviewer changed: an untouched empty field must not erase a value.
    for key in review.EDITABLE.get(claim.kind, ()):
        submitted = form.get(key)
        if not isinstance(submitted, str):
            continue
        current = claim.payload.get(key)
        if submitted.strip() != ("" if current is None else str(current)):
            changes[key] = submitted
    try:
        if changes:
            await run_in_threadpool(
                lambda: review.edit(viewer.book, claim_id, changes, actor=viewer.username)
            )
    except NotFound:
        raise
    except UserError as error:
        message = f"claim {claim_id}: {error}"
        return await run_in_threadpool(
            lambda: _document_page(request, viewer, document_id, message=message, status_code=400)
        )
    return _back(document_id, claim_id)


@router.post("/{document_id}/claims/{claim_id}/reject")
def reject_claim(request: Request, viewer: PageViewer, document_id: int, claim_id: int) -> Response:
    _claim_of(viewer, document_id, claim_id)
    try:
        review.reject(viewer.book, claim_id, actor=viewer.username)
    except NotFound:
        raise
    except UserError as error:
        message = f"claim {claim_id}: {error}"
        return _document_page(request, viewer, document_id, message=message, status_code=400)
    return _back(document_id, claim_id)
