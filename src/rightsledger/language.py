"""Which language a text is in: English, Russian, or neither. One detector for the whole
project: the vault records it for each document, extraction chooses its rules by it.

Whole texts are classified by script and, for Latin script, by the share of English function
words; per-sentence classifiers misfire on short strings. Ukrainian and other Cyrillic
languages are told apart from Russian by their own letters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LETTER = re.compile(r"[^\W\d_]")
_OTHER_CYRILLIC = re.compile(r"[іїєґўІЇЄҐЎјљњћђџЈЉЊЋЂЏ]")
_WORD = re.compile(r"[A-Za-z]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in was were is are a an that for on by with at from he she they it his her "
    "their had has have been be as said not this who".split()
)
SUPPORTED = ("en", "ru")


class Language(NamedTuple):
    code: str  # "en", "ru", "uk"/"other-cyrillic"…, or "und" when unknown
    mixed: bool


def detect(text: str, *, sample: int = 200_000) -> Language:
    """Classify ``text`` (a sample of its first characters, which is enough and keeps it fast)."""
    head = text[:sample]
    letters = len(_LETTER.findall(head))
    if letters == 0:
        return Language("und", mixed=False)
    cyrillic = len(_CYRILLIC.findall(head))
    latin = len(_LATIN.findall(head))
    mixed = min(cyrillic, latin) >= 0.15 * letters
    if cyrillic >= latin and cyrillic >= 0.4 * letters:
        if len(_OTHER_CYRILLIC.findall(head)) > 0.01 * cyrillic:
            return Language("uk" if re.search(r"[іїєґ]", head) else "und", mixed)
        return Language("ru", mixed)
    if latin >= 0.4 * letters:
        words = _WORD.findall(head)
        english = sum(1 for word in words if word.lower() in _ENGLISH_FUNCTION_WORDS)
        if words and (english / len(words) >= 0.08 or (mixed and english > 0)):
            return Language("en", mixed)
        if len(words) < 4 and english > 0:
            return Language("en", mixed)
    return Language("und", mixed)
