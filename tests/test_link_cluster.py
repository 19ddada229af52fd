"""Clustering rules that reason over whole clusters: rivals, repeating sources, full dates.

All names and dates are invented [SYNTHETIC].
"""

from __future__ import annotations

from rightsledger.link.cluster import cluster, contradict
from rightsledger.link.records import Prepared, prepare
from rightsledger.link.source_habits import (
    REPEATING_SOURCE_THRESHOLD,
    within_source_thresholds,
)


def record(record_id: str, source: str, full_name: str, birth_date: str = "") -> Prepared:
    return prepare(
        {
            "record_id": record_id,
            "source": source,
            "full_name": full_name,
            "birth_date": birth_date,
        }
    )


def test_full_dates_that_no_slip_explains_are_two_men() -> None:
    first = record("a", "s", "Хасанов Магомед", "12.03.1991")
    assert contradict(first, record("b", "t", "Magomed Khasanov", "1991-07-30"))
    # One mistyped digit, or day and month read the other way round, is still one man.
    assert not contradict(first, record("c", "t", "Magomed Khasanov", "1991-03-13"))
    assert not contradict(first, record("d", "t", "Magomed Khasanov", "1991-12-03"))
    # A date known only to the month or year says nothing against a full date inside it.
    assert not contradict(first, record("e", "t", "Magomed Khasanov", "1991-07"))


def test_a_candidate_the_record_could_not_join_is_no_rival() -> None:
    # x (list s, a name only) matches two namesakes equally well. One of them is already
    # listed in s, which names nobody twice: x can only be the other one.
    records = [
        record("x", "s", "Magomed Khasanov"),
        record("a", "t", "KHASANOV MAGOMED", "1991"),
        record("r", "t", "KHASANOV MAGOMED", "1975"),
        record("r2", "s", "Хасанов Магомед", "1975"),
    ]
    left, right, probability = ["r", "x", "x"], ["r2", "a", "r"], [0.95, 0.5, 0.5]
    grouped = cluster(records, left, right, probability, threshold=0.1)
    assert grouped.cluster_ids == ["a", "a", "r", "r"]


def test_a_rival_counts_with_its_whole_cluster() -> None:
    # x matches a and, as well, one of four records that agree with each other and that x
    # matches in nothing else: that cluster is a weaker candidate than its best pair says.
    records = [
        record("x", "s", "Magomed Khasanov"),
        record("a", "t", "KHASANOV MAGOMED", "1991"),
        *(record(f"r{k}", f"u{k}", "Хасанов Магомед", "1975") for k in range(4)),
    ]
    left = ["r0", "r0", "r0", "x", "x"]
    right = ["r1", "r2", "r3", "a", "r0"]
    probability = [0.99, 0.99, 0.99, 0.5, 0.5]
    for small_groups in (0, 10):  # the greedy rule and the weighing of all splits agree
        grouped = cluster(
            records, left, right, probability, threshold=0.1, small_groups=small_groups
        )
        assert grouped.cluster_ids[:2] == ["a", "a"]
    # Alone, the same namesake is as good a candidate as a: greedily, x joins neither.
    alone = records[:3]
    grouped = cluster(alone, ["x", "x"], ["a", "r0"], [0.5, 0.5], threshold=0.1, small_groups=0)
    assert grouped.cluster_ids == ["x", "a", "r0"]


