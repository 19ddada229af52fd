"""The gold set: its spans are machine-checked, and the extraction goals hold on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsledger.extract import extract_text
from rightsledger.extract.evaluate import GoldDocument, Score, load_gold, score
from rightsledger.extract.gazetteer import load as load_gazetteer

GOLD = Path(__file__).parent / "data" / "extract_gold" / "gold.jsonl"
ACT_CATEGORIES = {
    "killing", "torture", "ill_treatment", "arbitrary_detention", "enforced_disappearance",
    "abduction", "forced_displacement", "sexual_violence", "threats_intimidation", "extortion",
    "property_destruction",
}  # fmt: skip
ROLES = {"perpetrator", "victim", "source", "official", None}
DEMANDS = {
    "investigation", "release", "prosecution", "cessation", "protection", "reparation",
    "sanctions", "access", "information",
}  # fmt: skip


@pytest.fixture(scope="module")
def gold() -> list[GoldDocument]:
    return load_gold(GOLD)


@pytest.fixture(scope="module")
def scores(gold: list[GoldDocument]) -> dict[str, Score]:
    return score(gold, [extract_text(document.text()) for document in gold])


def test_gold_set_is_large_and_bilingual(gold: list[GoldDocument]) -> None:
    languages = [document.language for document in gold]
    assert len(gold) >= 40
    assert languages.count("en") >= 15
    assert languages.count("ru") >= 15


def test_every_annotated_span_is_the_document_slice(gold: list[GoldDocument]) -> None:
    for document in gold:
        text = document.text()
        for claim in document.claims:
            assert text[claim["start"] : claim["end"]] == claim["text"], (document.id, claim)


def test_annotations_use_known_values(gold: list[GoldDocument]) -> None:
    gazetteer = load_gazetteer()
    for document in gold:
        assert document.acts <= ACT_CATEGORIES, document.id
        for claim in document.claims:
            if claim["kind"] == "place":
                assert gazetteer.lookup_en(claim["name"]), (document.id, claim["name"])
            if claim["kind"] == "date":
                assert claim["earliest"] <= claim["latest"], (document.id, claim)
            if claim["kind"] == "actor":
                assert claim["actor_type"] in ("person", "organization"), (document.id, claim)
                assert claim["role_hint"] in ROLES, (document.id, claim)
            if claim["kind"] == "quote":
                assert claim["quote"] == claim["text"][1:-1].strip(), (document.id, claim)
            if claim["kind"] == "call":
                assert claim["demand"] in DEMANDS, (document.id, claim)


def test_spans_do_not_start_or_end_inside_a_word(gold: list[GoldDocument]) -> None:
    for document in gold:
        text = document.text()
        for claim in document.claims:
            start, end = claim["start"], claim["end"]
            assert start == 0 or not (text[start - 1].isalnum() and text[start].isalnum()), claim
            assert end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum()), claim


def test_held_out_splits_cover_both_languages_and_every_kind(gold: list[GoldDocument]) -> None:
    held_out = [d for d in gold if d.split not in ("train", "dev", "dev2")]
    assert sum(d.language == "en" for d in held_out) >= 20
    assert sum(d.language == "ru" for d in held_out) >= 20
    kinds = {claim["kind"] for d in held_out for claim in d.claims}
    assert kinds == {"count", "date", "place", "actor", "quote", "call"}


def test_extraction_goals_hold(scores: dict[str, Score]) -> None:
    misses = {kind: s.misses for kind, s in scores.items()}
    assert scores["count"].f1 >= 0.90, misses["count"]
    assert scores["date"].recall >= 0.90, misses["date"]
    assert scores["act"].f1 >= 0.85, misses["act"]
    assert scores["place"].recall >= 0.90, misses["place"]


def test_scores_do_not_fall_below_what_the_rules_reach(scores: dict[str, Score]) -> None:
    """Pinned a little under the figures measured on the whole set (README): a change to the
    rules that loses ground on any kind fails here, with the misses to read."""
    floors = {
        "count": 0.97, "date": 0.97, "place": 0.97, "act": 0.94, "actor": 0.94,
        "actor_role": 0.81, "quote": 0.95, "quote_speaker": 0.90, "call": 0.97,
        "call_parties": 0.92,
    }  # fmt: skip
    for kind, floor in floors.items():
        assert scores[kind].f1 >= floor, (kind, scores[kind].f1, scores[kind].misses)


def test_the_evaluation_can_fail(gold: list[GoldDocument]) -> None:
    """An extractor that finds nothing must score zero recall, or the goals test proves nothing."""
    from rightsledger.extract import Extraction

    empty = score(gold, [Extraction(language=d.language) for d in gold])
    for kind in ("count", "date", "place", "actor", "quote", "call"):
        assert empty[kind].recall == 0.0, kind
    assert empty["act"].f1 == 0.0
