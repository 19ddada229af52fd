"""Places named in text, found in the shipped gazetteer.

Candidates are runs of up to four words that start with a capital letter, so a place name is
never found inside another word. Russian words are compared through their lemmas (pymorphy2),
with a suffix rule as the fallback for names the dictionary does not know («Аргуне» → Аргун).
A name that is also an ordinary word (Шали, Новый, Police) counts only after a preposition of
place or a word such as «село» / "village"; a name inside a person's name found by the Russian
NER is not a place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from rightsledger.extract.claims import PlaceClaim
from rightsledger.extract.gazetteer import Place, english_key, load, russian_key
from rightsledger.extract.lexicon import EN_MONEY_WORDS, RU_MONEY_LEMMAS, is_english_person_noun
from rightsledger.extract.morph import analyzer, lemma_key, lemmas
from rightsledger.extract.spans import SpanIndex

_POSSESSIVES = ("'s", "’s")
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w))*")
_EN_CONTEXT = frozenset(
    "in near from to outside at of into towards toward around across village town city "
    "district region republic province capital".split()
)
_RU_CONTEXT = frozenset(
    "в во из под около у возле близ на до из-под город города городе село села селе "
    "поселок поселка поселке посёлок посёлка посёлке станица станицы станице аул аула ауле "
    "г с пос ст".split()
)
_BODY_WORDS = frozenset(
    "region regional district city police court university state federal oblast province "
    "municipal municipality council office prison colony airport station magistrate "
    "magistrate's magistrates magistrates' high".split()
)
# Words that make a capitalised run after a town of the region the name of a group based
# there ("Namangan Prisoner Support Group"), not a person's name. Not for towns far away,
# whose names such groups borrow without being there (the Helsinki Committee).
_GROUP_WORDS = frozenset(
    "prisoner prisoners human rights group centre center committee initiative monitor forum "
    "network association union society watch mothers bar media news press radio service "
    "department ministry administration support memorial project foundation fund institute "
    "commission mission observatory alliance coalition league movement diaspora "
    "community".split()
)
_NEAR_COUNTRIES = frozenset("RU BY UA KZ KG TJ UZ TM GE AM AZ MD".split())
_TITLES = frozenset(
    "mr mrs ms dr miss president general colonel major captain sergeant lieutenant judge "
    "minister senator governor".split()
)
_RU_ENDINGS = ("ами", "ями", "ом", "ем", "ой", "ей", "ах", "ях", "е", "а", "у", "ы", "и", "ю", "я")
_RU_NOMINATIVE = ("", "а", "я", "ь", "ы", "и", "й", "о")


def _is_latin_upper(ch: str) -> bool:
    # Latin capitals with marks start names too (Ávila, Örebro, Łódź).
    return "A" <= ch <= "Z" or ("\u00c0" <= ch < "\u0250" and ch.isupper())


def _is_cyrillic_upper(ch: str) -> bool:
    return "А" <= ch <= "Я" or ch == "Ё"


@lru_cache(maxsize=100_000)
def _word_keys(word: str) -> tuple[str, ...]:
    """Russian keys for one word: as written, its lemmas, lemmatised hyphen parts."""
    lower = word.lower().replace("ё", "е")
    keys = [lower, *lemmas(word)[:3]]
    if "-" in word:
        keys.append(
            "-".join(lemmas(part)[0] if lemmas(part) else part for part in lower.split("-"))
        )
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=100_000)
def _suffix_keys(word: str) -> tuple[str, ...]:
    lower = word.lower().replace("ё", "е")
    keys: list[str] = []
    for ending in _RU_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            stem = lower[: -len(ending)]
            keys.extend(stem + nominative for nominative in _RU_NOMINATIVE)
    return tuple(keys)


def _best(places: Sequence[Place]) -> tuple[Place, bool]:
    """The most likely referent, and whether another country has a place of the same name."""
    best = places[0]
    ambiguous = any(p.country != best.country and p.kind == best.kind for p in places[1:])
    return best, ambiguous


def find_places(text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> Iterator[PlaceClaim]:
    gazetteer = load()
    tokens = [(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(text)]
    # "Mexico's Attorney General": the possessive ending is no part of the name, but the
    # name is tried with it first, for names that keep it (Cox's Bazar).
    bare = [
        (start, end - 2, word[:-2]) if word.endswith(_POSSESSIVES) and len(word) > 3 else token
        for token in tokens
        for start, end, word in (token,)
    ]
    excluded = SpanIndex(exclude)
    claims: list[PlaceClaim] = []
    # Far-away towns opening a group's name ("Bamenda Centre for …"), kept aside until the
    # whole text is read: see ``_based_there``.
    group_towns: list[tuple[int, int, Place, bool]] = []
    index = 0
    while index < len(tokens):
        start, _, word = tokens[index]
        first = word[0]
        found: tuple[int, Place, bool, str, str] | None = None
        if _is_latin_upper(first):
            found = _match_en(text, tokens, index, gazetteer.longest_en)
            reach = range(index, min(len(tokens), index + gazetteer.longest_en))
            if found is None and any(bare[i] != tokens[i] for i in reach):
                found = _match_en(text, bare, index, gazetteer.longest_en)
                if found is not None:
                    end_token = bare[found[0]]
                    tokens = [*tokens[: found[0]], end_token, *tokens[found[0] + 1 :]]
        elif _is_cyrillic_upper(first):
            found = _match_ru(text, tokens, index, gazetteer.longest_ru)
        if found is None:
            if _is_latin_upper(first):
                town = _opens_a_group_name(text, tokens, index)
                if town is not None and not excluded.covers(start, tokens[index][1]):
                    group_towns.append((start, tokens[index][1], *town))
            index += 1
            continue
        last, place, ambiguous, rule, original = found
        end = tokens[last][1]
        guessed = (
            (
                rule.startswith(("place.ru.suffix", "place.ru.variant"))
                or _foreign_spelling(text[start:end], place, rule)
            )
            and _sentence_initial(text, start)
            and not _is_dateline(text, tokens, index)
        )
        needs_context = place.needs_context_ru if ".ru." in rule else place.needs_context_en
        needs_context = needs_context or english_key(text[start:end]) in gazetteer.vowel_variants_en
        # A small foreign town read through a Russian word is more often a common word
        # («Сеть», «Азии»): it needs a preposition of place, like the flagged names.
        needs_context = needs_context or (
            ".ru." in rule
            and place.kind == "city"
            and place.country not in _NEAR_COUNTRIES
            and (place.population < 100_000 or _sentence_initial(text, start))
        )
        if (
            guessed
            or _names_a_district(text, tokens, index, last, place)
            or _names_a_currency(text, tokens, index, place)
            or (excluded.covers(start, end) and not _place_despite_name(text, tokens, index, last))
            or (needs_context and not _has_context(text, tokens, index))
        ):
            index += 1
            continue
        claims.append(_claim(text, start, end, place, ambiguous, rule, original))
        index = last + 1
    claims.extend(_based_there(text, group_towns, claims))
    yield from sorted(claims, key=lambda claim: claim.start)


def _claim(
    text: str, start: int, end: int, place: Place, ambiguous: bool, rule: str, original: str
) -> PlaceClaim:
    confidence = 0.9 if place.kind != "city" else 0.8
    if ambiguous:
        confidence -= 0.2
    if rule.endswith("suffix") or ".variant." in rule:
        confidence -= 0.1
    return PlaceClaim(
        start=start,
        end=end,
        text=text[start:end],
        rule=rule,
        confidence=confidence,
        name=place.name_en,
        name_original=original,
        gazetteer_id=place.id,
        country_code=place.country,
        admin1=place.admin1 if place.kind != "country" else None,
        place_type=place.kind,
    )


def _opens_a_group_name(
    text: str, tokens: list[tuple[int, int, str]], index: int
) -> tuple[Place, bool] | None:
    """The far-away town a capitalised group's name opens with ("Bamenda Centre for Rights
    Monitoring", "The Kumbo Human Rights Group"), which the first pass left out as a possible
    borrowed name. A capitalised word before it (a given name, "Norwegian") leaves it out."""
    if index + 1 >= len(tokens):
        return None
    start, end, word = tokens[index]
    following = tokens[index + 1]
    if (
        text[end : following[0]] != " "
        or not following[2][0].isupper()
        or following[2].lower() not in _GROUP_WORDS
    ):
        return None
    if index > 0 and not _sentence_initial(text, start):
        previous = tokens[index - 1]
        capitalised = previous[2][0].isupper() and previous[2].lower() not in ("the", "a", "an")
        if text[previous[1] : start] == " " and capitalised:
            return None
    places = [p for p in load().lookup_en(word) if p.kind == "city"]
    if not places:
        return None
    place, ambiguous = _best(places)
    # A town whose name is also a common word ("Mission", "Union") needs more than this.
    if place.country in _NEAR_COUNTRIES or place.needs_context_en:
        return None
    return place, ambiguous


def _based_there(
    text: str, group_towns: list[tuple[int, int, Place, bool]], claims: list[PlaceClaim]
) -> Iterator[PlaceClaim]:
    """A far-away town opening a group's name is the town when the text places something else
    in its country: the group works there (the Bamenda Centre in a report on Kumbo). Names
    borrowed far from the town (the Helsinki Committee of Armenia) stay out."""
    countries = {claim.country_code for claim in claims}
    for start, end, place, ambiguous in group_towns:
        if place.country in countries:
            yield _claim(
                text, start, end, place, ambiguous, "place.en.gazetteer.city", place.name_en
            )


_DISTRICT = re.compile(r"\s+район(?:а|е|у|ом|ы|ов|ах)?(?!\w)")


def _names_a_district(
    text: str, tokens: list[tuple[int, int, str]], index: int, last: int, place: Place
) -> bool:
    """«в Старобельском районе» names the district, which the gazetteer does not hold, not
    the town: a town's adjective before «район» is no mention of the town."""
    if last != index or place.kind != "city" or not _is_cyrillic_upper(tokens[index][2][0]):
        return False
    word = tokens[index][2].lower()
    return word.endswith(
        ("ский", "ского", "скому", "ским", "ском", "ской", "цкий", "цком")
    ) and bool(_DISTRICT.match(text, tokens[index][1]))


