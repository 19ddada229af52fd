"""`backup-key generate`, `backup` and `restore`: encrypted backups for several custodians."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from rightsledger.cli.common import CasebookOption, OutputFormat, console, emit_json, open_casebook
from rightsledger.protect.backup import backup, generate_identity
from rightsledger.protect.restore import restore

key_app = typer.Typer(help="Age key pairs for backup custodians.", no_args_is_help=True)


@key_app.command("generate")
def generate_key(
    out: Annotated[
        Path, typer.Option("--out", help="Where to write the identity (secret); never overwritten.")
    ],
) -> None:
    """Make an age key pair: the identity goes to --out (owner-only), the public key is printed.

    Give the public key (age1…) to whoever runs backups; keep the identity file offline with the
    custodian. Anyone holding it can read every backup made to its public key.
    """
    public = generate_identity(out)
    console.print(public, markup=False)


def backup_casebook(
    to: Annotated[Path, typer.Option("--to", help="The archive to write (must not exist).")],
    recipient: Annotated[
        list[str],
        typer.Option(
            "--recipient", "-r", help="A custodian's age public key (age1…); repeat for several."
        ),
    ],
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
    casebook: CasebookOption = None,
) -> None:
    """Write one encrypted archive of the casebook: records, vault, logs, signed heads.

    The archive is encrypted to every recipient; any one of their identities opens it. It does
    not hold the key-encryption key that protects identities: keep that key file (or passphrase)
    apart, or encrypted fields cannot be read after a restore.
    """
    with open_casebook(casebook) as book:
        result = backup(book, to, recipient)
    if output is OutputFormat.TABLE:
        rows = sum(result.tables.values())
        console.print(
            f"Backup written: {result.path} ({result.size:,} bytes, sha256:{result.sha256}); "
            f"{rows:,} rows in {len(result.tables)} tables, {result.blobs} originals "
            f"({result.blob_bytes:,} bytes); encrypted to {len(result.recipients)} recipients.",
            markup=False,
        )
    else:
        emit_json(
            {
                "path": str(result.path),
                "sha256": result.sha256,
                "size": result.size,
                "recipients": result.recipients,
                "tables": result.tables,
                "blobs": result.blobs,
                "blob_bytes": result.blob_bytes,
            }
        )


def restore_casebook(
    archive: Annotated[Path, typer.Argument(help="The backup archive.")],
    identity: Annotated[
        Path, typer.Option("--identity", "-i", help="A custodian's age identity file.")
    ],
    into: Annotated[Path, typer.Option("--into", help="A new (missing or empty) directory.")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Restore the records into PostgreSQL (postgresql+psycopg://…)."),
    ] = None,
    head: Annotated[
        Path | None,
        typer.Option(
            "--head", help="A head file kept elsewhere: the restored logs must extend it."
        ),
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = (
        OutputFormat.TABLE
    ),
) -> None:
    """Restore a backup into a new casebook, then verify it.

    Every member's hash and every table's row count is checked before anything is committed;
    a wrong identity, a damaged archive or a non-empty target stops it with nothing written.
    Exit code 0 when verification holds, 1 when it finds problems (each is listed).
    """
    result = restore(archive, identity_file=identity, into=into, database=db, head_file=head)
    report = result.report
    if output is OutputFormat.TABLE:
        for problem in report.problems:
            console.print(f"PROBLEM: {problem}", markup=False)
        rows = sum(result.tables.values())
        verdict = "OK" if report.ok else f"FAILED ({len(report.problems)} problems)"
        console.print(
            f"Restored into {result.path} ({result.backend}, from a {result.source_backend} "
            f"snapshot taken {result.snapshot_at}): {rows:,} rows, {result.blobs} blobs.",
            markup=False,
        )
        console.print(
            f"Verify {verdict}: {report.documents} originals re-hashed; "
            + ", ".join(f"{log.log} {log.size} entries" for log in report.logs)
            + f"; {report.heads_checked} signed heads checked.",
            markup=False,
        )
    else:
        emit_json(
            {
                "ok": report.ok,
                "path": str(result.path),
                "backend": result.backend,
                "source_backend": result.source_backend,
                "snapshot_at": result.snapshot_at,
                "archive_sha256": result.archive_sha256,
                "tables": result.tables,
                "blobs": result.blobs,
                "problems": report.problems,
            }
        )
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(key_app, name="backup-key")
    app.command("backup")(backup_casebook)
    app.command("restore")(restore_casebook)
