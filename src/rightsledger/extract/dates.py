"""Dates and date ranges in English and Russian, as intervals with a TIMEX3-style modifier.

"Early / beginning of" a month is days 1–10, "mid" 11–20, "late / end of" 21 to the last day:
this split is rightsledger's own convention (shared reference ``counting-rules.md``). For a
year the same words take its first, second and last third (January–April, May–August,
September–December), likewise the project's convention. A date whose year is not written is
given the nearest year stated before it (else after it) and flagged ``year_inferred``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rightsledger.errors import InvalidValue
from rightsledger.extract import anchors
from rightsledger.extract.claims import DateClaim
from rightsledger.values import FuzzyDate

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
# Month stems with the endings of every case (апрель, апреля, апреле, апрелем; май, мая, мае).
_RU_MONTH = (
    r"(?:(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ём|ем)"
    r"|(?:март|август)(?:а|е|ом)?|ма(?:й|я|е|ем|ём))"
)
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_RU_YEAR_WORD = r"(?:\s*(?:года|году|год|годах|годов|годы|гг\.|г\.|г(?![\w])))?"

_EN_MOD = (
    r"(?:(?P<{n}>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end|close)\s+of"
    r"|(?:the\s+)?(?:first|second)\s+half\s+of"
    r"|(?:the\s+)?first\s+days\s+of|(?:the\s+)?last\s+days\s+of|around|about|circa|approximately"
    r")[\s-]+)?"
)
_RU_MOD = (
    r"(?:(?P<{n}>начал[еаоу]|середин[еуаы]|конц[еау]|конец|первых\s+числах|последних\s+числах"
    r"|(?:перв|втор)(?:ой|ую|ая)\s+половин[еуы]"
    r"|перв(?:ой|ую)\s+декад[еуы]|последн(?:ей|юю)\s+декад[еуы]|примерно\s+в|около)\s+)?"
)
_MODIFIERS = {
    "early": "START", "beginning": "START", "start": "START", "first": "START",
    "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "close": "END", "last": "END",
    "around": "APPROX", "about": "APPROX", "circa": "APPROX", "approximately": "APPROX",
    "начал": "START", "перв": "START", "середин": "MID", "кон": "END", "последн": "END",
    "примерно": "APPROX", "около": "APPROX",
}  # fmt: skip


def _modifier(text: str | None) -> str | None:
    if not text:
        return None
    words = text.lower().replace("-", " ").split()
    if any(word.startswith(("half", "половин")) for word in words):
        first = any(word.startswith(("first", "перв")) for word in words)
        return "FIRST_HALF" if first else "SECOND_HALF"
    for word in words:
        if word == "the":
            continue
        for key, value in _MODIFIERS.items():
            if word.startswith(key):
                return value
    return None


def _month(text: str) -> int:
    lower = text.lower()
    for stem, number in _RU_MONTHS.items():
        if lower.startswith(stem):
            return number
    return _EN_MONTHS[lower[:3]]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_bounds(year: int, month: int, modifier: str | None) -> tuple[date, date]:
    last = _last_day(year, month)
    if modifier == "FIRST_HALF":
        return date(year, month, 1), date(year, month, 15)
    if modifier == "SECOND_HALF":
        return date(year, month, 16), date(year, month, last)
    if modifier == "START":
        return date(year, month, 1), date(year, month, 10)
    if modifier == "MID":
        return date(year, month, 11), date(year, month, 20)
    if modifier == "END":
        return date(year, month, 21), date(year, month, last)
    return date(year, month, 1), date(year, month, last)


def _year_bounds(year: int, modifier: str | None) -> tuple[date, date]:
    if modifier == "FIRST_HALF":
        return date(year, 1, 1), date(year, 6, 30)
    if modifier == "SECOND_HALF":
        return date(year, 7, 1), date(year, 12, 31)
    if modifier == "START":
        return date(year, 1, 1), date(year, 4, 30)
    if modifier == "MID":
        return date(year, 5, 1), date(year, 8, 31)
    if modifier == "END":
        return date(year, 9, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
    "весн": (3, 5), "лет": (6, 8), "осен": (9, 11),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    earliest: date
    latest: date
    modifier: str | None
    rule: str
    year_inferred: bool = False


class _NoYear(Exception):
    """The expression names no year and the text states none to borrow."""


_Handler = Callable[[re.Match[str], Callable[[int], int]], tuple[date, date, str | None]]


def _g(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


# A year named relative to the text's own ("last year", «прошлого года») counts from the
# nearest year stated before it, as a missing year does.
_RELATIVE_YEARS = {
    "last": -1, "previous": -1, "прошлого": -1, "прошлом": -1, "позапрошлого": -2,
    "позапрошлом": -2, "this": 0, "same": 0, "этого": 0, "этом": 0, "текущего": 0,
    "текущем": 0, "нынешнего": 0, "нынешнем": 0, "того": 0, "том": 0, "next": 1,
    "following": 1, "следующего": 1, "следующем": 1,
}  # fmt: skip
_EN_RELATIVE_YEAR = (
    r"(?:,?\s+(?:of\s+)?(?:the\s+)?(?P<rel>last|previous|this|same|next|following)\s+year)"
)
_RU_RELATIVE_YEAR = (
    r"(?:\s+(?P<rel>прошлого|позапрошлого|этого|текущего|нынешнего|того|следующего)\s+года)"
)


def _year_of(match: re.Match[str], name: str, context: Callable[[int], int]) -> int:
    value = _g(match, name)
    if value:
        return int(value)
    relative = _g(match, "rel")
    return context(match.start()) + (_RELATIVE_YEARS[relative.lower()] if relative else 0)


def _full(match: re.Match[str], context: Callable[[int], int]) -> tuple[date, date, str | None]:
    year = _year_of(match, "y1", context)
    day = date(year, _month(match["m1"]), int(match["d1"]))
    return day, day, None


def _numeric(match: re.Match[str], _: Callable[[int], int]) -> tuple[date, date, str | None]:
    if match["iy"]:
        day = date(int(match["iy"]), int(match["im"]), int(match["id"]))
    else:
        day = date(int(match["ny"]), int(match["nm"]), int(match["nd"]))
    return day, day, None


def _day_range(match: re.Match[str], context: Callable[[int], int]) -> tuple[date, date, None]:
    year = _year_of(match, "y1", context)
    month = _month(match["m1"] or match["m0"])
    first_month = _month(match["m0"]) if _g(match, "m0") else month
    return date(year, first_month, int(match["d0"])), date(year, month, int(match["d1"])), None


def _month_year(
    match: re.Match[str], context: Callable[[int], int]
) -> tuple[date, date, str | None]:
    modifier = _modifier(_g(match, "mod1"))
    year = _year_of(match, "y1", context)
    earliest, latest = _month_bounds(year, _month(match["m1"]), modifier)
    return earliest, latest, modifier


def _month_range(match: re.Match[str], context: Callable[[int], int]) -> tuple[date, date, None]:
    year_end = _year_of(match, "y1", context)
    year_start = int(match["y0"]) if _g(match, "y0") else year_end
    first, second = _month(match["m0"]), _month(match["m1"])
    if not _g(match, "y0") and first > second:
        year_start -= 1
    start, _ = _month_bounds(year_start, first, _modifier(_g(match, "mod0")))
    _, end = _month_bounds(year_end, second, _modifier(_g(match, "mod1")))
    return start, end, None


def _year(match: re.Match[str], _: Callable[[int], int]) -> tuple[date, date, str | None]:
    modifier = _modifier(_g(match, "mod1"))
    earliest, latest = _year_bounds(int(match["y1"]), modifier)
    return earliest, latest, modifier


def _year_range(match: re.Match[str], _: Callable[[int], int]) -> tuple[date, date, None]:
    return date(int(match["y0"]), 1, 1), date(int(match["y1"]), 12, 31), None


def _season(match: re.Match[str], context: Callable[[int], int]) -> tuple[date, date, None]:
    year = _year_of(match, "y1", context)
    name = match["season"].lower()
    first, last = next(v for k, v in _SEASONS.items() if name.startswith(k))
    return date(year, first, 1), date(year, last, _last_day(year, last)), None


def _year_part(
    match: re.Match[str], context: Callable[[int], int]
) -> tuple[date, date, str | None]:
    """ "the start of the year", «конца прошлого года»: a part of the year the text is in."""
    modifier = _modifier(_g(match, "mod1"))
    earliest, latest = _year_bounds(_year_of(match, "y1", context), modifier)
    return earliest, latest, modifier


def _relative_year(match: re.Match[str], context: Callable[[int], int]) -> tuple[date, date, None]:
    year = _year_of(match, "y1", context)
    return date(year, 1, 1), date(year, 12, 31), None


def _en(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){pattern}(?![\w])")


_AFTER_SEASON = (
    "of|and|or|but|when|while|as|after|before|until|the|a|an|to|in|on|at|by|for|with|from|he|"
    "she|they|we|i|it|his|her|their|our|there|that|this|these|those|was|were|had|has|have|is|"
    "are|months|holidays|break|last|next|alone|too|again|already"
)
_EN_MOD1, _EN_MOD0 = _EN_MOD.format(n="mod1"), _EN_MOD.format(n="mod0")
_RU_MOD1, _RU_MOD0 = _RU_MOD.format(n="mod1"), _RU_MOD.format(n="mod0")
_RANGE_WORD_EN = r"(?:\s*[-–—]\s*|\s+(?:to|and|until|till|through|-)\s+)"
_OPT_YEAR_EN = rf"(?:,?\s+(?:of\s+)?(?P<y1>{_YEAR}))"

# (name, pattern, handler, needs-a-stated-year). Order does not matter: the longest match at a
# place wins.
_RULES: tuple[tuple[str, re.Pattern[str], _Handler, bool], ...] = (
    (
        "date.numeric",
        re.compile(
            rf"(?<![\w.])(?:(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01])"
            rf"|(?P<nd>0?[1-9]|[12][0-9]|3[01])\.(?P<nm>0?[1-9]|1[0-2])\.(?P<ny>{_YEAR}))(?![\w.]?[0-9])"
        ),
        _numeric,
        True,
    ),
    (
        "date.en.day",
        _en(
            rf"(?:(?P<d1>{_DAY}){_ORD}(?:\s+of)?\s+(?P<m1>{_EN_MONTH})"
            rf"|(?P<m1b>{_EN_MONTH})\s+(?P<d1b>{_DAY}){_ORD}){_OPT_YEAR_EN}?"
        ),
        lambda m, c: _full(_swap(m), c),
        False,
    ),
    (
        "date.en.day_range",
        _en(
            rf"(?:between\s+|from\s+)?(?P<d0>{_DAY}){_ORD}(?:\s+(?P<m0>{_EN_MONTH}))?{_RANGE_WORD_EN}"
            rf"(?P<d1>{_DAY}){_ORD}\s+(?P<m1>{_EN_MONTH}){_OPT_YEAR_EN}?"
        ),
        _day_range,
        False,
    ),
    (
        "date.en.month_day_range",
        _en(
            rf"(?:between\s+|from\s+)?(?P<m0>{_EN_MONTH})\s+(?P<d0>{_DAY}){_ORD}"
            rf"{_RANGE_WORD_EN}(?:(?P<m1>{_EN_MONTH})\s+)?(?P<d1>{_DAY}){_ORD}{_OPT_YEAR_EN}"
        ),
        _day_range,
        False,
    ),
    (
        "date.en.month",
        _en(rf"{_EN_MOD1}(?P<m1>{_EN_MONTH})(?:{_OPT_YEAR_EN}|{_EN_RELATIVE_YEAR})"),
        _month_year,
        True,
    ),
    # "May" is also a verb: a month without a year needs a preposition before it.
    (
        "date.en.month_no_year",
        re.compile(
            rf"\b(?:in|In|since|Since|by|until|during|of|from|From|before|after|By|Until)\s+"
            # "during the January unrest", "after the August war": a month naming an event.
            r"(?:the\s+(?=[A-Z][a-z]+\s+[a-z]))?"
            rf"(?P<body>{_EN_MOD1}(?P<m1>{_EN_MONTH}))(?![\w])"
        ),
        _month_year,
        False,
    ),
    (
        "date.en.month_range",
        _en(
            rf"(?:between\s+|from\s+)?{_EN_MOD0}(?P<m0>{_EN_MONTH})(?:,?\s+(?P<y0>{_YEAR}))?"
            rf"{_RANGE_WORD_EN}{_EN_MOD1}(?P<m1>{_EN_MONTH}){_OPT_YEAR_EN}"
        ),
        _month_range,
        True,
    ),
    ("date.en.year", _en(rf"{_EN_MOD1}(?P<y1>{_YEAR})(?!\s*[-–—]\s*[0-9])"), _year, True),
    (
        "date.en.year_range",
        _en(rf"(?:between\s+|from\s+)?(?P<y0>{_YEAR}){_RANGE_WORD_EN}(?P<y1>{_YEAR})"),
        _year_range,
        True,
    ),
    (
        "date.en.season",
        _en(rf"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all)(?:\s+of)?,?\s+(?P<y1>{_YEAR})"),
        _season,
        True,
    ),
    # A season without its year takes the year from the text; in English it needs a
    # preposition ("in the spring"), in Russian the adverb form («весной») is enough.
    (
        "date.en.season_no_year",
        re.compile(
            # The preposition is looked behind, so the rule is tried only at "the" or a season.
            "".join(
                [
                    "(?:",
                    "|".join(
                        f"(?<=\\b{word} )"
                        for word in "in In during During by By since Since until Until over "
                        "Over".split()
                    ),
                    ")",
                ]
            )
            + r"(?:the\s+)?(?P<season>spring|summer|autumn|fall)"
            + rf"(?:{_EN_RELATIVE_YEAR})?(?![\w])(?!,?\s+(?:of\s+)?[0-9])"
            # "in the summer heat", "during the summer camp": a season before a noun describes
            # it and names no time (a function word or "months" may follow a date).
            + rf"(?!\s+(?!(?:{_AFTER_SEASON})\b)[a-z])"
        ),
        _season,
        False,
    ),
    (
        "date.ru.season_no_year",
        _en(rf"(?P<season>[Вв]есной|[Лл]етом|[Оо]сенью)(?:{_RU_RELATIVE_YEAR})?(?!\s+[0-9])"),
        _season,
        False,
    ),
    (
        "date.en.part_of_relative_year",
        _en(
            r"(?P<mod1>(?:the\s+)?(?:beginning|start|middle|end|close)\s+of|"
            r"(?:the\s+)?(?:first|second)\s+half\s+of)\s+(?:the\s+|this\s+)?"
            r"(?:(?P<rel>last|previous|next|following)\s+)?year\b"
        ),
        _year_part,
        False,
    ),
    (
        "date.ru.part_of_relative_year",
        _en(
            r"(?P<mod1>начал[еаоу]|середин[еуаы]|конц[еау]|конец|(?:перв|втор)(?:ой|ую|ая)\s+"
            r"половин[еуы])\s+(?:(?P<rel>прошлого|позапрошлого|этого|текущего|нынешнего|"
            r"следующего)\s+)?года\b"
        ),
        _year_part,
        False,
    ),
    (
        "date.en.relative_year",
        _en(r"(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+year"),
        _relative_year,
        False,
    ),
    (
        "date.ru.relative_year",
        _en(
            r"(?P<rel>прошлого|позапрошлого|этого|текущего|нынешнего|прошлом|позапрошлом|этом|"
            r"текущем|нынешнем)\s+(?:году|года)"
        ),
        _relative_year,
        False,
    ),
    (
        "date.ru.day",
        _en(rf"(?P<d1>{_DAY})\s+(?P<m1>{_RU_MONTH})(?:\s+(?P<y1>{_YEAR}){_RU_YEAR_WORD})?"),
        _full,
        False,
    ),
    (
        "date.ru.day_range",
        _en(
            rf"(?:с\s+)?(?P<d0>{_DAY})(?:\s+(?P<m0>{_RU_MONTH}))?(?:\s*[-–—]\s*|\s+по\s+|\s+на\s+)"
            rf"(?P<d1>{_DAY})\s+(?P<m1>{_RU_MONTH})(?:\s+(?P<y1>{_YEAR}){_RU_YEAR_WORD})?"
        ),
        _day_range,
        False,
    ),
    (
        "date.ru.month",
        _en(
            rf"{_RU_MOD1}(?P<m1>{_RU_MONTH})"
            rf"(?:\s+(?P<y1>{_YEAR}){_RU_YEAR_WORD}|{_RU_RELATIVE_YEAR})?"
        ),
        _month_year,
        False,
    ),
    (
        "date.ru.month_range",
        _en(
            rf"(?:с\s+|между\s+)?{_RU_MOD0}(?P<m0>{_RU_MONTH})(?:\s+(?P<y0>{_YEAR}){_RU_YEAR_WORD})?"
            rf"(?:\s*[-–—]\s*|\s+по\s+|\s+и\s+|\s+до\s+)"
            rf"{_RU_MOD1}(?P<m1>{_RU_MONTH})(?:\s+(?P<y1>{_YEAR}){_RU_YEAR_WORD})?"
        ),
        _month_range,
        False,
    ),
    (
        "date.ru.year",
        _en(rf"{_RU_MOD1}(?P<y1>{_YEAR})(?:\s*(?:года|году|год|г\.|г(?![\w])))"),
        _year,
        True,
    ),
    (
        "date.ru.year_range",
        _en(
            rf"(?:с\s+|между\s+)?(?P<y0>{_YEAR})(?:\s*[-–—]\s*|\s+по\s+|\s+и\s+)(?P<y1>{_YEAR})"
            rf"(?:\s*(?:годах|годы|год|годами|гг\.|г\.))"
        ),
        _year_range,
        True,
    ),
    (
        "date.ru.season",
        _en(
            rf"(?P<season>[Вв]есной|[Лл]етом|[Оо]сенью|[Вв]есна|[Лл]ето|[Оо]сень)\s+(?P<y1>{_YEAR}){_RU_YEAR_WORD}"
        ),
        _season,
        True,
    ),
)


def _swap(match: re.Match[str]) -> re.Match[str]:
    """Month-first English dates use the groups m1b/d1b; expose them as m1/d1."""
    if match["m1b"]:
        return _Alias(match, {"m1": "m1b", "d1": "d1b"})  # type: ignore[return-value]
    return match


class _Alias:
    """A read-only view of a match whose group names are redirected (month-first dates)."""

    def __init__(self, match: re.Match[str], alias: dict[str, str]) -> None:
        self._match, self._alias = match, alias

    def __getitem__(self, name: str) -> str | None:
        return self._match[self._alias.get(name, name)]

    def groupdict(self) -> dict[str, str | None]:
        groups = self._match.groupdict()
        for new, old in self._alias.items():
            groups[new] = groups[old]
        return groups

    def start(self) -> int:
        return self._match.start()


_RU_MONTH_WORD = re.compile(_RU_MONTH)
_DATE_WORDS = frozenset(
    [
        *(m.lower() for m in calendar.month_name[1:]),
        *(m.lower() for m in calendar.month_abbr[1:]),
        *"sept early mid late the beginning start middle end close first second last around about "
        "circa approximately between from spring summer "
        "autumn fall начале начала начало началу середине середину середина середины конце конца "
        "концу конец первых последних первой первую последней последнюю второй вторую вторая "
        "примерно около с между весной летом осенью весна лето осень last this next прошлого "
        "позапрошлого этого текущего нынешнего прошлом позапрошлом этом текущем нынешнем".split(),
    ]
)


def _date_first(word: str) -> bool:
    """Whether a date can start at this word: a figure, a month, a modifier or preposition."""
    return word[0].isdigit() or word in _DATE_WORDS or _is_russian_month(word)


_PREPOSITIONS = frozenset("in since by until during of from before after over".split())


def _after_preposition(word: str) -> bool:
    return word in _PREPOSITIONS


@lru_cache(maxsize=100_000)
def _is_russian_month(word: str) -> bool:
    return bool(_RU_MONTH_WORD.fullmatch(word))


_YEAR_ANYWHERE = re.compile(rf"(?<![\w.-]){_YEAR}(?![\w.-]?[0-9])")


# The date a document is written on, in its heading: "Press release | Aden, 21 October 2024",
# «Генеральная прокуратура …, 27 сентября 2021 года».
_HEADING_DATE = re.compile(
    rf"(?<![\w-]){_DAY}{_ORD}\s+(?:{_EN_MONTH}|{_RU_MONTH}),?\s+(?P<y>{_YEAR})"
    rf"|{_EN_MONTH}\s+{_DAY}{_ORD},?\s+(?P<y2>{_YEAR})",
    re.IGNORECASE,
)
_HEADING_LENGTH = 300
# A date counted from the time of writing: "since January" (up to now), or in a sentence about
# what is still to come ("will be heard again on 2 December", «рассмотрит … будет»).
_SINCE_BEFORE = re.compile(r"(?:\bsince|\bначиная\s+с)\s+$", re.IGNORECASE)
_SINCE_AT = re.compile(r"since\s", re.IGNORECASE)  # rules that start at their preposition
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+due\s+to|are\s+due\s+to|is\s+scheduled|are\s+scheduled|"
    r"будет|будут|состоится|запланирован\w*)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


def _writing_year(text: str) -> int | None:
    """The year of the document's own date, when its heading states one."""
    heading = text[:_HEADING_LENGTH].split("\n\n", 1)[0]
    match = _HEADING_DATE.search(heading)
    return int(match["y"] or match["y2"]) if match else None


