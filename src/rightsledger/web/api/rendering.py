"""Pages of records, rendered as the exporter renders a file row, one page at a time.

The exporter writes whole tables; an API page must not load a whole table (of names, of external
ids) to show fifty rows. This module selects one page with SQL, fetches only the external ids and
names that page refers to, and renders each row through the same import/export columns, so a
record reads exactly as in `rightsledger export`.

Roles that may not see identities get persons as the rest of the application shows them: the
pseudonym ``P-…`` of ``protect.envelope.pseudonym`` in place of the external id (ids are often
built from names) and of an individual's name; sealed fields are left out. Such roles address a
person by that pseudonym, never by the real external id, so the API is no oracle for guessed ids.
"""

from __future__ import annotations

import base64
import binascii
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from rightsledger.errors import InputError, InvalidValue, NotFound, UserError
from rightsledger.model import Person, PersonName, ProceedingTarget, Record
from rightsledger.model.base import EXTERNAL_ID_LENGTH
from rightsledger.protect.envelope import Protector, pseudonym
from rightsledger.store.io.columns import (
    Coded,
    ExportNames,
    Flag,
    NamePart,
    RecordReference,
    Reference,
    References,
    Text,
    Whole,
    parse_reference,
)
from rightsledger.store.io.importer import TARGET_COLUMNS
from rightsledger.store.io.kinds import KINDS, Kind

PERSONS = "persons"
PSEUDONYM_PREFIX = "P-"
_CURSOR_PREFIX = "after:"
LARGEST_WHOLE = 2**31 - 1  # the integer columns of both backends


@dataclass(frozen=True)
class Audience:
    """How the records are shown: to whom, which ones, and whether names are hidden."""

    protector: Protector
    hide_identities: bool
    published_only: bool


@dataclass
class _PseudonymNames(ExportNames):
    """Export names that give persons the application's pseudonym, stable across requests."""

    def pseudonym(self, person_id: int) -> str:
        return pseudonym(f"{PERSONS}:{person_id}")


def person_pseudonym(person_id: int) -> str:
    return pseudonym(f"{PERSONS}:{person_id}")


# -- finding ------------------------------------------------------------------------------------


def locate(session: Session, kind: Kind, external_id: str, audience: Audience) -> Record:
    """One record by the id this audience knows it by; NotFound when unknown or not theirs."""
    record_id = resolve_id(session, kind.name, external_id, audience)
    record = session.get(kind.model, record_id) if record_id is not None else None
    if record is None or (audience.published_only and not record.published):
        raise NotFound(f'no {kind.singular} has external_id "{external_id}"')
    return record


def resolve_id(session: Session, kind: str, external_id: str, audience: Audience) -> int | None:
    model = KINDS[kind].model
    if "\x00" in external_id or len(external_id) > EXTERNAL_ID_LENGTH:
        return None  # no stored id looks like this, and PostgreSQL refuses NUL in a query
    if kind == PERSONS and audience.hide_identities:
        return _person_by_pseudonym(session, external_id, audience.published_only)
    found: int | None = session.scalar(select(model.id).where(model.external_id == external_id))
    if found is None and kind == PERSONS and external_id.startswith(PSEUDONYM_PREFIX):
        found = _person_by_pseudonym(session, external_id, audience.published_only)
    return found


def _person_by_pseudonym(session: Session, text: str, published_only: bool) -> int | None:
    # The pseudonym is a hash of the internal id: finding it means hashing each candidate id.
    if not text.startswith(PSEUDONYM_PREFIX):
        return None
    query = select(Person.id)
    if published_only:
        query = query.where(Person.published.is_(True))
    for person_id in session.scalars(query):
        if person_pseudonym(person_id) == text:
            return int(person_id)
    return None


# -- filters and pages ----------------------------------------------------------------------------


