"""Acts a text implies without naming them: a count of the dead, a death after custody, injuries
from force used, money paid or asked for a release or offered to make a case go away, a family
living with relatives after violence, an act someone was told would be done.

"238 dead", "16 deaths" and "dozens dead" report killings though no act word is there. An
injury ("were injured", «ранены», «пострадавших») is ill-treatment when its sentence tells of
force used by police, guards or other officials on people (a dispersal, a detention, batons),
and not when it tells of war (shelling, a strike, an explosion): the wounded of an attack are
counted with its killings and destruction, not as ill-treatment. A sum paid ("his family paid
$2,000", «отдала 200 тысяч») is extortion when its sentence ties it to a release or a case
dropped; a payment alone is not. A death («он умер», "he died") told in the sentence after one
that places the person in custody, with no release told, is a death in custody.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rightsledger.extract import anchors
from rightsledger.extract.act_lemmas import find_future_lemma_acts
from rightsledger.extract.act_triggers import MONEY_EN, MONEY_RU
from rightsledger.extract.numbers import EN_NUMBER

_DEAD_WORDS = frozenset({"dead", "deaths", "fatalities", "bodies", "corpses"})
# A number, then at most two describing words: "238 dead", "112 civilian deaths", "16 more
# deaths"; words of time or place end it ("2 years after the deaths" is no count).
_NUMBER_BEFORE = re.compile(
    rf"(?<![\w-])(?:{EN_NUMBER}|dozens|scores|hundreds|thousands)"
    r"(?:\s+(?!(?:of|the|in|on|at|after|before|since|during|and|or|years?|months?|weeks?|days?|"
    r"hours?)\b)[a-z-]+){0,2}\s+$",
    re.IGNORECASE,
)

_INJURY_EN = frozenset({"wounded", "injured", "injuries", "injury", "hurt", "wounding"})
# Stems of ранить, раненый, ранение, пострадать, пострадавший, травма, травмировать.
_INJURY_RU_STEMS = ("ранен", "ранил", "ранят", "пострада", "травм")

# Force used on people by the state, in the sentence of the injury.
_FORCE = re.compile(
    r"\b(?:police\w*|officers?|guards?|riot|security (?:forces|officers|services)|troopers?|"
    r"gendarmes?|dispers\w*|crowds?|protest\w*|demonstrat\w*|rall(?:y|ies)|march\w*|batons?|"
    r"truncheons?|rubber bullets|tear gas|water cannons?|custody|detention|detainees?|"
    r"interrogat\w*|beat\w*)\b|(?<![\w-])(?:полиц\w*|омон\w*|росгвард\w*|силовик\w*|"
    r"сотрудник\w*|охранник\w*|конво\w*|разгон\w*|разогна\w*|митинг\w*|демонстрант\w*|"
    r"протестующ\w*|акци[яиюей]\w*|задерж\w*|дубин\w*|допрос\w*|избиени\w*|избил\w*)",
    re.IGNORECASE,
)
_WAR = re.compile(
    r"\b(?:shell\w*|(?:air)?strikes?|bomb\w*|missiles?|rockets?|artillery|mines?|drones?|"
    r"explosions?|blasts?|crossfire|fighting|battles?|combat|landmines?|"
    # the wounded of a killing attack are told with its dead: "killed or wounded in attacks"
    r"(?:targeted|armed|gun|terrorist|suicide) attacks?|killed or)\b|(?<![\w-])(?:"
    r"(?:убит\w*|погибл\w*) или |"
    r"обстрел\w*|авиаудар\w*|бомб\w*|ракет\w*|снаряд\w*|взрыв\w*|артиллер\w*|беспилот\w*|"
    r"дрон\w*|бо[йя]х?|боев\w*|мин[аыуе])(?![\w-])",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")

_PAYMENT = re.compile(
    # a release bought "after paying what he described as 'bail money', about 20,000 naira
    # each": the sum may come at the end of the clause
    rf"paying\b[^.;!?]{{0,80}}?(?:{MONEY_EN})"
    rf"|(?:(?:paid|pay|paying|handed over|gave|transferred|asked|asking|wanted|requested) "
    rf"(?:\w+ ){{0,2}}?(?:for )?|payments? of )(?:{MONEY_EN})"
    rf"|(?:заплатил|отдал|передал|перев[её]л|собрал|привез|привёз|просил|попросил|запросил|"
    rf"хотел)\w* (?:\w+ ){{0,3}}?(?:{MONEY_RU})",
    re.IGNORECASE,
)
_PAYMENT_EN = frozenset(
    "paid pay paying handed gave transferred payment payments asked asking wanted requested".split()
)
_PAYMENT_RU_STEMS = (
    "просил",
    "попросил",
    "запросил",
    "хотел",
    "заплатил",
    "отдал",
    "передал",
    "перевел",
    "перевёл",
    "собрал",
    "привез",
    "привёз",
)
_FOR_RELEASE = re.compile(
    r"\b(?:releas\w*|freed|free|let (?:him|her|them) go|drop\w*|charges|bribes?|ransom)\b"
    r"|(?<![\w-])(?:отпуст|отпущ|освобо|прекрат|закры|выпуст|не возбужд|передач|свидани)",
    re.IGNORECASE,
)


# Ill-treatment inflicted to obtain a confession or testimony is torture (the purpose the UN
# Convention against Torture names): "beat him to make him confess", «били, требуя признаться».
_FOR_CONFESSION = re.compile(
    r"\b(?:to (?:make|force|get) (?:him|her|them|me|us) (?:to )?(?:confess|talk|sign|testify)|"
    r"into confessing|"
    r"(?:demanding|to extract|to obtain|to get|to force|forcing) (?:a |an |false )?(?:confessions?|"
    r"testimony|statements?)|until (?:he|she|they|I|we) confessed)\b"
    r"|(?<![\w-])(?:требуя (?:признат|призна|сознат|дать показ|подписа)|добиваясь (?:признани|"
    r"показани)|чтобы (?:он|она|они|я|мы) (?:признал|сознал|дал\w* показани|подписал)|"
    r"выбива\w* (?:\w+ )?(?:признани|показани))",
    re.IGNORECASE,
)


def torture_by_purpose(text: str, start: int, end: int) -> bool:
    """Whether the ill-treatment at ``text[start:end]`` was inflicted to obtain a confession."""
    return _FOR_CONFESSION.search(_sentence(text, start, end)) is not None


def _is_injury(word: str) -> bool:
    return word in _INJURY_EN or word.startswith(_INJURY_RU_STEMS)


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins (at most 300 characters back)."""
    breaks = _SENTENCE_BREAK.finditer(text, max(0, start - 300), start)
    return max(max((m.end() for m in breaks), default=0), start - 300, 0)


