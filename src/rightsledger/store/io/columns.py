"""Columns of import and export files, each knowing how to clean a cell and write it back.

A column turns one cell into database values (``store``) and a database row back into one cell
(``dump``). The same objects drive import, export, `list`, `show` and the `--help` text, so a
column documented is a column that round-trips.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rightsledger import vocab
from rightsledger.errors import InvalidValue
from rightsledger.protect.envelope import Protector
from rightsledger.values import CountQualifier, FuzzyDate, Name, Place, Precision

LIST_SEPARATOR = ";"
_TRUE = frozenset({"true", "yes", "y", "1", "да"})
_FALSE = frozenset({"false", "no", "n", "0", "нет"})
_INTEGER = re.compile(r"^[+]?\d[\d ,]*$")


def cell_text(raw: Any) -> str:
    """A cell as text: CSV gives strings already; JSON scalars are rendered the CSV way."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if isinstance(raw, float) and not raw.is_integer():
            return repr(raw)
        return str(int(raw))
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, list):
        if not all(isinstance(item, str) for item in raw):
            raise InvalidValue("a list here may only hold text values")
        return LIST_SEPARATOR.join(item.strip() for item in raw)
    raise InvalidValue(f"expected a text value, found a JSON {type(raw).__name__}")


@dataclass(frozen=True)
class Sealed:
    """A value to store encrypted: the importer seals it once the record's id is known."""

    plaintext: str


@dataclass(frozen=True)
class Ref:
    """A reference to a record by external id, resolved by the importer."""

    kinds: tuple[str, ...]
    external_id: str


class CellProblem(InvalidValue):
    """A cross-field check failed; ``column`` says which cell to fix."""

    def __init__(self, reason: str, *, column: str) -> None:
        super().__init__(reason)
        self.column = column


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False
    attr: str = ""  # the database column, when its name differs from the file's

    @property
    def key(self) -> str:
        return self.attr or self.name

    @property
    def db_columns(self) -> tuple[str, ...]:
        return (self.key,)

    def parse(self, raw: Any) -> Any:
        """Clean one cell; blank means None. Raises InvalidValue with a user-facing reason."""
        text = cell_text(raw)
        return text or None

    def store(self, value: Any, out: dict[str, Any]) -> None:
        out[self.key] = value

    def dump(self, row: Mapping[str, Any], names: ExportNames) -> Any:
        return row[self.key]


@dataclass(frozen=True)
class Text(Column):
    max_length: int = 500
    clean: Callable[[str], str] | None = None
    # Identifying text: encrypted under the record's data key, never stored in plaintext.
    sealed: bool = False

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        if not text:
            return None
        if len(text) > self.max_length:
            raise InvalidValue(f"is {len(text)} characters long; the limit is {self.max_length}")
        return self.clean(text) if self.clean else text

    def store(self, value: Any, out: dict[str, Any]) -> None:
        out[self.key] = Sealed(value) if self.sealed and value is not None else value

    def dump(self, row: Mapping[str, Any], names: ExportNames) -> Any:
        if self.sealed:
            return names.unseal(row, self.key)
        return row[self.key]


@dataclass(frozen=True)
class Flag(Column):
    def parse(self, raw: Any) -> Any:
        text = cell_text(raw).lower()
        if not text:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise InvalidValue(f'"{text}" is not true or false')


@dataclass(frozen=True)
class Whole(Column):
    """A non-negative whole number (counts of people)."""

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        if not text:
            return None
        if not _INTEGER.match(text):
            raise InvalidValue(f'"{text}" is not a whole number of 0 or more')
        return int(re.sub(r"[ ,+]", "", text))


@dataclass(frozen=True)
class Coded(Column):
    """A term of a controlled vocabulary, given as its slug or its HURIDOCS code."""

    vocabulary: str = ""

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        return vocab.load(self.vocabulary).clean(text) if text else None


