"""The casebook's key-encryption key (KEK): created, found, checked, rotated.

The KEK never lives in the casebook directory. It is either a key file kept apart (on a token, in
the user's configuration directory, with a custodian) or derived from a passphrase with Argon2id.
The casebook's config keeps only what is needed to recognise the right key: its id, a check value
and, for a passphrase, the salt and cost parameters.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from platformdirs import user_config_dir

from rightsledger.errors import UserError

KEY_FORMAT = "rightsledger-key/1"
ENV_KEY_FILE = "RIGHTSLEDGER_KEY_FILE"
# For scripts and tests; prefer a prompt or a key file. (The name of a variable, not a secret.)
ENV_PASSPHRASE = "RIGHTSLEDGER_PASSPHRASE"  # noqa: S105
KEY_BYTES = 32
# Argon2id for deriving a KEK from a passphrase: well above OWASP's minimum (19 MiB, t=2, p=1)
# because this key guards identities, and it is derived once per command, not per request.
KDF_MEMORY_KIB = 64 * 1024
KDF_ITERATIONS = 3
KDF_PARALLELISM = 1
_CHECK_LABEL = b"rightsledger key check v1"


@dataclass(frozen=True)
class KeySettings:
    """What the casebook config says about its key (no secret in here)."""

    source: str  # "file" or "passphrase"
    key_id: str
    check: str
    salt: str | None = None
    memory_kib: int = KDF_MEMORY_KIB
    iterations: int = KDF_ITERATIONS
    parallelism: int = KDF_PARALLELISM


class Keyring:
    """An unlocked KEK: wraps and unwraps per-record data keys."""

    def __init__(self, kek: bytes, key_id: str, source: Path | None = None) -> None:
        self._aead = AESGCM(kek)
        self._kek = kek
        self.key_id = key_id
        self.source = source  # the key file it came from; None for a passphrase

    def wrap(self, owner: str, data_key: bytes) -> str:
        nonce = secrets.token_bytes(12)
        sealed = self._aead.encrypt(nonce, data_key, f"data-key|{owner}|{self.key_id}".encode())
        return base64.b64encode(nonce + sealed).decode()

    def unwrap(self, owner: str, wrapped: str, key_id: str) -> bytes:
        if key_id != self.key_id:
            raise UserError(f"the data key of {owner} is wrapped by key {key_id}, not this one")
        blob = base64.b64decode(wrapped)
        return self._aead.decrypt(blob[:12], blob[12:], f"data-key|{owner}|{key_id}".encode())

    def relocated(self, source: Path | None) -> Keyring:
        """The same key, read from another file (after a key file was moved into place)."""
        return Keyring(self._kek, self.key_id, source=source)

    def check_value(self) -> str:
        return hmac.new(self._kek, _CHECK_LABEL, hashlib.sha256).hexdigest()


def new_key_id() -> str:
    return secrets.token_hex(8)


def default_key_path(casebook_id: str) -> Path:
    return Path(user_config_dir("rightsledger")) / "keys" / f"{casebook_id}.key"


def write_key_file(path: Path, kek: bytes, key_id: str) -> None:
    if path.exists():
        raise UserError(f"{path} already exists; choose a new file for the key")
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"format": KEY_FORMAT, "key_id": key_id, "key": base64.b64encode(kek).decode()}
    # Owner-only from the first byte: the key never exists on disk with wider permissions.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(json.dumps(document) + "\n")


def read_key_file(path: Path) -> tuple[bytes, str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != KEY_FORMAT:
            raise ValueError("unknown format")
        kek = base64.b64decode(document["key"])
        key_id = str(document["key_id"])
    except FileNotFoundError:
        raise UserError(f"{path}: no such key file") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UserError(f"{path}: not a rightsledger key file ({error})") from None
    if len(kek) != KEY_BYTES:
        raise UserError(f"{path}: the key has the wrong length")
    return kek, key_id


def derive_from_passphrase(passphrase: str, settings: KeySettings) -> bytes:
    if settings.salt is None:
        raise UserError("the casebook config has no salt for its passphrase")
    return hash_secret_raw(
        passphrase.encode(),
        bytes.fromhex(settings.salt),
        time_cost=settings.iterations,
        memory_cost=settings.memory_kib,
        parallelism=settings.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def create_with_file(path: Path) -> tuple[Keyring, KeySettings]:
    kek, key_id = secrets.token_bytes(KEY_BYTES), new_key_id()
    write_key_file(path, kek, key_id)
    keyring = Keyring(kek, key_id, source=path)
    return keyring, KeySettings(source="file", key_id=key_id, check=keyring.check_value())


def create_with_passphrase(passphrase: str) -> tuple[Keyring, KeySettings]:
    if len(passphrase) < 12:
        raise UserError("the passphrase must be at least 12 characters long")
    draft = KeySettings(
        source="passphrase", key_id=new_key_id(), check="", salt=secrets.token_hex(16)
    )
    keyring = Keyring(derive_from_passphrase(passphrase, draft), draft.key_id)
    settings = KeySettings(**{**draft.__dict__, "check": keyring.check_value()})
    return keyring, settings


def unlock(
    settings: KeySettings,
    *,
    casebook_id: str,
    prompt: Callable[[str], str] | None = None,
) -> Keyring | None:
    """Find and check the key; None when none is available (commands then show pseudonyms).

    Order: $RIGHTSLEDGER_KEY_FILE, the default key file, then a passphrase from
    $RIGHTSLEDGER_PASSPHRASE or a prompt when a terminal is attached; never a hang without one.
    """
    candidates = []
    if os.environ.get(ENV_KEY_FILE):
        candidates.append(Path(os.environ[ENV_KEY_FILE]))
    if settings.source == "file":
        candidates.append(default_key_path(casebook_id))
    for path in candidates:
        if not path.exists():
            continue
        kek, key_id = read_key_file(path)
        keyring = Keyring(kek, key_id, source=path)
        if key_id != settings.key_id or not hmac.compare_digest(
            keyring.check_value(), settings.check
        ):
            raise UserError(
                f"{path} is not this casebook's key (key id {key_id}, "
                f"the casebook uses {settings.key_id})"
            )
        return keyring
    if settings.source != "passphrase":
        return None
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if passphrase is None and prompt is not None and sys.stdin.isatty():
        passphrase = prompt("Casebook passphrase")
    if passphrase is None:
        return None
    keyring = Keyring(derive_from_passphrase(passphrase, settings), settings.key_id)
    if not hmac.compare_digest(keyring.check_value(), settings.check):
        raise UserError("wrong passphrase for this casebook")
    return keyring
