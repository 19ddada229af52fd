"""The audit trail: who signed in (or failed to), who saw identities, who changed what.

Entries go onto the audit ``Ledger`` (``custody.AUDIT``): append-only in the database, hash-chained
and Merkle-rooted like custody, so an edit, deletion or reordering is named by ``verify``. The
ledger neutralises control characters in every text it stores, so a username or a reason cannot
forge a line or an entry; values are also capped in length here. Secrets never enter: a details
key that names one (password, code, secret…) is a programming error and is refused.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from rightsledger import heads
from rightsledger.ledger import Entry, LogCheck
from rightsledger.protect.policy import Identity
from rightsledger.store.casebook import Casebook
from rightsledger.vault import custody

AUDIT = custody.AUDIT
# Column widths of the log table (ledger.log_table): longer values are cut, never refused.
ACTOR_LENGTH = 200
SUBJECT_LENGTH = 200
DETAIL_TEXT_LENGTH = 500
_ACTION = re.compile(r"[a-z][a-z_]{0,39}")
_SECRET_KEYS = frozenset(
    {"password", "passphrase", "code", "totp", "totp_code", "secret", "totp_secret", "token"}
)

# The actions this package writes; other stages add their own (created, exported…).
LOGIN_SUCCEEDED = "login_succeeded"
LOGIN_FAILED = "login_failed"
USER_ADDED = "user_added"
USER_DISABLED = "user_disabled"
PASSWORD_CHANGED = "password_changed"  # noqa: S105 - the name of an audit action, not a secret
PASSWORD_REHASHED = "password_rehashed"  # noqa: S105 - likewise
ROLE_SET = "role_set"
IDENTITIES_READ = "identities_read"
CONFIDENTIAL_READ = "confidential_read"
AUDIT_READ = "audit_read"
AUDIT_VERIFIED = "audit_verified"


def owner_name() -> str:
    """The actor of a run without a user: the operating-system account, marked as the owner."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = "unknown"
    return f"owner:{account}"


def actor_name(actor: Identity | str | None) -> str:
    if actor is None:
        return owner_name()
    if isinstance(actor, Identity):
        return actor.username
    return actor


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _checked_details(details: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in details.items():
        if key.lower() in _SECRET_KEYS:
            raise ValueError(f"refusing to write {key!r} into the audit trail")
        clean[key] = _cut(value, DETAIL_TEXT_LENGTH) if isinstance(value, str) else value
    return clean


def record(
    connection: Connection,
    *,
    actor: Identity | str | None,
    action: str,
    subject: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> Entry:
    """Append one entry. ``actor``: an Identity, a username as typed, or None (the owner)."""
    if not _ACTION.fullmatch(action):
        raise ValueError(f"audit actions are lower-case words joined by _, not {action!r}")
    return AUDIT.append(
        connection,
        actor=_cut(actor_name(actor), ACTOR_LENGTH),
        action=action,
        subject=_cut(subject, SUBJECT_LENGTH) if subject is not None else None,
        details=_checked_details(details or {}),
    )


def entries(connection: Connection, *, limit: int | None = None) -> list[Entry]:
    """The last ``limit`` entries (all when None), oldest first."""
    table = AUDIT.table
    query = select(table).order_by(table.c.seq.desc())
    if limit is not None:
        query = query.limit(limit)
    rows = connection.execute(query).mappings().all()
    found = [Entry(**{key: row[key] for key in Entry._fields}) for row in rows]
    return found[::-1]


@dataclass
class AuditCheck:
    """The result of re-checking the audit log: every problem, the first bad entry first."""

    log: LogCheck
    heads_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        return next((p.seq for p in self.log.problems if p.seq is not None), None)


def verify(
    connection: Connection, casebook: Casebook, *, head_file: Path | None = None
) -> AuditCheck:
    """Rebuild the audit log from recomputed hashes and check it against every signed head.

    Heads come from the database and, when given, from ``head_file`` (kept outside the system):
    a head with a bad signature or another key is a problem; a good one pins the root the log
    must have had at its size.
    """
    own_key = heads.public_hex(heads.load_signing_key(casebook.signing_key_path))
    candidates = [(head, "stored head") for head in custody.stored_heads(connection)]
    if head_file is not None:
        candidates += [(head, f"head in {head_file}") for head in heads.read_heads(head_file)]
    problems: list[str] = []
    roots_at: dict[int, str] = {}
    checked = 0
    for head, source in candidates:
        if head.log != AUDIT.name:
            continue
        checked += 1
        if not head.signature_valid():
            problems.append(
                f"{source}: the signature of the audit head at size {head.size} is invalid"
            )
        elif head.public_key != own_key:
            problems.append(
                f"{source}: the audit head at size {head.size} was signed by another key"
            )
        elif roots_at.get(head.size, head.root) != head.root:
            problems.append(
                f"{source}: two signed audit heads of size {head.size} disagree (the "
                "log was rewritten and re-signed)"
            )
        else:
            roots_at[head.size] = head.root
    log = AUDIT.check(connection, roots_at=roots_at)
    return AuditCheck(
        log=log,
        heads_checked=checked,
        problems=[problem.message for problem in log.problems] + problems,
    )
