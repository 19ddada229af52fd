"""Counts of people: a number (or a vague quantity word) attached to a noun naming people.

A figure becomes low / best / high by the project's counting rules
(shared reference ``counting-rules.md``): "at least N" and "more than N" are conservative
(low = best = N), an upper figure ("up to N") is never the best, "about N" is a best guess, a
range keeps its lower end as the best, and vague words take the ACLED values. A number counts
people only when a person noun follows it within a few modifier words, so years, ages,
distances and page numbers never become counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from rightsledger.extract import anchors
from rightsledger.extract.claims import CountClaim
from rightsledger.extract.lexicon import (
    EN_GAP_STOP,
    EN_MONEY_WORDS,
    EN_STATE_NOUNS,
    EN_UNITS,
    RU_GAP_STOP,
    RU_MONEY_LEMMAS,
    RU_PERSON_LEMMAS,
    RU_UNITS,
    is_english_person_noun,
)
from rightsledger.extract.morph import analyzer, lemmas
from rightsledger.extract.numbers import (
    EN_NUMBER,
    EN_WORDS,
    RU_COLLECTIVE,
    RU_COLLECTIVE_RE,
    RU_NUMBER,
    RU_WORDS,
    number_value,
)

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_AFTER_NUMBER = r"(?![\w-]|[.,][0-9]|\s*%)"

# (qualifier words, qualifier, which figures the number fills)
_EN_QUALIFIERS = {
    "at_least": "at least|at the very least|no fewer than|no less than|not less than|a minimum of",
    "more_than": "more than|over|well over|in excess of|upwards of|upward of",
    "up_to": "up to|as many as|as high as|could reach|may have reached|fewer than|less than|"
    "no more than|at most|under",
    "approx": "about|around|some|roughly|approximately|estimated|nearly|almost|"
    "close to|circa|an approximate|perhaps|maybe",
}
_RU_QUALIFIERS = {
    "at_least": "не менее чем|не менее|не меньше|по меньшей мере|по крайней мере|как минимум|"
    "минимум",
    "more_than": "более чем|более|свыше|больше чем|больше|многим более|еще более",
    "up_to": "до|может достигать|могло достигать|менее|меньше|не более|не больше|максимум",
    "approx": "около|примерно|порядка|приблизительно|почти|где-то|ориентировочно|чуть ли не|"
    "чуть менее|чуть более",
}


def _qualifier_pattern(table: dict[str, str]) -> str:
    return "|".join(
        rf"(?P<{name}>{'|'.join(sorted(words.split('|'), key=len, reverse=True))})"
        for name, words in table.items()
    )


_DASH = r"\s*[-–—]\s*"
# The same qualifiers before a vague word ("at least a dozen"), under their own group names.
_EN_VAGUE_QUALIFIERS = _qualifier_pattern(_EN_QUALIFIERS).replace("?P<", "?P<v")
_RU_VAGUE_QUALIFIERS = _qualifier_pattern(_RU_QUALIFIERS).replace("?P<", "?P<v")
_EN_VAGUE = (
    r"(?P<vague>tens of thousands|hundreds of thousands|several dozen|several hundred|"
    r"several thousand|half a dozen|a dozen|dozens|tens|hundreds|thousands|several|a few|"
    r"a handful|a couple|a number)"
    r"(?:\s+of(?:\s+(?:the|these|those|their|our|his|her|my|your))?)?"
)
_EN_RE = re.compile(
    rf"(?<![\w-])(?<![0-9][.:/])(?:"
    rf"(?:between\s+(?P<b1>{EN_NUMBER})\s+and\s+(?P<b2>{EN_NUMBER}))"
    rf"|(?:from\s+(?P<f1>{EN_NUMBER})\s+to\s+(?P<f2>{EN_NUMBER}))"
    rf"|(?:(?:(?:{_qualifier_pattern(_EN_QUALIFIERS)})\s+)?(?P<n1>{EN_NUMBER})"
    rf"(?:(?:{_DASH}|\s+to\s+|\s+or\s+)(?P<n2>{EN_NUMBER}))?)"
    rf"|(?:(?:{_EN_VAGUE_QUALIFIERS})\s+)?{_EN_VAGUE})"
    rf"{_AFTER_NUMBER}",
    re.IGNORECASE,
)
_RU_VAGUE = (
    r"(?P<vague>(?:десятки|десятков|десятками|десятках|сотни|сотен|сотнями|сотнях)\s+тысяч|"
    r"несколько десятков|нескольких десятков|несколько сотен|нескольких сотен|"
    r"несколько тысяч|нескольких тысяч|десятки|десятков|десятками|десятках|сотни|сотен|"
    r"сотнями|сотнях|тысячи|тысяч|тысячами|дюжины|дюжин|несколько|нескольких|нескольким|"
    r"несколькими)"
)
_RU_RE = re.compile(
    rf"(?<![\w-])(?<![0-9][.:/])(?:"
    rf"(?:от\s+(?P<f1>{RU_NUMBER}|{RU_COLLECTIVE_RE})\s+до\s+(?P<f2>{RU_NUMBER}))"
    rf"|(?:(?:(?:{_qualifier_pattern(_RU_QUALIFIERS)})\s+(?:(?:о|об|на)\s+)?)?"
    rf"(?P<n1>{RU_COLLECTIVE_RE}|{RU_NUMBER})"
    rf"(?:(?:{_DASH}|\s+или\s+)(?P<n2>{RU_COLLECTIVE_RE}|{RU_NUMBER}))?)"
    rf"|(?:(?:{_RU_VAGUE_QUALIFIERS})\s+)?{_RU_VAGUE})"
    rf"{_AFTER_NUMBER}",
    re.IGNORECASE,
)
# Russian puts the noun first to make a figure approximate: «человек двадцать» = about twenty.
_RU_INVERTED = re.compile(
    rf"(?<![\w-])(?P<noun>человек|мужчин|женщин|семей|детей)\s+(?P<n1>{RU_NUMBER})(?![\w-])",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|of|from|to|в|с|по|до|к)\s+|[A-Za-zА-Яа-я]{3,},?\s+)$",
    re.IGNORECASE,
)
# A figure after a number sign or a label noun is an identifier: "No. 3", «№ 1», "page 12".
_LABEL_BEFORE = re.compile(
    r"(?:№|#|\bno\.|\bnos\.|\bpage|\bpages|\bp\.|\barticle|\bart\.|\bparagraph|\bpart|"
    r"\bsection|\bclause|\bcase|\bcell|\bbuilding|\bhouse|\broom|\bward|\bcolony|"
    r"\bстать[яиеюй]|\bст\.|\bчаст[ьиью]|\bч\.|\bп\.|\bпункт\w*|\bстраниц\w*|\bстр\.|"
    r"\bдом\w*|\bд\.|\bкорпус\w*|\bкамер\w*|\bколони\w*|\bпалат\w*)\s*$",
    re.IGNORECASE,
)
# The next word, across spaces only: a comma ends the phrase ("a teacher, 48, said men…").
_WORD_AFTER = re.compile(r"\s+([\w'’]+(?:-[\w'’]+)*)")

_VAGUE_VALUES = {
    "tens of thousands": ("vague", 10_000, 10_000),
    "hundreds of thousands": ("vague", 100_000, 100_000),
    "десятков тысяч": ("vague", 10_000, 10_000),
    "сотен тысяч": ("vague", 100_000, 100_000),
    "several dozen": ("vague", 12, 12),
    "half a dozen": ("exact", 6, 6),
    "a dozen": ("exact", 12, 12),
    "dozens": ("vague", 12, 12),
    "tens": ("vague", 10, 10),
    "hundreds": ("vague", 100, 100),
    "several hundred": ("vague", 100, 100),
    "thousands": ("vague", 1000, 1000),
    "several thousand": ("vague", 1000, 1000),
    "several": ("vague", 2, None),
    "a few": ("vague", 2, None),
    "a handful": ("vague", 2, None),
    "a couple": ("vague", 2, None),
    "a number": ("vague", 2, None),
    "несколько десятков": ("vague", 12, 12),
    "несколько сотен": ("vague", 100, 100),
    "несколько тысяч": ("vague", 1000, 1000),
    "десятки": ("vague", 10, 10),
    "сотни": ("vague", 100, 100),
    "тысячи": ("vague", 1000, 1000),
    "дюжины": ("vague", 12, 12),
    "несколько": ("vague", 2, None),
}


def _vague_key(text: str) -> str:
    """The table key for a vague word in any case form (нескольких десятков → несколько …)."""
    words = text.lower().split()
    normal = []
    for word in words:
        if word.startswith("нескольк"):
            normal.append("несколько")
        elif word.startswith("десятк") or word == "десятков":
            normal.append("десятки" if len(words) == 1 else "десятков")
        elif word.startswith("сот"):
            normal.append("сотни" if len(words) == 1 else "сотен")
        elif word.startswith("тысяч"):
            normal.append("тысячи" if len(words) == 1 else "тысяч")
        elif word.startswith("дюжин"):
            normal.append("дюжины")
        else:
            normal.append(word)
    return " ".join(normal)


class _Figures(NamedTuple):
    low: int | None
    best: int | None
    high: int | None
    qualifier: str


def _qualified(qualifier: str, figure: int) -> _Figures:
    """The counting rules for one figure stated with a qualifier (counting-rules.md)."""
    if qualifier in ("at_least", "more_than"):
        return _Figures(figure, figure, None, qualifier)
    if qualifier == "up_to":
        return _Figures(None, None, figure, qualifier)
    if qualifier == "approx":
        return _Figures(None, figure, None, qualifier)
    return _Figures(figure, figure, figure, "exact")


_QUALIFIER_GROUPS = ("at_least", "more_than", "up_to", "approx")


def _stated_qualifier(groups: dict[str, str | None], prefix: str = "") -> str | None:
    return next((q for q in _QUALIFIER_GROUPS if groups.get(prefix + q)), None)


def _vague_figures(groups: dict[str, str | None]) -> _Figures | None:
    entry = _VAGUE_VALUES.get(_vague_key(groups["vague"] or ""))
    if entry is None:
        return None
    qualifier, low, best = entry
    stated = _stated_qualifier(groups, prefix="v")
    if stated is not None:
        return _qualified(stated, low)
    return _Figures(low, best, low if qualifier == "exact" else None, qualifier)


def _figures(match: re.Match[str]) -> _Figures | None:
    groups = match.groupdict()
    if groups.get("vague"):
        return _vague_figures(groups)
    for first, second in (("b1", "b2"), ("f1", "f2"), ("n1", "n2")):
        if groups.get(first) and groups.get(second):
            one, two = number_value(groups[first] or ""), number_value(groups[second] or "")
            if one is None or two is None:
                return None
            low = _shared_scale(groups[first] or "", groups[second] or "", one.value)
            if low >= two.value:
                return None
            return _Figures(low, low, two.value, "between")
    number = number_value(groups["n1"] or groups.get("f1") or "")
    if number is None:
        return None
    return _qualified(_stated_qualifier(groups) or "exact", number.value)


_SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}


def _shared_scale(first: str, second: str, value: int) -> int:
    """The first figure of a range, scaled by the word that closes the second when the first has
    none of its own: "two or three hundred" runs from 200, "5 to 6 thousand" from 5,000."""
    words = second.lower().split()
    factor = _SCALE_WORDS.get(words[-1]) if len(words) > 1 else None
    if factor is None or any(word in _SCALE_WORDS for word in first.lower().split()):
        return value
    return value * factor


_EN_PARTITIVE = re.compile(r"\s+of\s+(?:the|these|those|their|our|its|his|her|my|your)\b")
# Ends before the space, as the noun search expects a space before each word.
_RU_PARTITIVE = re.compile(r"\s+из(?:\s+числа)?(?=\s)")


# Nouns that English coordinates into one group of people by sex or age: "60 young men and
# women", "23 women and girls", "ten women and children". The count keeps its first noun as
# the subject; the span runs through the second.
_PAIRED = frozenset("men women boys girls children kids".split())


def _en_noun(text: str, position: int) -> tuple[int, str] | None:
    """End offset and text of the person noun after ``position``, across up to 3 modifiers.

    A partitive ("three of the detainees") counts the people of the noun after it.
    """
    found: tuple[int, str] | None = None
    partitive = _EN_PARTITIVE.match(text, position)
    if partitive:
        position = partitive.end()
    start = position
    for _ in range(4):
        word = _WORD_AFTER.match(text, position)
        if word is None:
            break
        token = word[1]
        lower = token.lower()
        if lower in EN_MONEY_WORDS:  # a sum ("150,000 tenge"), whatever else the word may be
            break
        if is_english_person_noun(lower) and (lower not in EN_STATE_NOUNS or position == start):
            found = (word.end(1), token)
            position = word.end(1)
            continue
        # "men and women", "women and children": a second noun of the usual pairs joins the
        # first, and the count covers both (other lists are separate counts).
        if found is not None and lower in ("and", "&"):
            pair = _WORD_AFTER.match(text, word.end(1))
            if pair is not None and found[1].lower() in _PAIRED and pair[1].lower() in _PAIRED:
                found = (pair.end(1), found[1])
            break
        # "eleven current and former staff": before the noun, "and"/"or" join modifiers.
        joins = lower in ("and", "or") and found is None and position != start
        if not joins and (
            found is not None or lower in EN_GAP_STOP or token[0].isdigit() or lower in EN_WORDS
        ):
            break
        position = word.end(1)
    return found


def _ru_noun(text: str, position: int) -> tuple[int, str, str] | None:
    """Like ``_en_noun`` for Russian: nouns by lemma, modifiers must be adjectives/participles.

    The search stops after the first true noun, so a genitive that follows it («семей
    родственников») is not taken for the counted noun.
    """
    found: tuple[int, str, str] | None = None
    partitive = _RU_PARTITIVE.match(text, position)
    if partitive:
        position = partitive.end()
    for _ in range(4):
        word = _WORD_AFTER.match(text, position)
        if word is None:
            break
        token = word[1]
        if not _CYRILLIC.match(token):  # a Russian noun phrase is written in Cyrillic
            break
        forms = lemmas(token)
        # «сомов» (not the catfish); indeclinable «тенге», «лари» by their written form.
        if token.lower() in RU_MONEY_LEMMAS or any(f in RU_MONEY_LEMMAS for f in forms):
            break
        person = next((f for f in forms if f in RU_PERSON_LEMMAS), None) or _animate(token)
        if person is not None and _is_nominal(token) and not _short_participle(token):
            found = (word.end(1), token, person)
            position = word.end(1)
            if not _may_describe(token):  # a true noun ends the phrase
                break
            continue
        if found is not None or any(f in RU_GAP_STOP for f in forms) or not _is_modifier(token):
            break
        if _substantivised(text, word.end(1), token):
            return (word.end(1), token, forms[0] if forms else token.lower())
        position = word.end(1)
    return found


def _short_participle(token: str) -> bool:
    """«задержаны», «отпущены»: a participle with no case is the clause's verb, not a noun."""
    parses = _parses(token)
    return bool(parses) and all(
        parse.feats.get("VerbForm") == "Part" and "Case" not in parse.feats for parse in parses
    )


