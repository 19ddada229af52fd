"""Intake: originals into the vault, write-once, each with provenance and custody entries.

Files are committed one by one, so a bad file in a batch never costs the others their custody
entries; problems with a file are reported for that file and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from rightsledger import __version__
from rightsledger.errors import InvalidValue, UserError
from rightsledger.language import detect
from rightsledger.model import SENSITIVITIES, Document, DocumentText
from rightsledger.store.casebook import Casebook
from rightsledger.values import FuzzyDate
from rightsledger.vault import custody
from rightsledger.vault.blobs import CHUNK, HEAD_BYTES, BlobStore
from rightsledger.vault.sealed import seal_file
from rightsledger.vault.search import index_document
from rightsledger.vault.sniff import sniff
from rightsledger.vault.text import extract

TOOL = f"rightsledger {__version__} ingest"


@dataclass(frozen=True)
class Provenance:
    source_url: str | None = None
    collected_by: str | None = None
    collected_at: str | None = None  # as claimed by the collector
    method: str | None = None
    sensitivity: str = "restricted"

    def __post_init__(self) -> None:
        if self.sensitivity not in SENSITIVITIES:
            raise InvalidValue(
                f'"{self.sensitivity}" is not a sensitivity (one of {", ".join(SENSITIVITIES)})'
            )
        if self.collected_at:
            clean_claimed_time(self.collected_at)


def clean_claimed_time(value: str) -> str:
    """A claimed collection time: an EDTF date or an ISO 8601 date-time."""
    try:
        return str(FuzzyDate.parse(value))
    except InvalidValue:
        pass
    try:
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidValue(
            f'"{value}" is not a date or date-time (use 2017-04-03 or 2017-04-03T14:20:00+03:00)'
        ) from None


@dataclass(frozen=True)
class IntakeResult:
    path: str
    sha256: str | None = None
    document_id: int | None = None
    new: bool = False
    media_type: str | None = None
    text_status: str | None = None
    note: str | None = None
    error: str | None = None


def expand(paths: Sequence[Path], *, recursive: bool) -> Iterator[tuple[Path, str | None]]:
    """Files to ingest, each with an error to report instead when it cannot be taken."""
    for path in paths:
        if path.is_dir():
            if not recursive:
                yield path, "is a directory (use --recursive to ingest what it holds)"
                continue
            root = path.resolve()
            for folder, directories, files in os.walk(path, followlinks=False):
                directories.sort()
                for name in sorted(files):
                    candidate = Path(folder) / name
                    if candidate.is_symlink():
                        target = candidate.resolve()
                        if not target.is_relative_to(root):
                            yield candidate, f"is a symlink pointing outside {path} ({target})"
                            continue
                    yield candidate, None
        else:
            yield path, None


def ingest(
    casebook: Casebook,
    paths: Sequence[Path],
    *,
    provenance: Provenance,
    recursive: bool = False,
    actor: str | None = None,
    progress: Callable[[IntakeResult], None] | None = None,
) -> list[IntakeResult]:
    store = BlobStore(casebook.blobs)
    results = []
    for path, problem in expand(paths, recursive=recursive):
        result = (
            IntakeResult(path=str(path), error=problem)
            if problem
            else _ingest_one(casebook, store, path, provenance, actor)
        )
        results.append(result)
        if progress is not None:
            progress(result)
    with casebook.engine.begin() as connection:
        custody.sign_heads(casebook, connection)
    return results


def _ingest_one(  # noqa: PLR0911 - each early return is one way a file is refused
    casebook: Casebook, store: BlobStore, path: Path, provenance: Provenance, actor: str | None
) -> IntakeResult:
    name = str(path)
    try:
        if not path.exists():
            return IntakeResult(path=name, error="no such file")
        if not path.is_file():
            return IntakeResult(path=name, error="is not a regular file")
        if provenance.sensitivity == "confidential" and casebook.encrypted:
            return _ingest_sealed(casebook, store, path, provenance, actor)
        with path.open("rb") as source:
            stored = store.store(source)
    except PermissionError:
        return IntakeResult(path=name, error="cannot be read (permission denied)")
    except OSError as error:
        return IntakeResult(path=name, error=f"cannot be read ({error.strerror})")
    if stored.size == 0:
        return IntakeResult(path=name, error="is empty (0 bytes); nothing was stored")
    received = dt.datetime.now(dt.UTC)
    intake = _intake_details(provenance, path.name, stored.size, received)
    with casebook.session() as session:
        existing = session.scalar(select(Document).where(Document.sha256 == stored.sha256))
        connection = session.connection()
        if existing is not None:
            return _again(connection, existing, name, intake, actor)
        media_type = sniff(stored.head, stored.path)
        extracted = extract(stored.path, media_type, stored.size)
        document = Document(
            sha256=stored.sha256,
            size=stored.size,
            media_type=media_type,
            original_name=path.name,
            sensitivity=provenance.sensitivity,
            received_at=received,
            source_url=provenance.source_url,
            collected_by=provenance.collected_by,
            collected_at=intake["collected_at"],
            method=provenance.method,
            tool=TOOL,
            embedded_metadata=json.dumps(extracted.metadata, ensure_ascii=False, sort_keys=True),
            text_status=extracted.status,
            text_note=extracted.note,
            title=extracted.title,
            author=extracted.author,
            published_date=extracted.published,
        )
        session.add(document)
        session.flush()
        custody.record(
            connection,
            action="ingested",
            item=document.item,
            actor=actor,
            details={**intake, "media_type": media_type},
        )
        if extracted.text is not None:
            document.language = detect(extracted.text).code
            text_hash = hashlib.sha256(extracted.text.encode()).hexdigest()
            session.add(
                DocumentText(
                    document_id=document.id,
                    text=extracted.text,
                    sha256=text_hash,
                    tool=extracted.tool,
                )
            )
            if provenance.sensitivity != "confidential":
                index_document(session, casebook.dialect, document.id, extracted.text)
            custody.record(
                connection,
                action="text_extracted",
                item=document.item,
                actor=actor,
                details={
                    "tool": extracted.tool,
                    "text_sha256": text_hash,
                    "characters": len(extracted.text),
                    "language": document.language,
                },
            )
        return IntakeResult(
            path=name,
            sha256=stored.sha256,
            document_id=document.id,
            new=True,
            media_type=media_type,
            text_status=extracted.status,
            note=extracted.note,
        )


def _intake_details(
    provenance: Provenance, name: str, size: int, received: dt.datetime
) -> dict[str, Any]:
    """What the custody entry of one intake records (the provenance of this arrival)."""
    return {
        "original_name": name,
        "size": size,
        "received_at": received.isoformat(),
        "source_url": provenance.source_url,
        "collected_by": provenance.collected_by,
        "collected_at": clean_claimed_time(provenance.collected_at)
        if provenance.collected_at
        else None,
        "method": provenance.method,
        "tool": TOOL,
        "sensitivity": provenance.sensitivity,
    }


def _again(
    connection: Connection,
    existing: Document,
    name: str,
    intake: dict[str, Any],
    actor: str | None,
) -> IntakeResult:
    """The same bytes arrived again: one document, one more custody entry."""
    custody.record(
        connection,
        action="ingested",
        item=existing.item,
        actor=actor,
        details={**intake, "duplicate_of_document": existing.id},
    )
    return IntakeResult(
        path=name,
        sha256=existing.sha256,
        document_id=existing.id,
        media_type=existing.media_type,
        text_status=existing.text_status,
        note="already in the vault; a custody entry was added",
    )


def _hash_file(path: Path) -> tuple[str, int, bytes]:
    digest, size, head = hashlib.sha256(), 0, b""
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            if len(head) < HEAD_BYTES:
                head += chunk[: HEAD_BYTES - len(head)]
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size, head


def _ingest_sealed(
    casebook: Casebook, store: BlobStore, path: Path, provenance: Provenance, actor: str | None
) -> IntakeResult:
    """A confidential original: encrypted as it streams in; name, title, text sealed too."""
    name = str(path)
    sha256, size, head = _hash_file(path)
    if size == 0:
        return IntakeResult(path=name, error="is empty (0 bytes); nothing was stored")
    received = dt.datetime.now(dt.UTC)
    # A confidential file's name can identify someone: the log records only that it was sealed.
    intake = _intake_details(provenance, "[sealed]", size, received)
    with casebook.session() as session:
        connection = session.connection()
        protector = casebook.protector(connection)
        if not protector.available:
            return IntakeResult(
                path=name,
                error="a confidential document needs the casebook's "
                "key to be stored encrypted (set RIGHTSLEDGER_KEY_FILE)",
            )
        existing = session.scalar(select(Document).where(Document.sha256 == sha256))
        if existing is not None:
            return _again(connection, existing, name, intake, actor)
        media_type = sniff(head, path)
        document = Document(
            sha256=sha256,
            size=size,
            media_type=media_type,
            sensitivity="confidential",
            received_at=received,
            source_url=provenance.source_url,
            collected_by=provenance.collected_by,
            collected_at=intake["collected_at"],
            method=provenance.method,
            tool=TOOL,
            encrypted=True,
            text_status="pending",
        )
        session.add(document)
        session.flush()
        owner = f"documents:{document.id}"
        # Sealed under a temporary name, then named by the hash of its ciphertext.
        incoming = store.root / "sealed" / ".incoming" / secrets.token_hex(8)
        stored_sha, _ = seal_file(path, incoming, protector, owner)
        target = store.sealed_path_for(stored_sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(incoming, target)
        document.stored_sha256 = stored_sha
        extracted = extract(path, media_type, size)
        document.original_name = protector.encrypt(owner, "documents.original_name", path.name)
        document.embedded_metadata = protector.encrypt(
            owner,
            "documents.embedded_metadata",
            json.dumps(extracted.metadata, ensure_ascii=False, sort_keys=True),
        )
        document.title = (
            protector.encrypt(owner, "documents.title", extracted.title)
            if extracted.title
            else None
        )
        document.author = (
            protector.encrypt(owner, "documents.author", extracted.author)
            if extracted.author
            else None
        )
        document.text_status, document.text_note = extracted.status, extracted.note
        custody.record(
            connection,
            action="ingested",
            item=document.item,
            actor=actor,
            details={**intake, "media_type": media_type, "encrypted": True},
        )
        if extracted.text is not None:
            document.language = detect(extracted.text).code
            text_hash = hashlib.sha256(extracted.text.encode()).hexdigest()
            session.add(
                DocumentText(
                    document_id=document.id,
                    sha256=text_hash,
                    tool=extracted.tool,
                    text=protector.encrypt(owner, "document_texts.text", extracted.text),
                )
            )
            custody.record(
                connection,
                action="text_extracted",
                item=document.item,
                actor=actor,
                details={
                    "tool": extracted.tool,
                    "text_sha256": text_hash,
                    "characters": len(extracted.text),
                    "language": document.language,
                    "encrypted": True,
                },
            )
        return IntakeResult(
            path=name,
            sha256=sha256,
            document_id=document.id,
            new=True,
            media_type=media_type,
            text_status=extracted.status,
            note="stored encrypted",
        )


def find_document(casebook: Casebook, reference: str) -> Document:
    """A document by its numeric id or a unique prefix (≥ 8 hex digits) of its SHA-256."""
    with casebook.reader() as session:
        cleaned = reference.strip().lower().removeprefix("sha256:")
        if cleaned.isdigit() and len(cleaned) < 8:
            document = session.get(Document, int(cleaned))
            if document is None:
                raise UserError(f"no document has id {cleaned}")
            return document
        if len(cleaned) < 8 or any(ch not in "0123456789abcdef" for ch in cleaned):
            raise UserError(f'"{reference}" is neither a document id nor a SHA-256 prefix')
        found = session.scalars(
            select(Document).where(Document.sha256.startswith(cleaned)).limit(2)
        ).all()
        if not found:
            raise UserError(f'no document\'s SHA-256 starts with "{cleaned}"')
        if len(found) > 1:
            raise UserError(f'"{cleaned}" matches several documents; give more digits')
        return found[0]
