"""Verification: re-hash every original, rebuild every log, check every signed head.

It reports every problem it finds rather than stopping at the first, because the person running
it needs the whole picture (which blobs, which entries, which heads) to decide what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from sqlalchemy import select

from rightsledger import heads
from rightsledger.ledger import Entry, LogCheck
from rightsledger.model import Document
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody
from rightsledger.vault.blobs import BlobStore, file_sha256

# hashlib releases the GIL on large buffers, so two threads use both cores of a small laptop.
HASH_WORKERS = 2
LARGE_FILE = 1024 * 1024
PROCESS_BATCH = 2000  # below this many small files a second process costs more than it saves
# Rough costs on one core (µs), measured on a 2-core laptop-class machine: they only set how the
# small files are shared between the two processes, so their ratio matters, not their size.
SMALL_FILE_COST = 8
LOG_ENTRY_COST = 6


def hash_files(paths: list[str]) -> list[str | None]:
    """Run in a second process: SHA-256 of each file (None where missing)."""
    return [file_sha256(path) for path in paths]


@dataclass
class VerifyReport:
    documents: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)
    logs: list[LogCheck] = field(default_factory=list)
    heads_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(
    casebook: Casebook,
    *,
    head_file: Path | None = None,
    record: bool = True,
    progress: Callable[[int], None] | None = None,
) -> VerifyReport:
    report = VerifyReport()
    external = heads.read_heads(head_file) if head_file is not None else []
    own_key = heads.public_hex(heads.load_signing_key(casebook.signing_key_path))
    log_problems: list[str] = []
    with casebook.engine.connect() as connection:
        log_entries = sum(ledger.size(connection) for ledger in custody.LOGS.values())
    # The originals are hashed (partly in a second process) while the logs are rebuilt here.
    with (
        BlobHashing(casebook, alongside_log_entries=log_entries) as blobs,
        casebook.engine.connect() as connection,
    ):
        expected: dict[str, dict[int, str]] = {name: {} for name in custody.LOGS}
        for head in custody.stored_heads(connection):
            report.heads_checked += 1
            _check_head(head, own_key, log_problems, expected, source="stored head")
        for head in external:
            report.heads_checked += 1
            _check_head(head, own_key, log_problems, expected, source=f"head in {head_file}")
        # A document row without its intake in the log was added or re-pointed behind the log.
        logged: set[str | None] = set()

        def note_intake(entry: Entry) -> None:
            if entry.action == "ingested":
                logged.add(entry.subject)

        for name, ledger in custody.LOGS.items():
            visit = note_intake if ledger is custody.CUSTODY else None
            check = ledger.check(connection, roots_at=expected[name], visit=visit)
            report.logs.append(check)
            log_problems.extend(problem.message for problem in check.problems)
        for document_id, sha256, _, _ in blobs.rows:
            if f"sha256:{sha256}" not in logged:
                log_problems.append(
                    f"document {document_id} (sha256:{sha256[:16]}…) has no "
                    "intake in the custody log"
                )
        blobs.finish(report, progress)
    report.problems.extend(log_problems)
    if record:
        with casebook.engine.begin() as connection:
            custody.record(
                connection,
                action="verified",
                item="casebook",
                details={
                    "documents": report.documents,
                    "bytes": report.bytes,
                    "problems": len(report.problems),
                    "head_file": str(head_file) if head_file else None,
                },
            )
            custody.sign_heads(casebook, connection)
    return report


def _check_head(
    head: heads.TreeHead,
    own_key: str,
    problems: list[str],
    expected: dict[str, dict[int, str]],
    *,
    source: str,
) -> None:
    if head.log not in expected:
        problems.append(f"{source}: unknown log {head.log!r}")
        return
    if not head.signature_valid():
        problems.append(
            f"{source}: the signature of the {head.log} head at size {head.size} is invalid"
        )
        return
    if head.public_key != own_key:
        problems.append(
            f"{source}: the {head.log} head at size {head.size} was signed by another key"
        )
        return
    known = expected[head.log].get(head.size)
    if known is not None and known != head.root:
        problems.append(
            f"{source}: two signed {head.log} heads of size {head.size} disagree (the log was "
            "rewritten and re-signed)"
        )
        return
    expected[head.log][head.size] = head.root


class BlobHashing:
    """Re-hashes every original, using both cores while the caller does other work.

    Large files are hashed on threads (hashlib releases the GIL while it hashes big buffers).
    Small ones are bound by per-file Python work, which threads cannot share: with many of them,
    a share goes to a forked second process in one batch. The share is sized so that the second
    process and this one (which rebuilds the logs meanwhile, then hashes the rest) finish
    together.
    """

    def __init__(self, casebook: Casebook, *, alongside_log_entries: int = 0) -> None:
        """``alongside_log_entries``: how many log entries this process re-hashes meanwhile."""
        store = BlobStore(casebook.blobs)
        with casebook.engine.connect() as connection:
            self.rows = connection.execute(
                select(
                    Document.id, Document.sha256, Document.size, Document.stored_sha256
                ).order_by(Document.id)
            ).all()
        # Encrypted originals are checked by the hash of their ciphertext: no key needed.
        self.paths = [
            store.location(stored, sealed=True) if stored else store.location(sha256)
            for _, sha256, _, stored in self.rows
        ]
        self.large = [i for i, row in enumerate(self.rows) if row[2] >= LARGE_FILE]
        small = [i for i, row in enumerate(self.rows) if row[2] < LARGE_FILE]
        far_share = _far_share(len(small), alongside_log_entries)
        self.near, self.far_part = small[: len(small) - far_share], small[len(small) - far_share :]
        self.digests: list[str | None] = [None] * len(self.rows)
        self._stack = ExitStack()
        self._far: Future[list[str | None]] | None = None
        self._pending: dict[int, Future[str | None]] = {}

    def __enter__(self) -> BlobHashing:
        # The second process is forked before any thread exists here: forking a threaded
        # process can deadlock.
        if self.far_part:
            other = self._stack.enter_context(
                ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"))
            )
            self._far = other.submit(hash_files, [self.paths[i] for i in self.far_part])
        if self.large:
            pool = self._stack.enter_context(ThreadPoolExecutor(max_workers=HASH_WORKERS))
            self._pending = {i: pool.submit(file_sha256, self.paths[i]) for i in self.large}
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def finish(self, report: VerifyReport, progress: Callable[[int], None] | None) -> None:
        """Hash what is left here, collect the rest, and report every changed or missing blob."""
        for index in self.near:
            self.digests[index] = file_sha256(self.paths[index])
        if self._far is not None:
            for index, value in zip(self.far_part, self._far.result(), strict=True):
                self.digests[index] = value
        for index, future in self._pending.items():
            self.digests[index] = future.result()
        for (document_id, sha256, size, stored), found in zip(self.rows, self.digests, strict=True):
            report.documents += 1
            if found is None:
                report.problems.append(
                    f"document {document_id} (sha256:{sha256[:16]}…): "
                    "its original is missing from the vault"
                )
            elif found != (stored or sha256):
                report.problems.append(
                    f"document {document_id} (sha256:{sha256[:16]}…): "
                    f"its original changed (now sha256:{found[:16]}…)"
                )
            else:
                report.bytes += size
            if progress is not None:
                progress(1)


def _far_share(small_files: int, log_entries: int) -> int:
    """How many small files the second process should hash so both cores finish together."""
    if small_files < PROCESS_BATCH or "fork" not in get_all_start_methods():
        return 0
    work = small_files * SMALL_FILE_COST + log_entries * LOG_ENTRY_COST
    return min(small_files, round(work / 2 / SMALL_FILE_COST))


def check_blobs(
    casebook: Casebook, report: VerifyReport, progress: Callable[[int], None] | None = None
) -> None:
    """Only the originals, without the logs (what the benchmark compares with sha256sum)."""
    with BlobHashing(casebook) as blobs:
        blobs.finish(report, progress)
