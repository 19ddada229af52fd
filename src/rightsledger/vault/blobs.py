"""Content-addressed, write-once storage of original bytes: ``blobs/ab/cd/<sha256>``."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024  # large reads keep hashing at disk speed without holding files in memory
HEAD_BYTES = 8192  # what content sniffing needs


@dataclass(frozen=True)
class Stored:
    sha256: str
    size: int
    path: Path
    head: bytes  # the first bytes, for sniffing the media type
    new: bool  # False when the same bytes were already in the vault


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def sealed_path_for(self, stored_sha256: str) -> Path:
        """Encrypted originals are named by the hash of their ciphertext, not of the original."""
        return self.root / "sealed" / stored_sha256[:2] / stored_sha256[2:4] / stored_sha256

    def location(self, sha256: str, *, sealed: bool = False) -> str:
        """``path_for`` / ``sealed_path_for`` as a plain string, for loops over many originals:
        pathlib's joins cost more than hashing a small file."""
        folder = f"{self.root}/sealed" if sealed else str(self.root)
        return f"{folder}/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def store(self, source: BinaryIO) -> Stored:
        """Stream ``source`` into the vault, hashing as it goes; never holds the file in memory."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        head = b""
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                while chunk := source.read(CHUNK):
                    if len(head) < HEAD_BYTES:
                        head += chunk[: HEAD_BYTES - len(head)]
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            target = self.path_for(sha256)
            if target.exists():
                # Write-once: the bytes are already kept; the original copy is never replaced.
                return Stored(sha256=sha256, size=size, path=target, head=head, new=False)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(temporary, 0o444)
            os.replace(temporary, target)
            return Stored(sha256=sha256, size=size, path=target, head=head, new=True)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)

    def digest(self, sha256: str) -> str | None:
        """The SHA-256 of the stored bytes now, or None when the blob is missing."""
        return file_sha256(self.location(sha256))


# One read of this size takes a typical document whole. Not larger: os.read allocates the full
# size before it shrinks the result, and a 4 MiB allocation per file cost three times the hashing.
FIRST_READ = 256 * 1024


def file_sha256(path: Path | str) -> str | None:
    """SHA-256 of a file, or None when it is missing.

    Small files are read with one system call and no buffered-file object: most evidence is a
    few kilobytes, and per-file overhead would otherwise dominate verifying a vault.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        head = os.read(descriptor, FIRST_READ)
        if len(head) < FIRST_READ:
            return hashlib.sha256(head).hexdigest()
        digest = hashlib.sha256(head)
        while chunk := os.read(descriptor, CHUNK):
            digest.update(chunk)
        return digest.hexdigest()
    finally:
        os.close(descriptor)
