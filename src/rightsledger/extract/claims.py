"""The claim types: one proposal drawn from a span of text, and its JSON shape.

Every claim carries the span (Python string indices into the decoded text), the rule that made
it and a confidence in 0..1; each kind adds its own normalised fields. ``to_json`` is the exact
shape the CLI prints and the review stage reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    kind: ClassVar[str] = "claim"
    start: int
    end: int
    text: str
    rule: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for item in fields(self):
            value = getattr(self, item.name)
            out[item.name] = round(value, 2) if isinstance(value, float) else value
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class CountClaim(Claim):
    kind: ClassVar[str] = "count"
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    unit: str = "person"
    subject: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateClaim(Claim):
    kind: ClassVar[str] = "date"
    earliest: str | None
    latest: str | None
    edtf: str
    modifier: str | None = None
    precision: str = "day"
    year_inferred: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceClaim(Claim):
    kind: ClassVar[str] = "place"
    name: str
    name_original: str
    gazetteer_id: str
    country_code: str
    admin1: str | None = None
    place_type: str = "city"


@dataclass(frozen=True, slots=True, kw_only=True)
class ActClaim(Claim):
    kind: ClassVar[str] = "act"
    category: str
    huridocs_code: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorClaim(Claim):
    kind: ClassVar[str] = "actor"
    name: str
    actor_type: str
    role_hint: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteClaim(Claim):
    kind: ClassVar[str] = "quote"
    speaker: str | None
    quote: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CallClaim(Claim):
    kind: ClassVar[str] = "call"
    demand: str
    by: str | None = None
    addressee: str | None = None


@dataclass(slots=True)
class Extraction:
    """What one text yielded: its language and its claims in text order."""

    language: str
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.kind == kind]
