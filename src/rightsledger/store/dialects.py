"""Everything that differs between SQLite and PostgreSQL lives here, and nowhere else.

Domain code and the importer speak SQLAlchemy; a ``Dialect`` prepares engines, creates databases
and (as later stages arrive) supplies backend-specific DDL such as append-only triggers and
full-text indexes.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from rightsledger.errors import CasebookError


class Dialect(ABC):
    name: str = ""

    def create_engine(self, url: URL) -> Engine:
        return create_engine(url)

    def ensure_database(self, url: URL) -> None:  # noqa: B027 - a no-op unless overridden
        """Create the database if it does not exist (when the server lets us)."""

    @abstractmethod
    def append_only_ddl(self, table: str) -> list[str]:
        """Statements that make the database itself refuse UPDATE and DELETE on ``table``."""

    def drop_append_only_ddl(self, table: str) -> list[str]:
        """What is left of ``append_only_ddl`` after its table is dropped."""
        return []

    @abstractmethod
    def search_table_ddl(self) -> list[str]:
        """The full-text index of document text (stems computed in Python, same on both)."""

    @abstractmethod
    def search_query(self) -> str:
        """SQL with :query (space-separated stems, all required) and :limit parameters,
        returning (document_id, rank) with the best first."""

    def reset_sequences(  # noqa: B027 - a no-op unless the backend has sequences
        self, connection: Connection, tables: Sequence[Table]
    ) -> None:
        """Make new rows get ids past those inserted explicitly (by a restore, say)."""

    def refresh_statistics(  # noqa: B027 - a no-op unless the planner needs telling
        self, connection: Connection, tables: Sequence[str]
    ) -> None:
        """After a bulk load: let the query planner know the tables' new sizes."""


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

    def append_only_ddl(self, table: str) -> list[str]:
        return [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END",
        ]

    def search_table_ddl(self) -> list[str]:
        return [
            "CREATE VIRTUAL TABLE document_search USING fts5("
            "stems, document_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')"
        ]

    def search_query(self) -> str:
        # bm25() is smaller for better matches.
        return (
            "SELECT CAST(document_id AS INTEGER), bm25(document_search) AS rank "
            "FROM document_search WHERE document_search MATCH :query "
            "ORDER BY rank LIMIT :limit"
        )


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

    def append_only_ddl(self, table: str) -> list[str]:
        # A trigger binds even the table's owner and superusers, unlike privileges; someone who
        # drops it is still caught by the hash chain and the signed heads.
        return [
            f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '{table} is append-only'; END $$",
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
        ]

    def drop_append_only_ddl(self, table: str) -> list[str]:
        return [f"DROP FUNCTION IF EXISTS {table}_append_only()"]

    def search_table_ddl(self) -> list[str]:
        return [
            "CREATE TABLE document_search ("
            "document_id INTEGER PRIMARY KEY REFERENCES documents(id), stems TEXT NOT NULL, "
            "tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED)",
            "CREATE INDEX ix_document_search_tsv ON document_search USING GIN (tsv)",
        ]

    def search_query(self) -> str:
        return (
            "SELECT document_id, -ts_rank(tsv, query) AS rank "
            "FROM document_search, plainto_tsquery('simple', :query) AS query "
            "WHERE tsv @@ query ORDER BY rank LIMIT :limit"
        )

    def reset_sequences(self, connection: Connection, tables: Sequence[Table]) -> None:
        # SERIAL sequences do not see explicit ids; SQLite needs nothing (it uses max(rowid)).
        for table in tables:
            column = table.autoincrement_column
            if column is None:
                continue
            # Names come from the model's metadata, never from input.
            highest = f"MAX({column.name})"
            statement = (
                "SELECT setval(pg_get_serial_sequence(:table, :column), "  # noqa: S608
                f"COALESCE({highest}, 1), {highest} IS NOT NULL) FROM {table.name}"
            )
            connection.execute(text(statement), {"table": table.name, "column": column.name})

    def refresh_statistics(self, connection: Connection, tables: Sequence[str]) -> None:
        # Without statistics (autovacuum off, or not yet run) the planner guesses, and the
        # generic plans of prepared statements can fall back to scanning whole tables.
        for table in tables:
            connection.execute(text(f'ANALYZE "{table}"'))


def dialect_named(name: str) -> Dialect:
    """The dialect of an open connection (migrations know only the backend's name)."""
    dialects: dict[str, type[Dialect]] = {"sqlite": SQLiteDialect, "postgresql": PostgresDialect}
    if name not in dialects:
        raise CasebookError(f"unsupported database {name!r}: use SQLite or PostgreSQL")
    return dialects[name]()


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
