"""`import`, `export`, `list`, `show` and `vocab`: records in and out of a casebook."""

from __future__ import annotations

import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rightsledger import vocab
from rightsledger.cli.common import (
    CasebookOption,
    OutputFormat,
    console,
    emit_json,
    emit_records,
    errors,
    key_value_table,
    open_casebook,
)
from rightsledger.errors import InputError, UserError
from rightsledger.protect import policy
from rightsledger.protect.disclosure import export_options, record_identity_read
from rightsledger.store.io import exporter
from rightsledger.store.io.exporter import ExportOptions, csv_cell
from rightsledger.store.io.importer import import_table
from rightsledger.store.io.kinds import KINDS
from rightsledger.store.io.reading import FileFormat, detect_format, read_table
from rightsledger.store.related import find, related

RecordKind = StrEnum("RecordKind", {name: name for name in KINDS})  # type: ignore[misc]

LIST_COLUMNS = 7


def _columns_help() -> str:
    lines = [
        "Creates and updates records by external_id; a bad row rejects the whole file "
        "(exit code 2) and nothing is written. Formats: .csv (UTF-8, header row), .json (an array "
        "of objects) or .jsonl (one object per line); FILE may be - for standard input.",
        "",
        "Columns of each kind (references between kinds go by external_id):",
    ]
    for kind in KINDS.values():
        lines.append("")
        lines.append(f"{kind.name}: {kind.summary}")
        for column in kind.columns:
            lines.append(f"  {column.name}: {column.help}")
    return "\n\n".join(lines)


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if file.is_dir():
        raise InputError("is a directory, not a file", source=path)
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", source=path) from None


def import_records(
    kind: Annotated[RecordKind, typer.Argument(help="What the file holds.")],
    file: Annotated[str, typer.Argument(help="CSV, JSON or JSON-lines file, or - for stdin.")],
    file_format: Annotated[
        FileFormat | None,
        typer.Option("--format", help="Override the format the extension implies."),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    fmt = detect_format(file, file_format if file != "-" else file_format or FileFormat.CSV)
    source = "stdin" if file == "-" else file
    table = read_table(_read_input(file), source=source, file_format=fmt)
    with open_casebook(casebook, action="import", kind=str(kind)) as book:
        report = import_table(book, KINDS[str(kind)], table)
    console.print(
        f"Imported {report.total} {kind} from {source}: "
        f"{report.created} created, {report.updated} updated."
    )


import_records.__doc__ = _columns_help()


def export_records(
    kind: Annotated[RecordKind, typer.Argument(help="Which records to write.")],
    file_format: Annotated[FileFormat, typer.Option("--format", help="File format.")] = (
        FileFormat.CSV
    ),
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write, or - for standard output.")
    ] = "-",
    pseudonymise: Annotated[
        bool,
        typer.Option(
            "--pseudonymise",
            help="Replace persons' names and ids with pseudonyms keyed for this export only "
            "(stable inside it, unlinkable to any other export); leave out contact details, "
            "notes and exact birth dates.",
        ),
    ] = False,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Pseudonymise, keep only records marked published, and suppress group sizes "
            "below 5.",
        ),
    ] = False,
    casebook: CasebookOption = None,
) -> None:
    """Write every record of a kind in the columns `import` reads (a lossless round trip)."""
    with open_casebook(casebook, action="export", kind=str(kind)) as book, book.reader() as session:
        options = export_options(book, session, pseudonymise=pseudonymise, public=public)
        if output == "-":
            count = exporter.write(session, KINDS[str(kind)], sys.stdout, file_format, options)
            _note_suppressed(options)
            if options.pseudonym_key is None:
                record_identity_read(book, str(kind), command="export", records=count)
            return
        target = Path(output)
        if target.is_dir():
            raise UserError(f"{output} is a directory; give a file name")
        # Write beside the target and rename, so a failed export never leaves half a file.
        handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=".export-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                count = exporter.write(session, KINDS[str(kind)], out, file_format, options)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        if options.pseudonym_key is None:
            record_identity_read(book, str(kind), command="export", records=count)
    console.print(f"Wrote {count} {kind} to {output}.", highlight=False)
    _note_suppressed(options)


def _note_suppressed(options: ExportOptions) -> None:
    if options.suppressed:
        errors.print(
            f"note: group sizes below {options.threshold} were suppressed in "
            f"{options.suppressed} records (small counts can identify people)",
            markup=False,
        )


