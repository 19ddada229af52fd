"""Search before adding: existing records that an entry could reuse instead of duplicating.

Events, organizations and sources are found by the words of their title or name. Persons are
found only by an exact name (any spelling that differs in case, accents or punctuation) through
the blind index: names are encrypted, so there is nothing else to search without opening every
record, and a partial search over names would let anyone who may enter data enumerate them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, distinct, func, or_, select
from sqlalchemy.orm import Session, selectinload

from rightsledger.account.status import person_label
from rightsledger.errors import InvalidValue, UserError
from rightsledger.model import Event, Information, Organization, Person, PersonName
from rightsledger.protect.envelope import Protector
from rightsledger.values import Name

SUGGESTION_KINDS = ("events", "persons", "organizations", "information")
LIMIT = 10
MAX_QUERY = 200
MAX_WORDS = 8


@dataclass(frozen=True)
class Suggestion:
    kind: str
    external_id: str
    label: str
    # Plain facts that help tell two candidates apart: a date, a place, a type, a count.
    date: str | None = None
    place: str | None = None
    code: str | None = None  # a vocabulary slug (event status, organization type, source type)
    vocabulary: str | None = None
    count: str | None = None
    published: bool = False

    @property
    def reference(self) -> str:
        """The value to put in the form's existing-id field (perpetrators need the kind)."""
        singular = {"persons": "person", "organizations": "organization"}.get(self.kind)
        return f"{singular}:{self.external_id}" if singular else self.external_id


def suggest(
    session: Session,
    kind: str,
    query: str,
    *,
    protector: Protector,
    encrypted: bool,
    published_only: bool = False,
    limit: int = LIMIT,
) -> list[Suggestion]:
    """Up to ``limit`` records of ``kind`` matching ``query``; [] for a blank query."""
    if kind not in SUGGESTION_KINDS:
        raise UserError(f"suggestions are for {', '.join(SUGGESTION_KINDS)}, not {kind!r}")
    text = " ".join(query.split())[:MAX_QUERY]
    if not text:
        return []
    if kind == "persons":
        return _persons(session, text, protector, encrypted, published_only, limit)
    model: Any = {"events": Event, "organizations": Organization, "information": Information}[kind]
    column = model.name if kind == "organizations" else model.title
    statement = select(model).where(
        or_(model.external_id == text, *([_all_words(column, text)] if _words(text) else []))
    )
    if published_only:
        statement = statement.where(model.published.is_(True))
    rows = session.scalars(statement.order_by(column, model.id).limit(limit)).all()
    return [_describe(kind, row) for row in rows]


def _words(text: str) -> list[str]:
    return [word for word in text.split() if len(word) > 1][:MAX_WORDS]


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _all_words(column: Any, text: str) -> Any:
    """Every word of ``text`` somewhere in ``column``, case-insensitively.

    SQLite folds the case of ASCII letters only, so each word is also tried lower-cased and
    capitalised: a Cyrillic title typed in another case is still found in its usual forms.
    """
    clauses = []
    for word in _words(text):
        forms = dict.fromkeys((word, word.lower(), word.capitalize()))
        clauses.append(or_(*(column.ilike(f"%{_escape(form)}%", escape="\\") for form in forms)))
    return and_(*clauses)


def _persons(
    session: Session,
    text: str,
    protector: Protector,
    encrypted: bool,
    published_only: bool,
    limit: int,
) -> list[Suggestion]:
    try:
        name = Name.parse(text)
    except InvalidValue:
        return []
    if encrypted and not protector.available:
        return []  # without the key there is no index to ask, and no name to show
    whole = name.original
    words = list(dict.fromkeys(whole.split()))[:MAX_WORDS]
    column: Any = PersonName.blind_index if encrypted else PersonName.value
    key = protector.blind_index if encrypted else _same
    # The whole query as one name (a full name, an alias), or each of its words as one part
    # (given and family names typed together).
    ids: Any = select(PersonName.person_id).where(column == key(whole))
    if len(words) > 1:
        word_keys = [key(word) for word in words]
        ids = ids.union(
            select(PersonName.person_id)
            .where(column.in_(word_keys))
            .group_by(PersonName.person_id)
            .having(func.count(distinct(column)) == len(set(word_keys)))
        )
    statement = (
        select(Person)
        .where(or_(Person.id.in_(ids), Person.external_id == text))
        .options(selectinload(Person.names))
    )
    if published_only:
        statement = statement.where(Person.published.is_(True))
    people = session.scalars(statement.order_by(Person.external_id).limit(limit)).all()
    return [_describe_person(person, protector) for person in people]


def _same(text: str) -> str:
    return text


def _describe_person(person: Person, protector: Protector) -> Suggestion:
    count = person.group_size
    return Suggestion(
        kind="persons",
        external_id=person.external_id,
        label=person_label(person, protector),
        date=person.birth_edtf,
        code=person.counting_unit if person.is_group else person.sex,
        vocabulary="counting_units" if person.is_group else "sex",
        count=str(count) if count is not None else None,
        published=person.published,
    )


def _describe(kind: str, row: Any) -> Suggestion:
    if kind == "events":
        return Suggestion(
            kind=kind,
            external_id=row.external_id,
            label=row.title,
            date=row.date_edtf,
            place=row.place_name,
            published=row.published,
        )
    if kind == "organizations":
        return Suggestion(
            kind=kind,
            external_id=row.external_id,
            label=row.name,
            code=row.org_type,
            vocabulary="perpetrator_types",
            published=row.published,
        )
    return Suggestion(
        kind=kind,
        external_id=row.external_id,
        label=row.title or row.external_id,
        date=row.date_edtf,
        code=row.source_type,
        vocabulary="source_material_types",
        published=row.published,
    )