def _sentence(text: str, start: int, end: int) -> str:
    tail = _SENTENCE_BREAK.search(text, end, end + 300)
    return text[_sentence_start(text, start) : tail.start() if tail else min(len(text), end + 300)]


# Someone told that an act will be done to them is threatened: «сказали, что снесут и дом
# родителей», "warned him that his sons would be arrested".
_TOLD_THAT = re.compile(
    r"(?:\b(?:said|says|told|warned|threatened|wrote|promised|shouted|yelled|screamed)\b|"
    r"(?<![\w-])(?:сказал|говорил|пообещал|обещал|предупредил|пригрозил|писал|угрожал|заявил|"
    r"кричал|крикнул)\w*)",
    re.IGNORECASE,
)
_ENGLISH_FUTURE = re.compile(
    r"\b(?:will|would|'ll)\s+(?:(?:be|have|get)\s+)?(?:\w+\s+)?$", re.IGNORECASE
)


def find_threatened_acts(
    text: str, english_words: list[tuple[int, int, str]]
) -> Iterator[tuple[int, int, str]]:
    """(start, end, "threats_intimidation") for acts someone was told would be done.

    ``english_words`` are the English act words already found (``act_words_en``).
    """
    for start, end in find_future_lemma_acts(text):
        if _TOLD_THAT.search(text[_sentence_start(text, start) : start]):
            yield start, end, "threats_intimidation"
    for start, end, _category in english_words:
        head = _sentence_start(text, start)
        if _ENGLISH_FUTURE.search(text[max(head, start - 30) : start]) and _TOLD_THAT.search(
            text[head:start]
        ):
            yield start, end, "threats_intimidation"


