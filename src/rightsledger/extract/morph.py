"""Russian morphology through natasha's bundled pymorphy2 dictionary, loaded once and lazily.

pymorphy2 looks its dictionary up through ``pkg_resources`` (deprecated, and gone with
setuptools 81); handing it the path of the installed ``pymorphy2_dicts_ru`` package avoids that
import and its warning.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_WORD_RE = re.compile(r"[^\s]+")


@cache
def analyzer() -> Any:
    """The natasha ``MorphVocab`` (a pymorphy2 analyser that returns natasha's forms)."""
    import pymorphy2_dicts_ru
    from natasha.morph.vocab import MorphForm, MorphVocab, PymorphyAnalyzer

    class _Vocab(MorphVocab):  # type: ignore[misc]  # natasha ships no type information
        def __init__(self) -> None:
            PymorphyAnalyzer.__init__(
                self, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm
            )

    return _Vocab()


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    """Every dictionary form pymorphy2 offers for ``word``, most likely first, ё read as е."""
    return tuple(
        dict.fromkeys(
            str(parse.normal).replace("ё", "е") for parse in analyzer().parse(word.lower())
        )
    )


def lemma(word: str) -> str:
    found = lemmas(word)
    return found[0] if found else word.lower().replace("ё", "е")


def lemma_key(name: str) -> str:
    """A place name's match key: the lemma of each word, hyphenated parts lemmatised apart."""
    words = []
    for word in _WORD_RE.findall(name):
        parts = [lemma(part) for part in word.split("-") if part]
        words.append("-".join(parts))
    return " ".join(words)
