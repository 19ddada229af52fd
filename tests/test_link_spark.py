"""The Spark backend (local mode) gives the same clusters as DuckDB with the same model."""

from __future__ import annotations

import pytest

from rightsledger.link import link_records
from rightsledger.link.spark import spark_problem
from rightsledger.link.synthetic import generate

PROBLEM = spark_problem()

pytestmark = [
    pytest.mark.skipif(PROBLEM is not None, reason=f"Spark cannot run here: {PROBLEM}"),
    # pyspark and py4j raise deprecation and resource warnings of their own.
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]


def test_spark_and_duckdb_give_the_same_clusters() -> None:
    records = generate(60, seed=3).records
    on_duckdb = link_records(records, review_band=(0.1, 0.9))
    on_spark = link_records(records, review_band=(0.1, 0.9), backend="spark", model=on_duckdb.model)
    assert on_spark.clusters.record_ids == on_duckdb.clusters.record_ids
    assert on_spark.clusters.cluster_ids == on_duckdb.clusters.cluster_ids
    # The engines sum match weights in a different order: equal to the last bits, not beyond.
    assert on_spark.clusters.best_probability == pytest.approx(
        on_duckdb.clusters.best_probability, abs=1e-9
    )
    assert len(on_spark.pairs) == len(on_duckdb.pairs) > 20
    for mine, theirs in zip(on_duckdb.pairs, on_spark.pairs, strict=True):
        assert (mine.left, mine.right) == (theirs.left, theirs.right)
        assert mine.probability == pytest.approx(theirs.probability, abs=1e-9)
    assert {(r.left, r.right) for r in on_spark.review} == {
        (r.left, r.right) for r in on_duckdb.review
    }
