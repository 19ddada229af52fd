"""`report`: situation, perpetrator and event reports in HTML or PDF; `report verify FILE`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import CasebookOption, console, open_casebook
from rightsledger.errors import UserError
from rightsledger.protect import policy
from rightsledger.protect.disclosure import record_identity_read

report_app = typer.Typer(
    help="Reports built from the casebook's data, every figure footnoted and verifiable.",
    invoke_without_command=True,
)


class ReportKind(StrEnum):
    SITUATION = "situation"
    PERPETRATOR = "perpetrator"
    EVENT = "event"


class ReportFormat(StrEnum):
    HTML = "html"
    PDF = "pdf"


def _as_of(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--as-of {text!r}: give a date as YYYY-MM-DD") from None


@report_app.callback()
def report(
    context: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The file to write.", show_default=False)
    ] = None,
    kind: Annotated[ReportKind, typer.Option("--kind", help="What the report is about.")] = (
        ReportKind.SITUATION
    ),
    subject: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="situation/event: an event's external id; perpetrator: persons:ID, "
            "organizations:ID or a bare id.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="en or ru.")] = "en",
    file_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", help="html or pdf (default: from --output's ending, else html)."),
    ] = None,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Published records only, identities pseudonymised, counts below 5 suppressed.",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The date the report speaks of (YYYY-MM-DD; default today)."),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    """Write a report: what happened, how many, who is alleged responsible, what was done.

    Every figure is footnoted to its sources and listed in a manifest embedded in the file;
    `rightsledger report verify FILE` re-derives the figures later.
    """
    if context.invoked_subcommand is not None:
        return
    if output is None:
        raise UserError("give --output FILE (or use `rightsledger report verify FILE`)")
    from rightsledger.report import ReportParameters, write_report
    from rightsledger.report.build import format_of

    chosen = format_of(output, file_format.value if file_format else None)
    with open_casebook(casebook, action="export", kind="events") as book:
        params = ReportParameters(
            kind=kind.value,
            subject=subject,
            lang=lang,
            public=public,
            as_of=_as_of(as_of),
            # A role that may not see identities gets a pseudonymised report, whatever it asked.
            pseudonymised=public or not policy.can_see_identities(book.identity),
        )
        figures = write_report(book, params, output, chosen)
        if not params.pseudonymised:
            record_identity_read(book, "persons", command="report", records=figures)
    console.print(f"Report written: {output} ({chosen}, {figures} figures)", markup=False)


@report_app.command("verify")
def verify(
    file: Annotated[Path, typer.Argument(help="A report written by `rightsledger report`.")],
    casebook: CasebookOption = None,
) -> None:
    """Re-derive every figure of a report from the casebook and say whether it still holds."""
    from rightsledger.report.manifest import read_manifest
    from rightsledger.report.verify import verify_report

    read_manifest(file)  # a file that is not a report fails before the casebook is opened
    with open_casebook(casebook, action="verify") as book:
        verdict = verify_report(
            book, file, may_see_identities=policy.can_see_identities(book.identity)
        )
    for line in verdict.changed:
        console.print(f"changed: {line}", markup=False)
    for line in verdict.logs:
        console.print(f"log: {line}", markup=False)
    if not verdict.holds:
        console.print(
            f"{len(verdict.changed)} of {verdict.figures} figures no longer hold"
            + (f"; {len(verdict.logs)} log problems" if verdict.logs else ""),
            markup=False,
        )
        raise typer.Exit(1)
    console.print(f"all {verdict.figures} figures hold", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(report_app, name="report")
