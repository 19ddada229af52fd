"""natasha's Russian named-entity tagger, loaded once and lazily (its model is in the wheel)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

from rightsledger.extract.blas import single_threaded
from rightsledger.extract.morph import analyzer

# natasha reads a text in one piece; paragraphs keep its input short and the cost linear.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_MAX_CHUNK = 5_000


class Entity(NamedTuple):
    start: int
    end: int
    type: str  # PER, ORG or LOC
    text: str
    normal: str


@cache
def _tagger() -> tuple[Any, Any, Any]:
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    for paragraph in _PARAGRAPH.finditer(text):
        if not _CYRILLIC.search(paragraph[0]):
            continue
        start, body = paragraph.start(), paragraph[0]
        while len(body) > _MAX_CHUNK:
            cut = body.rfind(". ", 0, _MAX_CHUNK)
            cut = _MAX_CHUNK if cut <= 0 else cut + 1
            yield start, body[:cut]
            start, body = start + cut, body[cut:]
        yield start, body


def russian_entities(text: str) -> list[Entity]:
    """Persons, organisations and locations in the Cyrillic paragraphs of ``text``."""
    found: list[Entity] = []
    with single_threaded():
        for offset, chunk in _chunks(text):
            found.extend(_tag(offset, chunk))
    return found


def _tag(offset: int, chunk: str) -> list[Entity]:
    from natasha import Doc

    segmenter, morph_tagger, ner_tagger = _tagger()
    doc = Doc(chunk)
    doc.segment(segmenter)
    doc.tag_ner(ner_tagger)
    if any(span.type in ("PER", "ORG") for span in doc.spans):
        # Normalising a name to the nominative needs the morphology of its words.
        doc.tag_morph(morph_tagger)
    found = []
    for span in doc.spans:
        if "\n" in span.text:  # a heading and the next line are not one name
            continue
        normal = span.text
        if span.type in ("PER", "ORG"):
            try:
                span.normalize(analyzer())
                normal = span.normal or span.text
            except (ValueError, KeyError, IndexError, AttributeError):
                normal = span.text
        found.append(Entity(offset + span.start, offset + span.stop, span.type, span.text, normal))
    return found