def _substantivised(text: str, end: int, token: str) -> bool:
    """A plural adjective or participle that ends the phrase stands for people.

    «трое неизвестных», «пятеро раненых», «двое из пострадавших»: no noun follows, so the
    adjective is the counted noun. A capitalised word is a name, not a description.
    """
    # a short participle has no case and is the verb of the clause: «двое задержаны»
    if token[0].isupper() or not any(
        parse.feats.get("Number") == "Plur"
        and parse.pos in ("ADJ", "VERB")
        and "Case" in parse.feats
        for parse in _parses(token)
    ):
        return False
    following = _WORD_AFTER.match(text, end)
    if following is None or text[end : following.start(1)].strip():
        return True
    likely = _parses(following[1])[0]
    return likely.pos not in ("NOUN", "PROPN", "ADJ") and likely.feats.get("VerbForm") != "Part"


class _Parse(NamedTuple):
    pos: str | None
    feats: dict[str, str]
    normal: str


@lru_cache(maxsize=100_000)
def _parses(token: str) -> tuple[_Parse, ...]:
    """pymorphy2's readings of a word (part of speech and features), cached per word."""
    return tuple(
        _Parse(p.pos, dict(p.feats), str(p.normal)) for p in analyzer().parse(token.lower())
    )


def _may_describe(token: str) -> bool:
    """Whether a word can also be an adjective or participle («раненых мужчин»)."""
    return any(
        parse.pos == "ADJ" or parse.feats.get("VerbForm") == "Part" for parse in _parses(token)
    )