def _from_time_of_writing(text: str, start: int) -> bool:
    """Whether a date without its year is told from the time of writing: after "since", or in
    a sentence in the future tense. Such a date takes the document's year, not the year of an
    earlier event ("saw him in May 2009 … the matter will be heard again on 2 December")."""
    if _SINCE_BEFORE.search(text[max(0, start - 16) : start]) or _SINCE_AT.match(text, start):
        return True
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    sentence_start = ends[-1] if ends else max(0, start - 300)
    following = _SENTENCE_END.search(text, start)
    sentence_end = following.start() if following else len(text)
    return bool(_FUTURE.search(text, sentence_start, sentence_end))


def find_dates(text: str) -> Iterator[DateClaim]:
    stated = [(m.start(), int(m[0])) for m in _YEAR_ANYWHERE.finditer(text)]
    offsets = [start for start, _ in stated]
    inferred: list[bool] = []
    writing_year = _writing_year(text)

    def context(position: int) -> int:
        inferred.append(True)
        if writing_year is not None and _from_time_of_writing(text, position):
            return writing_year
        before = bisect.bisect_left(offsets, position)
        if before:
            return stated[before - 1][1]
        if stated:
            return stated[0][1]
        raise _NoYear

    found: list[_Found] = []
    for name, pattern, handler, _ in _RULES:
        accept = _after_preposition if "body" in pattern.groupindex else _date_first
        for match in anchors.anchored(pattern, text, accept):
            inferred.clear()
            try:
                earliest, latest, modifier = handler(match, context)
            except (_NoYear, ValueError, KeyError):
                continue
            if earliest > latest:
                continue
            start = match.start("body") if "body" in pattern.groupindex else match.start()
            found.append(
                _Found(start, match.end(), earliest, latest, modifier, name, bool(inferred))
            )
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    last_end = -1
    for item in found:
        if item.start < last_end:
            continue
        last_end = item.end
        claim = _claim(text, item)
        if claim is not None:
            yield claim


def _claim(text: str, item: _Found) -> DateClaim | None:
    try:
        value = FuzzyDate.from_bounds(item.earliest, item.latest)
        if item.modifier == "APPROX" and value.precision.value in ("day", "month", "year"):
            value = FuzzyDate.parse(value.edtf + "~")
    except InvalidValue:
        return None
    rule = item.rule + (".year_from_context" if item.year_inferred else "")
    return DateClaim(
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        rule=rule,
        confidence=0.6 if item.year_inferred else 0.9,
        earliest=item.earliest.isoformat(),
        latest=item.latest.isoformat(),
        edtf=value.edtf,
        modifier=item.modifier,
        precision=value.precision.value,
        year_inferred=item.year_inferred,
    )
