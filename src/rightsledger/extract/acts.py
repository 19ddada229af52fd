"""Acts of violence named in text, mapped to the project's act types.

Four sources of evidence: the trigger patterns of ``act_triggers``, English word families
(``act_words_en``), Russian lemmas (``act_lemmas``) and acts implied by counts of the dead,
injuries from force or money paid for a release (``act_implied``). Acts said not to have
happened, denied, threatened, merely possible or named by a word used in another sense are
dropped (``act_scope``). The HURIDOCS code comes from the ``act_types`` vocabulary, so the
claim and the records use one list of terms.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from rightsledger import vocab
from rightsledger.extract import anchors
from rightsledger.extract.act_implied import (
    find_implied_acts,
    find_threatened_acts,
    torture_by_purpose,
)
from rightsledger.extract.act_lemmas import find_lemma_acts, is_future
from rightsledger.extract.act_menace import find_menacing_speech
from rightsledger.extract.act_money import find_forced_payments
from rightsledger.extract.act_scope import not_alleged
from rightsledger.extract.act_triggers import TRIGGERS
from rightsledger.extract.act_words_en import find_english_word_acts
from rightsledger.extract.claims import ActClaim
from rightsledger.extract.spans import SpanIndex

_PATTERN = re.compile(
    "|".join(
        f"(?P<{category}>(?<![\\w-])(?:{'|'.join(triggers)}))"
        for category, triggers in TRIGGERS.items()
    ),
    re.IGNORECASE,
)


@cache
def huridocs_code(category: str) -> str:
    return vocab.load("act_types").get(category).code


def _trigger_prefixes() -> frozenset[str]:
    prefixes: set[str] = set()
    for triggers in TRIGGERS.values():
        for trigger in triggers:
            found = anchors.leading_prefixes(trigger)
            if found is None:
                raise AssertionError(f"trigger {trigger!r} has no literal start to anchor on")
            prefixes |= found
    return frozenset(prefixes)


_PREFIXES = _trigger_prefixes()


def could_start_trigger(word: str) -> bool:
    return word[:2] in _PREFIXES


def _patterns_by_prefix() -> dict[str, re.Pattern[str]]:
    """``_PATTERN`` cut down, for each first two letters, to the triggers that can start so.

    At a word only the triggers that can start with its letters are tried: the same matches
    as ``_PATTERN`` (alternatives keep their order), for a fraction of the work per word.
    """
    by_prefix: dict[str, dict[str, list[str]]] = {}
    for category, triggers in TRIGGERS.items():
        for trigger in triggers:
            for prefix in anchors.leading_prefixes(trigger) or ():
                by_prefix.setdefault(prefix, {}).setdefault(category, []).append(trigger)
    return {
        prefix: re.compile(
            "|".join(
                f"(?P<{category}>(?<![\\w-])(?:{'|'.join(triggers)}))"
                for category, triggers in table.items()
            ),
            re.IGNORECASE,
        )
        for prefix, table in by_prefix.items()
    }


_BY_PREFIX = _patterns_by_prefix()


def trigger_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PATTERN`` that start at a word, without overlaps, in text order."""
    last_end = 0
    for start in anchors.starts(text, could_start_trigger):
        if start < last_end:
            continue
        match = _BY_PREFIX[text[start : start + 2].lower()].match(text, start)
        if match is not None and match.end() > match.start():
            last_end = match.end()
            yield match


_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
# Ill-treatment by blows and the wounds they leave: in a document reporting torture, these are
# read as that torture ("beat him", «избивали», «гематомы»).
_BLOWS = re.compile(
    r"\b(?:beat\w*|hit|hitting|punch\w*|kick\w*|blows?|struck|strik\w*|bruis\w*|injur\w*|"
    r"wound\w*|fractur\w*|broken|ribs?|truncheons?|batons?|clubs?|slapp?\w*|assault\w*|"
    r"battered|stamp\w*|trampl\w*)\b"
    r"|(?<![\w-])(?:бил\w*|бьют|бей\w*|избив\w*|избил\w*|избит\w*|избиени\w*|удар\w*|побо\w*|"
    r"травм\w*|гематом\w*|синяк\w*|кровоподт\w*|ссадин\w*|перелом\w*|поврежд\w*|ранен\w*|пина\w*|"
    r"дубин\w*)",
    re.IGNORECASE,
)
# Who seizes people: agents of the state, or armed groups (for enforced disappearance).
_STATE_AGENTS = re.compile(
    r"\b(?:police\w*|officers?|soldiers?|troops|army|military|security (?:forces|services|"
    r"officers)|authorities|officials?|guards?|agents?|gendarm\w*|servicem[ae]n|militia|"
    r"plain ?clothes|uniform\w*|camouflage)\b"
    r"|(?<![\w-])(?:силовик\w*|полиц\w*|военн\w*|военнослужащ\w*|фсб|мвд|"
    r"сотрудник\w* (?:полиции|фсб|мвд|гибдд|ск|омона?|силовых|правоохранительных|спецслужб|"
    r"колонии|изолятора|сизо|центра|комендатуры)|"
    r"росгвард\w*|кадыровц\w*|омон\w*|спецназ\w*|камуфляж\w*|форм[еу]|власт\w*)",
    re.IGNORECASE,
)
_ARMED_GROUPS = re.compile(
    # "armed men" may be anyone's, so only groups that say what they are count
    r"\b(?:insurgents?|militants?|fighters|rebels?|kidnappers?|bandits?|gangs?|faction|"
    r"criminal groups?|"
    r"attackers|jihadists?|dissidents?|guerrill\w*|cartel\w*)\b"
    r"|(?<![\w-])(?:нападавш\w*|боевик\w*|бандит\w*|похитител\w*|повстанц\w*|джихадист\w*|"
    r"группировк\w*)",
    re.IGNORECASE,
)
_NAMED_DISAPPEARANCE = re.compile(r"disappear|исчез", re.IGNORECASE)
# Where sentences end, as the act rules read them (an abbreviation's dot ends one too).
_SENTENCE_BREAK = re.compile(r"[.!?…\n]")


