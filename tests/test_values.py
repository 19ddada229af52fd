from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TypeVar

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rightsledger.errors import InvalidValue
from rightsledger.values import (
    MAX_COUNT,
    Count,
    CountQualifier,
    FuzzyDate,
    Name,
    Place,
    Precision,
    Script,
    clean_fuzzy_date,
)

D = date
T = TypeVar("T")


def _outcome(parse: Callable[[str], T], text: str) -> tuple[T | None, str]:
    """The parsed value, or None and the error message; any other exception fails the test."""
    try:
        return parse(text), ""
    except InvalidValue as error:
        return None, str(error)


# --------------------------------------------------------------------------------------------
# FuzzyDate: accepted forms
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2017", D(2017, 1, 1), D(2017, 12, 31), Precision.year),
        ("2017-04", D(2017, 4, 1), D(2017, 4, 30), Precision.month),
        ("2017-02", D(2017, 2, 1), D(2017, 2, 28), Precision.month),
        ("2016-02", D(2016, 2, 1), D(2016, 2, 29), Precision.month),
        ("2000-02", D(2000, 2, 1), D(2000, 2, 29), Precision.month),
        ("1900-02", D(1900, 2, 1), D(1900, 2, 28), Precision.month),
        ("2017-12", D(2017, 12, 1), D(2017, 12, 31), Precision.month),
        ("2017-04-03", D(2017, 4, 3), D(2017, 4, 3), Precision.day),
        ("2016-02-29", D(2016, 2, 29), D(2016, 2, 29), Precision.day),
        ("0001", D(1, 1, 1), D(1, 12, 31), Precision.year),
        ("9999-12-31", D(9999, 12, 31), D(9999, 12, 31), Precision.day),
        ("2017-04-01/2017-04-10", D(2017, 4, 1), D(2017, 4, 10), Precision.interval),
        ("2017/2018-03", D(2017, 1, 1), D(2018, 3, 31), Precision.interval),
        ("2017/2017", D(2017, 1, 1), D(2017, 12, 31), Precision.interval),
        ("../2018-03", None, D(2018, 3, 31), Precision.interval),
        ("2017-04/..", D(2017, 4, 1), None, Precision.interval),
        ("/2018", None, D(2018, 12, 31), Precision.interval),
        ("2017/", D(2017, 1, 1), None, Precision.interval),
    ],
)
def test_fuzzy_date_forms(
    text: str, earliest: date | None, latest: date | None, precision: Precision
) -> None:
    value = FuzzyDate.parse(text)
    assert value.earliest == earliest
    assert value.latest == latest
    assert value.precision is precision
    assert not value.approximate
    assert not value.uncertain
    assert str(value) == text
    assert value.edtf == text


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain", "precision"),
    [
        ("2017~", True, False, Precision.year),
        ("2017-04?", False, True, Precision.month),
        ("2017-04-03%", True, True, Precision.day),
        ("2017-04~/2017-06", True, False, Precision.interval),
        ("2017/2018?", False, True, Precision.interval),
        ("2017~/2018?", True, True, Precision.interval),
        ("../2018-03%", True, True, Precision.interval),
    ],
)
def test_fuzzy_date_qualifiers_keep_the_bounds_of_the_stated_unit(
    text: str, approximate: bool, uncertain: bool, precision: Precision
) -> None:
    value = FuzzyDate.parse(text)
    assert value.approximate is approximate
    assert value.uncertain is uncertain
    assert value.precision is precision
    assert str(value) == text


def test_qualified_month_bounds() -> None:
    value = FuzzyDate.parse("2017-04~")
    assert (value.earliest, value.latest) == (D(2017, 4, 1), D(2017, 4, 30))
    assert FuzzyDate.parse("2017-04~") != FuzzyDate.parse("2017-04")


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("  2017-04 ", "2017-04"),
        ("\t2017\n", "2017"),
        ("2017 / 2018", "2017/2018"),
        ("2017-04-01 /2017-04-10", "2017-04-01/2017-04-10"),
        (".. / 2018", "../2018"),
    ],
)
def test_fuzzy_date_canonical_text(text: str, canonical: str) -> None:
    assert str(FuzzyDate.parse(text)) == canonical
    assert FuzzyDate.parse(text) == FuzzyDate.parse(canonical)


