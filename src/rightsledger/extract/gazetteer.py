"""The offline gazetteer: countries, first-level regions and towns, in English and Russian.

The data file is derived from GeoNames (CC BY 4.0) by ``scripts/derive_gazetteer.py``; see the
header of ``data/gazetteer.tsv`` for the attribution. Names are indexed by match key: lower-case
English names (with the -iy/-yy endings of transliteration also read as -y), and Russian names
both as written and as lemmas, so declined forms in text find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

_KIND_RANK = {"country": 0, "admin1": 1, "region": 1, "city": 2}


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str
    name_en: str
    names_en: tuple[str, ...]
    name_ru: str
    names_ru: tuple[str, ...]
    country: str
    admin1: str | None
    population: int
    # Whether a mention in English / in Russian counts only in a place-like context.
    needs_context_en: bool
    needs_context_ru: bool

    @property
    def rank(self) -> tuple[int, int]:
        return (_KIND_RANK.get(self.kind, 3), -self.population)


@lru_cache(maxsize=200_000)
def english_key(name: str) -> str:
    key = re.sub(r"\s+", " ", name.strip().lower().replace("’", "'"))
    key = key.removeprefix("the ")
    key = re.sub(r"^st\.? ", "saint ", key)
    return re.sub(r"(?:iy|yy)\b", "y", key).replace("yye", "ye")


@lru_cache(maxsize=200_000)
def russian_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("ё", "е"))


@dataclass(frozen=True, slots=True)
class Gazetteer:
    english: dict[str, tuple[Place, ...]]
    russian: dict[str, tuple[Place, ...]]
    longest_en: int
    longest_ru: int
    # The first word of every key: a candidate whose first word is not here is skipped at once.
    first_en: frozenset[str]
    first_ru: frozenset[str]

    def lookup_en(self, key: str) -> tuple[Place, ...]:
        return self.english.get(english_key(key), ())

    def lookup_ru(self, key: str) -> tuple[Place, ...]:
        return self.russian.get(russian_key(key), ())


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    if key:
        bucket = index.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)


@cache
def load() -> Gazetteer:
    """Read the shipped gazetteer once per process (about half a second)."""
    text = files("rightsledger.extract").joinpath("data/gazetteer.tsv").read_text("utf-8")
    english: dict[str, list[Place]] = {}
    russian: dict[str, list[Place]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        ident, kind, en, ru, country, admin1, population, ru_keys, flag = cells
        names_en = tuple(n for n in en.split("|") if n)
        names_ru = tuple(n for n in ru.split("|") if n)
        place = Place(
            id=ident,
            kind=kind,
            name_en=names_en[0] if names_en else "",
            names_en=names_en,
            name_ru=names_ru[0] if names_ru else "",
            names_ru=names_ru,
            country=country,
            admin1=admin1 or None,
            population=int(population or 0),
            needs_context_en="e" in flag,
            needs_context_ru="r" in flag,
        )
        for name in names_en:
            _add(english, english_key(name), place)
        for key in ru_keys.split("|"):
            _add(russian, russian_key(key), place)
    return Gazetteer(
        english={k: tuple(sorted(v, key=lambda p: p.rank)) for k, v in english.items()},
        russian={k: tuple(sorted(v, key=lambda p: p.rank)) for k, v in russian.items()},
        longest_en=max(len(k.split()) for k in english),
        longest_ru=max(len(k.split()) for k in russian),
        first_en=frozenset({k.split()[0] for k in english} | {"the", "st", "st."}),
        first_ru=frozenset(k.split()[0] for k in russian),
    )