@dataclass(frozen=True)
class Date(Column):
    """A fuzzy date stored as EDTF text and its earliest/latest bounds."""

    prefix: str = "date"
    # For birth dates: an exact day identifies a person, so it is sealed in ``<prefix>_exact``
    # and only its year stays readable (and comparable) in the plain columns.
    seal_exact: bool = False

    @property
    def db_columns(self) -> tuple[str, ...]:
        plain = (f"{self.prefix}_edtf", f"{self.prefix}_earliest", f"{self.prefix}_latest")
        return (*plain, f"{self.prefix}_exact") if self.seal_exact else plain

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        return FuzzyDate.parse(text) if text else None

    def store(self, value: Any, out: dict[str, Any]) -> None:
        if self.seal_exact:
            exact = value is not None and value.precision is Precision.day
            out[f"{self.prefix}_exact"] = Sealed(str(value)) if exact else None
            if exact:
                value = FuzzyDate.year(value.earliest.year)
        out[f"{self.prefix}_edtf"] = str(value) if value else None
        out[f"{self.prefix}_earliest"] = value.earliest if value else None
        out[f"{self.prefix}_latest"] = value.latest if value else None

    def dump(self, row: Mapping[str, Any], names: ExportNames) -> Any:
        if self.seal_exact and row[f"{self.prefix}_exact"] is not None:
            return names.unseal(row, f"{self.prefix}_exact")
        return row[f"{self.prefix}_edtf"]


def clean_qualifier(text: str) -> str:
    try:
        return str(CountQualifier(text.strip().lower()))
    except ValueError:
        known = ", ".join(str(q) for q in CountQualifier)
        raise InvalidValue(f'"{text}" is not a count qualifier (one of {known})') from None


def clean_gazetteer_id(text: str) -> str:
    place = Place.parse("-", gazetteer_id=text)
    assert place.gazetteer_id is not None  # parse returns what it was given, cleaned
    return place.gazetteer_id


def clean_admin_path(text: str) -> str:
    return Place.parse("-", admin=text).admin_text


def clean_place_name(text: str) -> str:
    return Place.parse(text).name


@dataclass(frozen=True)
class Reference(Column):
    """The external id of another record; ``kinds`` lists what it may point to.

    With several kinds (a perpetrator is a person or an organization) the id may carry a prefix,
    ``person:ID`` or ``organization:ID``; without one it must match exactly one kind.
    Exports always write the prefix when several kinds are possible, so files stay unambiguous.
    """

    kinds: tuple[str, ...] = ()
    # kind -> foreign-key column written for it
    targets: Mapping[str, str] = field(default_factory=dict)
    # A reference to the file's own kind (a parent) is written after every row exists.
    self_reference: bool = False

    @property
    def db_columns(self) -> tuple[str, ...]:
        return tuple(self.targets.values())

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        if not text:
            return None
        return parse_reference(text, self.kinds)

    def store(self, value: Any, out: dict[str, Any]) -> None:
        # ``value`` is a resolved (kind, id) pair or None.
        for kind, column in self.targets.items():
            out[column] = value[1] if value and value[0] == kind else None

    def dump(self, row: Mapping[str, Any], names: ExportNames) -> Any:
        for kind, column in self.targets.items():
            if row[column] is not None:
                return names.reference(kind, row[column], prefixed=len(self.kinds) > 1)
        return None


def parse_reference(text: str, kinds: tuple[str, ...]) -> Ref:
    prefix, sep, rest = text.partition(":")
    if sep:
        kind = _KIND_PREFIXES.get(prefix.strip().lower())
        if kind is not None:
            if kind not in kinds:
                allowed = ", ".join(SINGULAR[k] for k in kinds)
                raise InvalidValue(f'"{text}" points to a {SINGULAR[kind]}; expected {allowed}')
            if not rest.strip():
                raise InvalidValue(f'"{text}" has no external id after the prefix')
            return Ref(kinds=(kind,), external_id=rest.strip())
    return Ref(kinds=kinds, external_id=text)