def test_open_and_unknown_sides_differ_in_text_only() -> None:
    open_start = FuzzyDate.parse("../2018")
    unknown_start = FuzzyDate.parse("/2018")
    assert (open_start.earliest, open_start.latest) == (
        unknown_start.earliest,
        unknown_start.latest,
    )
    assert open_start != unknown_start
    assert str(unknown_start) == "/2018"


# --------------------------------------------------------------------------------------------
# FuzzyDate: rejections
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2017-13", "no month 13"),
        ("2017-00", "no month 00"),
        ("2017-04-31", "2017-04 has 30 days"),
        ("2017-02-29", "2017-02 has 28 days"),
        ("1900-02-29", "1900-02 has 28 days"),
        ("2017-04-00", "2017-04 has 30 days"),
        ("2018/2017", "starts after it ends"),
        ("2017-04-11/2017-04-10", "starts after it ends"),
        ("0000", "0001 to 9999"),
        ("2017/0000", "0001 to 9999"),
        ("../..", "at least one side"),
        ("/", "at least one side"),
        ("../", "at least one side"),
        ("/..", "at least one side"),
        ("10000", "expected EDTF"),
        ("-0001", "expected EDTF"),
        ("", "expected EDTF"),
        ("   ", "expected EDTF"),
        ("..", "expected EDTF"),
        ("garbage", "expected EDTF"),
        ("2017-4", "expected EDTF"),
        ("17", "expected EDTF"),
        ("2017-04-3", "expected EDTF"),
        ("2017~?", "expected EDTF"),
        ("~2017", "expected EDTF"),
        ("2017/2018/2019", "expected EDTF"),
        ("April 2017", "expected EDTF"),
        ("２０１７", "expected EDTF"),
    ],
)
def test_fuzzy_date_rejections_quote_the_value(text: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        FuzzyDate.parse(text)
    message = str(caught.value)
    assert message.startswith(f'"{text.strip()}" is not a date (')
    assert reason in message


def test_inner_newline_is_rejected() -> None:
    with pytest.raises(InvalidValue, match=r'"2017\\u000a/2018" is not a date'):
        FuzzyDate.parse("2017\n/2018")


def test_generic_date_message_matches_the_house_style() -> None:
    with pytest.raises(InvalidValue) as caught:
        FuzzyDate.parse("spring")
    assert str(caught.value) == (
        '"spring" is not a date (expected EDTF such as 2017, 2017-04, 2017-04-03, '
        "2017-04-01/2017-04-10, 2017-04~ or ../2018-03)"
    )


def test_fuzzy_date_parse_refuses_non_text() -> None:
    with pytest.raises(InvalidValue, match="is not a date"):
        FuzzyDate.parse(2017)  # type: ignore[arg-type]


def test_constructor_accepts_only_canonical_text() -> None:
    assert FuzzyDate("2017-04") == FuzzyDate.parse("2017-04")
    with pytest.raises(InvalidValue, match='"2017 /2018" is not canonical EDTF'):
        FuzzyDate("2017 /2018")
    with pytest.raises(InvalidValue, match="no month 13"):
        FuzzyDate("2017-13")


def test_fuzzy_date_is_immutable_and_hashable() -> None:
    value = FuzzyDate.parse("2017-04")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.earliest = D(2000, 1, 1)  # type: ignore[misc]
    assert len({value, FuzzyDate.parse(" 2017-04 "), FuzzyDate.parse("2017-04~")}) == 2


# --------------------------------------------------------------------------------------------
# FuzzyDate: constructors, helpers, relations
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earliest", "latest", "text", "precision"),
    [
        (D(2017, 4, 3), D(2017, 4, 3), "2017-04-03", Precision.day),
        (D(2017, 4, 1), D(2017, 4, 30), "2017-04", Precision.month),
        (D(2016, 2, 1), D(2016, 2, 29), "2016-02", Precision.month),
        (D(2017, 1, 1), D(2017, 12, 31), "2017", Precision.year),
        (D(2017, 4, 1), D(2017, 4, 10), "2017-04-01/2017-04-10", Precision.interval),
        (D(2017, 4, 1), D(2017, 5, 31), "2017-04-01/2017-05-31", Precision.interval),
        (D(2017, 1, 1), D(2018, 12, 31), "2017-01-01/2018-12-31", Precision.interval),
        (D(2017, 2, 1), D(2017, 2, 27), "2017-02-01/2017-02-27", Precision.interval),
        (None, D(2018, 3, 31), "../2018-03-31", Precision.interval),
        (D(2017, 4, 1), None, "2017-04-01/..", Precision.interval),
        (datetime(2017, 4, 3, 12, 30), D(2017, 4, 3), "2017-04-03", Precision.day),
    ],
)
def test_from_bounds(
    earliest: date | None, latest: date | None, text: str, precision: Precision
) -> None:
    value = FuzzyDate.from_bounds(earliest, latest)
    assert str(value) == text
    assert value.precision is precision