def _is_money_word(word: str) -> bool:
    """A unit of money, from the lexicon's lists that also keep sums from being counts."""
    lower = word.lower()
    return lower in EN_MONEY_WORDS or not RU_MONEY_LEMMAS.isdisjoint(lemmas(lower))


def _names_a_currency(
    text: str, tokens: list[tuple[int, int, str]], index: int, place: Place
) -> bool:
    """«2 000 долларов США», "5,000 US dollars": the country names the money, not a place."""
    if place.kind != "country" or index == 0:
        return False
    before = _is_money_word(tokens[index - 1][2])
    after = index + 1 < len(tokens) and _is_money_word(tokens[index + 1][2])
    gap_before = text[tokens[index - 1][1] : tokens[index][0]] == " "
    gap_after = after and text[tokens[index][1] : tokens[index + 1][0]] == " "
    return (before and gap_before) or gap_after


def _foreign_spelling(surface: str, place: Place, rule: str) -> bool:
    """Another spelling of a town far away ("Bolder" for Boulder, "Conception" for
    Concepcion): at the start of a sentence it is more often an English word."""
    return (
        rule.startswith("place.en.")
        and place.kind == "city"
        and place.country not in _NEAR_COUNTRIES
        and english_key(surface) != english_key(place.name_en)
    )


