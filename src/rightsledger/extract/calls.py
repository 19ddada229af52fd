"""Calls for action: who demands what (an investigation, a release, a prosecution…) of whom.

The trigger is a verb or noun of demanding (call on, urge, demand, appeal; призвать,
потребовать, призыв, требование); the demand is read from the words that follow it, the
addressee from the object of the verb, the author from the words before it in the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from rightsledger.extract.claims import CallClaim
from rightsledger.extract.morph import analyzer
from rightsledger.extract.quotes import account_author
from rightsledger.extract.roles import STATE_BODY
from rightsledger.extract.subjects import PRONOUNS, appositive_name, sentence_subject

# "The Service calls…", "the Ministry urges…": a body named before by its full name. These
# name only a body with the same word ("State Security Service of Georgia").
_GENERIC_STATE_AUTHORS = frozenset(
    "service ministry office commissioner ombudsman department inspection directorate "
    "prosecutor's служба министерство управление прокуратура ведомство".split()
)
# A call signed by "the group" / «Движение» names the organisation mentioned before it.
_GENERIC_AUTHORS = frozenset(
    "group network centre center organisation organization initiative movement coalition "
    "campaign committee foundation association union project mission "
    "группа сеть центр организация инициатива движение коалиция кампания комитет фонд "
    "ассоциация союз проект миссия".split()
)

_DEMANDS = (
    (
        "investigation",
        r"investigat\w*|inquiry|probe|look into|review\w*|examine|criminal case|reopen\w*|"
        # "find out who killed him" asks who did it, not where someone is
        r"find\s+out\s+who|выяснить,?\s+кто|установить,?\s+кто|"
        r"identify|установить виновных|возобнов\w*|preserv\w*|questioning|"
        r"расследова\w*|провер\w*|уголовн\w* дел\w*|возбуд\w*|экспертиз\w*|разобрат\w*|"
        r"разобраться",
    ),
    ("release", r"release\w*|free\b|freeing|освобо\w*|отпустить"),
    (
        "prosecution",
        r"prosecut\w*|(?:bring|brought|bringing)\s+(?:\w+\s+){0,2}?to justice|"
        r"(?:hold|held|holding)\s+(?:\w+\s+){0,2}?accountable|accountability|punish\w*|"
        r"наказа\w*|привлеч\w* к ответственности|"
        r"ответственност\w*|преследовани\w* виновных",
    ),
    (
        "cessation",
        r"stop\w*|end\b|ending|halt\w*|cease\w*|refrain\w*|desist|not to \w+|"
        r"прекрат\w*|прекращени\w*|останов\w*|воздерж\w*|не [а-яё]+(?:ть|ти)(?:ся)?\b",
    ),
    (
        "protection",
        r"protect\w*|safety|safe\s+(?:passage|corridor|exit)|humanitarian\s+corridors?|"
        r"защит\w*|безопасност\w*|безопасн\w+\s+(?:проход\w*|коридор\w*|выход\w*)|"
        r"гуманитарн\w+\s+коридор\w*",
    ),
    ("reparation", r"compensat\w*|reparation\w*|компенсац\w*|возмещени\w*"),
    ("sanctions", r"sanction\w*|санкци\w*"),
    (
        "access",
        r"access|monitor\w*|observers?|visit\w*|доступ\w*|допус\w*|наблюдател\w*|посещ\w*|посети\w*|"
        r"свидани\w*",
    ),
    (
        "information",
        r"disclose|publish(?:es)?\b|make\s+public|опубликова\w*|обнародова\w*|whereabouts|fate|find\b|locate|tell\s+\w+\s+where|информаци\w*|"
        r"местонахождени\w*|сообщ\w*,?\s+(?:[\w-]+,?\s+){0,4}?где|узнать|"
        # "ask the authorities about my brother", "tell the family where he is held"
        r"ask\w*\s+(?:[\w'’-]+\s+){0,3}?about|inquire\w*|"
        r"tell\s+(?:[\w'’-]+\s+){0,5}?where|"
        r"судьб\w*|найти|разыскать|"
        # "contact us", «сообщать нам о них», «написать мне»: asked to pass on what they know
        r"contact\s+(?:us|me)|get\s+in\s+touch|сообща\w*\s+(?:нам|мне|об?\s+(?:н[её]м|них|этом|таких\s+\w+)|"
        r"(?:[\w-]+\s+){0,3}?по\s+телефону)|"
        r"(?:написать|писать|сообщить)\s+(?:нам|мне)|связаться\s+с\s+(?:нами|мной)|"
        r"сказать,?\s+(?:где|кто)",
    ),
)
_TRIGGER = re.compile(
    r"(?<![\w-])(?:call(?:ed|s|ing)?\s+(?:on|upon|for)|urg(?:e|ed|es|ing)|demand(?:ed|s|ing)?|"
    r"appeal(?:ed|s)?\s+to|insist(?:ed|s)?\s+on|"
    r"(?:ask(?:ed|s|ing)?|request(?:ed|s)?|want(?:s|ed)?|wish(?:es|ed)?)"
    r"(?=\s+[\w'’-]+(?:\s+[\w'’-]+){0,11}\s+to\s)|"
    r"insist(?:ed|s)?\s+that|"
    r"призвал\w*|призыва\w*|призыв\w*|потребовал\w*|требу\w*|требовани\w*|обратил\w*\s+к|"
    r"прошу|просим|просит|просят|просил\w*|попросил\w*|"
    r"(?:хочу|хотим|хотят|хочет|хотела?|хотели|добива\w*|настаива\w*),?\s+чтобы)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(
    r"^\s+(?P<who>(?:the\s+)?[\w'’ -]{2,60}?)\s+(?:to|for|с требованием|с просьбой)\b",
    re.IGNORECASE,
)
_ADDRESSEE_TO = re.compile(r"^\s+(?P<who>(?:the\s+)?[\w'’ -]{2,80}?)\s+to\b", re.IGNORECASE)
_RU_WORDS = re.compile(r"[А-Яа-яЁё][\w-]*|«[^»]{1,40}»")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)[.!?]\s")
# A sentence ends after its mark and any closing quotation mark: 'warned: "…hole." We call…'
_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)[.!?][\"”»’)]*\s")
# "…and demands…", «…и требует…»: a second call joined to the first is a call of its own.
_NEXT_CALL = re.compile(
    r",?\s+(?:and|и)\s+(?=(?:also\s+|также\s+)?(?:call(?:s|ed)?\s+(?:on|upon|for)|"
    r"urg(?:e|es|ed)|demand(?:s|ed)?|appeal(?:s|ed)?|ask(?:s|ed)?|призвал\w*|призыва\w*|"
    r"потребовал\w*|требу\w+|прос(?:ит|ят|ил\w*)|попросил\w*)(?![\w-]))",
    re.IGNORECASE,
)
_JOINED = re.compile(r"(?:^|\s)(?:and|и|а также)\s*$", re.IGNORECASE)
_IT = re.compile(r"(?:^|\s)(?:It|it)\s+(?:(?:also|again|further|now|therefore|likewise)\s+)?$")
_LEADING_NAME = re.compile(
    r"^(?:The\s+)?(?P<who>[A-ZА-ЯЁ][\w'’-]*(?:\s+(?:of|de|del|for|the|and|[A-ZА-ЯЁ][\w'’-]*))*)"
)
_AUTHOR = re.compile(
    r"(?P<who>(?:[A-ZА-ЯЁ«\"][\w'’«»\"-]*)(?:\s+(?:[A-ZА-ЯЁ«\"of][\w'’«»\"-]*))*)"
    r"(?:,[^,]{1,80},)?\s+(?:has\s+|have\s+|also\s+)?$"
)


def _addressee(trigger: str, tail: str) -> str | None:
    """Whom a call addresses: the object of "call on / urge", none after "call for"."""
    if re.search(r"чтобы$", trigger, re.IGNORECASE) or re.match(r",?\s*чтобы\b", tail):
        return _agent_after_so_that(re.sub(r"^,?\s*чтобы", "", tail))
    if re.search(r"(?:for|that)$", trigger, re.IGNORECASE) or re.match(r"\s*that\b", tail):
        return None
    if re.match(r"[А-Яа-яЁё]", trigger):
        return _russian_addressee(tail)
    match = _ADDRESSEE.match(tail)
    if match is None:
        return None
    who = match["who"].strip()
    if match[0].endswith("for") and re.match(r"\s+[A-Z]", tail[match.end() :]):
        # "the Office of the High Commissioner for Human Rights to…": "for" is in the name
        longer = _ADDRESSEE_TO.match(tail)
        who = longer["who"].strip() if longer else who
    # "want them to find out…": a pronoun names nobody; "demanded an investigation into…":
    # the words after the verb are the demand itself.
    if who.lower() in (*PRONOUNS, "them", "him", "her", "us", "me") or re.match(
        r"(?:an?\s+|the\s+)?(?:\w+\s+)?(?:investigation|inquiry|probe|release)", who
    ):
        return None
    return who


# "identify and prosecute those responsible", «нашли и наказали»: finding the culprits is
# the way to the demand that follows it.
_THEN_PUNISH = re.compile(
    r"^\s+(?:and|и)\s+(?:then\s+|затем\s+)?(?:prosecut|punish|наказа|привлеч|bring\s+\w+\s+to)",
    re.IGNORECASE,
)


def _demand(window: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for name, pattern in _DEMANDS:
        match = re.search(rf"(?<![\w-])(?:{pattern})", window, re.IGNORECASE)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match.end(), name)
    if best is None:
        return None
    if best[2] in ("investigation", "information") and _THEN_PUNISH.match(window[best[1] :]):
        return "prosecution"
    return best[2]


def _russian_addressee(tail: str) -> str | None:
    """The words after a Russian call verb up to the verb of the demand («призвала власти
    Беларуси немедленно освободить» → «власти Беларуси»): they name whom it addresses."""
    words: list[str] = []
    relative = _RELATIVE_RU.search(tail)
    tail = tail[: relative.start()] if relative else tail
    # «просим граждан, располагающих сведениями, сообщать»: a clause set off by a comma
    # describes the addressee, it is not part of the name
    tail = tail.split(",", 1)[0]
    for match in _RU_WORDS.finditer(tail):
        word = match[0]
        if not words and word.lower() in ("к", "от", "у"):
            continue
        if not word.startswith("«"):
            parse = analyzer().parse(word.lower())[0]
            if parse.pos in ("VERB", "ADV", "SCONJ", "CCONJ", "PART") and (
                parse.pos != "VERB" or parse.feats.get("VerbForm") == "Inf"
            ):
                break
            if parse.pos == "VERB":
                return None
        words.append(word)
        if len(words) > 8:
            return None
    return " ".join(words) or None


# «призывает МАГАТЭ, чьи эксперты…»: the addressee ends where a relative clause begins.
_RELATIVE_RU = re.compile(r",\s*(?:чь[еияй]\w*|котор\w+|где)\b", re.IGNORECASE)


def _agent_after_so_that(clause: str) -> str | None:
    """«требую, чтобы Главная военная прокуратура провела проверку»: a name in the
    nominative before an active verb in the past is whom the demand addresses; a passive
    («чтобы гибель была расследована») or an object first («тех, кто…») addresses nobody."""
    words: list[str] = []
    for match in _RU_WORDS.finditer(clause[:120]):
        word = match[0]
        if word.startswith("«"):
            words.append(word)
            continue
        parse = analyzer().parse(word.lower())[0]
        if parse.pos == "VERB":
            active = parse.feats.get("Tense") == "Past" and str(parse.normal) not in (
                "быть",
                "стать",
            )
            return " ".join(words) if words and active else None
        if parse.pos in ("NOUN", "ADJ", "PROPN") and parse.feats.get("Case") == "Nom":
            words.append(word)
        else:
            return None
        if len(words) > 5:
            return None
    return None


_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|now|still|also|again|repeatedly|publicly|today|"
    r"yesterday|then|также|вновь|уже|ранее|сегодня))+\s*$",
    re.IGNORECASE,
)
_TRAILING_RELATIVE = re.compile(
    r",\s*(?:(?:в|на|с|у|из|in|of|with)\s+)?(?:котор\w+|чь\w+|where|who|whose|which)\b"
    r"[^,]{1,80},\s*$",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"(?:^|[,;:—–]\s|\s[—–]\s)(?=[^,;:—–]*$)")


def _author(head: str, organisations: Sequence[tuple[int, str]], position: int) -> str | None:
    """Who makes a call: the subject before the verb, "the group" resolved to its name."""
    # «Движение «Байкальская линия», в котором состоит Цыденов, требует»: a relative clause
    # on the subject is not the subject
    head = _TRAILING_RELATIVE.sub(" ", head)
    subject = _AUXILIARIES.sub("", head).strip()
    clause_start = _CLAUSE_START.search(subject)
    clause = subject[clause_start.end() if clause_start else 0 :].strip()
    words = clause.split()
    # A long clause, or verbs joined by "and": the subject of the sentence makes the call.
    long_clause = len(words) > 7 or clause.endswith(" and")
    subject_words = sentence_subject(subject) if long_clause else None
    by: str | None
    if subject_words is not None:
        by = subject_words
    elif re.fullmatch(r"«[^«»]{2,60}»", clause):
        by = clause.strip("«»")  # «Далонь» призывает…: a body named in guillemets
    elif 0 < len(words) <= 7 and not clause.startswith(("«", '"', "“")):
        by = clause
    else:
        author_match = _AUTHOR.search(head)
        by = author_match["who"].strip() if author_match else None
    if by is not None and by.lower() in ("we", "мы"):
        # "We call on…" in a release: the body that issued it, named before the call
        named = [name for start, name in organisations[:1] if start < position]
        return named[0] if named else None
    if by is None or by.lower().strip('«»"') in PRONOUNS or not any(c.isalpha() for c in by):
        return None  # a pronoun, or only a dash opening a line of testimony
    generic = by.split()[-1].lower().strip('«»"')
    if generic in _GENERIC_STATE_AUTHORS and len(by.split()) <= 2:
        before = bisect.bisect_left(organisations, (position, ""))
        earlier = [name for _, name in organisations[max(0, before - 20) : before]]
        same = [name for name in earlier if generic[:5] in name.lower()]
        return same[-1] if same else by
    if generic in _GENERIC_AUTHORS and len(by.split()) <= 2:
        # The organisations named shortly before (a bounded look back keeps it linear).
        before = bisect.bisect_left(organisations, (position, ""))
        earlier = [name for _, name in organisations[max(0, before - 20) : before]]
        # Prefer the organisation named with the same word («правозащитная группа …»), then
        # the last one that is not a state body: "the group" is seldom the police.
        same_word = [name for name in earlier if generic[:4] in name.lower()]
        civil = [name for name in earlier if not STATE_BODY.search(name)]
        if same_word or civil:
            return (same_word or civil)[-1]
    return by


# Who "we" are, where a text says so: "We, the undersigned organisations, are alarmed…"
_WE_ARE = re.compile(r"\b(?:We|we|Мы|мы),\s+((?:the\s+)?[^,.;\n]{3,60}),")
# A noun call names whom it addresses before it: «обращение к губернатору с требованием»,
# "a letter to the governor demanding".
_ADDRESSEE_BEFORE = re.compile(
    r"(?:\bк|\bв|\bto)\s+((?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+(?:с|with)?\s*$"
)
_NOUN_TRIGGER = re.compile(r"требовани|призыв(?!а)|просьб", re.IGNORECASE)
# "refused to comply with the demands", «выполнять законные требования администрации»:
# demands someone obeys or refuses are not calls the document reports.
_OBEYED = re.compile(
    r"(?:comply\s+with|complied\s+with|obey\w*|follow\w*|meet|met|refus\w+|ignor\w+|"
    r"выполн\w*|исполн\w*|соблюд\w*|подчин\w*|наруш\w*|в соответствии с|faced\s+with|"
    r"столкну\w*\s+с)"
    r"\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_LEADING_CONJUNCTION = re.compile(r"^(?:And|But|So|А|И|Но)\s+(?=\S)")


_SAID_AFTER = re.compile(
    r",\s+(?:said|says|added|stated|[—–-]\s*(?:заявил\w*|сказал\w*|отметил\w*|добавил\w*))\s+"
    r"(?:[a-zа-яё-]+\s+){0,2}?(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){0,2})"
)
# «прошу», «призываем»: a call verb in the first person names its author by itself.
_SPEAKING_VERB = re.compile(r"прошу|просим|призываю|призываем|требую|требуем", re.IGNORECASE)
_WE_OR_I = re.compile(r"(?:^|\s)(?:[Мм]ы|[Яя])(?:\s+\S+)?\s*$")
_THE = re.compile(r"^[Tt]he\s+(?=[A-Z])")


def _person_of_verb(verb: str, head: str) -> str:
    """«Предпринимателей, …, просим…»: a verb in the first person says who asks, not the
    object put before it; the head becomes the pronoun the verb implies."""
    if _SPEAKING_VERB.fullmatch(verb) and not _WE_OR_I.search(head):
        return "мы " if verb.lower().endswith("м") else "я "
    return head


_FIRST_PLURAL = re.compile(r"(?:^|\s)(?:[Ww]e|[Мм]ы)\s+\S*$")
_WE_BEFORE = re.compile(r"(?:^|\s)(?:[Ww]e|[Мм]ы)(?:\s+(?:also|again|too|также|тоже|вновь))?\s*$")


_FIRST_PERSON = re.compile(
    r"(?:(?:^|\s)(?:I|я|Я)\s+\S*$|\b(?:[Пп]рошу|[Тт]ребую|[Пп]ризываю|[Уу]моляю|[Оо]бращаюсь)\b)"
)


def _quoting(
    quotes: Sequence[tuple[int, int, str | None]], starts: list[int], position: int
) -> str | None:
    """The speaker of the quotation ``position`` lies in, if any (quotes in text order)."""
    index = bisect.bisect_left(starts, position) - 1
    if index >= 0 and quotes[index][0] < position < quotes[index][1]:
        return quotes[index][2]
    return None


def _subject_of_sentence(
    text: str, position: int, organisations: Sequence[tuple[int, str]]
) -> str | None:
    """Who is the subject of the sentence a coordinated call verb stands in ("Her lawyer,
    Nilufar Karimova, said… and asked…"): a named appositive first, else the subject."""
    window = text[max(0, position - 400) : position]
    sentence = _SENTENCE_BREAK.split(window)[-1].lstrip()
    named = appositive_name(sentence)
    if named is not None:
        return named
    subject = sentence_subject(sentence)
    return _author(subject + " ", organisations, position) if subject else None


def _subject_of_previous_sentence(
    text: str, sentence_start: int, organisations: Sequence[tuple[int, str]]
) -> str | None:
    """Whom "It calls on…" refers to: the subject of the sentence before ("The Ministry
    stresses…. It calls on…" → the ministry named earlier)."""
    window = text[max(0, sentence_start - 400) : sentence_start].rstrip()
    sentences = _SENTENCE_BREAK.split(window)
    previous = sentences[-2] if len(sentences) > 1 and not sentences[-1].strip() else None
    previous = previous if previous is not None else sentences[-1]
    previous = previous.lstrip()
    subject = sentence_subject(previous)
    if subject is None:
        leading = _LEADING_NAME.match(previous)
        subject = leading["who"] if leading else None
    if subject is None or subject.lower() in PRONOUNS:
        return None
    return _author(subject + " ", organisations, sentence_start)


def _demand_window(tail: str, addressee: str | None) -> str:
    """The words a demand is read from: after whom the call addresses ("urge the
    prosecutor's office to review" asks for a review, not a prosecution) and after a
    relative clause on the addressee («ОБСЕ, чьи наблюдатели…, добиваться»)."""
    if not addressee:
        return tail
    after = tail.find(addressee) + len(addressee)
    relative = _RELATIVE_RU.match(tail[after:])
    if relative:
        closing = tail.find(",", after + relative.end())
        after = closing if closing > 0 else after
    return tail[after:]


def _we_author(previous: tuple[int, str | None] | None, position: int, author: str) -> str | None:
    """Who "we" are in "We also ask…": the author of a call just before ("X urges… . We also
    ask…"), else the person who signs a first-hand post (they and their family ask)."""
    if previous is not None and previous[1] and previous[0] >= position - 300:
        return previous[1]
    return author or None


def find_calls(
    text: str,
    organisations: Sequence[tuple[int, str]] = (),
    quotes: Sequence[tuple[int, int, str | None]] = (),
) -> Iterator[CallClaim]:
    """Calls for action. ``organisations`` ((start, name) in text order) resolve "the group";
    ``quotes`` ((start, end, speaker)) make the speaker the author of a call inside a quote."""
    quote_starts = [start for start, _, _ in quotes]
    author: str | None = None
    we_are: list[tuple[int, str]] | None = None
    previous: tuple[int, str | None] | None = None  # the last call's end and author
    for match in _TRIGGER.finditer(text):
        tail = text[match.end() : match.end() + 200]
        stop = _SENTENCE_END.search(tail)
        tail = tail[: stop.start() + 1] if stop else tail
        joined = _NEXT_CALL.search(tail)
        tail = tail[: joined.start()] if joined else tail
        addressee = _addressee(match[0], tail)
        demand = _demand(_demand_window(tail, addressee))
        head = text[max(0, match.start() - 150) : match.start()]
        head = _SENTENCE_BREAK.split(head)[-1]
        if demand is None or (
            re.match(r"требовани|demands?\b", match[0], re.I) and _OBEYED.search(head[-40:])
        ):
            continue
        head = _LEADING_CONJUNCTION.sub("", head.lstrip())
        head = _person_of_verb(match[0], head)
        by = _author(head, organisations, match.start())
        if _WE_BEFORE.search(head[-16:]):
            author = author if author is not None else (account_author(text) or "")
            by = _we_author(previous, match.start(), author) or by
        if _JOINED.search(head) and previous is not None and previous[0] >= match.start() - 150:
            # «…призывает X… и требует…»: the second verb has the first one's author
            joined_to = text[previous[0] : match.start()]
            if not _SENTENCE_BREAK.search(joined_to):
                by = previous[1]
        # "…, said that… and asked": the clause before "and" is a verb's, not a subject
        if _JOINED.search(head) and (by is None or not by[:1].isupper()):
            by = _subject_of_sentence(text, match.start(), organisations)
        if (by is None or by.split()[0].lower() == "it") and _IT.search(head):
            by = _subject_of_previous_sentence(text, match.start() - len(head), organisations)
        # "We urge…, said X of Human Rights Watch": a speaker named after the call makes it.
        said_after = _SAID_AFTER.search(tail)
        if said_after and (by is None or _FIRST_PLURAL.search(head[-12:])):
            by = said_after["name"]
        by = _quoting(quotes, quote_starts, match.start()) or by
        by = _THE.sub("", by) if by else by  # "The Coordinadora…" names it too
        if by is None and re.search(r"(?:^|\s)(?:[Ww]e|[Мм]ы)\s+\S*$", head[-12:]):
            if we_are is None:  # found once: a search from the start per call is quadratic
                we_are = [(m.start(), m[1]) for m in _WE_ARE.finditer(text)]
            index = bisect.bisect_left(we_are, (match.start(), "")) - 1
            by = we_are[index][1] if index >= 0 else None
        if addressee is None and _NOUN_TRIGGER.match(match[0]):
            before_noun = _ADDRESSEE_BEFORE.search(head[-60:])
            addressee = before_noun[1] if before_noun else None
        if by is None and (
            _FIRST_PERSON.search(head[-12:] + " " + match[0].split()[0])
            or _WE_BEFORE.search(head[-16:])
        ):
            # "I ask…", «прошу…» in someone's own account: that person asks.
            author = author if author is not None else (account_author(text) or "")
            by = author or None
        end = match.end() + len(tail.rstrip(" .,"))
        previous = (end, by)
        yield CallClaim(
            start=match.start(),
            end=end,
            text=text[match.start() : end],
            rule="call.trigger",
            confidence=0.7 if by else 0.6,
            demand=demand,
            by=by,
            addressee=addressee,
        )
