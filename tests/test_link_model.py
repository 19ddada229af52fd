"""The pair model's evidence: term frequencies, typing slips and blocking of misspelled names."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rightsledger.link import link_records
from rightsledger.link.frequencies import UNSEEN_SHARE, other_record_frequencies
from rightsledger.link.model import one_slip


@given(st.lists(st.sampled_from(["magomed", "ruslan", "lechi", "apti", None]), min_size=2))
def test_a_value_counts_among_the_other_records_only(values: list[str | None]) -> None:
    table = other_record_frequencies(values, "given_skel").to_pylist()
    counts = Counter(v for v in values if v is not None)
    others = max(sum(counts.values()) - 1, 1)
    assert {row["given_skel"] for row in table} == set(counts)
    for row in table:
        seen = counts[row["given_skel"]]
        expected = (seen - 1) / others if seen > 1 else UNSEEN_SHARE / others
        assert row["tf_given_skel"] == pytest.approx(expected)


def test_a_name_on_two_of_four_records_is_one_in_three_of_the_others() -> None:
    table = other_record_frequencies(["dudaev", "dudaev", "aliev", "aliev"], "family_skel")
    assert table.column("tf_family_skel").to_pylist() == pytest.approx([1 / 3, 1 / 3])


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("ahmadov", "ahmadov", True),
        ("ahmadov", "ahmdov", True),  # a letter dropped
        ("ahmadov", "akhmadov", True),  # a letter added
        ("adlan", "aslan", True),  # a letter changed
        ("ahmadov", "ahamdov", True),  # two letters swapped
        ("magomed", "magomde", True),
        ("ahmadov", "ahmedav", False),  # two letters changed
        ("ahmadov", "hamadvo", False),  # the same letters, but three edits apart
    ],
)
def test_one_slip_counts_a_swap_of_two_letters_as_one(
    left: str, right: str, expected: bool
) -> None:
    row = {
        "family_skel_l": left,
        "family_skel_r": right,
        "family_sorted_l": "".join(sorted(left)),
        "family_sorted_r": "".join(sorted(right)),
    }
    select = ", ".join(f"'{value}' as {column}" for column, value in row.items())
    connection = duckdb.connect(":memory:")
    try:
        found = connection.execute(f"select {one_slip('family')} from (select {select})").fetchall()
    finally:
        connection.close()
    assert found == [(expected,)]


def test_both_names_misspelled_are_still_compared() -> None:
    """Chamsat Dudkuumsaow meets Дудкумзаов Хамзат though no name part shares a key [SYNTHETIC]."""
    records = [
        {"record_id": "a", "source": "memorial", "full_name": "Дудкумзаов Хамзат"},
        {
            "record_id": "b",
            "source": "press",
            "given_name": "Chamsat",
            "family_name": "Dudkuumsaow",
        },
        {"record_id": "c", "source": "memorial", "full_name": "Исаев Адлан", "birth_date": "1975"},
        {"record_id": "d", "source": "press", "given_name": "Adlan", "family_name": "Issaew"},
    ]
    result = link_records(records, review_band=(0.0, 1.0))
    compared = {frozenset((pair.left, pair.right)) for pair in result.pairs}
    assert frozenset(("a", "b")) in compared


def test_a_slip_early_in_a_given_name_is_still_compared() -> None:
    """Udman Shamnidov meets Usman Shamnidov with no birth date to block on [SYNTHETIC]."""
    records = [
        {"record_id": "a", "source": "memorial", "full_name": "Шамнидов Усман"},
        {"record_id": "b", "source": "press", "given_name": "Udman", "family_name": "Shamnidov"},
        {"record_id": "c", "source": "memorial", "full_name": "Исаев Адлан", "birth_date": "1975"},
        {"record_id": "d", "source": "press", "given_name": "Adlan", "family_name": "Issaew"},
    ]
    result = link_records(records, review_band=(0.0, 1.0))
    compared = {frozenset((pair.left, pair.right)) for pair in result.pairs}
    assert frozenset(("a", "b")) in compared
