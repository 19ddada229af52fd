"""Write the records of one kind as CSV or JSON lines, in the columns the importer reads.

Exports are the importer's inverse: importing an export into a new casebook and exporting again
gives the same bytes. Internal ids never appear; references are external ids.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from rightsledger.errors import UserError
from rightsledger.model import PersonName, ProceedingTarget
from rightsledger.protect.envelope import Protector
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

PUBLIC_THRESHOLD = 5


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
            for person_id, part, stored in session.execute(query):
                value: str | None = stored
                if names.protector is not None:
                    value = names.protector.reveal(
                        f"persons:{person_id}", f"person_names.{part}", stored
                    )
                self.names[person_id][part].append(value or "")
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


@dataclass
class ExportOptions:
    """How identities leave the casebook in an export."""

    protector: Protector | None = None
    # A fresh random key per export: pseudonyms are stable inside it, unlinkable across exports.
    pseudonymise: bool = False
    # Public outputs: only published records, and group sizes below the threshold suppressed.
    public: bool = False
    # Viewers: only records marked published, identities as the protector allows.
    published_only: bool = False
    threshold: int = PUBLIC_THRESHOLD
    pseudonym_key: bytes | None = None
    suppressed: int = 0

    def __post_init__(self) -> None:
        if (self.pseudonymise or self.public) and self.pseudonym_key is None:
            self.pseudonym_key = secrets.token_bytes(32)


def records(
    session: Session,
    kind: Kind,
    *,
    where: Mapping[str, Any] | None = None,
    options: ExportOptions | None = None,
) -> Iterator[dict[str, Any]]:
    """Each record of ``kind`` as a dict of typed values keyed by file column, in creation order."""
    options = options or ExportOptions()
    table = kind.model.__table__
    query = select(table).order_by(table.c.id)
    for key, value in (where or {}).items():
        query = query.where(table.c[key] == value)
    if options.public or options.published_only:
        query = query.where(table.c.published.is_(True))
    names = ExportNames(
        lookup=lambda target: _external_ids(session, target),
        kind=kind.name,
        protector=options.protector,
        pseudonym_key=options.pseudonym_key,
    )
    children = _Children(session, kind, names)
    for row in session.execute(query).mappings():
        record = {column.name: _cell(column, row, names, children) for column in kind.columns}
        if names.pseudonym_key is not None and kind.name == "persons":
            record = _pseudonymised_person(record, row, names)
        if options.public:
            record = _suppress_small_counts(record, options)
        yield record


def _pseudonymised_person(record: dict[str, Any], row: Any, names: ExportNames) -> dict[str, Any]:
    pseudonym = names.pseudonym(row["id"])
    record["external_id"] = pseudonym
    # A group's label describes the group, not a person: it stays. An individual keeps no name.
    if not row["is_group"]:
        record.update(
            name=pseudonym, given_name=None, patronymic=None, family_name=None, aliases=None
        )
    return record


def _suppress_small_counts(record: dict[str, Any], options: ExportOptions) -> dict[str, Any]:
    figures = [key for key in ("group_low", "group_best", "group_high") if key in record]
    if any(record[key] is not None and record[key] < options.threshold for key in figures):
        for key in figures:
            record[key] = None
        options.suppressed += 1
    return record


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


def write(
    session: Session,
    kind: Kind,
    out: TextIO,
    file_format: FileFormat,
    options: ExportOptions | None = None,
) -> int:
    """Write every record of ``kind``; returns how many."""
    options = options or ExportOptions()
    _require_key(kind, options)
    count = 0
    rows = records(session, kind, options=options)
    if file_format is FileFormat.CSV:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(kind.column_names)
        for record in rows:
            writer.writerow([csv_cell(value) for value in record.values()])
            count += 1
    elif file_format is FileFormat.JSONL:
        for record in rows:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            count += 1
    else:
        items = [json.dumps(record, ensure_ascii=False) for record in rows]
        out.write("[\n" + ",\n".join(items) + ("\n" if items else "") + "]\n")
        count = len(items)
    return count


def _require_key(kind: Kind, options: ExportOptions) -> None:
    has_identities = any(
        isinstance(column, NamePart)
        or getattr(column, "sealed", False)
        or getattr(column, "seal_exact", False)
        for column in kind.columns
    )
    protector = options.protector
    if (
        has_identities
        and options.pseudonym_key is None
        and protector is not None
        and (not protector.available)
    ):
        raise UserError(
            f"exporting {kind.name} with identities needs the casebook's key (set "
            "RIGHTSLEDGER_KEY_FILE); or export with --pseudonymise"
        )


def render(
    session: Session, kind: Kind, file_format: FileFormat, options: ExportOptions | None = None
) -> str:
    buffer = io.StringIO()
    write(session, kind, buffer, file_format, options)
    return buffer.getvalue()


__all__ = ["SINGULAR", "ExportOptions", "csv_cell", "records", "render", "write"]
