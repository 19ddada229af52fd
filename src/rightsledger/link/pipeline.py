"""The public entry point: plain records in, clusters, pair probabilities and review pairs out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rightsledger.errors import UserError
from rightsledger.link.cluster import Clusters, cluster
from rightsledger.link.evaluate import labelled_scores
from rightsledger.link.model import Backend, DuckSession, train
from rightsledger.link.predict import Evidence, Scored, predict
from rightsledger.link.records import Prepared, check_records

# Chosen on the project's labelled synthetic evaluation (see docs/linkage.md): Splink's
# probabilities on these lists run under-confident, so the best cut sits well below 0.5.
DEFAULT_THRESHOLD = 0.05
DEFAULT_REVIEW_BAND = (0.03, 0.3)
SPILL_MEMORY_LIMIT = "8GB"
THRESHOLD_GRID = (0.01, 0.02, 0.03, *(round(0.05 * step, 2) for step in range(1, 20)))


@dataclass(frozen=True, slots=True)
class ScoredPair:
    left: str
    right: str
    probability: float


@dataclass(frozen=True, slots=True)
class ReviewPair:
    """A pair whose probability lies in the review band, with what spoke for and against it."""

    left: str
    right: str
    probability: float
    same_cluster: bool
    evidence: tuple[Evidence, ...]

    @property
    def evidence_for(self) -> list[Evidence]:
        return sorted((e for e in self.evidence if e.weight > 0), key=lambda e: -e.weight)

    @property
    def evidence_against(self) -> list[Evidence]:
        return sorted((e for e in self.evidence if e.weight < 0), key=lambda e: e.weight)


@dataclass
class LinkResult:
    records: list[Prepared]
    clusters: Clusters
    pairs: list[ScoredPair]
    review: list[ReviewPair]
    threshold: float
    model: dict[str, Any]

    def cluster_of(self) -> dict[str, str]:
        return dict(zip(self.clusters.record_ids, self.clusters.cluster_ids, strict=True))


def _check_band(band: tuple[float, float] | None) -> None:
    if band is None:
        return
    low, high = band
    if not 0 <= low <= high <= 1:
        raise UserError(f"the review band must be LO,HI with 0 <= LO <= HI <= 1, not {low},{high}")


def choose_threshold(
    records: Sequence[Prepared], scored: Scored, labels: Sequence[tuple[str, str, bool]]
) -> float:
    """The threshold whose clusters score the best F1 on labelled pairs."""
    best, best_f1 = DEFAULT_THRESHOLD, -1.0
    for candidate in THRESHOLD_GRID:
        grouped = cluster(
            records, scored.left, scored.right, scored.probability, threshold=candidate
        )
        found = dict(zip(grouped.record_ids, grouped.cluster_ids, strict=True))
        f1 = labelled_scores(found, labels).f1
        if f1 > best_f1:
            best, best_f1 = candidate, f1
    return best


def link_records(
    records: Sequence[Mapping[str, object]],
    *,
    threshold: float | None = None,
    review_band: tuple[float, float] | None = DEFAULT_REVIEW_BAND,
    backend: Backend = "duckdb",
    model: dict[str, Any] | None = None,
    labels: Sequence[tuple[str, str, bool]] | None = None,
    spark: Any = None,
    spill: bool = False,
    source: str | None = None,
) -> LinkResult:
    """Link plain records (dicts of the input columns) into clusters of one person each.

    `threshold` is the match probability a link needs (default: chosen from `labels` when given,
    else DEFAULT_THRESHOLD). `model` is a trained model from an earlier run (`LinkResult.model`);
    without it the model is trained unsupervised on these records. Only derived keys reach the
    engine; DuckDB runs in memory and spills to disk only when `spill` is set (then into a private
    directory removed afterwards).
    """
    if threshold is not None and not 0 < threshold <= 1:
        raise UserError(f"the threshold must be a probability in (0, 1], not {threshold}")
    _check_band(review_band)
    prepared = check_records(records, source=source, first_line=2 if source else 1)
    session = DuckSession.open(spill=spill, memory_limit=SPILL_MEMORY_LIMIT if spill else None)
    try:
        trained = model if model is not None else train(prepared, session=session)
        # Score down to the lowest probability anything below needs: the threshold (or the
        # lowest one labels may choose) and the bottom of the review band.
        floor = min(
            threshold
            if threshold is not None
            else (min(THRESHOLD_GRID) if labels else DEFAULT_THRESHOLD),
            review_band[0] if review_band else 1.0,
        )
        try:
            scored = predict(
                prepared,
                trained,
                floor=floor,
                band=review_band,
                backend=backend,
                session=session,
                spark=spark,
            )
        except Exception as problem:
            if model is None:
                raise
            # A model saved by another version may name columns this one does not make.
            raise UserError(
                f"the model does not fit this version of the linker ({problem})"
            ) from None
    finally:
        session.close()
    if threshold is None:
        threshold = choose_threshold(prepared, scored, labels) if labels else DEFAULT_THRESHOLD
    clusters = cluster(prepared, scored.left, scored.right, scored.probability, threshold=threshold)
    found = dict(zip(clusters.record_ids, clusters.cluster_ids, strict=True))
    review = [
        ReviewPair(a, b, p, found[a] == found[b], tuple(scored.evidence[(a, b)]))
        for a, b, p in zip(scored.left, scored.right, scored.probability, strict=True)
        if (a, b) in scored.evidence
    ]
    review.sort(key=lambda pair: (-pair.probability, pair.left, pair.right))
    pairs = [
        ScoredPair(a, b, p)
        for a, b, p in zip(scored.left, scored.right, scored.probability, strict=True)
    ]
    return LinkResult(prepared, clusters, pairs, review, threshold, trained)
