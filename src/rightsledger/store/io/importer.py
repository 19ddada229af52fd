"""Import a file of one kind into a casebook: create and update by external id, all or nothing.

The file is read and every row cleaned and resolved before anything is written; the writes then
happen in one transaction. The first problem stops the import with its file, line, column and
reason, and the casebook is exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from rightsledger.errors import InputError, InvalidValue, UserError
from rightsledger.model import PersonName, ProceedingTarget
from rightsledger.protect.envelope import Protector
from rightsledger.store.casebook import Casebook
from rightsledger.store.io.columns import (
    SINGULAR,
    CellProblem,
    Date,
    NamePart,
    Ref,
    Reference,
    References,
    Sealed,
    Text,
)
from rightsledger.store.io.kinds import KINDS, Kind
from rightsledger.store.io.reading import RawTable

CHUNK = 500  # ids per IN (...) clause, well inside every backend's parameter limit
TARGET_COLUMNS = {
    "persons": "person_id",
    "organizations": "organization_id",
    "acts": "act_id",
    "events": "event_id",
}


@dataclass
class ImportReport:
    kind: str
    source: str
    created: int = 0
    updated: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated


@dataclass
class _Row:
    line: int
    external_id: str
    values: dict[str, Any]
    resolved: dict[str, Any] = field(default_factory=dict)


class _Directory:
    """External id -> internal id for each kind, loaded once per import when first needed."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._maps: dict[str, dict[str, int]] = {}

    def ids(self, kind: str) -> dict[str, int]:
        if kind not in self._maps:
            model = KINDS[kind].model
            rows = self._session.execute(select(model.external_id, model.id))
            self._maps[kind] = dict(rows.all())
        return self._maps[kind]

    def forget(self, kind: str) -> None:
        self._maps.pop(kind, None)

    def resolve(self, ref: Ref) -> tuple[str, int]:
        found = [
            (kind, self.ids(kind)[ref.external_id])
            for kind in ref.kinds
            if ref.external_id in self.ids(kind)
        ]
        if len(found) == 1:
            return found[0]
        names = " or ".join(SINGULAR[kind] for kind in ref.kinds)
        if not found:
            hint = "import it first" if len(ref.kinds) == 1 else "import it first, or check the id"
            raise InvalidValue(f'no {names} has external_id "{ref.external_id}" ({hint})')
        spelled = " or ".join(f"{SINGULAR[kind]}:{ref.external_id}" for kind, _ in found)
        raise InvalidValue(f'"{ref.external_id}" is ambiguous; write {spelled}')


def import_table(
    casebook: Casebook, kind: Kind, table: RawTable, *, session: Session | None = None
) -> ImportReport:
    """Create and update the table's records, all or nothing, in their own unit of work — or in
    ``session``'s, when the caller writes several kinds that must stand or fall together."""
    _check_columns(kind, table)
    rows = list(_clean_rows(kind, table))
    report = ImportReport(kind=kind.name, source=table.source)
    if not rows:
        return report
    with _unit_of_work(casebook, session) as unit:
        session = unit
        directory = _Directory(session)
        own = directory.ids(kind.name)
        _check_required(kind, rows, own, table.source)
        in_file = {row.external_id for row in rows}
        _resolve(kind, rows, directory, in_file, table.source)
        new = [row for row in rows if row.external_id not in own]
        old = [row for row in rows if row.external_id in own]
        now = dt.datetime.now(dt.UTC)
        _insert(session, kind, new, now)
        _update(session, kind, old, own, now)
        directory.forget(kind.name)
        ids = directory.ids(kind.name)
        _write_self_references(session, kind, rows, ids, table.source)
        protector = _protector(casebook, session, kind, rows)
        _seal(session, kind, rows, ids, protector)
        _write_children(session, kind, rows, ids, protector)
        report.created, report.updated = len(new), len(old)
        if len(rows) >= BULK_ROWS:
            casebook.dialect.refresh_statistics(session.connection(), _tables_of(kind))
        # Every change is an audit entry, in the same transaction as the change itself.
        from rightsledger.protect import audit

        audit.record(
            session.connection(),
            actor=casebook.identity,
            action="records_changed",
            subject=kind.name,
            details={"source": table.source, "created": report.created, "updated": report.updated},
        )
    return report