def _noun_follows(text: str, position: int) -> bool:
    """Whether a noun comes right after: «двое суток» counts days, not people."""
    word = _WORD_AFTER.match(text, position)
    return word is not None and _parses(word[1])[0].pos == "NOUN"


def _animate(token: str) -> str | None:
    """The lemma of an animate noun not in the lists («чеченцев» → чеченец), else None."""
    if token[0].isupper():  # a name («№ 1 Аслан»), not a noun naming people
        return None
    parse = _parses(token)[0]
    if parse.pos == "NOUN" and parse.feats.get("Animacy") == "Anim":
        return str(parse.normal).replace("ё", "е")
    return None


def _is_nominal(token: str) -> bool:
    """A noun, adjective or participle: not a finite verb such as «погибли»."""
    return any(
        parse.pos in ("NOUN", "PROPN", "ADJ") or parse.feats.get("VerbForm") == "Part"
        for parse in _parses(token)
    )


def _is_modifier(token: str) -> bool:
    if token.lower() == "и":
        return True
    for parse in _parses(token):
        if parse.pos in ("ADJ", "DET") or parse.feats.get("VerbForm") == "Part":
            return True
    return False


def find_counts(text: str) -> Iterator[CountClaim]:
    yield from _find(text, _EN_RE, russian=False)
    yield from _find(text, _RU_RE, russian=True)
    yield from _inverted(text)


