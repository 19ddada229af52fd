"""The one tamper-evident log: custody of evidence and the audit trail both use it.

Each entry is serialised canonically (sorted-key JSON, UTF-8) and becomes a leaf of an RFC 6962
Merkle tree. Entries also carry the previous entry's leaf hash, so an edit that recomputes its own
hash still breaks the next entry and verification can name the first bad sequence number. Signed
tree heads (Ed25519) are stored in the database and can be exported, so that someone who rewrites
the whole table, triggers dropped, is caught by a head kept elsewhere.

This module knows nothing of the domain model: it works on any table made by ``log_table``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
)

from rightsledger import merkle

GENESIS = "0" * 64  # the "previous leaf" of the first entry


def log_table(metadata: MetaData, name: str) -> Table:
    """An append-only log table; the database refuses UPDATE and DELETE on it (see dialects)."""
    return Table(
        name,
        metadata,
        Column("seq", Integer, primary_key=True, autoincrement=False),
        Column("at", String(40), nullable=False),  # ISO 8601 UTC, exactly as hashed
        Column("actor", String(200), nullable=False),
        Column("action", String(40), nullable=False),
        Column("subject", String(200)),  # what the entry is about, e.g. "sha256:<hex>"
        Column("details", Text, nullable=False),  # canonical JSON object
        Column("prev", String(64), nullable=False),
        Column("leaf", String(64), nullable=False),
    )


def heads_table(metadata: MetaData) -> Table:
    """Signed tree heads of every log, append-only too."""
    return Table(
        "tree_heads",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("log", String(40), nullable=False, index=True),
        Column("size", Integer, nullable=False),
        Column("root", String(64), nullable=False),
        Column("signed_at", String(40), nullable=False),
        Column("public_key", String(64), nullable=False),
        Column("signature", String(128), nullable=False),
        Column("created_at", DateTime(timezone=True), server_default=func.current_timestamp()),
    )


def clean_text(value: str) -> str:
    """Neutralise control characters so a logged value can never forge a line or an entry."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in value)


