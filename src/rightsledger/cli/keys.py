"""`key status|rotate` and `lock`: the casebook's key-encryption key."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import CasebookOption, console, open_casebook
from rightsledger.errors import UserError
from rightsledger.protect.keyops import lock, rotate
from rightsledger.vault.custody import current_actor

key_app = typer.Typer(help="The casebook's key-encryption key.", no_args_is_help=True)


@key_app.command("status")
def key_status(casebook: CasebookOption = None) -> None:
    """Say how the casebook is protected and whether its key is available here."""
    with open_casebook(casebook, action="read") as book:
        settings = book.config.key
        if settings is None:
            console.print("This casebook was made before encryption: identities are plaintext.")
            return
        keyring = book.keyring
        where = (
            f"key file {keyring.source}"
            if keyring and keyring.source
            else "passphrase"
            if keyring
            else "not available here"
        )
        console.print(f"key id {settings.key_id} ({settings.source}); {where}.", markup=False)


@key_app.command("rotate")
def key_rotate(
    key_file: Annotated[
        Path | None,
        typer.Option("--key-file", help="Write the new key here (default: replace the old)."),
    ] = None,
    casebook: CasebookOption = None,
) -> None:
    """Re-wrap every data key under a new key; afterwards the old key opens nothing here."""
    with open_casebook(casebook, action="manage_keys", kind="keys") as book:
        passphrase = None
        if book.config.key is not None and book.config.key.source == "passphrase":
            from rightsledger.cli.casebook import _new_passphrase

            passphrase = _new_passphrase()
        result = rotate(book, new_key_file=key_file, passphrase=passphrase, actor=current_actor())
    where = f" in {result.key_file}" if result.key_file else ""
    console.print(
        f"Rotated key {result.old_key_id} → {result.new_key_id}{where}; "
        f"{result.rewrapped} data keys re-wrapped.",
        markup=False,
    )


def lock_casebook(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    casebook: CasebookOption = None,
) -> None:
    """Destroy the local key material, leaving only ciphertext (needs a recent backup)."""
    if not yes and not typer.confirm(
        "Destroy this casebook's key here? Identities will be unreadable until restored "
        "from a backup with the custodians' keys.",
        default=False,
    ):
        raise UserError("not locked")
    with open_casebook(casebook, action="manage_keys", kind="keys") as book:
        destroyed = lock(book, actor=current_actor())
    console.print("Locked. Destroyed: " + ", ".join(destroyed), markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(key_app, name="key")
    app.command("lock")(lock_casebook)
