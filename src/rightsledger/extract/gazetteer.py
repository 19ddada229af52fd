"""The offline gazetteer: countries, first-level regions and towns, in English and Russian.

The data file is derived from GeoNames (CC BY 4.0) by ``scripts/derive_gazetteer.py``; see the
header of ``data/gazetteer.tsv`` for the attribution. Names are indexed by match key: lower-case
English names (with the -iy/-yy endings of transliteration also read as -y), and Russian names
both as written and as lemmas, so declined forms in text find them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import iuliia

_KIND_RANK = {"country": 0, "admin1": 1, "region": 1, "city": 2}
# English text often names towns of the former USSR by their Russian name romanised (Gomel,
# Grodno) where GeoNames gives the local form (Homyel', Hrodna): for these countries the
# romanised Russian name is read too, unless it already names another place.
_ROMANISED_COUNTRIES = frozenset("RU BY UA KZ KG TJ UZ TM GE AM AZ MD".split())


def romanised(name: str) -> str:
    """The Russian name as English-language text writes it («Гомель» → "gomel"): iuliia's
    Wikipedia scheme (ye at the start, no marks for soft or hard signs), hyphens kept."""
    return str(iuliia.WIKIPEDIA.translate(name)).lower()


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


_LETTERS = str.maketrans("ıłøđðþß", "ilodd" + "t" + "s")


def _without_marks(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@lru_cache(maxsize=200_000)
def english_key(name: str) -> str:
    # Apostrophes mark soft signs in romanisations (Ts’khinvali, Nal'chik) and English text
    # often drops diacritics (Diyarbakir, Sumqayit): neither counts in the key. Hyphens and
    # spaces are one (Mazar-i-Sharif, Mazar-i Sharif; Rostov-on-Don, Rostov on Don).
    key = re.sub(r"['’ʼ]", "", _without_marks(name.strip().lower())).replace("-", " ")
    key = re.sub(r"\s+", " ", key).strip()
    key = key.removeprefix("the ")
    key = re.sub(r"^st\.? ", "saint ", key)
    return re.sub(r"(?:iy|yy)\b", "y", key).replace("yye", "ye")


@lru_cache(maxsize=200_000)
def russian_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("ё", "е"))


# Spelling variants: romanisations and Russian spellings of one name differ in ways a reader
# ignores (Izium / Izyum, Shimkent / Shymkent, «Шимкент» / «Шымкент», «Ессентуки» /
# «Есентуки»). A folded key drops those differences; it is consulted only when the exact key
# finds nothing, and only for names long enough not to fold into common words.
FOLD_MIN_LENGTH = 5


@lru_cache(maxsize=200_000)
def english_fold(name: str) -> str:
    """y read as i, kh as h, doubled letters as one, ou as u, a leading ye as e: "Izyum" →
    "izium", "Hasavyurt" = "Khasavyurt"."""
    key = english_key(name).replace("y", "i").replace("ou", "u").replace("kh", "h")
    key = re.sub(r"(\w)\1+", r"\1", key)
    return re.sub(r"\bie", "e", key)


@lru_cache(maxsize=200_000)
def russian_fold(name: str) -> str:
    """ё/э as е, no soft or hard sign, ы as и after hushing consonants, doubled letters as one."""
    key = russian_key(name).replace("э", "е").replace("ь", "").replace("ъ", "")
    key = re.sub(r"(?<=[шжчщц])ы", "и", key)
    return re.sub(r"(\w)\1+", r"\1", key)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    english: dict[str, tuple[Place, ...]]
    russian: dict[str, tuple[Place, ...]]
    longest_en: int
    longest_ru: int
    # The first word of every key: a candidate whose first word is not here is skipped at once.
    first_en: frozenset[str]
    first_ru: frozenset[str]
    english_folded: dict[str, tuple[Place, ...]]
    russian_folded: dict[str, tuple[Place, ...]]
    # English keys read only as a romanised Russian spelling one vowel away (Gondar): they
    # count after a preposition of place, as a common word's town does.
    vowel_variants_en: frozenset[str] = frozenset()

    def lookup_en(self, key: str) -> tuple[Place, ...]:
        return self.english.get(english_key(key), ())

    def lookup_ru(self, key: str) -> tuple[Place, ...]:
        return self.russian.get(russian_key(key), ())

    def lookup_en_variant(self, key: str) -> tuple[Place, ...]:
        folded = english_fold(key)
        return self.english_folded.get(folded, ()) if len(folded) >= FOLD_MIN_LENGTH else ()

    def lookup_ru_variant(self, key: str) -> tuple[Place, ...]:
        folded = russian_fold(key)
        return self.russian_folded.get(folded, ()) if len(folded) >= FOLD_MIN_LENGTH else ()


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    if key:
        bucket = index.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)


def _romanisable(english: dict[str, list[Place]]) -> list[Place]:
    places = {id(p): p for bucket in english.values() for p in bucket}.values()
    return [
        p
        for p in places
        if p.country in _ROMANISED_COUNTRIES
        and p.kind in ("city", "admin1")
        and p.name_ru
        and not p.needs_context_en
    ]


_VOWELS = frozenset("aeiouy")
# Shorter romanisations are too often English words or names (Kandi, Panda, Praya).
_VOWEL_VARIANT_MIN = 6


def _one_vowel_apart(one: str, two: str) -> bool:
    """Whether two keys differ in exactly one letter, a vowel for a vowel (Gondar, Gonder)."""
    if len(one) != len(two) or one == two:
        return False
    differences = [(a, b) for a, b in zip(one, two, strict=True) if a != b]
    return len(differences) == 1 and set(differences[0]) <= _VOWELS


def _vowel_variants(english: dict[str, list[Place]]) -> list[tuple[str, Place]]:
    """Large cities far away are also read by their Russian name romanised when it is the
    English name with one vowel changed, as English reports spell it (Гондар gives Gondar
    beside Gonder): another Latin spelling of the name, not a new name."""
    places = {id(p): p for bucket in english.values() for p in bucket}.values()
    found = []
    for place in places:
        if place.kind != "city" or place.population < _VARIANT_POPULATION:
            continue
        if place.country in _ROMANISED_COUNTRIES:
            continue  # all their Russian spellings are read romanised already
        keys = [english_key(name) for name in place.names_en]
        for name_ru in place.names_ru:
            key = english_key(romanised(name_ru))
            if len(key) >= _VOWEL_VARIANT_MIN and any(_one_vowel_apart(key, k) for k in keys):
                found.append((key, place))
    return found


# Variant spellings are read for places a reader of these reports meets: the countries where
# romanisation varies, and large cities elsewhere.
_VARIANT_COUNTRIES = _ROMANISED_COUNTRIES
_VARIANT_POPULATION = 100_000


def _folded(index: dict[str, list[Place]], fold: Callable[[str], str]) -> dict[str, list[Place]]:
    folded: dict[str, list[Place]] = {}
    for key, places in index.items():
        wanted = [
            p
            for p in places
            if p.kind != "city"
            or p.country in _VARIANT_COUNTRIES
            or p.population >= _VARIANT_POPULATION
        ]
        folded_key = fold(key)
        if wanted and len(folded_key) >= FOLD_MIN_LENGTH:
            for place in wanted:
                _add(folded, folded_key, place)
    return folded


def _ranked(index: dict[str, list[Place]]) -> dict[str, tuple[Place, ...]]:
    return {k: tuple(sorted(v, key=lambda p: p.rank)) for k, v in index.items()}


# Official names of countries that call themselves republics (or a federation), in the forms
# statements and court papers use: «Генеральная прокуратура Кыргызской Республики», "the
# Kyrgyz Republic". A mention is the country, as «Чеченской Республики» is Chechnya. Names
# already given by CLDR or the derivation script (Республика Беларусь, Республика Корея,
# Российская Федерация, Dominican Republic…) are not repeated.
_OFFICIAL_NAMES: dict[str, tuple[str, ...]] = {
    "AF": ("Исламская Республика Афганистан", "Islamic Republic of Afghanistan"),
    "AM": ("Республика Армения", "Republic of Armenia"),
    "AZ": ("Азербайджанская Республика", "Республика Азербайджан", "Republic of Azerbaijan"),
    "BG": ("Республика Болгария", "Republic of Bulgaria"),
    "CN": ("Китайская Народная Республика", "КНР", "People's Republic of China"),
    "CZ": ("Чешская Республика", "Czech Republic"),
    "DE": ("Федеративная Республика Германия", "Federal Republic of Germany"),
    "EE": ("Эстонская Республика", "Republic of Estonia"),
    "EG": ("Арабская Республика Египет", "Arab Republic of Egypt"),
    "FR": ("Французская Республика", "French Republic"),
    "GE": ("Республика Грузия",),
    "IQ": ("Республика Ирак", "Republic of Iraq"),
    "IR": ("Исламская Республика Иран", "Islamic Republic of Iran"),
    "IT": ("Итальянская Республика", "Italian Republic"),
    "KG": ("Кыргызская Республика", "Киргизская Республика", "Kyrgyz Republic"),
    "KP": (
        "Корейская Народно-Демократическая Республика",
        "КНДР",
        "Democratic People's Republic of Korea",
    ),
    "KZ": ("Республика Казахстан", "Republic of Kazakhstan"),
    "LA": ("Лаосская Народно-Демократическая Республика", "Lao People's Democratic Republic"),
    "LB": ("Ливанская Республика", "Lebanese Republic"),
    "LT": ("Литовская Республика", "Republic of Lithuania"),
    "LV": ("Латвийская Республика", "Republic of Latvia"),
    "MD": ("Республика Молдова", "Республика Молдавия", "Republic of Moldova"),
    "PL": ("Республика Польша", "Republic of Poland"),
    "RS": ("Республика Сербия", "Republic of Serbia"),
    "SK": ("Словацкая Республика", "Slovak Republic"),
    "SY": ("Сирийская Арабская Республика", "Syrian Arab Republic"),
    "TJ": ("Республика Таджикистан", "Republic of Tajikistan"),
    "TR": ("Турецкая Республика", "Республика Турция", "Republic of Turkey", "Republic of Türkiye"),
    "TZ": ("Объединённая Республика Танзания", "United Republic of Tanzania"),
    "UZ": ("Республика Узбекистан", "Republic of Uzbekistan"),
    "VN": ("Социалистическая Республика Вьетнам", "Socialist Republic of Viet Nam"),
    "YE": ("Йеменская Республика", "Republic of Yemen"),
}


def _add_official_names(english: dict[str, list[Place]], russian: dict[str, list[Place]]) -> None:
    from rightsledger.extract.morph import lemma_key

    countries = {p.country: p for bucket in english.values() for p in bucket if p.kind == "country"}
    for code, names in _OFFICIAL_NAMES.items():
        country = countries.get(code)
        if country is None:
            continue
        for name in names:
            if name.isascii():
                _add(english, english_key(name), country)
            else:
                _add(russian, russian_key(name), country)
                _add(russian, russian_key(lemma_key(name)), country)


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
    _add_official_names(english, russian)
    vowel_keys = set()
    for key, place in _vowel_variants(english):
        if key not in english:
            english[key] = [place]
            vowel_keys.add(key)
    for place in _romanisable(english):
        # every Russian spelling, romanised: Чимкент gives Chimkent, Степанакерт Stepanakert
        for name_ru in place.names_ru:
            key = english_key(romanised(name_ru))
            if key not in english:
                english[key] = [place]
    return Gazetteer(
        english=_ranked(english),
        russian=_ranked(russian),
        english_folded=_ranked(_folded(english, english_fold)),
        russian_folded=_ranked(_folded(russian, russian_fold)),
        longest_en=max(len(k.split()) for k in english),
        longest_ru=max(len(k.split()) for k in russian),
        first_en=frozenset({k.split()[0] for k in english} | {"the", "st", "st."}),
        first_ru=frozenset(k.split()[0] for k in russian),
        vowel_variants_en=frozenset(vowel_keys),
    )