def _joined(text: str, tokens: list[tuple[int, int, str]], first: int, last: int) -> str | None:
    """The words first..last when only spaces or hyphens stand between them."""
    for left, right in itertools.pairwise(range(first, last + 1)):
        between = text[tokens[left][1] : tokens[right][0]]
        if between.strip(" -") or len(between) > 2:
            return None
    return text[tokens[first][0] : tokens[last][1]]


def _match_en(
    text: str, tokens: list[tuple[int, int, str]], index: int, longest: int
) -> tuple[int, Place, bool, str, str] | None:
    gazetteer = load()
    if index > 0 and tokens[index - 1][2].lower().rstrip(".") in _TITLES:
        return None
    # "the Sughd region": a region named by its own name and a region word, with no town of
    # that name to start from.
    for last in range(index, min(len(tokens) - 1, index + 2)):
        phrase = _joined(text, tokens, index, last)
        if phrase is None or not tokens[last][2][0].isupper():
            break
        region = _region_named_after(text, tokens, last, phrase)
        if region is not None:
            return last + 1, region, False, "place.en.gazetteer.admin1", region.name_en
    if english_key(tokens[index][2]).split(" ", 1)[0] in gazetteer.first_en:
        found = _match_en_by(text, tokens, index, longest, gazetteer.lookup_en, "gazetteer")
        if found is not None:
            return found
    # Another spelling of the name (Izium for Izyum), when no name matched as written.
    return _match_en_by(text, tokens, index, longest, gazetteer.lookup_en_variant, "variant")


