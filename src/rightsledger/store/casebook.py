"""A casebook is one dataset: a directory with its config, its database and its blobs.

```
PATH/
  casebook.toml   what the database is and which format this directory follows
  casebook.db     the records (SQLite, the embedded default) -- absent when on PostgreSQL
  blobs/          content-addressed originals (the evidence vault), write-once
  keys/           the Ed25519 key that signs the custody and audit log heads
```
"""

from __future__ import annotations

import copy
import getpass
import json
import os
import tomllib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from rightsledger.errors import CasebookError
from rightsledger.heads import create_signing_key
from rightsledger.protect.envelope import Protector
from rightsledger.protect.keys import (
    Keyring,
    KeySettings,
    create_with_file,
    create_with_passphrase,
    default_key_path,
    unlock,
)
from rightsledger.protect.policy import Identity, can_see_identities
from rightsledger.store import migrate
from rightsledger.store.dialects import Dialect, dialect_for

CONFIG_NAME = "casebook.toml"
SQLITE_NAME = "casebook.db"
BLOBS_NAME = "blobs"
KEYS_NAME = "keys"
SIGNING_KEY_NAME = "log-signing.pem"
FORMAT_VERSION = 2  # 2: casebook id and key settings (encryption of identities)
ENV_CASEBOOK = "RIGHTSLEDGER_CASEBOOK"


