"""Reading documents back: sealed fields opened when the key is here, originals restored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from rightsledger.model import Document
from rightsledger.protect.envelope import Protector
from rightsledger.vault.blobs import BlobStore
from rightsledger.vault.sealed import open_sealed


def owner(document: Document) -> str:
    return f"documents:{document.id}"


def reveal(document: Document, field: str, value: str | None, protector: Protector) -> str | None:
    return protector.reveal(owner(document), f"documents.{field}", value)


def text_of(document: Document, protector: Protector) -> str | None:
    if document.text is None:
        return None
    return protector.reveal(owner(document), "document_texts.text", document.text.text)


def fields(document: Document, protector: Protector) -> dict[str, Any]:
    metadata = reveal(document, "embedded_metadata", document.embedded_metadata, protector)
    try:
        embedded = json.loads(metadata or "{}")
    except json.JSONDecodeError:
        embedded = metadata  # without the key: the "[protected …]" label, as a string
    return {
        "id": document.id,
        "sha256": document.sha256,
        "size": document.size,
        "media_type": document.media_type,
        "original_name": reveal(document, "original_name", document.original_name, protector),
        "sensitivity": document.sensitivity,
        "encrypted": document.encrypted,
        "received_at": document.received_at.isoformat(),
        "source_url": document.source_url,
        "collected_by": document.collected_by,
        "collected_at": document.collected_at,
        "method": document.method,
        "tool": document.tool,
        "language": document.language,
        "title": reveal(document, "title", document.title, protector),
        "author": reveal(document, "author", document.author, protector),
        "published_date": document.published_date,
        "text_status": document.text_status,
        "text_note": document.text_note,
        "embedded_metadata": embedded,
    }


def copy_original(document: Document, store: BlobStore, protector: Protector, target: Path) -> None:
    """Write the original bytes to ``target`` (decrypting a sealed original)."""
    if not document.encrypted:
        shutil.copyfile(store.path_for(document.sha256), target)
        return
    assert document.stored_sha256 is not None  # sealed originals always record it
    with target.open("wb") as out:
        for chunk in open_sealed(
            store.sealed_path_for(document.stored_sha256), protector, owner(document)
        ):
            out.write(chunk)
