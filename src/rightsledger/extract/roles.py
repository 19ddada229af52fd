"""A hint at the part a named actor plays in its sentence: official, source, victim, perpetrator.

Only a hint for the reviewer, read from the mention's sentence by rules that hold across
phrasings:

- a title or office beside a person ("Deputy Prosecutor X", «начальник пресс-службы X») makes
  an official; a state body (ministry, prosecutor, police, «МВД», «ФСБ») is an official
  unless its officers are said to act ("officers of X threatened", «сотрудники ФСБ провели»),
  which makes it the perpetrator;
- a person with an age beside the name ("61-year-old X", "X, 29,", «41-летнего X») is, in
  these reports, the one something was done to: a victim;
- a speech or reporting word in the same clause ("said", "according to", «по словам»,
  «рассказал») makes a source; for organisations a call or a report in the sentence does too,
  unless the organisation is the one called upon;
- otherwise a person in a sentence that names an act, or says the person was charged,
  prosecuted or sentenced, is its victim, and a word of agency ("by X", "X's men") makes a
  perpetrator; a body whose own release or statement heads the document is its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rightsledger.extract.lexicon import SPEECH_VERBS_EN, SPEECH_VERBS_RU
from rightsledger.extract.spans import SpanIndex

_SENTENCE_BREAK = re.compile(r"[.!?…]\s|\n")
_TITLE_BEFORE = re.compile(
    r"(?:president|prime minister|minister|governor|mayor|prosecutor|spokes\w+|press secretary|"
    r"ombudsman|commissioner|head of [\w' ]{2,40}|chief|official|judge|deputy|director|"
    r"chairman|chairwoman|commander|глав\w+|министр\w*|губернатор\w*|мэр\w*|прокурор\w*|"
    r"пресс-секретар\w*|омбудсмен\w*|уполномоченн\w*|президент\w*|руководител\w*|"
    r"начальник\w* [\w-]+(?: [\w-]+)?|чиновник\w*|спикер\w*|судь[яиейю]|заместител\w*|"
    # an office named with its remit: «Уполномоченный по правам человека в Чечне»
    r"уполномоченн\w* по правам (?:человека|ребенка|ребёнка)(?: в [\w-]+(?: [\w-]+)?)?|"
    r"(?:commissioner|ombudsman) for (?:human|children's) rights(?: in [\w-]+)?)"
    # a Russian office is often followed by whose it is, in the genitive: «заместитель
    # прокурора республики», «глава администрации района»
    r"(?:\s+[а-яё-]+(?:и|ия|ы|а|я|ого|его|ой|ей|ов|ев)){0,2}"
    r"[\s,]+$",
    re.IGNORECASE,
)
_TITLE_AFTER = re.compile(
    r"^,?\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:spokes\w+|minister|governor|prosecutor|"
    r"official|head|chief|director|ombudsman|пресс-секретар\w*|глав\w+|министр\w*|прокурор\w*)",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"(?:\d+-year-old|\d+-летн\w+|aged \d+)(?:\s+[\w-]+){0,2}\s+$", re.IGNORECASE
)
_AGE_AFTER = re.compile(r"^(?:,\s*(?:aged\s+)?\d{1,2}\b|\s*\(\s*\d{1,2}\b|,\s*\d{1,2}\s*\))")
_SPEECH = (
    rf"{SPEECH_VERBS_EN}|{SPEECH_VERBS_RU}|told|tells|reported|recounted|testified|"
    r"according to|сообщает|сообщают|по словам|по данным|по информации|показани\w*|пишет|"
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
# After the name only a verb makes it the speaker: "according to" or «по словам» there
# introduces someone else ("X, who, according to relatives, was beaten").
_SPEECH_AFTER = re.compile(
    rf"^(?:,[^,.!?]{{1,60}},|,)?\s*(?!according|по словам|по данным|по информации)(?:{_SPEECH})\b",
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
_CALL_VERB = re.compile(
    r"\b(?:call(?:s|ed)? on|urg\w+|demand\w*|appeal\w* to|призыва\w*|призвал\w*|"
    r"потребовал\w*|требу\w*|прос\w+|обратил\w*)\b",
    re.IGNORECASE,
)
STATE_BODY = re.compile(
    r"ministry|prosecut|procura|investigative committee|security service|national security|"
    r"\bpolice\b|\bcourt\b|government|administration|parliament|\bduma\b|kremlin|inspect|"
    r"\bfsb\b|\bmvd\b|national guard|rosgvard|border guard|army|военн|"
    r"министерств|мвд|фсб|прокуратур|следственн|полици|\bсуд(?:а|у|е|ом|ы|ов|ам|ами|ах)?\b|"
    r"правительств|администраци|инспекци|\bовд\b|умвд|гувд|"
    r"росгвард|уфсин|фсин|госдум|кремл|омон|public defender|центр\w* «э»",
    re.IGNORECASE,
)
_OFFICERS_OF = re.compile(
    r"(?:officers?|agents?|men|employees|servicemen|staff|members|сотрудник\w*|"
    r"бойц\w*|силовик\w*|военнослужащ\w*)\s+(?:of\s+|from\s+)?(?:the\s+)?"
    r"(?:[а-яё-]+\s+){0,2}$",
    re.IGNORECASE,
)
_AGENCY = re.compile(
    r"(?:\bby\s+(?:the\s+)?(?:\w+\s+)?$|^'s\s+(?:men|officers|guards|forces))", re.IGNORECASE
)


_PERSECUTED = re.compile(
    r"\b(?:charged|indicted|prosecuted|convicted|sentenced|fined|summoned|interrogated|"
    r"searched|face[sd]? up to|accused of|обвин\w+|осужд\w+|осудил\w*|приговор\w+|"
    r"оштрафова\w+|возбудил\w* (?:уголовное )?дело|вызвал\w* на допрос)\b",
    re.IGNORECASE,
)
# A document's own heading names its author: "Release of the … Group", «Заявление …».
_DOCUMENT_OF = re.compile(
    r"(?:^|\n)\s*(?:press\s+)?(?:release|statement|report|appeal|submission|"
    r"заявление|обращение|доклад|пресс-релиз)\s+(?:of|by|from)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    window_start = max(0, start - 400)
    breaks = list(_SENTENCE_BREAK.finditer(text, window_start, start))
    first = breaks[-1].end() if breaks else window_start
    after = _SENTENCE_BREAK.search(text, end, end + 400)
    return first, after.start() + 1 if after else min(len(text), end + 400)


def role_hint(
    text: str, start: int, end: int, actor_type: str, acts: SpanIndex | None = None
) -> str | None:
    """A guess at the role of the actor mentioned at ``start:end`` (see the module notes)."""
    first, last = _sentence(text, start, end)
    before, after = text[first:start], text[end:last]
    if actor_type == "organization":
        acted = acts is not None and acts.overlaps(max(first, start - 40), start)
        return _organisation_role(text[start:end], before, after, acted)
    # The first test that holds decides, in this order (tried lazily: most mentions stop early).
    tests: tuple[tuple[str, Callable[[], object]], ...] = (
        ("official", lambda: _TITLE_BEFORE.search(before[-90:]) or _TITLE_AFTER.match(after[:40])),
        # The speaker of a verb right beside the name, even with an age ("X, 22, said").
        ("source", lambda: _SPEECH_RIGHT_BEFORE.search(before[-40:])),
        ("source", lambda: _SPEECH_AFTER.match(after[:70])),
        ("victim", lambda: _AGE_BEFORE.search(before[-40:]) or _AGE_AFTER.match(after[:12])),
        ("source", lambda: _SPEECH_BEFORE.search(before[-90:])),
        ("perpetrator", lambda: _AGENCY.search(before[-25:]) or _AGENCY.match(after[:20])),
        ("victim", lambda: acts is not None and acts.overlaps(first, last)),
        # prosecuted, charged or sentenced: in these reports the person it is done to
        ("victim", lambda: _PERSECUTED.search(text, first, last)),
    )
    return next((role for role, holds in tests if holds()), None)


def _organisation_role(name: str, before: str, after: str, acted: bool) -> str | None:
    state = bool(STATE_BODY.search(name))
    if state and _OFFICERS_OF.search(before[-60:]):
        return "perpetrator"  # "officers of the FSB searched…", «сотрудники ФСБ провели…»
    if state:
        # "detained by the police": the body did the act named just before; otherwise it
        # speaks, decides or is addressed ("examined by the inspection").
        by = re.search(r"\bby\s+(?:the\s+)?$", before[-12:])
        return "perpetrator" if by and acted else "official"
    if _DOCUMENT_OF.search(before):
        return "source"
    called_upon = bool(_CALL_VERB.search(before[-40:]))
    if not called_upon and (_REPORTING.search(before) or _REPORTING.search(after[:120])):
        return "source"
    return None
