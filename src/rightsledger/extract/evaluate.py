"""Scoring extraction against an annotated gold set (precision, recall, F1 per claim kind).

The gold set is a JSON-lines file, one document a line: ``document`` (a path relative to the
file), ``language``, ``split``, ``acts`` (the act categories the document alleges) and
``claims`` (kind, start, end, text and the normalised values). How a prediction matches:

- count: the same span and the same low / best / high (``count_overlap`` relaxes the span to
  any overlap, for reading);
- date: overlapping spans with the same earliest and latest day;
- place: overlapping spans with the same (English) name;
- act: per document, the set of categories found against the set annotated;
- actor: overlapping spans, the same ``actor_type`` and names that share a word (see
  ``name_key``); ``actor_role`` also needs the same ``role_hint``;
- quote: overlapping spans and the same quoted words (case, spacing and the punctuation at
  either end ignored); ``quote_speaker`` also needs the speaker (both absent, or sharing a word);
- call: overlapping spans and the same ``demand``; ``call_parties`` also needs ``by`` and
  ``addressee`` (each both absent, or sharing a word).

Names are compared by word stems, so a Russian name in another case («Фатимы Цаллаговой»)
or a partial mention ("Magomedov" for "Zaur Magomedov") still matches: two names match when
they share a word of three letters or more, cut to its first five letters, other than a few
function words. Gold documents written before actors, quotes and calls were annotated say
so with ``"annotated": [...]``; kinds not listed there are not scored for that document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rightsledger.extract.claims import Claim, Extraction

ALL_KINDS = frozenset({"count", "date", "place", "act", "actor", "quote", "call"})


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    path: Path
    language: str
    split: str
    acts: frozenset[str]
    claims: tuple[dict[str, Any], ...]
    annotated: frozenset[str] = ALL_KINDS

    def scores_kind(self, kind: str) -> bool:
        return kind in self.annotated

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
                annotated=frozenset(row.get("annotated", ALL_KINDS)),
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


# Words too common in names of bodies to say two names are the same one.
_FUNCTION_WORDS = frozenset(
    "the and for of on against to with from без для при под над про "
    "правозащитный правозащитная".split()
)


def name_key(name: str | None) -> frozenset[str]:
    """Word stems of a name: lower case, ё as е, words of 3+ letters cut to 5 letters."""
    if not name:
        return frozenset()
    words = re.findall(r"\w+", name.lower().replace("ё", "е"))
    return frozenset(w[:5] for w in words if len(w) >= 3 and w not in _FUNCTION_WORDS)


def same_name(gold: str | None, found: str | None) -> bool:
    """Both absent, or sharing a word stem (``name_key``)."""
    if not gold or not found:
        return not gold and not found
    return bool(name_key(gold) & name_key(found))


def _actor(gold: dict[str, Any], claim: Claim) -> bool:
    got = claim.to_json()
    return (
        _overlap(gold, claim)
        and gold["actor_type"] == got["actor_type"]
        and bool(name_key(gold["name"]) & name_key(got["name"]))
    )


def _actor_role(gold: dict[str, Any], claim: Claim) -> bool:
    return _actor(gold, claim) and gold["role_hint"] == claim.to_json()["role_hint"]


def _quoted_words(quote: str) -> str:
    return " ".join(re.findall(r"\w+", quote.lower().replace("ё", "е")))


def _quote(gold: dict[str, Any], claim: Claim) -> bool:
    return _overlap(gold, claim) and _quoted_words(gold["quote"]) == _quoted_words(
        claim.to_json()["quote"]
    )


def _quote_speaker(gold: dict[str, Any], claim: Claim) -> bool:
    return _quote(gold, claim) and same_name(gold["speaker"], claim.to_json()["speaker"])


def _call(gold: dict[str, Any], claim: Claim) -> bool:
    return _overlap(gold, claim) and gold["demand"] == claim.to_json()["demand"]


def _call_parties(gold: dict[str, Any], claim: Claim) -> bool:
    got = claim.to_json()
    return (
        _call(gold, claim)
        and same_name(gold["by"], got["by"])
        and same_name(gold["addressee"], got["addressee"])
    )


_MATCHERS: dict[str, tuple[str, Callable[[dict[str, Any], Claim], bool]]] = {
    "count": ("count", _count_exact),
    "count_overlap": ("count", _count_overlap),
    "date": ("date", _date),
    "place": ("place", _place),
    "actor": ("actor", _actor),
    "actor_role": ("actor", _actor_role),
    "quote": ("quote", _quote),
    "quote_speaker": ("quote", _quote_speaker),
    "call": ("call", _call),
    "call_parties": ("call", _call_parties),
}
SCORED = (*_MATCHERS, "act")


def score(documents: Sequence[GoldDocument], extractions: Iterable[Extraction]) -> dict[str, Score]:
    scores = {name: Score() for name in SCORED}
    for document, extraction in zip(documents, extractions, strict=True):
        for name, (kind, matches) in _MATCHERS.items():
            if document.scores_kind(kind):
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
            into.misses.append(f"{document.id}: missed {kind} {_values(wanted)}")
        else:
            used.add(hit)
            into.true_positives += 1
    for index, claim in enumerate(predicted):
        if index not in used:
            into.false_positives += 1
            into.misses.append(f"{document.id}: extra {kind} {_values(claim.to_json())}")


_NOT_VALUES = frozenset({"kind", "start", "end", "rule", "confidence", "quote"})


def _values(claim: dict[str, Any]) -> str:
    """A claim's span text and normalised values, for reading misses."""
    values = {k: v for k, v in claim.items() if k not in _NOT_VALUES and k != "text"}
    return f"{claim['text']!r} {values}"
