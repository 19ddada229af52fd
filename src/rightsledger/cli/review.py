"""`review`: walk the claims drawn from documents; accept, edit or reject each."""

from __future__ import annotations

from typing import Annotated

import typer

from rightsledger.cli.common import (
    CasebookOption,
    OutputFormat,
    acting_name,
    console,
    emit_json,
    emit_records,
    open_casebook,
)
from rightsledger.errors import UserError
from rightsledger.extract import review

review_app = typer.Typer(
    help="Review claims drawn from documents: extract, list, then accept, edit or reject each.",
    no_args_is_help=True,
)


@review_app.command("list")
def review_list(
    document: Annotated[
        int | None, typer.Argument(help="Only this document's claims (its id).")
    ] = None,
    status: Annotated[str, typer.Option(help="proposed, accepted, rejected or all.")] = "proposed",
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """List claims (by default the proposals still waiting for a person)."""
    if status not in ("proposed", "accepted", "rejected", "all"):
        raise UserError(f'"{status}" is not a claim status (proposed, accepted, rejected, all)')
    with open_casebook(casebook, action="review", kind="claims") as book:
        claims = review.list_claims(
            book, document_id=document, status=None if status == "all" else status
        )
    rows = [
        {
            "id": c.id,
            "document": c.document_id,
            "kind": c.kind,
            "span": f"{c.start}-{c.end}",
            "text": c.text,
            "status": c.status,
            "record": c.record,
            "value": _summary(c.kind, c.payload),
            "claim": c.payload,
        }
        for c in claims
    ]
    if output is OutputFormat.TABLE:
        emit_records(
            rows,
            ("id", "document", "kind", "text", "value", "status", "record"),
            output,
            title=f"{len(rows)} claims",
        )
    else:
        emit_json(rows)


def _summary(kind: str, payload: dict[str, object]) -> str:
    keys = {
        "count": ("low", "best", "high", "qualifier", "subject"),
        "date": ("edtf", "modifier"),
        "place": ("name", "gazetteer_id"),
        "act": ("category",),
        "actor": ("name", "actor_type", "role_hint"),
        "quote": ("speaker",),
        "call": ("demand", "by", "addressee"),
    }.get(kind, ())
    return " ".join(f"{key}={payload.get(key)}" for key in keys if payload.get(key) is not None)


@review_app.command("extract")
def review_extract(
    document: Annotated[int, typer.Argument(help="The document's id.")],
    casebook: CasebookOption = None,
) -> None:
    """Draw claims from a document's text and store them as proposals to review."""
    with open_casebook(casebook, action="review", kind="claims") as book:
        claims = review.extract_document(book, document, actor=acting_name(book))
    console.print(
        f"{len(claims)} claims proposed from document {document}; "
        f"review them with `rightsledger review list {document}`.",
        markup=False,
    )


@review_app.command("accept")
def review_accept(
    claim: Annotated[int, typer.Argument(help="The claim's id.")],
    event: Annotated[str | None, typer.Option(help="For an act: its event's id.")] = None,
    victim: Annotated[
        str | None,
        typer.Option(
            help="For an act: the victim's id (default: the group "
            "accepted last from this document)."
        ),
    ] = None,
    record: Annotated[
        str | None,
        typer.Option(help="For a date, place or call: the record it is about, act:ID or event:ID."),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    """Accept a claim: create or update its record, cited to the document's span."""
    with open_casebook(casebook, action="review", kind="claims") as book:
        target = review.accept(
            book, claim, actor=acting_name(book), event=event, victim=victim, record=record
        )
    console.print(f"Claim {claim} accepted as {target}, cited to its span.", markup=False)


@review_app.command("edit")
def review_edit(
    claim: Annotated[int, typer.Argument(help="The claim's id.")],
    changes: Annotated[
        list[str], typer.Option("--set", help="FIELD=VALUE, repeatable (e.g. best=120).")
    ],
    casebook: CasebookOption = None,
) -> None:
    """Correct a proposed claim before accepting it."""
    parsed = {}
    for change in changes:
        key, sep, value = change.partition("=")
        if not sep:
            raise UserError(f'"{change}" must be FIELD=VALUE')
        parsed[key.strip()] = value
    with open_casebook(casebook, action="review", kind="claims") as book:
        view = review.edit(book, claim, parsed, actor=acting_name(book))
    console.print(f"Claim {claim} now reads: {_summary(view.kind, view.payload)}", markup=False)


@review_app.command("reject")
def review_reject(
    claim: Annotated[int, typer.Argument(help="The claim's id.")],
    casebook: CasebookOption = None,
) -> None:
    """Reject a claim; it will not be proposed again for this span."""
    with open_casebook(casebook, action="review", kind="claims") as book:
        review.reject(book, claim, actor=acting_name(book))
    console.print(f"Claim {claim} rejected.", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
