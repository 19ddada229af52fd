"""`serve`: run the web application over the casebook."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import console
from rightsledger.errors import UserError
from rightsledger.store.casebook import Casebook, locate


def serve(
    casebook: Annotated[
        Path | None,
        typer.Option("--casebook", "-C", help="The casebook directory (default: search upward)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
) -> None:
    """Serve the casebook's web application (sign in with password and one-time code)."""
    path = locate(casebook)
    Casebook.open(path).close()  # a missing or outdated casebook stops here, with its message
    run_server(path, host=host, port=port, workers=workers)


def run_server(path: Path, *, host: str, port: int, workers: int) -> None:
    import uvicorn

    from rightsledger.web.app import ENV_CASEBOOK

    if host not in {"127.0.0.1", "localhost", "::1"}:
        console.print(
            f"Listening on {host}: put a TLS-terminating proxy in front of it; cookies are "
            "marked Secure and browsers send them only over HTTPS away from this machine.",
            markup=False,
        )
    os.environ[ENV_CASEBOOK] = str(path)
    console.print(f"Serving {path} at http://{host}:{port}/ (Ctrl-C stops).", markup=False)
    try:
        uvicorn.run(
            "rightsledger.web.app:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            server_header=False,
        )
    except OSError as problem:
        raise UserError(f"cannot listen on {host}:{port}: {problem.strerror}") from None


def register(app: typer.Typer) -> None:
    app.command()(serve)
