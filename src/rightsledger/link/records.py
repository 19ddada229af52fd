"""Input records: reading the CSV, checking it, and preparing the features the model compares.

Everything the linker needs is in the columns: no casebook, no database. Birth dates of any
precision become intervals of days; an age with the date of the event becomes an interval of
possible birth dates, so that "26 in March 2017" and "1991" can be compared.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rightsledger.errors import InputError
from rightsledger.link.aliases import given_key, known_given
from rightsledger.link.names import (
    family_skeleton,
    looks_like_family,
    looks_like_patronymic,
    phonetic,
    skeleton,
    tokens,
)

NAME_COLUMNS = ("given_name", "patronymic", "family_name", "full_name")
COLUMNS = (
    "record_id",
    "source",
    *NAME_COLUMNS,
    "birth_date",
    "age",
    "sex",
    "place",
    "event_date",
)
MAX_AGE = 120

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DOTTED = re.compile(r"^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$")
_SEXES = {
    "m": "m",
    "male": "m",
    "man": "m",
    "м": "m",
    "муж": "m",
    "мужской": "m",
    "f": "f",
    "female": "f",
    "woman": "f",
    "ж": "f",
    "жен": "f",
    "женский": "f",
}


@dataclass(frozen=True, slots=True)
class Interval:
    """Earliest and latest possible day, as proleptic ordinals (date.toordinal)."""

    low: int
    high: int

    @property
    def width(self) -> int:
        return self.high - self.low + 1


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def parse_partial_date(text: str) -> Interval:
    """`1991`, `1991-03`, `1991-03-12`, `12.03.1991` or `03.1991` -> the interval of days.

    Raises ValueError with a reason when the text is no date.
    """
    text = text.strip()
    iso = _ISO.match(text)
    dotted = _DOTTED.match(text)
    if iso:
        year, month, day = iso.group(1), iso.group(2), iso.group(3)
    elif dotted:
        day, month, year = dotted.group(1), dotted.group(2), dotted.group(3)
    else:
        raise ValueError(f'"{text}" is not a date (use 1991, 1991-03, 1991-03-12 or 12.03.1991)')
    y = int(year)
    if y < 1:
        raise ValueError(f'"{text}" has no year')
    if month is None:
        return Interval(date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal())
    m = int(month)
    if not 1 <= m <= 12:
        raise ValueError(f'"{text}" is not a date (there is no month {m})')
    if day is None:
        return Interval(date(y, m, 1).toordinal(), _month_end(y, m).toordinal())
    try:
        exact = date(y, m, int(day)).toordinal()
    except ValueError:
        raise ValueError(
            f'"{text}" is not a date (there is no day {int(day)} in {y}-{m:02})'
        ) from None
    return Interval(exact, exact)


def _years_before(ordinal: int, years: int) -> int:
    day = date.fromordinal(ordinal)
    try:
        return day.replace(year=day.year - years).toordinal()
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28).toordinal()


def birth_from_age(age: int, event: Interval) -> Interval:
    """Someone aged `age` on a day of `event` was born in this interval."""
    return Interval(_years_before(event.low, age + 1) + 1, _years_before(event.high, age))


@dataclass(frozen=True, slots=True)
class NameParts:
    given: str
    patronymic: str
    family: str


def _in_capitals(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def split_full_name(full_name: str) -> NameParts:
    """Read a full name in either order: a known given name, a patronymic ending, the rest family.

    "Хасанов Магомед Ибрагимович", "Magomed Khasanov" and "KHASANOV MAGOMED" all come apart the
    same way; a name the table does not know falls back to "family" for the word that looks like
    one, and to the given-first order of Latin writing otherwise.
    """
    words = tokens(full_name)
    patronymic = [w for w in words if looks_like_patronymic(w)]
    rest = [w for w in words if w not in patronymic]
    capitals = [w for w in rest if _in_capitals(w)]
    if capitals and len(capitals) < len(rest):
        # "Charpoudin IAIZOV": lists that mix cases write the family name in capitals.
        first = next(w for w in rest if w not in capitals)
        return NameParts(
            given=first,
            patronymic=" ".join(patronymic[:1]),
            family=" ".join(w for w in rest if w != first),
        )
    known = [w for w in rest if known_given(w)]
    # A known given name wins even when it ends like a family name (Husain, Ruslan).
    given = next((w for w in known if not looks_like_family(w)), known[0] if known else None)
    if given is not None and len(known) == len(rest) > 1 and looks_like_family(given):
        given = next((w for w in rest if w != given), given)
    if given is None:
        family_like = [w for w in rest if looks_like_family(w)]
        others = [w for w in rest if w not in family_like]
        if others:
            given = others[0]
        elif len(rest) > 1:
            given = rest[-1] if family_like and family_like[0] == rest[0] else rest[0]
    if given is not None and not patronymic and len(rest) == 3 and rest.index(given) < 2:
        # Three words and no patronymic ending (a typo in it): in both Russian orders, family
        # given patronymic and given patronymic family, the patronymic follows the given name.
        patronymic = [rest[rest.index(given) + 1]]
        rest = [w for w in rest if w not in patronymic]
    family = [w for w in rest if w != given]
    return NameParts(
        given=given or "", patronymic=" ".join(patronymic[:1]), family=" ".join(family)
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    """One record as the model sees it (only derived keys, never the original strings)."""

    record_id: str
    source: str
    given_key: str | None
    given_skel: str | None
    given_ph: str | None
    family_skel: str | None
    family_ph: str | None
    patronymic_skel: str | None
    birth_lo: int | None
    birth_hi: int | None
    place_key: str | None
    sex: str | None

    @property
    def detail_count(self) -> int:
        """How much besides the names the record says (birth, patronymic, place)."""
        return sum(v is not None for v in (self.birth_lo, self.patronymic_skel, self.place_key))

    def as_row(self) -> dict[str, object]:
        return {
            "unique_id": self.record_id,
            "source_dataset": self.source,
            "given_key": self.given_key,
            "given_skel": self.given_skel,
            "given_ph": self.given_ph,
            "family_skel": self.family_skel,
            "family_ph": self.family_ph,
            "patronymic_skel": self.patronymic_skel,
            "birth_lo": self.birth_lo,
            "birth_hi": self.birth_hi,
            "place_key": self.place_key,
            "sex": self.sex,
            "name_only": self.detail_count == 0,
        }


def _cell(record: Mapping[str, object], column: str) -> str:
    value = record.get(column)
    return "" if value is None else str(value).strip()


def _or_none(text: str) -> str | None:
    return text or None


def prepare(
    record: Mapping[str, object], *, line: int | None = None, source: str | None = None
) -> Prepared:
    """Derive the compared keys of one record; bad values raise InputError naming the column."""

    def fail(column: str, reason: str) -> InputError:
        return InputError(reason, source=source, line=line, column=column)

    record_id = _cell(record, "record_id")
    if not record_id:
        raise fail("record_id", "every record needs a record_id")
    given, patronymic, family = (
        _cell(record, "given_name"),
        _cell(record, "patronymic"),
        _cell(record, "family_name"),
    )
    if given and family and _columns_swapped(given, family):
        given, family = family, given
    full = _cell(record, "full_name")
    if full and not (given or family):
        parts = split_full_name(full)
        given, family = parts.given, parts.family
        patronymic = patronymic or parts.patronymic
    birth = _birth_interval(record, fail)
    sex_text = _cell(record, "sex").casefold()
    sex = None
    if sex_text:
        if sex_text not in _SEXES:
            raise fail("sex", f'"{sex_text}" is not a sex (use m or f)')
        sex = _SEXES[sex_text]
    family_key = " ".join(family_skeleton(w) for w in tokens(family)) if family else ""
    given_skel = skeleton(given) if given else ""
    place = _cell(record, "place")
    return Prepared(
        record_id=record_id,
        source=_cell(record, "source") or "default",
        given_key=_or_none(given_key(given) if given else ""),
        given_skel=_or_none(given_skel),
        given_ph=_or_none(phonetic(given_skel)),
        family_skel=_or_none(family_key),
        family_ph=_or_none(phonetic(family_key.replace(" ", ""))),
        patronymic_skel=_or_none(skeleton(patronymic) if patronymic else ""),
        birth_lo=birth.low if birth else None,
        birth_hi=birth.high if birth else None,
        place_key=_or_none(skeleton(place) if place else ""),
        sex=sex,
    )


def _columns_swapped(given: str, family: str) -> bool:
    """Whether a family name was written into the given-name column and the other way round."""
    if known_given(given) or not looks_like_family(given):
        return False
    return known_given(family) or not looks_like_family(family)


def _birth_interval(
    record: Mapping[str, object], fail: Callable[[str, str], InputError]
) -> Interval | None:
    birth_text = _cell(record, "birth_date")
    if birth_text:
        try:
            return parse_partial_date(birth_text)
        except ValueError as problem:
            raise fail("birth_date", str(problem)) from None
    age_text = _cell(record, "age")
    event_text = _cell(record, "event_date")
    event = None
    if event_text:
        try:
            event = parse_partial_date(event_text)
        except ValueError as problem:
            raise fail("event_date", str(problem)) from None
    if not age_text:
        return None
    try:
        age = int(float(age_text))
    except ValueError:
        raise fail("age", f'"{age_text}" is not an age in years') from None
    if not 0 <= age <= MAX_AGE:
        raise fail("age", f"{age} is not a plausible age")
    if event is None:
        # An age without the date it was true at says nothing about the year of birth.
        return None
    return birth_from_age(age, event)


def check_records(
    records: Sequence[Mapping[str, object]], *, source: str | None = None, first_line: int = 1
) -> list[Prepared]:
    """Validate and prepare a whole input; duplicate ids and unknown columns are errors."""
    if not records:
        raise InputError("there are no records to link", source=source)
    seen: dict[str, int] = {}
    prepared = []
    for index, record in enumerate(records):
        line = first_line + index
        unknown = sorted(set(record) - set(COLUMNS))
        if unknown:
            raise InputError(
                f"unknown column {unknown[0]!r} (known: {', '.join(COLUMNS)})",
                source=source,
                line=line,
            )
        item = prepare(record, line=line, source=source)
        if item.record_id in seen:
            raise InputError(
                f'record_id "{item.record_id}" also appears on line {seen[item.record_id]}',
                source=source,
                line=line,
                column="record_id",
            )
        seen[item.record_id] = line
        prepared.append(item)
    if not any(p.given_skel or p.family_skel for p in prepared):
        raise InputError("no record has a name to compare", source=source)
    return prepared


def read_csv(data: bytes, *, source: str) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV with a header; the header must name record_id and some name column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text", source=source) from None
    if not text.strip():
        raise InputError(
            "is empty (a header row and at least one record are needed)", source=source
        )
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise InputError(
            f"unknown column {unknown[0]!r} (known: {', '.join(COLUMNS)})", source=source, line=1
        )
    if "record_id" not in header:
        raise InputError("has no record_id column", source=source, line=1)
    if not any(name in header for name in NAME_COLUMNS):
        raise InputError(
            f"has no name column (one of {', '.join(NAME_COLUMNS)})", source=source, line=1
        )
    rows = []
    for row in reader:
        if None in row:
            raise InputError(
                "has more cells than the header has columns", source=source, line=reader.line_num
            )
        rows.append({key: value or "" for key, value in row.items()})
    if not rows:
        raise InputError("has a header but no records", source=source)
    return rows
