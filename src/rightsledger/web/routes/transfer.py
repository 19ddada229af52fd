"""Import and export through the browser: the same importer and exporter as the command line.

An import goes through store.io.importer.import_table, as `rightsledger import` does: a bad row
rejects the whole file with its line (and column) and nothing is written. An export writes the
columns the importer reads, with the identity rules of `rightsledger export`.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from typing import Annotated, BinaryIO

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response, StreamingResponse

from rightsledger.errors import InputError, UserError
from rightsledger.protect.disclosure import export_options, record_identity_read
from rightsledger.store.io import exporter
from rightsledger.store.io.importer import ImportReport, import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, detect_format, read_table
from rightsledger.vault.blobs import CHUNK
from rightsledger.web.context import PageViewer, Viewer
from rightsledger.web.templating import render

router = APIRouter(prefix="/transfer")

# The importer checks a whole file before writing any of it, so the file is read whole: a limit
# keeps one upload from taking the server's memory.
MAX_IMPORT = 256 * 1024**2
MEDIA_TYPES = {
    FileFormat.CSV: "text/csv; charset=utf-8",
    FileFormat.JSONL: "application/x-ndjson",
    FileFormat.JSON: "application/json",
}


class ImportTooLarge(UserError):
    status = 413
    code = "too_large"


def _kind(name: str) -> str:
    if name not in KINDS:
        raise UserError(f'"{name}" is not a kind of record (one of {", ".join(KINDS)})')
    return name


def _page(
    request: Request,
    viewer: Viewer,
    *,
    report: ImportReport | None = None,
    error: UserError | None = None,
    chosen: str = "",
) -> Response:
    return render(
        request,
        "transfer.html",
        viewer,
        status_code=error.status if error is not None else 200,
        kinds=[(name, kind.summary) for name, kind in KINDS.items()],
        formats=[str(value) for value in FileFormat],
        may_import=viewer.may("import"),
        sees_identities=viewer.sees_identities,
        report=report,
        error=error,
        where=error if isinstance(error, InputError) else None,
        chosen=chosen,
    )


@router.get("")
def transfer(request: Request, viewer: PageViewer) -> Response:
    viewer.published_only("export")
    return _page(request, viewer)


@router.post("/import")
def import_file(
    request: Request,
    viewer: PageViewer,
    kind: Annotated[str, Form(max_length=32)],
    file: Annotated[UploadFile, File()],
    file_format: Annotated[str, Form(alias="format", max_length=8)] = "",
) -> Response:
    name = _kind(kind)
    viewer.published_only("import", kind=name)
    source = os.path.basename(file.filename or "") or "upload"
    try:
        explicit = _format(file_format)
        data = _read_limited(file.file)
        table = read_table(data, source=source, file_format=detect_format(source, explicit))
        report = import_table(viewer.book, KINDS[name], table)
    except UserError as error:
        return _page(request, viewer, error=error, chosen=name)
    return _page(request, viewer, report=report, chosen=name)


def _format(text: str) -> FileFormat | None:
    if not text:
        return None  # from the file's extension, as the CLI does
    try:
        return FileFormat(text)
    except ValueError:
        raise UserError(f'"{text}" is not a file format (csv, json, jsonl)') from None


def _read_limited(stream: BinaryIO) -> bytes:
    chunks, size = [], 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > MAX_IMPORT:
            raise ImportTooLarge(
                f"the file is larger than {MAX_IMPORT // 1024**2} MiB; split it, or use "
                "`rightsledger import` on the server"
            )
        chunks.append(chunk)
    return b"".join(chunks)


@router.get("/export")
def export_file(
    viewer: PageViewer,
    kind: Annotated[str, Query(max_length=32)],
    file_format: Annotated[FileFormat, Query(alias="format")] = FileFormat.CSV,
    pseudonymise: bool = False,
    public: bool = False,
) -> Response:
    name = _kind(kind)
    viewer.published_only("export", kind=name)
    # Spooled to a file first: a failure mid-way gives an error page, never half a download.
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response's iterator
    try:
        with viewer.reader() as session:
            options = export_options(viewer.book, session, pseudonymise=pseudonymise, public=public)
            out = io.TextIOWrapper(spool, encoding="utf-8", newline="")
            count = exporter.write(session, KINDS[name], out, file_format, options)
            out.flush()
            out.detach()  # the spool stays open for the response
        if options.pseudonym_key is None:
            record_identity_read(viewer.book, name, command="web export", records=count)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    headers = {"content-disposition": f'attachment; filename="{name}.{file_format}"'}
    if options.suppressed:
        headers["x-suppressed-group-sizes"] = str(options.suppressed)
    return StreamingResponse(_chunks(spool), media_type=MEDIA_TYPES[file_format], headers=headers)


def _chunks(spool: BinaryIO) -> Iterator[bytes]:
    try:
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()
