"""Records: list and read them as `rightsledger export` writes them; import a file of them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import Path, Query, Request
from starlette.concurrency import run_in_threadpool

from rightsledger.errors import InputError, RightsledgerError
from rightsledger.protect.disclosure import record_identity_read
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import EXTENSIONS, FileFormat, read_table
from rightsledger.web.api import rendering
from rightsledger.web.api.schemas import ImportResult, RecordBody, RecordPage, api_router
from rightsledger.web.context import ApiViewer, Viewer

router = api_router(400, 404, 413, tag="records")

RecordKind = StrEnum("RecordKind", {name: name for name in KINDS})  # type: ignore[misc]
MAX_PAGE = 500
MAX_UPLOAD = 64 * 1024 * 1024  # bytes; larger files go through `rightsledger import`

FILTER_HELP = (
    "COLUMN=VALUE, repeatable: records whose column holds exactly VALUE, cleaned as an import "
    "cleans it (a vocabulary code or slug, true/false, a number). Reference columns take an "
    "external id (persons: the pseudonym your role is shown). An empty VALUE finds blanks."
)


def audience(viewer: Viewer, session: Any, kind: str) -> rendering.Audience:
    return rendering.Audience(
        protector=viewer.protector(session),
        hide_identities=not viewer.sees_identities,
        published_only=viewer.published_only("read", kind=kind),
    )


@router.get("/records/{kind}", response_model=RecordPage)
def list_records(
    viewer: ApiViewer,
    kind: RecordKind,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=rendering.LARGEST_WHOLE)] = 0,
    cursor: Annotated[
        str | None, Query(max_length=100, description="From `next_cursor`; replaces offset.")
    ] = None,
    filters: Annotated[
        list[str] | None, Query(alias="filter", max_length=1000, description=FILTER_HELP)
    ] = None,
) -> RecordPage:
    """Records of one kind, oldest first. Viewers get published records only; roles that may
    not see identities get persons as pseudonyms."""
    spec = KINDS[str(kind)]
    after = rendering.decode_cursor(cursor) if cursor is not None else None
    with viewer.reader() as session:
        shown = audience(viewer, session, spec.name)
        where = rendering.conditions(session, spec, filters or [], shown)
        found = rendering.page(
            session, spec, shown, where=where, limit=limit, offset=offset, after_id=after
        )
    record_identity_read(viewer.book, spec.name, command="api list", records=len(found.records))
    return RecordPage(
        kind=spec.name,
        records=found.records,
        total=found.total,
        limit=limit,
        offset=None if after is not None else offset,
        next_cursor=(
            rendering.encode_cursor(found.last_id)
            if found.more and found.last_id is not None
            else None
        ),
    )


@router.get("/records/{kind}/{external_id}", response_model=RecordBody)
def show_record(
    viewer: ApiViewer,
    kind: RecordKind,
    external_id: Annotated[str, Path(min_length=1, max_length=200)],
) -> RecordBody:
    """One record by its external id (a person: the pseudonym, for roles shown pseudonyms)."""
    spec = KINDS[str(kind)]
    with viewer.reader() as session:
        shown = audience(viewer, session, spec.name)
        record = rendering.locate(session, spec, external_id, shown)
        viewer.require("read", kind=spec.name, published=record.published)
        table = spec.model.__table__
        row = session.execute(table.select().where(table.c.id == record.id)).mappings().one()
        rendered = rendering.render(session, spec, [dict(row)], shown)[0]
    record_identity_read(viewer.book, spec.name, command="api show", records=1)
    return RecordBody(kind=spec.name, record=rendered)


# -- import ---------------------------------------------------------------------------------------

CONTENT_TYPES = {
    "text/csv": FileFormat.CSV,
    "application/json": FileFormat.JSON,
    "application/x-ndjson": FileFormat.JSONL,
    "application/jsonl": FileFormat.JSONL,
}
IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The file: its bytes as the body with its content type, or a form "
        "upload in the field `file` (format from the file name's extension, else CSV).",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
            "application/x-ndjson": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


class TooLarge(RightsledgerError):
    status = 413
    code = "too_large"


@router.post(
    "/import/{kind}",
    response_model=ImportResult,
    openapi_extra=IMPORT_BODY,
    status_code=200,
)
async def import_records(
    request: Request,
    viewer: ApiViewer,
    kind: RecordKind,
    file_format: Annotated[
        FileFormat | None,
        Query(alias="format", description="Override the format the content type implies."),
    ] = None,
) -> ImportResult:
    """Create and update records by external_id from a CSV, JSON or JSON-lines file: all rows or
    none. A bad row names its line and column and nothing is written."""
    spec = KINDS[str(kind)]
    viewer.require("import", kind=spec.name)
    data, source, implied = await _upload(request)
    table = read_table(data, source=source, file_format=file_format or implied)
    report = await run_in_threadpool(import_table, viewer.book, spec, table)
    return ImportResult(
        kind=spec.name,
        source=report.source,
        created=report.created,
        updated=report.updated,
        total=report.total,
    )


async def _upload(request: Request) -> tuple[bytes, str, FileFormat]:
    """The uploaded bytes, a name for messages, and the format they declare."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_UPLOAD:
        raise TooLarge(f"the file is larger than {MAX_UPLOAD // 2**20} MiB; use the command line")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        form = await request.form()
        try:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise InputError("the form has no file in its field `file`", source="request")
            name = upload.filename or "upload"
            data = await upload.read()
        finally:
            await form.close()  # its spooled temporary files
        suffix = name[name.rfind(".") :].lower() if "." in name else ""
        return _checked(data), name, EXTENSIONS.get(suffix, FileFormat.CSV)
    if content_type not in CONTENT_TYPES:
        raise InputError(
            f'content type "{content_type or "(none)"}" is not one of '
            f"{', '.join(CONTENT_TYPES)} or multipart/form-data",
            source="request",
        )
    return _checked(await request.body()), "request body", CONTENT_TYPES[content_type]


def _checked(data: bytes) -> bytes:
    if len(data) > MAX_UPLOAD:
        raise TooLarge(f"the file is larger than {MAX_UPLOAD // 2**20} MiB; use the command line")
    return data
