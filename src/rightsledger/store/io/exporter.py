"""Write the records of one kind as CSV or JSON lines, in the columns the importer reads.

Exports are the importer's inverse: importing an export into a new casebook and exporting again
gives the same bytes. Internal ids never appear; references are external ids.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.model import PersonName, ProceedingTarget
from rightsledger.store.io.columns import (
    LIST_SEPARATOR,
    SINGULAR,
    ExportNames,
    NamePart,
    References,
)
from rightsledger.store.io.importer import TARGET_COLUMNS
from rightsledger.store.io.kinds import KINDS, Kind
from rightsledger.store.io.reading import FileFormat


def _external_ids(session: Session, kind: str) -> dict[int, str]:
    model = KINDS[kind].model
    return dict(session.execute(select(model.id, model.external_id)).all())


class _Children:
    """Names of persons and targets of proceedings, fetched once per export."""

    def __init__(self, session: Session, kind: Kind, names: ExportNames) -> None:
        self.names: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.targets: dict[int, list[str]] = defaultdict(list)
        if any(isinstance(column, NamePart) for column in kind.columns):
            query = select(PersonName.person_id, PersonName.part, PersonName.value).order_by(
                PersonName.person_id, PersonName.part, PersonName.position
            )
            for person_id, part, value in session.execute(query):
                self.names[person_id][part].append(value)
        if any(isinstance(column, References) for column in kind.columns):
            targets = select(ProceedingTarget).order_by(
                ProceedingTarget.proceeding_id, ProceedingTarget.position
            )
            for target in session.scalars(targets):
                for target_kind, attr in TARGET_COLUMNS.items():
                    target_id = getattr(target, attr)
                    if target_id is not None:
                        self.targets[target.proceeding_id].append(
                            names.reference(target_kind, target_id, prefixed=True)
                        )


def records(
    session: Session, kind: Kind, *, where: Mapping[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Each record of ``kind`` as a dict of typed values keyed by file column, in creation order."""
    table = kind.model.__table__
    query = select(table).order_by(table.c.id)
    for key, value in (where or {}).items():
        query = query.where(table.c[key] == value)
    names = ExportNames(lookup=lambda target: _external_ids(session, target))
    children = _Children(session, kind, names)
    for row in session.execute(query).mappings():
        yield {column.name: _cell(column, row, names, children) for column in kind.columns}


def _cell(column: Any, row: Any, names: ExportNames, children: _Children) -> Any:
    if isinstance(column, NamePart):
        values = children.names.get(row["id"], {}).get(column.part, [])
        if column.multiple:
            return values or None
        return values[0] if values else None
    if isinstance(column, References):
        return children.targets.get(row["id"]) or None
    return column.dump(row, names)


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def write(session: Session, kind: Kind, out: TextIO, file_format: FileFormat) -> int:
    """Write every record of ``kind``; returns how many."""
    count = 0
    if file_format is FileFormat.CSV:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(kind.column_names)
        for record in records(session, kind):
            writer.writerow([csv_cell(value) for value in record.values()])
            count += 1
    elif file_format is FileFormat.JSONL:
        for record in records(session, kind):
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            count += 1
    else:
        items = [json.dumps(record, ensure_ascii=False) for record in records(session, kind)]
        out.write("[\n" + ",\n".join(items) + ("\n" if items else "") + "]\n")
        count = len(items)
    return count


def render(session: Session, kind: Kind, file_format: FileFormat) -> str:
    buffer = io.StringIO()
    write(session, kind, buffer, file_format)
    return buffer.getvalue()


__all__ = ["SINGULAR", "csv_cell", "records", "render", "write"]