def filterable(kind: Kind) -> list[str]:
    """Columns a listing may be filtered on: stored values and references, never identities."""
    return [
        column.name
        for column in kind.columns
        if (isinstance(column, Reference) and not isinstance(column, RecordReference))
        or isinstance(column, Coded | Flag | Whole)
        or (isinstance(column, Text) and not column.sealed)
    ]


def conditions(
    session: Session, kind: Kind, filters: Sequence[str], audience: Audience
) -> list[ColumnElement[bool]]:
    """SQL conditions for ``COLUMN=VALUE`` filters (values cleaned as an import cleans them)."""
    table = kind.model.__table__
    allowed = filterable(kind)
    out: list[ColumnElement[bool]] = []
    for text in filters:
        name, sep, raw = text.partition("=")
        name = name.strip()
        if not sep or name not in allowed:
            raise InputError(
                f'"{text}" is not COLUMN=VALUE with a column of {kind.name} that can be filtered '
                f"({', '.join(allowed)})",
                source="filter",
            )
        column = kind.column(name)
        if "\x00" in raw:
            raise InputError("a filter value may not contain NUL", source="filter", column=name)
        if name == "external_id" and kind.name == PERSONS and audience.hide_identities:
            found = _person_by_pseudonym(session, raw.strip(), audience.published_only)
            out.append(table.c.id == (found if found is not None else -1))
            continue
        try:
            if isinstance(column, Reference):
                out.append(_reference_condition(session, column, raw, audience))
                continue
            value = column.parse(raw)
        except InvalidValue as problem:
            raise InputError(str(problem), source="filter", column=name) from None
        if isinstance(value, int) and not isinstance(value, bool) and value > LARGEST_WHOLE:
            raise InputError(f"{value} is too large", source="filter", column=name)
        stored = table.c[column.key]
        out.append(stored.is_(None) if value is None else stored == value)
    return out


def _reference_condition(
    session: Session, column: Reference, raw: str, audience: Audience
) -> ColumnElement[bool]:
    table_columns = []
    ref = parse_reference(raw.strip(), column.kinds)
    for kind in ref.kinds:
        target = column.targets[kind]
        found = resolve_id(session, kind, ref.external_id, audience)
        if found is not None:
            table_columns.append((target, found))
    if not table_columns:
        raise InvalidValue(f'no {" or ".join(ref.kinds)} has external_id "{ref.external_id}"')
    model = _model_with(column)
    from sqlalchemy import or_

    return or_(*(model.__table__.c[target] == found for target, found in table_columns))


def _model_with(column: Reference) -> type[Record]:
    for kind in KINDS.values():
        if column in kind.columns:
            return kind.model
    raise LookupError(column.name)  # every column belongs to a kind


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    number = text.removeprefix(_CURSOR_PREFIX)
    if not text.startswith(_CURSOR_PREFIX) or not (number.isascii() and number.isdigit()):
        raise UserError("the cursor is not one this API gave out; start again without it")
    if int(number) > LARGEST_WHOLE:
        raise UserError("the cursor is not one this API gave out; start again without it")
    return int(number)


@dataclass(frozen=True)
class Page:
    records: list[dict[str, Any]]
    total: int
    last_id: int | None
    more: bool