def canonical(entry: Mapping[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


# The encoder json.dumps(..., ensure_ascii=False) uses for strings, without its per-call set-up.
_json_string = encode_basestring


def canonical_entry(
    seq: int, at: str, actor: str, action: str, subject: str | None, details: str, prev: str
) -> bytes:
    """``canonical(entry.hashed_fields())`` without parsing and re-writing ``details``.

    Verification re-hashes every entry of every log, so this is its hot path. ``details`` is
    stored as canonical JSON already and goes in as written; keys are in sorted order. Should
    someone rewrite ``details`` non-canonically, the hash changes and the entry is reported.
    """
    subject_json = "null" if subject is None else _json_string(subject)
    return (
        f'{{"action":{_json_string(action)},"actor":{_json_string(actor)},'
        f'"at":{_json_string(at)},"details":{details},"prev":{_json_string(prev)},'
        f'"seq":{int(seq)},"subject":{subject_json}}}'
    ).encode()


def utc_stamp(moment: dt.datetime | None = None) -> str:
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Entry(NamedTuple):
    """One log entry as stored. A named tuple, not a dataclass: verification makes one per
    row of every log, and tuples are built several times faster."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str | None
    details: str  # canonical JSON text
    prev: str
    leaf: str

    def hashed_fields(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "subject": self.subject,
            "details": json.loads(self.details),
            "prev": self.prev,
        }

    def leaf_hash(self) -> bytes:
        """The leaf hash of the entry's fields: what it was written with, what verify expects."""
        return merkle.leaf_hash(
            canonical_entry(
                self.seq, self.at, self.actor, self.action, self.subject, self.details, self.prev
            )
        )

    def expected_leaf(self) -> str:
        return self.leaf_hash().hex()

    def as_json(self) -> dict[str, Any]:
        return {**self.hashed_fields(), "leaf": self.leaf}


@dataclass
class Problem:
    seq: int | None
    message: str


@dataclass
class LogCheck:
    log: str
    size: int = 0
    root: str = merkle.EMPTY_ROOT.hex()
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Ledger:
    """One named log stored in ``table``; every method takes the caller's connection."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.name = table.name

    def append(
        self,
        connection: Connection,
        *,
        actor: str,
        action: str,
        subject: str | None = None,
        details: Mapping[str, Any] | None = None,
        at: dt.datetime | None = None,
    ) -> Entry:
        last = connection.execute(
            select(self.table.c.seq, self.table.c.leaf).order_by(self.table.c.seq.desc()).limit(1)
        ).first()
        seq = (last[0] + 1) if last else 1
        prev = last[1] if last else GENESIS
        details_text = canonical(_clean_details(details or {})).decode()
        draft = Entry(
            seq=seq,
            at=utc_stamp(at),
            actor=clean_text(actor),
            action=clean_text(action),
            subject=clean_text(subject) if subject is not None else None,
            details=details_text,
            prev=prev,
            leaf="",
        )
        entry = draft._replace(leaf=draft.expected_leaf())
        connection.execute(insert(self.table).values(**entry._asdict()))
        return entry

    def entries(self, connection: Connection, *, subject: str | None = None) -> Iterator[Entry]:
        if subject is None:
            yield from self._all_entries(connection)
            return
        columns = [self.table.c[name] for name in Entry._fields]
        query = select(*columns).where(self.table.c.subject == subject).order_by(self.table.c.seq)
        for row in connection.execute(query):
            yield Entry._make(row)

    def _all_entries(self, connection: Connection) -> Iterator[Entry]:
        """Every entry in order, read through the driver's own cursor in batches.

        Verification reads whole logs, and SQLAlchemy's row objects cost as much as the rest of
        the check. On PostgreSQL the cursor is server-side, so a long log never sits in memory.
        """
        driver = connection.connection.dbapi_connection
        assert driver is not None
        if connection.dialect.name == "postgresql":
            cursor = driver.cursor(name=f"read_{self.name}")
        else:
            cursor = driver.cursor()
        try:
            # The names are the table's own (log_table), never user input.
            cursor.execute(
                f"SELECT {', '.join(Entry._fields)} FROM {self.name} ORDER BY seq"  # noqa: S608
            )
            while rows := cursor.fetchmany(1000):
                yield from map(Entry._make, rows)
        finally:
            cursor.close()

    def leaves(self, connection: Connection) -> list[bytes]:
        rows = connection.execute(select(self.table.c.leaf).order_by(self.table.c.seq))
        return [bytes.fromhex(leaf) for (leaf,) in rows]

    def size(self, connection: Connection) -> int:
        return int(connection.execute(select(func.count()).select_from(self.table)).scalar_one())

    def check(
        self,
        connection: Connection,
        *,
        roots_at: Mapping[int, str] | None = None,
        visit: Callable[[Entry], None] | None = None,
    ) -> LogCheck:
        """Re-hash every entry in order; ``roots_at`` maps sizes to roots the log must have had.

        Reports the first entry whose sequence, hash or link is wrong, and every size whose
        rebuilt root differs from the expected one.
        """
        result = LogCheck(log=self.name)
        expected_roots = dict(roots_at or {})
        empty_root = expected_roots.pop(0, None)
        if empty_root is not None and empty_root != merkle.EMPTY_ROOT.hex():
            result.problems.append(
                Problem(
                    None,
                    f"a signed head of the empty {self.name} log "
                    "has a root that no empty log can have",
                )
            )
        accumulator = merkle.MerkleAccumulator()
        prev = GENESIS
        first_bad: Problem | None = None
        for position, entry in enumerate(self.entries(connection), start=1):
            if visit is not None:  # lets a caller read the log in the same single pass
                visit(entry)
            problem = None
            leaf = entry.leaf_hash()
            recomputed = leaf.hex()
            if entry.seq != position:
                problem = Problem(
                    position,
                    f"entry {position} is missing or out of order (found sequence {entry.seq})",
                )
            elif entry.prev != prev:
                problem = Problem(
                    entry.seq,
                    f"entry {entry.seq} does not follow entry {entry.seq - 1} "
                    "(an entry was altered, deleted or reordered)",
                )
            elif entry.leaf != recomputed:
                problem = Problem(entry.seq, f"entry {entry.seq} was altered after it was written")
            if problem is not None and first_bad is None:
                first_bad = problem
            prev = entry.leaf
            # The tree is rebuilt from recomputed hashes, never from the stored ones.
            accumulator.append(leaf)
            size = accumulator.size
            if size in expected_roots and accumulator.root().hex() != expected_roots.pop(size):
                result.problems.append(
                    Problem(
                        None,
                        f"the {self.name} log no longer matches its signed head at size {size}",
                    )
                )
        if first_bad is not None:
            result.problems.insert(0, first_bad)
        for size in sorted(expected_roots):
            result.problems.append(
                Problem(
                    None,
                    f"the {self.name} log has {accumulator.size} entries, fewer than the "
                    f"{size} of a signed head (entries were deleted)",
                )
            )
        result.size = accumulator.size
        result.root = accumulator.root().hex()
        return result


def _clean_details(details: Mapping[str, Any]) -> dict[str, Any]:
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, Mapping):
            return {clean_text(str(k)): clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    return {clean_text(str(k)): clean(v) for k, v in details.items()}