def test_from_bounds_rejections() -> None:
    with pytest.raises(InvalidValue, match='"2018-01-01" is after "2017-01-01"'):
        FuzzyDate.from_bounds(D(2018, 1, 1), D(2017, 1, 1))
    with pytest.raises(InvalidValue, match="at least one bound"):
        FuzzyDate.from_bounds(None, None)
    with pytest.raises(InvalidValue, match="'2017-01-01'"):
        FuzzyDate.from_bounds("2017-01-01", None)  # type: ignore[arg-type]


def test_year() -> None:
    assert FuzzyDate.year(2017) == FuzzyDate.parse("2017")
    assert str(FuzzyDate.year(5)) == "0005"
    for bad in (0, 10_000, -1):
        with pytest.raises(InvalidValue, match=f'"{bad}" is not a year'):
            FuzzyDate.year(bad)
    with pytest.raises(InvalidValue, match='"True" is not a year'):
        FuzzyDate.year(True)


def test_is_exact() -> None:
    assert FuzzyDate.parse("2017-04-03").is_exact
    assert not FuzzyDate.parse("2017-04-03~").is_exact
    assert not FuzzyDate.parse("2017-04-03?").is_exact
    assert not FuzzyDate.parse("2017-04").is_exact
    assert not FuzzyDate.parse("2017-04-03/2017-04-03").is_exact


def test_contains() -> None:
    april = FuzzyDate.parse("2017-04")
    assert april.contains(D(2017, 4, 1))
    assert april.contains(D(2017, 4, 30))
    assert not april.contains(D(2017, 3, 31))
    assert not april.contains(D(2017, 5, 1))
    assert april.contains(datetime(2017, 4, 30, 23, 59))
    before = FuzzyDate.parse("../2018-03")
    assert before.contains(D(1, 1, 1))
    assert not before.contains(D(2018, 4, 1))
    after = FuzzyDate.parse("2017/")
    assert after.contains(D(9999, 12, 31))
    assert not after.contains(D(2016, 12, 31))


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("2017-04", "2017-04-30", True),
        ("2017-04", "2017-05", False),
        ("2017-04-01/2017-04-10", "2017-04-10/2017-04-20", True),
        ("2017-04-01/2017-04-10", "2017-04-11/2017-04-20", False),
        ("../2017", "2017-12-31", True),
        ("../2017", "2018", False),
        ("2017/..", "/2016", False),
        ("2017/..", "../2020", True),
        ("2017~", "2017-06?", True),
    ],
)
def test_overlaps(left: str, right: str, expected: bool) -> None:
    a, b = FuzzyDate.parse(left), FuzzyDate.parse(right)
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


def test_clean_fuzzy_date() -> None:
    assert clean_fuzzy_date(None) is None
    assert clean_fuzzy_date("") is None
    assert clean_fuzzy_date("  \t") is None
    assert clean_fuzzy_date(" 2017-04 ") == FuzzyDate.parse("2017-04")
    value = FuzzyDate.parse("2017?")
    assert clean_fuzzy_date(value) is value
    assert clean_fuzzy_date(D(2017, 4, 3)) == FuzzyDate.parse("2017-04-03")
    assert clean_fuzzy_date(datetime(2017, 4, 3, 9)) == FuzzyDate.parse("2017-04-03")
    with pytest.raises(InvalidValue, match='"2017-13" is not a date'):
        clean_fuzzy_date("2017-13")
    with pytest.raises(InvalidValue, match='"2017" is not a date'):
        clean_fuzzy_date(2017)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# FuzzyDate: properties
# --------------------------------------------------------------------------------------------

DAYS = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))
QUALIFIERS = st.sampled_from(["", "~", "?", "%"])
UNITS = st.sampled_from(["year", "month", "day"])


def _single_text(day: date, unit: str, qualifier: str) -> str:
    text = {"year": day.isoformat()[:4], "month": day.isoformat()[:7], "day": day.isoformat()}[unit]
    return text + qualifier


