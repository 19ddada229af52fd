"""Counts: number words in English and Russian (every case form) and the counting rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightsledger.extract import CountClaim
from rightsledger.extract.counts import find_counts
from rightsledger.extract.numbers import number_value

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen".split()
_UNITS += "fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def english_words(n: int) -> str:
    """Written-out English for 0 ≤ n < 1,000,000, as a style guide would spell it."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    if n < 1000:
        rest = "" if n % 100 == 0 else " and " + english_words(n % 100)
        return f"{_UNITS[n // 100]} hundred{rest}"
    rest = "" if n % 1000 == 0 else " " + english_words(n % 1000)
    return f"{english_words(n // 1000)} thousand{rest}"


_RU_GENITIVE_UNITS = "нуля одного двух трёх четырёх пяти шести семи восьми девяти".split()
_RU_GENITIVE_TEENS = (
    "десяти одиннадцати двенадцати тринадцати четырнадцати пятнадцати шестнадцати "
    "семнадцати восемнадцати девятнадцати"
).split()
_RU_GENITIVE_TENS = (
    "двадцати тридцати сорока пятидесяти шестидесяти семидесяти восьмидесяти девяноста".split()
)
_RU_GENITIVE_HUNDREDS = (
    "ста двухсот трёхсот четырёхсот пятисот шестисот семисот восьмисот девятисот".split()
)


def russian_genitive(n: int) -> str:
    """The genitive («более …») of 1 ≤ n < 1000: the case form reports use after «более»."""
    words = []
    if n >= 100:
        words.append(_RU_GENITIVE_HUNDREDS[n // 100 - 1])
        n %= 100
    if 10 <= n < 20:
        words.append(_RU_GENITIVE_TEENS[n - 10])
    else:
        if n >= 20:
            words.append(_RU_GENITIVE_TENS[n // 10 - 2])
        if n % 10:
            words.append(_RU_GENITIVE_UNITS[n % 10])
    return " ".join(words)


@given(st.integers(min_value=0, max_value=999_999))
def test_english_number_words_read_back(n: int) -> None:
    number = number_value(english_words(n))
    assert number is not None
    assert number.value == n


@given(st.integers(min_value=1, max_value=999))
def test_russian_genitive_numbers_read_back(n: int) -> None:
    number = number_value(russian_genitive(n))
    assert number is not None
    assert number.value == n


@settings(deadline=None)  # the first example loads the Russian dictionary
@given(st.integers(min_value=1, max_value=999))
def test_more_than_n_men_in_russian_is_conservative(n: int) -> None:
    text = f"Были задержаны более {russian_genitive(n)} мужчин."
    (claim,) = find_counts(text)
    assert (claim.low, claim.best, claim.high, claim.qualifier) == (n, n, None, "more_than")
    assert claim.text == f"более {russian_genitive(n)} мужчин"


def only(text: str) -> CountClaim:
    claims = list(find_counts(text))
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "span", "figures", "qualifier"),
    [
        ("more than 100 men were held", "more than 100 men", (100, 100, None), "more_than"),
        ("at least 20 young gay men died", "at least 20 young gay men", (20, 20, None), "at_least"),
        ("up to 200 people fled", "up to 200 people", (None, None, 200), "up_to"),
        ("as many as 45 people died", "as many as 45 people", (None, None, 45), "up_to"),
        ("about 30 families left", "about 30 families", (None, 30, None), "approx"),
        ("between 40 and 50 detainees", "between 40 and 50 detainees", (40, 40, 50), "between"),
        ("20-30 protesters", "20-30 protesters", (20, 20, 30), "between"),
        ("dozens of people", "dozens of people", (12, 12, None), "vague"),
        ("tens of volunteers", "tens of volunteers", (10, 10, None), "vague"),
        ("hundreds of civilians", "hundreds of civilians", (100, 100, None), "vague"),
        ("several journalists", "several journalists", (2, None, None), "vague"),
        ("three of the detainees", "three of the detainees", (3, 3, 3), "exact"),
        ("1,200 refugees", "1,200 refugees", (1200, 1200, 1200), "exact"),
        ("не менее двадцати человек", "не менее двадцати человек", (20, 20, None), "at_least"),
        ("до двухсот человек бежали", "до двухсот человек", (None, None, 200), "up_to"),
        ("около 30 семей", "около 30 семей", (None, 30, None), "approx"),
        ("от 40 до 50 жителей", "от 40 до 50 жителей", (40, 40, 50), "between"),
        ("десятки людей", "десятки людей", (10, 10, None), "vague"),
        (
            "несколько десятков журналистов",
            "несколько десятков журналистов",
            (12, 12, None),
            "vague",
        ),
        ("сотни людей", "сотни людей", (100, 100, None), "vague"),
        ("Трое задержанных", "Трое задержанных", (3, 3, 3), "exact"),
        ("задержали пятерых активистов", "пятерых активистов", (5, 5, 5), "exact"),
        ("Нас было человек двадцать.", "человек двадцать", (None, 20, None), "approx"),
        ("задержали 20 чеченцев", "20 чеченцев", (20, 20, 20), "exact"),
        ("более сотни человек", "более сотни человек", (100, 100, None), "more_than"),
        ("два десятка журналистов", "два десятка журналистов", (20, 20, 20), "exact"),
        (
            "около полутора тысяч человек",
            "около полутора тысяч человек",
            (None, 1500, None),
            "approx",
        ),
        ("не менее 10-ти человек", "не менее 10-ти человек", (10, 10, None), "at_least"),
        ("two dozen men", "two dozen men", (24, 24, 24), "exact"),
        ("at least 12 killed", "at least 12 killed", (12, 12, None), "at_least"),
        ("Two of his brothers", "Two of his brothers", (2, 2, 2), "exact"),
        (
            "примерно о 90 тысячах переселенцев",
            "примерно о 90 тысячах переселенцев",
            (None, 90_000, None),
            "approx",
        ),
    ],
)
def test_counting_rules(
    text: str, span: str, figures: tuple[int | None, ...], qualifier: str
) -> None:
    claim = only(text)
    assert claim.text == span
    assert text[claim.start : claim.end] == span
    assert (claim.low, claim.best, claim.high) == figures
    assert claim.qualifier == qualifier


def test_families_are_counted_as_families() -> None:
    assert only("около 30 семей").unit == "family"
    assert only("Some 1,500 families were displaced").unit == "family"


@pytest.mark.parametrize(
    "text",
    [
        "He was held for 12 days.",
        "A 19-year-old student and 20-year-old men.",
        "They drove for about 40 kilometres.",
        "See page 12 and Article 24 of the code.",
        "In 2019 my office received 214 complaints.",
        "on 2 February 2022 officers searched the homes",
        "Свидетель, 34 года, провёл там 18 дней.",
        "Суд продлил арест на два месяца; отпустили через двое суток.",
        "three remain missing",
    ],
)
def test_years_ages_durations_and_pages_are_not_counts(text: str) -> None:
    assert list(find_counts(text)) == []


def test_collective_numeral_alone_counts_people() -> None:
    claim = only("Двое из них рассказали адвокату.")
    assert (claim.text, claim.best, claim.subject) == ("Двое", 2, None)
