"""What every command shares: finding the casebook, printing data, reporting errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from rightsledger.protect import policy
from rightsledger.protect.session import identity_for_cli
from rightsledger.store.casebook import Casebook, locate

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

CasebookOption = Annotated[
    Path | None,
    typer.Option(
        "--casebook",
        "-C",
        help="Casebook directory (default: $RIGHTSLEDGER_CASEBOOK, then the current directory).",
        show_default=False,
    ),
]


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


ACTING_USER: list[str | None] = [None]  # set by the root --user option


def open_casebook(
    path: Path | None, *, action: str | None = None, kind: str | None = None
) -> Casebook:
    """Open the casebook, sign in the acting user (if one is named) and check ``action``.

    Every command goes through here, so the one policy module decides every access.
    """
    book = Casebook.open(locate(path))
    try:
        book.identity = identity_for_cli(book, username=ACTING_USER[0])
        if action is not None:
            policy.require_listing(book.identity, action, kind=kind)
    except BaseException:
        book.close()
        raise
    return book


def acting_name(book: Casebook) -> str:
    """Who is acting, for custody and review records: the signed-in user, else the OS account."""
    from rightsledger.vault.custody import current_actor

    return book.identity.username if book.identity is not None else current_actor()


def published_only(book: Casebook, action: str, kind: str) -> bool:
    """Whether the acting role sees only records marked published (viewers)."""
    return policy.require_listing(book.identity, action, kind=kind)


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def emit_records(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    output: OutputFormat,
    title: str,
    *,
    shorten: bool = True,
) -> None:
    from rightsledger.store.io.exporter import csv_cell

    if output is OutputFormat.JSON:
        emit_json([dict(row) for row in rows])
    elif output is OutputFormat.JSONL:
        for row in rows:
            sys.stdout.write(json.dumps(dict(row), ensure_ascii=False, default=str) + "\n")
    elif output is OutputFormat.CSV:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([csv_cell(row.get(column)) for column in columns])
    else:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            cells = (csv_cell(row.get(column)) for column in columns)
            table.add_row(*(_short(cell) if shorten else cell for cell in cells))
        console.print(table)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def key_value_table(pairs: Iterable[tuple[str, Any]], title: str) -> Table:
    table = Table(title=title, show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for key, value in pairs:
        table.add_row(key, "" if value is None else str(value))
    return table
