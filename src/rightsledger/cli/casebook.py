"""`init` and `upgrade`: create a casebook and keep its schema current."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import CasebookOption, console
from rightsledger.errors import UserError
from rightsledger.protect.keys import ENV_PASSPHRASE, default_key_path
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
    key_file: Annotated[
        Path | None,
        typer.Option(
            "--key-file",
            help="Create the casebook's key in this file (keep it apart from the casebook: on a "
            "token, with a custodian). Default: your configuration directory.",
        ),
    ] = None,
    passphrase: Annotated[
        bool,
        typer.Option(
            "--passphrase",
            help="Derive the key from a passphrase (Argon2id) instead of a key file; asked "
            "twice (or read from RIGHTSLEDGER_PASSPHRASE when no terminal is attached).",
        ),
    ] = False,
) -> None:
    """Create a casebook: one dataset, with its database, blob directory, config and key.

    Identities (names, contact details, exact birth dates, sensitive notes) are encrypted with
    per-record keys wrapped by the casebook's key, which is never stored in the casebook.
    """
    secret = _new_passphrase() if passphrase else None
    with Casebook.create(path, database=db, key_file=key_file, passphrase=secret) as casebook:
        where = "SQLite (casebook.db)" if casebook.backend == "sqlite" else "PostgreSQL"
        console.print(f"Created casebook {casebook.path} on {where}.")
        assert casebook.config.key is not None
        if passphrase:
            console.print(
                "Its key is derived from your passphrase; there is no key file. "
                "Without the passphrase, identities cannot be read."
            )
        else:
            location = key_file or default_key_path(casebook.config.casebook_id)
            console.print(
                f"Its key is in {location} — keep it apart from the casebook and back it up with "
                "a custodian; without it, identities cannot be read. Other commands find it "
                "there, or through RIGHTSLEDGER_KEY_FILE."
            )


def _new_passphrase() -> str:
    from_env = os.environ.get(ENV_PASSPHRASE)
    if from_env is not None:
        return from_env
    if not sys.stdin.isatty():
        raise UserError("--passphrase needs a terminal to ask for it (or RIGHTSLEDGER_PASSPHRASE)")
    first = getpass.getpass("New casebook passphrase (12+ characters): ")
    if getpass.getpass("Again: ") != first:
        raise UserError("the two passphrases differ; nothing was created")
    return first


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