def _match_en_by(
    text: str,
    tokens: list[tuple[int, int, str]],
    index: int,
    longest: int,
    lookup: Callable[[str], tuple[Place, ...]],
    how: str,
) -> tuple[int, Place, bool, str, str] | None:
    for last in range(min(len(tokens) - 1, index + longest - 1), index - 1, -1):
        if not tokens[last][2][0].isupper():
            continue
        phrase = _joined(text, tokens, index, last)
        if phrase is None:
            continue
        places = lookup(phrase)
        if places:
            place, ambiguous = _best(places)
            region = _region_named_after(text, tokens, last, phrase)
            if region is not None:
                return last + 1, region, False, "place.en.gazetteer.admin1", region.name_en
            if place.kind == "city" and (
                _common_noun_use(text, tokens, index, last, place)
                or _ends_a_foreign_name(text, tokens, index, last, place)
            ):
                return None
            return last, place, ambiguous, f"place.en.{how}.{place.kind}", place.name_en
    return None


_REGION_WORDS = {"region": "Region", "oblast": "Oblast", "province": "Province", "krai": "Krai"}


def _region_named_after(
    text: str, tokens: list[tuple[int, int, str]], last: int, phrase: str
) -> Place | None:
    """ "the Zaporizhzhia region" names the region (Zaporizhzhia Oblast), not its city."""
    if last + 1 >= len(tokens) or text[tokens[last][1] : tokens[last + 1][0]] != " ":
        return None
    word = tokens[last + 1][2].lower()
    if word not in _REGION_WORDS:
        return None
    for suffix in ("Oblast", "Region", "Province", "Krai", _REGION_WORDS[word]):
        for place in load().lookup_en(f"{phrase} {suffix}"):
            if place.kind == "admin1":
                return place
    return None


