"""How hard a benchmark list is: namesake statistics, the oracle bound, the calibrated preset.

All names are invented; small hand-made lists whose answers can be counted on paper.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter

import pytest

from rightsledger.link.difficulty import (
    best_cut,
    evidence_pattern,
    facts,
    namesake_stats,
    oracle_bound,
    other_field_agrees,
)
from rightsledger.link.records import prepare
from rightsledger.link.synthetic import (
    CALIBRATED,
    Profile,
    generate,
    generate_calibrated,
    population,
)


def _record(record_id: str, **fields: str) -> dict[str, str]:
    return {"record_id": record_id, **fields}


# Person A three times (two exact spellings, one informal), person B once with the same name and
# a birth year A's first two records do not give, person C twice with an agreeing birth date.
NAMESAKES = [
    _record("r1", full_name="Магомед Хасанов"),
    _record("r2", given_name="Magomed", family_name="Khasanov"),
    _record("r3", full_name="MAGOMED KHASANOV", birth_date="1990"),
    _record("r4", full_name="Magomed Hasanov", birth_date="1985"),
    _record("r5", full_name="Ислам Алиев", birth_date="12.03.1991", place="Шали"),
    _record("r6", given_name="Islam", family_name="Aliev", birth_date="1991"),
]
NAMESAKE_TRUTH = {"r1": "A", "r2": "A", "r3": "B", "r4": "A", "r5": "C", "r6": "C"}


def test_other_fields_agree_on_overlapping_dates_patronymic_or_place_only() -> None:
    base = {"record_id": "x", "full_name": "Ruslan Umarov"}
    year = prepare({**base, "birth_date": "1991"})
    day = prepare({**base, "birth_date": "12.03.1991"})
    other_year = prepare({**base, "birth_date": "1992"})
    bare = prepare(base)
    assert other_field_agrees(year, day)
    assert not other_field_agrees(day, other_year)
    assert not other_field_agrees(bare, day)  # missing is not agreeing
    assert other_field_agrees(
        prepare({**base, "place": "Шали"}), prepare({**base, "place": "Shali"})
    )
    assert other_field_agrees(
        prepare({**base, "patronymic": "Ибрагимович"}),
        prepare({**base, "patronymic": "Ibragimovich"}),
    )
    assert not other_field_agrees(
        prepare({**base, "patronymic": "Ибрагимович", "place": "Шали"}),
        prepare({**base, "patronymic": "Isaevich", "place": "Argun"}),
    )


def test_exact_names_are_romanised_and_case_folded_in_either_order() -> None:
    found = {f.record_id: f for f in facts(NAMESAKES)}
    assert found["r1"].exact_name == found["r2"].exact_name == found["r3"].exact_name
    assert found["r4"].exact_name != found["r1"].exact_name  # Hasanov is not Khasanov as written
    assert found["r4"].skeleton_name == found["r1"].skeleton_name
    swapped = facts([_record("s", given_name="Khasanov", family_name="Magomed")])[0]
    assert swapped.given_exact == "magomed"
    assert swapped.exact_name == found["r1"].exact_name


def test_namesake_statistics_count_what_is_written_on_paper() -> None:
    stats = namesake_stats(NAMESAKES, NAMESAKE_TRUTH)
    assert (stats.records, stats.people, stats.true_pairs) == (6, 3, 4)
    # Only r1-r2 share the exact name and nothing else; r5-r6 share a birth date.
    assert stats.true_exact_name_only == 1
    assert stats.true_exact_name_only_share == pytest.approx(1 / 4)
    # By skeleton A's three records all pair up on the name alone.
    assert stats.true_skeleton_name_only == 3
    # Exact name and nothing else: r1-r2 (one man), r1-r3 and r2-r3 (two men).
    assert (stats.exact_name_only_pairs, stats.exact_name_only_different) == (3, 2)
    # By skeleton all six pairs of r1..r4 (r3 and r4 give different years): three are two men.
    assert (stats.skeleton_name_only_pairs, stats.skeleton_name_only_different) == (6, 3)
    assert stats.skeleton_name_only_different_share == pytest.approx(0.5)
    assert (stats.given_names_for_half, stats.family_names_for_half) == (1, 1)
    assert (stats.given_names_for_80_percent, stats.family_names_for_80_percent) == (2, 2)


def test_evidence_patterns_name_the_level_of_every_field() -> None:
    items = facts(
        [
            _record("a", full_name="Хасанов Магомед Ибрагимович", birth_date="11.03.1991"),
            _record("b", given_name="Muhammad", family_name="Hasanov", birth_date="1991-11-03"),
            _record("c", given_name="Magomed", family_name="Khasanov", place="Шали"),
        ]
    )
    counts = Counter(f.key_name for f in items)
    a_b = evidence_pattern(items[0], items[1], counts)
    assert a_b == (
        "alias",
        "skeleton",
        "missing",
        "day and month swapped",
        "missing",
        "missing",
        "<=4",
    )
    a_c = evidence_pattern(items[0], items[2], counts)
    assert a_c[:4] == ("exact", "exact", "missing", "missing")


def test_best_cut_takes_patterns_from_the_highest_rate_down() -> None:
    groups = [(1.0, 2, 2), (0.5, 2, 1), (0.0, 10, 0)]
    f1, precision, recall, rate = best_cut(groups, 4)
    assert f1 == pytest.approx(0.75)
    assert (precision, recall, rate) == (pytest.approx(0.75), pytest.approx(0.75), 0.5)
    # Patterns with the same rate cannot be told apart: they are taken together or not at all.
    assert best_cut([(0.5, 2, 1), (0.5, 2, 1)], 2)[0] == pytest.approx(2 * 2 / (4 + 2))


def test_oracle_bound_on_a_list_with_known_answers() -> None:
    records = [
        # one man twice with his birth year, a namesake born twenty years earlier
        _record("u1", full_name="Ruslan Umarov", birth_date="1990"),
        _record("u2", full_name="Руслан Умаров", birth_date="1990"),
        _record("u3", full_name="Ruslan Umarov", birth_date="1970"),
        # four bare "Aslan Aliev": one man twice and two others, indistinguishable
        _record("v1", full_name="Aslan Aliev"),
        _record("v2", full_name="Aslan Aliev"),
        _record("v3", full_name="Aslan Aliev"),
        _record("v4", full_name="Aslan Aliev"),
    ]
    truth = {"u1": "U", "u2": "U", "u3": "X", "v1": "V", "v2": "V", "v3": "Y", "v4": "Z"}
    bound = oracle_bound(records, truth)
    assert bound.true_pairs == 2
    assert bound.true_candidates == 2
    # The Umarov pairs and the Aliev pairs share given-name groups only within each name.
    assert bound.candidate_pairs == 3 + 6
    # Linking the dated pair alone is best: the six bare pairs hold one true pair in six.
    assert bound.f1 == pytest.approx(2 / 3)
    assert (bound.precision, bound.recall, bound.min_rate) == (1.0, 0.5, 1.0)
    assert bound.patterns == 3


# generate(60, seed=3) before the profile existed (commit a274173).
DEFAULT_DIGEST = "bc13d4ab344cdc7e2b1b718502b5cde23a42e308500bcfe74fcba659385a82fb"


def _digest(records: object) -> str:
    return hashlib.sha256(json.dumps(records, ensure_ascii=False).encode()).hexdigest()


def test_the_calibrated_preset_is_deterministic_for_a_seed() -> None:
    first, again = generate_calibrated(300, seed=5), generate_calibrated(300, seed=5)
    assert first.records == again.records
    assert first.truth == again.truth
    assert first.records != generate_calibrated(300, seed=6).records
    assert first.records != generate(300, seed=5).records


def test_the_calibrated_preset_spreads_people_over_the_names() -> None:
    """Magomed is everywhere in the project's lists, one name among forty in the preset."""

    def magomed_share(profile: Profile) -> float:
        people = population(2000, random.Random(1), profile)
        return sum(p.given == "Магомед" for p in people) / len(people)

    assert magomed_share(Profile()) > 0.10
    assert magomed_share(CALIBRATED) < 0.05


def test_the_default_lists_stay_as_they_were() -> None:
    """Other work compares its scores against the default lists: the profile must not move them."""
    data = generate(60, seed=3)
    assert _digest([data.records, data.truth]) == DEFAULT_DIGEST
