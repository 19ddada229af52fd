"""Confidential originals, encrypted in chunks as they stream in: plaintext never touches disk.

File layout: the magic line, then for each chunk a 4-byte big-endian length and the chunk sealed
under the document's data key (AES-256-GCM), with its index and whether it is the last bound in
as associated data, so chunks cannot be dropped, reordered or truncated unnoticed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from rightsledger.protect.envelope import CannotDecrypt, Protector

MAGIC = b"RLSEAL1\n"
CHUNK = 1024 * 1024


def _field(index: int, last: bool) -> str:
    return f"blob|{index}|{'last' if last else 'more'}"


def seal_file(source: Path, target: Path, protector: Protector, owner: str) -> tuple[str, int]:
    """Encrypt ``source`` into ``target``; returns the SHA-256 and size of the stored bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".sealing-")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as stream:
            out.write(MAGIC)
            digest.update(MAGIC)
            size = len(MAGIC)
            index = 0
            chunk = stream.read(CHUNK)
            while True:
                following = stream.read(CHUNK)
                sealed = protector.encrypt_bytes(owner, _field(index, not following), chunk)
                record = len(sealed).to_bytes(4, "big") + sealed
                out.write(record)
                digest.update(record)
                size += len(record)
                if not following:
                    break
                chunk, index = following, index + 1
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o444)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return digest.hexdigest(), size


def open_sealed(path: Path, protector: Protector, owner: str) -> Iterator[bytes]:
    """The plaintext chunks of a sealed file, each checked; raises CannotDecrypt on any damage."""
    with path.open("rb") as stream:
        if stream.read(len(MAGIC)) != MAGIC:
            raise CannotDecrypt(f"{path.name} is not a sealed original")
        index = 0
        while True:
            header = stream.read(4)
            if len(header) < 4:
                raise CannotDecrypt(f"{path.name} is truncated")
            body = stream.read(int.from_bytes(header, "big"))
            after = stream.peek(1)[:1] if hasattr(stream, "peek") else b""
            last = not after
            yield protector.decrypt_bytes(owner, _field(index, last), body)
            if last:
                return
            index += 1
