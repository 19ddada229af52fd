"""`ingest`, `verify`, `head export`, `search`, `documents`, `export-evidence`: the vault."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlalchemy import select

from rightsledger import heads
from rightsledger.cli.common import (
    CasebookOption,
    OutputFormat,
    console,
    emit_json,
    emit_records,
    errors,
    key_value_table,
    open_casebook,
    published_only,
)
from rightsledger.errors import UserError
from rightsledger.model import SENSITIVITIES, Document
from rightsledger.protect import audit, policy
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody, reading
from rightsledger.vault.intake import IntakeResult, Provenance, find_document, ingest
from rightsledger.vault.package import export_package
from rightsledger.vault.search import search
from rightsledger.vault.verify import verify

head_app = typer.Typer(help="Signed heads of the custody and audit logs.", no_args_is_help=True)


def ingest_files(
    paths: Annotated[list[Path], typer.Argument(help="Files (or directories with --recursive).")],
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Walk directories.")] = (
        False
    ),
    source_url: Annotated[str | None, typer.Option(help="Where the material was found.")] = None,
    collected_by: Annotated[
        str | None, typer.Option(help="Who collected it (a pseudonym is enough).")
    ] = None,
    collected_at: Annotated[
        str | None, typer.Option(help="When, as claimed: 2017-04-03 or an ISO date-time.")
    ] = None,
    method: Annotated[str | None, typer.Option(help="How: tool, version, procedure.")] = None,
    sensitivity: Annotated[
        str, typer.Option(help=f"One of {', '.join(SENSITIVITIES)}.")
    ] = "restricted",
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Store originals write-once under their SHA-256, with provenance and custody entries.

    Media types are sniffed from content; text is extracted into a derived item (HTML, PDF,
    plain text in any common encoding, DOCX) and indexed for search unless the document is
    confidential. The same bytes twice make one document and a second custody entry.
    """
    provenance = Provenance(
        source_url=source_url,
        collected_by=collected_by,
        collected_at=collected_at,
        method=method,
        sensitivity=sensitivity,
    )
    with (
        open_casebook(casebook, action="ingest", kind="documents") as book,
        Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            console=errors,
            transient=True,
            disable=output is not OutputFormat.TABLE,
        ) as bar,
    ):
        task = bar.add_task("ingest", total=None)
        results = ingest(
            book,
            paths,
            provenance=provenance,
            recursive=recursive,
            progress=lambda _r: bar.advance(task),
        )
    failed = [r for r in results if r.error]
    if output is OutputFormat.TABLE:
        _print_intake(results)
    else:
        emit_json([r.__dict__ for r in results])
    for result in failed:
        errors.print(f"error: {result.path}: {result.error}", markup=False)
    if failed:
        raise typer.Exit(2)


def _print_intake(results: list[IntakeResult]) -> None:
    rows = [
        {
            "file": r.path,
            "document": r.document_id,
            "sha256": (r.sha256 or "")[:16],
            "type": r.media_type,
            "text": r.text_status,
            "note": r.error or r.note or ("new" if r.new else ""),
        }
        for r in results
    ]
    emit_records(
        rows,
        ("file", "document", "sha256", "type", "text", "note"),
        OutputFormat.TABLE,
        title=f"{sum(r.new for r in results)} new documents",
    )


