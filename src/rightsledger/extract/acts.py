"""Acts of violence named in text, mapped to the project's act types.

Three sources of evidence: the trigger patterns of ``act_triggers``, English word families
(``act_words_en``) and Russian lemmas (``act_lemmas``); acts said not to have happened, denied,
threatened or merely possible are dropped. The HURIDOCS code comes from the ``act_types``
vocabulary, so the claim and the records use one list of terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rightsledger import vocab
from rightsledger.extract import anchors
from rightsledger.extract.act_lemmas import find_lemma_acts, is_future
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


# An act only threatened, attempted or wished is not the act: "threatened to kill her",
# «угрожали убить», "tried to abduct". A threat is still a threat (its own trigger fires).
_NOT_DONE = re.compile(
    r"(?:(?:risk|danger|fear|prevention|prohibition|absence)s? of|ban on|free(?:dom)? from|"
    r"no (?:evidence|signs?|trace|record) of|(?:риск\w*|опасност\w*|предотвращени\w*|запрет\w*)|"
    r"threat\w*|tried|trying|attempt\w*|wanted|plans?|planned|promised|"
    r"(?:would|will|could|might)(?:\s+(?:be|have(?:\s+been)?))?|"
    r"угрожал\w*|пытал(?:ся|ась|ись)|пытаются|хотел\w*|собирал\w*|обещал\w*|будут|будет)"
    r"\s+(?:to\s+|with\s+)?$",
    re.IGNORECASE,
)


# An act said not to have happened, or denied, is not alleged by the text: "was not
# detained", "no one was killed", «никого не задержали», "denied that he had been beaten",
# «отрицают, что его избили». The words must stand right before the trigger, in its clause.
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no one|nobody|none)\s+(?:(?:was|were|been|being|be|has|have|had)\s+)*"
    r"|(?<![\w-])(?:не|ни|никого|никто)\s+(?:(?:был[аио]?|было|стали?)\s+)?"
    r"|\b(?:denied|denies|deny|denying|отрица\w*|опроверг\w*)\b[^.;!?]{0,40}?)$",
    re.IGNORECASE,
)


# A negation inside a condition states the demand, not a denial: "if my family did not pay".
_CONDITION = re.compile(r"\b(?:if|unless|если|иначе)\b", re.IGNORECASE)


_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")


def _not_alleged(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    if _NOT_DONE.search(before[-25:]):
        return True
    negation = _NEGATED.search(before)
    return negation is not None and not _CONDITION.search(before[: negation.start()][-30:])


def find_acts(text: str) -> Iterator[ActClaim]:
    found: list[ActClaim] = []
    for match in trigger_matches(text):
        category = match.lastgroup
        if category is None or _not_alleged(text, match.start()):
            continue
        if _CYRILLIC_WORD.fullmatch(match[0]) and is_future(match[0].lower()):
            continue  # «задержат», «сожгут»: a threat or a plan
        found.append(_claim(text, match.start(), match.end(), category, "trigger"))
    # Russian words by lemma and English words by family, where no pattern took the word.
    taken = SpanIndex((claim.start, claim.end) for claim in found)
    by_word = [(*hit, "lemma") for hit in find_lemma_acts(text)]
    by_word += [(*hit, "family") for hit in find_english_word_acts(text)]
    for start, end, category, how in by_word:
        if not taken.overlaps(start, end) and not _not_alleged(text, start):
            found.append(_claim(text, start, end, category, how))
    yield from sorted(found, key=lambda claim: claim.start)


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
