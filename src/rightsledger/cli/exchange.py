"""`export-for`: the casebook in the formats of Aleph (FollowTheMoney), OpenEvSys and Uwazi."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import (
    CasebookOption,
    console,
    errors,
    open_casebook,
)
from rightsledger.errors import UserError
from rightsledger.exchange import ftm, openevsys, uwazi
from rightsledger.exchange.common import Snapshot, collect, write_directory, write_file
from rightsledger.protect import policy
from rightsledger.protect.disclosure import export_options, record_identity_read
from rightsledger.store.io.exporter import ExportOptions
from rightsledger.store.io.kinds import KINDS


class Target(StrEnum):
    FTM = "ftm"
    OPENEVSYS = "openevsys"
    UWAZI = "uwazi"


def export_for(
    target: Annotated[
        Target,
        typer.Argument(
            help="ftm: FollowTheMoney JSON lines (a file, or - for standard output); "
            "openevsys: HURIDOCS ESF CSV files (a new directory); "
            "uwazi: Uwazi import CSVs and templates.json (a new directory)."
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="The file (ftm) or new directory to write.")
    ],
    pseudonymise: Annotated[
        bool,
        typer.Option(
            "--pseudonymise",
            help="Replace persons' names and ids with pseudonyms keyed for this export only.",
        ),
    ] = False,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Pseudonymise, keep only records marked published, and suppress group sizes "
            "below 5 (marked <5 in the files).",
        ),
    ] = False,
    published: Annotated[
        bool,
        typer.Option("--published-only", help="Keep only records marked published."),
    ] = False,
    casebook: CasebookOption = None,
) -> None:
    """Write the whole casebook for another system; contact details and sensitive notes never
    leave, and nothing is written when anything fails."""
    with open_casebook(casebook, action="export") as book, book.reader() as session:
        for kind in KINDS:
            policy.require_listing(book.identity, "export", kind=kind)
        options = export_options(book, session, pseudonymise=pseudonymise, public=public)
        options.published_only = options.published_only or published
        _require_key(book.encrypted, options)
        snapshot = collect(session, options, casebook_id=book.config.casebook_id)
        count = _write(target, output, snapshot)
        if options.pseudonym_key is None:
            record_identity_read(
                book, "persons", command="export-for", records=len(snapshot.records["persons"])
            )
    if output == "-":
        errors.print(f"Wrote {count} {_unit(target)} to standard output.", markup=False)
    else:
        console.print(f"Wrote {count} {_unit(target)} to {output}.", markup=False)
    if snapshot.suppressed:
        errors.print(
            f"note: group sizes below {snapshot.threshold} were suppressed in "
            f"{len(snapshot.suppressed)} records and marked {snapshot.suppression_marker} "
            "(small counts can identify people)",
            markup=False,
        )


def _require_key(encrypted: bool, options: ExportOptions) -> None:
    protector = options.protector
    if (
        encrypted
        and options.pseudonym_key is None
        and protector is not None
        and not protector.available
    ):
        raise UserError(
            "exporting identities needs the casebook's key (set RIGHTSLEDGER_KEY_FILE); "
            "or export with --pseudonymise or --public"
        )


def _unit(target: Target) -> str:
    return "entities" if target is Target.FTM else "records"


def _write(target: Target, output: str, snapshot: Snapshot) -> int:
    if target is Target.FTM:
        lines = list(ftm.lines(snapshot))
        if output == "-":
            sys.stdout.writelines(lines)
        else:
            write_file(Path(output), lambda out: out.writelines(lines))
        return len(lines)
    if output == "-":
        raise UserError(f"{target} writes several files: give a new directory with --output")
    if target is Target.OPENEVSYS:
        write_directory(Path(output), openevsys.writers(snapshot))
        return sum(len(snapshot.records[form.kind]) for form in openevsys.FORMATS)
    tables = uwazi.tables(snapshot)
    write_directory(Path(output), uwazi.writers(snapshot))
    return sum(len(rows) for rows in tables.values())


def register(app: typer.Typer) -> None:
    app.command("export-for")(export_for)
