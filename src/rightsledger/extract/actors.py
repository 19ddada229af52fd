"""Named persons and organisations: natasha for Russian, rules and lists for English.

English has no model here (none may be downloaded), so organisations come from a list of
bodies that recur in human-rights reporting and from capitalised names ending in an
organisation word (Committee, Ministry, Court…); persons from a title before a capitalised
name, a Russian-style surname ending, or a speech verb beside the name. The role hint reads
the words around a mention and is only a hint for the reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from rightsledger.extract.claims import ActorClaim
from rightsledger.extract.ner import Entity
from rightsledger.extract.spans import SpanIndex

_EN_ORGS = (
    "Memorial Human Rights Centre|Memorial|Human Rights Watch|Amnesty International|"
    "Russian LGBT Network|Novaya Gazeta|Committee Against Torture|Committee for the Prevention "
    "of Torture|OSCE|Council of Europe|European Court of Human Rights|ECHR|United Nations|UN|"
    "UN Human Rights Committee|UN Human Rights Council|Office of the High Commissioner for "
    "Human Rights|OHCHR|Investigative Committee|FSB|Federal Security Service|Ministry of "
    "Internal Affairs|Interior Ministry|MVD|Prosecutor General's Office|Kremlin|Rosgvardia|"
    "National Guard|Kadyrovtsy|Akhmat|European Parliament|European Union|EU|ICRC|Red Cross|"
    "International Committee of the Red Cross|Civic Assistance Committee|OVD-Info|Mediazona|"
    "Meduza|Reuters|BBC|Caucasian Knot|Natalia Estemirova Foundation|Front Line Defenders|"
    "Crisis Group|Human Rights Council|Supreme Court|Constitutional Court|State Duma|"
    "Federation Council|Ombudsman's Office|Open Russia|Yabloko|Levada Center"
)
_EN_ORG_RE = re.compile(rf"(?<![\w-])(?:the\s+)?({_EN_ORGS})(?![\w-])")
_ORG_HEADS = (
    "Committee|Ministry|Office|Court|Police|Department|Battalion|Regiment|Brigade|Service|"
    "Network|Foundation|Centre|Center|Agency|Union|Council|Commission|Organisation|"
    "Organization|Directorate|Unit|Division|Prison|Parliament|Party|Institute|University|"
    "Association|Watch|Group|Government|Administration|Guard|Assembly|Forces"
)
_CAP = r"[A-Z][\w'’-]+"
_EN_ORG_PHRASE = re.compile(
    rf"(?<![\w-])(?:{_CAP}\s+(?:(?:of|for|on|and|the|against)\s+)*)+(?:{_ORG_HEADS})(?![\w-])"
)
_TITLES = (
    "President|Prime Minister|Minister|Governor|Mayor|Prosecutor|Judge|General|Colonel|"
    "Major|Captain|Lieutenant|Sergeant|Commander|Senator|Deputy|Ombudsman|Commissioner|"
    "Spokesman|Spokeswoman|Spokesperson|Head|Chief|Director|Chairman|Chairwoman|Dr|Mr|Mrs|Ms"
)
_EN_PERSON_TITLED = re.compile(
    rf"(?<![\w-])(?P<title>{_TITLES})\.?\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})"
)
# Surname endings of Russia, Ukraine and the Caucasus, romanised.
_SURNAME = (
    r"[A-Z][a-z]+(?:ov|ev|yev|in|ova|eva|yeva|ina|sky|skiy|skaya|aya|enko|uk|yan|ian|dze"
    r"|shvili|li|aev|ayev|iev)"
)
_EN_PERSON_NAME = re.compile(
    rf"(?<![\w-])(?P<name>[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?{_SURNAME})(?![\w-])"
)
_EN_SPEAKER = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]+)(?=,?\s+(?:said|says|told|added|stated|"
    r"recalled|wrote|explained|a\s+\w+|an\s+\w+|aged|\d+))"
)
_NOT_NAMES = frozenset(
    "The This That These Those In On At By From For With After Before During Since When While "
    "According Human Rights Amnesty International European Court Council Committee United "
    "Nations Russian Chechen North South Republic Federal Security Service".split()
)

_OFFICIAL = re.compile(
    r"(?:president|minister|governor|mayor|prosecutor|spokes\w+|press secretary|ombudsman|"
    r"commissioner|head of|chief|official|authorities|глава|министр|губернатор|мэр|прокурор|"
    r"пресс-секретар\w*|омбудсмен\w*|уполномоченн\w*|президент\w*|руководител\w*|"
    r"представител\w* власт\w*|чиновник\w*|спикер\w*)",
    re.IGNORECASE,
)
_PERPETRATOR = re.compile(
    r"(?:officers?|police|policemen|security forces|servicemen|commander|guards?|perpetrators?|"
    r"ordered|detained by|beaten by|tortured by|abducted by|сотрудник\w*|силовик\w*|"
    r"полицейск\w*|командир\w*|охранник\w*|по приказу|задержали|пытали|избили|похитили)",
    re.IGNORECASE,
)
_VICTIM = re.compile(
    r"(?:victims?|detainees?|survivors?|was detained|were detained|was abducted|was tortured|"
    r"was killed|went missing|жертв\w*|задержанн\w*|пострадавш\w*|погибш\w*|был задержан|"
    r"была задержана|был похищен|пропал|был убит)",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"(?:said|says|told|reported|according to|stated|wrote|recalled|сообщил\w*|заявил\w*|"
    r"рассказал\w*|по словам|по данным|пишет|написал\w*|отметил\w*)",
    re.IGNORECASE,
)


def role_hint(text: str, start: int, end: int) -> str | None:
    """A guess at a mention's role from the words within a short window around it."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    window = before[-40:] + " " + after[:40]
    if _OFFICIAL.search(before[-30:]) or _OFFICIAL.search(after[:25]):
        return "official"
    if _SOURCE.search(after[:20]) or _SOURCE.search(before[-20:]):
        return "source"
    if _VICTIM.search(window):
        return "victim"
    if _PERPETRATOR.search(window):
        return "perpetrator"
    return None


