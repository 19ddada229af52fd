"""Verification: re-hash every original, rebuild every log, check every signed head.

It reports every problem it finds rather than stopping at the first, because the person running
it needs the whole picture (which blobs, which entries, which heads) to decide what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
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
    _check_blobs(casebook, report, progress)
    own_key = heads.public_hex(heads.load_signing_key(casebook.signing_key_path))
    with casebook.engine.connect() as connection:
        expected: dict[str, dict[int, str]] = {name: {} for name in custody.LOGS}
        for head in custody.stored_heads(connection):
            _check_head(head, own_key, report, expected, source="stored head")
        for head in external:
            _check_head(head, own_key, report, expected, source=f"head in {head_file}")
        # A document row without its intake in the log was added or re-pointed behind the log.
        logged: set[str | None] = set()

        def note_intake(entry: Entry) -> None:
            if entry.action == "ingested":
                logged.add(entry.subject)

        for name, ledger in custody.LOGS.items():
            visit = note_intake if ledger is custody.CUSTODY else None
            check = ledger.check(connection, roots_at=expected[name], visit=visit)
            report.logs.append(check)
            report.problems.extend(problem.message for problem in check.problems)
        for document_id, sha256 in connection.execute(select(Document.id, Document.sha256)):
            if f"sha256:{sha256}" not in logged:
                report.problems.append(
                    f"document {document_id} (sha256:{sha256[:16]}…) has no "
                    "intake in the custody log"
                )
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
    report: VerifyReport,
    expected: dict[str, dict[int, str]],
    *,
    source: str,
) -> None:
    report.heads_checked += 1
    if head.log not in expected:
        report.problems.append(f"{source}: unknown log {head.log!r}")
        return
    if not head.signature_valid():
        report.problems.append(
            f"{source}: the signature of the {head.log} head at size {head.size} is invalid"
        )
        return
    if head.public_key != own_key:
        report.problems.append(
            f"{source}: the {head.log} head at size {head.size} was signed by another key"
        )
        return
    known = expected[head.log].get(head.size)
    if known is not None and known != head.root:
        report.problems.append(
            f"{source}: two signed {head.log} heads of size {head.size} disagree (the log was "
            "rewritten and re-signed)"
        )
        return
    expected[head.log][head.size] = head.root


def _check_blobs(
    casebook: Casebook, report: VerifyReport, progress: Callable[[int], None] | None
) -> None:
    store = BlobStore(casebook.blobs)
    with casebook.reader() as session:
        documents = session.execute(
            select(Document.id, Document.sha256, Document.size, Document.stored_sha256).order_by(
                Document.id
            )
        ).all()

    def digest(row: tuple[int, str, int, str | None]) -> str | None:
        # Encrypted originals are checked by the hash of their ciphertext: no key needed.
        return store.sealed_digest(row[3]) if row[3] else store.digest(row[1])

    rows: list[tuple[int, str, int, str | None]] = [
        (row[0], row[1], row[2], row[3]) for row in documents
    ]

    # Large files are hashed on two threads (hashlib releases the GIL while it hashes big
    # buffers). Small ones are bound by per-file Python work, which threads cannot share: with
    # many of them, half go to a second process in one batch, the rest are hashed here.
    large = [index for index, row in enumerate(rows) if row[2] >= LARGE_FILE]
    small = [index for index, row in enumerate(rows) if row[2] < LARGE_FILE]
    paths = [
        str(store.sealed_path_for(row[3]) if row[3] else store.path_for(row[1])) for row in rows
    ]
    digests: list[str | None] = [None] * len(rows)
    near, far_part = small, []
    if len(small) >= PROCESS_BATCH and "fork" in get_all_start_methods():
        near, far_part = small[: len(small) // 2], small[len(small) // 2 :]
    # The second process is forked before any thread exists here: forking a threaded process
    # can deadlock.
    with ExitStack() as stack:
        far = None
        if far_part:
            other = stack.enter_context(
                ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"))
            )
            far = other.submit(hash_files, [paths[i] for i in far_part])
        pool = stack.enter_context(ThreadPoolExecutor(max_workers=HASH_WORKERS))
        pending = {index: pool.submit(digest, rows[index]) for index in large}
        for index in near:
            digests[index] = file_sha256(paths[index])
        if far is not None:
            for index, value in zip(far_part, far.result(), strict=True):
                digests[index] = value
        for index, future in pending.items():
            digests[index] = future.result()
    for (document_id, sha256, size, stored), found in zip(documents, digests, strict=True):
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
