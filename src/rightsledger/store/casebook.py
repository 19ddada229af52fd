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

import os
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from rightsledger.errors import CasebookError
from rightsledger.heads import create_signing_key
from rightsledger.store import migrate
from rightsledger.store.dialects import Dialect, dialect_for

CONFIG_NAME = "casebook.toml"
SQLITE_NAME = "casebook.db"
BLOBS_NAME = "blobs"
KEYS_NAME = "keys"
SIGNING_KEY_NAME = "log-signing.pem"
FORMAT_VERSION = 1
ENV_CASEBOOK = "RIGHTSLEDGER_CASEBOOK"


@dataclass(frozen=True)
class CasebookConfig:
    format: int
    database: str  # "sqlite" for the embedded file, otherwise a SQLAlchemy URL

    def to_toml(self) -> str:
        # Two flat keys do not justify a TOML writer dependency; json-style quoting is valid TOML.
        database = self.database.replace("\\", "\\\\").replace('"', '\\"')
        return (
            "# rightsledger casebook: keep this file with the directory.\n"
            f"format = {self.format}\n"
            f'database = "{database}"\n'
        )

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
        return cls(format=fmt, database=database)


class Casebook:
    """An open casebook: its paths, its engine and a session factory."""

    def __init__(self, path: Path, config: CasebookConfig) -> None:
        self.path = path
        self.config = config
        self.url = self._url()
        self.dialect: Dialect = dialect_for(self.url)
        self.engine: Engine = self.dialect.create_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def _url(self) -> URL:
        if self.config.database == "sqlite":
            return URL.create("sqlite", database=str(self.path / SQLITE_NAME))
        return parse_database_url(self.config.database)

    @property
    def blobs(self) -> Path:
        return self.path / BLOBS_NAME

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
    def create(cls, path: Path, *, database: str | None = None) -> Casebook:
        """Make a new casebook at ``path`` (an empty or missing directory) at the latest schema."""
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
        config = CasebookConfig(format=FORMAT_VERSION, database=stored)
        path.mkdir(parents=True, exist_ok=True)
        (path / BLOBS_NAME).mkdir(exist_ok=True)
        create_signing_key(path / KEYS_NAME / SIGNING_KEY_NAME)
        casebook = cls(path, config)
        try:
            migrate.ensure_empty(casebook.engine)
            migrate.upgrade(casebook.engine)
        except BaseException:
            casebook.close()
            raise
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
