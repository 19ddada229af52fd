"""Restore a backup into a new, empty casebook, then verify it.

The restored casebook is the same casebook, not a new one: it keeps the original's id, key
settings and log-signing key (so its signed heads still verify and its key file still opens it);
only the database line of its config is new. Every member's hash and every table's row count is
checked, and age has authenticated the whole stream, before the database transaction commits; on
any failure the target directory is cleaned and a PostgreSQL database made for it is dropped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

import pyrage
from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session

from rightsledger import heads
from rightsledger.errors import UserError
from rightsledger.model import Document, DocumentText
from rightsledger.protect import archive, snapshot
from rightsledger.protect.backup import read_identities
from rightsledger.store import migrate
from rightsledger.store.casebook import (
    BLOBS_NAME,
    CONFIG_NAME,
    KEYS_NAME,
    SIGNING_KEY_NAME,
    Casebook,
    CasebookConfig,
    parse_database_url,
)
from rightsledger.store.dialects import dialect_for
from rightsledger.vault import custody
from rightsledger.vault.search import index_document
from rightsledger.vault.verify import VerifyReport, verify

# What must open the archive, in this order, before anything is created.
LEADING = (archive.HEADER_MEMBER, archive.CONFIG_MEMBER, archive.KEY_MEMBER)
LEADING_LIMIT = 1024 * 1024  # each is a few hundred bytes; refuse to buffer a forged giant


@dataclass
class RestoreResult:
    path: Path
    archive_sha256: str
    source_backend: str
    backend: str
    snapshot_at: str
    tables: dict[str, int]
    blobs: int
    report: VerifyReport


def restore(
    source: Path,
    *,
    identity_file: Path,
    into: Path,
    database: str | None = None,
    head_file: Path | None = None,
    actor: str | None = None,
) -> RestoreResult:
    """Restore the backup ``source`` into a new casebook at ``into``, then verify it."""
    identities = read_identities(identity_file)
    if not source.is_file():
        raise UserError(f"{source}: no such backup file")
    if head_file is not None:
        heads.read_heads(head_file)  # a bad head file stops us before anything is written
    target = _Target(into.expanduser().absolute(), database)
    read_end, write_end = archive.pipe()
    plain = os.fdopen(read_end, "rb")
    ciphertext = archive.HashingReader(source.open("rb"))

    def decrypt(out: IO[bytes]) -> None:
        with ciphertext.source:
            pyrage.decrypt_io(ciphertext, out, identities)

    decryptor = archive.Worker(decrypt, os.fdopen(write_end, "wb"))
    decryptor.start()
    try:
        loaded = _Restorer(source, target, plain, decryptor, ciphertext, actor).run()
    except BaseException as error:
        # A failed decryption ends the stream, and the tar reader then fails only because of it.
        cause = decryptor.error
        plain.close()  # a reader that stops early must not leave age blocked on the pipe
        decryptor.join()
        target.discard()
        if cause is not None:
            raise _decrypt_problem(source, identity_file, cause) from None
        if isinstance(error, tarfile.TarError):
            raise UserError(f"{source}: not a rightsledger backup ({error})") from None
        raise
    finally:
        plain.close()
    with Casebook.open(target.path) as casebook:
        report = verify(casebook, head_file=head_file)
        backend = casebook.backend
    return RestoreResult(
        path=target.path,
        archive_sha256=ciphertext.digest.hexdigest(),
        source_backend=str(loaded.header["backend"]),
        backend=backend,
        snapshot_at=str(loaded.header["created_at"]),
        tables=loaded.tables,
        blobs=loaded.blobs,
        report=report,
    )


def _decrypt_problem(source: Path, identity_file: Path, error: BaseException) -> UserError:
    reason = str(error)
    if isinstance(error, pyrage.DecryptError) and "no matching keys" in reason.lower():
        return UserError(
            f"{source}: the identity in {identity_file} cannot open this backup "
            "(it was made for other keys, or its header is damaged); nothing was written"
        )
    if isinstance(error, pyrage.DecryptError):
        return UserError(f"{source}: not an age-encrypted backup ({reason}); nothing was written")
    return UserError(
        f"{source}: the backup is damaged or truncated (decryption failed: {reason}); "
        "nothing was written"
    )


class _Target:
    """The casebook being restored, and how to take it away again if the restore fails."""

    def __init__(self, path: Path, database: str | None) -> None:
        self.path = path
        self.url: URL | None = None
        self.directory_existed = path.exists()
        self.created_database = False
        self.migrated = False
        self.casebook: Casebook | None = None
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise UserError(f"{path} is not empty; restore into a new casebook directory")
        if database is not None:
            self.url = parse_database_url(database)
            if self.url.get_backend_name() != "postgresql":
                raise UserError(
                    "--db takes a PostgreSQL URL; without it the casebook is SQLite, in its folder"
                )
            dialect_for(self.url)  # refuses a driver rightsledger does not ship

    def create(self, config_text: str, signing_key: bytes) -> Casebook:
        """The casebook directory with the archived config and key, its schema at head."""
        if self.url is not None:
            self.created_database = not _postgres_database_exists(self.url)
            dialect_for(self.url).ensure_database(self.url)
            stored = self.url.render_as_string(hide_password=False)
        else:
            stored = "sqlite"
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / BLOBS_NAME).mkdir()
        (self.path / KEYS_NAME).mkdir()
        descriptor = os.open(
            self.path / KEYS_NAME / SIGNING_KEY_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
        )
        with os.fdopen(descriptor, "wb") as out:
            out.write(signing_key)
        heads.load_signing_key(self.path / KEYS_NAME / SIGNING_KEY_NAME)
        config_path = self.path / CONFIG_NAME
        config_path.write_text(_with_database(config_text, stored), encoding="utf-8")
        self.casebook = Casebook(self.path, CasebookConfig.read(config_path))
        migrate.ensure_empty(self.casebook.engine)
        self.migrated = True
        migrate.upgrade(self.casebook.engine)
        return self.casebook

    def discard(self) -> None:
        """Undo what ``create`` did, each step on its own so one failure does not stop the rest."""
        if self.casebook is not None:
            if self.migrated and not self.created_database and self.url is not None:
                with suppress(Exception):
                    _empty_database(self.casebook.engine)
            self.casebook.close()
        if self.url is not None and self.created_database:
            with suppress(Exception):
                _drop_postgres_database(self.url)
        if self.directory_existed:
            for child in self.path.iterdir():
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        else:
            shutil.rmtree(self.path, ignore_errors=True)


def _with_database(config_text: str, stored: str) -> str:
    """The archived config with the new casebook's database line (before any [table])."""
    lines = [line for line in config_text.splitlines() if not archive.DATABASE_LINE.match(line)]
    at = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    database_line = f"database = {json.dumps(stored)}"  # a JSON string is a TOML basic string
    return "\n".join([*lines[:at], database_line, *lines[at:]]) + "\n"