@st.composite
def edtf_texts(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["single", "closed", "open-start", "open-end"]))
    first = draw(DAYS)
    side = _single_text(first, draw(UNITS), draw(QUALIFIERS))
    if shape == "single":
        return side
    if shape == "closed":
        second = draw(DAYS)
        low, high = sorted((first, second))
        start = _single_text(low, draw(UNITS), draw(QUALIFIERS))
        end = _single_text(high, draw(UNITS), draw(QUALIFIERS))
        return f"{start}/{end}"
    undated = draw(st.sampled_from(["..", ""]))
    return f"{undated}/{side}" if shape == "open-start" else f"{side}/{undated}"


@given(edtf_texts())
def test_fuzzy_date_round_trip(text: str) -> None:
    value = FuzzyDate.parse(text)
    assert str(value) == text
    assert FuzzyDate.parse(str(value)) == value
    assert FuzzyDate(value.edtf) == value
    assert hash(FuzzyDate.parse(f" {text} ")) == hash(value)


@given(edtf_texts())
def test_fuzzy_date_bounds_are_ordered(text: str) -> None:
    value = FuzzyDate.parse(text)
    assert value.earliest is not None or value.latest is not None
    if value.earliest is not None and value.latest is not None:
        assert value.earliest <= value.latest
    if value.precision is not Precision.interval:
        assert value.earliest is not None
        assert value.latest is not None


@given(edtf_texts(), DAYS)
def test_contains_agrees_with_bounds(text: str, day: date) -> None:
    value = FuzzyDate.parse(text)
    inside = (value.earliest is None or value.earliest <= day) and (
        value.latest is None or day <= value.latest
    )
    assert value.contains(day) is inside
    if value.earliest is not None:
        assert value.contains(value.earliest)
        if value.earliest > D(1, 1, 1):
            assert not value.contains(value.earliest - timedelta(days=1))
    if value.latest is not None:
        assert value.contains(value.latest)
        if value.latest < D(9999, 12, 31):
            assert not value.contains(value.latest + timedelta(days=1))


@given(edtf_texts(), edtf_texts(), DAYS)
def test_overlaps_is_symmetric_and_sees_shared_days(left: str, right: str, day: date) -> None:
    a, b = FuzzyDate.parse(left), FuzzyDate.parse(right)
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(a)
    if a.contains(day) and b.contains(day):
        assert a.overlaps(b)


@given(edtf_texts())
def test_from_bounds_keeps_the_bounds(text: str) -> None:
    value = FuzzyDate.parse(text)
    rebuilt = FuzzyDate.from_bounds(value.earliest, value.latest)
    assert (rebuilt.earliest, rebuilt.latest) == (value.earliest, value.latest)
    assert FuzzyDate.parse(str(rebuilt)) == rebuilt


@given(st.text())
def test_fuzzy_date_parse_raises_only_invalid_value(text: str) -> None:
    value, message = _outcome(FuzzyDate.parse, text)
    if value is None:
        assert "is not a date" in message
    else:
        assert FuzzyDate.parse(str(value)) == value


@given(st.text(alphabet="0123456789-/.~?% ", max_size=30))
def test_fuzzy_date_parse_raises_only_invalid_value_on_near_misses(text: str) -> None:
    value, message = _outcome(FuzzyDate.parse, text)
    if value is None:
        assert "is not a date" in message
    else:
        assert FuzzyDate.parse(str(value)) == value
        if value.earliest is not None and value.latest is not None:
            assert value.earliest <= value.latest


# --------------------------------------------------------------------------------------------
# Count
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (Count.of(low=100, best=100, qualifier=CountQualifier.more_than), "100/100/;more_than"),
        (Count.exact(20), "20/20/20;exact"),
        (Count.of(high=200, qualifier="up_to"), "//200;up_to"),
        (Count.of(best=50, qualifier="approx"), "/50/;approx"),
        (Count.of(low=10, best=10, high=30, qualifier="between"), "10/10/30;between"),
        (Count.of(low=12, best=12, qualifier="vague"), "12/12/;vague"),
        (Count.of(low=2), "2//"),
        (Count.of(best=0), "/0/"),
    ],
)
def test_count_text(count: Count, text: str) -> None:
    assert str(count) == text
    assert Count.parse(text) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", Count(low=20, best=20, high=20, qualifier=CountQualifier.exact)),
        (" 20 ", Count(low=20, best=20, high=20, qualifier=CountQualifier.exact)),
        ("1,200", Count(low=1200, best=1200, high=1200, qualifier=CountQualifier.exact)),
        (" 100 / 100 / ; more_than ", Count(low=100, best=100, qualifier=CountQualifier.more_than)),
        ("1 200/1 500/", Count(low=1200, best=1500)),
        ("1/2/3;", Count(low=1, best=2, high=3)),
    ],
)
def test_count_parse(text: str, expected: Count) -> None:
    assert Count.parse(text) == expected


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        (7, 7),
        ("7", 7),
        (" 7 ", 7),
        ("1,200", 1200),
        ("1 200", 1200),
        ("1\u00a0200", 1200),
        ("1\u202f200 000", None),  # separators must agree
        ("1,200,000", 1_200_000),
        ("007", 7),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_count_of_figures(raw: int | str | None, number: int | None) -> None:
    if number is None and raw is not None and raw.__class__ is str and str(raw).strip():
        with pytest.raises(InvalidValue):
            Count.of(best=raw, high=10**9)
        return
    assert Count.of(best=raw, high=10**9).best == number