# Living with relatives or moving in with them is displacement when the text around tells of
# what drove the family out (a house burned or demolished, threats, raids): «переехали к родне
# в Ставрополь», «живём у родственников».
_STAYING_WITH_RELATIVES = re.compile(
    r"(?:переехал|перебрал|уехал)\w* (?:\w+ )?к (?:родне|родственникам|родным|знакомым)"
    r"|(?:живут|жив[её]м|живет|живёт|поселились|ютятся|ютимся) (?:\w+ ){0,2}?у (?:родственник|"
    r"родни|родных|знакомых)\w*"
    r"|(?:moved in|staying|living|stays|lives|live|stay) with (?:\w+ )?(?:relatives|family "
    r"members|friends)"
    # whole families gone after threats: "have already left with their families for Popayán"
    r"|(?:left|fled|moved away|moved out|gone) (?:\w+ ){0,2}?with (?:their|his|her|our|my) "
    r"(?:famil(?:y|ies)|wives|children)"
    r"|(?:уехал|уехали|бежал|бежали|покинул)\w* (?:\w+ ){0,2}?(?:вместе )?с (?:семь[её]й|семьями|"
    r"женами|жёнами|детьми)",
    re.IGNORECASE,
)
_STAYING_STEMS = ("переехал", "перебрал", "уехал", "живут", "живём", "живем", "живет", "живёт")
_STAYING_WORDS = frozenset(
    "поселились ютятся ютимся moved staying living stays lives live stay left fled gone "
    "бежал бежали покинул покинули покинула".split()
)
_DISPLACEMENT_CAUSE = re.compile(
    r"(?:поджог|подожгл|поджечь|снесл|снос|сожгл|сожж|угрож|угроз|выселил|выселен|разрушил|"
    r"разрушен|обстрел|преследова|давлени|обыск|разгром|burn|demolish|bulldoz|threat|shell|"
    r"destroy|evict|raid|persecut|set fire|set alight|torch|arson|loot|expel|warn|targets?\b|"
    r"ultimatum|to leave|предупред|ультиматум|покинуть)",
    re.IGNORECASE,
)


def _could_be_staying(word: str) -> bool:
    return word in _STAYING_WORDS or word.startswith(_STAYING_STEMS)


# A death told right after the sentence that places the person in custody is a death in
# custody: «отбывал срок в колонии. … сообщили, что он умер». Not when either sentence tells
# of a release (a death years after the term) or names another place of death.
_DEATH_WORDS = frozenset("died умер умерла умерли скончался скончалась скончались".split())
_IN_CUSTODY = re.compile(
    r"отбыва\w* (?:\w+ )?(?:срок|наказани)|(?:в|во) (?:колони|сизо|ивс|тюрьм|изолятор|шизо|"
    r"карцер|следственн\w* изолятор)\w*|(?:serving|served) (?:a |his |her )?(?:\w+ )?sentence|"
    r"\b(?:held|detained|kept|locked up) (?:\w+ ){0,3}?in (?:a |the )?(?:\w+ )?(?:prison|jail|"
    r"colony|cell|custody|detention)",
    re.IGNORECASE,
)
_RELEASED = re.compile(
    r"освобо|освобожд|на свобод|отбыл |released|freed|after (?:his|her) release",
    re.IGNORECASE,
)


# Violence that a death told just after it is read as the cause of: "Men on the roof started
# shooting. I saw two young men fall… one of them died before they got him to hospital."
_DEADLY_VIOLENCE = re.compile(
    r"\b(?:shooting|shot|opened fire|fired (?:at|into|on)|gunfire|stabbed|beaten|beating|"
    r"attack(?:ed)?)\b|(?<![\w-])(?:стрельб\w*|открыл\w* огонь|расстрел\w*|избит\w*|"
    r"избиени\w*|зарезал\w*|ранен\w*)",
    re.IGNORECASE,
)
# …unless the death is told as of something else
_OTHER_CAUSE = re.compile(
    r"\s+(?:of|from) (?:a |an )?(?:heart|illness|disease|cancer|covid|natural|old age|"
    r"complications)|\s+от (?:болезн|сердечн|инфаркт|ковид|старост)",
    re.IGNORECASE,
)