def verify_casebook(
    head: Annotated[
        Path | None, typer.Option("--head", help="A head file exported earlier (kept elsewhere).")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Re-hash every original, rebuild the custody and audit logs, check signed heads.

    Exit code 0 when everything holds, 1 when any problem is found (each is listed).
    """
    with open_casebook(casebook, action="verify") as book:
        report = verify(book, head_file=head)
    if output is OutputFormat.TABLE:
        for problem in report.problems:
            console.print(f"PROBLEM: {problem}", markup=False)
        logs = ", ".join(f"{log.log} {log.size} entries" for log in report.logs)
        verdict = "OK" if report.ok else f"FAILED ({len(report.problems)} problems)"
        console.print(
            f"{verdict}: {report.documents} originals ({report.bytes:,} bytes) "
            f"re-hashed; {logs}; {report.heads_checked} signed heads checked.",
            markup=False,
        )
    else:
        emit_json(
            {
                "ok": report.ok,
                "documents": report.documents,
                "bytes": report.bytes,
                "heads_checked": report.heads_checked,
                "problems": report.problems,
                "logs": [
                    {"log": log.log, "size": log.size, "root": log.root} for log in report.logs
                ],
            }
        )
    if not report.ok:
        raise typer.Exit(1)


@head_app.command("export")
def export_head(
    file: Annotated[Path, typer.Argument(help="Where to write the signed head (JSON).")],
    casebook: CasebookOption = None,
) -> None:
    """Sign the current heads of the logs and write them to FILE, to keep outside the system."""
    with open_casebook(casebook, action="verify") as book, book.engine.begin() as connection:
        signed = custody.sign_heads(book, connection)
    heads.write_heads(file, signed)
    for head in signed:
        console.print(f"{head.log}: size {head.size}, root {head.root}", markup=False)
    console.print(f"Wrote {file}. Keep it somewhere the casebook's holders cannot change.")


def search_documents(
    query: Annotated[str, typer.Argument(help="Words to find (all must match).")],
    lang: Annotated[
        str | None, typer.Option("--lang", help="Only documents in this language (en, ru).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most N results.")] = 20,
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Full-text search with English and Russian stemming («пытки» finds «пытками»)."""
    with (
        open_casebook(casebook, action="search", kind="documents") as book,
        book.reader() as session,
    ):
        hits = search(session, book.dialect, query, limit=limit * 4 if lang else limit)
        public_only = published_only(book, "search", "documents")
    if lang:
        hits = [hit for hit in hits if hit.language == lang][:limit]
    if public_only:
        hits = [hit for hit in hits if hit.sensitivity == "public"]
    rows = [
        {
            "document": h.document_id,
            "sha256": h.sha256[:16],
            "language": h.language,
            "title": h.title or h.original_name,
            "snippet": h.snippet,
        }
        for h in hits
    ]
    if output is OutputFormat.TABLE:
        emit_records(
            rows,
            ("document", "language", "title", "snippet"),
            output,
            title=f"{len(rows)} documents",
            shorten=False,
        )
    else:
        emit_json(rows)


def list_documents(
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """List the documents in the vault."""
    with open_casebook(casebook, action="read", kind="documents") as book, book.reader() as session:
        protector = book.protector(session.connection())
        public_only = published_only(book, "read", "documents")
        rows = [
            {
                "id": d.id,
                "sha256": d.sha256,
                "name": reading.reveal(d, "original_name", d.original_name, protector),
                "type": d.media_type,
                "size": d.size,
                "sensitivity": d.sensitivity,
                "language": d.language,
                "text": d.text_status,
                "received_at": d.received_at.isoformat(),
            }
            for d in session.scalars(select(Document).order_by(Document.id))
            if not public_only or d.sensitivity == "public"
        ]
    columns = (
        "id",
        "sha256",
        "name",
        "type",
        "size",
        "sensitivity",
        "language",
        "text",
        "received_at",
    )
    if output is OutputFormat.TABLE:
        for row in rows:
            row["sha256"] = str(row["sha256"])[:16]
    emit_records(rows, columns, output, title=f"{len(rows)} documents")


def show_document(
    reference: Annotated[str, typer.Argument(help="Document id or SHA-256 prefix.")],
    text: Annotated[bool, typer.Option("--text", help="Print the extracted text.")] = False,
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Show a document's provenance, metadata and custody (or its extracted text)."""
    with open_casebook(casebook, action="read", kind="documents") as book:
        document = find_document(book, reference)
        with book.reader() as session:
            document = session.get_one(Document, document.id)
            _may_open(book, document)
            protector = book.protector(session.connection())
            body = reading.text_of(document, protector)
            fields = reading.fields(document, protector)
            with book.engine.begin() as connection:
                custody.record(
                    connection,
                    action="viewed",
                    item=document.item,
                    details={"what": "text" if text else "record"},
                )
                entries = [
                    e.as_json() for e in custody.CUSTODY.entries(connection, subject=document.item)
                ]
    if text:
        if body is None:
            raise UserError(
                f"document {document.id} has no extracted text "
                f"({document.text_status}: {document.text_note or 'none'})"
            )
        console.print(body, markup=False, highlight=False)
        return
    if output is not OutputFormat.TABLE:
        emit_json({"document": fields, "custody": entries})
        return
    console.print(key_value_table(fields.items(), title=f"document {document.id}"))
    emit_records(
        [
            {"seq": e["seq"], "at": e["at"], "actor": e["actor"], "action": e["action"]}
            for e in entries
        ],
        ("seq", "at", "actor", "action"),
        OutputFormat.TABLE,
        title="custody",
    )


def _may_open(book: Casebook, document: Document) -> None:
    """Public documents count as published; confidential ones need their own permission."""
    policy.require(
        book.identity, "read", kind="documents", published=document.sensitivity == "public"
    )
    if document.sensitivity == "confidential":
        policy.require(book.identity, "read_confidential", kind="documents")
        with book.engine.begin() as connection:
            audit.record(
                connection,
                actor=book.identity,
                action=audit.CONFIDENTIAL_READ,
                subject=document.item,
            )


def export_evidence(
    references: Annotated[list[str], typer.Argument(help="Document ids or SHA-256 prefixes.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="New directory to write.")],
    casebook: CasebookOption = None,
) -> None:
    """Write an evidence package (BagIt) that a third party can verify without rightsledger."""
    with open_casebook(casebook, action="export", kind="documents") as book:
        documents = [find_document(book, reference) for reference in references]
        for document in documents:
            _may_open(book, document)
        report = export_package(book, documents, output)
    console.print(
        f"Wrote {report.documents} originals and {report.entries} custody entries "
        f"to {report.directory}; see its README.txt to verify.",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_files)
    app.command("verify")(verify_casebook)
    app.add_typer(head_app, name="head")
    app.command("search")(search_documents)
    documents_app = typer.Typer(help="Documents in the evidence vault.", no_args_is_help=True)
    documents_app.command("list")(list_documents)
    documents_app.command("show")(show_document)
    app.add_typer(documents_app, name="documents")
    app.command("export-evidence")(export_evidence)
