"""Encrypted backups of a casebook to several custodians, and the custodians' keys.

A backup is one age-encrypted archive (see ``archive``) holding a consistent snapshot: the tables
as typed JSON lines, the blobs byte for byte, the log-signing key and the config without its
database line. The casebook's key-encryption key is kept outside the casebook and is NOT in the
archive: encrypted fields stay ciphertext in the backup, and reading them after a restore needs
that key file (or passphrase).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyrage
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from rightsledger.errors import UserError
from rightsledger.model import Backup
from rightsledger.protect import archive, snapshot
from rightsledger.store.casebook import CONFIG_NAME, Casebook
from rightsledger.vault import custody


def generate_identity(out: Path) -> str:
    """Write a new age identity to ``out`` (mode 0600, never overwritten); return its public key."""
    identity = pyrage.x25519.Identity.generate()
    public = str(identity.to_public())
    created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    content = f"# created: {created}\n# public key: {public}\n{identity}\n"
    try:
        descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UserError(f"{out} already exists; a key file is never overwritten") from None
    except OSError as error:
        raise UserError(f"cannot create {out} ({error.strerror})") from None
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(content)
    return public


def parse_recipients(values: Sequence[str]) -> list[pyrage.x25519.Recipient]:
    if not values:
        raise UserError("give at least one --recipient (an age public key, age1…)")
    recipients = []
    for value in values:
        try:
            recipients.append(pyrage.x25519.Recipient.from_str(value.strip()))
        except pyrage.RecipientError:
            raise UserError(f'"{value}" is not an age public key (age1…)') from None
    return recipients


def read_identities(path: Path) -> list[pyrage.x25519.Identity]:
    try:
        lines = path.read_text(encoding="ascii").splitlines()
    except FileNotFoundError:
        raise UserError(f"{path}: no such identity file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: not a readable age identity file ({error})") from None
    identities = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            identities.append(pyrage.x25519.Identity.from_str(line))
        except pyrage.IdentityError:
            raise UserError(f"{path}: holds a line that is not an age identity") from None
    if not identities:
        raise UserError(f"{path}: holds no age identity (AGE-SECRET-KEY-1…)")
    return identities


@dataclass(frozen=True)
class BackupResult:
    path: Path
    sha256: str
    size: int
    recipients: list[str]
    tables: dict[str, int]
    blobs: int
    blob_bytes: int


@dataclass
class _Written:
    members: dict[str, str] = field(default_factory=dict)
    tables: dict[str, int] = field(default_factory=dict)
    blobs: int = 0
    blob_bytes: int = 0


def backup(
    casebook: Casebook,
    destination: Path,
    recipients: Sequence[str],
    *,
    actor: str | None = None,
) -> BackupResult:
    """Write an encrypted snapshot of ``casebook`` to ``destination`` (which must not exist).

    The backup is then recorded in the ``backups`` table and the audit log; those writes come
    after the snapshot, so the archive holds the casebook as it was just before them.
    """
    parsed = parse_recipients(recipients)
    destination = destination.expanduser().absolute()
    if destination.exists():
        raise UserError(f"{destination} already exists; choose a new file for the backup")
    if not destination.parent.is_dir():
        raise UserError(f"{destination.parent} is not a directory")
    descriptor, partial = tempfile.mkstemp(
        dir=destination.parent, prefix=f".{destination.name}.", suffix=".partial"
    )
    try:
        with os.fdopen(descriptor, "wb") as out:
            sink = archive.HashingWriter(out)
            written = _encrypt_snapshot(casebook, sink, parsed)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(partial, destination)  # fails rather than replace a file made meanwhile
        except FileExistsError:
            raise UserError(f"{destination} appeared while the backup was written") from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(partial)
    result = BackupResult(
        path=destination,
        sha256=sink.digest.hexdigest(),
        size=sink.size,
        recipients=[str(recipient) for recipient in parsed],
        tables=written.tables,
        blobs=written.blobs,
        blob_bytes=written.blob_bytes,
    )
    _record_backup(casebook, result, actor)
    return result


def _encrypt_snapshot(
    casebook: Casebook, sink: archive.HashingWriter, recipients: list[pyrage.x25519.Recipient]
) -> _Written:
    read_end, write_end = archive.pipe()
    encryptor = archive.Worker(
        lambda plain_in: pyrage.encrypt_io(plain_in, sink, recipients), os.fdopen(read_end, "rb")
    )
    encryptor.start()
    try:
        with os.fdopen(write_end, "wb") as plain_out:
            written = _write_archive(casebook, plain_out)
    except BrokenPipeError:  # age stopped reading: its own error says why, below
        pass
    finally:
        # Closing our end (above) lets age finish; never leave it writing to a file we delete.
        encryptor.join()
    if encryptor.error is not None:
        raise UserError(f"encryption failed: {encryptor.error}") from None
    return written


@contextmanager
def _snapshot_connection(casebook: Casebook) -> Iterator[Connection]:
    """One read transaction over every table: WAL gives SQLite readers a fixed snapshot."""
    options: dict[str, Any] = {}
    if casebook.backend == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with (
        casebook.engine.connect().execution_options(**options) as connection,
        connection.begin(),
    ):
        yield connection


def _write_archive(casebook: Casebook, plain: IO[bytes]) -> _Written:
    written = _Written()
    with tarfile.open(fileobj=plain, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        # Blobs go through in large reads, not 16 KiB ones (typeshed lacks the attribute).
        tar.copybufsize = archive.CHUNK  # type: ignore[attr-defined]

        def add(name: str, data: bytes) -> None:
            tar.addfile(archive.member(name, len(data)), io.BytesIO(data))
            written.members[name] = hashlib.sha256(data).hexdigest()

        with _snapshot_connection(casebook) as connection:
            snapshot.check_known_tables(connection)
            header = {
                "format": archive.FORMAT,
                "revision": snapshot.revision(connection),
                "backend": casebook.backend,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
            }
            add(archive.HEADER_MEMBER, archive.json_bytes(header))
            add(archive.CONFIG_MEMBER, _config_without_database(casebook).encode())
            add(archive.KEY_MEMBER, casebook.signing_key_path.read_bytes())
            for table in archive.all_tables():
                written.tables[table.name] = 0
                for part in snapshot.dump_table(connection, table):
                    add(f"{archive.TABLES_DIR}/{table.name}/{part.number:06d}.jsonl", part.body)
                    written.tables[table.name] += part.rows
            # Blobs are write-once and stored before their row commits, so every blob the
            # snapshot's rows name is already on disk; a newer one is harmless extra.
            for blob in _blob_files(casebook.blobs):
                name = f"{archive.BLOBS_DIR}/{blob.relative_to(casebook.blobs).as_posix()}"
                with blob.open("rb") as source:
                    size = os.fstat(source.fileno()).st_size
                    reader = archive.HashingReader(source)
                    tar.addfile(archive.member(name, size), reader)
                written.members[name] = reader.digest.hexdigest()
                written.blobs += 1
                written.blob_bytes += size
        manifest = {"format": archive.FORMAT, "members": written.members, "tables": written.tables}
        data = archive.json_bytes(manifest)
        tar.addfile(archive.member(archive.MANIFEST_MEMBER, len(data)), io.BytesIO(data))
    return written


def _blob_files(root: Path) -> Iterator[Path]:
    """Every stored blob; hidden names are an intake's half-written files, never blobs."""
    if not root.is_dir():
        return
    for folder, directories, files in os.walk(root):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if not name.startswith(".") and path.is_file() and not path.is_symlink():
                yield path


