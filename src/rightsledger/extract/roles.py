"""A hint at the part a named actor plays in its sentence: official, source, victim, perpetrator.

Only a hint for the reviewer, read from the mention's sentence by rules that hold across
phrasings: the clause the name stands in, the voice of the act verb and the cue words beside
the name.

- The agent of an act is its perpetrator: "by X" right after an act ("beaten by X",
  "ordered by Colonel X"), or a name that is the subject of an active act verb ("Captain X beat
  them"; in Russian a name in the nominative with a singular active act verb in its clause:
  «избивал начальник отдела X»), even when the person holds an office.
- A title or office beside a person ("Deputy Prosecutor X", «начальник пресс-службы X», "a
  spokesman for the Kremlin, X,") makes an official.
- The person someone else is tied to ("lawyers for X", "X's mother", «мать X» with the name in
  the genitive) is the one the story is about: a victim, not the speaker.
- A speech or reporting word beside the name ("said", "according to", «по словам»,
  «рассказал») makes a source; a speech verb before the name does not when the name is the
  subject of a clause of its own ("relatives said X was beaten": X is the victim) or, in
  Russian, when the name is not in the nominative.
- An age beside a name ("61-year-old X", "X, 29,", «41-летнего X») marks, in these reports, the
  one something was done to; so does an act in the sentence, or being charged, prosecuted,
  sentenced or recognised as a political prisoner.
- A state body (ministry, prosecutor, police, «МВД», «ФСБ») is an official unless its officers
  act ("officers of X threatened", "X officers beat") or it is the agent of an act ("detained
  by X"); another body is a perpetrator as agent too ("shelled by X"), a source when it
  reports, is quoted or its document heads the text, a victim when it is raided, banned or
  searched, and nothing when it is only called upon or mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rightsledger.extract.lexicon import SPEECH_VERBS_EN, SPEECH_VERBS_RU
from rightsledger.extract.role_agents import (
    NOT_AGENT_BY,
    act_just_before,
    agent_of_act,
    english_subject_of_act,
    russian_subject_of_act,
)
from rightsledger.extract.role_cues import (
    ORGANISATION_LABELS,
    ORGANISATION_PARTS,
    ORGANISATION_PERSECUTED,
    RELATIONS_EN,
    RELATIONS_RU,
    REPORTING_VERBS,
)
from rightsledger.extract.spans import SpanIndex

_SENTENCE_BREAK = re.compile(r"[.!?…]\s|\n")
_TITLE_BEFORE = re.compile(
    r"(?:president|prime minister|minister|governor|mayor|prosecutor|spokes\w+|press secretary|"
    r"ombudsman|commissioner|head of [\w' ]{2,40}|chief|official|judge|deputy|director|"
    r"chairman|chairwoman|commander|глав\w+|министр\w*|замминистр\w*|губернатор\w*|мэр\w*|прокурор\w*|"
    r"пресс-секретар\w*|омбудсмен\w*|уполномоченн\w*|президент\w*|руководител\w*|"
    r"начальник\w* [\w-]+(?: [\w-]+)?|чиновник\w*|спикер\w*|судь[яиейю]|заместител\w*|"
    # an office named with its remit: «Уполномоченный по правам человека в Чечне»
    r"уполномоченн\w* по правам (?:человека|ребенка|ребёнка)(?: в [\w-]+(?: [\w-]+)?)?|"
    r"(?:commissioner|ombudsman) for (?:human|children's) rights(?: in [\w-]+)?)"
    # whose office it is: in Russian the genitive or an abbreviation («заместитель прокурора
    # республики», «пресс-секретарь МВД»), in English "for / of the Kremlin,"
    r"(?:(?:\s+(?-i:[А-ЯЁA-Z]{2,6}\b)|\s+[а-яё-]+(?:и|ия|ы|а|я|ого|его|ой|ей|ов|ев|их|ых)"
    r"|\s+дел){0,3}"
    r"|\s+(?:for|of|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+,)"
    r"[\s,]+$",
    re.IGNORECASE,
)
# An office after the name ("X, the head of…", "X, a ministry spokesman"), not a relative clause
# ("X, who heads the branch, was detained": what the clause's own verb says decides), or the
# office the name owns ("Kadyrov's government has denied…").
_TITLE_AFTER = re.compile(
    r"^(?:,?\s+(?:the\s+|a\s+|an\s+)?(?!who\b|which\b|кото)(?:\w+\s+)?(?:spokes\w+|minister|"
    r"governor|prosecutor|official|head|chief|director|ombudsman|пресс-секретар\w*|глав\w+|"
    r"министр\w*|прокурор\w*)\b"
    r"|['’]s\s+(?:[\w-]+\s+)?(?:government|administration|ministry|office|press\s+service|"
    r"spokes\w+|cabinet)\b)",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"(?:\d+-year-old|\d+-летн\w+|aged \d+)(?:\s+[\w-]+){0,2}\s+$", re.IGNORECASE
)
_AGE_AFTER = re.compile(
    r"^(?:,\s*(?:aged\s+)?\d{1,2}\b|\s*\(\s*\d{1,2}\b|,\s*\d{1,2}\s*\)"
    # an appositive that gives the age: "X, a 45-year-old farmer,"
    r"|,\s+an?\s+\d{1,2}-year-old\b)"
)
_SPEECH = (
    rf"{SPEECH_VERBS_EN}|{SPEECH_VERBS_RU}|told|tells|reported|recounted|testified|"
    r"according to|сообщает|сообщают|по словам|по данным|по информации|со слов|показани\w*|"
    r"пишет|"
    # the nouns of a first-hand account: "statement given by X", «расшифровка беседы с X»
    r"statement|testimony|interview|transcript|account given|беседы|беседа|интервью|"
    r"расшифровк\w*|заявлени\w*"
)
# A speech verb right before the name, with at most two words between («— рассказала
# 67-летняя Сусанна Аракелян», "said lawyer X"): the speaker, whatever else is said of them.
_SPEECH_RIGHT_BEFORE = re.compile(
    rf"(?:{SPEECH_VERBS_EN}|{SPEECH_VERBS_RU}|told|speaker:)\s+(?:[\w-]+\s+){{0,2}}$",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(rf"(?:{_SPEECH})\b[^.!?«»\"“”]{{0,60}}$", re.IGNORECASE)
# Cues before a name in another case than the nominative that still make it the speaker.
_BY_WORDS_OF = re.compile(
    r"(?:по словам|по данным|по информации|со слов|беседы с|интервью с|показани\w+)\s+"
    r"(?:[\w-]+,?\s+){0,3}$",
    re.IGNORECASE,
)
# After the name only a verb makes it the speaker: "according to" or «по словам» there
# introduces someone else ("X, who, according to relatives, was beaten").
_SPEECH_AFTER = re.compile(
    rf"^(?:,[^,.!?]{{1,60}},|,)?\s*(?!according|по словам|по данным|по информации)(?:{_SPEECH})\b",
    re.IGNORECASE,
)
# An English name followed by a verb of its own is the subject of a clause: after "said" it
# is what was said about the person, not the person speaking ("relatives said X was beaten").
_CLAUSE_SUBJECT_EN = re.compile(
    r"^(?:\s*,[^,.;]{1,60},)?\s+(?:(?:also|later|then|had|has|was|were|is|are|had been|has been|"
    r"would|could|did|remains|remained|went)\b|[a-z]+ed\b)"
)
_RELATION_BEFORE_EN = re.compile(
    rf"\b(?:{RELATIONS_EN})\s+(?:of|for)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE
)
_RELATION_AFTER_EN = re.compile(rf"^['’]s?\s+(?:[\w-]+\s+)?(?:{RELATIONS_EN})\b", re.IGNORECASE)
_RELATION_BEFORE_RU = re.compile(
    rf"(?:^|[\s«(])(?:{RELATIONS_RU})\s+(?:[а-яё-]+\s+)?$", re.IGNORECASE
)
# What is at stake for someone: "the fate of X", "the release of X", «судьба X».
_AT_STAKE_EN = re.compile(
    r"\b(?:fate|whereabouts|release|freedom|disappearance|arrest|detention|abduction|"
    r"kidnapping|killing|murder|death|torture|trial|prosecution|case)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?$"
    # what the state brings against someone: "the sentence against X", "charges against X"
    r"|\b(?:case|charges?|sentence|verdict|accusations?|proceedings|indictment)\s+against\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_AT_STAKE_RU = re.compile(
    r"(?:^|\s)(?:судьб\w+|местонахождени\w+|освобождени\w+|исчезновени\w+|арест\w*|"
    r"задержани\w+|похищени\w+|убийств\w+|гибел\w+|смерт\w+|пытк\w+|преследовани\w+)"
    r"\s+(?:[а-яё-]+\s+)?$"
    r"|(?:^|\s)(?:дел[оау]|обвинени\w+|приговор\w*)\s+(?:[а-яё-]+\s+)?против\s+(?:[а-яё-]+\s+)?$",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"(?:\bby\s+(?:the\s+)?(?:\w+\s+)?$|^['’]s\s+(?:men|officers|guards|forces))", re.IGNORECASE
)
# "ordered by Colonel X": the agent of an act named just before, whatever their title.

_PERSECUTED = re.compile(
    r"\b(?:charged|indicted|prosecuted|convicted|sentenced|fined|summoned|interrogated|"
    r"searched|face[sd]? up to|accused of|political prisoners?|prisoners? of conscience|"
    r"обвин\w+|осужд\w+|осудил\w*|приговор\w*|оштрафова\w+|возбудил\w* (?:уголовное )?дело|"
    r"вызвал\w* на допрос|обыск\w*|политзаключ\w+|узник\w* совести|"
    # held: "in pre-trial custody", «под стражей», «в СИЗО»
    r"custody|detention cent(?:re|er)|под страж\w+|сизо|изолятор\w*)\b",
    re.IGNORECASE,
)
# Those who carry out the state's force, and a verdict against them: "police officer X was
# sentenced", «оперуполномоченный X приговорён».
_ENFORCER_BEFORE = re.compile(
    r"\b(?:police\s+officer|officer|policeman|policewoman|guard|warder|investigator|"
    r"interrogator|soldier|оперуполномоченн\w*|полицейск\w*|следовател\w*|"
    r"сотрудник\w*\s+(?:полиции|ОВД|МВД|ФСБ|колонии)|надзирател\w*|конвоир\w*|"
    r"участков\w*|военнослужащ\w*)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_CONVICTED = re.compile(
    r"\b(?:sentenced|convicted|found\s+guilty|приговор\w*|осужд\w*|осуждён|"
    r"признан\w*\s+виновн\w*)",
    re.IGNORECASE,
)
_PROPERTY = (
    r"car|vehicle|house|home|flat|apartment|office|shop|business|cafe|автомобил\w*|машин\w*|"
    r"дом\w*|квартир\w*|офис\w*|магазин\w*|кафе|редакци\w*"
)
_PROPERTY_OF = re.compile(
    rf"\b(?:{_PROPERTY})\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE
)
_PROPERTY_AFTER = re.compile(rf"^['’]s?\s+(?:[\w-]+\s+)?(?:{_PROPERTY})\b", re.IGNORECASE)
_DESTROYED = re.compile(
    r"\b(?:burn\w*|burnt|set\s+(?:on\s+fire|alight|ablaze)|torched|smashed|vandali[sz]ed|"
    r"destroyed|demolished|bulldozed|сгорел\w*|сожгли|сожжен\w*|сожжён\w*|поджог\w*|"
    r"подожгли|подожж\w*|разбили|разгромил\w*|снесли|уничтожил\w*)",
    re.IGNORECASE,
)
_WITNESS = re.compile(r"\b(?:witness|narrator|свидетел\w*|рассказчи\w*)\b", re.IGNORECASE)
_ACCOUNT_DOCUMENT = re.compile(
    r"\b(?:testimony|interview|account|показани\w*|рассказ|интервью|свидетельств\w*)\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    rf"\b(?:{_SPEECH}|documented|calls?|called|urged?|urges|demanded|demands|appealed|"
    r"collected|published|report|press release|пресс-релиз\w*|призыва\w*|призвал\w*|"
    r"потребовал\w*|требу\w*|документ\w*|"
    r"доклад\w*|приводит\w*|приводят\w*|приводится|"
    r"опубликовал\w*|зафиксировал\w*)\b",
    re.IGNORECASE,
)
# A body is the source when a reporting word stands right before it ("according to X",
# "testimony collected by X", «по данным X», «в докладе X»)…
_REPORTED_BY = re.compile(
    r"(?:according to|collected by|documented by|published by|compiled by|gathered by|"
    r"reported by|issued by|released by|report(?:s)? (?:of|by|from)|statement (?:of|by|from)|"
    r"data (?:of|from)|figures (?:of|from)|told|said|reported|"
    r"по данным|по информации|по словам|по подсчетам|по подсчётам|со ссылкой на|"
    r"доклад\w*|отчет\w*|отчёт\w*|заявлени\w*|данны\w+|сообщил\w*|сообщает|сообщают|"
    r"заявил\w*|рассказал\w*|пишет)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}[«\"“]?$",
    re.IGNORECASE,
)
# …or when it is the subject of a reporting verb ("X said", "X, the rights group, has
# documented", "X's report", «X сообщает»).
_REPORTS_AFTER = re.compile(
    r"^[»\"”]?(?:['’]s?\s+(?:[\w-]+\s+){0,2}?(?:report|statement|release|figures|data|count|"
    r"researchers?|monitors?|lawyers?|experts?|committee|delegation|mission|team|rapporteurs?)\b"
    r"|(?:\s*,[^,.;]{1,80},)?\s*"
    r"(?:(?:has|have|had|also|again|is|was|on\s+\w+|in\s+a\s+\w+|today|yesterday|"
    r"уже|также|ранее|вновь)\s+)*"
    rf"(?:{REPORTING_VERBS})\b)",
    re.IGNORECASE,
)
_CALL_VERB = re.compile(
    r"\b(?:call(?:s|ed)? on|urg\w+|demand\w*|appeal\w* to|asked|asks|призыва\w*|призвал\w*|"
    r"потребовал\w*|требу\w*|прос\w+|обратил\w*)\b",
    re.IGNORECASE,
)
STATE_BODY = re.compile(
    r"ministry|prosecut|procura|investigative committee|security service|national security|"
    r"\bpolice\b|\bcourt\b|government|administration|parliament|\bduma\b|kremlin|inspect|"
    r"\bfsb\b|\bmvd\b|national guard|rosgvard|border guard|army|военн|anti-terror|"
    r"\bfederal\b|penitentiary|ombudsman|омбудсмен|уполномоченн|"
    r"\bkgb\b|\bsbu\b|\bgknb\b|\bкгб\b|\bсбу\b|\bгкнб\b|\bск\b|"
    r"министерств|мвд|фсб|прокуратур|следственн|полици|\bсуд(?:а|у|е|ом|ы|ов|ам|ами|ах)?\b|"
    r"правительств|администраци|инспекци|\bовд\b(?!-)|умвд|гувд|антитеррористическ|"
    r"росгвард|уфсин|фсин|госдум|кремл|омон|public defender|центр\w* «э»|"
    # a national human-rights commission; security services named by abbreviation (МГБ,
    # СГБ, ГУБОПиК, MGB)
    r"attorney general|commission on human rights|human rights commission|"
    r"комисси\w* по правам человека|"
    r"(?-i:\b[А-ЯЁ]{0,3}ГБ\b|\b[A-Z]{0,3}GB\b|УБОП|GUBOP)",
    re.IGNORECASE,
)
_FIGHTERS_OF = re.compile(
    r"(?:fighters|gunmen|troops|soldiers|militants|forces|units|mercenaries|боевик\w*|"
    r"наемник\w*|наёмник\w*)\s+(?:of\s+|from\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_ASSEMBLY_OF_STATES = re.compile(
    r"european parliament|parliamentary assembly|\bpace\b|европарламент|"
    r"европейск\w+ парламент\w*|парламентск\w+ ассамбле\w+|\bпасе\b",
    re.IGNORECASE,
)
_OFFICERS_OF = re.compile(
    r"(?:officers?|agents?|guards|men|employees|servicemen|staff|members|сотрудник\w*|"
    r"бойц\w*|силовик\w*|военнослужащ\w*|"
    # who showed its identity cards were its officers: «показали удостоверения МГБ»
    r"удостоверени\w*|ID\s+cards?|badges?)\s+(?:of\s+|from\s+)?(?:the\s+)?"
    r"(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "National Guard officers beat…", "Wagner Group fighters shelled…"
_OFFICERS_AFTER = re.compile(
    r"^\s+(?:officers?|agents?|troops|soldiers|servicemen|fighters|guards|gunmen|forces|"
    r"operatives|units?|personnel)\b",
    re.IGNORECASE,
)
_ORGANISATION_VICTIM = re.compile(
    rf"\b(?:{ORGANISATION_PERSECUTED})\b[^.;:]{{0,60}}$", re.IGNORECASE
)
# "the offices of X", "staff of X": what is done to them (an act in the sentence) is done to X.
_ORGANISATION_PART_OF = re.compile(
    rf"\b(?:{ORGANISATION_PARTS})\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE
)
_ORGANISATION_VICTIM_AFTER = re.compile(
    rf"^(?:\s*,[^,.;]{{1,60}},)?\s+(?:was|were|has been|have been|had been|is|are|был\w*|"
    rf"будет)?\s*(?:(?:{ORGANISATION_PERSECUTED})\b|{ORGANISATION_LABELS})",
    re.IGNORECASE,
)
# A document's own heading names its author: "Release of the … Group", «Заявление …».
_DOCUMENT_OF = re.compile(
    r"(?:^|\n)\s*(?:press\s+)?(?:release|statement|report|appeal|submission|"
    r"заявление|обращение|доклад|пресс-релиз)\s+(?:of|by|from|—|–|-|:)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# A heading that is only the body's name and a date or place: "Pamir Rights Monitor, 3 June
# 2022", "Mountain Rights Network — press release".
_HEADING_AFTER = re.compile(
    r"^\s*(?:,|—|–|-|:)\s*[^\n]{0,60}\d{4}\s*\n|^\s*(?:—|–|-)\s*[^\n]{0,40}"
    r"(?:statement|release|report|testimony|update|заявление|сообщение)"
    # the name alone on its line, a date or a document's title on the next
    r"|^[»\"”)]?[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*\n[^\n]{0,80}(?:\d{4}|press release|"
    r"пресс-релиз|update|обновлённая информация|доклад|report)",
    re.IGNORECASE,
)


_LEADING_SPACE = re.compile(r"\s*")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    window_start = max(0, start - 400)
    breaks = list(_SENTENCE_BREAK.finditer(text, window_start, start))
    first = breaks[-1].end() if breaks else window_start
    after = _SENTENCE_BREAK.search(text, end, end + 400)
    return first, after.start() + 1 if after else min(len(text), end + 400)


def role_hint(
    text: str,
    start: int,
    end: int,
    actor_type: str,
    acts: SpanIndex | None = None,
    *,
    oblique: bool | None = None,
) -> str | None:
    """A guess at the role of the actor mentioned at ``start:end`` (see the module notes).

    ``oblique`` says whether a Russian name stands in another case than the nominative (None
    when unknown, as for English)."""
    first, last = _sentence(text, start, end)
    before, after = text[first:start], text[end:last]
    if actor_type == "organization":
        by = re.search(r"\bby\s+(?:the\s+)?$", before[-12:])
        acted = (
            acts is not None
            and by is not None
            and act_just_before(text, start - len(before[-12:]) + by.start(), acts)
        )
        in_act_sentence = acts is not None and acts.overlaps(first, last)
        subject_of_act = acts is not None and (
            english_subject_of_act(text, end, acts)
            if oblique is None
            else not oblique and russian_subject_of_act(text, start, end, before, after, acts)
        )
        return _organisation_role(
            text[start:end], before, after, acted, in_act_sentence, subject_of_act, text, start
        )
    russian = oblique is not None
    # A speech verb before the name does not make it the speaker when the name is the
    # subject of a clause of its own, or (in Russian) not in the nominative.
    subject_of_own_clause = (not russian and bool(_CLAUSE_SUBJECT_EN.match(after[:80]))) or (
        # «знакомый сказал, что Астамур в изоляторе»: the name opens what was said
        russian and (bool(oblique) or bool(_THAT_BEFORE_RU.search(before[-12:])))
    )

    def speech_before(window: int) -> bool:
        if russian and oblique:
            return bool(_BY_WORDS_OF.search(before[-60:]))
        pattern = _SPEECH_RIGHT_BEFORE if window == 40 else _SPEECH_BEFORE
        return not subject_of_own_clause and bool(pattern.search(before[-window:]))

    # The first test that holds decides, in this order (tried lazily: most mentions stop early).
    tests: tuple[tuple[str, Callable[[], object]], ...] = (
        # a post or letter headed by its author's name and a date
        ("source", lambda: not before.strip() and _signs_document(text, start, end)),
        (
            "perpetrator",
            lambda: agent_of_act(
                text,
                start,
                end,
                before,
                after,
                acts,
                oblique,
                office_before=bool(_TITLE_BEFORE.search(before[-90:])),
            ),
        ),
        # an officer convicted or sentenced is the one who did the act
        (
            "perpetrator",
            lambda: _ENFORCER_BEFORE.search(before[-60:]) and _CONVICTED.search(text, first, last),
        ),
        ("official", lambda: _TITLE_BEFORE.search(before[-90:]) or _TITLE_AFTER.match(after[:40])),
        ("victim", lambda: _tied_to_speaker(before, after, oblique)),
        # The speaker of a verb right beside the name, even with an age ("X, 22, said").
        ("source", lambda: speech_before(40)),
        ("source", lambda: not (russian and oblique) and _SPEECH_AFTER.match(after[:70])),
        ("victim", lambda: _AGE_BEFORE.search(before[-40:]) or _AGE_AFTER.match(after[:24])),
        ("source", lambda: speech_before(90)),
        ("perpetrator", lambda: _AGENCY.search(before[-25:]) or _AGENCY.match(after[:20])),
        ("victim", lambda: acts is not None and acts.overlaps(first, last)),
        # whose car, house or office was burned or smashed
        (
            "victim",
            lambda: (
                (_PROPERTY_OF.search(before[-60:]) or _PROPERTY_AFTER.match(after[:30]))
                and _DESTROYED.search(text, first, last)
            ),
        ),
        # prosecuted, charged or sentenced: in these reports the person it is done to
        ("victim", lambda: _PERSECUTED.search(text, first, last)),
        # the witness whose testimony the document is ("The witness… asked that only his first
        # name, Kaveh, be used")
        (
            "source",
            lambda: _WITNESS.search(text, first, start) and _ACCOUNT_DOCUMENT.search(text[:200]),
        ),
    )
    return next((role for role, holds in tests if holds()), None)


def _tied_to_speaker(before: str, after: str, oblique: bool | None) -> bool:
    """ "Lawyers for X", "X's mother", «мать X» (X in the genitive), "the fate of X": X is
    the one spoken of."""
    if oblique is None:
        return bool(
            _RELATION_BEFORE_EN.search(before[-50:])
            or _RELATION_AFTER_EN.match(after)
            or _AT_STAKE_EN.search(before[-50:])
        )
    return bool(
        oblique and (_RELATION_BEFORE_RU.search(before[-40:]) or _AT_STAKE_RU.search(before[-40:]))
    )


def _organisation_role(
    name: str,
    before: str,
    after: str,
    acted: bool,
    in_act_sentence: bool,
    subject_of_act: bool,
    text: str,
    start: int,
) -> str | None:
    # An assembly of states (the European Parliament, PACE) speaks as a monitor, not as the
    # state that acts or is asked to act.
    state = bool(STATE_BODY.search(name)) and not _ASSEMBLY_OF_STATES.search(name)
    officers = bool(
        _OFFICERS_OF.search(before[-60:]) or (in_act_sentence and _OFFICERS_AFTER.match(after[:30]))
    )
    # The first test that holds decides, in this order.
    tests: tuple[tuple[str | None, Callable[[], object]], ...] = (
        # "officers of the FSB searched…", «сотрудники ФСБ провели…»
        ("perpetrator", lambda: state and officers),
        # "detained by the police", "shelled by the Wagner Group"
        ("perpetrator", lambda: acted and not NOT_AGENT_BY.search(before[-40:])),
        # "The FSB detained three men", «КГБ Беларуси задержал журналиста»
        ("perpetrator", lambda: subject_of_act),
        ("perpetrator", lambda: _insignia_or_facility(before, after)),
        # otherwise a state body speaks, decides or is addressed ("examined by the inspection")
        ("official", lambda: state),
        # a body that is not the state acts through its fighters ("Wagner Group fighters
        # shelled…", "gunmen of X"), not through its members or staff
        ("perpetrator", lambda: in_act_sentence and _forces_of(before, after)),
        (
            "source",
            lambda: (
                _DOCUMENT_OF.search(before)
                or _heads_document(
                    before, text[start + len(name) : start + len(name) + 120], text, start
                )
            ),
        ),
        # a body that is not the state, called upon: no role of its own
        (None, lambda: _CALL_VERB.search(before[-40:])),
        ("source", lambda: _REPORTED_BY.search(before[-60:]) or _REPORTS_AFTER.match(after[:120])),
        (
            "victim",
            lambda: (
                _ORGANISATION_VICTIM.search(before[-80:])
                or _ORGANISATION_VICTIM_AFTER.match(after[:80])
                or (in_act_sentence and _ORGANISATION_PART_OF.search(before[-80:]))
            ),
        ),
        # a body that opens its sentence with a reporting word later in it ("The Network says…")
        ("source", lambda: len(before.split()) <= 4 and _REPORTING.search(after[:120])),
    )
    return next((role for role, holds in tests if holds()), None)


def _forces_of(before: str, after: str) -> bool:
    return bool(_OFFICERS_AFTER.match(after[:30]) or _FIGHTERS_OF.search(before[-60:]))


# The attackers wore the body's insignia ("men in Rapid Support Forces uniforms", «на машине с
# символикой «ЛНР»»), or the victim is held in its facility ("the Intelligence Ministry
# detention centre", «в изоляторе СГБ»): the body is the one that acts.
_INSIGNIA_AFTER = re.compile(
    r"^[»\"”]?\s+(?:uniforms?|insignia|vests?|badges?|emblems?|patches|"
    r"detention\s+(?:centre|center|facility)|prison|jail|cells?|basement)\b",
    re.IGNORECASE,
)
_INSIGNIA_BEFORE = re.compile(
    r"(?:символик\w*|форм[еуы]|шеврон\w*|нашивк\w*|эмблем\w*|изолятор\w*|подвал\w*|"
    r"uniforms?\s+of|insignia\s+of|custody\s+of)\s+(?:the\s+)?[«\"“]?$",
    re.IGNORECASE,
)


def _insignia_or_facility(before: str, after: str) -> bool:
    return bool(_INSIGNIA_AFTER.match(after[:40]) or _INSIGNIA_BEFORE.search(before[-30:]))


def _heads_document(before: str, after: str, text: str, start: int) -> bool:
    """A body named alone on the text's first line, with a date or a document word."""
    # alone on the line, or in brackets after its full name: "Mission … (UNAMA)"
    alone = not before.strip() or bool(_BRACKETED_AFTER_NAME.fullmatch(before))
    return (
        alone and _opens_document(text, start - len(before)) and bool(_HEADING_AFTER.match(after))
    )


_BRACKETED_AFTER_NAME = re.compile(r"\s*[^\n.!?()]{3,100}\(")


# "Aynabat Orazova\n2 September 2023", «Мадина Барциц · 22 августа 2023 года»
_SIGNATURE_AFTER = re.compile(r"[ \t]*(?:\n|[·•|]|[—–][ \t])[^\n]{0,40}\b(?:19|20)\d\d\b")
_THAT_BEFORE_RU = re.compile(r"(?:^|\s)(?:что|чтобы)\s+$")


def _signs_document(text: str, start: int, end: int) -> bool:
    """A person named alone on the text's first line with a date after: its author."""
    return _opens_document(text, start) and bool(_SIGNATURE_AFTER.match(text, end))


def _opens_document(text: str, start: int) -> bool:
    """Whether ``start`` lies on the first non-empty line of the text."""
    leading = _LEADING_SPACE.match(text)
    return leading is not None and start <= leading.end()