def _match_ru(
    text: str, tokens: list[tuple[int, int, str]], index: int, longest: int
) -> tuple[int, Place, bool, str, str] | None:
    gazetteer = load()
    first = tokens[index][2]
    if not any(k in gazetteer.first_ru for k in _word_keys(first)) and not any(
        k in gazetteer.first_ru for k in _suffix_keys(first)
    ):
        return None
    for last in range(min(len(tokens) - 1, index + longest - 1), index - 1, -1):
        phrase = _joined(text, tokens, index, last)
        if phrase is None or not all(
            "а" <= w[2][0].lower() <= "я" or w[2][0] in "Ёё" for w in tokens[index : last + 1]
        ):
            continue
        words = [tokens[i][2] for i in range(index, last + 1)]
        options = [_word_keys(word) for word in words]
        if last == index and (
            _part_of_a_name(text, tokens, index) or _after_a_named_adjective(text, tokens, index)
        ):
            return None
        combos = [" ".join(c) for c in itertools.islice(itertools.product(*options), 27)]
        suffixed = list(_suffix_keys(words[0])) if last == index else []
        # As written or by lemma first, then by suffix; another spelling only if neither matched.
        for lookup, keys, rule in (
            (gazetteer.lookup_ru, combos, "place.ru.lemma"),
            (gazetteer.lookup_ru, suffixed, "place.ru.suffix"),
            (gazetteer.lookup_ru_variant, combos + suffixed, "place.ru.variant"),
        ):
            for key in keys:
                places = lookup(key)
                if places:
                    place, ambiguous = _best(places)
                    if rule != "place.ru.lemma" and _common_word_abroad(words, place):
                        continue
                    name = f"{rule}.{place.kind}" if rule != "place.ru.suffix" else rule
                    return last, place, ambiguous, name, _original(place, key)
    return None


def _a_known_place(word: str) -> bool:
    """Whether the word names a place a reader knows: a country, a region, a town of the
    region or a large one (Pérez, a small town in Argentina, is first a surname)."""
    return any(
        p.kind != "city" or p.country in _NEAR_COUNTRIES or p.population >= 100_000
        for p in load().lookup_en(word)
    )


def _common_word_abroad(words: list[str], place: Place) -> bool:
    """A case form of a Russian common noun is not a town far away: «Совету» is the dative
    of «совет», not Soweto, however its ending is taken off."""
    if place.kind != "city" or place.country in _NEAR_COUNTRIES or len(words) != 1:
        return False
    word = words[0].lower()
    if not analyzer().word_is_known(word):
        return False
    return not any(
        tag in str(parse.tag)
        for parse in analyzer().parse(word)
        for tag in ("Geox", "Name", "Surn")
    )


_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "ani", "ni", "ic", "ern", "ern's")
_NOT_GIVEN_NAMES = frozenset(
    "greater old new upper lower central northern southern eastern western occupied "
    "capital city downtown metropolitan the a an in of to from near outside".split()
)


def _ends_a_foreign_name(
    text: str, tokens: list[tuple[int, int, str]], index: int, last: int, place: Place
) -> bool:
    """ "EU Monitoring Mission": a small town far away that ends a run of capitalised words is
    the last word of a name, not the town (Mission, Texas)."""
    if last != index or index == 0:
        return False
    previous = tokens[index - 1]
    capitalised_before = (
        text[previous[1] : tokens[index][0]] == " "
        and previous[2][0].isupper()
        and not _sentence_initial(text, previous[0])
    )
    if place.country in _NEAR_COUNTRIES or place.population >= 100_000:
        # "Timur Kazan", "Yana Orel", "Luis Pérez Rangel": a town of the region, or a large
        # one far away, after a capitalised word that is neither a place, a demonym nor a
        # title is a surname after a given name.
        word = previous[2]
        return (
            capitalised_before
            and previous[2].isalpha()
            and not word.isupper()
            and not word.lower().endswith(_DEMONYM_ENDINGS)
            and word.lower() not in _NOT_GIVEN_NAMES
            and word.lower() not in _GROUP_WORDS
            and word.lower() not in _BODY_WORDS
            and not is_english_person_noun(word)  # "Chechen", "Uzbek"
            and not _a_known_place(word)
        )
    return place.population < 100_000 and capitalised_before


# Nouns for armed men that an armed group's name goes before ("Fano fighters", "Wagner
# forces"): a small town far away named there, with no preposition of place, is the group.
_ARMED_NOUNS = frozenset(
    "fighter fighters militia militias militiaman militiamen militant militants rebel rebels "
    "forces insurgents insurgent gunmen units unit".split()
)


