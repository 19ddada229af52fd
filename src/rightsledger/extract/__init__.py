"""Claims from text in English and Russian, each tied to its character span.

Public surface::

    from rightsledger.extract import extract_text, extract_file
    extraction = extract_text("More than 100 men were detained in early April 2017.")
    for claim in extraction.claims:
        print(claim.kind, claim.start, claim.end, claim.to_json())

See docs/extraction.md for the claim kinds, the JSON shape and the conventions.
"""

from __future__ import annotations

from rightsledger.extract.claims import (
    ActClaim,
    ActorClaim,
    CallClaim,
    Claim,
    CountClaim,
    DateClaim,
    Extraction,
    PlaceClaim,
    QuoteClaim,
)
from rightsledger.extract.pipeline import count_sentences, extract_file, extract_text

__all__ = [
    "ActClaim",
    "ActorClaim",
    "CallClaim",
    "Claim",
    "CountClaim",
    "DateClaim",
    "Extraction",
    "PlaceClaim",
    "QuoteClaim",
    "count_sentences",
    "extract_file",
    "extract_text",
]
