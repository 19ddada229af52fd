"""The backup archive: its members, and the streams that carry it through age.

A backup is one tar archive inside age encryption. The tar streams through a pipe into (or out
of) age's loop running on a second thread, so plaintext never reaches the disk and neither side
ever holds the whole archive. Members, in this order::

    backup.json              format, schema revision, source backend, time of the snapshot
    casebook.toml            the config without its database line (it may hold a password)
    keys/log-signing.pem     the key that signed the custody and audit heads
    tables/<table>/<n>.jsonl every table in foreign-key order, then alembic_version
    blobs/ab/cd/<name>       the vault, byte for byte
    manifest.json            sha256 of every member above and the rows of every table
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import tarfile
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import IO, Any

from sqlalchemy import Column, MetaData, String, Table

from rightsledger.protect import snapshot

FORMAT = "rightsledger-backup/1"
HEADER_MEMBER = "backup.json"
CONFIG_MEMBER = "casebook.toml"
KEY_MEMBER = "keys/log-signing.pem"
MANIFEST_MEMBER = "manifest.json"
TABLES_DIR = "tables"
BLOBS_DIR = "blobs"
CHUNK = 1024 * 1024
DATABASE_LINE = re.compile(r"^\s*database\s*=")

ALEMBIC_VERSION = Table(
    snapshot.ALEMBIC_TABLE, MetaData(), Column("version_num", String(32), primary_key=True)
)


def pipe() -> tuple[int, int]:
    """A pipe between the tar and age; a larger buffer means fewer switches between threads."""
    read_end, write_end = os.pipe()
    if hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux only; elsewhere the default buffer works
        with suppress(OSError):
            fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, CHUNK)
    return read_end, write_end


def all_tables() -> list[Table]:
    """What a backup holds, in the order it holds it."""
    return [*snapshot.tables(), ALEMBIC_VERSION]


def json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"


class Worker(threading.Thread):
    """Runs age's encrypting or decrypting loop, which blocks, beside the tar on the other end.

    ``work`` gets the pipe end it must close when done; the error is kept before that end is
    closed, so the other thread, seeing the stream stop, can tell a failure from the end.
    """

    def __init__(self, work: Callable[[IO[bytes]], None], pipe_end: IO[bytes]) -> None:
        super().__init__(daemon=True)
        self._work = work
        self._pipe_end = pipe_end
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._work(self._pipe_end)
        except BaseException as error:  # handed to the caller's thread
            self.error = error
        finally:
            with suppress(OSError):
                self._pipe_end.close()


class HashingWriter:
    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.sink.write(data)

    def flush(self) -> None:
        self.sink.flush()


class HashingReader:
    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        return data


def member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    return info
