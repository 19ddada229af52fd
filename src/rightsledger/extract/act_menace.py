"""Threats read from what someone was told: menacing speech, by its shape rather than its words.

A threat is rarely called one. Witnesses repeat what they were told — "the community can bury
you", «вам же хуже будет», "leave Basra or leave this world" — and a reader knows it for a
threat by its shape, whatever the words: speech (a quotation, or words reported after "told
him that", «сказали, что») that

1. is aimed at someone: "you" / «тебя», «вам»…, an order given to them (an imperative), or, in
   reported speech, the person spoken of ("told her that her son would…");
2. looks ahead: a future, a condition or an ultimatum (will, if, or else, otherwise; a Russian
   future tense, «если», «иначе», «а то», «или»);
3. names a harm: death, burial, injury, prison, disappearance, "trouble", "worse", regret…

Speech that only fears or plans ("we fear they will kill him", "we will appeal") lacks one of
the three or is said with fear, and is left alone; so is an official's account of what the law
risks ("he could face ten years in prison"), which is said, not threatened, and names no person
addressed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rightsledger.extract import anchors
from rightsledger.extract.morph import analyzer, lemmas

# Speech ends with its sentence, or where a quotation closes and its speaker is named
# ("…or nobody harvests," said one grower, who feared reprisals).
_SPEECH_END = re.compile(r"[.!?…\n]|[”\"»],?\s*(?:said|says|told|—|–)", re.IGNORECASE)
# The words inside quotation marks (straight quotes pair up in order).
_QUOTED = re.compile(r"“([^”\n]{8,400})”|\"([^\"\n]{8,400})\"|«([^»\n]{8,400})»|„([^“\n]{8,400})“")

# Words reported after a verb of saying: "told him that…", «сказали, что…». Hostile framings
# (warned, shouted, promised) carry speech about a third person too; neutral ones (said,
# wrote) only when the speech is aimed at the one it is said to.
_EN_SAYING = (
    *(
        "warned warning threatened threatening shouted shouting yelled yelling screamed "
        "screaming promised promising told telling said saying wrote writing texted messaged "
        "whispered repeated hinted"
    ).split(),
    "kept saying",
    "made clear",
    "made it clear",
)
_EN_SAYING_BARE = "told telling warned warning said saying".split()
_EN_ORDERING = "warned warning told telling ordered ordering urged urging".split()
_EN_FRAME = re.compile(
    rf"\b(?P<verb>{'|'.join(_EN_SAYING)})\b(?P<object>(?: by)?(?: \w+){{0,4}}?)(?: that\b|:|,)",
    re.IGNORECASE,
)
# Speech reported with no "that": "told me they would…", "said I should…"
_EN_BARE_FRAME = re.compile(
    rf"\b(?P<verb>{'|'.join(_EN_SAYING_BARE)})(?P<object> (?:me|him|her|them|us|you|"
    r"the \w+))?(?= (?:I|he|she|they|we|you|it|my|his|her|their|our|your|anyone|the \w+) )",
    re.IGNORECASE,
)
# An order given with what follows disobeying it: "warning them to sell their land 'or lose
# everything'", "told my mother to stop making noise if she wants…"
_EN_ORDER_FRAME = re.compile(
    rf"\b(?P<verb>{'|'.join(_EN_ORDERING)})(?P<object>(?: \w+){{1,3}}?) to\b",
    re.IGNORECASE,
)
_EN_HOSTILE = frozenset(
    "warned warning threatened threatening shouted shouting yelled yelling screamed screaming "
    "promised promising whispered ordered ordering urged urging".split()
)
# Russian verbs of saying by stem (every gender and number: «сказал», «сказали»).
_RU_SAYING = (
    *(
        "предупредил пригрозил угрожал грозил кричал крикнул орал пообещал обещал сказал "
        "говорил заявил писал написал шептал прошептал повторял повторил твердил намекал намекнул"
    ).split(),
    "давал понять",
    "дал понять",
)
_RU_FRAME = re.compile(
    rf"(?<![\w-])(?P<verb>(?:{'|'.join(_RU_SAYING)})\w*)"
    r"(?P<object>(?: [\w-]+){0,3}?)(?:,? что|:)\s",
    re.IGNORECASE,
)
_RU_HOSTILE_STEMS = (
    "предупред",
    "пригроз",
    "угрож",
    "гроз",
    "крич",
    "крикн",
    "орал",
    "пообещ",
    "обещ",
    "шепт",
    "прошепт",
)

# Speech said with fear, or about one's own plans, is no threat.
_FEARED = re.compile(
    r"\b(?:afraid|fear\w*|worried|worry|scared|concerned|hope|pray)\b|(?<![\w-])(?:бо[ияю]\w*|"
    r"опаса\w*|страшн\w*|страх\w*|беспоко\w*|тревож\w*|надеем\w*|надеюсь)",
    re.IGNORECASE,
)

# 1. Aimed at someone.
_EN_YOU = re.compile(r"\b(?:you|your|yours|yourself|yourselves|ya)\b", re.IGNORECASE)
_EN_THIRD = re.compile(
    r"\b(?:he|she|they|him|her|them|his|their|I|me|my|we|us|our)\b"
    r"|\b(?:the|your|his|her|their) (?:family|families|"
    r"children|son|daughter|husband|wife|brother|sister|father|mother|parents|relatives)\b",
    re.IGNORECASE,
)
_EN_ORDER = re.compile(
    r"^\W*(?:leave|stop|get out|go|keep|forget|don't|do not|never|shut|drop|withdraw|take|sign|"
    r"pay|give|delete|remove|stay)\b",
    re.IGNORECASE,
)
_RU_YOU = frozenset(
    "ты тебя тебе тобой вы вас вам вами твой твоя твоё твое твои твоего твоей твоих твоим "
    "ваш ваша ваше ваши вашего вашей ваших вашим".split()
)
# The person spoken of in reported speech, the speaker too: «сказал, что мне подбросят…»
_RU_THIRD = frozenset(
    "он она они его её ее их ему ей им него неё нее них нему ней ним я меня мне мной мы нас нам "
    "нами мой моя мою моего моей мои моих наш наша нашу нашего нашей наши наших".split()
)

# A condition set on the one addressed ("if he goes to the square again…", «если не
# заплатишь…»): with a harm named, speech of this shape threatens whoever reports it.
_EN_CONDITION = re.compile(r"\b(?:if|unless|or|otherwise)\b", re.IGNORECASE)
_RU_CONDITION = re.compile(r"(?<![\w-])(?:если|иначе|а то|не то)(?![\w-])", re.IGNORECASE)
# An ultimatum leaves two courses: "either everybody pays or nobody harvests", «либо платите,
# либо уезжайте».
_ULTIMATUM = re.compile(
    r"\beither\b[^.]{1,60}?\bor\b|(?<![\w-])либо\b[^.]{1,60}?\bлибо\b|(?<![\w-])или\b[^.]{1,40}?,"
    r" или\b",
    re.IGNORECASE,
)
# Speech that sets terms on the person speaking out: "before I talk to anyone", «если
# кому-нибудь расскажешь» — silencing, whatever harm is left unsaid.
_EN_SPEAKING_OUT = re.compile(
    r"\b(?:before|if|unless)\b[^.]{0,30}?\b(?:talks?|talking|speaks?|tells?|complains?|reports?|"
    r"goes|go|went|posts?|writes?)\b (?:to|about|anyone|anything|again|to the (?:police|"
    r"prosecutor|press|media|court))",
    re.IGNORECASE,
)
_RU_SPEAKING_OUT = re.compile(
    r"(?<![\w-])(?:если|прежде чем|перед тем как)[^.]{0,30}?(?:"
    r"(?:расскаж|пожалу|напиш|пиш|писать|заявит|заявишь|заявят)\w*"
    r"|(?:обрат|обращ|пойд|сходи|пожалу)\w* (?:в|к) (?:полици|прокурат|журналист|"
    r"правозащитник|сми|газет|следовател|суд)\w*)",
    re.IGNORECASE,
)

# Whoever does something: a threat when hostile men say it ("told by the same men that
# anyone who returned would end up like…"), a rule when an official states it.
_EN_ANYONE = re.compile(r"\b(?:anyone|anybody|whoever|everyone|those who)\b", re.IGNORECASE)
# Doctors and lawyers foretell harm without threatening it ("the doctor told us he would die
# without surgery"): speech framed by them is left alone.
_ADVISERS = re.compile(
    r"\b(?:doctors?|physicians?|surgeons?|nurses?|medics?|paramedics?|lawyers?|attorneys?|"
    r"counsel|advocates?)\b|(?<![\w-])(?:врач\w*|доктор\w*|медик\w*|медсестр\w*|адвокат\w*|"
    r"юрист\w*|защитник\w*)",
    re.IGNORECASE,
)

# 2. Looking ahead.
_EN_AHEAD = re.compile(
    r"\b(?:will|won't|would|wouldn't|could|can|going to|gonna|if|unless|otherwise|or else|"
    r"next time|or)\b|'ll\b|'d\b",
    re.IGNORECASE,
)
_RU_AHEAD = re.compile(
    r"(?<![\w-])(?:если|иначе|а то|не то|или|будет|будешь|будете|будут|станет)(?![\w-])",
    re.IGNORECASE,
)

# 3. A harm promised.
_EN_HARM = re.compile(
    r"\b(?:kill\w*|die|dead|death|bury|buried|graves?|hurt|harm|suffer|regret\w*|pay for (?:it|"
    r"this|that|everything)|pay dearly|worse|trouble|problems|consequences|disappear\w*|vanish|"
    r"never (?:see|be seen|come back|return|be found|walk|work)|find (?:you|him|her|them)|"
    r"know where (?:you|he|she|they)|prison|jail|locked? (?:you |him |her |them )?up|"
    r"behind bars|end up|finish (?:you|him|her|them|off)|break (?:your|his|her|their)|rape\w*|"
    r"burn|shoot|shot|leave this world|the same (?:fate|way|thing)|last warning|be next|"
    r"come (?:for|after)|deal with|lose (?:your|his|her|their) (?:job|children|house|home|"
    r"life|lives|head)|cripple\w*|sorry|do the same (?:to|with)|lose (?:my|our|your|his|her|"
    r"their) \w+|(?:open|bring|file|fabricate|plant) (?:a |an )?(?:\w+ )?(?:criminal )?(?:case|"
    r"charges?|drugs|evidence|weapons?)|end up like|remember the \w+|recruit\w*|lose "
    r"everything|lose it all|go the same way)\b",
    re.IGNORECASE,
)
# Lemmas of Russian words naming a harm to come; a verb among them counts in the future
# tense («посадят», «закопаем»), other words anywhere in the speech.
_RU_HARM_VERBS = frozenset(
    "убить закопать посадить пожалеть пропасть исчезнуть сгнить покалечить искалечить сломать "
    "сжечь забрать найти ответить уволить выселить отчислить арестовать задержать изнасиловать "
    "похитить пострадать расстрелять закрыть сесть прикончить пристрелить зарезать утопить "
    "опустить наказать упечь заплатить поплатиться лишиться подбросить завести возбудить "
    "отправить потерять".split()
)
_RU_HARM_WORDS = frozenset(
    "хуже проблема неприятность последствие конец беда смерть могила тюрьма зона пожалеть "
    "цел целый живой".split()
)
# «отправят туда, откуда не возвращаются»: a harm said by its place
_RU_HARM_PHRASE = re.compile(
    r"откуда не возвращаются|где (?:тебя|вас|его|её|ее|их) никто не найд\w*|мало не покажется|"
    r"(?:придётся|придется|будете|будешь|будет) (?:\w+ )?отвечать|отвечать (?:\w+ )?(?:придётся|"
    r"придется|будет)|вслед за (?:мужем|сыном|братом|отцом|ним|ней)",
    re.IGNORECASE,
)
# An account of legal risk, not a threat: "could face up to ten years", «грозит до 10 лет».
_LEGAL_RISK = re.compile(
    r"\bfaces?\b|\bfacing\b|\bup to \w+ years\b|\bsentence\w*\b|\bpunishable\b|(?<![\w-])"
    r"(?:грозит|грозят|наказывается|лишени\w* свободы|срок\w* до)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w'-]+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# The first words of the frames above: only at these are the frames tried.
_FRAME_WORDS = frozenset(verb.split()[0] for verb in (*_EN_SAYING, *_EN_SAYING_BARE, *_EN_ORDERING))
_FRAME_STEMS = tuple(verb.split()[0] for verb in _RU_SAYING)


def _could_frame(word: str) -> bool:
    return word in _FRAME_WORDS or word.startswith(_FRAME_STEMS)


def find_menacing_speech(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, "threats_intimidation") for each piece of speech that reads as a threat."""
    seen: set[int] = set()
    for start, end, framed_by in _speech(text):
        if start in seen:
            continue
        if _is_menace(text[start:end], framed_by):
            seen.add(start)
            yield start, end, "threats_intimidation"