def _names_an_armed_group(
    text: str, tokens: list[tuple[int, int, str]], index: int, last: int, place: Place
) -> bool:
    if place.country in _NEAR_COUNTRIES or place.population >= 100_000 or last + 1 >= len(tokens):
        return False
    following = tokens[last + 1]
    return (
        text[tokens[last][1] : following[0]] == " "
        and following[2] in _ARMED_NOUNS
        and not _has_context(text, tokens, index)
    )


def _common_noun_use(
    text: str, tokens: list[tuple[int, int, str]], index: int, last: int, place: Place
) -> bool:
    """A city name used as a word: before a person's name ("Adam Saidov"), or between "the"
    and "of" ("the Republic of Azerbaijan", "the Union of …")."""
    if _followed_by_name(
        text, tokens, last, near=place.country in _NEAR_COUNTRIES
    ) and not _names_a_central_station(tokens, last, place):
        return True
    if _names_an_armed_group(text, tokens, index, last, place):
        return True
    if last == index and _has_an_age(text, tokens[index][0], tokens[last][1]):
        return True
    return (
        last == index
        and index > 0
        and tokens[index - 1][2].lower() == "the"
        and last + 1 < len(tokens)
        and tokens[last + 1][2] == "of"
    )


# A city large enough for a central police station or railway station names it with
# "Central" after the name ("Harare Central", "Nairobi Central"): no person is called so.
_CENTRAL_STATION_POPULATION = 500_000


def _names_a_central_station(tokens: list[tuple[int, int, str]], last: int, place: Place) -> bool:
    return (
        last + 1 < len(tokens)
        and tokens[last + 1][2] == "Central"
        and place.population >= _CENTRAL_STATION_POPULATION
    )


# An age beside a one-word name makes it a person ("Madina (surname withheld), 38,", "Aida,
# 27, said", "the 41-year-old Gori"): towns have no age.
_AGE_AFTER = re.compile(r"^\s*(?:\([^()]{0,40}\))?,\s*(?:aged\s+)?\d{1,2}\s*[,.)](?!\d)")
_AGE_BEFORE = re.compile(r"\d{1,2}-year-old\s+$")


def _has_an_age(text: str, start: int, end: int) -> bool:
    return bool(
        _AGE_AFTER.match(text[end : end + 60])
        or _AGE_BEFORE.search(text[max(0, start - 20) : start])
    )


def _followed_by_name(
    text: str, tokens: list[tuple[int, int, str]], last: int, *, near: bool = False
) -> bool:
    """A capitalised word right after a one-word city ("Adam Saidov") makes it a person's name."""
    if last + 1 >= len(tokens):
        return False
    following = tokens[last + 1]
    if following[2].lower() in _BODY_WORDS:
        return False  # "Aktobe Region Police", "Zugdidi Municipality": still the town
    if following[2].lower() in _GROUP_WORDS and near:
        return False
    return text[tokens[last][1] : following[0]] == " " and following[2][0].isupper()