def find_english_actors(text: str) -> Iterator[ActorClaim]:
    taken = SpanIndex()
    found: list[ActorClaim] = []
    rules = (
        (_EN_ORG_RE, "organization", "actor.en.org_list", 0.85, 1),
        (_EN_ORG_PHRASE, "organization", "actor.en.org_phrase", 0.6, 0),
        (_EN_PERSON_TITLED, "person", "actor.en.titled", 0.7, "name"),
        (_EN_PERSON_NAME, "person", "actor.en.surname", 0.6, "name"),
        (_EN_SPEAKER, "person", "actor.en.speaker", 0.55, "name"),
    )
    for pattern, actor_type, rule, confidence, group in rules:
        for match in pattern.finditer(text):
            start, end = match.span(group)
            name = match[group]
            if name.split()[0] in _NOT_NAMES and actor_type == "person":
                continue
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            hint = role_hint(text, start, end)
            if rule == "actor.en.titled" and match["title"] not in ("Mr", "Mrs", "Ms", "Dr"):
                hint = "official"
            found.append(
                ActorClaim(
                    start=start,
                    end=end,
                    text=text[start:end],
                    rule=rule,
                    confidence=confidence,
                    name=name,
                    actor_type=actor_type,
                    role_hint=hint,
                )
            )
    yield from sorted(found, key=lambda claim: claim.start)


def russian_actors(text: str, entities: Sequence[Entity]) -> Iterator[ActorClaim]:
    for entity in entities:
        if entity.type not in ("PER", "ORG"):
            continue
        yield ActorClaim(
            start=entity.start,
            end=entity.end,
            text=entity.text,
            rule=f"actor.ru.natasha.{entity.type.lower()}",
            confidence=0.8,
            name=entity.normal,
            actor_type="person" if entity.type == "PER" else "organization",
            role_hint=role_hint(text, entity.start, entity.end),
        )
