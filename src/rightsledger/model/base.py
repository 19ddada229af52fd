"""Declarative base shared by every record table.

The naming convention gives every constraint a stable name, which Alembic needs to alter tables on
SQLite (batch mode recreates the table and must find constraints by name).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, TypeDecorator, event, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from rightsledger import vocab

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

EXTERNAL_ID_LENGTH = 200


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on both backends (SQLite would otherwise drop the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; give a timezone")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record(Base):
    """A record a user creates, imports and cites: it has a stable external id.

    ``external_id`` is the identifier users and partner systems know the record by; imports update
    by it, exports write it, and references between files use it. ``id`` never leaves the store.
    """

    __abstract__ = True
    # Each kind maps its coded columns to the vocabulary they draw from.
    __vocabularies__: dict[str, str] = {}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(EXTERNAL_ID_LENGTH), unique=True)
    published: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utc_now, server_default=func.current_timestamp()
    )
    # Indexed: the web app's cached figures are keyed on the latest change of each table.
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime,
        default=utc_now,
        onupdate=utc_now,
        server_default=func.current_timestamp(),
        index=True,
    )


def check_vocabularies(record: Any) -> None:
    """Clean every coded column of a record against its vocabulary (slug or HURIDOCS code)."""
    for column, vocabulary in type(record).__vocabularies__.items():
        value = getattr(record, column)
        if value is not None:
            setattr(record, column, vocab.load(vocabulary).clean(str(value)))


@event.listens_for(Record, "before_insert", propagate=True)
@event.listens_for(Record, "before_update", propagate=True)
def _check_before_write(_mapper: Any, _connection: Any, target: Any) -> None:
    # Every ORM write passes here, so no code path stores an unknown vocabulary term.
    check_vocabularies(target)