def list_records(
    kind: Annotated[RecordKind, typer.Argument(help="Which records to list.")],
    filters: Annotated[
        list[str] | None,
        typer.Option(
            "--filter",
            "-f",
            help="COLUMN=VALUE (exact) or COLUMN~TEXT (contains, any case); repeatable.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most N records.")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """List records of a kind, as a table or as data (json, jsonl, csv)."""
    spec = KINDS[str(kind)]
    tests = [_parse_filter(text, spec.column_names) for text in filters or []]
    with open_casebook(casebook, action="read", kind=str(kind)) as book, book.reader() as session:
        rows = []
        options = export_options(book, session)
        for record in exporter.records(session, spec, options=options):
            if all(test(record) for test in tests):
                rows.append(record)
                if limit is not None and len(rows) >= limit:
                    break
        record_identity_read(book, spec.name, command="list", records=len(rows))
    columns = spec.column_names
    if output is OutputFormat.TABLE:
        columns = tuple(c for c in columns if any(row.get(c) is not None for row in rows))
        columns = columns[:LIST_COLUMNS]
    emit_records(rows, columns, output, title=f"{len(rows)} {kind}")


def _parse_filter(text: str, columns: tuple[str, ...]):  # type: ignore[no-untyped-def]
    for operator in ("=", "~"):
        name, sep, wanted = text.partition(operator)
        if sep and name.strip() in columns:
            break
    else:
        raise UserError(
            f'filter "{text}" must be COLUMN=VALUE or COLUMN~TEXT with a column of this kind '
            f"({', '.join(columns)})"
        )
    name = name.strip()

    def test(record: dict[str, object]) -> bool:
        cell = csv_cell(record.get(name))
        if operator == "=":
            values = record.get(name)
            if isinstance(values, list):
                return wanted in values
            return cell == wanted
        return wanted.casefold() in cell.casefold()

    return test


def show_record(
    kind: Annotated[RecordKind, typer.Argument(help="Kind of the record.")],
    external_id: Annotated[str, typer.Argument(help="Its external_id.")],
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Show one record with everything that links to it (acts, proceedings, derived status)."""
    spec = KINDS[str(kind)]
    with open_casebook(casebook, action="read", kind=str(kind)) as book, book.reader() as session:
        record = find(session, spec.name, external_id)
        policy.require(book.identity, "read", kind=spec.name, published=record.published)
        options = export_options(book, session)
        fields = next(
            row for row in exporter.records(session, spec, where={"id": record.id}, options=options)
        )
        links = related(session, spec.name, record)
        record_identity_read(book, spec.name, command="show", records=1)
    if output in (OutputFormat.JSON, OutputFormat.JSONL):
        emit_json({"kind": spec.name, "record": fields, "related": links})
        return
    console.print(
        key_value_table(
            [(key, csv_cell(value) or None) for key, value in fields.items()],
            title=f"{spec.singular} {external_id}",
        )
    )
    if links:
        console.print(
            key_value_table(
                [
                    (key, ", ".join(map(str, value)) if isinstance(value, list) else value)
                    for key, value in links.items()
                ],
                title="linked",
            )
        )


def show_vocabulary(
    name: Annotated[
        str | None, typer.Argument(help="Vocabulary to print; omit to list them all.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Label language: en or ru.")] = "en",
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
) -> None:
    """Print the controlled vocabularies (HURIDOCS micro-thesauri and the project's own)."""
    if name is None:
        rows = [
            {
                "name": each,
                "terms": len(vocab.load(each).terms),
                "title": vocab.load(each).title.get(lang, vocab.load(each).title["en"]),
            }
            for each in vocab.names()
        ]
        emit_records(rows, ("name", "terms", "title"), output, title="vocabularies")
        return
    vocabulary = vocab.load(name)
    rows = [
        {"slug": term.slug, "code": term.code, "parent": term.parent, "label": term.label(lang)}
        for term in vocabulary.terms
    ]
    emit_records(rows, ("slug", "code", "parent", "label"), output, title=name)


def register(app: typer.Typer) -> None:
    app.command("import", help=_columns_help())(import_records)
    app.command("export")(export_records)
    app.command("list")(list_records)
    app.command("show")(show_record)
    app.command("vocab")(show_vocabulary)
