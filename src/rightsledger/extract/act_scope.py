"""Whether the text alleges an act it names: negation, denial, hypotheticals, other senses.

An act word is not an allegation when the act is only threatened, tried, planned, possible or
banned ("threatened to kill", "may be arrested", «могут задержать», «грозят пытки», "the law
bans torture"; but "may have fled" estimates a past act and keeps it); when it is negated or
denied right before its word ("was not detained", «никого не задержали», "denied that he had
been beaten"); and when the word is used in another sense, which its neighbour decides
("killing time", "the bill was killed", "detained his luggage", «рейс задержали», "beaten in
the final", "aid convoys were held", "available for questioning", «похитили двух коров»).
Holding and release told in a text of an abduction, with no detention by officials named
anywhere, are the abduction's, not a detention. A report the authorities call unconfirmed
after the act word («сведения о применении силы не подтвердились») stays an allegation: the
text reports it, and the denial is the authorities' response to it, recorded apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words right before the act that make it unreal: a threat, an attempt, a wish, a modal, a
# risk, a ban or the absence of reports. A threat is still a threat (its own trigger fires).
_NOT_DONE = re.compile(
    r"(?:(?:risk|danger|fear|prevention|prohibition|absence)s? of|ban on|free(?:dom)? from|"
    r"no (?:evidence|signs?|trace|record|reports?|cases?|information|indication|"
    r"confirmation) of|(?:bans?|banning|prohibits?|prohibiting|outlaws?|criminali[sz]es?)"
    r"(?: the use of)?|"
    r"(?:against|prevent(?:ing)?|combat(?:ing)?|eradicat\w*|abolish\w*|ending)|"
    r"(?:риск\w*|опасност\w*|предотвра\w*|запрет\w*|запрещ\w*|против|борьб\w* с|"
    r"профилактик\w*|недопущени\w*|искоренени\w*)|"
    r"(?:нет|не было|не поступало) (?:данных|сведений|информации|признаков|жалоб) о|"
    r"threat\w*|tried|trying|attempt\w*|wanted|plans?|planned|promised|fears?|feared|fearing|"
    r"faces?|facing|(?:allow|permit|authori[sz]e|empower)\w* (?:\w+ ){0,2}?to|"
    r"(?:would|will|could|can|shall)(?:\s+(?:be|have(?:\s+been)?))?|(?:may|might)(?:\s+be)?|"
    r"угрожал\w*|пытал(?:ся|ась|ись)|пытаются|хотел\w*|собирал(?:ся|ась|ись)|обещал\w*|будут|"
    r"будет|могут|может|могли бы|мог бы|грозит|грозят|грозил[аи]?|рискует|рискуют|опаса\w*|"
    r"бо(?:ится|ятся|ялся|ялась|ялись))"
    # an adjective of the act may stand between: "criminalises enforced disappearance"
    r"\s+(?:to\s+|with\s+)?(?:(?:enforced|forced|arbitrary|sexual|extrajudicial|unlawful|"
    r"illegal|physical|further|mass|political)\s+)?$",
    re.IGNORECASE,
)

# A match that itself starts with a negation states a denial of something ("not allowed to
# return", "not been told where"): a modal before it reports that denial, it does not hedge
# the act ("were told they would not be allowed to go back").
_STARTS_NEGATED = re.compile(r"(?:not|never|no|не|ни)\b", re.IGNORECASE)

# Negation or denial right before the act word, in its clause.
_NEGATED = re.compile(
    r"(?:\b(?:not|never|no one|nobody|none)\s+(?:(?:was|were|been|being|be|has|have|had)\s+)*"
    # "nobody by that name had been detained": a few words may stand before the auxiliary
    r"|\b(?:no one|nobody|none)(?:\s+[\w']+){1,4}?\s+(?:(?:was|were|been|had|has|have)\s+)+"
    r"|\bno\s+"
    r"|(?<![\w-])(?:не|ни|никого|никто)\s+(?:(?:был[аио]?|было|стали?)\s+)?"
    r"|\b(?:denied|denies|deny|denying|отрица\w*|опроверг\w*)\b[^.;!?]{0,40}?)$",
    re.IGNORECASE,
)

# A negation inside a condition states the demand, not a denial: "if my family did not pay".
_CONDITION = re.compile(r"\b(?:if|unless|если|иначе)\b", re.IGNORECASE)
# An act inside a condition is hypothetical ("if they are deported, they face torture",
# «если его экстрадируют»), except a demand or a threat, which conditions state.
_IF_WORD = re.compile(r"(?:\b(?:if|unless)|(?<![\w-])если)\b", re.IGNORECASE)
_CLAUSE_BREAKS = ",.;:!?"
_STATED_AS_CONDITIONS = frozenset({"extortion", "threats_intimidation"})
_FUTURE = re.compile(r"(?:would|will)\b", re.IGNORECASE)

# Other senses, decided by the word before or after the act word. Russian nouns of what is
# "delayed" (задержать рейс, зарплату) are spelt with their endings: a stem would also take
# «пенсионера», «Грузии» or «поездки».
_DELAYED_RU = (
    r"рейс(?:а|ы|ов)?|поезд(?:а|ов)?|самол[её]т(?:а|ы|ов)?|зарплат[аыу]|выплат[аыу]?|"
    r"пенси[июя]|поставк[аиу]|груз(?:а|ы|ов)?|фур[аыу]?|грузовик(?:а|и|ов)?|конво(?:й|я|и|ев)"
)
# Things and events that are "held" without anyone detained: "aid convoys were held at
# checkpoints", "talks were held in Geneva".
_HELD_THINGS = (
    r"convoys?|trucks?|lorr(?:y|ies)|supplies|deliveries|aid|talks|meetings?|elections?|"
    r"hearings?|sessions?|events?|ceremon(?:y|ies)|funerals?|vigils?|rall(?:y|ies)|"
    r"conferences?|consultations?|referend(?:um|ums|a)|negotiations|discussions|exhibitions?|"
    r"festivals?|celebrations?|polls|votes?|prayers|briefings?|interviews?"
)
_AFTER_OTHER_SENSE: dict[str, re.Pattern[str]] = {
    "killing": re.compile(
        r"\s+(?:time|(?:the|a|an|its|their|his|her|our)\s+(?:bill|motion|proposal|deal|idea|"
        r"story|engine|lights|mood|project|plan|programme|program|initiative|momentum|talks|"
        r"reform|amendment|law|coalition|agreement|chances?|hopes?|negotiations|process|debate))\b",
        re.IGNORECASE,
    ),
    "arbitrary_detention": re.compile(
        r"\s+(?:(?:his|her|their|the|its|our|my)\s+)?(?:\w+\s+)?(?:luggage|baggage|goods|cargo|"
        rf"shipments?|consignments?|vessels?|ships?|flights?|payments?|{_DELAYED_RU})\b",
        re.IGNORECASE,
    ),
    # the threat of a hazard, not of a person: «угроза обстрелов», "the threat of flooding"
    "threats_intimidation": re.compile(
        r"\s+(?:of\s+(?:\w+\s+)?)?(?:обстрел|наводнени|эпидеми|голод|срыв|вымирани|прорыв|обрушени|"
        r"землетрясени|паводк|пожар|затоплени|банкротств|эскалаци|flood|shelling|famine|collapse|"
        r"epidemic|fire|escalation|bankruptcy|war\b|drought)"
        # «преследовать цель»: to pursue a goal or an interest, not to persecute
        r"|\s+(?:[\w-]+\s+)?(?:цел(?:ь|и|ью|ей|ям|ями)|интерес(?:ы|ов|ам)|задач[иу]?)\b",
        re.IGNORECASE,
    ),
    # things stolen, not people taken: «похитили двух коров», "kidnapped the cattle"
    "abduction": re.compile(
        r"\s+(?:(?:the|his|her|their|its|two|three|several|all|двух|тр[её]х|несколько|нескольких|"
        r"всех|весь|его|её|ее|их)\s+)?(?:скот\w*|коров\w*|овец|овц\w*|"
        r"лошад\w*|автомобил\w*|машин[уы]|деньги|денег|документ\w*|livestock|cattle|sheep|"
        r"horses|cars?|money|documents)\b",
        re.IGNORECASE,
    ),
    "ill_treatment": re.compile(
        r"\s+(?:(?:in|at)\s+(?:the\s+)?(?:final|semi-?final|match|game|race|election|vote|polls)"
        r"|the\s+(?:record|odds|deadline|heat|rush))\b"
        # hit by bullets or shrapnel: a shooting or a blast, not a beating
        r"|\s+by\s+(?:\w+\s+){0,2}?(?:bullets?|shrapnel|shells?|missiles?|rockets?|gunfire|"
        r"fragments|sniper\w*)"
        # military strikes: «удары наносились «исключительно по военным объектам»
        r"|\s+(?:были\s+)?(?:наносил\w*|нанесен\w*|нанос\w*)\s+(?:[«\"]?[\w-]+\s+){0,3}?по\b"
        r"|\s+по\s+(?:[\w-]+\s+){0,2}?(?:объект|позици|территори|склад|инфраструктур|аэродром|"
        r"порт|цел(?:и|ям|ям)\b)"
        # injuries said to predate the arrest: «травмы он получил до задержания», "the
        # injuries were sustained before his arrest"
        r"|\s+(?:[\w-]+\s+){0,3}?(?:до|before)\s+(?:(?:his|her|their|the)\s+)?"
        r"(?:задержани|арест|arrest|detention)\w*"
        # injuries a medical check did not find: «повреждений не выявлено»
        r"|\s+(?:[\w-]+\s+){0,3}?не\s+(?:был[аио]?\s+)?(?:выявлен|обнаружен|зафиксирован|"
        r"установлен)\w*",
        re.IGNORECASE,
    ),
}
_BEFORE_OTHER_SENSE: dict[str, re.Pattern[str]] = {
    # things or body parts "missing", not a person: "two of his teeth were missing"
    "enforced_disappearance": re.compile(
        r"\b(?:teeth|tooth|fingernails?|nails|fingers?|pages?|files?|documents?|papers|"
        r"passports?|phones?|money|cash|belongings|items|records?|bags?|keys|wallets?|"
        r"valuables|jewell?ery|equipment)\s+(?:of\s+(?:the|his|her|their|my|our)\s+\w+\s+)?"
        r"(?:(?:was|were|are|is|had\s+gone|went)\s+)?$",
        re.IGNORECASE,
    ),
    # the damage is what the person held is charged with: «по подозрению в повреждении
    # служебного автомобиля», "on suspicion of damaging a police car"
    "property_destruction": re.compile(
        r"(?:\b(?:on\s+suspicion\s+of|suspected\s+of|charged\s+with)"
        r"|(?<![\w-])(?:по\s+подозрению\s+в|подозрева\w*\s+в|обвин\w*\s+в))\s+$",
        re.IGNORECASE,
    ),
    "killing": re.compile(
        r"\b(?:bill|motion|proposal|deal|plan|project|amendment|idea|initiative|law|economy|"
        r"industry|business|market|press|freedom|democracy|media|debate)s?\s+"
        r"(?:was|were|has\s+been|had\s+been|have\s+been|is|are|got|is\s+being|are\s+being)\s+$",
        re.IGNORECASE,
    ),
    "arbitrary_detention": re.compile(
        r"(?:\b(?:luggage|baggage|goods|cargo|shipments?|vessels?|ships?|flights?|payments?|"
        rf"{_HELD_THINGS})\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been|are\s+being|"
        rf"is\s+being)\s+)?|(?<![\w-])(?:{_DELAYED_RU})\s+(?:\w+\s+)?"
        # questioning asked of someone free: "make the officers available for questioning"
        r"|\b(?:available|appear|report)\s+"
        # the institutions' name, not a detention: «места лишения свободы»
        r"|(?<![\w-])мест(?:а|ах|ам|о)?\s+)$",
        re.IGNORECASE,
    ),
    "ill_treatment": re.compile(
        r"\b(?:team|side|club|squad|candidate|party|shares?|prices?|markets?|economy|currency|"
        r"stocks?|ratings?)s?\s+(?:was|were|has\s+been|have\s+been)\s+$"
        # «экспертиза не обнаружила повреждений»: the injuries denied by a medical check
        r"|(?<![\w-])не\s+(?:выявил|обнаружил|зафиксировал|установил|нашл)\w*\s+$",
        re.IGNORECASE,
    ),
}


# The act named as a kind of act, in a law or a rule: «пытки запрещены законом», "torture is
# prohibited".
_SPOKEN_OF_IN_GENERAL = re.compile(
    r"\s+(?:\w+\s+)?(?:(?:is|are)\s+(?:prohibited|banned|forbidden|illegal|a crime|"
    r"punishable|outlawed)|запрещен\w*|недопустим\w*|(?:является|являются)\s+преступлени\w*|"
    r"караются|карается)\b",
    re.IGNORECASE,
)


# Holding and release told of people abducted belong to the abduction (as a basement after an
# abduction does): «трое похищенных, которых позже отпустили», «доступ к удерживаемым», when
# an abduction is told in the 400 characters before, no state agent stands before the word in
# its sentence or right after it ("held by police") and the text names no detention by
# officials anywhere.
_HOLD_OR_RELEASE = re.compile(
    r"(?:(?:was|were|been|being)\s+)?(?:отпуст|отпущ|удерж|держал|продерж|released|freed|held|"
    r"holding|kept)",
    re.IGNORECASE,
)
_ABDUCTION_TOLD = re.compile(
    r"похи[тщ]|заложник|в неизвестном направлении|abduct|kidnap|hostage", re.IGNORECASE
)
_OFFICIAL_DETENTION = re.compile(
    r"задерж|арест|изолятор|сизо|ивс|спецпри[её]мник|колони|тюрьм|приговор|осужд|detain|"
    r"arrest|custody|prison|jail|police station|remand|sentenced|convicted",
    re.IGNORECASE,
)


_STATE_AGENT = re.compile(
    r"\b(?:police\w*|officers?|security (?:services|forces)|soldiers|troops|guards|authorities)\b"
    r"|(?<![\w-])(?:полици\w*|полицейск\w*|сотрудник\w*|силовик\w*|военн\w*|власт\w*)",
    re.IGNORECASE,
)


# "taken from his home by officers of the public security bureau" tells an arrest: "taken"
# names no abduction when the state agent who took them follows.
_TAKEN_BY_OFFICIALS = re.compile(
    r"taken\b[^.;]{0,60}?\bby\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:police\w*|officers?|"
    r"security (?:services|forces)|soldiers|troops|guards|authorities|agents)\b",
    re.IGNORECASE,
)
# Police named as those who seized someone, in the sentence before the seizing ("riot
# policemen… threw them into a minibus"): an arrest, however rough, not an abduction.
_POLICE_BEFORE = re.compile(
    r"\b(?:police(?:men|man|women|woman)?|riot police\w*|officers|OMON)\b"
    r"|(?<![\w-])(?:полицейск\w*|омоновц\w*|сотрудник\w* (?:полиции|ОМОН|росгвардии))",
    re.IGNORECASE,
)
# …when the passage calls it a detention ("were detained… riot policemen threw them into a
# minibus"); police who seize someone to hand her over to her family abduct her.
_CALLED_DETENTION = re.compile(
    r"\b(?:detained|arrested|detention)\b|(?<![\w-])(?:задерж\w*|арестова\w*)", re.IGNORECASE
)
# …or taken to a police station just after.
_TO_A_POLICE_STATION = re.compile(
    r"\b(?:drove|driven|took|taken|brought|delivered) (?:\w+ ){0,2}?to (?:the |a )?(?:\w+ ){0,2}?"
    r"(?:police (?:station|department|headquarters|precinct)|detention (?:centre|center))\b"
    r"|(?<![\w-])(?:отвезли|доставили|привезли|увезли) (?:\w+ ){0,2}?(?:в|во) (?:\w+ )?"
    r"(?:отдел\w* полиции|ОВД|РОВД|ИВС|отделение полиции|полицию|УВД|ОМВД)",
    re.IGNORECASE,
)
_STOP = re.compile(r"[.!?\n]")


# A convict moved to a remand prison («осуждённая… при этапировании в следственный изолятор»)
# is serving a sentence: the move names no new detention.
_PRISON_OR_TRANSFER = re.compile(r"изолятор|этапир|этап\b", re.IGNORECASE)
_CONVICT = re.compile(r"(?<![\w-])(?:осужд[её]нн|заключ[её]нн)\w*", re.IGNORECASE)


def _convict_moved(text: str, start: int, end: int) -> bool:
    if _PRISON_OR_TRANSFER.match(text, start, end) is None:
        return False
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    return _CONVICT.search(text, sentence_start, start) is not None


@lru_cache(maxsize=4)
def _names_official_detention(text: str) -> bool:
    return _OFFICIAL_DETENTION.search(text) is not None


def _held_by_abductors(text: str, start: int, end: int) -> bool:
    """Whether the holding or release at ``text[start:end]`` is that of people abducted."""
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = min(
        (i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text)
    )
    return (
        _HOLD_OR_RELEASE.match(text, start) is not None
        and _ABDUCTION_TOLD.search(text, max(0, start - 400), sentence_end) is not None
        and _STATE_AGENT.search(text, sentence_start, start) is None
        and _STATE_AGENT.search(text, end, min(sentence_end, end + 40)) is None
        and not _names_official_detention(text)
    )


def not_alleged(text: str, start: int, end: int, category: str) -> bool:
    """True when the act named at ``text[start:end]`` is not alleged by the text."""
    before = text[max(0, start - 60) : start]
    not_done = _NOT_DONE.search(before[-25:])
    if not_done is not None and not _STARTS_NEGATED.match(text, start):
        # a demand or a threat is told in the future: "said he would have to pay 5,000"
        reported = category in _STATED_AS_CONDITIONS and _FUTURE.match(not_done[0])
        if not reported:
            return True
    negation = _NEGATED.search(before)
    if negation is not None and not _CONDITION.search(before[: negation.start()][-30:]):
        return True
    if category not in _STATED_AS_CONDITIONS and _IF_WORD.search(_clause_before(before)[-45:]):
        return True
    if _SPOKEN_OF_IN_GENERAL.match(text, end, end + 40):
        return True
    return _told_of_something_else(text, start, end, category) or _other_sense(
        text, start, end, category, before
    )


def _told_of_something_else(text: str, start: int, end: int, category: str) -> bool:
    """Holding told of an abduction or of a convict moved, "taken" told of an arrest."""
    if category == "arbitrary_detention":
        return _held_by_abductors(text, start, end) or _convict_moved(text, start, end)
    if category == "abduction":
        return _TAKEN_BY_OFFICIALS.match(text, start, end + 80) is not None or _seized_by_police(
            text, start, end
        )
    return False


def _seized_by_police(text: str, start: int, end: int) -> bool:
    """Police named before the seizing in its sentence, or a police station as where it led."""
    stops = _STOP.finditer(text, max(0, start - 200), start)
    sentence_start = max((m.end() for m in stops), default=0)
    police = _POLICE_BEFORE.search(text, max(sentence_start, start - 200), start)
    if police and _CALLED_DETENTION.search(text[max(0, start - 250) : end + 250]):
        return True
    return _TO_A_POLICE_STATION.search(text, end, end + 250) is not None


def _clause_before(before: str) -> str:
    """The part of ``before`` after its last comma or stop."""
    return before[max(before.rfind(mark) for mark in _CLAUSE_BREAKS) + 1 :]


def _other_sense(text: str, start: int, end: int, category: str, before: str) -> bool:
    after_pattern = _AFTER_OTHER_SENSE.get(category)
    if after_pattern is not None and after_pattern.match(text, end, end + 40):
        return True
    before_pattern = _BEFORE_OTHER_SENSE.get(category)
    return before_pattern is not None and before_pattern.search(before) is not None
