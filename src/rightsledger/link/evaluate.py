"""Pairwise precision, recall and F1 of clusters against the truth, and blocking recall."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise_scores(predicted: Mapping[str, str], truth: Mapping[str, str]) -> PairwiseScores:
    """Both map record_id -> cluster (predicted) or person (truth) over the same records."""
    ids = [record for record in truth if record in predicted]
    together = Counter((predicted[r], truth[r]) for r in ids)
    return PairwiseScores(
        true_pairs=_pairs(Counter(truth[r] for r in ids).values()),
        predicted_pairs=_pairs(Counter(predicted[r] for r in ids).values()),
        correct_pairs=_pairs(together.values()),
    )


def true_pairs(truth: Mapping[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for record, person in truth.items():
        groups.setdefault(person, []).append(record)
    found = set()
    for members in groups.values():
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                found.add((a, b))
    return found


def pair_recall(left: Sequence[str], right: Sequence[str], truth: Mapping[str, str]) -> float:
    """Share of true pairs among the given pairs (blocking recall when given every blocked pair)."""
    wanted = true_pairs(truth)
    if not wanted:
        return 1.0
    found = {(a, b) if a < b else (b, a) for a, b in zip(left, right, strict=True)}
    return len(wanted & found) / len(wanted)


def blocking_recall(records: Sequence[Mapping[str, object]], truth: Mapping[str, str]) -> float:
    """Share of true pairs that the blocking rules bring together at all (scored at any level)."""
    from rightsledger.link.model import DuckSession, train
    from rightsledger.link.predict import predict
    from rightsledger.link.records import check_records

    prepared = check_records(records)
    session = DuckSession.open(spill=False)
    try:
        scored = predict(
            prepared, train(prepared, session=session), floor=0.0, band=None, session=session
        )
    finally:
        session.close()
    return pair_recall(scored.left, scored.right, truth)


def labelled_scores(
    predicted: Mapping[str, str], labels: Iterable[tuple[str, str, bool]]
) -> PairwiseScores:
    """Scores on labelled pairs only: a pair is predicted a match when it shares a cluster."""
    true = predicted_count = correct = 0
    for a, b, is_match in labels:
        if a not in predicted or b not in predicted:
            continue
        same = predicted[a] == predicted[b]
        true += is_match
        predicted_count += same
        correct += same and is_match
    return PairwiseScores(true, predicted_count, correct)