def test_a_small_group_is_decided_over_all_its_splits() -> None:
    # x (a name only) matches a (1991) and r (1975), who cannot be one man.
    records = [
        record("x", "s", "Magomed Khasanov"),
        record("a", "t", "KHASANOV MAGOMED", "1991"),
        record("r", "t", "KHASANOV MAGOMED", "1975"),
    ]

    def grouped(pa: float, pr: float) -> list[str]:
        found = cluster(records, ["x", "x"], ["a", "r"], [pa, pr], threshold=0.05)
        return found.cluster_ids

    # Two likely candidates: "neither" is the least likely answer, so x joins one of them
    # (the first of equals), never both.
    assert grouped(0.5, 0.5) == ["a", "a", "r"]
    # x is clearly likelier a than r, although r is close enough to hold the greedy rule back.
    assert grouped(0.6, 0.45) == ["a", "a", "r"]
    assert cluster(
        records, ["x", "x"], ["a", "r"], [0.6, 0.45], threshold=0.05, small_groups=0
    ).cluster_ids == ["x", "a", "r"]
    # Two weak candidates: most likely x is a third man.
    assert grouped(0.2, 0.2) == ["x", "a", "r"]
    # A weak link with no rival is not taken either (the greedy rule takes it).
    lone = cluster(records[:2], ["x"], ["a"], [0.06], threshold=0.05)
    assert lone.cluster_ids == ["x", "a"]
    greedy = cluster(records[:2], ["x"], ["a"], [0.06], threshold=0.05, small_groups=0)
    assert greedy.cluster_ids == ["a", "a"]


def test_sources_that_repeat_people_are_learned_from_confident_links() -> None:
    # Records 0-59 in "memorial", 60-119 in "social", 120-179 in "ngo". Each memorial record
    # is confidently linked to one in ngo and one in social; social also links ten pairs of
    # its own records confidently, as a list that names people twice does.
    sources = ["memorial"] * 60 + ["social"] * 60 + ["ngo"] * 60
    links = [(k, 120 + k, 0.99) for k in range(60)] + [(k, 60 + k, 0.95) for k in range(60)]
    links += [(60 + 2 * k, 61 + 2 * k, 0.97) for k in range(10)]
    links += [(k, k + 1, 0.5) for k in range(0, 58, 2)]  # doubtful pairs say nothing
    thresholds = within_source_thresholds(sources, links, strict=0.8, floor=0.05)
    assert thresholds["memorial"] == 0.8
    assert thresholds["ngo"] == 0.8
    assert thresholds["social"] == REPEATING_SOURCE_THRESHOLD


def test_the_odd_namesake_inside_a_list_barely_relaxes_it() -> None:
    # A hundred confident links to another list and three inside: namesakes, most likely.
    sources = ["list"] * 106 + ["other"] * 100
    links = [(k, 106 + k, 0.99) for k in range(100)] + [(100 + k, 103 + k, 0.99) for k in range(3)]
    thresholds = within_source_thresholds(sources, links, strict=0.8, floor=0.05)
    assert 0.7 < thresholds["list"] < 0.8
    assert thresholds["other"] == 0.8


def test_a_list_that_repeats_people_may_join_its_own_sparse_records() -> None:
    # Twenty people, each in list "memorial" and in list "social"; social names ten of them a
    # second time, confidently. A further pair inside social scoring 0.5 is then believed,
    # while the same pair inside memorial (which repeats nobody) is not.
    records = [record(f"m{k}", "memorial", f"Человек{k} Иса", "1980") for k in range(20)]
    records += [record(f"s{k}", "social", f"Chelovek{k} Isa", "1980") for k in range(20)]
    records += [record(f"t{k}", "social", f"Chelovek{k} Isa") for k in range(10)]
    records += [record("p", "social", "Ruslan Dudaev"), record("q", "social", "Руслан Дудаев")]
    records += [record("u", "memorial", "Руслан Дудаев"), record("w", "memorial", "Руслан Дудаев")]
    left = [f"m{k}" for k in range(20)] + [f"s{k}" for k in range(10)] + ["p", "u"]
    right = [f"s{k}" for k in range(20)] + [f"t{k}" for k in range(10)] + ["q", "w"]
    probability = [0.99] * 20 + [0.97] * 10 + [0.5, 0.5]
    grouped = cluster(records, left, right, probability, threshold=0.1)
    found = dict(zip(grouped.record_ids, grouped.cluster_ids, strict=True))
    assert found["p"] == found["q"]
    assert found["u"] != found["w"]