def _config_without_database(casebook: Casebook) -> str:
    # The database line may carry a password and names a server the restore will not use.
    config = (casebook.path / CONFIG_NAME).read_text(encoding="utf-8")
    return "".join(
        line for line in config.splitlines(keepends=True) if not archive.DATABASE_LINE.match(line)
    )


def _record_backup(casebook: Casebook, result: BackupResult, actor: str | None) -> None:
    try:
        _write_backup_record(casebook, result, actor)
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise UserError(
            f"the backup {result.path} is complete (sha256:{result.sha256}) but could not be "
            f"recorded in the casebook: {reason}"
        ) from None


def _write_backup_record(casebook: Casebook, result: BackupResult, actor: str | None) -> None:
    with casebook.session() as session:
        session.add(
            Backup(
                file_name=str(result.path),
                sha256=result.sha256,
                size=result.size,
                recipients="\n".join(result.recipients),
            )
        )
        connection = session.connection()
        custody.AUDIT.append(
            connection,
            actor=actor or custody.current_actor(),
            action="backup",
            subject="casebook",
            details={
                "file": result.path.name,
                "sha256": result.sha256,
                "size": result.size,
                "recipients": result.recipients,
                "rows": sum(result.tables.values()),
                "blobs": result.blobs,
            },
        )
        custody.sign_heads(casebook, connection)
