"""Signed tree heads: a log's size and root, signed with the casebook's Ed25519 key.

A head kept outside the system (with a partner, in an email, on paper) is what makes the log
tamper-evident against someone who controls the database: the log must always extend it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from rightsledger.errors import InputError
from rightsledger.ledger import canonical, utc_stamp

HEAD_FORMAT = "rightsledger-tree-heads/1"


def create_signing_key(path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created with owner-only permissions from the first byte, never chmod-ed afterwards.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(pem)


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read the log signing key ({error})", source=str(path)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError("the log signing key is not an Ed25519 key", source=str(path))
    return key


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


@dataclass(frozen=True)
class TreeHead:
    log: str
    size: int
    root: str
    signed_at: str
    public_key: str
    signature: str

    def payload(self) -> bytes:
        return canonical(
            {"log": self.log, "size": self.size, "root": self.root, "signed_at": self.signed_at}
        )

    def signature_valid(self) -> bool:
        try:
            public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(self.public_key))
            public.verify(bytes.fromhex(self.signature), self.payload())
        except (InvalidSignature, ValueError):
            return False
        return True

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def sign(key: Ed25519PrivateKey, *, log: str, size: int, root: str) -> TreeHead:
    unsigned = TreeHead(
        log=log,
        size=size,
        root=root,
        signed_at=utc_stamp(),
        public_key=public_hex(key),
        signature="",
    )
    signature = key.sign(unsigned.payload()).hex()
    return TreeHead(**{**asdict(unsigned), "signature": signature})


def write_heads(path: Path, heads: list[TreeHead]) -> None:
    document = {"format": HEAD_FORMAT, "heads": [head.as_json() for head in heads]}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def read_heads(path: Path) -> list[TreeHead]:
    source = str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"not a tree-head file ({error})", source=source) from None
    if not isinstance(document, dict) or document.get("format") != HEAD_FORMAT:
        raise InputError(f"not a tree-head file (expected format {HEAD_FORMAT})", source=source)
    heads = []
    for item in document.get("heads", []):
        try:
            heads.append(
                TreeHead(
                    log=str(item["log"]),
                    size=int(item["size"]),
                    root=str(item["root"]),
                    signed_at=str(item["signed_at"]),
                    public_key=str(item["public_key"]),
                    signature=str(item["signature"]),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"a head is malformed ({error})", source=source) from None
    return heads