def page(
    session: Session,
    kind: Kind,
    audience: Audience,
    *,
    where: Sequence[ColumnElement[bool]] = (),
    limit: int,
    offset: int = 0,
    after_id: int | None = None,
) -> Page:
    """One page of ``kind`` in creation order, and how many records match in all."""
    table = kind.model.__table__
    scope = list(where)
    if audience.published_only:
        scope.append(table.c.published.is_(True))
    total = session.scalar(select(func.count()).select_from(table).where(*scope)) or 0
    query = select(table).where(*scope).order_by(table.c.id)
    query = query.where(table.c.id > after_id) if after_id is not None else query.offset(offset)
    rows = [dict(row) for row in session.execute(query.limit(limit + 1)).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(
        records=render(session, kind, rows, audience),
        total=total,
        last_id=rows[-1]["id"] if rows else None,
        more=more,
    )


# -- rendering ------------------------------------------------------------------------------------


def render(
    session: Session, kind: Kind, rows: Sequence[Mapping[str, Any]], audience: Audience
) -> list[dict[str, Any]]:
    """Rows of ``kind``'s table as export records, for this audience."""
    ids = [row["id"] for row in rows]
    names_of = _names(session, ids, audience) if kind.name == PERSONS else {}
    targets_of = _targets(session, ids) if kind.name == "proceedings" else {}
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        for kind_name, record_id in _references(kind, row):
            wanted[kind_name].add(record_id)
    for targets in targets_of.values():
        for kind_name, record_id in targets:
            wanted[kind_name].add(record_id)
    external = {name: _external_ids(session, name, found) for name, found in wanted.items()}
    names = _PseudonymNames(
        lookup=lambda name: external.get(name, {}),
        kind=kind.name,
        protector=audience.protector,
        # Any key switches the exporter's columns to pseudonyms; _PseudonymNames ignores it.
        pseudonym_key=b"api" if audience.hide_identities else None,
    )
    out = []
    for row in rows:
        record: dict[str, Any] = {}
        for column in kind.columns:
            if isinstance(column, NamePart):
                values = names_of.get(row["id"], {}).get(column.part, [])
                record[column.name] = (
                    (values or None) if column.multiple else next(iter(values), None)
                )
            elif isinstance(column, References):
                record[column.name] = [
                    names.reference(name, record_id, prefixed=True)
                    for name, record_id in targets_of.get(row["id"], [])
                ] or None
            else:
                record[column.name] = column.dump(row, names)
        if kind.name == PERSONS and audience.hide_identities:
            record = _hidden_person(record, row)
        out.append(record)
    return out


def _hidden_person(record: dict[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    shown = person_pseudonym(row["id"])
    record["external_id"] = shown
    # A group's label describes the group, not a person: it stays. An individual keeps no name.
    if not row["is_group"]:
        record.update(name=shown, given_name=None, patronymic=None, family_name=None, aliases=None)
    return record


def _references(kind: Kind, row: Mapping[str, Any]) -> Iterable[tuple[str, int]]:
    for column in kind.columns:
        if isinstance(column, RecordReference):
            if row["record_kind"] is not None and row["record_id"] is not None:
                yield row["record_kind"], row["record_id"]
        elif isinstance(column, Reference):
            for target_kind, attr in column.targets.items():
                if row[attr] is not None:
                    yield target_kind, row[attr]


def _external_ids(session: Session, kind: str, ids: set[int]) -> dict[int, str]:
    model = KINDS[kind].model
    rows = session.execute(select(model.id, model.external_id).where(model.id.in_(ids)))
    # Not dict(rows): a Result has keys(), so dict() would take it for a mapping.
    return {record_id: external_id for record_id, external_id in rows}  # noqa: C416


def _names(
    session: Session, person_ids: list[int], audience: Audience
) -> dict[int, dict[str, list[str]]]:
    found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    if not person_ids:
        return found
    query = (
        select(PersonName.person_id, PersonName.part, PersonName.value)
        .where(PersonName.person_id.in_(person_ids))
        .order_by(PersonName.person_id, PersonName.part, PersonName.position)
    )
    for person_id, part, stored in session.execute(query):
        value = audience.protector.reveal(f"{PERSONS}:{person_id}", f"person_names.{part}", stored)
        found[person_id][part].append(value or "")
    return found


def _targets(session: Session, proceeding_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    if not proceeding_ids:
        return found
    query = (
        select(ProceedingTarget)
        .where(ProceedingTarget.proceeding_id.in_(proceeding_ids))
        .order_by(ProceedingTarget.proceeding_id, ProceedingTarget.position)
    )
    for target in session.scalars(query):
        for target_kind, attr in TARGET_COLUMNS.items():
            target_id = getattr(target, attr)
            if target_id is not None:
                found[target.proceeding_id].append((target_kind, target_id))
    return found
