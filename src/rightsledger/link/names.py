"""Name keys that let Cyrillic and Latin spellings of one name meet.

A name is romanised (BGN/PCGN for Cyrillic), stripped of accents and signs, and then folded to a
*skeleton*: the letters on which the common Latin habits disagree (kh/h/x/ch, zh/j/dzh, sch/shch,
ou/u, w/v, -off/-ov, y/j/i before vowels, doubled letters) are reduced to one form. Two spellings
of one Russian name almost always share a skeleton or lie one or two edits apart; forms that come
from another language (Магомед / Muhammad) never do, and are joined by the alias table instead.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import iuliia
import jellyfish

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SPLIT = re.compile(r"[\s,;/]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLED = re.compile(r"([a-z])\1+")
_VOWELS = "aeiou"

# Order matters: longer clusters first, so that "shch" is not read as "sh" + "ch".
_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("chtch", "sh"),
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ch", "h"),
    ("x", "h"),
    ("gh", "g"),
    ("tz", "ts"),
    ("tc", "ts"),
    ("ou", "u"),
    ("w", "v"),
    ("q", "k"),
    ("ck", "k"),
    ("ph", "f"),
)
_GU_BEFORE_FRONT = re.compile(r"gu(?=[ei])")
_FINAL_FF = re.compile(r"ff$")
_FRENCH_FINAL_E = re.compile(r"(?<=[iy])ne$")
_C_ALONE = re.compile(r"c")
_GLIDE_BETWEEN_VOWELS = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_INITIAL_IE = re.compile(r"^ie")
_FEMININE_ENDING = re.compile(r"(ov|ev|in|yn|sk)a$|(sk|ts)aia$")

_PATRONYMIC_ENDINGS = ("ovih", "evih", "ovna", "evna", "ihna", "ih", "kyzy", "ogly", "uly")


# Scholarly and ISO 9 romanisations write one letter with a háček where English writes two;
# stripping the accent would turn Šaipov into "Saipov". Spell them out first.
_DIACRITIC_LETTERS = str.maketrans(
    {
        "š": "sh",
        "Š": "Sh",
        "č": "ch",
        "Č": "Ch",
        "ž": "zh",
        "Ž": "Zh",
        "ŝ": "shch",
        "Ŝ": "Shch",
        "ǆ": "dzh",
        "ĵ": "zh",
        "ä": "a",
        "ö": "o",
        "ü": "u",
        "Ä": "A",
        "Ö": "O",
        "Ü": "U",
    }
)


@lru_cache(maxsize=65536)
def romanise(text: str) -> str:
    """Latin letters for any name: Cyrillic by BGN/PCGN, other letters stripped of accents."""
    if _CYRILLIC.search(text):
        text = iuliia.BGN_PCGN.translate(text)
    composed = unicodedata.normalize("NFC", text)  # a caron may come as a combining mark
    decomposed = unicodedata.normalize("NFKD", composed.translate(_DIACRITIC_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The folded key of one name part; '' when nothing letter-like is left.

    Folding repeats until nothing changes, so a key is its own key (a fold can expose another,
    as "kx" -> "kh" -> "h").
    """
    word = _NOT_LETTER.sub("", romanise(text).casefold())
    while True:
        folded = _fold(word)
        if folded == word:
            return word
        word = folded


def _fold(word: str) -> str:
    if not word:
        return word
    word = _GU_BEFORE_FRONT.sub("g", word)
    word = _FINAL_FF.sub("v", word)
    word = _FRENCH_FINAL_E.sub("n", word)
    for written, folded in _FOLDS:
        word = word.replace(written, folded)
    # After ch/ck/tc are folded, a lone c is the ц of GOST, ISO 9 and scholarly schemes.
    word = _C_ALONE.sub("ts", word)
    # y, j and i all write the glide of я/ю/е/й in one scheme or another.
    word = word.replace("y", "i").replace("j", "i")
    word = _GLIDE_BETWEEN_VOWELS.sub("", word)
    word = _INITIAL_IE.sub("e", word)
    return _DOUBLED.sub(r"\1", word)


def loose(key: str) -> str:
    """A coarser key that also merges the hushing sounds with the glide.

    German writes both Ж and Ш as "sch", French writes Ж as "j"; a skeleton keeps ш apart from
    ж/й, which splits Meschidow from Mezhidov. The loose key gives that distinction up.
    """
    word = key.replace("sh", "i").replace(" ", "")
    word = _GLIDE_BETWEEN_VOWELS.sub("", word)
    return _DOUBLED.sub(r"\1", word)


_CONSONANT_FOLDS = (("sh", ""), ("ts", "s"), ("z", "s"), ("h", ""), ("i", ""))
_VOWEL = re.compile(r"[aeiou]")


def consonant_key(key: str) -> str:
    """The consonants of a skeleton on which every scheme agrees, vowels and hushes dropped.

    French writes ш as "ch" (Chamil), German writes з as "s" and ц as "z" (Sarema, Zammumaew);
    the skeleton cannot tell those from х or з, but they all agree on the remaining consonants.
    A dropped or mistyped vowel disappears as well. Too coarse to decide anything alone: used
    for blocking and as a weak comparison level.
    """
    word = key.replace(" ", "")
    while True:
        folded = word
        for written, into in _CONSONANT_FOLDS:
            folded = folded.replace(written, into)
        folded = _DOUBLED.sub(r"\1", _VOWEL.sub("", folded))
        if folded == word:
            return word
        word = folded


def family_skeleton(text: str) -> str:
    """Skeleton with the feminine ending dropped, so Khasanova and Khasanov share a family key."""
    key = skeleton(text)
    match = _FEMININE_ENDING.search(key)
    if match:
        key = key[:-1] if not key.endswith("aia") else key[:-3] + "ii"
    return key


def phonetic(key: str) -> str:
    """A coarse sound key (Metaphone) of a skeleton, to catch the misspellings skeletons miss."""
    return jellyfish.metaphone(key) if key else ""


def tokens(full_name: str) -> list[str]:
    """Name words of a full name; hyphenated compounds stay one word."""
    return [part for part in _SPLIT.split(full_name.strip()) if skeleton(part)]


def looks_like_patronymic(word: str) -> bool:
    key = skeleton(word)
    return len(key) > 4 and key.endswith(_PATRONYMIC_ENDINGS)


def looks_like_family(word: str) -> bool:
    key = skeleton(word)
    return len(key) > 4 and key.endswith(
        ("ov", "ev", "in", "ova", "eva", "ina", "ski", "skaia", "ko", "ian", "shvili", "dze")
    )
