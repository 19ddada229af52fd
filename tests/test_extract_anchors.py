"""Anchored matching (rules tried only at plausible first words) finds what a full scan finds."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rightsledger.extract import acts, anchors, counts
from rightsledger.extract.spans import SpanIndex

DOCUMENTS = Path(__file__).parent / "data" / "extract_gold" / "documents"
SENTENCES = [
    sentence.strip() + "."
    for path in sorted(DOCUMENTS.glob("*.txt"))
    for sentence in path.read_text(encoding="utf-8").split(". ")
    if sentence.strip()
]


@settings(deadline=None, max_examples=40)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
def test_anchored_matches_equal_a_full_scan(sentences: list[str]) -> None:
    text = " ".join(sentences)
    checks = [
        (acts._PATTERN, acts.could_start_trigger),
        (counts._EN_RE, counts._EN_FIRST),
        (counts._RU_RE, counts._RU_FIRST),
    ]
    for pattern, accept in checks:
        full = [m.span() for m in pattern.finditer(text)]
        fast = [m.span() for m in anchors.anchored(pattern, text, accept)]
        assert fast == full
    by_prefix = [(m.span(), m.lastgroup) for m in acts.trigger_matches(text)]
    assert by_prefix == [(m.span(), m.lastgroup) for m in acts._PATTERN.finditer(text)]


def test_leading_prefixes() -> None:
    assert anchors.leading_prefixes(r"(?:was|were) released") == {"wa", "we"}
    assert anchors.leading_prefixes(r"(?:по)?требовал\w*") == {"по", "тр"}
    assert anchors.leading_prefixes(r"\w+ed") is None


def test_span_index() -> None:
    index = SpanIndex([(10, 20), (30, 35)])
    assert index.covers(12, 18)
    assert not index.covers(15, 25)
    assert index.overlaps(15, 25)
    assert not index.overlaps(20, 30)
    index.add(0, 100)
    assert index.covers(40, 60)
