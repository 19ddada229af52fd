"""Operations on a casebook's key: rotate it, or destroy it (lock) once a backup exists."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update

from rightsledger.errors import UserError
from rightsledger.model import Backup, DataKey, Event, Person
from rightsledger.protect.keys import KeySettings, create_with_file, create_with_passphrase
from rightsledger.store.casebook import CONFIG_NAME, Casebook, CasebookConfig
from rightsledger.vault import custody


@dataclass(frozen=True)
class Rotation:
    old_key_id: str
    new_key_id: str
    rewrapped: int
    key_file: Path | None


def rotate(
    casebook: Casebook,
    *,
    new_key_file: Path | None = None,
    passphrase: str | None = None,
    actor: str,
) -> Rotation:
    """Re-wrap every data key under a new KEK; the old key then opens nothing in the casebook.

    Fields are not re-encrypted (their data keys do not change): that is what makes rotation
    cheap and safe to schedule. After a suspected compromise of data keys themselves, re-import
    the records instead so that they get new data keys.
    """
    old = casebook.keyring
    if old is None or casebook.config.key is None:
        raise UserError("rotating needs the current key (set RIGHTSLEDGER_KEY_FILE)")
    replacing = None
    if passphrase is not None:
        new, settings = create_with_passphrase(passphrase)
    else:
        target = new_key_file
        if target is None:
            if old.source is None:
                raise UserError("give --key-file for the new key")
            # Write beside the old file and swap only after the database has the new wraps.
            replacing = old.source
            target = old.source.with_name(old.source.name + f".new-{secrets.token_hex(4)}")
        new, settings = create_with_file(target)
    config = CasebookConfig(**{**casebook.config.__dict__, "key": settings})
    staged = casebook.path / (CONFIG_NAME + ".new")
    staged.write_text(config.to_toml(), encoding="utf-8")
    try:
        with casebook.engine.begin() as connection:
            rows = connection.execute(
                select(DataKey.id, DataKey.owner, DataKey.kek_id, DataKey.wrapped)
            ).all()
            for key_id, owner, kek_id, wrapped in rows:
                data_key = old.unwrap(owner, wrapped, kek_id)
                connection.execute(
                    update(DataKey)
                    .where(DataKey.id == key_id)
                    .values(kek_id=new.key_id, wrapped=new.wrap(owner, data_key))
                )
            custody.AUDIT.append(
                connection,
                actor=actor,
                action="key_rotated",
                subject="casebook",
                details={
                    "old_key_id": old.key_id,
                    "new_key_id": new.key_id,
                    "data_keys": len(rows),
                },
            )
    except BaseException:
        staged.unlink(missing_ok=True)
        if new.source is not None:
            new.source.unlink(missing_ok=True)
        raise
    os.replace(staged, casebook.path / CONFIG_NAME)
    key_file = new.source
    if replacing is not None and new.source is not None:
        os.replace(new.source, replacing)
        key_file = replacing
    casebook.config = config
    casebook.use_keyring(new.relocated(key_file))
    return Rotation(
        old_key_id=old.key_id, new_key_id=new.key_id, rewrapped=len(rows), key_file=key_file
    )


def lock(casebook: Casebook, *, actor: str) -> list[str]:
    """Destroy the local key material, leaving only ciphertext; needs a backup newer than data."""
    settings = casebook.config.key
    if settings is None:
        raise UserError("this casebook has no key to destroy")
    with casebook.reader() as session:
        latest_backup = session.scalar(select(func.max(Backup.created_at)))
        latest_change = max(
            (
                value
                for value in (
                    session.scalar(select(func.max(Person.updated_at))),
                    session.scalar(select(func.max(Event.updated_at))),
                )
                if value is not None
            ),
            default=None,
        )
    if latest_backup is None:
        raise UserError(
            "no encrypted backup of this casebook exists; run `rightsledger backup` "
            "first: locking destroys the key"
        )
    if latest_change is not None and latest_change > latest_backup:
        raise UserError("records changed after the latest backup; back up again before locking")
    destroyed = []
    keyring = casebook.keyring
    if keyring is not None and keyring.source is not None and keyring.source.exists():
        _shred(keyring.source)
        destroyed.append(str(keyring.source))
    if settings.source == "passphrase":
        # Without the salt the passphrase derives nothing; the backups keep their own copy.
        stripped = KeySettings(**{**settings.__dict__, "salt": None})
        config = CasebookConfig(**{**casebook.config.__dict__, "key": stripped})
        (casebook.path / CONFIG_NAME).write_text(config.to_toml(), encoding="utf-8")
        destroyed.append("the passphrase salt in casebook.toml")
    with casebook.engine.begin() as connection:
        custody.AUDIT.append(
            connection,
            actor=actor,
            action="locked",
            subject="casebook",
            details={"destroyed": destroyed},
        )
    casebook.use_keyring(None)
    return destroyed


def _shred(path: Path) -> None:
    # Overwriting is best effort on journaling and flash storage; the guarantee is that the
    # key was only ever in this one file, never in the casebook, its logs or its backups.
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(secrets.token_bytes(size))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
