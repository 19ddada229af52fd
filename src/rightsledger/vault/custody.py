"""Custody of evidence: every action on a document is an entry in the custody log."""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy import Connection, select

from rightsledger import heads
from rightsledger.ledger import Ledger
from rightsledger.model import audit_log, custody_log, tree_heads
from rightsledger.store.casebook import Casebook

CUSTODY = Ledger(custody_log)
AUDIT = Ledger(audit_log)
LOGS = {CUSTODY.name: CUSTODY, AUDIT.name: AUDIT}
ACTIONS = (
    "collected",
    "ingested",
    "text_extracted",
    "viewed",
    "copied",
    "exported",
    "transferred",
    "annotated",
    "redacted",
    "verified",
    "disposed",
)


def current_actor() -> str:
    """Who is acting: the signed-in user once protection is on, else the OS account."""
    explicit = os.environ.get("RIGHTSLEDGER_USER")
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record(
    connection: Connection,
    *,
    action: str,
    item: str,
    actor: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    CUSTODY.append(
        connection, actor=actor or current_actor(), action=action, subject=item, details=details
    )


def sign_heads(casebook: Casebook, connection: Connection) -> list[heads.TreeHead]:
    """Sign the current head of every log and keep it in the database."""
    from rightsledger import merkle

    key = heads.load_signing_key(casebook.signing_key_path)
    signed = []
    for ledger in LOGS.values():
        leaves = ledger.leaves(connection)
        head = heads.sign(key, log=ledger.name, size=len(leaves), root=merkle.root(leaves).hex())
        latest = connection.execute(
            select(tree_heads.c.size, tree_heads.c.root)
            .where(tree_heads.c.log == ledger.name)
            .order_by(tree_heads.c.id.desc())
            .limit(1)
        ).first()
        if latest is None or (latest[0], latest[1]) != (head.size, head.root):
            connection.execute(
                tree_heads.insert().values(
                    log=head.log,
                    size=head.size,
                    root=head.root,
                    signed_at=head.signed_at,
                    public_key=head.public_key,
                    signature=head.signature,
                )
            )
        signed.append(head)
    return signed


def stored_heads(connection: Connection) -> list[heads.TreeHead]:
    rows = connection.execute(select(tree_heads).order_by(tree_heads.c.id)).mappings()
    return [
        heads.TreeHead(
            log=r["log"],
            size=r["size"],
            root=r["root"],
            signed_at=r["signed_at"],
            public_key=r["public_key"],
            signature=r["signature"],
        )
        for r in rows
    ]
