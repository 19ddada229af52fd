"""`init` and `upgrade`: create a casebook and keep its schema current."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import CasebookOption, console
from rightsledger.store import migrate
from rightsledger.store.casebook import Casebook, locate


def init(
    path: Annotated[Path, typer.Argument(help="Directory to create (must be new or empty).")],
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Keep the records in PostgreSQL instead of SQLite, e.g. "
            "postgresql+psycopg://USER@HOST:5432/NAME (the database is created if missing).",
        ),
    ] = None,
) -> None:
    """Create a casebook: one dataset, with its database, blob directory and config."""
    with Casebook.create(path, database=db) as casebook:
        where = "SQLite (casebook.db)" if casebook.backend == "sqlite" else "PostgreSQL"
        console.print(f"Created casebook {casebook.path} on {where}.")


def upgrade(casebook: CasebookOption = None) -> None:
    """Migrate a casebook made by an older rightsledger to the current schema."""
    with Casebook.open(locate(casebook), check_revision=False) as book:
        before, after = book.upgrade()
        if before == after:
            console.print(f"Casebook {book.path} is already at the current schema ({after}).")
        else:
            console.print(f"Upgraded casebook {book.path} from {before or 'empty'} to {after}.")


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(upgrade)


__all__ = ["init", "migrate", "register", "upgrade"]