def find_acts(text: str) -> Iterator[ActClaim]:
    found: list[ActClaim] = []
    for match in trigger_matches(text):
        category = match.lastgroup
        if category is None or not_alleged(text, match.start(), match.end(), category):
            continue
        if _CYRILLIC_WORD.fullmatch(match[0]) and is_future(match[0].lower()):
            continue  # «задержат», «сожгут»: a threat or a plan
        found.append(_claim(text, match.start(), match.end(), category, "trigger"))
    # Russian words by lemma and English words by family, where no pattern took the word.
    taken = SpanIndex((claim.start, claim.end) for claim in found)
    by_word = [(*hit, "lemma") for hit in find_lemma_acts(text)]
    english_words = list(find_english_word_acts(text))
    by_word += [(*hit, "family") for hit in english_words]
    by_word += [(*hit, "implied") for hit in find_implied_acts(text)]
    by_word += [(*hit, "told") for hit in find_threatened_acts(text, english_words)]
    by_word += [(*hit, "menace") for hit in find_menacing_speech(text)]
    by_word += [(*hit, "money") for hit in find_forced_payments(text)]
    for start, end, category, how in by_word:
        if not taken.overlaps(start, end) and not not_alleged(text, start, end, category):
            found.append(_claim(text, start, end, category, how))
    found += [
        _claim(text, claim.start, claim.end, "torture", "purpose")
        for claim in found
        if claim.category == "ill_treatment" and torture_by_purpose(text, claim.start, claim.end)
    ]
    found = _without_disappearance_by_armed_groups(text, found)
    yield from sorted(_without_ill_treatment_in_torture(text, found), key=lambda c: c.start)


def _without_disappearance_by_armed_groups(text: str, found: list[ActClaim]) -> list[ActClaim]:
    """The claims less enforced disappearance when only an armed group took the people.

    A disappearance is *enforced* when agents of the state (or those acting with their
    consent) take someone and hide their fate. People seized by insurgents, a faction or
    attackers whose fate is unknown are abducted; the abduction already says so. The
    disappearance stays when any sentence telling of the seizing names state agents, or when
    the text tells of no seizing at all.
    """
    seized = [c for c in found if c.category in ("abduction", "arbitrary_detention")]
    if not seized or not any(c.category == "enforced_disappearance" for c in found):
        return found
    # the seizing's sentence and the one before it ("Armed men from a faction took two boys.
    # They were pushed into a truck.")
    sentences = [_sentence_around(text, claim.start, before=1) for claim in seized]
    if any(_STATE_AGENTS.search(sentence) for sentence in sentences):
        return found
    if not any(_ARMED_GROUPS.search(sentence) for sentence in sentences):
        return found
    # a disappearance the text itself calls one stays: that is the reporter's reading
    return [
        claim
        for claim in found
        if claim.category != "enforced_disappearance" or _NAMED_DISAPPEARANCE.search(claim.text)
    ]


def _sentence_around(text: str, position: int, before: int = 0) -> str:
    """The sentence holding ``position`` and ``before`` sentences before it (300 characters
    back at most)."""
    floor = max(0, position - 300)
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, floor, position)]
    start = starts[-1 - before] if len(starts) > before else floor
    end = _SENTENCE_BREAK.search(text, position)
    return text[start : end.start() if end else len(text)]


def _without_ill_treatment_in_torture(text: str, found: list[ActClaim]) -> list[ActClaim]:
    """The claims less the ill-treatment that is part of a torture the text reports.

    HURIDOCS codes an act by its most specific type: a beating told with the electric shocks
    is part of the torture, not a second act. So is a beating or an injury told elsewhere in a
    document that reports torture: reports tell one ordeal over several sentences ("He was
    tortured with electric shocks. Guards beat him until he lost consciousness."). Ill-treatment
    of another kind (a cold cell, food or a doctor refused, a punishment cell) stays, and so does
    any ill-treatment in a sentence of its own when no torture is reported.
    """
    if not any(claim.category == "torture" for claim in found):
        return found
    breaks = [match.end() for match in _SENTENCE_BREAK.finditer(text)]

    def sentence_of(claim: ActClaim) -> int:
        return bisect.bisect_right(breaks, claim.start)

    torture_sentences = {sentence_of(claim) for claim in found if claim.category == "torture"}
    return [
        claim
        for claim in found
        if claim.category != "ill_treatment"
        or (sentence_of(claim) not in torture_sentences and not _BLOWS.search(claim.text))
    ]


def _claim(text: str, start: int, end: int, category: str, how: str) -> ActClaim:
    return ActClaim(
        start=start,
        end=end,
        text=text[start:end],
        rule=f"act.{how}.{category}",
        confidence=0.7,
        category=category,
        huridocs_code=huridocs_code(category),
    )