@pytest.mark.parametrize(
    ("field_name", "raw", "reason"),
    [
        ("low", "-3", "cannot be negative"),
        ("low", -3, "cannot be negative"),
        ("best", "−3", "cannot be negative"),
        ("best", "2.5", "whole number"),
        ("high", "1,5", "whole number"),
        ("high", "many", "expected a whole number"),
        ("best", "1,20", "whole number"),
        ("best", "12,3456", "whole number"),
        ("low", "+5", "expected a whole number"),
        ("low", "٢٠", "expected a whole number"),
        ("high", str(MAX_COUNT + 1), "not plausible"),
        ("high", "9" * 5000, "not plausible"),
        ("high", MAX_COUNT + 1, "not plausible"),
    ],
)
def test_count_of_rejects_bad_figures_naming_the_field(
    field_name: str, raw: int | str, reason: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        Count.of(**{field_name: raw})  # type: ignore[arg-type]
    message = str(caught.value)
    shown = str(raw) if len(str(raw)) <= 80 else str(raw)[:79] + "…"
    assert message.startswith(f'{field_name} "{shown}" is not a count')
    assert reason in message


def test_count_of_rejects_non_numbers() -> None:
    with pytest.raises(InvalidValue, match=r'^low "True" is not a count'):
        Count.of(low=True)
    with pytest.raises(InvalidValue, match=r'^best "2.5" is not a count'):
        Count.of(best=2.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("figures", "names"),
    [
        ({"low": 30, "best": 20}, 'low "30" is greater than best "20"'),
        ({"best": 30, "high": 20}, 'best "30" is greater than high "20"'),
        ({"low": 30, "high": 20}, 'low "30" is greater than high "20"'),
        ({"low": "5", "best": "1", "high": "9"}, 'low "5" is greater than best "1"'),
    ],
)
def test_count_order_names_the_two_fields(figures: dict[str, int | str], names: str) -> None:
    with pytest.raises(InvalidValue, match=names):
        Count.of(**figures)  # type: ignore[arg-type]


def test_count_needs_a_figure() -> None:
    with pytest.raises(InvalidValue, match="at least one of low, best or high"):
        Count.of()
    with pytest.raises(InvalidValue, match="at least one of low, best or high"):
        Count.of(low="", best=" ", qualifier="vague")
    with pytest.raises(InvalidValue, match="at least one of low, best or high"):
        Count.parse("//;approx")


def test_count_qualifier_accepts_enum_or_text() -> None:
    assert Count.of(best=1, qualifier=CountQualifier.approx).qualifier is CountQualifier.approx
    assert Count.of(best=1, qualifier="approx").qualifier is CountQualifier.approx
    assert Count.of(best=1, qualifier=" At-Least ").qualifier is CountQualifier.at_least
    assert Count.of(best=1, qualifier="").qualifier is None
    with pytest.raises(InvalidValue, match=r'^"roughly" is not a count qualifier \(expected one'):
        Count.of(best=1, qualifier="roughly")


def test_exact_count_must_agree_with_itself() -> None:
    assert Count.exact("1 200") == Count(1200, 1200, 1200, CountQualifier.exact)
    assert Count.of(best=5, qualifier="exact").best == 5
    with pytest.raises(InvalidValue, match=r'"5/5/6;exact" is not a count'):
        Count.of(low=5, best=5, high=6, qualifier="exact")
    with pytest.raises(InvalidValue, match=r'^number "-1" is not a count'):
        Count.exact(-1)
    with pytest.raises(InvalidValue, match=r'^" " is not a count \(it is blank\)'):
        Count.exact(" ")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("", '"" is not a count (expected low/best/high'),
        ("abc", '"abc" is not a count (expected low/best/high'),
        ("1/2", '"1/2" is not a count (expected low/best/high'),
        ("1/2/3/4", '"1/2/3/4" is not a count'),
        ("20;exact", '"20;exact" is not a count'),
        ("-3", 'number "-3" is not a count (it cannot be negative)'),
        ("2.5", 'number "2.5" is not a count (it must be a whole number)'),
        ("a/2/3", 'low "a" is not a count'),
        ("1/2/3;often", '"often" is not a count qualifier'),
        ("1/2/3;exact;x", '"exact;x" is not a count qualifier'),
    ],
)
def test_count_parse_rejections(text: str, start: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        Count.parse(text)
    assert str(caught.value).startswith(start)


def test_count_constructor_validates() -> None:
    with pytest.raises(InvalidValue, match=r'^low "-1" is not a count'):
        Count(low=-1)
    with pytest.raises(InvalidValue, match=r"^best \"'3'\" is not a count"):
        Count(best="3")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"^\"'exact'\" is not a count qualifier"):
        Count(best=3, qualifier="exact")  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Count(best=3).best = 4  # type: ignore[misc]


