"""Which language a document's text is in: enough for search stemming and extraction routing.

Scripts separate Russian from English; common function words confirm. Text too short or mixed
beyond recognition is "und" (undetermined), never a guess.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "that",
        "is",
        "was",
        "for",
        "on",
        "with",
        "as",
        "by",
        "were",
        "are",
        "from",
        "at",
        "have",
        "has",
        "it",
        "this",
        "be",
        "not",
        "they",
        "he",
        "she",
        "his",
        "her",
        "their",
        "said",
    ]
)
_RU = frozenset(
    [
        "и",
        "в",
        "не",
        "на",
        "что",
        "с",
        "по",
        "как",
        "это",
        "он",
        "она",
        "они",
        "из",
        "к",
        "за",
        "от",
        "для",
        "было",
        "был",
        "были",
        "о",
        "его",
        "её",
        "их",
        "но",
        "же",
        "также",
        "так",
        "у",
        "при",
    ]
)
_UKRAINIAN_LETTERS = frozenset("іїєґ")
MIN_WORDS = 3


def detect(text: str, *, sample: int = 20_000) -> str:
    words = [word.lower() for word in _WORD.findall(text[:sample])]
    if len(words) < MIN_WORDS:
        return "und"
    cyrillic = sum(1 for word in words if "\u0400" <= word[0] <= "\u04ff")
    latin = sum(1 for word in words if word[0].isascii())
    if cyrillic >= latin:
        letters = set("".join(words))
        if letters & _UKRAINIAN_LETTERS and not any(word in _RU for word in words[:200]):
            return "uk"
        return "ru" if any(word in _RU for word in words) or cyrillic > 0.6 * len(words) else "und"
    english = sum(1 for word in words if word in _EN)
    return "en" if english >= max(1, len(words) // 50) else "und"
