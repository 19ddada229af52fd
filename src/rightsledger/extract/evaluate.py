"""Scoring extraction against an annotated gold set (precision, recall, F1 per claim kind).

The gold set is a JSON-lines file, one document a line: ``document`` (a path relative to the
file), ``language``, ``split``, ``acts`` (the act categories the document alleges) and
``claims`` (kind, start, end, text and the normalised values). How a prediction matches:

- count: the same span and the same low / best / high (``count_overlap`` relaxes the span to
  any overlap, for reading);
- date: overlapping spans with the same earliest and latest day;
- place: overlapping spans with the same (English) name;
- act: per document, the set of categories found against the set annotated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rightsledger.extract.claims import Claim, Extraction


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    path: Path
    language: str
    split: str
    acts: frozenset[str]
    claims: tuple[dict[str, Any], ...]

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def load_gold(path: Path) -> list[GoldDocument]:
    documents = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        document = path.parent / row["document"]
        documents.append(
            GoldDocument(
                id=document.stem,
                path=document,
                language=row["language"],
                split=row["split"],
                acts=frozenset(row["acts"]),
                claims=tuple(row["claims"]),
            )
        )
    return documents


@dataclass(slots=True)
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a: dict[str, Any], b: Claim) -> bool:
    return bool(a["start"] < b.end and b.start < a["end"])


def _count_exact(gold: dict[str, Any], claim: Claim) -> bool:
    return (gold["start"], gold["end"]) == (claim.start, claim.end) and _same_figures(gold, claim)


def _count_overlap(gold: dict[str, Any], claim: Claim) -> bool:
    return _overlap(gold, claim) and _same_figures(gold, claim)


def _same_figures(gold: dict[str, Any], claim: Claim) -> bool:
    got = claim.to_json()
    return all(gold[key] == got[key] for key in ("low", "best", "high"))


def _date(gold: dict[str, Any], claim: Claim) -> bool:
    got = claim.to_json()
    return _overlap(gold, claim) and (gold["earliest"], gold["latest"]) == (
        got["earliest"],
        got["latest"],
    )


def _place(gold: dict[str, Any], claim: Claim) -> bool:
    return _overlap(gold, claim) and gold["name"] == claim.to_json()["name"]


_MATCHERS: dict[str, tuple[str, Callable[[dict[str, Any], Claim], bool]]] = {
    "count": ("count", _count_exact),
    "count_overlap": ("count", _count_overlap),
    "date": ("date", _date),
    "place": ("place", _place),
}


def score(documents: Sequence[GoldDocument], extractions: Iterable[Extraction]) -> dict[str, Score]:
    scores = {name: Score() for name in (*_MATCHERS, "act")}
    for document, extraction in zip(documents, extractions, strict=True):
        for name, (kind, matches) in _MATCHERS.items():
            _score_kind(document, extraction, kind, matches, scores[name])
        found = {c.to_json()["category"] for c in extraction.claims if c.kind == "act"}
        acts = scores["act"]
        acts.true_positives += len(found & document.acts)
        acts.false_positives += len(found - document.acts)
        acts.false_negatives += len(document.acts - found)
        acts.misses.extend(f"{document.id}: missed act {a}" for a in document.acts - found)
        acts.misses.extend(f"{document.id}: extra act {a}" for a in found - document.acts)
    return scores


def _score_kind(
    document: GoldDocument,
    extraction: Extraction,
    kind: str,
    matches: Callable[[dict[str, Any], Claim], bool],
    into: Score,
) -> None:
    gold = [claim for claim in document.claims if claim["kind"] == kind]
    predicted = [claim for claim in extraction.claims if claim.kind == kind]
    used: set[int] = set()
    for wanted in gold:
        hit = next(
            (i for i, c in enumerate(predicted) if i not in used and matches(wanted, c)), None
        )
        if hit is None:
            into.false_negatives += 1
            into.misses.append(f"{document.id}: missed {kind} {wanted['text']!r}")
        else:
            used.add(hit)
            into.true_positives += 1
    for index, claim in enumerate(predicted):
        if index not in used:
            into.false_positives += 1
            into.misses.append(f"{document.id}: extra {kind} {claim.text!r}")
