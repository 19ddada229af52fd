"""Entry point: builds the Typer app and turns library errors into one-line messages."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from rightsledger import __version__
from rightsledger.cli import (
    access,
    accountability,
    backup,
    casebook,
    demo,
    estimate,
    exchange,
    extract,
    keys,
    link,
    records,
    report,
    review,
    serve,
    tokens,
    vault,
)
from rightsledger.cli.common import ACTING_USER, errors
from rightsledger.errors import RightsledgerError, UserError

app = typer.Typer(
    name="rightsledger",
    help="Document human-rights violations, keep the evidence court-credible, count honestly "
    "and hold perpetrators to account. Offline; nothing leaves this machine.",
    no_args_is_help=True,
    # Tracebacks with local variables could print identities; never show them to users.
    pretty_exceptions_enable=False,
    add_completion=False,
)
casebook.register(app)
records.register(app)
demo.register(app)
vault.register(app)
keys.register(app)
estimate.register(app)
link.register(app)
extract.register(app)
backup.register(app)
access.register(app)
review.register(app)
accountability.register(app)
serve.register(app)
exchange.register(app)
report.register(app)
tokens.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rightsledger {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    user: str | None = typer.Option(
        None,
        "--user",
        help="Act as this user (signing in with password and one-time code); default "
        "$RIGHTSLEDGER_USER; with neither, the casebook's owner acts.",
        show_default=False,
    ),
) -> None:
    """rightsledger: evidence, records, linkage, estimates and accountability."""
    ACTING_USER[0] = user


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this; ``main`` exits with it)."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="rightsledger")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except UserError as problem:
        errors.print(f"error: {problem.message}", markup=False, soft_wrap=True)
        return 2
    except RightsledgerError as problem:
        errors.print(f"error: {problem.message}", markup=False, soft_wrap=True)
        return 1
    except KeyboardInterrupt:
        errors.print("interrupted; nothing further was written", markup=False)
        return 130
    return 0


def main() -> None:
    sys.exit(run())
