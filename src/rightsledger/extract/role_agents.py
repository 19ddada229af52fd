"""Who commits an act: the agent of "by", and the subject of an active act verb.

Perpetrators are read from clause structure rather than from lists of names: a name right
after "by" when an act stands just before it ("beaten by X", "were ordered by Colonel X"), or a
name that is the subject of an active act verb with an object ("Captain X beat them", "The
FSB detained three men"). Russian word order is free, so there the name must be in the
nominative and the act verb finite, active and singular in the same clause; after the verb
(«избивал начальник отдела X») only an office holder is read as its subject, since a bare name
there may be an object the tagger did not decline. Verbs whose subject suffers the act ("died",
"fled", «пропал») never make a perpetrator.
"""

from __future__ import annotations

import re

from rightsledger.extract.morph import analyzer
from rightsledger.extract.role_cues import UNDERGOER_EN, UNDERGOER_RU
from rightsledger.extract.spans import SpanIndex

_BY_TITLED = re.compile(
    r"\bby\s+(?:the\s+)?(?:[A-Z]\w*\.?\s+){0,3}$|(?:^|\s)(?:[а-яё]+ми\s+)?"
    r"(?:сотрудник\w*|бойц\w*)\s+$"
)
_ADVERBS = frozenset(
    "allegedly reportedly personally repeatedly then later also again лично неоднократно "
    "якобы также затем потом".split()
)
_APPOSITIVE_AFTER = re.compile(r",\s+(?:an?|the)\s+[^,.;:!?]{1,60},")
# Words that start an act phrase after a name without being its verb ("X with batons").
_FUNCTION_WORDS = frozenset(
    "with in at on from by for to of the a an and or after during under into as".split()
)
# What starts the object of an active verb: a pronoun, a determiner, a number or a name.
_OBJECT_NEXT = re.compile(
    r"\s+(?:him|her|them|me|us|the|a|an|his|her|their|its|our|my|several|two|three|four|five|"
    r"dozens|hundreds|at\s+least|\d+|[A-Z])",
)
_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_BREAK_RU = re.compile(r"[,;:—–()«»\"]|\sчто\s|\sкоторы\w+\s")
# What a body "by" names when it is not the agent of an act: "collected by X", "examined by X".
NOT_AGENT_BY = re.compile(
    r"(?:collected|documented|published|compiled|gathered|reported|issued|released|examined|"
    r"reviewed|investigated|verified|confirmed|hosted|mediated|organi[sz]ed|funded|supported|"
    r"signed|recognised|recognized)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def agent_of_act(
    text: str,
    start: int,
    end: int,
    before: str,
    after: str,
    acts: SpanIndex | None,
    oblique: bool | None,
    office_before: bool,
) -> bool:
    """Whether the person at ``start:end`` is said to commit an act named beside them.

    ``before`` and ``after`` are the rest of its sentence; ``oblique`` whether a Russian name is
    not in the nominative (None for English); ``office_before`` whether an office names the
    person just before («начальник отдела X»)."""
    if acts is None:
        return False
    # "beaten by X", "ordered by Colonel X": an act just before "by".
    by_titled = _BY_TITLED.search(before[-40:])
    if by_titled:
        by_at = start - len(before[-40:]) + by_titled.start()
        english_by = by_titled[0].lstrip().startswith("by")
        if (
            act_just_before(text, by_at, acts)
            if english_by
            else acts.overlaps(max(0, start - 60), start - 3)
        ):
            return not NOT_AGENT_BY.search(before[-40:])
    if oblique is None:
        return english_subject_of_act(text, end, acts)
    return not oblique and russian_subject_of_act(
        text, start, end, before, after, acts, office_before
    )


# Words that may stand between an act and "by" in a passive: "were allegedly ordered by".
_PASSIVE_FILLERS = frozenset(
    "was were been being is are had has allegedly reportedly ordered carried out committed "
    "personally directly also then later repeatedly".split()
)


def act_just_before(text: str, position: int, acts: SpanIndex) -> bool:
    """Whether an act ends right before ``position`` (the "by" of a passive), with at most
    auxiliaries and adverbs between: "beaten by", "were ordered by", not "a base used by"."""
    words = list(_WORD.finditer(text, max(0, position - 50), position))
    for match in reversed(words[-4:]):
        if acts.overlaps(match.start(), match.end()):
            return True
        if match[0].lower() not in _PASSIVE_FILLERS:
            return False
    return False


def english_subject_of_act(text: str, end: int, acts: SpanIndex) -> bool:
    """ "X beat them", "X personally tortured…": an active act verb right after the name."""
    name_end = end
    # past an appositive: "X, a police colonel, personally tortured…"
    appositive = _APPOSITIVE_AFTER.match(text, end, min(len(text), end + 70))
    end = appositive.end() if appositive else end
    for match in _WORD.finditer(text, end, min(len(text), end + 40)):
        if text[end : match.start()].strip(" "):
            return False  # punctuation between: not the name's own verb
        word = match[0].lower()
        if word in _ADVERBS:
            end = match.end()
            continue
        # an act phrase that takes in the name has it as its object ("beat X with batons");
        # an active verb has an object after it ("X detained in Grozny" is a passive)
        return (
            acts.overlaps(match.start(), match.end())
            and not acts.overlaps(name_end - 1, name_end)
            and word not in UNDERGOER_EN
            and word not in _FUNCTION_WORDS
            and bool(_OBJECT_NEXT.match(text, match.end()))
        )
    return False


def russian_subject_of_act(
    text: str,
    start: int,
    end: int,
    before: str,
    after: str,
    acts: SpanIndex,
    office_before: bool = False,
) -> bool:
    """A name in the nominative and a singular active act verb in the same clause: «X
    избивал задержанных», «задержанных избивал начальник X»."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK_RU.finditer(before)), default=0)
    stop = _CLAUSE_BREAK_RU.search(after)
    clause_end = stop.start() if stop else len(after)
    offset_before, offset_after = start - len(before), end
    # After the verb («избивал начальник X») only an office holder is read as its subject:
    # a bare name there may be an object the tagger did not decline («избил Зейнеп»).
    parts = [(offset_after, after[:clause_end])]
    if office_before:
        parts.append((offset_before + clause_start, before[clause_start:]))
    for base, part in parts:
        previous = ""
        for match in _WORD.finditer(part):
            word = match[0].lower()
            position = base + match.start()
            if (
                acts.overlaps(position, position + len(word))
                and not acts.overlaps(start, end)
                and previous not in ("был", "была", "было", "были", "не")
                and _active_singular(word)
            ):
                return True
            previous = word
    return False


def _active_singular(word: str) -> bool:
    parses = analyzer().parse(word)
    if not parses:
        return False
    parse = parses[0]
    feats = parse.feats
    return (
        parse.pos == "VERB"
        and feats.get("VerbForm") == "Fin"
        and feats.get("Number") == "Sing"
        and feats.get("Voice") != "Pass"
        and not word.endswith(("ся", "сь"))
        and str(parse.normal).replace("ё", "е") not in UNDERGOER_RU
    )