# Imports of at least this many rows refresh the planner's statistics of the tables they wrote.
BULK_ROWS = 1000


def _tables_of(kind: Kind) -> list[str]:
    tables = [kind.model.__tablename__]
    if kind.name == "persons":
        tables += ["person_names", "data_keys"]
    if kind.name == "proceedings":
        tables.append("proceeding_targets")
    return tables


@contextmanager
def _unit_of_work(casebook: Casebook, shared: Session | None) -> Iterator[Session]:
    if shared is not None:
        yield shared  # the caller commits or rolls back
        return
    with casebook.session() as session:
        yield session


# -- cleaning -------------------------------------------------------------------------------------


def _check_columns(kind: Kind, table: RawTable) -> None:
    known = set(kind.column_names)
    for name in table.columns:
        if name not in known:
            line = table.header_line or next(
                (row.line for row in table.rows if name in row.values), 1
            )
            raise InputError(
                f"unknown column for {kind.name} (known: {', '.join(kind.column_names)})",
                source=table.source,
                line=line,
                column=name,
            )
    if "external_id" not in table.columns and table.rows:
        raise InputError(
            "the external_id column is missing",
            source=table.source,
            line=table.header_line or table.rows[0].line,
        )


def _clean_rows(kind: Kind, table: RawTable) -> Iterator[_Row]:
    first_line: dict[str, int] = {}
    for raw in table.rows:
        values: dict[str, Any] = {}
        for name, cell in raw.values.items():
            try:
                values[name] = kind.column(name).parse(cell)
            except InvalidValue as problem:
                raise InputError(
                    str(problem), source=table.source, line=raw.line, column=name
                ) from None
        external_id = values.get("external_id")
        if not external_id:
            raise InputError(
                "external_id is empty", source=table.source, line=raw.line, column="external_id"
            )
        if external_id in first_line:
            raise InputError(
                f'external_id "{external_id}" already appears on line {first_line[external_id]}',
                source=table.source,
                line=raw.line,
                column="external_id",
            )
        first_line[external_id] = raw.line
        if kind.row_check is not None:
            try:
                kind.row_check(values)
            except CellProblem as problem:
                raise InputError(
                    str(problem), source=table.source, line=raw.line, column=problem.column
                ) from None
        yield _Row(line=raw.line, external_id=external_id, values=values)


def _check_required(kind: Kind, rows: Sequence[_Row], own: Mapping[str, int], source: str) -> None:
    required = [column for column in kind.columns if column.required]
    for row in rows:
        is_new = row.external_id not in own
        for column in required:
            if column.name not in row.values:
                if is_new:
                    raise InputError(
                        f"is required for a new {kind.singular} ({row.external_id})",
                        source=source,
                        line=row.line,
                        column=column.name,
                    )
            elif row.values[column.name] is None:
                raise InputError(
                    "is required and cannot be empty",
                    source=source,
                    line=row.line,
                    column=column.name,
                )


def _resolve(
    kind: Kind, rows: Sequence[_Row], directory: _Directory, in_file: set[str], source: str
) -> None:
    references = [c for c in kind.columns if isinstance(c, Reference | References)]
    for row in rows:
        for column in references:
            value = row.values.get(column.name)
            if value is None:
                continue
            try:
                if isinstance(column, Reference) and column.self_reference:
                    # Resolved after the file's own rows exist; here only check it will resolve.
                    if value.external_id not in in_file and value.external_id not in (
                        directory.ids(kind.name)
                    ):
                        raise InvalidValue(
                            f'no {kind.singular} has external_id "{value.external_id}" '
                            "in this file or the casebook"
                        )
                elif isinstance(column, References):
                    row.resolved[column.name] = [directory.resolve(ref) for ref in value]
                else:
                    row.resolved[column.name] = directory.resolve(value)
            except InvalidValue as problem:
                raise InputError(
                    str(problem), source=source, line=row.line, column=column.name
                ) from None


