"""Direct quotations and their speakers.

A quotation is text of at least four words between quotation marks (“…”, "…", «…», „…“);
shorter quoted text is usually a name («Новая газета»). The speaker is the name beside a
speech verb right after the quotation (", said X", «…», — заявил X) or right before it
(X said: "…"). Nested marks are not followed: the outer pair wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rightsledger.extract.claims import QuoteClaim
from rightsledger.extract.lexicon import SPEECH_VERBS_EN, SPEECH_VERBS_RU
from rightsledger.extract.places import find_places
from rightsledger.extract.spans import SpanIndex

# Single marks ('…') open at the start of a word and close before a non-letter, so that the
# apostrophes of "didn't" and "Soldiers' Mothers" are not taken for them.
_QUOTED = re.compile(
    r"“([^”]{3,2000})”|\"([^\"\n]{3,2000})\"|«([^»]{3,2000})»|„([^“”]{3,2000})[“”]"
    r"|(?<![\w'’])['‘]([^\n]{3,2000}?)['’](?![\w'’])"
)
_VERBS_EN = rf"(?:{SPEECH_VERBS_EN}|told\s+\w+)"
_VERBS_RU = rf"(?:{SPEECH_VERBS_RU})"
_NAME = r"(?:[A-ZА-ЯЁ](?:\.|[\w'’-]*)(?:\s+[A-ZА-ЯЁ](?:\.|[\w'’-]*)){0,3})"
_ROLE = r"(?:(?:the|a|an|his|her|their)\s+[\w-]+(?:\s+[\w-]+){0,3})"
# A description in front of the name: "Titiev's lawyer Pyotr Zaikin told…", "his lawyer X said"
_LEAD = rf"(?:(?:{_NAME}['’]s|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z-]+\s+){{1,3}}?(?={_NAME}))"
# "…," his mother, Zarema Umarova, told reporters / "…," Aslan Dudayev, a former detainee, said
_AFTER_EN = re.compile(
    rf"^\s*,?\s*(?:{_VERBS_EN}\s+(?:{_ROLE},\s+(?={_NAME}))?(?P<a>{_NAME}|{_ROLE})"
    rf"|(?:{_ROLE},\s+(?={_NAME},)|{_LEAD})?(?P<b>{_NAME}|{_ROLE})(?:,\s+[^,\"“”«»]{{1,60}},)?,?\s+{_VERBS_EN})"
)
# After a Russian speech verb the speaker may be described first: «— говорит мать одного из
# пропавших Асият Гаджиева», «— рассказал один из отпущенных, Ильяс Хамхоев».
_AFTER_RU = re.compile(
    rf"^\s*,?\s*[—–-]?\s*(?:{_VERBS_RU}\s+(?P<a>(?:«[^«»]{{1,40}}»\s+|[\w-]+,?\s+){{0,6}}?{_NAME})"
    rf"|(?P<b>{_NAME})\s+{_VERBS_RU})"
)
_BEFORE_TAIL = rf"\s+(?:{_VERBS_EN}|{_VERBS_RU})(?:\s+(?:that|что))?\s*[:,]?\s*$"
# The name right before the verb first ("In an interview with the BBC, X said:"), then a
# name with an appositive between ("X, a former detainee, said:").
_BEFORE = re.compile(rf"(?P<name>{_NAME}),?{_BEFORE_TAIL}")
_BEFORE_APPOSITIVE = re.compile(rf"(?P<name>{_NAME}),\s+[^,]{{1,60}},?{_BEFORE_TAIL}")
# «Как рассказал X, «…»», "as X put it, "…"": the verb before the name.
_VERB_THEN_NAME = re.compile(
    rf"(?:{_VERBS_RU}|{_VERBS_EN})\s+(?:[\w-]+\s+){{0,3}}?(?P<name>{_NAME}),?\s*[:,]?\s*$"
)
_BY_WORDS_RU = re.compile(
    rf"(?:[Пп]о словам|[Aa]ccording to)\s+(?P<name>(?:[\w-]+\s+){{0,3}}?{_NAME}),\s*$"
)
# A quotation inside what a speaker said: 'The Ministry said the operation targeted "…"'. The
# speaker opens the sentence and nothing but the reported clause stands between.
_SAID_IN_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:[Tt]he\s+)?(?P<name>[A-ZА-ЯЁ][\w'’-]*(?:\s+(?:of|for|on|the|and|по|"
    r"[A-ZА-ЯЁ«][\w'’«»-]*)){0,7})(?:,[^,\"“”«»]{1,60},)?\s+(?:has\s+|have\s+)?"
    rf"(?:{_VERBS_EN}|{_VERBS_RU})\b[^.!?\"“”«»\n]{{0,150}}$"
)
# «…», — сказал брат пропавшего: a speaker named by a common noun in Russian.
_AFTER_RU_NOUN = re.compile(
    rf"^\s*,?\s*[—–-]?\s*{_VERBS_RU}\s+(?P<who>[а-яё-]+(?:\s+[а-яё-]+){{0,3}})\s*[.,;]"
)
# Capitalised words that open a sentence without naming anyone: pronouns and function words.
_NOT_NAME_WORDS = frozenset(
    "i we he she they it as in on at after when then also this that these those "
    "я мы он она они оно как об о по в на после когда также затем это этот эта".split()
)
_NOT_SPEAKERS = frozenset(
    "он она они оно мы я вы ты мне нам им ему ей журналистам корреспонденту в во на по о об "
    "из у с со также затем потом позже".split()
)


def _speaker(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 120]
    for pattern in (_AFTER_EN, _AFTER_RU):
        match = pattern.match(after)
        if match:
            return (match["a"] or match["b"]).strip()
    before = text[max(0, start - 120) : start]
    match = (
        _BEFORE.search(before)
        or _BEFORE_APPOSITIVE.search(before)
        or _BY_WORDS_RU.search(before)
        or _VERB_THEN_NAME.search(before)
    )
    if match and match["name"].split()[0].lower() not in _NOT_NAME_WORDS:
        return match["name"].strip()
    noun = _AFTER_RU_NOUN.match(after)
    if noun and noun["who"].split()[0] not in _NOT_SPEAKERS:
        return noun["who"]
    said = _SAID_IN_SENTENCE.search(text[max(0, start - 250) : start])
    if said is None or said["name"].split()[0].lower() in _NOT_NAME_WORDS:
        return None  # "I said that…" in an account: the account's author, found later
    return said["name"].strip()


# A document that opens as someone's first-hand account ("Testimony of witness B-7",
# "Statement of Aida, 34, …", «Показания Ахмеда Исаева») quotes that person when no other
# speaker stands beside a quotation.
_ACCOUNT_OF = re.compile(
    r"^\s*(?:(?:Testimony|Statement|Account|Interview|Transcript)\s+(?:of|by|with|from)\s+"
    r"|(?:Показания|Рассказ|Заявление|Свидетельство|Интервью)\s+)"
    r"(?P<name>(?:(?:witness|survivor|свидетел\w+)\s+)?[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2}"
    # or an office without a name: "Statement by a regional ombudsman"
    r"|(?<=\s)(?:an?|the)\s+(?:[a-z-]+\s+){0,2}(?:ombudsman|commissioner|prosecutor|governor|"
    r"mayor|official|lawyer|doctor|journalist|activist|witness|survivor|resident|mother|father)\b)"
)


# «Из показаний жительницы Баксана Залины К. (имя изменено)…»: the account's author is the
# last capitalised name before the bracket or the end of the clause.
_FROM_ACCOUNT_RU = re.compile(
    r"^\s*Из\s+(?:показаний|рассказа|беседы\s+с|интервью\s+с|заявления|обращения)\s+"
    r"(?P<clause>[^(,.\n]{0,120}?(?:\s[А-ЯЁ]\.)?)\s*[(,.\n]"
)
_CAPITALISED_RU = re.compile(r"[А-ЯЁ][а-яё-]+|[А-ЯЁ]\.")


def _last_person_name(clause: str) -> str | None:
    """The last one or two capitalised words (and an initial) that are not a place's name:
    «жительницы Баксана Залины К.» → «Залины К.», «жителя Грозного» → None."""
    places = SpanIndex((p.start, p.end) for p in find_places(clause))
    words = [
        match[0]
        for match in _CAPITALISED_RU.finditer(clause)
        if not places.overlaps(match.start(), match.end())
    ]
    initial = [words.pop()] if words and words[-1].endswith(".") else []
    return " ".join(words[-2:] + initial) if words else None


def account_author(text: str) -> str | None:
    """The named author of a document that opens as someone's first-hand account, or None."""
    match = _ACCOUNT_OF.match(text[:200])
    if match:
        return match["name"]
    russian = _FROM_ACCOUNT_RU.match(text[:200])
    if russian:
        return _last_person_name(russian["clause"])
    return None


def find_quotes(text: str) -> Iterator[QuoteClaim]:
    author: str | None = None
    for match in _QUOTED.finditer(text):
        body = next(group for group in match.groups() if group is not None)
        if len(body.split()) < 4:
            continue
        speaker = _speaker(text, match.start(), match.end())
        if speaker is None:
            author = author if author is not None else (account_author(text) or "")
            speaker = author or None
        yield QuoteClaim(
            start=match.start(),
            end=match.end(),
            text=match[0],
            rule="quote.marks" + (".speaker" if speaker else ""),
            confidence=0.8 if speaker else 0.6,
            speaker=speaker,
            quote=body.strip(),
        )
