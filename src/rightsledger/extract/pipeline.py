"""Run every rule over a text and gather the claims in text order."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rightsledger.errors import InvalidValue
from rightsledger.extract.actors import find_english_actors, russian_actors
from rightsledger.extract.acts import find_acts
from rightsledger.extract.calls import find_calls
from rightsledger.extract.claims import Claim, Extraction
from rightsledger.extract.counts import find_counts
from rightsledger.extract.dates import find_dates
from rightsledger.extract.decode import read_text
from rightsledger.extract.ner import Entity, russian_entities
from rightsledger.extract.places import find_places
from rightsledger.extract.quotes import find_quotes
from rightsledger.extract.spans import SpanIndex
from rightsledger.language import SUPPORTED, detect

# natasha tags about a thousand sentences a second: past this size the Russian tagger would
# break the one-minute budget for ten megabytes, so names in Russian are left out then.
RUSSIAN_NER_LIMIT = 500_000
# From this size a text is read in pieces, one process per core (``_claims_in_pieces``).
PIECES_FROM = 2_000_000
PIECE_SIZE = 1_000_000
_SENTENCE = re.compile(r"[^.!?…\n]*[^\s.!?…][^.!?…\n]*(?:[.!?…]+|\n|$)")
_KIND_ORDER = {"act": 0, "count": 1, "date": 2, "place": 3, "actor": 4, "quote": 5, "call": 6}


def count_sentences(text: str) -> int:
    return sum(1 for _ in _SENTENCE.finditer(text))


def extract_text(text: str, *, language: str | None = None) -> Extraction:
    """Claims in ``text``. ``language`` ("en" or "ru") overrides detection.

    Text in neither language yields no claims and a warning. Rules for both languages run on
    every text, since each reads only its own script: a mixed text gets both.
    """
    if language is not None and language not in SUPPORTED:
        raise InvalidValue(
            f'"{language}" is not a supported language (expected one of {", ".join(SUPPORTED)})'
        )
    detected = detect(text)
    code = language or detected.code
    extraction = Extraction(language=code)
    if code not in SUPPORTED:
        what = "no text" if not text.strip() else f"the language ({code}) is not English or Russian"
        extraction.warnings.append(f"no claims: {what}")
        return extraction
    if detected.mixed:
        extraction.warnings.append("mixed English and Russian text: rules for both ran")
    entities = []
    if len(text) <= RUSSIAN_NER_LIMIT:
        entities = russian_entities(text)
    elif re.search(r"[А-Яа-яЁё]", text):
        extraction.warnings.append(
            f"text longer than {RUSSIAN_NER_LIMIT:,} characters: Russian names (actors) "
            "were not extracted; split the document to get them"
        )
    if len(text) >= PIECES_FROM and (os.cpu_count() or 1) > 1 and _may_fork():
        extraction.claims = _claims_in_pieces(text, os.cpu_count() or 1)
    else:
        extraction.claims = _claims(text, entities)
    return extraction


def _claims(text: str, entities: list[Entity]) -> list[Claim]:
    """Every rule's claims in ``text``, in text order (``entities``: natasha's names)."""
    claims: list[Claim] = []
    acts = list(find_acts(text))
    act_spans = SpanIndex((act.start, act.end) for act in acts)
    english_actors = list(find_english_actors(text, act_spans))
    persons = [(e.start, e.end) for e in entities if e.type == "PER"]
    persons += [(a.start, a.end) for a in english_actors if a.actor_type == "person"]
    places = list(find_places(text, exclude=persons))
    counts = list(find_counts(text))
    count_spans = SpanIndex((c.start, c.end) for c in counts)
    dates = [d for d in find_dates(text) if not count_spans.covers(d.start, d.end)]
    # A month name is never a place here ("in March 2021"): dates win over places.
    date_spans = SpanIndex((d.start, d.end) for d in dates)
    places = [p for p in places if not date_spans.overlaps(p.start, p.end)]
    # A name the NER took for a person but that reads as a place here («из Беслана») is a place.
    place_spans = {(p.start, p.end) for p in places}
    entities = [e for e in entities if (e.start, e.end) not in place_spans]
    claims.extend(places)
    claims.extend(counts)
    claims.extend(dates)
    claims.extend(acts)
    actors = english_actors + list(russian_actors(text, entities, act_spans))
    claims.extend(actors)
    quotes = list(find_quotes(text))
    claims.extend(quotes)
    organisations = sorted((a.start, a.name) for a in actors if a.actor_type == "organization")
    speakers = [(q.start, q.end, q.speaker) for q in quotes]
    claims.extend(find_calls(text, organisations, speakers))
    claims.sort(key=lambda claim: (claim.start, _KIND_ORDER.get(claim.kind, 9), claim.end))
    return claims


def _claims_in_pieces(text: str, cores: int) -> list[Claim]:
    """The claims of a long text read in pieces cut at paragraph breaks, one process a piece.

    Every rule is linear, but ten megabytes in one process take about a minute on a two-core
    machine; the pieces share the work between the cores. Each piece is read as a text of its
    own, so context does not cross a cut: a date with no year in a piece's first paragraph
    takes no year from the piece before it.
    """
    count = max(2, min(cores, len(text) // PIECE_SIZE + 1))
    middle = [_paragraph_break(text, len(text) * i // count) for i in range(1, count)]
    cuts = [0, *middle, len(text)]
    bounds = [(start, end) for start, end in itertools.pairwise(cuts) if end > start]
    with ProcessPoolExecutor(max_workers=min(cores, len(bounds))) as pool:
        pieces = pool.map(_piece_claims, [text[start:end] for start, end in bounds])
        return [
            dataclasses.replace(claim, start=claim.start + start, end=claim.end + start)
            for (start, _), claims in zip(bounds, pieces, strict=True)
            for claim in claims
        ]


def _may_fork() -> bool:
    """Only a process running one thread (the command line, a script) starts worker processes:
    a server's threads may hold locks a forked child would inherit."""
    return threading.active_count() == 1


def _piece_claims(piece: str) -> list[Claim]:
    return _claims(piece, [])


def _paragraph_break(text: str, near: int) -> int:
    """The offset just after the paragraph break (or else line break) nearest ``near``."""
    for mark in ("\n\n", "\n", ". "):
        before, after = text.rfind(mark, 0, near), text.find(mark, near)
        found = [i + len(mark) for i in (before, after) if i != -1]
        if found:
            return min(found, key=lambda offset: abs(offset - near))
    return near


def extract_file(path: Path | str, *, language: str | None = None) -> Extraction:
    """Decode a file (UTF-8, UTF-8/16/32 with BOM, Windows-1251 fallback) and extract from it.

    Raises ``InputError`` for a file that cannot be read, is empty, binary or not decodable.
    """
    decoded = read_text(Path(path))
    extraction = extract_text(decoded.text, language=language)
    if decoded.encoding == "cp1251":
        extraction.warnings.insert(0, "not UTF-8: decoded as Windows-1251 (cp1251)")
    return extraction
