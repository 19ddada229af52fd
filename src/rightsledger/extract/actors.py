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
from dataclasses import replace

from rightsledger.extract.claims import ActorClaim
from rightsledger.extract.lexicon import is_english_person_noun
from rightsledger.extract.morph import lemma
from rightsledger.extract.ner import Entity
from rightsledger.extract.quotes import account_author
from rightsledger.extract.role_cues import RELATIONS_EN
from rightsledger.extract.roles import role_hint
from rightsledger.extract.spans import SpanIndex
from rightsledger.extract.subjects import is_finite_verb

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
    "Federation Council|Ombudsman's Office|Open Russia|Yabloko|Levada Center|UNICEF|UNHCR|"
    "UNESCO|WHO|IOM|UNDP|Interpol|NATO|International Criminal Court|ICC|Red Crescent|"
    "Public Defender|Soldiers' Mothers|KGB|SBU|GKNB"
)
# A listed body may be named with its country or town: "Public Defender of Georgia".
_EN_ORG_RE = re.compile(
    rf"(?<![\w-])(?:the\s+)?((?:{_EN_ORGS})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+)?)(?![\w-])"
)
_ORG_HEADS = (
    "Initiative|Press|News|Media|Movement|Coalition|Alliance|Project|Mission|Bureau|Tribunal|"
    "Forum|Clinic|Inspection|Inspectorate|Monitor|Chamber|Procuracy|Academy|Platform|Trust|"
    "Military District|Command|Fleet|"
    "Committee|Ministry|Office|Court|Police|Department|Battalion|Regiment|Brigade|Service|"
    "Network|Foundation|Centre|Center|Agency|Union|Council|Commission|Organisation|"
    "Organization|Directorate|Unit|Division|Prison|Parliament|Party|Institute|University|"
    "Association|Watch|Group|Government|Administration|Guard|Assembly|Forces|Prosecution|"
    "Archive|Archives|Collective"
)
_CAP = r"[A-Z][\w'’-]+"
# Latin capitals and small letters with their accented forms ("Zeynep Kılıç", "Óscar").
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿı-ž"
# "Temir News on Tuesday": a day or month after "on" is a date, not the body's remit.
_WHEN = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
)
# "UN Working Group on Enforced Disappearances": the head may take a named complement.
_EN_ORG_PHRASE = re.compile(
    rf"(?<![\w-])(?:{_CAP}\s+(?:(?:of|for|on|and|the|against)\s+)*)+(?:{_ORG_HEADS})(?:-\d+)?"
    r"(?![\w-])"
    rf"(?:\s+(?:on|of|for|against|to)\s+(?:the\s+)?(?!{_WHEN}){_CAP}(?:\s+(?:of\s+)?{_CAP}){{0,3}})?"
)
# A head first, then whose or what it is: "Ministry of Defence", "Court of Appeal",
# "Committee for the Prevention of Torture".
_EN_ORG_HEAD_FIRST = re.compile(
    rf"(?<![\w-])(?:{_ORG_HEADS})\s+(?:of|for|on|against)\s+(?:the\s+)?(?!{_WHEN}){_CAP}"
    rf"(?:\s+(?:of\s+|and\s+|for\s+)?{_CAP}){{0,6}}"
)
_ORG_HEAD = re.compile(_ORG_HEADS)
_ANAPHOR = re.compile(rf"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:{_ORG_HEADS})")
_TITLES = (
    "President|Prime Minister|Minister|Governor|Mayor|Prosecutor|Judge|General|Colonel|"
    "Major|Captain|Lieutenant|Sergeant|Commander|Senator|Deputy|Ombudsman|Commissioner|"
    "Spokesman|Spokeswoman|Spokesperson|Head|Chief|Director|Chairman|Chairwoman|Dr|Mr|Mrs|Ms"
)
# Titles chain ("Deputy Prosecutor General X"): the name starts after the last of them.
_EN_PERSON_TITLED = re.compile(
    rf"(?<![\w-])(?P<title>(?:{_TITLES})(?:\s+(?:{_TITLES}))*)\.?\s+"
    rf"(?P<name>(?!(?:{_TITLES})\b){_CAP}(?:\s+{_CAP}){{0,2}})"
)
# Surname endings of Russia, Ukraine and the Caucasus, romanised.
_SURNAME = (
    r"[A-Z][a-z]+(?:ov|ev|yev|in|ova|eva|yeva|ina|sky|skiy|skaya|aya|enko|uk|yan|ian|dze"
    r"|shvili|li|aev|ayev|iev|yk|ych|ich|chuk|ak|ets|yan|ova|eva)"
)
_EN_PERSON_NAME = re.compile(
    rf"(?<![\w-])(?P<name>[A-Z][a-z]+[^\S\n]+(?:[A-Z]\.\s+)?{_SURNAME})(?![\w-])"
    # a name with the surname cut to its initial, as testimonies protect witnesses: "Ales K."
    r"|(?<![\w-])(?P<initial>[A-Z][a-z]{2,}\s+[A-Z]\.)(?=[\s,;:)])"
)
# A person named by a given name alone, as testimonies protect witnesses: "identified only
# as Omar", "known only as Aveen", "Madina (surname withheld), 38,", "Zarina, 27, said".
_EN_GIVEN_NAME = re.compile(
    r"(?:(?:identified|known|referred\s+to)\s+(?:only\s+)?as|a\s+(?:man|woman|boy|girl)\s+named)"
    r"\s+(?P<name>[A-Z][a-z]{2,})(?![\w'’-])"
    r"|(?<![\w'’.-])(?P<aged>[A-Z][a-z]{2,})"
    r"(?=\s*\((?:surname|last name|family name|name)[^()]{0,30}\)|,\s*(?:aged\s+)?\d{1,2},(?!\d))"
    # set off after a noun for a person: "a woman in our group, Aveen, lost…"
    r"|\b(?:man|woman|boy|girl|son|daughter|brother|sister|husband|wife|mother|father|cousin|"
    r"friend|neighbou?r|witness|detainee|survivor|activist|teacher|student|first\s+name|"
    r"name)(?:\s+[a-z]+){0,3},"
    r"\s+(?P<appos>[A-Z][a-z]{2,}),"
)
# A surname alone as the possessor of a relative: "Aliyev's mother", "Petrenko's lawyer".
_EN_POSSESSOR = re.compile(
    rf"(?<![\w-])(?P<name>{_SURNAME})(?=['’]s\s+(?:[a-z]+\s+)?(?:{RELATIONS_EN})\b)"
)
# A body heading its own document: "Colectivo Huellas del Puerto — press release, 14 August
# 2024", "Zagros Rights Archive — testimony no. 112".
_EN_ORG_HEADING = re.compile(
    rf"^\s*(?P<name>[{_UP}][\w'’-]+(?:\s+(?:de|del|de\s+la|la|of|for|the|and|[{_UP}][\w'’-]+))"
    rf"{{1,6}})\s+[—–-]\s+(?:press\s+release|testimony|statement|report|update|bulletin)\b"
)
# A body's name alone on the first line, its country after a dash, over a line saying what
# the document is: "Families for Truth – Yemen\nPress release | Aden, …".
_EN_ORG_HEADING_LINE = re.compile(
    rf"^\s*(?P<name>[{_UP}][\w'’-]+(?:\s+(?:de|del|la|of|for|the|and|[{_UP}][\w'’-]+)){{1,6}}"
    rf"(?:\s+[—–]\s+[{_UP}][\w'’-]+)?)[ \t]*\n\s*(?:[Pp]ress\s+(?:release|statement)|"
    r"[Ss]tatement|[Rr]eport|[Uu]rgent\s+action|[Pp]ublic\s+statement)\b"
)
# A body named once and set off by what it is: "Viasna, the human rights centre, said",
# "The Red de Familiares de Presos Políticos, a network of prisoners' relatives,".
_EN_ORG_APPOSITIVE = re.compile(
    rf"(?<![\w'’-])(?:[Tt]he\s+)?(?P<name>[{_UP}][\w'’-]+"
    rf"(?:\s+(?:(?:de|del|la|do|da|dos)\s+)?[{_UP}][\w'’-]+)"
    r"{0,5}),\s+(?:the|an?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:centre|center|group|organi[sz]ation|network|movement|monitor|"
    r"ngo|charity|foundation|news\s+site|outlet|newspaper|agency|website|channel|party|union|"
    r"association|initiative|project|coalition)(?:\s+(?:of|for)\s+[^,.;]{1,40})?\s*,"
)
_EN_SPEAKER = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][a-z]+[^\S\n]+[A-Z][a-z]+)(?=,?\s+(?:said|says|told|added|stated|"
    r"recalled|wrote|explained|a\s+\w+|an\s+\w+|aged|\d+))"
)
# A person named right after what they are or do ("the journalist Ahmad Karimi", "activist
# Ales Bialiatski"), after a speech cue ("said Omar Haddad.", "according to Omar Haddad,"),
# or as the one a relative, a body or a fate belongs to ("the body of Juan Perez"): whatever
# the name's origin, the cue says it is a person.
_PERSON_NOUNS = (
    "journalist|reporter|correspondent|editor|photographer|cameraman|blogger|lawyer|attorney|"
    "advocate|activist|defender|campaigner|dissident|politician|"
    "student|teacher|doctor|nurse|medic|farmer|shepherd|trader|vendor|businessman|"
    "businesswoman|entrepreneur|pastor|imam|priest|cleric|poet|writer|artist|singer|musician|"
    "academic|researcher|professor|scholar|economist|engineer|driver|volunteer|coordinator|"
    "detainee|prisoner|inmate|witness|survivor|resident|villager|refugee|conscript|"
    "mother|father|son|daughter|brother|sister|wife|husband|cousin|uncle|nephew|grandson|"
    "neighbou?r|friend|colleague|man|woman|boy|girl|teenager|pensioner|"
    "officer|policeman|policewoman|investigator|interrogator|guard|soldier"
)
# The words of one name stand on one line: a heading's last word and a dateline's first
# ("Kingdom of Bahrain\nManama, 11 June") are no name.
_CUED_NAME = (
    rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
    rf"(?:[^\S\n]+[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}]+)?){{1,2}}"
)
_EN_PERSON_CUED = re.compile(
    rf"(?:\b(?:{_PERSON_NOUNS})\s+"
    rf"|\b(?:said|says|told|added|[Aa]ccording\s+to)\s+"
    # a relative named after the kinship word: "her son, Kajan Tharmalingam", "my brother X";
    # who files a petition: "habeas corpus application by X"
    rf"|\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:{RELATIONS_EN}),?\s+"
    rf"|\b(?:application|petition|complaint|lawsuit)\s+(?:filed\s+)?by\s+"
    # the object of an act done to people: "detained Ihar Losik", "sentenced Ales Bialiatski"
    rf"|\b(?:detained|arrested|abducted|kidnapped|tortured|beat|killed|shot|executed|"
    rf"sentenced|convicted|jailed|imprisoned|deported|summoned|interrogated|fined)\s+"
    rf"|\b(?:body|bodies|fate|whereabouts|release|arrest|detention|killing|murder|death|"
    rf"abduction|disappearance|trial|family|relatives|{RELATIONS_EN})\s+of\s+"
    # set off after what the person is: "The student, Baran Aydemir, was…", "Its regional
    # director, Leonora Bautista, urged…", "The person referred to, Amr Fathy Soliman,"
    rf"|\b(?:{_PERSON_NOUNS}|person|director|head|chief|chair\w*|spokes\w+|officer|official|"
    rf"ombudsman|commissioner|prosecutor|judge|referred\s+to|named)(?:\s+[a-z]+){{0,2}},\s+)"
    rf"(?P<name>{_CUED_NAME})(?![\w'’-])"
)
# Names of media and bodies that look like a given name and a surname after such cues.
_NOT_PERSON_LAST = frozenset(
    "Radio Liberty Times Post Gazette Herald Journal Television Channel Today Daily Review "
    "Agency Service Committee Ministry Office Police Court Centre Center Network Group Watch "
    "International Foundation Council Union Region Province District Oblast Krai Republic "
    # peoples, plural: "deported Crimean Tatars"
    "Tatars Chechens Kurds Uzbeks Tajiks Kazakhs Kyrgyz Ukrainians Russians Belarusians "
    "Georgians Armenians Azerbaijanis Syrians Muslims Christians Jews Roma Uyghurs Uighurs".split()
)
_NOT_NAMES = frozenset(
    "The This That These Those In On At By From For With After Before During Since When While "
    "According Human Rights Amnesty International European Court Council Committee United "
    "Nations Russian Chechen North South Republic Federal Security Service".split()
)


def find_english_actors(text: str, acts: SpanIndex | None = None) -> Iterator[ActorClaim]:
    taken = SpanIndex()
    found: list[ActorClaim] = []
    rules: tuple[tuple[re.Pattern[str], str, str, float, int | str], ...] = (
        (_EN_ORG_RE, "organization", "actor.en.org_list", 0.85, 1),
        (_EN_ORG_PHRASE, "organization", "actor.en.org_phrase", 0.6, 0),
        (_EN_ORG_HEAD_FIRST, "organization", "actor.en.org_phrase", 0.55, 0),
        (_EN_PERSON_TITLED, "person", "actor.en.titled", 0.7, "name"),
        (_EN_PERSON_NAME, "person", "actor.en.surname", 0.6, "name"),
        (_EN_PERSON_NAME, "person", "actor.en.initial", 0.5, "initial"),
        (_EN_SPEAKER, "person", "actor.en.speaker", 0.55, "name"),
        (_EN_PERSON_CUED, "person", "actor.en.cued", 0.5, "name"),
        (_EN_GIVEN_NAME, "person", "actor.en.given_name", 0.5, "name"),
        (_EN_GIVEN_NAME, "person", "actor.en.given_name", 0.5, "aged"),
        (_EN_GIVEN_NAME, "person", "actor.en.given_name", 0.5, "appos"),
        (_EN_POSSESSOR, "person", "actor.en.possessor", 0.5, "name"),
        (_EN_ORG_APPOSITIVE, "organization", "actor.en.org_appositive", 0.5, "name"),
        (_EN_ORG_HEADING, "organization", "actor.en.org_heading", 0.6, "name"),
        (_EN_ORG_HEADING_LINE, "organization", "actor.en.org_heading", 0.6, "name"),
    )
    candidates: list[tuple[int, int, int, re.Match[str], str, str, float]] = []
    for order, (pattern, actor_type, rule, confidence, group) in enumerate(rules):
        for match in pattern.finditer(text):
            if match[group] is None:
                continue
            start, end = match.span(group)
            words = match[group].split()
            # "General Inspection" is a body, not a general called Inspection.
            if actor_type == "person" and (
                words[0] in _NOT_NAMES or _ORG_HEAD.fullmatch(words[-1])
            ):
                continue
            if rule == "actor.en.cued" and (
                not _may_be_person(match[group])
                or re.fullmatch(_TITLES, words[0])  # "Major Oleg Sorokin": the titled rule
                or any(word in _NOT_PERSON_LAST or word in _NOT_NAMES for word in words)
            ):
                continue
            if rule == "actor.en.org_appositive" and not _may_be_person(match[group]):
                continue  # "In October, a group…": a date or a common word, not a body
            if actor_type == "organization" and _ANAPHOR.fullmatch(match[0].strip()):
                continue  # "The Ministry": a mention of a body named before, not a name
            if actor_type == "organization":
                start, end = _organisation_span(text, start, end)
            candidates.append((start, end, order, match, actor_type, rule, confidence))
    # Where candidates overlap the longer wins ("UN Working Group on …" over "UN"), then the
    # rule listed first.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    for start, end, _, match, actor_type, rule, confidence in candidates:
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        hint = role_hint(text, start, end, actor_type, acts)
        # A title makes an official, unless the sentence has the person commit the act.
        if (
            rule == "actor.en.titled"
            and match["title"].split()[-1] not in ("Mr", "Mrs", "Ms", "Dr")
            and hint != "perpetrator"
        ):
            hint = "official"
        found.append(
            ActorClaim(
                start=start,
                end=end,
                text=text[start:end],
                rule=rule,
                confidence=confidence,
                name=text[start:end],
                actor_type=actor_type,
                role_hint=hint,
            )
        )
    found.extend(_coordinated_names(text, found, taken, acts))
    found.extend(_acronyms(text, found, taken, acts))
    found.extend(_repeated_surnames(text, found, taken, acts))
    found.extend(_short_mentions(text, found, acts))
    yield from carry_victim(carry_official(author_as_source(text, found)))


# "men from DGCIM", "the LTTE", "UNAMI urged": a word in capitals inside running text names a
# body. Not a dateline ("BASRA, Iraq —"), a heading in capitals, or a common abbreviation.
_ACRONYM = re.compile(r"(?<![\w'’-])([A-Z]{3,6})(-\d+)?(?![\w'’-])")
_NOT_BODIES = frozenset(
    "TV SMS MMS COVID USD EUR GBP GPS HIV AIDS DNA CCTV NGO NGOs PDF UTC GMT SIM SUV ATM URL "
    "CEO LGBT LGBTI LGBTQ III VII VIII XII XIII XIV XVI XVII XIX XXI USA UAE RIP ASAP DIY "
    "PTSD ICU AKA FAQ OMON".split()
)


# "the Congrès national pour la liberté (CNL)": a name whose initials spell the abbreviation
# in brackets after it names the body, however many small words it has.
_DEFINED_ABBREVIATION = re.compile(r"(?<=\S)\s+\(([A-Z]{2,6})\)")
_SMALL_WORDS = frozenset("de du des la le les pour of the for and et on in".split())


def _spelled_out(before: str, abbreviation: str) -> tuple[int, str] | None:
    """The words at the end of ``before`` whose initials spell ``abbreviation``, as (how far
    back they start, the words), when they start with a capital."""
    words = list(re.finditer(r"[\w'’-]+", before))
    for first in range(len(words) - 1, -1, -1):
        chosen = words[first:]
        spelled = "".join(w[0][0] for w in chosen if w[0].lower() not in _SMALL_WORDS)
        if len(spelled) > len(abbreviation):
            return None
        if spelled.upper() == abbreviation and chosen[0][0][0].isupper():
            start = chosen[0].start()
            return len(before) - start, before[start:].rstrip()
    return None


def _acronyms(
    text: str, found: list[ActorClaim], taken: SpanIndex, acts: SpanIndex | None
) -> Iterator[ActorClaim]:
    """Bodies named by an abbreviation in capitals; one spelled by the initials of a body
    named in full ("United Nations Assistance Mission for Iraq" … "UNAMI") takes its name."""
    initials = {
        "".join(w[0] for w in re.findall(r"[A-Z][\w'’]*", c.name)): c.name
        for c in found
        if c.actor_type == "organization"
    }
    for defined in _DEFINED_ABBREVIATION.finditer(text):
        full = _spelled_out(text[max(0, defined.start() - 80) : defined.start()], defined[1])
        if full is None or full[1] in initials.values():
            continue
        initials[defined[1]] = full[1]
        start = defined.start() - full[0]
        if not taken.overlaps(start, defined.start()):
            taken.add(start, defined.start())
            yield ActorClaim(
                start=start,
                end=start + len(full[1]),
                text=full[1],
                rule="actor.en.defined_abbreviation",
                confidence=0.5,
                name=full[1],
                actor_type="organization",
                role_hint=role_hint(text, start, start + len(full[1]), "organization", acts),
            )
    for match in _ACRONYM.finditer(text):
        word = match[1]
        start, end = match.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if (
            word in _NOT_BODIES
            or taken.overlaps(start, end)
            or not re.search(r"\b[a-z]{3,}\b", line)  # a heading in capitals
            or (  # a dateline: "HRODNA, 14 October 2021 —"
                start == line_start
                and re.match(r"[,\s]*[—–(]|,\s+(?:[A-Z][a-z]|\d)", text[end : end + 20])
            )
            or re.match(r"\s+[A-Z]{2,}\b", text[end : end + 10])  # "BAHIR DAR"
            or re.search(r"\b[A-Z]{2,}\s+$", text[max(line_start, start - 10) : start])
        ):
            continue
        taken.add(start, end)
        yield ActorClaim(
            start=start,
            end=end,
            text=text[start:end],
            rule="actor.en.acronym",
            confidence=0.5,
            name=initials.get(word, text[start:end]),
            actor_type="organization",
            role_hint=role_hint(text, start, end, "organization", acts),
        )


# A capitalised word, its possessive ending left out ("Vorontsov's commanders").
_CAPITALISED = re.compile(r"(?<![\w'’-])([A-Z]\w*(?:-[A-Z]\w*)?)(?=['’]s\b|(?![\w'’-]))")


_LEADING_PEOPLE = re.compile(r"(?:[Tt]he\s+)?(?:([A-Z][a-z]+)\s+of\s+(?:the\s+)?)?")


_DOCUMENTS = frozenset("release statement report letter appeal transcript submission".split())


def _organisation_span(text: str, start: int, end: int) -> tuple[int, int]:
    """An organisation's name within its match: on one line, after "The" or "Officers of
    the", without a possessive "'s" ("the Council of Europe's committee")."""
    if "\n" in text[start:end]:  # a heading's name ends with its line
        end = text.index("\n", start)
    start = _name_start(text, start, end)
    if text.endswith(("'s", "’s"), start, end):
        end -= 2
    return start, end


def _name_start(text: str, start: int, end: int) -> int:
    """Where an organisation's name starts: after "The", and after "Officers of the" or
    "Release of the" (people of the body or a document of it, not part of its name)."""
    match = _LEADING_PEOPLE.match(text, start, end)
    if match is None:
        return start
    if match[1] and not (is_english_person_noun(match[1]) or match[1].lower() in _DOCUMENTS):
        return start + (4 if text.startswith(("The ", "the "), start) else 0)
    return match.end()


# A list of people: "Alena Petrovich, Ihar Sokal and Pavel Mazur". Once one of them is found
# by its surname ending, the others in the list are people too whatever their surnames.
_LIST_NEXT = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)([A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
_LIST_PREVIOUS = re.compile(r"\b([A-Z][a-z]+\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:,\s+|\s+and\s+)$")


def _coordinated_names(
    text: str, found: list[ActorClaim], taken: SpanIndex, acts: SpanIndex | None
) -> Iterator[ActorClaim]:
    people = [c for c in found if c.actor_type == "person" and " " in c.name]
    for claim in people:
        spans: list[tuple[int, int]] = []
        position = claim.end
        for _ in range(6):
            match = _LIST_NEXT.match(text, position)
            if match is None or not _may_be_person(match[1]):
                break
            spans.append(match.span(1))
            position = match.end(1)
        position = claim.start
        for _ in range(6):
            match = _LIST_PREVIOUS.search(text, max(0, position - 60), position)
            if match is None or not _may_be_person(match[1]):
                break
            spans.append(match.span(1))
            position = match.start(1)
        for start, end in spans:
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            yield ActorClaim(
                start=start,
                end=end,
                text=text[start:end],
                rule="actor.en.listed",
                confidence=0.5,
                name=text[start:end],
                actor_type="person",
                role_hint=role_hint(text, start, end, "person", acts),
            )


def _may_be_person(name: str) -> bool:
    words = name.split()
    return not (
        words[0] in _NOT_NAMES
        or words[-1] in _NOT_NAMES
        or _ORG_HEAD.fullmatch(words[-1])
        or re.fullmatch(_WHEN, words[0])
    )


def _repeated_surnames(
    text: str, found: list[ActorClaim], taken: SpanIndex, acts: SpanIndex | None
) -> Iterator[ActorClaim]:
    """A person named in full once is often named by surname alone later ("Karimov said")."""
    people = {c.name.split()[-1]: c.name for c in found if c.actor_type == "person"}
    # and by the given name in a first-hand account ("My brother Merdan Orazov… While Merdan
    # is locked up"), where the given name stands alone
    people |= {
        c.name.split()[0]: c.name
        for c in found
        if c.actor_type == "person" and len(c.name.split()) > 1 and c.name.split()[0] not in people
    }
    given_names = {
        c.name.split()[0] for c in found if c.actor_type == "person" and len(c.name.split()) > 1
    }
    people = {
        word: name
        for word, name in people.items()
        if len(word) > 2 and word not in _NOT_NAMES and not word.endswith(".")
    }
    if not people:
        return
    for match in _CAPITALISED.finditer(text):
        if match[1] not in people:
            continue
        start, end = match.span(1)
        if taken.overlaps(start, end):
            continue
        # the whole name again ("Abdurehim Tursun (China)" under a heading): one mention
        rest = people[match[1]].split(maxsplit=1)[1:] if match[1] in given_names else []
        if (
            rest
            and text.startswith(" " + rest[0], end)
            and not taken.overlaps(end, end + 1 + len(rest[0]))
        ):
            end += 1 + len(rest[0])
        taken.add(start, end)
        yield ActorClaim(
            start=start,
            end=end,
            text=text[start:end],
            rule="actor.en.surname_again",
            confidence=0.55,
            name=people[match[1]],
            actor_type="person",
            role_hint=role_hint(text, start, end, "person", acts),
        )


_ACTOR_TYPES = {"PER": "person", "ORG": "organization"}
# Abbreviations the tagger reads as organisations but that name kinds of things: the media,
# kinds of detention facility, legal codes.
_RU_NOT_ORGS = frozenset("СМИ ИВС СИЗО ШИЗО ПКТ ИК ЛИУ СПЕЦПРИЕМНИК ПВР УК УПК КОАП ГК ОВД".split())
# «движение «Чистый берег»», «инициативы «Право на улице»»: a word for a body, then its name in
# quotation marks, names an organisation even where the tagger misses it.
_RU_ORG_QUOTED = re.compile(
    r"(?<![\w-])(?:движени|организаци|групп|центр|инициатив|фонд|объединени|сет[иь]|коалици|"
    r"проект|издани|газет|телеканал|радио|агентств|парти|союз|ассоциаци|комитет)\w*"
    r"\s+(«[^«»]{2,60}»)",
    re.IGNORECASE,
)


# Unions of states the tagger reads as places: «Евросоюз», «ООН».
_RU_UNIONS = re.compile(
    r"(?:Евросоюз\w*|Европейск\w+\s+союз\w*|ЕС|ООН|ОБСЕ|НАТО|ЕСПЧ|Совет\w*\s+Европы)",
)
# A document word the tagger may take for a person at the head of a release.
_RU_DOCUMENT_WORDS = frozenset(
    "пресс-релиз заявление сообщение доклад обращение информация справка".split()
)
# «Министерства по поощрению добродетели и предотвращению порока»: a body named by its remit,
# lower-case words after «по» up to the verb or the punctuation that ends the name.
_RU_BODY_BY_REMIT = re.compile(
    r"(?<![\w-])(?:Министерств|Комитет|Служб|Управлени|Агентств|Департамент|Комисси|Миссия|"
    r"Мисси)\w*(?:\s+ООН)?\s+по\s+[а-яё]+(?:\s+(?:и\s+)?[а-яёА-ЯЁ][а-яё-]*){0,5}"
)
# «Миссия ООН… (МООНСА)»: an abbreviation defined in brackets names the body wherever it recurs.
_RU_ABBREVIATION_DEFINED = re.compile(r"\((?P<abbr>[А-ЯЁ]{3,8})\)")


_RU_ANAPHORS = frozenset(
    "миссия группа организация министерство комитет служба управление центр фонд сеть "
    "движение инициатива союз ассоциация коалиция проект".split()
)


def _remit_bodies(text: str, taken: SpanIndex) -> list[Entity]:
    bodies: list[Entity] = []
    for match in _RU_BODY_BY_REMIT.finditer(text):
        words = match[0].split()
        # the name ends before a finite verb («…порока задержали»)
        for index, word in enumerate(words[3:], start=3):
            if is_finite_verb(word):
                words = words[:index]
                break
        name = " ".join(words)
        end = match.start() + len(name)
        if not taken.overlaps(match.start(), end):
            head, _, rest = name.partition(" ")
            bodies.append(
                Entity(match.start(), end, "ORG", name, lemma(head).capitalize() + " " + rest)
            )
    return bodies


def _defined_abbreviations(text: str, taken: SpanIndex) -> list[Entity]:
    found: list[Entity] = []
    for abbreviation in {m["abbr"] for m in _RU_ABBREVIATION_DEFINED.finditer(text)}:
        if abbreviation in _RU_NOT_ORGS:
            continue
        for match in re.finditer(rf"(?<![\w-]){abbreviation}(?![\w-])", text):
            if not taken.overlaps(match.start(), match.end()):
                found.append(Entity(match.start(), match.end(), "ORG", abbreviation, abbreviation))
    return found


# A body's name alone on the first line over a line saying what the document is
# («Комратская правозащитная инициатива\nЗаявление для прессы, 2 апреля»): it issues it.
_RU_ORG_HEADING_LINE = re.compile(
    r"^\s*(?P<name>[А-ЯЁ][а-яё-]+(?:[ \t]+[а-яёА-ЯЁ«»\"-][\w«»\"-]*){1,5})[ \t]*\n\s*"
    r"(?:Пресс-релиз|Заявление|Сообщение\s+для\s+прессы|Обращение|Открытое\s+письмо)\b"
)


def russian_actors(
    text: str, entities: Sequence[Entity], acts: SpanIndex | None = None
) -> Iterator[ActorClaim]:
    claims = list(_russian_actors(text, entities, acts))
    claims += _short_mentions(text, claims, acts)
    yield from carry_victim(carry_official(author_as_source(text, claims)))


def _russian_actors(
    text: str, entities: Sequence[Entity], acts: SpanIndex | None = None
) -> Iterator[ActorClaim]:
    entities = [
        Entity(e.start, e.end, "ORG", e.text, e.normal)
        if e.type == "LOC" and _RU_UNIONS.fullmatch(e.text)
        else e
        for e in entities
        # a lone initial («гражданин Б.») and a document word are not names, nor a body's
        # head word alone («по данным Миссии»: the body named before)
        if not (
            e.type == "PER"
            and (re.fullmatch(r"[А-ЯЁ]\.", e.text) or e.text.lower() in _RU_DOCUMENT_WORDS)
        )
        and not (e.type == "ORG" and e.normal.lower() in _RU_ANAPHORS)
    ]
    entities = _whole_bodies(text, entities)
    named = SpanIndex((e.start, e.end) for e in entities if e.type in ("PER", "ORG"))
    # a body the tagger cut inside its name («Миссии» + «ООН по содействию…») gives way
    extra = _remit_bodies(text, SpanIndex())
    extra_spans = SpanIndex((e.start, e.end) for e in extra)
    entities = [e for e in entities if not extra_spans.overlaps(e.start, e.end)] + extra
    named = SpanIndex((e.start, e.end) for e in entities if e.type in ("PER", "ORG"))
    entities = sorted(entities + _defined_abbreviations(text, named), key=lambda e: e.start)
    tagged = SpanIndex((e.start, e.end) for e in entities if e.type in ("PER", "ORG"))
    heading = _RU_ORG_HEADING_LINE.match(text[:300])
    if heading and not tagged.overlaps(*heading.span("name")) and "«" not in heading["name"]:
        yield ActorClaim(
            start=heading.start("name"),
            end=heading.end("name"),
            text=heading["name"],
            rule="actor.ru.org_heading",
            confidence=0.6,
            name=heading["name"],
            actor_type="organization",
            role_hint="source",
        )
    for match in _RU_ORG_QUOTED.finditer(text):
        start, end = match.span(1)
        if not tagged.overlaps(start, end):
            yield ActorClaim(
                start=start,
                end=end,
                text=match[1],
                rule="actor.ru.quoted_org",
                confidence=0.6,
                name=match[1].strip("«»"),
                actor_type="organization",
                role_hint=role_hint(text, start, end, "organization", acts),
            )
    for entity in entities:
        if entity.type not in ("PER", "ORG") or entity.text.upper() in _RU_NOT_ORGS:
            continue
        yield ActorClaim(
            start=entity.start,
            end=entity.end,
            text=entity.text,
            rule=f"actor.ru.natasha.{entity.type.lower()}",
            confidence=0.8,
            name=entity.normal,
            actor_type=_ACTOR_TYPES[entity.type],
            role_hint=role_hint(
                text,
                entity.start,
                entity.end,
                _ACTOR_TYPES[entity.type],
                acts,
                oblique=_oblique(entity),
            ),
        )


# A state body named with its region, which the tagger reads as a place alone:
# «прокуратуру Кабардино-Балкарии», «Прокуратура Дагестана», «Верховный суд Чечни».
_RU_BODY_OF_PLACE = re.compile(
    r"(?<![\w-])(?:(?:[Гг]енеральн|[Сс]ледственн|[Вв]ерховн|[Рр]айонн|[Гг]ородск|"
    r"[Рр]еспубликанск)\w*\s+)?"
    r"(?:[Пп]рокуратур\w*|[Мм]инистерств\w*(?:\s+внутренних\s+дел)?|"
    r"[Сс]уд(?:а|у|ом|е)?|МВД|УМВД|ГУ\s+МВД|УФСБ|ГУВД)"
    r"\s+[А-ЯЁ][\w-]*(?:и|ы|а|я|ой|ого|ей)(?:\s+(?:[Рр]еспублик\w*|област\w*|кра[яю]|района))?"
    r"(?![\w-])"
)
# «Управление Росгвардии по Ставропольскому краю», «МВД по Республике Татарстан»: the region
# a body serves is part of its name.
_RU_BODY_REGION = re.compile(
    r"(?:\s+(?:России|РФ))?\s+по\s+(?:[А-ЯЁ][\w-]*\s+(?:кра[юя]|област\w+|[Рр]еспублик\w+|округу)|"
    r"[Рр]еспублик\w+\s+[А-ЯЁ][\w-]+|[А-ЯЁ][\w-]+)(?![\w-])"
)


# The part of a body's name it is later called by: its name in quotation marks
# («Правозащитная платформа «Степной маяк»» → «Степной маяк»), or the words before a dash
# ("Families for Truth – Yemen" → "Families for Truth"); and the name as first found.
_SHORT_NAME = re.compile(r"«([^«»]{3,60})»|^([A-Z][\w'’-]*(?:\s+[\w'’-]+){1,5})\s+[–—]\s")
_NAME_START = re.compile(r"(?<![\w'’-])[A-ZА-ЯЁ][\w'’-]*")


def _short_mentions(
    text: str, claims: list[ActorClaim], acts: SpanIndex | None
) -> list[ActorClaim]:
    """Later mentions of a body by the name (or the short form of the name) it was first
    found with, where the rules or the tagger missed them: each mention is an actor."""
    shorts: dict[str, dict[str, str]] = {}  # first word → short form → the body's name
    for claim in claims:
        if claim.actor_type != "organization":
            continue
        match = _SHORT_NAME.search(claim.text)
        for short in (match and (match[1] or match[2]), claim.text.strip("«»")):
            if short and len(short) > 3 and short[0].isupper():
                shorts.setdefault(short.split()[0], {}).setdefault(short, claim.name)
    if not shorts:
        return []
    taken = SpanIndex((c.start, c.end) for c in claims)
    found: list[ActorClaim] = []
    for word in _NAME_START.finditer(text):
        for short, name in shorts.get(word[0], {}).items():
            start, end = word.start(), word.start() + len(short)
            if (
                not text.startswith(short, start)
                or re.match(r"[\w'’-]", text[end : end + 1])
                or taken.overlaps(start, end)
            ):
                continue
            taken.add(start, end)
            found.append(
                ActorClaim(
                    start=start,
                    end=end,
                    text=short,
                    rule="actor.short_name",
                    confidence=0.55,
                    name=name,
                    actor_type="organization",
                    role_hint=role_hint(text, start, end, "organization", acts),
                )
            )
            break
    return found


def author_as_source(text: str, claims: list[ActorClaim]) -> list[ActorClaim]:
    """The named author of a first-hand account (a post headed or signed by a name, «Я,
    Ирина Кудряшова, …», "only his first name, Wilmer") is its source where a mention says
    nothing else of them."""
    if not any(c.actor_type == "person" and c.role_hint is None for c in claims):
        return claims
    author = account_author(text)
    if not author:
        return claims
    key = {w[:5].lower() for w in re.findall(r"\w{3,}", author)}
    return [
        replace(claim, role_hint="source")
        if claim.actor_type == "person"
        and claim.role_hint is None
        and {w[:5].lower() for w in re.findall(r"\w{3,}", claim.name)} & key
        else claim
        for claim in claims
    ]


def carry_official(claims: list[ActorClaim]) -> list[ActorClaim]:
    """An office holder named with the office («мэра Джермука Арама Погосяна») speaks as an
    official later too («— сказал Погосян»): the convention gives office holders speaking the
    role official, not source."""
    officials: list[set[str]] = []
    result: list[ActorClaim] = []
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.actor_type == "person":
            words = {w[:5].lower() for w in re.findall(r"\w{3,}", claim.name)}
            if claim.role_hint == "official":
                officials.append(words)
            elif claim.role_hint == "source" and words and any(words <= o for o in officials):
                claim = replace(claim, role_hint="official")  # noqa: PLW2901
        result.append(claim)
    return result


def carry_victim(claims: list[ActorClaim]) -> list[ActorClaim]:
    """A person the text has shown as a victim stays one in a later mention that says
    nothing else of them («…учителя Олега Литвиненко, 47 лет» … «семье Литвиненко»)."""
    victims: list[set[str]] = []
    result: list[ActorClaim] = []
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.actor_type == "person":
            words = {w[:5].lower() for w in re.findall(r"\w{3,}", claim.name)}
            if claim.role_hint == "victim":
                victims.append(words)
            # the same person (all its words in one victim's name), not a relative who
            # shares the surname ("Karla Urbina" after "Félix Urbina Mairena")
            elif claim.role_hint is None and words and any(words <= v for v in victims):
                claim = replace(claim, role_hint="victim")  # noqa: PLW2901
        result.append(claim)
    return result


def _whole_bodies(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Organisations and people as whole names: the tagger's pieces of one body or name joined
    («Управление» + «Росгвардии», «Астамур» + «Барциц»), a body's region kept with it, and
    state bodies named with a region added."""
    joined: list[Entity] = []
    for entity in sorted(entities, key=lambda e: e.start):
        last = joined[-1] if joined else None
        if (
            last is not None
            and entity.type == last.type
            and (
                entity.type == "ORG"
                # a given name and a surname the tagger cut apart: «Астамур» + «Барциц»
                # (one word each, in the same case: not «адвокат Исмаилова Руслан Магомедов»)
                or (
                    entity.type == "PER"
                    and " " not in last.text + entity.text
                    and _oblique(last) == _oblique(entity)
                )
            )
            and not text[last.end : entity.start].strip()
            and "\n" not in text[last.end : entity.start]
        ):
            joined[-1] = Entity(
                last.start,
                entity.end,
                entity.type,
                text[last.start : entity.end],
                last.normal
                + text[last.end : entity.start]
                + (entity.normal if entity.type == "PER" else entity.text),
            )
            continue
        joined.append(entity)
    result: list[Entity] = []
    for piece in joined:
        if piece.type == "ORG" and piece.text.count("«") > piece.text.count("»"):
            closing = text.find("»", piece.end, piece.end + 3)
            if closing >= 0:  # «Восточный кордон» cut before its closing mark
                piece = Entity(  # noqa: PLW2901
                    piece.start,
                    closing + 1,
                    "ORG",
                    text[piece.start : closing + 1],
                    piece.normal + text[piece.end : closing + 1],
                )
        region = _RU_BODY_REGION.match(text, piece.end) if piece.type == "ORG" else None
        if region is not None:
            piece = Entity(  # noqa: PLW2901 - the piece with its region replaces it
                piece.start,
                region.end(),
                "ORG",
                text[piece.start : region.end()],
                piece.normal + region[0],
            )
        result.append(piece)
    taken = SpanIndex((e.start, e.end) for e in result if e.type in ("PER", "ORG"))
    for match in _RU_BODY_OF_PLACE.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        head, _, rest = match[0].partition(" ")
        normal = (head if head.isupper() else lemma(head).capitalize()) + " " + rest
        result.append(Entity(match.start(), match.end(), "ORG", match[0], normal))
    return sorted(result, key=lambda e: e.start)


def _oblique(entity: Entity) -> bool:
    """Whether natasha had to change the name to reach its nominative («Ислама Юсупова»)."""
    return _folded(entity.text) != _folded(entity.normal)


def _folded(name: str) -> str:
    return name.lower().replace("ё", "е")
