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


def test_extraction_goals_hold(scores: dict[str, Score]) -> None:
    misses = {kind: s.misses for kind, s in scores.items()}
    assert scores["count"].f1 >= 0.90, misses["count"]
    assert scores["date"].recall >= 0.90, misses["date"]
    assert scores["act"].f1 >= 0.85, misses["act"]
    assert scores["place"].recall >= 0.90, misses["place"]


def test_the_evaluation_can_fail(gold: list[GoldDocument]) -> None:
    """An extractor that finds nothing must score zero recall, or the goals test proves nothing."""
    from rightsledger.extract import Extraction

    empty = score(gold, [Extraction(language=d.language) for d in gold])
    assert empty["count"].recall == 0.0
    assert empty["date"].recall == 0.0
    assert empty["act"].f1 == 0.0
