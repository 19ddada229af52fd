"""Values that carry uncertainty: fuzzy dates, counts of people, names and places.

Each type is cleaned at one entry point, its ``parse`` classmethod, which accepts what people type
and returns a canonical, immutable value. The constructors only accept values that are already
clean, so a value built by hand cannot smuggle in a form that ``parse`` would have refused. Every
failure is an ``InvalidValue`` whose message quotes the offending value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple, final

from rightsledger.errors import InvalidValue

__all__ = [
    "MAX_COUNT",
    "MAX_NAME_LENGTH",
    "Count",
    "CountQualifier",
    "FuzzyDate",
    "Name",
    "Place",
    "Precision",
    "Script",
    "clean_fuzzy_date",
]

MAX_NAME_LENGTH = 500
# Larger than the population of the Earth: anything above is a typo or a number that is not a
# count of people (a year, a phone number), and refusing it also keeps int() away from its
# digit limit.
MAX_COUNT = 10_000_000_000

_QUOTE_LIMIT = 80


def _quote(value: str) -> str:
    """The value in double quotes, shortened and with invisible characters made visible."""
    shown = value if len(value) <= _QUOTE_LIMIT else value[: _QUOTE_LIMIT - 1] + "…"
    # Escapes rather than raw characters: a NUL or a line break inside a one-line error message
    # would hide exactly what is wrong.
    return '"' + "".join(_visible(ch) for ch in shown) + '"'


def _visible(ch: str) -> str:
    if ch.isprintable() or ch == " ":
        return ch
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _require_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidValue(f"{_quote(repr(value))} is not {what} (expected text)")
    return value


# --------------------------------------------------------------------------------------------
# Fuzzy dates
# --------------------------------------------------------------------------------------------


class Precision(StrEnum):
    """How finely a fuzzy date is known."""

    day = "day"
    month = "month"
    year = "year"
    interval = "interval"
    # Reserved for callers that must record "date not known at all"; parse never produces it.
    unknown = "unknown"


_EXPECTED_DATE = (
    "expected EDTF such as 2017, 2017-04, 2017-04-03, 2017-04-01/2017-04-10, 2017-04~ or ../2018-03"
)


def _side_pattern(prefix: str) -> str:
    return (
        rf"(?P<{prefix}y>[0-9]{{4}})"
        rf"(?:-(?P<{prefix}m>[0-9]{{2}})(?:-(?P<{prefix}d>[0-9]{{2}}))?)?"
        rf"(?P<{prefix}q>[~?%])?"
        rf"|(?P<{prefix}open>\.\.)"
    )


# One pattern for the whole grammar keeps the common case (a single date) to one regex call.
_EDTF_RE = re.compile(
    rf"(?:{_side_pattern('a')})?(?:(?P<slash>[ \t]*/[ \t]*)(?:{_side_pattern('b')})?)?",
    re.ASCII,
)

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


class _Side(NamedTuple):
    """One dated end of an EDTF value: its canonical text, bounds and qualifiers."""

    text: str
    earliest: date
    latest: date
    precision: Precision
    approximate: bool
    uncertain: bool


class _Analysed(NamedTuple):
    edtf: str
    earliest: date | None
    latest: date | None
    precision: Precision
    approximate: bool
    uncertain: bool


def _date_error(text: str, reason: str) -> InvalidValue:
    return InvalidValue(f"{_quote(text)} is not a date ({reason})")


def _read_side(match: re.Match[str], prefix: str, text: str) -> _Side:
    """The side of the match named by ``prefix``; the caller has checked it holds a year."""
    year_text = match[f"{prefix}y"]
    month_text = match[f"{prefix}m"]
    day_text = match[f"{prefix}d"]
    qualifier = match[f"{prefix}q"] or ""
    year = int(year_text)
    if year == 0:
        raise _date_error(text, "years run from 0001 to 9999")
    if month_text is None:
        earliest, latest, precision = date(year, 1, 1), date(year, 12, 31), Precision.year
        unit = year_text
    else:
        month = int(month_text)
        if not 1 <= month <= 12:
            raise _date_error(text, f"there is no month {month_text}")
        last = _days_in_month(year, month)
        if day_text is None:
            earliest, latest = date(year, month, 1), date(year, month, last)
            precision, unit = Precision.month, f"{year_text}-{month_text}"
        else:
            day = int(day_text)
            if not 1 <= day <= last:
                raise _date_error(text, f"{year_text}-{month_text} has {last} days")
            earliest = latest = date(year, month, day)
            precision, unit = Precision.day, f"{year_text}-{month_text}-{day_text}"
    return _Side(
        text=unit + qualifier,
        earliest=earliest,
        latest=latest,
        precision=precision,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )


def _undated_side(match: re.Match[str], prefix: str) -> str:
    """The canonical text of a side without a date: ``..`` when open, empty when unknown."""
    return ".." if match[f"{prefix}open"] else ""


@lru_cache(maxsize=65_536)
def _analyse(text: str) -> _Analysed:
    """Parse stripped EDTF text; cached because imports repeat the same few thousand dates."""
    match = _EDTF_RE.fullmatch(text) if text else None
    if match is None:
        raise _date_error(text, _EXPECTED_DATE)
    if match["slash"] is None:
        if match["ay"] is None:
            raise _date_error(text, _EXPECTED_DATE)
        side = _read_side(match, "a", text)
        return _Analysed(
            side.text,
            side.earliest,
            side.latest,
            side.precision,
            side.approximate,
            side.uncertain,
        )
    start = _read_side(match, "a", text) if match["ay"] is not None else None
    end = _read_side(match, "b", text) if match["by"] is not None else None
    if start is None and end is None:
        raise _date_error(text, "an interval needs at least one side with a date")
    if start is not None and end is not None and start.earliest > end.latest:
        raise _date_error(text, "the interval starts after it ends")
    start_text = start.text if start is not None else _undated_side(match, "a")
    end_text = end.text if end is not None else _undated_side(match, "b")
    return _Analysed(
        edtf=f"{start_text}/{end_text}",
        earliest=start.earliest if start is not None else None,
        latest=end.latest if end is not None else None,
        precision=Precision.interval,
        approximate=any(side.approximate for side in (start, end) if side is not None),
        uncertain=any(side.uncertain for side in (start, end) if side is not None),
    )


def _iso(day: date) -> str:
    # date.isoformat() already pads years below 1000 to four digits, as EDTF requires.
    return day.isoformat()


@final
@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to a day, a month, a year or only as an interval (a subset of EDTF 0/1).

    The value is its canonical EDTF text; the bounds and flags are derived from it. Two values
    with the same bounds but written differently (``2017`` and ``2017-01-01/2017-12-31``) are
    different values, because the way a source stated a date is evidence in itself.

    In an interval, ``approximate`` and ``uncertain`` are true when either side carries the
    qualifier; the text keeps which side it was.
    """

    earliest: date | None = field(init=False)
    latest: date | None = field(init=False)
    precision: Precision = field(init=False)
    approximate: bool = field(init=False)
    uncertain: bool = field(init=False)
    edtf: str

    def __post_init__(self) -> None:
        text = _require_str(self.edtf, "a date")
        analysed = _analyse(text)
        if analysed.edtf != text:
            raise InvalidValue(
                f"{_quote(text)} is not canonical EDTF (FuzzyDate.parse cleans it to "
                f"{_quote(analysed.edtf)})"
            )
        object.__setattr__(self, "earliest", analysed.earliest)
        object.__setattr__(self, "latest", analysed.latest)
        object.__setattr__(self, "precision", analysed.precision)
        object.__setattr__(self, "approximate", analysed.approximate)
        object.__setattr__(self, "uncertain", analysed.uncertain)

    def __str__(self) -> str:
        return self.edtf

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Clean EDTF text such as ``2017-04~`` or ``../2018-03`` into a value."""
        return _parse_fuzzy_date(_require_str(text, "a date").strip())

    @classmethod
    def from_bounds(cls, earliest: date | None, latest: date | None) -> FuzzyDate:
        """The simplest value with these bounds; ``None`` is an open side.

        Equal bounds give a day, the first and last day of one month or one year give that month
        or year; anything else is an interval of two days.
        """
        start = _as_date(earliest, "the earliest bound")
        end = _as_date(latest, "the latest bound")
        if start is None and end is None:
            raise InvalidValue(
                "a date needs at least one bound, but earliest and latest are both None"
            )
        if start is not None and end is not None:
            if start > end:
                raise InvalidValue(
                    f"{_quote(_iso(start))} is after {_quote(_iso(end))}, so they are not the "
                    "bounds of a date"
                )
            return cls(_bounds_text(start, end))
        start_text = _iso(start) if start is not None else ".."
        end_text = _iso(end) if end is not None else ".."
        return cls(f"{start_text}/{end_text}")

    @classmethod
    def year(cls, year: int) -> FuzzyDate:
        """The whole of one year."""
        if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
            raise InvalidValue(f"{_quote(str(year))} is not a year (years run from 0001 to 9999)")
        return cls(f"{year:04d}")

    @property
    def is_exact(self) -> bool:
        """Known to the day, with no qualifier."""
        return self.precision is Precision.day and not (self.approximate or self.uncertain)

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls within the bounds; an open or unknown side has no bound."""
        day = _require_date(day)
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )

    def overlaps(self, other: FuzzyDate) -> bool:
        """Whether the two ranges of possible days share at least one day."""
        starts_in_time = (
            self.earliest is None or other.latest is None or self.earliest <= other.latest
        )
        ends_in_time = (
            other.earliest is None or self.latest is None or other.earliest <= self.latest
        )
        return starts_in_time and ends_in_time