def test_conservative() -> None:
    assert Count.of(low=10, best=20, high=30).conservative == 20
    assert Count.of(low=10, high=30).conservative == 10
    assert Count.of(high=30).conservative is None
    assert Count.of(best=0).conservative == 0


FIGURE = st.integers(min_value=0, max_value=MAX_COUNT)


@st.composite
def counts(draw: st.DrawFn) -> Count:
    figures: list[int | None] = [*sorted(draw(st.lists(FIGURE, min_size=3, max_size=3)))]
    present = draw(st.lists(st.booleans(), min_size=3, max_size=3).filter(any))
    qualifier = draw(st.none() | st.sampled_from(CountQualifier))
    if qualifier is CountQualifier.exact:
        figures = [figures[0]] * 3
    low, best, high = (n if keep else None for n, keep in zip(figures, present, strict=True))
    return Count.of(low=low, best=best, high=high, qualifier=qualifier)


@given(counts())
def test_count_round_trip(count: Count) -> None:
    text = str(count)
    assert Count.parse(text) == count
    assert str(Count.parse(text)) == text
    assert count.conservative in (count.best, count.low)


@given(st.one_of(st.none(), FIGURE), st.one_of(st.none(), FIGURE), st.one_of(st.none(), FIGURE))
def test_count_ordering_invariant(low: int | None, best: int | None, high: int | None) -> None:
    present = [n for n in (low, best, high) if n is not None]
    try:
        count = Count.of(low=low, best=best, high=high)
    except InvalidValue:
        assert not present or present != sorted(present)
        return
    assert present == sorted(present)
    assert (count.low, count.best, count.high) == (low, best, high)


@given(st.text())
def test_count_parse_raises_only_invalid_value(text: str) -> None:
    try:
        count = Count.parse(text)
    except InvalidValue:
        pass
    else:
        assert Count.parse(str(count)) == count


@given(st.text(alphabet="0123456789/;, -.", max_size=20))
def test_count_parse_near_misses(text: str) -> None:
    try:
        count = Count.parse(text)
    except InvalidValue:
        pass
    else:
        figures = [n for n in (count.low, count.best, count.high) if n is not None]
        assert figures == sorted(figures)
        assert Count.parse(str(count)) == count


# --------------------------------------------------------------------------------------------
# Name
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "original", "script"),
    [
        ("Ivan Petrov", "Ivan Petrov", Script.latin),
        ("  Иван \t  Петров\n", "Иван Петров", Script.cyrillic),
        ("Салман Абдулаевич", "Салман Абдулаевич", Script.cyrillic),
        ("أحمد علي", "أحمد علي", Script.arabic),
        ("Ivan Петров", "Ivan Петров", Script.mixed),
        ("Ahmed أحمد", "Ahmed أحمد", Script.mixed),
        ("ნინო", "ნინო", Script.other),
        ("李小龍", "李小龍", Script.other),
        ("Nino ნინო", "Nino ნინო", Script.mixed),
        ("Zoe\u0301", "Zoé", Script.latin),
        ("O'Brien-Smith 3rd", "O'Brien-Smith 3rd", Script.latin),
        ("Марʼяна", "Марʼяна", Script.cyrillic),
        ("№ 7", "№ 7", Script.other),
        ("-", "-", Script.other),
        ("ﬁona", "ﬁona", Script.latin),
    ],
)
def test_name_parse(text: str, original: str, script: Script) -> None:
    name = Name.parse(text)
    assert name.original == original
    assert name.script is script
    assert str(name) == original