def _speech(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, framing verb or None) of quoted and reported speech in ``text``."""
    for match in _QUOTED.finditer(text):
        group = next(i for i in range(1, 5) if match.group(i) is not None)
        yield match.start(group), match.end(group), None
    for frame in (_EN_FRAME, _EN_BARE_FRAME, _EN_ORDER_FRAME, _RU_FRAME):
        # tried only at words a verb of saying can start with: linear and fast on long texts
        for match in anchors.anchored(frame, text, _could_frame):
            end_mark = _SPEECH_END.search(text, match.end())
            end = end_mark.start() if end_mark else len(text)
            # who speaks (just before the verb) and to or by whom ("told by doctors that")
            said_by = text[max(0, match.start() - 40) : match.end()]
            said_by = said_by[max(said_by.rfind(mark) for mark in '.!?\n«“"') + 1 :]
            if end - match.end() >= 6 and not _ADVISERS.search(said_by):
                verb = match["verb"].lower()
                addressed = match["object"] or ""
                yield match.end(), min(end, match.end() + 300), verb + "|" + addressed


def _is_menace(speech: str, framed_by: str | None) -> bool:
    if _FEARED.search(speech) or (framed_by and _FEARED.search(framed_by)):
        return False
    if framed_by is not None and (
        _EN_SPEAKING_OUT.search(speech)
        or _RU_SPEAKING_OUT.search(speech)
        or _ULTIMATUM.search(speech)
    ):
        return True
    if _CYRILLIC.search(speech):
        return _is_russian_menace(speech, framed_by)
    return _is_english_menace(speech, framed_by)


def _is_english_menace(speech: str, framed_by: str | None) -> bool:
    harm = _EN_HARM.search(speech)
    if harm is None or not _EN_AHEAD.search(speech):
        return False
    if _EN_YOU.search(speech) or _EN_ORDER.match(speech):
        return True
    if framed_by is None or _LEGAL_RISK.search(speech):
        return False
    verb, _, addressed = framed_by.partition("|")
    # "warned that his son would…", "told her that she would…": the one told is spoken of,
    # and the harm is what will come ("would suffer"), not what came ("had died")
    hostile = verb in _EN_HOSTILE or (verb in ("told", "telling") and addressed.strip() != "")
    target = _EN_THIRD.search(speech) is not None or (hostile and _EN_ANYONE.search(speech))
    hostile = hostile or _EN_CONDITION.search(speech) is not None
    ahead = _EN_AHEAD.search(speech, 0, harm.start())
    return hostile and ahead is not None and bool(target)


def _is_russian_menace(speech: str, framed_by: str | None) -> bool:
    words = [w.lower() for w in _WORD.findall(speech)]
    harm = any(_russian_harm(word) for word in words) or _RU_HARM_PHRASE.search(speech)
    if not harm:
        return False
    ahead = _RU_AHEAD.search(speech) is not None or any(_future(word) for word in words)
    if not ahead:
        return False
    if any(word in _RU_YOU for word in words) or _russian_order(words):
        return True
    if framed_by is None or _LEGAL_RISK.search(speech):
        return False
    verb = framed_by.partition("|")[0]
    hostile = verb.startswith(_RU_HOSTILE_STEMS) or _RU_CONDITION.search(speech) is not None
    # «кричали, что посадят»: a hostile framing needs no pronoun; a neutral one needs the
    # person spoken of («сказали, что его посадят») or a harm done by an unnamed "they"
    # («сказали, что в следующий раз заберут»), the way Russian speaks of those in power
    return (
        hostile
        or any(word in _RU_THIRD for word in words)
        or any(_russian_harm(word) and _they_will(word) for word in words)
    )


@lru_cache(maxsize=50_000)
def _they_will(word: str) -> bool:
    """A verb in the future, third person plural («заберут», «посадят»)."""
    parses = analyzer().parse(word)
    return bool(parses) and {"futr", "3per", "plur"} <= set(parses[0].tag.grammemes)


@lru_cache(maxsize=50_000)
def _russian_harm(word: str) -> bool:
    found = lemmas(word)
    if not found:
        return False
    if found[0] in _RU_HARM_WORDS:
        return True
    return found[0] in _RU_HARM_VERBS and _future(word)


@lru_cache(maxsize=50_000)
def _future(word: str) -> bool:
    parses = analyzer().parse(word)
    return bool(parses) and "futr" in parses[0].tag


def _russian_order(words: list[str]) -> bool:
    """Whether the speech gives an order or speaks to someone by the verb alone: «уезжай»,
    «молчи» at its head, or a verb in the second person anywhere («придёшь», «пожалеешь»)."""
    for index, word in enumerate(words):
        parses = analyzer().parse(word)
        if not parses:
            continue
        tag = parses[0].tag
        if ("impr" in tag and index < 2) or ("VERB" in tag and "2per" in tag):
            return True
    return False