def _inverted(text: str) -> Iterator[CountClaim]:
    for match in anchors.anchored(_RU_INVERTED, text, _INVERTED_FIRST):
        number = number_value(match["n1"])
        if number is None or not number.in_words:
            continue
        yield CountClaim(
            start=match.start(),
            end=match.end(),
            text=match[0],
            rule="count.ru.approx.inverted",
            confidence=0.7,
            low=None,
            best=number.value,
            high=None,
            qualifier="approx",
            unit=RU_UNITS.get(lemmas(match["noun"])[0], "person"),
            subject=match["noun"],
        )


def _is_year(text: str, match: re.Match[str]) -> bool:
    """A bare four-digit figure after a month name or a preposition of time is a year."""
    figure = match["n1"] or ""
    if match.lastgroup not in (None, "n1") and not figure:
        return False
    if not (figure.isdigit() and len(figure) == 4 and 1800 <= int(figure) <= 2100):
        return False
    if any(match.groupdict().get(q) for q in ("at_least", "more_than", "up_to", "approx")):
        return False
    before = text[max(0, match.start() - 20) : match.start()]
    return bool(_YEAR_BEFORE.search(before))


def _is_label(text: str, match: re.Match[str]) -> bool:
    """A bare figure that numbers a thing (page, article, cell, «№»), not people."""
    if not (match["n1"] or "")[:1].isdigit() or match.start("n1") != match.start():
        return False
    return bool(_LABEL_BEFORE.search(text[max(0, match.start() - 20) : match.start()]))