# -- writing --------------------------------------------------------------------------------------


def _record_values(kind: Kind, row: _Row) -> dict[str, Any]:
    """The row's database values; values to seal stay ``Sealed`` for ``_seal`` to encrypt."""
    out: dict[str, Any] = {}
    for column in kind.columns:
        if column.name not in row.values:
            continue
        if isinstance(column, Reference) and column.self_reference:
            continue
        value = row.resolved.get(column.name, row.values[column.name])
        column.store(value, out)
    return out


def _without_sealed(values: dict[str, Any]) -> dict[str, Any]:
    # Plaintext of identifying fields never reaches the database, not even for a moment: the
    # row is written without them and the ciphertext follows once the record's id is known.
    return {key: (None if isinstance(value, Sealed) else value) for key, value in values.items()}


def _defaults(table: Table) -> dict[str, Any]:
    """Python-side scalar defaults, used where a cell is blank but the column cannot be NULL."""
    found: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            found[column.key] = getattr(default, "arg", None)
    return found


def _insert(session: Session, kind: Kind, rows: Sequence[_Row], now: dt.datetime) -> None:
    if not rows:
        return
    table: Table = kind.model.__table__  # type: ignore[assignment]
    defaults = _defaults(table)
    records = [_without_sealed(_record_values(kind, row)) for row in rows]
    # One key set for every row lets the driver batch the whole insert.
    keys = set().union(*records) | set(defaults)
    batch = []
    for row, values in zip(rows, records, strict=True):
        full = {key: values.get(key) for key in keys}
        for key, default in defaults.items():
            if full[key] is None:
                full[key] = default
        full.update(external_id=row.external_id, created_at=now, updated_at=now)
        batch.append(full)
    session.execute(insert(table), batch)


def _update(
    session: Session, kind: Kind, rows: Sequence[_Row], own: Mapping[str, int], now: dt.datetime
) -> None:
    if not rows:
        return
    defaults = _defaults(kind.model.__table__)  # type: ignore[arg-type]
    batch = []
    for row in rows:
        values = _without_sealed(_record_values(kind, row))
        for key, default in defaults.items():
            if key in values and values[key] is None:
                values[key] = default
        values.update(id=own[row.external_id], updated_at=now)
        batch.append(values)
    session.execute(update(kind.model), batch)


def _write_self_references(
    session: Session, kind: Kind, rows: Sequence[_Row], ids: Mapping[str, int], source: str
) -> None:
    for column in kind.columns:
        if not (isinstance(column, Reference) and column.self_reference):
            continue
        (attr,) = column.targets.values()
        batch = []
        for row in rows:
            if column.name not in row.values:
                continue
            ref = row.values[column.name]
            batch.append({"id": ids[row.external_id], attr: ids[ref.external_id] if ref else None})
        if not batch:
            continue
        session.execute(update(kind.model), batch)
        _check_no_cycles(
            session=session,
            kind=kind,
            attr=attr,
            rows=rows,
            ids=ids,
            source=source,
            column=column.name,
        )


def _check_no_cycles(
    *,
    session: Session,
    kind: Kind,
    attr: str,
    rows: Sequence[_Row],
    ids: Mapping[str, int],
    source: str,
    column: str,
) -> None:
    model = kind.model
    # A Result has keys(), so dict() would read it as a mapping: materialise the pairs first.
    parent_of: dict[int, int | None] = dict(
        session.execute(select(model.id, getattr(model, attr))).all()
    )
    for row in rows:
        start = ids[row.external_id]
        seen = {start}
        current = parent_of.get(start)
        while current is not None:
            if current in seen:
                raise InputError(
                    f"this {column} makes a loop: {row.external_id} would be its own ancestor",
                    source=source,
                    line=row.line,
                    column=column,
                )
            seen.add(current)
            current = parent_of.get(current)


