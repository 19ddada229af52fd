"""Numbers written in figures or in English and Russian words, with their values.

Russian numerals decline, so every case form is listed (``ста``, ``двухсот``, ``пятистам``,
``тысячами``); collective numerals (``двое``, ``троих``, ``пятерым``) are a separate table
because they count people by themselves. The tables are generated from stems so that each
form follows the grammar rather than a list of sentences seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

# kind: "unit" adds, "hundred" multiplies what came before by 100 (English), "scale" closes a
# group (thousand, million).
_UNIT, _HUNDRED, _SCALE, _ONE_AND_A_HALF = "unit", "hundred", "scale", "one and a half"

EN_WORDS: dict[str, tuple[int, str]] = {}
for _value, _word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split()
):
    EN_WORDS[_word] = (_value, _UNIT)
for _value, _word in zip(
    range(20, 100, 10),
    "twenty thirty forty fifty sixty seventy eighty ninety".split(),
    strict=True,
):
    EN_WORDS[_word] = (_value, _UNIT)
EN_WORDS["both"] = (2, _UNIT)
EN_WORDS["hundred"] = (100, _HUNDRED)
EN_WORDS["dozen"] = (12, _HUNDRED)  # "two dozen" multiplies like "two hundred"
EN_WORDS["thousand"] = (1000, _SCALE)
EN_WORDS["million"] = (1_000_000, _SCALE)

RU_WORDS: dict[str, tuple[int, str]] = {}


def _ru(value: int, *forms: str, kind: str = _UNIT) -> None:
    for form in forms:
        RU_WORDS[form] = (value, kind)
        if "ё" in form:
            RU_WORDS[form.replace("ё", "е")] = (value, kind)


_ru(1, "один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну")
_ru(2, "два", "две", "двух", "двум", "двумя")
_ru(3, "три", "трёх", "трём", "тремя")
_ru(4, "четыре", "четырёх", "четырём", "четырьмя")
# Five to twenty and the tens ending in -дцать decline like nouns of the third declension.
for _value, _stem in (
    (5, "пят"),
    (6, "шест"),
    (7, "сем"),
    (8, "восьм"),
    (9, "девят"),
    (10, "десят"),
    (11, "одиннадцат"),
    (12, "двенадцат"),
    (13, "тринадцат"),
    (14, "четырнадцат"),
    (15, "пятнадцат"),
    (16, "шестнадцат"),
    (17, "семнадцат"),
    (18, "восемнадцат"),
    (19, "девятнадцат"),
    (20, "двадцат"),
    (30, "тридцат"),
):
    _ru(_value, _stem + "ь", _stem + "и", _stem + "ью")
_ru(8, "восемь", "восемью")
_ru(40, "сорок", "сорока")
for _value, _gen, _ins in (
    (50, "пятидесяти", "пятьюдесятью"),
    (60, "шестидесяти", "шестьюдесятью"),
    (70, "семидесяти", "семьюдесятью"),
    (80, "восьмидесяти", "восемьюдесятью"),
):
    _ru(_value, _gen.replace("идесяти", "ьдесят"), _gen, _ins)
_ru(90, "девяносто", "девяноста")
_ru(100, "сто", "ста")
# Nouns of quantity multiply what precedes them («два десятка», «сотня»); the plurals «десятки»,
# «сотни» are vague words, read by the count rules. «полтора» is one and a half.
_ru(10, "десяток", "десятка", "десятку", "десятком", "десятке", kind=_HUNDRED)
_ru(100, "сотня", "сотню", "сотней", "сотне", kind=_HUNDRED)
_ru(1, "полтора", "полторы", "полутора", kind=_ONE_AND_A_HALF)
_ru(50, "полсотни", "полусотни")
_ru(500, "полтысячи", "полутысячи")
_ru(500_000, "полмиллиона", "полумиллиона")
_ru(200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
_ru(300, "триста", "трёхсот", "трёмстам", "тремястами", "трёхстах")
_ru(400, "четыреста", "четырёхсот", "четырёмстам", "четырьмястами", "четырёхстах")
for _value, _nom, _stem, _ins in (
    (500, "пятьсот", "пят", "пятью"),
    (600, "шестьсот", "шест", "шестью"),
    (700, "семьсот", "сем", "семью"),
    (800, "восемьсот", "восьм", "восемью"),
    (900, "девятьсот", "девят", "девятью"),
):
    _ru(_value, _nom, _stem + "исот", _stem + "истам", _ins + "стами", _stem + "истах")
_ru(
    1000,
    "тысяча",
    "тысячи",
    "тысяче",
    "тысячу",
    "тысячей",
    "тысячью",
    "тысяч",
    "тысячам",
    "тысячами",
    "тысячах",
    kind=_SCALE,
)

# Plural nouns of quantity after a number multiply it («полутора сотен» = 150, «двух
# десятков» = 20, «трёх тысяч»). Alone they are vague words («сотни», «десятки»), read by the
# count rules, so a number never starts with one of them.
RU_MULTIPLIERS: dict[str, tuple[int, str]] = {}
for _form in ("сотни", "сотен", "сотням", "сотнями", "сотнях"):
    RU_MULTIPLIERS[_form] = (100, _HUNDRED)
for _form in ("десятки", "десятков", "десяткам", "десятками", "десятках"):
    RU_MULTIPLIERS[_form] = (10, _HUNDRED)
_RU_VALUES = {**RU_WORDS, **RU_MULTIPLIERS}

# Collective numerals: двое/трое take -их/-им/-ими, the rest -ых/-ым/-ыми.
RU_COLLECTIVE: dict[str, int] = {}
for _value, _stem, _nom, _vowel in (
    (2, "дво", "двое", "и"),
    (3, "тро", "трое", "и"),
    (4, "четвер", "четверо", "ы"),
    (5, "пятер", "пятеро", "ы"),
    (6, "шестер", "шестеро", "ы"),
    (7, "семер", "семеро", "ы"),
    (8, "восьмер", "восьмеро", "ы"),
    (9, "девятер", "девятеро", "ы"),
    (10, "десятер", "десятеро", "ы"),
):
    for _form in (_nom, _stem + _vowel + "х", _stem + _vowel + "м", _stem + _vowel + "ми"):
        RU_COLLECTIVE[_form] = _value
# «оба/обе» (both) count two people as the collective numerals do.
for _form in ("оба", "обе", "обоих", "обеих", "обоим", "обеим", "обоими", "обеими"):
    RU_COLLECTIVE[_form] = 2

_DIGITS = r"[0-9]{1,3}(?:(?:,|[\u00a0\u202f ])[0-9]{3})+(?![0-9])|[0-9]+"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_EN_SCALED = r"[0-9]+(?:[.,][0-9]+)?\s+(?:thousand|million)(?![\w-])"
_RU_SCALED = r"[0-9]+(?:[.,][0-9]+)?\s+(?:тысяч[а-я]*|миллион[а-я]*|млн\.?)(?![\w-])"
_EN_WORD = _alternation(EN_WORDS)
_RU_WORD = _alternation(RU_WORDS)
_EN_WORDS_RE = rf"(?:a\s+)?(?:{_EN_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_EN_WORD}))*(?![\w-])"
EN_NUMBER = rf"(?:{_EN_SCALED}|{_DIGITS}|{_EN_WORDS_RE})"
# Russian writes case endings after figures: «10-ти», «20-и», «5-ю».
_RU_DIGITS = rf"(?:{_DIGITS})(?:-(?:ти|и|х|ми|ть|ью|ю|ого|ому|ых))?"
_RU_NEXT_WORD = _alternation({**RU_WORDS, **RU_MULTIPLIERS})
RU_NUMBER = rf"(?:{_RU_SCALED}|{_RU_DIGITS}|(?:{_RU_WORD})(?:\s+(?:{_RU_NEXT_WORD}))*(?![\w-]))"
RU_COLLECTIVE_RE = rf"(?:{_alternation(RU_COLLECTIVE)})(?![\w-])"


class Number(NamedTuple):
    value: int
    in_words: bool


def _words_value(words: list[str], table: dict[str, tuple[int, str]]) -> int:
    total, current = 0.0, 0.0
    for word in words:
        value, kind = table[word]
        if kind == _ONE_AND_A_HALF:
            current += 1.5
        elif kind == _HUNDRED:
            current = max(current, 1) * value
        elif kind == _SCALE:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return round(total + current)


def number_value(text: str) -> Number | None:
    """The value of a number matched by ``EN_NUMBER`` or ``RU_NUMBER``; None if not one."""
    cleaned = text.strip().lower()
    scaled = re.fullmatch(
        r"([0-9]+(?:[.,][0-9]+)?)\s+(thousand|million|тысяч|миллион|млн)\w*\.?", cleaned
    )
    if scaled:
        factor = 1000 if scaled[2] in ("thousand", "тысяч") else 1_000_000
        return Number(round(float(scaled[1].replace(",", ".")) * factor), in_words=False)
    digits = re.sub(r"[,\u00a0\u202f ]", "", re.sub(r"-[а-я]+$", "", cleaned))
    if digits.isdigit():
        return Number(int(digits), in_words=False)
    if cleaned in RU_COLLECTIVE:
        return Number(RU_COLLECTIVE[cleaned], in_words=True)
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w not in ("and", "a")]
    if not words:
        return None
    for table in (EN_WORDS, _RU_VALUES):
        if all(word in table for word in words):
            return Number(_words_value(words, table), in_words=True)
    return None
