"""Alembic environment: the engine comes from rightsledger, never from a config file."""

from __future__ import annotations

from alembic import context

from rightsledger.model import Base

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    is_sqlite = connection.dialect.name == "sqlite"
    if is_sqlite:
        # Batch mode rebuilds tables by copy-and-rename, which foreign-key enforcement would
        # block; it is switched off for the migration only (outside any transaction, where SQLite
        # honours it) and the keys are checked before it is switched back on.
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # The full-text index is created by dialect-specific DDL, outside the ORM metadata.
        include_name=lambda name, type_, _parent: (
            not (type_ == "table" and str(name).startswith("document_search"))
        ),
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
    if is_sqlite:
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        connection.commit()
        raw.execute("PRAGMA foreign_keys=ON")
        if broken:
            raise RuntimeError(f"migration left {len(broken)} broken foreign keys: {broken[:3]}")