@dataclass
class _Loaded:
    header: dict[str, Any]
    tables: dict[str, int]
    blobs: int


class _Restorer:
    """Reads the decrypted tar as it streams, staging everything in one open transaction."""

    def __init__(
        self,
        source: Path,
        target: _Target,
        plain: IO[bytes],
        decryptor: archive.Worker,
        ciphertext: archive.HashingReader,
        actor: str | None,
    ) -> None:
        self.source = source
        self.target = target
        self.plain = plain
        self.decryptor = decryptor
        self.ciphertext = ciphertext
        self.actor = actor
        self.seen: dict[str, str] = {}
        self.tables: dict[str, int] = {}
        self.blobs = 0
        self.manifest: Any = None
        self.revisions: list[str] = []
        self._order = {table.name: rank for rank, table in enumerate(snapshot.tables())}
        self._by_name = {table.name: table for table in snapshot.tables()}
        self._loader: snapshot.TableLoader | None = None

    def fail(self, reason: str) -> UserError:
        return UserError(f"{self.source}: {reason}")

    def run(self) -> _Loaded:
        with tarfile.open(fileobj=self.plain, mode="r|") as tar:
            members = iter(tar)
            leading = {}
            for expected in LEADING:
                member = next(members, None)
                if member is None or member.name != expected or not member.isfile():
                    raise self.fail(f"not a rightsledger backup (no {expected} where expected)")
                if member.size > LEADING_LIMIT:
                    raise self.fail(f"the backup member {expected} is implausibly large")
                leading[expected] = self._read(tar, member)
            header = self._check_header(leading[archive.HEADER_MEMBER])
            casebook = self.target.create(
                leading[archive.CONFIG_MEMBER].decode("utf-8"), leading[archive.KEY_MEMBER]
            )
            with casebook.engine.connect() as connection, connection.begin() as transaction:
                for member in members:
                    self._take(tar, member, connection, casebook)
                self._check_manifest(header)
                _rebuild_search(casebook, connection)
                casebook.dialect.reset_sequences(connection, snapshot.tables())
                # The tar ends before age's stream does (record padding): read to the end so
                # that age authenticates the last chunk, and commit only if all of it held.
                while self.plain.read(archive.CHUNK):
                    pass
                self.decryptor.join()
                if self.decryptor.error is not None:
                    raise self.decryptor.error
                custody.AUDIT.append(
                    connection,
                    actor=self.actor or custody.current_actor(),
                    action="restored",
                    subject="casebook",
                    details={
                        "archive": self.source.name,
                        "archive_sha256": self.ciphertext.digest.hexdigest(),
                        "source_backend": header["backend"],
                        "snapshot_at": header["created_at"],
                    },
                )
                transaction.commit()
            casebook.close()
        return _Loaded(header, self.tables, self.blobs)

    def _read(self, tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
        stream = tar.extractfile(member)
        if stream is None:
            raise self.fail(f"the backup member {member.name} is not a file")
        data = stream.read()
        self.seen[member.name] = hashlib.sha256(data).hexdigest()
        return data

    def _check_header(self, data: bytes) -> dict[str, Any]:
        try:
            header = json.loads(data)
        except ValueError:
            raise self.fail("the backup header is unreadable") from None
        if not isinstance(header, dict) or header.get("format") != archive.FORMAT:
            raise self.fail(f"not a {archive.FORMAT} archive")
        expected = migrate.head_revision()
        if header.get("revision") != expected:
            raise self.fail(
                f"the backup is at schema revision {header.get('revision')}, this rightsledger "
                f"at {expected}; restore it with the matching version, then upgrade"
            )
        return header

    def _take(
        self, tar: tarfile.TarFile, member: tarfile.TarInfo, connection: Connection, book: Casebook
    ) -> None:
        name = member.name
        if self.manifest is not None:
            raise self.fail(f"the backup continues after its manifest ({name})")
        if name in self.seen:
            raise self.fail(f"the backup holds {name} twice")
        stream = tar.extractfile(member) if member.isfile() else None
        if stream is None:
            raise self.fail(f"the backup member {name} is not a regular file")
        if name == archive.MANIFEST_MEMBER:
            try:
                self.manifest = json.loads(stream.read())
            except ValueError:
                raise self.fail("the backup manifest is unreadable") from None
            return
        digest = hashlib.sha256()
        if name.startswith(f"{archive.TABLES_DIR}/"):
            self._take_table_part(name, stream, digest, connection)
        elif name.startswith(f"{archive.BLOBS_DIR}/"):
            self._take_blob(name, stream, digest, book)
        else:
            raise self.fail(f"the backup holds an unexpected member {name}")
        self.seen[name] = digest.hexdigest()

    def _take_table_part(
        self, name: str, stream: IO[bytes], digest: Any, connection: Connection
    ) -> None:
        parts = name.split("/")
        if len(parts) != 3 or not parts[2].endswith(".jsonl"):
            raise self.fail(f"the backup holds an unexpected member {name}")
        table_name = parts[1]

        def lines() -> Iterator[bytes]:
            for line in stream:
                digest.update(line)
                yield line

        if table_name == snapshot.ALEMBIC_TABLE:
            for row in snapshot.parse_part(archive.ALEMBIC_VERSION, lines(), source=name):
                self.revisions.append(str(row["version_num"]))
            self.tables[table_name] = len(self.revisions)
            return
        table = self._by_name.get(table_name)
        if table is None:
            raise self.fail(f"the backup holds a table this rightsledger does not know: {name}")
        if self._loader is None or self._loader.table is not table:
            previous = self._loader.table.name if self._loader else None
            if previous is not None and self._order[table_name] <= self._order[previous]:
                raise self.fail(f"table {table_name} is out of foreign-key order")
            self._finish_table()
            self._loader = snapshot.TableLoader(connection, table)
        for row in snapshot.parse_part(table, lines(), source=name):
            self._loader.add(row)
        self.tables[table_name] = self._loader.rows

    def _finish_table(self) -> None:
        if self._loader is not None:
            self._loader.finish()

    def _take_blob(self, name: str, stream: IO[bytes], digest: Any, book: Casebook) -> None:
        relative = PurePosixPath(name).relative_to(archive.BLOBS_DIR)
        if (
            not relative.parts
            or relative.is_absolute()
            or "\\" in name
            or any(part in ("", ".", "..") for part in relative.parts)
        ):
            raise self.fail(f"the backup holds an unsafe path {name}")
        path = book.blobs / Path(*relative.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            while chunk := stream.read(archive.CHUNK):
                digest.update(chunk)
                out.write(chunk)
        os.chmod(path, 0o444)  # write-once, as intake leaves it
        self.blobs += 1

    def _check_manifest(self, header: dict[str, Any]) -> None:
        self._finish_table()
        manifest = self.manifest
        if not isinstance(manifest, dict) or manifest.get("format") != archive.FORMAT:
            raise self.fail("the backup ends without its manifest (is it truncated?)")
        listed = manifest.get("members")
        if not isinstance(listed, dict) or listed != self.seen:
            listed = listed if isinstance(listed, dict) else {}
            missing = sorted(set(listed) - set(self.seen))
            wrong = sorted(name for name, digest in self.seen.items() if listed.get(name) != digest)
            detail = f"{missing[0]} is missing" if missing else f"{wrong[0]} does not match"
            raise self.fail(f"the backup fails its manifest ({detail})")
        for table in archive.all_tables():
            self.tables.setdefault(table.name, 0)
        if manifest.get("tables") != self.tables:
            raise self.fail("the rows per table differ from the manifest")
        if self.revisions != [header["revision"]]:
            raise self.fail("the schema revision of the tables differs from the header")


def _rebuild_search(casebook: Casebook, connection: Connection) -> None:
    """The full-text index is derived: rebuilt as intake builds it (confidential text is not)."""
    session = Session(bind=connection)
    indexed = connection.execute(
        select(DocumentText.document_id)
        .join(Document, Document.id == DocumentText.document_id)
        .where(Document.sensitivity != "confidential")
        .order_by(DocumentText.document_id)
    ).scalars()
    for document_id in indexed.all():  # one text at a time: texts may be large
        body = connection.execute(
            select(DocumentText.text).where(DocumentText.document_id == document_id)
        ).scalar_one()
        index_document(session, casebook.dialect, document_id, body)
    session.close()


# -- PostgreSQL databases made (and unmade) by a restore ------------------------------------------


def _admin_engine(url: URL) -> Engine:
    return create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


def _postgres_database_exists(url: URL) -> bool:
    admin = _admin_engine(url)
    try:
        with admin.connect() as connection:
            found = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            ).scalar()
    except Exception:  # ensure_database then reports the unreachable server clearly
        return False
    finally:
        admin.dispose()
    return bool(found)


def _drop_postgres_database(url: URL) -> None:
    admin = _admin_engine(url)
    try:
        with admin.connect() as connection:
            quoted = connection.dialect.identifier_preparer.quote(str(url.database))
            connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
    finally:
        admin.dispose()


def _empty_database(engine: Engine) -> None:
    """Leave a database that was empty before the restore empty again."""
    migrate.downgrade(engine, "base")
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE IF EXISTS {snapshot.ALEMBIC_TABLE}"))
