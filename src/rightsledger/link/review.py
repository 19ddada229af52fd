"""Output files: clusters, and the review band with both records side by side."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from typing import TextIO

from rightsledger.link.pipeline import LinkResult, ReviewPair
from rightsledger.link.predict import Evidence
from rightsledger.link.records import COLUMNS

CLUSTER_COLUMNS = ("record_id", "cluster_id", "cluster_probability")
SHOWN = tuple(column for column in COLUMNS if column != "record_id")


def write_clusters(result: LinkResult, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLUSTER_COLUMNS)
    clusters = result.clusters
    for record, cluster_id, best in zip(
        clusters.record_ids, clusters.cluster_ids, clusters.best_probability, strict=True
    ):
        writer.writerow([record, cluster_id, "" if best is None else f"{best:.4f}"])


def _describe(evidence: Sequence[Evidence]) -> str:
    return "; ".join(
        f"{e.comparison.replace('_', ' ')}: {e.level} ({e.weight:+.1f})" for e in evidence
    )


def review_rows(
    result: LinkResult, records: Sequence[Mapping[str, object]]
) -> list[dict[str, str]]:
    by_id = {str(record.get("record_id", "")).strip(): record for record in records}
    rows = []
    pair: ReviewPair
    for pair in result.review:
        row = {
            "probability": f"{pair.probability:.4f}",
            "same_cluster": "yes" if pair.same_cluster else "no",
            "left_record_id": pair.left,
            "right_record_id": pair.right,
        }
        for side, record_id in (("left", pair.left), ("right", pair.right)):
            record = by_id.get(record_id, {})
            for column in SHOWN:
                value = record.get(column)
                row[f"{side}_{column}"] = "" if value is None else str(value)
        row["evidence_for"] = _describe(pair.evidence_for)
        row["evidence_against"] = _describe(pair.evidence_against)
        rows.append(row)
    return rows


def review_columns() -> list[str]:
    columns = ["probability", "same_cluster", "left_record_id", "right_record_id"]
    for side in ("left", "right"):
        columns.extend(f"{side}_{column}" for column in SHOWN)
    return [*columns, "evidence_for", "evidence_against"]


def write_review(result: LinkResult, records: Sequence[Mapping[str, object]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=review_columns(), lineterminator="\n")
    writer.writeheader()
    rows = review_rows(result, records)
    writer.writerows(rows)
    return len(rows)
