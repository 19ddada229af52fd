"""Dates as intervals, with the project's early/mid/late convention."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsledger.extract import DateClaim
from rightsledger.extract.dates import find_dates
from rightsledger.values import FuzzyDate

_MONTHS = list(calendar.month_name)[1:]
_RU_GENITIVE = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)


def only(text: str) -> DateClaim:
    claims = list(find_dates(text))
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "span", "earliest", "latest", "modifier"),
    [
        ("in April 2017", "April 2017", "2017-04-01", "2017-04-30", None),
        ("in early April 2017", "early April 2017", "2017-04-01", "2017-04-10", "START"),
        ("in mid-April 2017", "mid-April 2017", "2017-04-11", "2017-04-20", "MID"),
        ("in late February 2016", "late February 2016", "2016-02-21", "2016-02-29", "END"),
        (
            "at the beginning of April 2017",
            "the beginning of April 2017",
            "2017-04-01",
            "2017-04-10",
            "START",
        ),
        (
            "between April and December 2017",
            "between April and December 2017",
            "2017-04-01",
            "2017-12-31",
            None,
        ),
        ("on 3 April 2017", "3 April 2017", "2017-04-03", "2017-04-03", None),
        ("on April 3, 2017", "April 3, 2017", "2017-04-03", "2017-04-03", None),
        (
            "between 12 and 22 May 2018",
            "between 12 and 22 May 2018",
            "2018-05-12",
            "2018-05-22",
            None,
        ),
        ("from 2015 to 2017", "from 2015 to 2017", "2015-01-01", "2017-12-31", None),
        ("in autumn 2020", "autumn 2020", "2020-09-01", "2020-11-30", None),
        (
            "the first half of 2018",
            "the first half of 2018",
            "2018-01-01",
            "2018-06-30",
            "FIRST_HALF",
        ),
        ("в 2002 году", "2002 году", "2002-01-01", "2002-12-31", None),
        (
            "в начале апреля 2017 года",
            "начале апреля 2017 года",
            "2017-04-01",
            "2017-04-10",
            "START",
        ),
        ("в конце октября 2020 года", "конце октября 2020 года", "2020-10-21", "2020-10-31", "END"),
        (
            "с апреля по декабрь 2017 года",
            "с апреля по декабрь 2017 года",
            "2017-04-01",
            "2017-12-31",
            None,
        ),
        ("с 3 по 10 мая 2019 года", "с 3 по 10 мая 2019 года", "2019-05-03", "2019-05-10", None),
        ("в 2015–2016 годах", "2015–2016 годах", "2015-01-01", "2016-12-31", None),
        ("весной 2016 года", "весной 2016 года", "2016-03-01", "2016-05-31", None),
        ("03.04.2017", "03.04.2017", "2017-04-03", "2017-04-03", None),
    ],
)
def test_dates_become_intervals(
    text: str, span: str, earliest: str, latest: str, modifier: str | None
) -> None:
    claim = only(text)
    assert claim.text == span
    assert (claim.earliest, claim.latest, claim.modifier) == (earliest, latest, modifier)
    assert claim.year_inferred is False
    value = FuzzyDate.parse(claim.edtf)
    assert (str(value.earliest), str(value.latest)) == (earliest, latest)


def test_a_year_taken_from_context_is_flagged() -> None:
    text = "The raids began in 2016. By late May the village was empty."
    claims = list(find_dates(text))
    assert [c.text for c in claims] == ["2016", "late May"]
    inferred = claims[1]
    assert (inferred.earliest, inferred.latest) == ("2016-05-21", "2016-05-31")
    assert inferred.year_inferred is True
    assert inferred.rule.endswith(".year_from_context")
    assert inferred.confidence < claims[0].confidence


def test_no_year_anywhere_means_no_date() -> None:
    assert list(find_dates("They came in May and left in June.")) == []


def test_may_the_verb_is_not_a_month() -> None:
    texts = [claim.text for claim in find_dates("Up to 200 people may have fled in 2017.")]
    assert texts == ["2017"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_english_day_reads_back(day: date) -> None:
    claim = only(f"on {day.day} {_MONTHS[day.month - 1]} {day.year}")
    assert claim.earliest == claim.latest == day.isoformat()


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_russian_day_reads_back(day: date) -> None:
    claim = only(f"{day.day} {_RU_GENITIVE[day.month - 1]} {day.year} года")
    assert claim.earliest == claim.latest == day.isoformat()


@given(st.integers(1900, 2099), st.integers(1, 12), st.sampled_from(["early", "mid", "late"]))
def test_early_mid_late_split_the_month_at_10_and_20(year: int, month: int, word: str) -> None:
    claim = only(f"in {word} {_MONTHS[month - 1]} {year}")
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[word]
    assert claim.earliest == date(year, month, first_day).isoformat()
    assert claim.latest == date(year, month, last_day).isoformat()
