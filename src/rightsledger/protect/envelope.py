"""Envelope encryption of identifying fields, and blind indexes for exact lookups.

Each record that holds identities gets its own data key (AES-256), wrapped by the casebook's KEK
and stored in ``data_keys``. A field is sealed with AES-256-GCM under its record's data key, with
the owner, the field and the data key's id bound in as associated data: a ciphertext copied into
another row or field fails to open. Rotating the KEK re-wraps data keys and touches no field.

Ciphertext text form: ``enc1:<data key id>:<base64(nonce ‖ ciphertext ‖ tag)>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, insert, select

from rightsledger.errors import RightsledgerError, UserError
from rightsledger.model import DataKey
from rightsledger.protect.keys import Keyring
from rightsledger.values import Name

PREFIX = "enc1:"
BLIND_INDEX_OWNER = "casebook:blind-index"
CHUNK = 500


class CannotDecrypt(RightsledgerError):
    status = 409
    code = "cannot_decrypt"


def is_ciphertext(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def pseudonym(owner: str) -> str:
    """A stable label for a protected record shown without the key (reveals only the owner)."""
    return "P-" + hashlib.sha256(owner.encode()).hexdigest()[:10]


class Protector:
    """Seals and opens fields within one database connection (one transaction)."""

    def __init__(self, connection: Connection, keyring: Keyring | None) -> None:
        self._connection = connection
        self._keyring = keyring
        self._keys: dict[str, tuple[int, bytes]] = {}

    @property
    def available(self) -> bool:
        return self._keyring is not None

    def _require(self) -> Keyring:
        if self._keyring is None:
            raise UserError(
                "this needs the casebook's key: set RIGHTSLEDGER_KEY_FILE to the key file, or "
                "run from a terminal to be asked for the passphrase"
            )
        return self._keyring

    def prepare(self, owners: Iterable[str]) -> None:
        """Load or create the data keys of many owners at once (bulk imports)."""
        keyring = self._require()
        wanted = [owner for owner in dict.fromkeys(owners) if owner not in self._keys]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            self._load(keyring, chunk)
            missing = [owner for owner in chunk if owner not in self._keys]
            if missing:
                rows = [
                    {
                        "owner": owner,
                        "kek_id": keyring.key_id,
                        "wrapped": keyring.wrap(owner, secrets.token_bytes(32)),
                    }
                    for owner in missing
                ]
                self._connection.execute(insert(DataKey), rows)
                self._load(keyring, missing)

    def preload(self, owners: Iterable[str]) -> None:
        """Open the existing data keys of many owners in one query before reading a page of
        them (a key per record, fetched one by one, would cost a round trip per row)."""
        if not self.available:
            return
        keyring = self._require()
        wanted = [owner for owner in dict.fromkeys(owners) if owner not in self._keys]
        for start in range(0, len(wanted), CHUNK):
            self._load(keyring, wanted[start : start + CHUNK])

    def _load(self, keyring: Keyring, owners: list[str]) -> None:
        rows = self._connection.execute(
            select(DataKey.id, DataKey.owner, DataKey.kek_id, DataKey.wrapped).where(
                DataKey.owner.in_(owners)
            )
        )
        for key_id, owner, kek_id, wrapped in rows:
            try:
                self._keys[owner] = (key_id, keyring.unwrap(owner, wrapped, kek_id))
            except InvalidTag:
                message = f"the data key of {owner} does not open with this key"
                raise CannotDecrypt(message) from None

    def _key(self, owner: str) -> tuple[int, bytes]:
        if owner not in self._keys:
            self.prepare([owner])
        return self._keys[owner]

    def encrypt(self, owner: str, field: str, plaintext: str) -> str:
        key_id, key = self._key(owner)
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), _aad(owner, field, key_id))
        return f"{PREFIX}{key_id}:{base64.b64encode(nonce + sealed).decode()}"

    def decrypt(self, owner: str, field: str, token: str) -> str:
        if not is_ciphertext(token):
            return token  # a casebook made before encryption, or a field never sealed
        try:
            key_text, body = token[len(PREFIX) :].split(":", 1)
            blob = base64.b64decode(body)
        except ValueError:
            raise CannotDecrypt(f"the {field} of {owner} is not a valid ciphertext") from None
        key_id, key = self._key(owner)
        if int(key_text) != key_id:
            raise CannotDecrypt(f"the {field} of {owner} was sealed for another record")
        try:
            plain = AESGCM(key).decrypt(blob[:12], blob[12:], _aad(owner, field, key_id))
        except InvalidTag:
            raise CannotDecrypt(
                f"the {field} of {owner} does not open: it was moved from another record or altered"
            ) from None
        return plain.decode()

    def reveal(self, owner: str, field: str, token: str | None) -> str | None:
        """Plaintext when the key is here, a pseudonym when it is not."""
        if token is None:
            return None
        if not is_ciphertext(token):
            return token
        if not self.available:
            return f"[protected {pseudonym(owner)}]"
        return self.decrypt(owner, field, token)

    def blind_index(self, text: str) -> str:
        return self.keyed_hash(Name.parse(text).match_key)

    def keyed_hash(self, text: str) -> str:
        """HMAC-SHA256 under the casebook's index key: equality without revealing the value."""
        _, key = self._key(BLIND_INDEX_OWNER)
        return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()

    def encrypt_bytes(self, owner: str, field: str, data: bytes) -> bytes:
        key_id, key = self._key(owner)
        nonce = secrets.token_bytes(12)
        return nonce + AESGCM(key).encrypt(nonce, data, _aad(owner, field, key_id))

    def decrypt_bytes(self, owner: str, field: str, data: bytes) -> bytes:
        key_id, key = self._key(owner)
        try:
            return AESGCM(key).decrypt(data[:12], data[12:], _aad(owner, field, key_id))
        except InvalidTag:
            raise CannotDecrypt(f"the {field} of {owner} does not open: altered or moved") from None


def _aad(owner: str, field: str, key_id: int) -> bytes:
    return f"{owner}|{field}|{key_id}".encode()