@pytest.mark.parametrize(
    ("text", "quoted", "reason"),
    [
        ("", '""', "it is blank"),
        ("   \t\n", '"   \\u0009\\u000a"', "it is blank"),
        ("Iv\x00an", '"Iv\\u0000an"', "it contains the control character U+0000"),
        ("Ivan\x1b[31m", '"Ivan\\u001b[31m"', "it contains the control character U+001B"),
        ("Ivan\x7f", '"Ivan\\u007f"', "it contains the control character U+007F"),
        ("x" * 501, '"' + "x" * 79 + '…"', "it has 501 characters; the limit is 500"),
    ],
)
def test_name_rejections(text: str, quoted: str, reason: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        Name.parse(text)
    assert str(caught.value) == f"{quoted} is not a name ({reason})"


def test_name_length_counts_the_cleaned_text() -> None:
    assert len(Name.parse("x" * 500).original) == 500
    assert Name.parse(" " * 600 + "Ivan").original == "Ivan"


def test_name_constructor_accepts_only_clean_text() -> None:
    assert Name("Иван") == Name.parse("Иван")
    assert Name("Иван").script is Script.cyrillic
    with pytest.raises(InvalidValue, match='" Иван" is not a name in clean form'):
        Name(" Иван")
    with pytest.raises(InvalidValue, match="is not a name"):
        Name.parse(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Иван  ПЕТРОВ", "иван петров"),
        ("Ёлкин", "елкин"),
        ("Алёна", "алена"),
        ("Йосиф Іван", "йосиф іван"),
        ("Київ", "київ"),
        ("Zoë Ñúñez", "zoe nunez"),
        ("O'Brien-Smith", "o brien smith"),
        ("O’Brien", "o brien"),
        ("Mar\u02bcyana", "mar yana"),
        ("Ol\u02b9ga", "ol ga"),
        ("STRAßE", "strasse"),
        ("İsmail", "ismail"),
        ("ﬁona", "fiona"),
        ("Ｉｖａｎ", "ivan"),
        ("Abu-Bakr  al‑Baghdadi", "abu bakr al baghdadi"),
        ("A. B., C.", "a b c"),
        ("مُحَمَّد", "محمد"),
        ("محـــمد", "محمد"),
        ("Ива\u00adнов", "иванов"),
    ],
)
def test_match_key(text: str, key: str) -> None:
    assert Name.parse(text).match_key == key


def test_match_key_joins_spellings() -> None:
    assert Name.parse("Ёлкин").match_key == Name.parse("ЕЛКИН").match_key
    assert Name.parse("Zoë").match_key == Name.parse("ZOE").match_key
    assert Name.parse("Иосиф").match_key != Name.parse("Йосиф").match_key


NAMES = st.text(min_size=1, max_size=60).filter(lambda text: text.strip() != "")


@given(st.text())
def test_name_parse_raises_only_invalid_value(text: str) -> None:
    name, message = _outcome(Name.parse, text)
    if name is None:
        assert "is not a name" in message
    else:
        assert name.original == name.original.strip()
        assert "  " not in name.original


@given(NAMES)
def test_name_parse_is_idempotent(text: str) -> None:
    try:
        name = Name.parse(text)
    except InvalidValue:
        return
    assert Name.parse(name.original) == name
    assert Name(name.original) == name


@given(NAMES)
def test_match_key_is_stable(text: str) -> None:
    try:
        name = Name.parse(text)
    except InvalidValue:
        return
    key = name.match_key
    assert key == key.strip()
    assert "  " not in key
    assume(key and len(key) <= 500)
    assert Name.parse(key).match_key == key


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "M"]), min_size=1))
def test_script_of_letters_is_one_of_the_five(text: str) -> None:
    name = Name.parse(text) if text.strip() and len(text) <= 500 else None
    assume(name is not None)
    assert name is not None
    assert name.script in set(Script)


# --------------------------------------------------------------------------------------------
# Place
# --------------------------------------------------------------------------------------------


