"""Linking generated lists end to end: quality floor, review file, model round trip."""

from __future__ import annotations

import csv
import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from rightsledger.link import LinkResult, link_records, pairwise_scores
from rightsledger.link.cluster import cluster
from rightsledger.link.records import prepare
from rightsledger.link.synthetic import Dataset, generate
from tests.helpers import cli

F1_FLOOR = 0.8
SECOND_GENERATOR = Path(__file__).parent.parent / "benchmarks" / "link_second_generator.py"


@cache
def dataset() -> Dataset:
    return generate(400, seed=11)


@cache
def second_generator() -> ModuleType:
    """The benchmark's independent generator (other names, sources and errors) [SYNTHETIC]."""
    spec = importlib.util.spec_from_file_location("link_second_generator", SECOND_GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@cache
def linked() -> LinkResult:
    return link_records(dataset().records)


def test_generated_lists_link_above_the_floor() -> None:
    scores = pairwise_scores(linked().cluster_of(), dataset().truth)
    assert scores.f1 >= F1_FLOOR, scores
    assert scores.precision >= 0.7, scores


def test_lists_from_an_independent_generator_link_above_the_floor() -> None:
    data = second_generator().generate(400, seed=12)
    scores = pairwise_scores(link_records(data.records).cluster_of(), data.truth)
    assert scores.f1 >= F1_FLOOR, scores
    assert scores.precision >= 0.85, scores


def test_every_record_gets_a_cluster_and_ids_are_members() -> None:
    result = linked()
    assert result.clusters.record_ids == [r["record_id"] for r in dataset().records]
    for cluster_id, members in result.clusters.members().items():
        assert cluster_id == min(members)


def test_cluster_reasoning_keeps_brothers_and_namesakes_apart() -> None:
    records = [
        prepare(r)
        for r in (
            {"record_id": "a", "full_name": "Хасанов Магомед", "birth_date": "1991"},
            {"record_id": "b", "full_name": "Magomed Khasanov"},
            {"record_id": "c", "full_name": "KHASANOV MAGOMED", "birth_date": "1985"},
            {"record_id": "d", "full_name": "Хасанов Ислам", "birth_date": "1991"},
        )
    ]
    left, right, probability = ["a", "b", "b", "a"], ["b", "c", "d", "d"], [0.9, 0.8, 0.7, 0.6]
    reasoned = cluster(records, left, right, probability, threshold=0.5)
    # The name-only record joins one of the two men born six years apart, not both;
    # the brother (another given name) stays apart.
    assert reasoned.cluster_ids == ["a", "a", "c", "d"]
    chained = cluster(records, left, right, probability, threshold=0.5, reason_over_clusters=False)
    assert set(chained.cluster_ids) == {"a"}


def test_brothers_with_names_one_letter_apart_stay_apart() -> None:
    # Adlan and Aslan are two names the table knows, not a typing error.
    records = [
        prepare({"record_id": "a", "full_name": "Хасанов Адлан Русланович", "birth_date": "1990"}),
        prepare({"record_id": "b", "full_name": "Хасанов Аслан Русланович", "birth_date": "1991"}),
        prepare({"record_id": "c", "full_name": "Хасанов Аслна", "birth_date": "1991"}),
    ]
    grouped = cluster(records, ["a", "b"], ["b", "c"], [0.9, 0.8], threshold=0.5)
    assert grouped.cluster_ids == ["a", "b", "b"]


def test_day_and_month_swapped_still_count_as_one_birthday() -> None:
    records = [
        {"record_id": "1", "source": "s", "full_name": "Тутаев Шамиль", "birth_date": "03.11.1986"},
        {"record_id": "2", "source": "t", "full_name": "TUTAEV SHAMIL", "birth_date": "1986-03-11"},
        {"record_id": "3", "source": "t", "full_name": "Алиев Адам", "birth_date": "1970"},
    ]
    result = link_records(records, review_band=(0.0, 1.0), model=linked().model)
    levels = {e.comparison: e.level for e in result.review[0].evidence}
    assert levels["birth_date"] == "same day with day and month swapped"
    assert result.clusters.cluster_ids[:2] == ["1", "1"]


def test_one_source_rarely_lists_a_man_twice() -> None:
    records = [
        prepare({"record_id": "a", "source": "s", "full_name": "Хасанов Магомед"}),
        prepare({"record_id": "b", "source": "s", "full_name": "Хасанов Магомед"}),
        prepare({"record_id": "c", "source": "t", "full_name": "Алиев Адам"}),
    ]
    assert cluster(records, ["a"], ["b"], [0.6], threshold=0.5).cluster_ids == ["a", "b", "c"]
    assert cluster(records, ["a"], ["b"], [0.79], threshold=0.5).cluster_ids == ["a", "b", "c"]
    assert cluster(records, ["a"], ["b"], [0.97], threshold=0.5).cluster_ids == ["a", "a", "c"]
    alone = records[:2]
    assert cluster(alone, ["a"], ["b"], [0.6], threshold=0.5).cluster_ids == ["a", "a"]


def test_cli_writes_clusters_and_review_band(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "lists.csv"
    records = dataset().records
    with source.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    output, model = tmp_path / "clusters.csv", tmp_path / "model.json"
    code, out, err = cli(
        capsys,
        "link",
        source,
        "--output",
        output,
        "--save-model",
        model,
        "--review-band",
        "0.05,0.9",
    )
    assert (code, err) == (0, "")
    assert "Linked 618 records" in out
    rows = list(csv.DictReader(output.read_text(encoding="utf-8").splitlines()))
    assert [r["record_id"] for r in rows] == [r["record_id"] for r in records]
    assert set(rows[0]) == {"record_id", "cluster_id", "cluster_probability"}
    review_text = (tmp_path / "clusters.review.csv").read_text(encoding="utf-8")
    review = list(csv.DictReader(review_text.splitlines()))
    assert review, "some pairs fall in a wide review band"
    for row in review:
        assert 0.05 <= float(row["probability"]) <= 0.9
        assert row["same_cluster"] in {"yes", "no"}
        assert row["evidence_for"] or row["evidence_against"]
    first = review[0]
    by_id = {r["record_id"]: r for r in records}
    assert first["left_full_name"] == by_id[first["left_record_id"]]["full_name"]
    assert "given name:" in first["evidence_for"] + first["evidence_against"]

    # The saved model gives the same clusters without training again.
    again = tmp_path / "again.csv"
    code, _, _ = cli(capsys, "link", source, "--output", again, "--model", model)
    assert code == 0
    assert again.read_text(encoding="utf-8") == output.read_text(encoding="utf-8")


def test_labels_choose_a_threshold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = dataset()
    ids = sorted(data.truth)
    labels = [
        (a, b, data.truth[a] == data.truth[b])
        for i, a in enumerate(ids[:120])
        for b in ids[i + 1 : 120]
    ]
    labels += [(p.left, p.right, data.truth[p.left] == data.truth[p.right]) for p in linked().pairs]
    result = link_records(data.records, labels=labels, model=linked().model)
    assert 0 < result.threshold < 1
    chosen = pairwise_scores(result.cluster_of(), data.truth).f1
    assert chosen >= pairwise_scores(linked().cluster_of(), data.truth).f1 - 0.02


def test_a_single_source_still_deduplicates() -> None:
    records = [
        {"record_id": "1", "full_name": "Хасанов Магомед Ибрагимович", "birth_date": "12.03.1991"},
        {"record_id": "2", "full_name": "Хасанов Магомед Ибрагимович", "birth_date": "1991-03-12"},
        {"record_id": "3", "full_name": "Алиев Адам", "birth_date": "1970"},
    ]
    result = link_records(records, threshold=0.2)
    assert result.clusters.cluster_ids[:2] == ["1", "1"]
    assert result.clusters.cluster_ids[2] == "3"