def _death_in_custody(text: str, start: int, end: int) -> bool:
    sentence_start = _sentence_start(text, start)
    previous_start = _sentence_start(text, max(0, sentence_start - 2))
    tail = _SENTENCE_BREAK.search(text, end)
    told = text[previous_start : tail.start() if tail else len(text)]
    if _IN_CUSTODY.search(told) is not None and _RELEASED.search(told) is None:
        return True
    # a death told within two sentences after shooting or a beating
    earlier_start = _sentence_start(text, max(0, previous_start - 2))
    return (
        _DEADLY_VIOLENCE.search(text, earlier_start, start) is not None
        and _OTHER_CAUSE.match(text, end) is None
    )


def _could_be_payment(word: str) -> bool:
    return word in _PAYMENT_EN or word.startswith(_PAYMENT_RU_STEMS)


_IMPLIED_WORDS = _DEAD_WORDS | _INJURY_EN | _PAYMENT_EN | _STAYING_WORDS | _DEATH_WORDS
_IMPLIED_STEMS = _INJURY_RU_STEMS + _PAYMENT_RU_STEMS + _STAYING_STEMS


def _could_be_implied(word: str) -> bool:
    return word in _IMPLIED_WORDS or word.startswith(_IMPLIED_STEMS)


def find_implied_acts(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, category) for counts of the dead, injuries from force, paid releases and
    families living with relatives after violence. One pass over the words that can start one.
    """
    for start in anchors.starts(text, _could_be_implied):
        word = _word_at(text, start)
        lower = word.lower()
        end = start + len(word)
        counted_dead = lower in _DEAD_WORDS and _NUMBER_BEFORE.search(
            text[max(0, start - 40) : start]
        )
        if counted_dead or (lower in _DEATH_WORDS and _death_in_custody(text, start, end)):
            yield start, end, "killing"
        elif _is_injury(lower):
            sentence = _sentence(text, start, end)
            if _FORCE.search(sentence) and not _WAR.search(sentence):
                yield start, end, "ill_treatment"
        staying = _STAYING_WITH_RELATIVES.match(text, start) if _could_be_staying(lower) else None
        if staying is not None and _DISPLACEMENT_CAUSE.search(
            text, max(0, start - 1000), staying.end() + 200
        ):
            yield start, staying.end(), "forced_displacement"
        payment = _PAYMENT.match(text, start) if _could_be_payment(lower) else None
        if payment is not None and _FOR_RELEASE.search(_sentence(text, start, payment.end())):
            yield start, payment.end(), "extortion"
    yield from find_sums_to_solve_the_problem(text)
    yield from find_needs_denied_in_custody(text)


# A sum for "solving the problem" is the euphemism of a bribe: "an officer told my mother the
# 'problem can be solved' for 8,000 dollars", «дело можно «решить по-хорошему», если отец
# привезёт три тысячи долларов». Only when an official, an offer or a payment asked in a
# condition is in its sentence: "the council could fix the problem for $2 million" is a budget.
# A fine, bail or compensation named after the sum is no bribe either.
_SUM_AHEAD_EN = (
    rf"(?=[^.]{{0,60}}?(?:{MONEY_EN}))"
    r"(?![^.]{0,80}?\b(?:fines?|bail|damages|compensation|reparations?|settlement)\b)"
)
_SUM_AHEAD_RU = (
    rf"(?=[^.]{{0,80}}?(?:{MONEY_RU}))(?![^.]{{0,80}}?(?:штраф|залог|компенсац|возмещ|ущерб))"
)
_SOLVED_FOR_A_SUM = re.compile(
    "|".join(
        (
            # the modal belongs to the offer ("could sort out the matter for $500")
            r"(?:(?:could|can|would|will) )?(?:solv|settl|resolv|fix|sort)\w*(?: out)? (?:the |"
            r"this |that |his |her |their |your )?[\"“']?(?:problem|matter|issue|case|question)"
            + _SUM_AHEAD_EN,
            r"(?:problem|matter|issue|case|charges?|accusations?|everything)[\"”']? (?:\w+ ){0,3}?"
            r"[\"“']?(?:solved|settled|resolved|fixed|sorted out|closed|dropped|go away|"
            r"disappear|arranged|taken care of)[\"”']?" + _SUM_AHEAD_EN,
            # the sum first: "for $2,000 the charges would disappear"
            rf"for (?:{MONEY_EN}),? (?:\w+ ){{0,3}}?(?:problem|matter|issue|case|charges?|"
            r"everything)[^.]{0,20}?(?:solved|settled|resolved|fixed|sorted|closed|dropped|"
            r"disappear|go away|arranged|taken care of)",
            rf"за (?:{MONEY_RU}),? (?:\w+ ){{0,4}}?[«\"]?(?:решить|решат|решим|уладить|уладят|"
            r"закрыть|закроют|замять|замнут)\b(?![^.]{0,80}?штраф)",
            r"(?:решить|решат|решим|решу|уладить|уладят|уладим|замять|замнут|закрыть|закроют)"
            r"[»\"]? (?:\w+ )?(?:вопрос|проблем\w*|дело|по-хорошему)" + _SUM_AHEAD_RU,
            r"(?:вопрос|проблем\w*|дело)\w* (?:\w+ ){0,4}?[«\"]?(?:решить|уладить|закрыть|замять)"
            + _SUM_AHEAD_RU,
        )
    ),
    re.IGNORECASE,
)
_DEAL_WORDS = frozenset(
    "could can would will problem matter issue case charge charges accusation accusations "
    "everything for за решить решат решим решу уладить уладят уладим замять замнут закрыть "
    "закроют".split()
)
_DEAL_STEMS = ("solv", "settl", "resolv", "fix", "sort", "вопрос", "проблем", "дел")
# Who asks or what is asked about: law enforcement, a criminal case, a hint or an offer, a
# payment set as a condition (not a council's or a ministry's budget).
_OFFICIAL_OR_OFFER = re.compile(
    r"\b(?:officers?|police\w*|policem[ae]n|investigators?|prosecutors?|judges?|guards?|"
    r"detectives?|inspectors?|interrogators?|criminal|charges|hint\w*|offer\w*|suggest\w*|"
    r"if (?:\w+ ){0,3}?(?:paid|pays|pay|brings?|brought|hands? over|gives?))\b"
    r"|(?<![\w-])(?:следовател|оперативник|оперуполномоченн|полицейск|полици|прокурор|судь|"
    r"надзирател|охранник|уголовн|обвинени|намекн|намека|предлож|если (?:\w+ ){0,3}?"
    r"(?:привез|привёз|заплат|отда|передаст|принес|принёс))",
    re.IGNORECASE,
)


def _could_start_deal(word: str) -> bool:
    return word in _DEAL_WORDS or word.startswith(_DEAL_STEMS)


def find_sums_to_solve_the_problem(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, "extortion") for a sum offered to make a case or a problem go away."""
    for match in anchors.anchored(_SOLVED_FOR_A_SUM, text, _could_start_deal):
        if _OFFICIAL_OR_OFFER.search(_sentence(text, match.start(), match.end())):
            yield match.start(), match.end(), "extortion"


def _word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


# Someone held without water, food, sleep or a toilet is ill-treated: «продержали там до ночи,
# без воды, без туалета». Only when the sentence before the words tells of the holding: a town
# «без воды» after shelling is no one's custody.
_NEEDS_DENIED_RU = re.compile(
    r"без (?:воды|еды|пищи|сна|туалета)(?:,? (?:и )?без (?:воды|еды|пищи|сна|туалета))*",
    re.IGNORECASE,
)
_HELD_RU = re.compile(
    r"(?<![\w-])(?:(?:про)?держал|содержал|заперл|запира)\w*|(?<![\w-])(?:в|во) (?:камер|"
    r"отдел|изолятор|ивс|сизо|клетк|автозак|подвал)\w*",
    re.IGNORECASE,
)


def find_needs_denied_in_custody(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, "ill_treatment") for water, food, sleep or a toilet denied to someone held."""
    for match in anchors.anchored(_NEEDS_DENIED_RU, text, lambda word: word.lower() == "без"):
        if _HELD_RU.search(text, _sentence_start(text, match.start()), match.start()):
            yield match.start(), match.end(), "ill_treatment"