def _chunks(items: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _identity_columns(kind: Kind) -> list[str]:
    return [
        c.name
        for c in kind.columns
        if isinstance(c, NamePart)
        or (isinstance(c, Text) and c.sealed)
        or (isinstance(c, Date) and c.seal_exact)
    ]


def _protector(
    casebook: Casebook, session: Session, kind: Kind, rows: Sequence[_Row]
) -> Protector | None:
    """The protector for this import, or None for a casebook made before encryption."""
    identity_columns = _identity_columns(kind)
    if not casebook.encrypted or not identity_columns:
        return None
    protector = casebook.protector(session.connection())
    touched = any(row.values.get(name) is not None for row in rows for name in identity_columns)
    if touched and not protector.available:
        raise UserError(
            f"importing identities into {kind.name} needs the casebook's key: set "
            "RIGHTSLEDGER_KEY_FILE to the key file (or run from a terminal for the passphrase)"
        )
    return protector


def _seal(
    session: Session,
    kind: Kind,
    rows: Sequence[_Row],
    ids: Mapping[str, int],
    protector: Protector | None,
) -> None:
    batch = []
    for row in rows:
        values = _record_values(kind, row)
        sealed = {key: value for key, value in values.items() if isinstance(value, Sealed)}
        if not sealed:
            continue
        record_id = ids[row.external_id]
        owner = f"{kind.name}:{record_id}"
        update_values: dict[str, Any] = {"id": record_id}
        for key, value in sealed.items():
            update_values[key] = (
                protector.encrypt(owner, f"{kind.name}.{key}", value.plaintext)
                if protector is not None
                else value.plaintext
            )
        batch.append(update_values)
    if protector is not None and batch:
        protector.prepare(f"{kind.name}:{values['id']}" for values in batch)
    for values in batch:
        session.execute(update(kind.model), [values])


def _write_children(
    session: Session,
    kind: Kind,
    rows: Sequence[_Row],
    ids: Mapping[str, int],
    protector: Protector | None,
) -> None:
    name_columns = [c for c in kind.columns if isinstance(c, NamePart)]
    if name_columns:
        _write_names(session, name_columns, rows, ids, protector)
    for column in kind.columns:
        if isinstance(column, References):
            _write_targets(session, column, rows, ids)


def _write_names(
    session: Session,
    columns: Sequence[NamePart],
    rows: Sequence[_Row],
    ids: Mapping[str, int],
    protector: Protector | None,
) -> None:
    # Only the name roles present in the file are replaced; the others are left as they were.
    for column in columns:
        touched = [ids[row.external_id] for row in rows if column.name in row.values]
        for chunk in _chunks(touched):
            session.execute(
                delete(PersonName).where(
                    PersonName.person_id.in_(chunk), PersonName.part == column.part
                )
            )
    batch = [
        {
            "person_id": ids[row.external_id],
            "part": column.part,
            "position": position,
            "value": name.original,
            "script": str(name.script),
            "blind_index": None,
        }
        for row in rows
        for column in columns
        for position, name in enumerate(row.values.get(column.name) or ())
    ]
    if protector is not None and batch:
        protector.prepare(f"persons:{item['person_id']}" for item in batch)
        for item in batch:
            item["blind_index"] = protector.blind_index(item["value"])
            item["value"] = protector.encrypt(
                f"persons:{item['person_id']}", f"person_names.{item['part']}", item["value"]
            )
    if batch:
        session.execute(insert(PersonName), batch)


def _write_targets(
    session: Session, column: References, rows: Sequence[_Row], ids: Mapping[str, int]
) -> None:
    touched = [ids[row.external_id] for row in rows if column.name in row.values]
    for chunk in _chunks(touched):
        session.execute(delete(ProceedingTarget).where(ProceedingTarget.proceeding_id.in_(chunk)))
    batch = []
    for row in rows:
        for position, (target_kind, target_id) in enumerate(row.resolved.get(column.name) or ()):
            values: dict[str, Any] = dict.fromkeys(TARGET_COLUMNS.values())
            values.update(
                proceeding_id=ids[row.external_id],
                position=position,
                **{TARGET_COLUMNS[target_kind]: target_id},
            )
            batch.append(values)
    if batch:
        session.execute(insert(ProceedingTarget), batch)
