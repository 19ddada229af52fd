"""Everything that differs between SQLite and PostgreSQL lives here, and nowhere else.

Domain code and the importer speak SQLAlchemy; a ``Dialect`` prepares engines, creates databases
and (as later stages arrive) supplies backend-specific DDL such as append-only triggers and
full-text indexes.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from rightsledger.errors import CasebookError


class Dialect:
    name: str = ""

    def create_engine(self, url: URL) -> Engine:
        return create_engine(url)

    def ensure_database(self, url: URL) -> None:
        """Create the database if it does not exist (when the server lets us)."""


class SQLiteDialect(Dialect):
    """The embedded default: one file per casebook, WAL, foreign keys, secure delete."""

    name = "sqlite"

    def create_engine(self, url: URL) -> Engine:
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            # pysqlite's own transaction handling skips BEGIN for some statements; turning it
            # off and issuing BEGIN ourselves (below) makes every session a real transaction,
            # which is what all-or-nothing imports rely on.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            # Deleted identities must not linger in free pages of the file.
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute("PRAGMA busy_timeout=10000")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine


class PostgresDialect(Dialect):
    """Shared multi-user deployments."""

    name = "postgresql"

    def create_engine(self, url: URL) -> Engine:
        return create_engine(url, pool_pre_ping=True)

    def ensure_database(self, url: URL) -> None:
        database = url.database
        if not database:
            raise CasebookError(f"the PostgreSQL URL {url.render_as_string()!r} names no database")
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                exists = connection.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
                ).scalar()
                if not exists:
                    quoted = connection.dialect.identifier_preparer.quote(database)
                    connection.execute(text(f"CREATE DATABASE {quoted}"))
        except OperationalError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise CasebookError(
                f"cannot reach PostgreSQL at {url.host}:{url.port or 5432}: {reason}"
            ) from error
        finally:
            admin.dispose()


def dialect_for(url: str | URL) -> Dialect:
    parsed = make_url(url) if isinstance(url, str) else url
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return SQLiteDialect()
    if backend == "postgresql":
        if parsed.get_driver_name() not in ("psycopg", "psycopg2"):
            raise CasebookError(
                "use a postgresql+psycopg:// URL (the psycopg 3 driver ships with rightsledger)"
            )
        return PostgresDialect()
    raise CasebookError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")
