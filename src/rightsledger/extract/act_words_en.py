"""English act words by word family: every inflected form of a listed word names its act.

The counterpart of ``act_lemmas`` for English. Each category lists the members of the word
families that name its acts (verb, noun, agent noun, participle: detain / detention /
detainee), taken from the HURIDOCS types of acts and the words reports use for them. A word in
the text is reduced to its possible base forms by undoing the regular inflections (-s, -es,
-ies, -ed, -ing, a doubled final consonant) and a short list of irregular forms, then looked up.
Only words that name the act on their own are listed; words whose meaning depends on their
object ("destroyed", "took") stay in the patterns of ``acts``, where the object is required.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rightsledger.extract import anchors

_FAMILIES: dict[str, str] = {
    "killing": (
        "kill killer murder murderer assassinate assassination assassin massacre slay slain "
        "execute execution executioner lynch lynching behead beheading decapitate homicide "
        "femicide strangle perish corpse fatality coffin"
    ),
    "torture": (
        "torture torturer electrocute electrocution electrode waterboard waterboarding suffocate "
        "suffocation asphyxiate asphyxiation mutilate mutilation torment"
    ),
    "ill_treatment": (
        "beat beating assault kick punch slap bludgeon whip flog flogging maltreat "
        "maltreatment mistreat mistreatment ill-treat ill-treatment humiliate humiliation "
        "manhandle brutalise brutalize brutality batter bruise"
    ),
    "arbitrary_detention": (
        "detain detention detainee arrest arrestee imprison imprisonment incarcerate "
        "incarceration jail jailer internment remand apprehend"
    ),
    "enforced_disappearance": "disappear disappearance vanish",
    "abduction": "abduct abduction abductor kidnap kidnapping kidnapper snatch hostage",
    "forced_displacement": (
        "displace displacement deport deportation deportee expel expulsion evict eviction "
        "exile refugee flee evacuate evacuation evacuee banish banishment uproot refoulement"
    ),
    "sexual_violence": ("rape rapist gang-rape molest molestation grope sodomise sodomize fondle"),
    "threats_intimidation": (
        "threat threaten intimidate intimidation harass harassment coerce coercion surveillance"
    ),
    "extortion": "extort extortion extortionist ransom blackmail blackmailer",
    "property_destruction": (
        "demolish demolition raze loot looting looter pillage plunder ransack vandalise "
        "vandalize vandalism vandal arson arsonist bulldoze"
    ),
}
# Irregular forms of listed words (and of their nominalisations).
_IRREGULAR = {
    "beaten": "beat",
    "slew": "slay",
    "fled": "flee",
}
WORD_CATEGORY: dict[str, str] = {
    word: category for category, words in _FAMILIES.items() for word in words.split()
}
_PREFIXES = frozenset(word[:2] for word in WORD_CATEGORY) | frozenset(
    form[:2] for form in _IRREGULAR
)
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@lru_cache(maxsize=50_000)
def base_forms(word: str) -> tuple[str, ...]:
    """The forms ``word`` may be an inflection of, itself first ("kidnapped" → kidnap…)."""
    word = word.lower()
    if word in _IRREGULAR:
        return (_IRREGULAR[word],)
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for ending in ("ed", "ing"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            forms += [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # kidnapped, whipping
    if word.endswith("ings"):
        forms.append(word[:-1])  # beatings → beating
    return tuple(dict.fromkeys(forms))


def category_of(word: str) -> str | None:
    for form in base_forms(word):
        category = WORD_CATEGORY.get(form)
        if category is not None:
            return category
    return None


def _could_be_act(word: str) -> bool:
    return word[:2] in _PREFIXES and word.isascii()


def find_english_word_acts(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, category) for each English word of a listed act family."""
    for start in anchors.starts(text, _could_be_act):
        if start and text[start - 1] == "-":
            continue  # the second half of a hyphenated word was read with its first
        match = _LATIN_WORD.match(text, start)
        if match is None:
            continue
        category = category_of(match[0])
        if category is not None:
            yield start, match.end(), category