@lru_cache(maxsize=65_536)
def _parse_fuzzy_date(text: str) -> FuzzyDate:
    # Caching the value itself (not only the analysis) makes a repeated cell cost one lookup.
    return FuzzyDate(_analyse(text).edtf)


def _as_date(value: object, what: str) -> date | None:
    # datetime is a subclass of date but cannot be compared with one, so it is cut to its day.
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise InvalidValue(f"{_quote(repr(value))} is not a date ({what} must be a datetime.date)")


def _require_date(value: object) -> date:
    day = _as_date(value, "a day")
    if day is None:
        raise InvalidValue('"None" is not a date (expected a datetime.date)')
    return day


def _bounds_text(start: date, end: date) -> str:
    if start == end:
        return _iso(start)
    if start.year == end.year and start.day == 1:
        if start.month == 1 and end.month == 12 and end.day == 31:
            return f"{start.year:04d}"
        if start.month == end.month and end.day == _days_in_month(end.year, end.month):
            return f"{start.year:04d}-{start.month:02d}"
    return f"{_iso(start)}/{_iso(end)}"


def clean_fuzzy_date(value: str | FuzzyDate | date | None) -> FuzzyDate | None:
    """Any accepted spelling of a date as a value; ``None`` and blank text mean no date."""
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, str):
        text = value.strip()
        return FuzzyDate.parse(text) if text else None
    day = _as_date(value, "the value")
    return None if day is None else FuzzyDate(_iso(day))


