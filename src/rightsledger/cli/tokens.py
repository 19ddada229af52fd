"""`token add`, `token list` and `token revoke`: API tokens for scripts that call the web API."""

from __future__ import annotations

from typing import Annotated

import typer

from rightsledger.cli.access import UserOption
from rightsledger.cli.common import (
    CasebookOption,
    OutputFormat,
    console,
    emit_records,
    open_casebook,
)
from rightsledger.protect import tokens
from rightsledger.protect.session import identity_for_cli

token_app = typer.Typer(
    help="API tokens: scripts send one as `Authorization: Bearer TOKEN` to /api.",
    no_args_is_help=True,
)

ForOption = Annotated[
    str | None,
    typer.Option(
        "--for",
        help="Whose token (default: the acting user's own; others' need the admin role).",
        show_default=False,
    ),
]


def add_token(
    name: Annotated[str, typer.Argument(help="What uses the token, e.g. nightly-export.")],
    for_user: ForOption = None,
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Make an API token. It acts with its user's role and is shown only this once."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.session() as session:
            made = tokens.create_token(session, name=name, actor=actor, for_user=for_user)
    console.print(
        f"Made API token {made.id} ({made.name}) for {made.username}. Copy it now; it is not "
        "stored and cannot be shown again:",
        markup=False,
    )
    # On a line of its own so that `| tail -1` gives a script exactly the token.
    console.print(made.secret, markup=False, highlight=False, soft_wrap=True)


def list_tokens(
    for_user: Annotated[
        str | None,
        typer.Option(
            "--for",
            help="Whose tokens; * for everyone's (admins). Default: your own.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """List API tokens: id, name, owner, when made and last used, whether revoked."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.reader() as session:
            found = tokens.list_tokens(session, actor=actor, for_user=for_user)
    rows = [
        {
            "id": info.id,
            "name": info.name,
            "user": info.username,
            "created_at": info.created_at.isoformat(),
            "last_used_at": info.last_used_at.isoformat() if info.last_used_at else None,
            "revoked": info.revoked,
        }
        for info in found
    ]
    columns = ("id", "name", "user", "created_at", "last_used_at", "revoked")
    emit_records(rows, columns, output, title=f"{len(rows)} API tokens")


def revoke_token(
    token_id: Annotated[int, typer.Argument(help="The token's id (see `token list`).")],
    user: UserOption = None,
    casebook: CasebookOption = None,
) -> None:
    """Revoke an API token: requests with it are refused from now on."""
    with open_casebook(casebook) as book:
        actor = identity_for_cli(book, username=user)
        with book.session() as session:
            info = tokens.revoke_token(session, token_id=token_id, actor=actor)
    console.print(f"Revoked API token {info.id} ({info.name}) of {info.username}.", markup=False)


def register(app: typer.Typer) -> None:
    token_app.command("add")(add_token)
    token_app.command("list")(list_tokens)
    token_app.command("revoke")(revoke_token)
    app.add_typer(token_app, name="token")
