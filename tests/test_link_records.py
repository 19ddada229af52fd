"""Input records: partial dates and ages as intervals, validation of bad input, the CLI errors."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsledger.errors import InputError
from rightsledger.link.names import skeleton
from rightsledger.link.records import (
    Interval,
    birth_from_age,
    check_records,
    parse_partial_date,
    prepare,
    read_csv,
)
from tests.helpers import cli, write

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31))


@given(days)
def test_a_full_date_is_one_day_in_either_notation(day: date) -> None:
    one = Interval(day.toordinal(), day.toordinal())
    assert parse_partial_date(day.isoformat()) == one
    assert parse_partial_date(f"{day.day:02}.{day.month:02}.{day.year}") == one


@given(days)
def test_a_month_or_a_year_covers_every_day_in_it(day: date) -> None:
    month = parse_partial_date(f"{day.year}-{day.month:02}")
    year = parse_partial_date(str(day.year))
    assert month.low <= day.toordinal() <= month.high
    assert year.low <= month.low
    assert month.high <= year.high
    assert year.width in (365, 366)
    assert 28 <= month.width <= 31


@given(days, st.integers(min_value=0, max_value=100))
def test_age_on_a_day_gives_a_year_of_possible_birthdays(day: date, age: int) -> None:
    born = birth_from_age(age, Interval(day.toordinal(), day.toordinal()))
    assert 365 <= born.width <= 367
    earliest, latest = date.fromordinal(born.low), date.fromordinal(born.high)
    # Someone born on the latest day has just turned `age`; the day before the earliest, age+1.
    assert latest.year == day.year - age
    assert date.fromordinal(born.low - 1) + timedelta(days=1) == earliest


def test_age_26_in_2017_overlaps_12_march_1991() -> None:
    record = prepare({"record_id": "x", "age": "26", "event_date": "2017-03"})
    born = parse_partial_date("12.03.1991")
    assert record.birth_lo is not None
    assert record.birth_hi is not None
    assert record.birth_lo <= born.low <= record.birth_hi


@pytest.mark.parametrize(
    ("given_name", "family_name"),
    [
        ("Abdulayev", "Magomed"),  # a known given name in the family column
        ("Kashchukhdonayev", "Khozh-Akhmed"),  # a compound whose part is known
        ("Shishkhanov", "Yuspu"),  # a typo: unknown, but only one side looks like a family
    ],
)
def test_given_and_family_written_into_each_others_columns(
    given_name: str, family_name: str
) -> None:
    record = prepare({"record_id": "x", "given_name": given_name, "family_name": family_name})
    assert record.family_skel == skeleton(given_name)
    assert record.given_skel == skeleton(family_name)


@pytest.mark.parametrize(
    ("given_name", "family_name"),
    [("Magomed", "Abdulayev"), ("Sharpudin", "Musaev"), ("Ruslan", "Sultan")],
)
def test_names_in_their_own_columns_stay_put(given_name: str, family_name: str) -> None:
    record = prepare({"record_id": "x", "given_name": given_name, "family_name": family_name})
    assert record.given_skel == skeleton(given_name)
    assert record.family_skel == skeleton(family_name)


def test_an_age_without_event_date_says_nothing_about_birth() -> None:
    assert prepare({"record_id": "x", "age": "26"}).birth_lo is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1991-13", "there is no month 13"),
        ("31.02.1991", "there is no day 31 in 1991-02"),
        ("March 1991", "is not a date"),
    ],
)
def test_bad_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text)


def test_bad_values_name_line_and_column() -> None:
    rows = [
        {"record_id": "a", "given_name": "Ислам", "birth_date": "1991"},
        {"record_id": "b", "given_name": "Ислам", "birth_date": "1991-13"},
    ]
    with pytest.raises(InputError) as problem:
        check_records(rows, source="list.csv", first_line=2)
    assert str(problem.value) == (
        'list.csv line 3, column birth_date: "1991-13" is not a date (there is no month 13)'
    )


def test_duplicate_ids_are_refused() -> None:
    rows = [{"record_id": "a", "given_name": "Ислам"}, {"record_id": "a", "given_name": "Адам"}]
    with pytest.raises(InputError, match='record_id "a" also appears on line 2'):
        check_records(rows, source="list.csv", first_line=2)


def test_csv_header_checks() -> None:
    with pytest.raises(InputError, match="unknown column 'nickname'"):
        read_csv(b"record_id,given_name,nickname\n1,Adam,Ado\n", source="f.csv")
    with pytest.raises(InputError, match="has no record_id column"):
        read_csv(b"given_name\nAdam\n", source="f.csv")
    with pytest.raises(InputError, match="is empty"):
        read_csv(b"", source="f.csv")
    with pytest.raises(InputError, match="has a header but no records"):
        read_csv(b"record_id,full_name\n", source="f.csv")
    with pytest.raises(InputError, match="has no name column"):
        read_csv(b"record_id,birth_date\n1,1991\n", source="f.csv")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "error: {f}: is empty (a header row and at least one record are needed)"),
        ("given_name\nAdam\n", "error: {f} line 1: has no record_id column"),
        (
            "record_id,full_name,birth_date\n1,Adam Aliev,1991\n2,Adam Aliev,12/03/1991\n",
            'error: {f} line 3, column birth_date: "12/03/1991" is not a date '
            "(use 1991, 1991-03, 1991-03-12 or 12.03.1991)",
        ),
        (
            "record_id,full_name\n1,Adam Aliev\n1,Adam Aliyev\n",
            'error: {f} line 3, column record_id: record_id "1" also appears on line 2',
        ),
        (
            "record_id,full_name,sex\n1,Adam Aliev,x\n",
            'error: {f} line 2, column sex: "x" is not a sex (use m or f)',
        ),
    ],
)
def test_cli_refuses_unusable_input_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    source = write(tmp_path / "in.csv", content)
    code, _, err = cli(capsys, "link", source, "--output", tmp_path / "out.csv")
    assert code == 2
    assert err.strip() == message.format(f=source)
    assert not (tmp_path / "out.csv").exists()


def test_cli_missing_file_and_bad_band(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(capsys, "link", tmp_path / "nope.csv", "--output", tmp_path / "o.csv")
    assert (code, err.strip()) == (2, f"error: {tmp_path / 'nope.csv'}: no such file")
    source = write(tmp_path / "in.csv", "record_id,full_name\n1,Adam Aliev\n")
    code, _, err = cli(
        capsys, "link", source, "--output", tmp_path / "o.csv", "--review-band", "0.9,0.1"
    )
    assert code == 2
    assert "review band must be LO,HI" in err


def test_cli_refuses_a_file_that_is_no_model(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = write(tmp_path / "in.csv", "record_id,full_name\n1,Adam Aliev\n")
    model = write(tmp_path / "model.json", '{"link_type": "dedupe_only"}')
    code, _, err = cli(capsys, "link", source, "--output", tmp_path / "o.csv", "--model", model)
    assert code == 2
    assert err.strip() == (f"error: {model}: not a model saved by `rightsledger link --save-model`")


def test_cli_refuses_bad_labels(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "record_id,full_name\n1,Adam Aliev\n")
    labels = write(tmp_path / "labels.csv", "record_id_l,record_id_r,is_match\n1,2,maybe\n")
    code, _, err = cli(capsys, "link", source, "--output", tmp_path / "o.csv", "--labels", labels)
    assert code == 2
    assert err.strip() == (
        f'error: {labels} line 2, column is_match: "maybe" is not 1/0, yes/no or true/false'
    )
