"""`extract`: claims from plain text files, no casebook needed."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from rightsledger.cli.common import CasebookOption, console, errors
from rightsledger.errors import InvalidValue, UserError
from rightsledger.extract import Extraction, extract_file, extract_text
from rightsledger.extract.decode import decode


class ExtractFormat(StrEnum):
    JSONL = "jsonl"
    JSON = "json"
    TABLE = "table"


class Language(StrEnum):
    EN = "en"
    RU = "ru"


def _extract(path: str, language: str | None) -> Extraction:
    if path == "-":
        decoded = decode(sys.stdin.buffer.read(), source="<stdin>")
        return extract_text(decoded.text, language=language)
    return extract_file(Path(path), language=language)


def _document(path: str, extraction: Extraction) -> dict[str, Any]:
    return {
        "path": path,
        "language": extraction.language,
        "claims": [claim.to_json() for claim in extraction.claims],
    }


_SUMMARY = {
    "count": "{low}/{best}/{high} {qualifier} ({unit})",
    "date": "{earliest} … {latest} {modifier}",
    "place": "{name} · {name_original} ({country_code}, {gazetteer_id})",
    "act": "{category} ({huridocs_code})",
    "actor": "{name} ({actor_type}, {role_hint})",
    "quote": "speaker: {speaker}",
    "call": "{demand}: {by} → {addressee}",
}


def _value(row: dict[str, Any]) -> str:
    shown = {key: "–" if value is None else value for key, value in row.items()}
    return _SUMMARY.get(row["kind"], "").format(**shown).replace(" –", "")


def _table(document: dict[str, Any]) -> Table:
    table = Table(title=f"{document['path']} ({document['language']})")
    for column in ("kind", "span", "text", "value", "rule", "conf."):
        table.add_column(column, overflow="fold")
    for row in document["claims"]:
        table.add_row(
            row["kind"],
            f"{row['start']}–{row['end']}",
            row["text"],
            _value(row),
            row["rule"],
            f"{row['confidence']:.2f}",
        )
    return table


def extract(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Text files to read (- for standard input).")
    ] = None,
    output: Annotated[
        ExtractFormat,
        typer.Option("--format", help="jsonl: one object per file; json: one array; table."),
    ] = ExtractFormat.JSONL,
    language: Annotated[
        Language | None,
        typer.Option("--language", help="Skip detection and read every file as this language."),
    ] = None,
    document: Annotated[
        int | None,
        typer.Option(
            "--document",
            help="Instead of files: a document in the casebook's vault; its claims are stored "
            "as proposals for `rightsledger review`.",
        ),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    """Propose claims (counts, dates, places, acts, actors, quotes, calls) from text files.

    A file that cannot be used (missing, empty, binary, not decodable) is reported on stderr
    and skipped; the other files are still read, and the exit code is then 2.
    """
    if document is not None:
        from rightsledger.cli.review import review_extract

        review_extract(document, casebook)
        return
    if not paths:
        raise UserError("give text files to read, or --document ID for a document in the vault")
    failed = 0
    collected: list[dict[str, Any]] = []
    for path in paths:
        try:
            extraction = _extract(path, language.value if language else None)
        except InvalidValue:
            raise
        except UserError as problem:
            failed += 1
            errors.print(f"error: {problem.message}", markup=False, soft_wrap=True)
            continue
        for warning in extraction.warnings:
            errors.print(f"warning: {path}: {warning}", markup=False, soft_wrap=True)
        result = _document(path, extraction)
        if output is ExtractFormat.JSONL:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        elif output is ExtractFormat.TABLE:
            console.print(_table(result))
        else:
            collected.append(result)
    if output is ExtractFormat.JSON:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise UserError(f"{failed} of {len(paths)} files could not be read (see above)")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
