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
_AFTER_EN = re.compile(
    rf"^\s*,?\s*(?:{_VERBS_EN}\s+(?P<a>{_NAME}|{_ROLE})|(?P<b>{_NAME}|{_ROLE})\s+{_VERBS_EN})"
)
# After a Russian speech verb the speaker may be described first: «— говорит мать одного из
# пропавших Асият Гаджиева», «— рассказал один из отпущенных, Ильяс Хамхоев».
_AFTER_RU = re.compile(
    rf"^\s*,?\s*[—–-]?\s*(?:{_VERBS_RU}\s+(?P<a>(?:[\w-]+,?\s+){{0,6}}?{_NAME})"
    rf"|(?P<b>{_NAME})\s+{_VERBS_RU})"
)
_BEFORE = re.compile(
    rf"(?P<name>{_NAME})(?:,\s+[^,]{{1,60}})?,?\s+(?:{_VERBS_EN}|{_VERBS_RU})\s*[:,]?\s*$"
)
_BY_WORDS_RU = re.compile(rf"[Пп]о словам\s+(?P<name>(?:[\w-]+\s+){{0,3}}?{_NAME}),\s*$")


def _speaker(text: str, start: int, end: int) -> str | None:
    after = text[end : end + 120]
    for pattern in (_AFTER_EN, _AFTER_RU):
        match = pattern.match(after)
        if match:
            return (match["a"] or match["b"]).strip()
    before = text[max(0, start - 120) : start]
    match = _BEFORE.search(before) or _BY_WORDS_RU.search(before)
    return match["name"].strip() if match else None


# A document that opens as someone's first-hand account ("Testimony of witness B-7",
# "Statement of Aida, 34, …", «Показания Ахмеда Исаева») quotes that person when no other
# speaker stands beside a quotation.
_ACCOUNT_OF = re.compile(
    r"^\s*(?:(?:Testimony|Statement|Account|Interview|Transcript)\s+(?:of|by|with|from)\s+"
    r"|(?:Показания|Рассказ|Заявление|Свидетельство|Интервью)\s+)"
    r"(?P<name>(?:(?:witness|survivor|свидетел\w+)\s+)?[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2})"
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