_EN_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?|january|february|march|"
    r"april|june|july|august|september|october|november|december"
)
_RU_MONTH = r"январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август|августа|"
_RU_MONTH += r"сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]"
# "14 August", «14 августа»: a figure before a month is the day of a date.
_MONTH_AFTER = re.compile(rf"\s+(?:{_EN_MONTH}|{_RU_MONTH})(?![\w-])", re.IGNORECASE)
# "August 14 my brother…": a figure after a month is its day unless the person noun follows
# at once ("in August 14 people were detained").
_MONTH_BEFORE = re.compile(rf"(?<![\w-])(?:{_EN_MONTH}|{_RU_MONTH})\s+$", re.IGNORECASE)


def _is_day_of_month(text: str, match: re.Match[str], noun_start: int | None) -> bool:
    """A bare figure of 1–31 beside a month name is a day of a date, never a count."""
    figure = match["n1"] or ""
    if match.start("n1") != match.start() or not figure.isdigit() or not 1 <= int(figure) <= 31:
        return False
    if _MONTH_AFTER.match(text, match.end()):
        return True
    if match["n2"] or not _MONTH_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
        return False
    following = _WORD_AFTER.match(text, match.end())
    return following is None or following.start(1) != noun_start


def _first_words(*tables: object) -> set[str]:
    words: set[str] = set()
    for table in tables:
        phrases = table.values() if isinstance(table, dict) else table
        for phrase in phrases:  # type: ignore[attr-defined]
            words.update(p.split()[0] for p in str(phrase).split("|") if p.strip())
    return words