def _toml_value(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    return json.dumps(value)  # a JSON string literal is a valid TOML basic string


@dataclass(frozen=True)
class CasebookConfig:
    format: int
    database: str  # "sqlite" for the embedded file, otherwise a SQLAlchemy URL
    casebook_id: str = ""
    key: KeySettings | None = None  # None only in casebooks made before encryption

    def to_toml(self) -> str:
        # A handful of flat keys do not justify a TOML writer dependency.
        lines = [
            "# rightsledger casebook: keep this file with the directory. It holds no secret.",
            f"format = {self.format}",
            f"casebook_id = {_toml_value(self.casebook_id)}",
            f"database = {_toml_value(self.database)}",
        ]
        if self.key is not None:
            lines += ["", "[key]"]
            for name, value in asdict(self.key).items():
                if value is not None:
                    lines.append(f"{name} = {_toml_value(value)}")
        return "\n".join(lines) + "\n"

    @classmethod
    def read(cls, path: Path) -> CasebookConfig:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise CasebookError(f"{path}: not a readable casebook config ({error})") from error
        fmt, database = data.get("format"), data.get("database")
        if not isinstance(fmt, int) or not isinstance(database, str):
            raise CasebookError(f"{path}: needs integer 'format' and string 'database'")
        if fmt > FORMAT_VERSION:
            raise CasebookError(
                f"{path}: casebook format {fmt} is newer than this rightsledger understands "
                f"({FORMAT_VERSION}); upgrade rightsledger"
            )
        key = None
        if isinstance(data.get("key"), dict):
            try:
                key = KeySettings(**data["key"])
            except TypeError as error:
                raise CasebookError(f"{path}: the [key] section is malformed ({error})") from None
        return cls(
            format=fmt, database=database, casebook_id=str(data.get("casebook_id", "")), key=key
        )


class Casebook:
    """An open casebook: its paths, its engine and a session factory."""

    def __init__(self, path: Path, config: CasebookConfig) -> None:
        self.path = path
        self.config = config
        self.url = self._url()
        self.dialect: Dialect = dialect_for(self.url)
        self.engine: Engine = self.dialect.create_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._keyring: Keyring | None = None
        self._unlocked = False
        # Who is acting (set by the CLI or the web app after sign-in); None: the owner.
        self.identity: Identity | None = None

    def _url(self) -> URL:
        if self.config.database == "sqlite":
            return URL.create("sqlite", database=str(self.path / SQLITE_NAME))
        return parse_database_url(self.config.database)

    @property
    def blobs(self) -> Path:
        return self.path / BLOBS_NAME

    @property
    def keyring(self) -> Keyring | None:
        """The unlocked key-encryption key, or None when it is not available here."""
        if not self._unlocked:
            if self.config.key is not None:
                self._keyring = unlock(
                    self.config.key, casebook_id=self.config.casebook_id, prompt=_prompt
                )
            self._unlocked = True
        return self._keyring

    def acting_as(self, identity: Identity | None) -> Casebook:
        """This casebook as seen by ``identity``: same engine and key, its own acting user.

        The web app serves many users at once from one open casebook; each request works on
        such a view so that one user's identity never decides another's access.
        """
        view = copy.copy(self)
        view.identity = identity
        return view

    def use_keyring(self, keyring: Keyring | None) -> None:
        self._keyring, self._unlocked = keyring, True

    @property
    def encrypted(self) -> bool:
        return self.config.key is not None

    def protector(self, connection: Connection) -> Protector:
        """Seals and opens identities; for a role that may not see them, opens nothing."""
        if not can_see_identities(self.identity):
            return Protector(connection, None)
        return Protector(connection, self.keyring)

    @property
    def signing_key_path(self) -> Path:
        return self.path / KEYS_NAME / SIGNING_KEY_NAME

    @property
    def backend(self) -> str:
        return self.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back entirely on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Casebook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- life cycle -----------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        database: str | None = None,
        key_file: Path | None = None,
        passphrase: str | None = None,
    ) -> Casebook:
        """Make a new casebook at ``path`` (an empty or missing directory) at the latest schema.

        Its key is written to ``key_file``, or derived from ``passphrase``, or (with neither)
        written to the user's configuration directory, outside the casebook.
        """
        path = path.expanduser().resolve()
        if path.exists() and not path.is_dir():
            raise CasebookError(f"{path} exists and is not a directory")
        if path.exists() and any(path.iterdir()):
            raise CasebookError(f"{path} is not empty; choose a new directory for the casebook")
        if database is not None:
            url = parse_database_url(database)
            dialect_for(url).ensure_database(url)
            stored = url.render_as_string(hide_password=False)
        else:
            stored = "sqlite"
        if key_file is not None and passphrase is not None:
            raise CasebookError("give either a key file or a passphrase, not both")
        key_path = key_file.expanduser().resolve() if key_file else None
        if key_path is not None and key_path.exists():
            raise CasebookError(f"{key_path} already exists; choose a new file for the key")
        casebook_id = uuid.uuid4().hex
        draft = CasebookConfig(format=FORMAT_VERSION, database=stored, casebook_id=casebook_id)
        path.mkdir(parents=True, exist_ok=True)
        (path / BLOBS_NAME).mkdir(exist_ok=True)
        create_signing_key(path / KEYS_NAME / SIGNING_KEY_NAME)
        casebook = cls(path, draft)
        try:
            migrate.ensure_empty(casebook.engine)
            migrate.upgrade(casebook.engine)
            # The key is made only once the database is ready, so a failed initialisation
            # leaves no orphan key behind.
            if passphrase is not None:
                keyring, settings = create_with_passphrase(passphrase)
            else:
                keyring, settings = create_with_file(key_path or default_key_path(casebook_id))
        except BaseException:
            casebook.close()
            raise
        casebook.config = config = CasebookConfig(**{**draft.__dict__, "key": settings})
        casebook.use_keyring(keyring)
        # The config is written last: a directory without it is not a casebook, so a failed
        # initialisation never leaves something that looks usable.
        (path / CONFIG_NAME).write_text(config.to_toml(), encoding="utf-8")
        return casebook

    @classmethod
    def open(cls, path: Path, *, check_revision: bool = True) -> Casebook:
        path = path.expanduser().resolve()
        config_path = path / CONFIG_NAME
        if not config_path.is_file():
            raise CasebookError(
                f"{path} is not a casebook (no {CONFIG_NAME}); create one with `rightsledger init`"
            )
        casebook = cls(path, CasebookConfig.read(config_path))
        if check_revision:
            try:
                migrate.check_current(casebook.engine)
            except BaseException:
                casebook.close()
                raise
        return casebook

    def upgrade(self) -> tuple[str | None, str]:
        """Migrate the database to the latest revision; returns (before, after)."""
        before = migrate.current_revision(self.engine)
        migrate.upgrade(self.engine)
        return before, migrate.head_revision()


def _prompt(label: str) -> str:
    return getpass.getpass(f"{label}: ")


def parse_database_url(database: str) -> URL:
    try:
        return make_url(database)
    except ArgumentError as error:
        raise CasebookError(f"{database!r} is not a database URL") from error


def locate(explicit: Path | None) -> Path:
    """Where the casebook is: ``--casebook``, then $RIGHTSLEDGER_CASEBOOK, then the current dir."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get(ENV_CASEBOOK)
    if from_env:
        return Path(from_env)
    return Path.cwd()