@dataclass(frozen=True)
class RecordReference(Reference):
    """A reference to a record of any kind, stored as (record_kind, record_id)."""

    @property
    def db_columns(self) -> tuple[str, ...]:
        return ("record_kind", "record_id")

    def store(self, value: Any, out: dict[str, Any]) -> None:
        out["record_kind"], out["record_id"] = value if value else (None, None)

    def dump(self, row: Mapping[str, Any], names: ExportNames) -> Any:
        return names.reference(row["record_kind"], row["record_id"], prefixed=True)


@dataclass(frozen=True)
class References(Column):
    """A ``;``-separated list of references, stored as child rows (proceeding targets)."""

    kinds: tuple[str, ...] = ()

    @property
    def db_columns(self) -> tuple[str, ...]:
        return ()

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        if not text:
            return None
        parts = [part.strip() for part in text.split(LIST_SEPARATOR)]
        if any(not part for part in parts):
            raise InvalidValue(f'"{text}" has an empty item between separators')
        return [parse_reference(part, self.kinds) for part in parts]

    def store(self, value: Any, out: dict[str, Any]) -> None:
        """Child rows are written by the kind, not into the record's own row."""


@dataclass(frozen=True)
class NamePart(Column):
    """One role of a person's names (full, given, patronymic, family, or aliases)."""

    part: str = "full"
    multiple: bool = False

    @property
    def db_columns(self) -> tuple[str, ...]:
        return ()

    def parse(self, raw: Any) -> Any:
        text = cell_text(raw)
        if not text:
            return None
        pieces = text.split(LIST_SEPARATOR) if self.multiple else [text]
        names = []
        for piece in pieces:
            if not piece.strip():
                raise InvalidValue(f'"{text}" has an empty name between separators')
            names.append(Name.parse(piece))
        return names

    def store(self, value: Any, out: dict[str, Any]) -> None:
        """Names are child rows, written by the kind."""


@dataclass
class ExportNames:
    """Maps internal ids back to external ids, and opens sealed fields, while a file is written.

    With a pseudonym key, persons' external ids become keyed pseudonyms (the same person gets the
    same pseudonym everywhere in one export, and a different one in any other export) and sealed
    fields are left out.
    """

    lookup: Callable[[str], Mapping[int, str]]
    kind: str = ""
    protector: Protector | None = None
    pseudonym_key: bytes | None = None
    _cache: dict[str, Mapping[int, str]] = field(default_factory=dict)

    def reference(self, kind: str, record_id: int, *, prefixed: bool) -> str:
        if kind not in self._cache:
            self._cache[kind] = self.lookup(kind)
        external_id = self._cache[kind][record_id]
        if self.pseudonym_key is not None and kind == "persons":
            external_id = self.pseudonym(record_id)
        return f"{SINGULAR[kind]}:{external_id}" if prefixed else external_id

    def pseudonym(self, person_id: int) -> str:
        assert self.pseudonym_key is not None
        digest = hmac.new(self.pseudonym_key, f"persons:{person_id}".encode(), hashlib.sha256)
        return "person-" + digest.hexdigest()[:12]

    def unseal(self, row: Mapping[str, Any], column: str) -> str | None:
        token = row[column]
        if token is None or self.pseudonym_key is not None:
            return None
        owner = f"{self.kind}:{row['id']}"
        if self.protector is None:
            return str(token)
        return self.protector.reveal(owner, f"{self.kind}.{column}", token)


SINGULAR = {
    "events": "event",
    "persons": "person",
    "organizations": "organization",
    "acts": "act",
    "involvements": "involvement",
    "information": "information",
    "proceedings": "proceeding",
    "relationships": "relationship",
    "citations": "citation",
}
_KIND_PREFIXES = {singular: kind for kind, singular in SINGULAR.items()} | {
    kind: kind for kind in SINGULAR
}
