"""Linkage benchmark on synthetic lists [SYNTHETIC]: the project's linker against a plain
tutorial-style Splink set-up (no transliteration), pairwise precision / recall / F1 and time.

    uv run python benchmarks/link.py                       # ~3,000 people, both linkers
    uv run python benchmarks/link.py --records 1000000     # scale run: time and peak memory
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import Any

from rightsledger.link import link_records, pairwise_scores
from rightsledger.link.cluster import cluster
from rightsledger.link.evaluate import blocking_recall
from rightsledger.link.synthetic import generate

PEOPLE_PER_RECORD = 3000 / 4450


def peak_memory_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def tutorial_splink(records: list[dict[str, str]]) -> dict[str, str]:
    """What a first Splink tutorial would do: raw names, exact/Jaro-Winkler, one-name blocks."""
    rows = []
    for record in records:
        first, last = record.get("given_name", ""), record.get("family_name", "")
        if not (first or last) and record.get("full_name"):
            words = record["full_name"].split()
            first, last = words[0], words[-1]
        rows.append(
            {
                "unique_id": record["record_id"],
                "first_name": first.lower() or None,
                "surname": last.lower() or None,
                "dob": record.get("birth_date") or None,
            }
        )
    from rightsledger.link.model import quiet_splink

    with quiet_splink():
        return _tutorial(rows)


def _tutorial(rows: list[dict[str, Any]]) -> dict[str, str]:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    db_api = DuckDBAPI()
    table = db_api.register(rows)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("first_name"),
            cl.JaroWinklerAtThresholds("surname"),
            cl.ExactMatch("dob"),
        ],
        blocking_rules_to_generate_predictions=[block_on("surname"), block_on("first_name")],
    )
    linker = Linker(table, settings, log_level=None)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9)
    return {str(r["unique_id"]): str(r["cluster_id"]) for r in clusters.as_record_list()}


def run_quality(people: int, seed: int) -> None:
    data = generate(people, seed=seed)
    print(f"{len(data.records)} records of {people} synthetic people (seed {seed})")
    started = time.perf_counter()
    result = link_records(data.records, review_band=None)
    elapsed = time.perf_counter() - started
    scores = pairwise_scores(result.cluster_of(), data.truth)
    print(f"rightsledger linker   threshold {result.threshold}: {scores}  {elapsed:.1f} s")
    left = [p.left for p in result.pairs]
    right = [p.right for p in result.pairs]
    probability = [p.probability for p in result.pairs]
    for threshold in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9):
        for reason in (True, False):
            grouped = cluster(
                result.records,
                left,
                right,
                probability,
                threshold=threshold,
                reason_over_clusters=reason,
            )
            found = dict(zip(grouped.record_ids, grouped.cluster_ids, strict=True))
            name = "cluster reasoning " if reason else "connected components"
            print(f"  {name} at {threshold:.2f}: {pairwise_scores(found, data.truth)}")
    recall = blocking_recall(data.records, data.truth)
    print(f"  blocking recall (true pairs compared at all): {recall:.3f}")
    started = time.perf_counter()
    baseline = tutorial_splink(data.records)
    elapsed = time.perf_counter() - started
    print(f"tutorial Splink       : {pairwise_scores(baseline, data.truth)}  {elapsed:.1f} s")


def run_scale(records: int, seed: int) -> None:
    people = int(records * PEOPLE_PER_RECORD)
    started = time.perf_counter()
    data = generate(people, seed=seed)
    generated = time.perf_counter() - started
    print(f"generated {len(data.records)} records of {people} people in {generated:.0f} s")
    started = time.perf_counter()
    result: Any = link_records(data.records, review_band=None, spill=True)
    elapsed = time.perf_counter() - started
    print(f"linked in {elapsed:.0f} s ({elapsed / 60:.1f} min); {len(result.pairs)} scored pairs")
    print(f"pairwise: {pairwise_scores(result.cluster_of(), data.truth)}")
    print(f"peak memory (this process): {peak_memory_gb():.1f} GB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--records", type=int, help="scale run with about this many records")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.records:
        run_scale(args.records, args.seed)
    else:
        run_quality(args.people, args.seed)


if __name__ == "__main__":
    main()