def _part_of_a_name(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """An adjective before a capitalised noun is part of a longer name: «Красного Креста»,
    «Верховного Суда» are not the towns Красное and Верховье."""
    if index + 1 >= len(tokens) or text[tokens[index][1] : tokens[index + 1][0]] != " ":
        return False
    following = tokens[index + 1][2]
    if not following[0].isupper() or not following[0].isalpha() or following.isupper():
        return False
    parses = analyzer().parse(tokens[index][2].lower())
    return bool(parses) and parses[0].pos == "ADJ"


def _after_a_named_adjective(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """A capitalised adjective before the word makes it part of a longer name («Центральной
    Азии» is Central Asia, not the town Азия), unless that adjective opens the sentence."""
    if index == 0 or text[tokens[index - 1][1] : tokens[index][0]] != " ":
        return False
    previous = tokens[index - 1]
    if not previous[2][0].isupper() or _sentence_initial(text, previous[0]):
        return False
    parses = analyzer().parse(previous[2].lower())
    return bool(parses) and parses[0].pos == "ADJ"


def _original(place: Place, key: str = "") -> str:
    """The Russian name the text used, in dictionary form (the variant whose key matched)."""
    for variant in place.names_ru:
        if key in (russian_key(variant), russian_key(lemma_key(variant))):
            return variant
    return place.name_ru or place.name_en


# Prepositions that take a place and hardly ever a person: «в Беслане», «из Беслана», "in
# Beslan". («у», «к», «с» take persons as often, so they are not here.)
_PLACE_PREPOSITIONS = frozenset("в во из под около возле близ in from near outside".split())


def _place_despite_name(
    text: str, tokens: list[tuple[int, int, str]], index: int, last: int
) -> bool:
    """A one-word name the NER took for a person is the place after a preposition of place,
    when the dictionary reads the form as a place first, or when it reads it as no name at all:
    natasha reads «из Беслана» and «у Беслана» as a man called Беслан, pymorphy2 reads
    «Беслана» first as the town (and «Беслан» first as the man's name); «Айгешат остаётся без
    воды» is a village natasha does not know."""
    if last != index:
        return False
    word = tokens[index][2]
    if _is_cyrillic_upper(word[0]):
        parses = analyzer().parse(word.lower())
        if parses and "Geox" in parses[0].tag:
            return True
        # A word the dictionary reads as no name at all, not even by guessing («Айгешат»,
        # «Цзыбо»), is the town the NER took for a person only for want of knowing it.
        if parses and not any(
            tag in parse.tag for parse in parses for tag in ("Name", "Surn", "Patr")
        ):
            return True
    if index == 0:
        return False
    gap = text[tokens[index - 1][1] : tokens[index][0]]
    return gap == " " and tokens[index - 1][2].lower() in _PLACE_PREPOSITIONS


def _is_dateline(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    """ "UFA — …", "KAZAN, 3 May": a capitalised place opening a line names where it is from."""
    start, end, word = tokens[index]
    line_start = start == 0 or text[start - 1] == "\n"
    return line_start and word.isupper() and bool(re.match(r"\s*[—–,-]", text[end : end + 3]))


def _sentence_initial(text: str, start: int) -> bool:
    """Whether only spaces and sentence-ending marks stand between the word and the last one."""
    before = text[max(0, start - 10) : start].rstrip()
    return not before or before[-1] in '.!?:;»"”—–-\n'


# Institutions a town names in lower case after it: "a Van court", "the association's Van
# branch", "a Van prison". A capital would make the pair a name ("Bar Council").
# Roads and areas are named after towns the same way: "the Gulu road", "the Sake area".
_INSTITUTIONS_AFTER = frozenset(
    "court courthouse prison jail branch governorate road highway area".split()
)


def _names_an_institution(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    start, end, word = tokens[index]
    if index + 1 >= len(tokens) or word.lower() in _BODY_WORDS or _sentence_initial(text, start):
        return False
    following = tokens[index + 1]
    return text[end : following[0]] == " " and following[2] in _INSTITUTIONS_AFTER


def _has_context(text: str, tokens: list[tuple[int, int, str]], index: int) -> bool:
    if _is_dateline(text, tokens, index) or _names_an_institution(text, tokens, index):
        return True
    if index == 0:
        return False
    previous = tokens[index - 1][2].lower()
    gap = text[tokens[index - 1][1] : tokens[index][0]]
    if any(mark in gap for mark in ".!?"):
        return False
    if previous == "of" and _in_a_title(text, tokens, index - 1):
        return False
    return previous in _EN_CONTEXT or previous in _RU_CONTEXT


def _in_a_title(text: str, tokens: list[tuple[int, int, str]], of: int) -> bool:
    """ "Inspector General of Police", "Ministry of Justice": an "of" between capitalised
    words joins the parts of a title or a body's name, and is no preposition of place."""
    if of == 0 or text[tokens[of - 1][1] : tokens[of][0]] != " ":
        return False
    word = tokens[of - 1][2]
    return word[0].isupper() and not _sentence_initial(text, tokens[of - 1][0])
