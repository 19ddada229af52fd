"""A logical snapshot of a casebook's tables: typed JSON lines, table by table.

The dump is logical (rows, not database pages) so that a backup made on SQLite restores into
PostgreSQL and back. Each table is written in parts of at most ``PART_ROWS`` rows so that neither
the backup nor the restore ever holds a large table in memory. A part is one header line naming
the columns and how their values are encoded, then one JSON array per row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, insert, inspect, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import TypeDecorator, TypeEngine

from rightsledger.errors import UserError
from rightsledger.model import Base

PART_ROWS = 5000
ALEMBIC_TABLE = "alembic_version"
# Tables outside the ORM metadata that a restore rebuilds rather than copies.
REBUILT_PREFIXES = ("document_search",)
PLAIN, DATE, DATETIME = "plain", "date", "datetime"


def tables() -> list[Table]:
    """Every table of the model, parents before children (foreign-key order)."""
    return list(Base.metadata.sorted_tables)


def column_kind(column_type: TypeEngine[Any]) -> str:
    base = column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(base, DateTime):
        return DATETIME
    if isinstance(base, Date):
        return DATE
    return PLAIN


def encode(value: Any, kind: str) -> Any:
    if value is None or kind == PLAIN:
        return value
    if kind == DATETIME:
        # SQLite's CURRENT_TIMESTAMP gives naive UTC; every instant leaves here aware and in UTC.
        moment: dt.datetime = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).isoformat()
    return value.isoformat()


def decode(value: Any, kind: str) -> Any:
    if value is None or kind == PLAIN:
        return value
    if kind == DATETIME:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


def check_known_tables(connection: Connection) -> None:
    """Refuse to back up a database holding tables this version cannot restore."""
    known = {table.name for table in tables()} | {ALEMBIC_TABLE}
    unknown = [
        name
        for name in inspect(connection).get_table_names()
        if name not in known and not name.startswith(REBUILT_PREFIXES)
    ]
    if unknown:
        raise UserError(
            f"the database holds tables this rightsledger does not know ({', '.join(unknown)}); "
            "back it up with the version that made them"
        )


def revision(connection: Connection) -> str | None:
    row = connection.execute(text(f"SELECT version_num FROM {ALEMBIC_TABLE}")).first()  # noqa: S608 - a constant name
    return str(row[0]) if row else None


@dataclass(frozen=True)
class Part:
    table: str
    number: int
    rows: int
    body: bytes


def dump_table(connection: Connection, table: Table) -> Iterator[Part]:
    """The rows of ``table`` in primary-key order, as parts of typed JSON lines."""
    kinds = [column_kind(column.type) for column in table.columns]
    header = {
        "table": table.name,
        "columns": [column.name for column in table.columns],
        "kinds": kinds,
    }
    header_line = json.dumps(header, ensure_ascii=False).encode() + b"\n"
    query = select(table).order_by(*table.primary_key.columns)
    lines: list[bytes] = []
    number = 0
    for row in connection.execute(query):
        values = [encode(value, kind) for value, kind in zip(row, kinds, strict=True)]
        lines.append(json.dumps(values, ensure_ascii=False).encode() + b"\n")
        if len(lines) == PART_ROWS:
            number += 1
            yield Part(table.name, number, len(lines), header_line + b"".join(lines))
            lines = []
    if lines or number == 0:
        yield Part(table.name, number + 1, len(lines), header_line + b"".join(lines))


def parse_part(table: Table, lines: Iterable[bytes], *, source: str) -> Iterator[dict[str, Any]]:
    """Rows of one part as column → value, checked against the table this version defines."""
    iterator = iter(lines)
    try:
        header = json.loads(next(iterator))
    except (StopIteration, ValueError) as error:
        raise UserError(f"{source}: the table part has no readable header") from error
    expected = [column.name for column in table.columns]
    if header.get("columns") != expected:
        raise UserError(
            f"{source}: the columns of {table.name} differ from this rightsledger's "
            f"({header.get('columns')} against {expected})"
        )
    kinds: Sequence[str] = header.get("kinds", [])
    for number, line in enumerate(iterator, start=2):
        try:
            values = json.loads(line)
            yield {
                name: decode(value, kind)
                for name, value, kind in zip(expected, values, kinds, strict=True)
            }
        except (ValueError, TypeError) as error:
            raise UserError(f"{source} line {number}: not a row of {table.name}") from error


class TableLoader:
    """Inserts the rows of one table, holding back rows that point at rows not yet inserted.

    Rows are dumped in id order, but a record may point at a later one of its own kind (an
    event's parent created after it); such a row goes in without the pointer, which is set once
    the whole table is in. Columns that change on update are restored to their dumped values.
    """

    BATCH = 1000

    def __init__(self, connection: Connection, table: Table) -> None:
        self.connection = connection
        self.table = table
        self.rows = 0
        self._pending: list[dict[str, Any]] = []
        self._late: list[dict[str, Any]] = []
        self._seen: set[Any] = set()
        self._self_refs = [
            (key.parent.name, key.column.name)
            for key in table.foreign_keys
            if key.column.table is table
        ]
        self._touched_on_update = [c.name for c in table.columns if c.onupdate is not None]
        primary = list(table.primary_key.columns)
        self._primary = primary[0].name if len(primary) == 1 else None

    def add(self, row: dict[str, Any]) -> None:
        if self._self_refs and self._primary is not None:
            ahead = {
                column: row[column]
                for column, target in self._self_refs
                if row[column] is not None
                and target == self._primary
                and row[column] not in self._seen
                and row[column] != row[self._primary]
            }
            self._seen.add(row[self._primary])
            if ahead:
                self._late.append(
                    {
                        self._primary: row[self._primary],
                        **ahead,
                        **{name: row[name] for name in self._touched_on_update},
                    }
                )
                row = {**row, **dict.fromkeys(ahead)}
        self._pending.append(row)
        self.rows += 1
        if len(self._pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._execute(insert(self.table), self._pending)
            self._pending = []

    def _execute(self, statement: Any, rows: list[dict[str, Any]] | None = None) -> None:
        try:
            self.connection.execute(statement, rows)
        except DBAPIError as error:
            # Crossing backends can meet a limit the source did not enforce (SQLite ignores
            # VARCHAR lengths); say which table, not a driver traceback.
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise UserError(
                f"rows of {self.table.name} cannot be stored in this database: {reason}"
            ) from None

    def finish(self) -> None:
        self._flush()
        if self._primary is None:
            return
        key = self.table.c[self._primary]
        for late in self._late:
            values = {name: value for name, value in late.items() if name != self._primary}
            self._execute(update(self.table).where(key == late[self._primary]).values(**values))
