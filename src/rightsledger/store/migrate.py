"""Alembic migrations driven from code: no alembic.ini, the scripts ship inside the package."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:  # Alembic is only needed to migrate, not to open a casebook
    from alembic.config import Config

from rightsledger.errors import CasebookError


def _config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("rightsledger.store") / "migrations"))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:  # only possible if the package lost its migration scripts
        raise CasebookError("rightsledger has no migrations installed; reinstall the package")
    return head


def current_revision(engine: Engine) -> str | None:
    # Read alembic's own table directly: opening a casebook should not load the migration tool.
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(_config(engine), revision)


def ensure_empty(engine: Engine) -> None:
    """Refuse to initialise over a database that already holds tables."""
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
    if tables:
        raise CasebookError(
            f"the database already holds {len(tables)} tables; use an empty database "
            "or open the existing casebook"
        )


def check_current(engine: Engine) -> None:
    current, head = current_revision(engine), head_revision()
    if current != head:
        raise CasebookError(
            f"this casebook's schema is at revision {current or 'none'}, rightsledger expects "
            f"{head}; run `rightsledger upgrade` (after a backup)"
        )