# --------------------------------------------------------------------------------------------
# Counts
# --------------------------------------------------------------------------------------------


class CountQualifier(StrEnum):
    """How a source stated a number (see reference/counting-rules.md)."""

    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    up_to = "up_to"
    approx = "approx"
    between = "between"
    vague = "vague"


_PLAIN_NUMBER_RE = re.compile(r"[0-9]+", re.ASCII)
# Thousands may be grouped with commas or with the spaces of Russian typography, but one number
# uses one separator, so "1,200 000" is refused rather than guessed.
_GROUPED_NUMBER_RE = re.compile(r"[0-9]{1,3}([, \u00a0\u2009\u202f])[0-9]{3}(?:\1[0-9]{3})*")
_NEGATIVE_RE = re.compile(r"[-\u2212]\s*[0-9][0-9 ,.]*")
_FRACTION_RE = re.compile(r"[0-9][0-9 ,]*[.,][0-9]+")
_COUNT_TEXT_RE = re.compile(r"([^/;]*)/([^/;]*)/([^/;]*)(?:;(.*))?", re.DOTALL)
_FIGURES = ("low", "best", "high")


def _clean_figure(value: int | str | None, figure: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidValue(f"{figure} {_quote(repr(value))} is not a count (expected a number)")
    if isinstance(value, int):
        return _checked_figure(value, figure)
    text = value.strip()
    if not text:
        return None
    if _PLAIN_NUMBER_RE.fullmatch(text):
        digits = text
    elif _GROUPED_NUMBER_RE.fullmatch(text):
        digits = re.sub(r"[^0-9]", "", text)
    elif _NEGATIVE_RE.fullmatch(text):
        raise InvalidValue(f"{figure} {_quote(text)} is not a count (it cannot be negative)")
    elif _FRACTION_RE.fullmatch(text):
        raise InvalidValue(f"{figure} {_quote(text)} is not a count (it must be a whole number)")
    else:
        raise InvalidValue(
            f"{figure} {_quote(text)} is not a count (expected a whole number such as 20 or 1,200)"
        )
    if len(digits.lstrip("0")) > len(str(MAX_COUNT)):
        raise _too_large(text, figure)
    return _checked_figure(int(digits), figure)


def _checked_figure(number: int, figure: str) -> int:
    if number < 0:
        raise InvalidValue(f"{figure} {_quote(str(number))} is not a count (it cannot be negative)")
    if number > MAX_COUNT:
        raise _too_large(str(number), figure)
    return number


def _too_large(text: str, figure: str) -> InvalidValue:
    return InvalidValue(
        f"{figure} {_quote(text)} is not a count (more than {MAX_COUNT:,} people is not plausible)"
    )


def _clean_qualifier(value: CountQualifier | str | None) -> CountQualifier | None:
    if value is None or isinstance(value, CountQualifier):
        return value
    text = _require_str(value, "a count qualifier")
    key = re.sub(r"[\s-]+", "_", text.strip().lower())
    if not key:
        return None
    try:
        return CountQualifier(key)
    except ValueError:
        allowed = ", ".join(q.value for q in CountQualifier)
        raise InvalidValue(
            f"{_quote(text)} is not a count qualifier (expected one of {allowed})"
        ) from None


def _figure_text(number: int | None) -> str:
    return "" if number is None else str(number)


@final
@dataclass(frozen=True, slots=True)
class Count:
    """How many people: lowest reasonable, best and highest reasonable figures, as stated.

    ``str()`` gives the compact form ``low/best/high;qualifier`` that ``Count.parse`` reads back.
    """

    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: CountQualifier | None = None

    def __post_init__(self) -> None:
        for figure in _FIGURES:
            number: object = getattr(self, figure)
            if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
                raise InvalidValue(
                    f"{figure} {_quote(repr(number))} is not a count (use Count.of to clean text)"
                )
            if isinstance(number, int):
                _checked_figure(number, figure)
        qualifier: object = self.qualifier
        if qualifier is not None and not isinstance(qualifier, CountQualifier):
            raise InvalidValue(
                f"{_quote(repr(qualifier))} is not a count qualifier (use Count.of to clean text)"
            )
        present = [
            (name, getattr(self, name)) for name in _FIGURES if getattr(self, name) is not None
        ]
        if not present:
            raise InvalidValue("a count needs at least one of low, best or high")
        for index, (lower_name, lower) in enumerate(present):
            for upper_name, upper in present[index + 1 :]:
                if lower > upper:
                    raise InvalidValue(
                        f'{lower_name} "{lower}" is greater than {upper_name} "{upper}" '
                        "(a count needs low ≤ best ≤ high)"
                    )
        # An exact count with different figures contradicts itself; the other qualifiers describe
        # how the source phrased the number and constrain nothing.
        if self.qualifier is CountQualifier.exact and len({n for _, n in present}) > 1:
            raise InvalidValue(
                f'"{self}" is not a count (an exact count has the same low, best and high)'
            )

    def __str__(self) -> str:
        figures = "/".join(_figure_text(n) for n in (self.low, self.best, self.high))
        return figures if self.qualifier is None else f"{figures};{self.qualifier.value}"

    @classmethod
    def of(
        cls,
        *,
        low: int | str | None = None,
        best: int | str | None = None,
        high: int | str | None = None,
        qualifier: CountQualifier | str | None = None,
    ) -> Count:
        """Clean figures given as numbers or text (``"1,200"``, ``"1 200"``; blank is none)."""
        return cls(
            low=_clean_figure(low, "low"),
            best=_clean_figure(best, "best"),
            high=_clean_figure(high, "high"),
            qualifier=_clean_qualifier(qualifier),
        )

    @classmethod
    def exact(cls, number: int | str) -> Count:
        """A number stated exactly: low, best and high are all ``number``."""
        figure = _clean_figure(number, "number")
        if figure is None:
            raise InvalidValue(f"{_quote(str(number))} is not a count (it is blank)")
        return cls(low=figure, best=figure, high=figure, qualifier=CountQualifier.exact)

    @classmethod
    def parse(cls, text: str) -> Count:
        """Read the compact form (``100/100/;more_than``) or a bare whole number (exact)."""
        raw = _require_str(text, "a count")
        stripped = raw.strip()
        match = _COUNT_TEXT_RE.fullmatch(stripped)
        if match is not None:
            low, best, high, qualifier = match.groups()
            return cls.of(low=low, best=best, high=high, qualifier=qualifier)
        # Text that looks like one number is read as one, so the reason it fails ("negative",
        # "not whole") is reported instead of the general description of the form.
        if "/" not in stripped and ";" not in stripped and any(ch.isdigit() for ch in stripped):
            return cls.exact(stripped)
        raise InvalidValue(
            f"{_quote(raw)} is not a count (expected low/best/high with an optional ;qualifier, "
            "such as 100/100/;more_than, or a whole number)"
        )

    @property
    def conservative(self) -> int | None:
        """The figure to report when only one is wanted: best, else low; never the high."""
        return self.best if self.best is not None else self.low


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


class Script(StrEnum):
    """The writing system of a name's letters."""

    latin = "latin"
    cyrillic = "cyrillic"
    arabic = "arabic"
    mixed = "mixed"
    other = "other"


# Control characters other than whitespace (which is collapsed, not refused) and lone surrogates,
# which cannot be stored as UTF-8.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")


def _clean_text(text: str, what: str) -> str:
    """NFC, whitespace collapsed to single spaces; refuses blank, control characters, length."""
    control = _CONTROL_RE.search(text)
    if control is not None:
        code = f"U+{ord(control.group()):04X}"
        raise InvalidValue(
            f"{_quote(text)} is not {what} (it contains the control character {code})"
        )
    cleaned = " ".join(unicodedata.normalize("NFC", text).split())
    if not cleaned:
        raise InvalidValue(f"{_quote(text)} is not {what} (it is blank)")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidValue(
            f"{_quote(text)} is not {what} (it has {len(cleaned)} characters; the limit is "
            f"{MAX_NAME_LENGTH})"
        )
    return cleaned


def _check_clean(text: object, what: str, cleaner: str) -> str:
    value = _require_str(text, what)
    if _clean_text(value, what) != value:
        raise InvalidValue(f"{_quote(value)} is not {what} in clean form (use {cleaner})")
    return value


_SCRIPT_PREFIXES = (
    ("LATIN ", Script.latin),
    ("FULLWIDTH LATIN ", Script.latin),
    ("CYRILLIC ", Script.cyrillic),
    ("ARABIC ", Script.arabic),
)
# Letters of the Latin script whose Unicode names do not say so.
_LATIN_ORDINALS = frozenset("ªº")


@lru_cache(maxsize=8_192)
def _letter_script(ch: str) -> Script | None:
    """The script of one letter, or None for what is not a letter of any particular script."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    if ch in _LATIN_ORDINALS:
        return Script.latin
    char_name = unicodedata.name(ch, "")
    # Spacing modifier letters (ʼ ʻ ʹ) serve as apostrophes and primes in every script.
    if char_name.startswith("MODIFIER LETTER "):
        return None
    for prefix, script in _SCRIPT_PREFIXES:
        if char_name.startswith(prefix):
            return script
    return Script.other


def _detect_script(text: str) -> Script:
    found: set[Script] = set()
    for ch in text:
        script = _letter_script(ch)
        if script is not None:
            found.add(script)
            if len(found) > 1:
                return Script.mixed
    return found.pop() if found else Script.other


# These Cyrillic letters decompose to a base letter and a mark in Unicode, yet are letters of
# their own that nobody writes without the mark (Иосиф and Йосиф are different spellings); ё is not
# among them because Russian routinely prints it as е.
_KEPT_LETTERS = frozenset("йЙїЇўЎ")
# Apostrophes and primes that Unicode files as letters or symbols rather than punctuation.
_APOSTROPHE_LIKE = frozenset("ʹʺʻʼʽʾʿˈˊˋ′″`´")
_ARABIC_TATWEEL = "\u0640"


def _fold_piece(ch: str) -> str:
    category = unicodedata.category(ch)
    if category.startswith("M") or category == "Cf" or ch == _ARABIC_TATWEEL:
        # Marks are the accents being folded away; format characters (soft hyphen, zero-width
        # joiners, BOM) and the tatweel only change how a name looks.
        return ""
    if category.startswith(("P", "Z")) or category == "Sk" or ch in _APOSTROPHE_LIKE:
        return " "
    return ch


@lru_cache(maxsize=16_384)
def _fold_char(ch: str) -> str:
    if ch in _KEPT_LETTERS:
        return ch.lower()
    pieces = []
    for part in unicodedata.normalize("NFKD", ch):
        # casefold can itself produce marks (İ becomes i and a dot above), so fold after it.
        for piece in unicodedata.normalize("NFKD", part.casefold()):
            pieces.append(_fold_piece(piece))
    return "".join(pieces)


@lru_cache(maxsize=65_536)
def _match_key(text: str) -> str:
    folded = "".join(_fold_char(ch) for ch in unicodedata.normalize("NFC", text))
    return " ".join(folded.split())


@final
@dataclass(frozen=True, slots=True)
class Name:
    """A person's or an organisation's name exactly as written, with the script of its letters."""

    original: str
    script: Script = field(init=False)

    def __post_init__(self) -> None:
        text = _check_clean(self.original, "a name", "Name.parse")
        object.__setattr__(self, "script", _detect_script(text))

    def __str__(self) -> str:
        return self.original

    @classmethod
    def parse(cls, text: str) -> Name:
        """Clean a name: NFC, single spaces; blank, control characters and over-long refused."""
        return cls(_clean_text(_require_str(text, "a name"), "a name"))

    @property
    def match_key(self) -> str:
        """A key equal for spellings that differ only in case, accents, ё/е and punctuation.

        It is for exact matching only; transliteration between scripts is linkage's job.
        """
        return _match_key(self.original)


# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------

_GAZETTEER_ID_RE = re.compile(r"[a-z][a-z0-9_-]*:[A-Za-z0-9._-]+", re.ASCII)
_ADMIN_SEPARATOR = " > "
_ADMIN_SPLIT_RE = re.compile(r"\s*>\s*")


def _clean_gazetteer_id(value: str | None) -> str | None:
    if value is None:
        return None
    text = _require_str(value, "a gazetteer id").strip()
    if not text:
        return None
    scheme, colon, identifier = text.partition(":")
    # Scheme names are case-insensitive by convention (GeoNames, geonames); identifiers are not.
    candidate = f"{scheme.lower()}{colon}{identifier}"
    if not _GAZETTEER_ID_RE.fullmatch(candidate):
        raise InvalidValue(
            f"{_quote(text)} is not a gazetteer id (expected scheme:identifier such as "
            "geonames:580497)"
        )
    return candidate


def _clean_admin(admin: str | Sequence[str] | None) -> tuple[str, ...]:
    if admin is None:
        return ()
    if isinstance(admin, str):
        if not admin.strip():
            return ()
        parts = _ADMIN_SPLIT_RE.split(admin.strip())
        for number, part in enumerate(parts, start=1):
            if not part.strip():
                raise InvalidValue(f"{_quote(admin)} is not an admin path (part {number} is blank)")
        return tuple(_clean_text(part, "an admin area name") for part in parts)
    items: object = admin
    if not isinstance(items, Sequence):
        raise InvalidValue(f"{_quote(repr(items))} is not an admin path (expected text or a list)")
    return tuple(_clean_admin_part(part) for part in items)


def _clean_admin_part(part: object) -> str:
    text = _clean_text(_require_str(part, "an admin area name"), "an admin area name")
    if ">" in text:
        raise InvalidValue(
            f'{_quote(text)} is not an admin area name (">" separates the parts of a path)'
        )
    return text


@final
@dataclass(frozen=True, slots=True)
class Place:
    """A place: its name as written, an optional gazetteer id and the admin areas above it."""

    name: str
    gazetteer_id: str | None = None
    admin_path: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_clean(self.name, "a place name", "Place.parse")
        if self.gazetteer_id is not None:
            gazetteer_id = _require_str(self.gazetteer_id, "a gazetteer id")
            if not _GAZETTEER_ID_RE.fullmatch(gazetteer_id):
                raise InvalidValue(
                    f"{_quote(gazetteer_id)} is not a gazetteer id (expected scheme:identifier "
                    "such as geonames:580497)"
                )
        admin_path: object = self.admin_path
        if not isinstance(admin_path, tuple):
            raise InvalidValue(
                f"{_quote(repr(admin_path))} is not an admin path (use Place.parse to clean it)"
            )
        for part in admin_path:
            if _clean_admin_part(part) != part:
                raise InvalidValue(
                    f"{_quote(str(part))} is not an admin area name in clean form (use Place.parse)"
                )

    def __str__(self) -> str:
        return self.name

    @classmethod
    def parse(
        cls,
        name: str,
        *,
        gazetteer_id: str | None = None,
        admin: str | Sequence[str] | None = None,
    ) -> Place:
        """Clean a place; ``admin`` is ``"Russia > Chechen Republic"`` or a list of the parts."""
        return cls(
            name=_clean_text(_require_str(name, "a place name"), "a place name"),
            gazetteer_id=_clean_gazetteer_id(gazetteer_id),
            admin_path=_clean_admin(admin),
        )

    @property
    def admin_text(self) -> str:
        """The admin path as ``Russia > Chechen Republic``; empty when there is none."""
        return _ADMIN_SEPARATOR.join(self.admin_path)