def test_place_parse() -> None:
    place = Place.parse(
        "  Grozny ", gazetteer_id=" geonames:557140 ", admin="Russia >Chechen  Republic"
    )
    assert place == Place("Grozny", "geonames:557140", ("Russia", "Chechen Republic"))
    assert place.admin_text == "Russia > Chechen Republic"
    assert str(place) == "Grozny"


@pytest.mark.parametrize(
    ("admin", "path"),
    [
        (None, ()),
        ("", ()),
        ("  ", ()),
        ("Russia", ("Russia",)),
        ("Russia>Chechen Republic>Argun", ("Russia", "Chechen Republic", "Argun")),
        ("Russia  >  Chechen Republic", ("Russia", "Chechen Republic")),
        (["Russia", " Chechen  Republic "], ("Russia", "Chechen Republic")),
        (("Россия", "Чеченская Республика"), ("Россия", "Чеченская Республика")),
        ([], ()),
    ],
)
def test_place_admin_forms(
    admin: str | list[str] | tuple[str, ...] | None, path: tuple[str, ...]
) -> None:
    assert Place.parse("Argun", admin=admin).admin_path == path


@pytest.mark.parametrize(
    ("admin", "message"),
    [
        ("Russia >  > Argun", '"Russia >  > Argun" is not an admin path (part 2 is blank)'),
        ("> Russia", '"> Russia" is not an admin path (part 1 is blank)'),
        ("Russia >", '"Russia >" is not an admin path (part 2 is blank)'),
        (["Russia", "  "], '"  " is not an admin area name (it is blank)'),
        (["Russia > Chechnya"], '"Russia > Chechnya" is not an admin area name (">" separates'),
        ([3], '"3" is not an admin area name (expected text)'),
    ],
)
def test_place_admin_rejections(admin: str | list[object], message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        Place.parse("Argun", admin=admin)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("geonames:580497", "geonames:580497"),
        ("GeoNames:580497", "geonames:580497"),
        ("wikidata:Q5207", "wikidata:Q5207"),
        ("osm_rel-2:r.123_4-5", "osm_rel-2:r.123_4-5"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_gazetteer_id(raw: str | None, clean: str | None) -> None:
    assert Place.parse("Argun", gazetteer_id=raw).gazetteer_id == clean


@pytest.mark.parametrize(
    "raw", ["580497", "geonames:", ":580497", "1geo:5", "geo names:5", "geonames:58 04", "gn:é"]
)
def test_gazetteer_id_rejections(raw: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        Place.parse("Argun", gazetteer_id=raw)
    assert str(caught.value) == (
        f'"{raw}" is not a gazetteer id (expected scheme:identifier such as geonames:580497)'
    )


def test_place_name_rejections() -> None:
    with pytest.raises(InvalidValue, match=r'^" " is not a place name \(it is blank\)'):
        Place.parse(" ")
    with pytest.raises(InvalidValue, match=r'^"A\\u0000" is not a place name'):
        Place.parse("A\x00")


def test_place_constructor_validates() -> None:
    with pytest.raises(InvalidValue, match='"Geonames:1" is not a gazetteer id'):
        Place("Argun", "Geonames:1")
    with pytest.raises(InvalidValue, match='" Russia" is not an admin area name in clean form'):
        Place("Argun", None, (" Russia",))
    with pytest.raises(InvalidValue, match="is not an admin path"):
        Place("Argun", None, ["Russia"])  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match='"Argun " is not a place name in clean form'):
        Place("Argun ")


ADMIN_PARTS = st.lists(
    st.text(min_size=1, max_size=30).filter(lambda part: part.strip() != "" and ">" not in part),
    max_size=5,
)


@given(ADMIN_PARTS)
def test_place_admin_round_trip(parts: list[str]) -> None:
    try:
        place = Place.parse("Argun", gazetteer_id="geonames:580497", admin=parts)
    except InvalidValue:
        return
    assert len(place.admin_path) == len(parts)
    again = Place.parse(place.name, gazetteer_id=place.gazetteer_id, admin=place.admin_text)
    assert again == place
    assert again.admin_text == place.admin_text
    assert Place.parse(place.name, admin=list(place.admin_path)).admin_path == place.admin_path


@given(st.text(), st.text(), st.text())
def test_place_parse_raises_only_invalid_value(name: str, gazetteer_id: str, admin: str) -> None:
    try:
        place = Place.parse(name, gazetteer_id=gazetteer_id, admin=admin)
    except InvalidValue:
        return
    assert Place.parse(place.name, gazetteer_id=place.gazetteer_id, admin=place.admin_text) == place