_EN_FIRST = anchors.starts_with_figure_or(
    {*EN_WORDS, "a", "between", "from"}
    | _first_words(_EN_QUALIFIERS, [k for k in _VAGUE_VALUES if k.isascii()])
)
_RU_FIRST = anchors.starts_with_figure_or(
    {*RU_WORDS, *RU_COLLECTIVE, "от", "десятков", "десятками", "десятках", "сотен", "сотнями"}
    | {"сотнях", "тысяч", "тысячами", "дюжин", "нескольких", "нескольким", "несколькими"}
    | _first_words(_RU_QUALIFIERS, [k for k in _VAGUE_VALUES if not k.isascii()])
)
_INVERTED_FIRST = anchors.starts_with_figure_or({"человек", "мужчин", "женщин", "семей", "детей"})


# A verb right after "both" shows it stands alone for the people ("Both were detained").
_EN_VERB_AFTER = re.compile(
    r"\s+(?:had|have|has|were|was|are|is|said|say|told|remain\w*|died|fled|left|received|spent|"
    r"described|reported|went|returned|disappeared|managed|could|would|will|still)\b",
    re.IGNORECASE,
)


def _find(text: str, pattern: re.Pattern[str], *, russian: bool) -> Iterator[CountClaim]:
    accept = _RU_FIRST if russian else _EN_FIRST
    for match in anchors.anchored(pattern, text, accept):
        figures = _figures(match)
        if figures is None or _is_year(text, match) or _is_label(text, match):
            continue
        collective = russian and (match["n1"] or "").lower() in RU_COLLECTIVE
        # "Both had received warnings": "both" standing for the people, as «оба» does
        collective = collective or (
            not russian
            and (match["n1"] or "").lower() == "both"
            and _EN_VERB_AFTER.match(text, match.end()) is not None
        )
        if russian:
            noun = _ru_noun(text, match.end())
            end, subject, unit_word = noun if noun else (match.end(), None, None)
            unit = RU_UNITS.get(unit_word or "", "person")
        else:
            en = _en_noun(text, match.end())
            end, subject = en if en else (match.end(), None)
            unit = EN_UNITS.get((subject or "").lower(), "person")
        if subject is None and (not collective or _noun_follows(text, match.end())):
            continue
        if _is_day_of_month(text, match, end - len(subject) if subject else None):
            continue
        if figures.best is not None and figures.best > 10_000_000:
            continue
        rule = f"count.{'ru' if russian else 'en'}.{figures.qualifier}"
        if collective:
            rule += ".collective"
        confidence = 0.9 if figures.qualifier in ("exact", "at_least", "more_than") else 0.8
        if subject is None:
            confidence = 0.6
        yield CountClaim(
            start=match.start(),
            end=end,
            text=text[match.start() : end],
            rule=rule,
            confidence=confidence,
            low=figures.low,
            best=figures.best,
            high=figures.high,
            qualifier=figures.qualifier,
            unit=unit,
            subject=subject,
        )
