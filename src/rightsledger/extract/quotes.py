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
from rightsledger.extract.morph import analyzer
from rightsledger.extract.places import find_places
from rightsledger.extract.spans import SpanIndex
from rightsledger.extract.subjects import sentence_subject

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
    # an occupation in front of the name: "lawyer Zeynep Kılıç told reporters"
    rf"|(?:{_ROLE},\s+(?={_NAME},)|{_LEAD}|[a-z-]{{3,}}\s+(?={_NAME}\s+{_VERBS_EN}))?"
    rf"(?P<b>{_NAME}|{_ROLE})(?:,\s+[^,\"“”«»]{{1,60}},)?,?\s+{_VERBS_EN})"
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
# ", she said", «— сказала она»: a pronoun speaker.
_PRONOUN_AFTER = re.compile(
    rf"^\s*,?\s*(?:(?:she|he)\s+(?:{_VERBS_EN})|(?:{_VERBS_EN})\s+(?:she|he)\b"
    rf"|[—–-]?\s*(?:{_VERBS_RU})\s+(?:она|он)\b)"
)
# «по его словам, «…»», "she said: "…"": a pronoun speaker before the quotation.
_PRONOUN_BEFORE = re.compile(
    rf"(?:[Пп]о\s+(?:его|её|ее)\s+словам|\b(?:[Ss]he|[Hh]e)\s+(?:{_VERBS_EN}))"
    r"(?:\s+that)?\s*[:,]?\s*$"
)
# Verbs of stating a position, beside the speech verbs: "X denied that…", "the army maintains
# that…", «в министерстве заявили, что…».
_STATING_EN = r"(?:denied|denies|maintain(?:s|ed)?|insist(?:s|ed)|stated|claim(?:s|ed)|argued)"
_NAMED_SPEECH = re.compile(
    rf"(?P<name>{_NAME})(?:,[^,.\"“”«»]{{1,60}})?,?\s+(?:has\s+)?"
    rf"(?:{_VERBS_EN}|{_VERBS_RU}|{_STATING_EN})\b"
)
# "In its reply, the Government stated that Mr. X had been "…"": a body named by a common
# noun, the subject of its clause after an opening phrase, states what the quotation holds.
_CLAUSE_SUBJECT_STATES = re.compile(
    rf"(?:^|,\s+)(?P<who>[Tt]he\s+(?:[A-Z][\w'’-]*\s+){{0,3}}?[\w'’-]+)\s+"
    rf"(?:{_STATING_EN}|said|says|told\s+\w+)\s+that\b"
    r"(?:[^.!?\"“”«»\n]|\b(?:Mr|Ms|Mrs|Dr)\.){0,200}$"
)
# «В Министерстве обороны заявили, что удары наносились «…»»: a body speaks through «в X
# заявили / сообщили».
_IN_BODY_SAID_RU = re.compile(
    # «В пресс-службе МВД по Республике Саха (Якутия) заявили»: the body the service speaks for
    r"(?:^|\s)[Вв]о?\s+(?:пресс-служб\w+\s+)?"
    r"(?P<who>[А-ЯЁ][\w-]*(?:\s+\(?[\w-]+\)?){0,5}?)\s+(?:заявили|сообщили|"
    r"сказали|отметили|подчеркнули|ответили|утверждают|настаивают)(?:,?\s+что)?\b"
    r"[^.!?«»\n]{0,150}$"
)
# A Russian plural speech verb with no subject of its own: an indefinite "they" («сказали
# только: «…»», «звонили и говорили, что «…»»).
_UNNAMED_THEY_RU = re.compile(
    r"(?:(?P<prev>[\w-]+)\s+)?(?:сказали|говорили|ответили|заявили|пригрозили|пообещали|"
    r"обещали|передали|предупредили|написали|советовали|посоветовали|велели|кричали|"
    r"угрожали)(?:\s+(?:[а-яё]+\s+)?(?:только|прямо|нам|мне|ему|"
    r"ей|им))?(?:,?\s+что)?\s*[:,]?\s*$"
)
# Written words, not speech: "a message reading "…"", «записка с надписью «…»».
_LABEL_BEFORE = re.compile(
    r"\b(?:caption(?:ed)?|message|note|text|sign|banner|placard|slogan|graffiti|inscription|"
    r"letter)\s+(?:(?:reading|saying|that\s+read|which\s+read)\s*|[^.!?\"“”\n]{0,25}:\s*)$"
    r"|\s(?:с|со)\s+(?:подписью|надписью|текстом|словами)\s*:?\s*$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)[\"”»]?\s+(?=[A-ZА-ЯЁ«\"“])|\n"
)
# Verbs that introduce quoted words inside a sentence, besides the speech verbs: "calling
# them", «назвав их», «подтвердила».
_QUOTING_VERB = re.compile(
    rf"\b(?:{_VERBS_EN}|{_VERBS_RU}|told|calling|describing|called\s+(?:it|them|him|her)|"
    r"назвав|назвал\w*|охарактеризова\w*|подтвердил\w*|ответил\w*)\b"
)
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:statement|report|release|document|letter|ruling|verdict|indictment|заявлени\w*|"
    r"сообщени\w*|доклад\w*|документ\w*|письм\w*|приговор\w*)\b[^,]*$",
    re.IGNORECASE,
)
_NOUN_SUBJECT_EN = re.compile(
    rf"\b(?P<who>(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){{0,2}}?[a-z-]+)\s+(?:{_VERBS_EN}|told)\b"
)
_WORD_BEFORE_VERB_RU = re.compile(rf"(?P<who>[а-яё-]+)\s+(?:{_VERBS_RU})\b")
# Capitalised words that open a sentence without naming anyone: pronouns and function words.
_NOT_NAME_WORDS = frozenset(
    "i we he she they it as in on at after when then also this that these those "
    "я мы он она они оно как об о по про в на после когда также затем это этот эта "
    "one someone один одна кто-то".split()
)
_NOT_SPEAKERS = frozenset(
    "он она они оно мы я вы ты мне нам им ему ей журналистам корреспонденту в во на по о об "
    "из у с со также затем потом позже".split()
)


def _nominative(name: str) -> bool:
    """Whether a name can be the subject: a Russian word with no nominative reading
    («Жене сказали, что…», «Супруге Иванова») names whom it was said to, not who said it."""
    first = name.split(maxsplit=1)[0].lower()
    if not re.fullmatch(r"[а-яё-]+", first):
        return True
    cases = {parse.feats.get("Case") for parse in analyzer().parse(first)}
    return "Nom" in cases or "Dat" not in cases


def _can_speak(name: str) -> bool:
    return name.split(maxsplit=1)[0].lower() not in _NOT_NAME_WORDS and _nominative(name)


def _speaker(text: str, start: int, end: int) -> str | None:
    """The speaker of the quotation at ``start:end``; "" when the text says it has none (a
    caption, a message, words said by an unnamed "they"), None when nothing is found. The
    first cue that answers decides, nearest first."""
    after = text[end : end + 120]
    before = text[max(0, start - 120) : start]
    for find in (_named_after, _named_before, _unnamed, _pronoun):
        speaker = find(text, start, before, after)
        if speaker is not None:
            return speaker
    said = _SAID_IN_SENTENCE.search(text[max(0, start - 250) : start])
    if said is not None and _can_speak(said["name"]):
        return said["name"].strip()
    sentence = _SENTENCE_START.split(text[max(0, start - 250) : start])[-1]
    stated = _CLAUSE_SUBJECT_STATES.search(sentence) or _IN_BODY_SAID_RU.search(sentence)
    if (
        stated is not None
        and stated["who"].split()[-1].lower() not in _NOT_NAME_WORDS
        and not sentence[max(0, stated.start("who") - 1) : stated.start("who")].isalpha()
    ):
        return stated["who"].strip()
    return _subject_speaker(sentence)


def _named_after(text: str, start: int, before: str, after: str) -> str | None:
    """ "…," said X / «…», — рассказал X / "…," lawyer X told reporters."""
    for pattern in (_AFTER_EN, _AFTER_RU):
        match = pattern.match(after)
        if match and (match["a"] or _nominative(match["b"])):
            return str(match["a"] or match["b"]).strip()
    pronoun = _PRONOUN_AFTER.match(after)
    if pronoun:
        return _last_named_speaker(text, start, _is_masculine(pronoun[0])) or ""
    return None


def _named_before(text: str, start: int, before: str, after: str) -> str | None:
    """X said: "…" / according to X, "…" / «…», — сказал брат пропавшего."""
    if _LABEL_BEFORE.search(before):
        return ""  # a caption, a message, a slogan: written words, nobody quoted
    match = (
        _BEFORE.search(before)
        or _BEFORE_APPOSITIVE.search(before)
        or _BY_WORDS_RU.search(before)
        or _VERB_THEN_NAME.search(before)
    )
    if (
        match
        # a name starts a word: "дин" inside «Один сказал:» is not one
        and not before[max(0, match.start("name") - 1) : match.start("name")].isalpha()
        and match["name"].split()[0].lower() not in _NOT_NAME_WORDS
        and (match.re is _BY_WORDS_RU or _nominative(match["name"]))
    ):
        return str(match["name"]).strip()
    return None


def _unnamed(text: str, start: int, before: str, after: str) -> str | None:
    """«Жене сказали, что «…»»: said by people the text does not name."""
    unnamed = _UNNAMED_THEY_RU.search(before)
    if unnamed and not (
        unnamed["prev"] and unnamed["prev"][0].isupper() and _nominative(unnamed["prev"])
    ):
        return ""
    noun = _AFTER_RU_NOUN.match(after)
    if noun and noun["who"].split()[0] not in _NOT_SPEAKERS:
        return str(noun["who"])
    return None


def _pronoun(text: str, start: int, before: str, after: str) -> str | None:
    """«по его словам, «…»», "she said: "…"": the person named as speaking before."""
    pronoun = _PRONOUN_BEFORE.search(before)
    return _last_named_speaker(text, start, _is_masculine(pronoun[0])) if pronoun else None


def _subject_speaker(sentence: str) -> str | None:
    """The subject of a speech verb in the quotation's sentence: the sentence's own subject
    ("The governor dismissed the reports, calling them "…"") or a common noun right before
    the verb ("On the second day an officer told my mother that the "…"", «следователь
    сказал матери, что «…»»)."""
    if not _QUOTING_VERB.search(sentence) or re.search(r"[\"“”«»]", sentence):
        return None
    subject = sentence_subject(sentence)
    if subject is not None and _DOCUMENT_SUBJECT.search(subject):
        return None  # "The ministry's statement said…": a document, not a speaker
    if subject is not None and _can_speak(subject) and _QUOTING_VERB.search(sentence, len(subject)):
        return subject
    english = _NOUN_SUBJECT_EN.search(sentence)
    if english:
        return english["who"]
    for russian in _WORD_BEFORE_VERB_RU.finditer(sentence):
        word = russian["who"]
        if sentence[max(0, russian.start("who") - 1) : russian.start("who")].isalpha():
            continue  # a word's tail («дин» in «Один») is no word
        parses = analyzer().parse(word)
        if parses and parses[0].pos == "NOUN" and parses[0].feats.get("Case") == "Nom":
            return word
    return None


def _is_masculine(pronoun_cue: str) -> bool:
    return bool(re.search(r"\b(?:he|He|он|его)\b", pronoun_cue))


def _last_named_speaker(text: str, start: int, masculine: bool = False) -> str | None:
    """Whom "she said" / «по его словам» refers to: the last name before the quotation that is
    the subject of a speech verb ("His mother, Rosario Dela Cruz, said that…"). After "he" a
    name with a feminine ending (Olga Sokolova, Тамара Жук) is passed over."""
    window = text[max(0, start - 600) : start]
    names = [
        match["name"]
        for match in _NAMED_SPEECH.finditer(window)
        if _can_speak(match["name"]) and not (masculine and _FEMININE.search(match["name"]))
    ]
    return names[-1].strip() if names else None


_FEMININE = re.compile(r"(?:a|а|я)\s*$")  # the surname's ending


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
    signed = _SIGNED_POST.match(text[:200])
    # only a first-hand account: a body's name over its release is not someone speaking
    if signed and _FIRST_PERSON.search(text[:3000]):
        return signed["name"]
    opening = _I_NAME.match(text[:200]) or _FIRST_NAME_ONLY.search(text[:400])
    if opening:
        return opening["name"]
    closing = _SIGNED_AT_END.search(text[-200:])
    if closing and _FIRST_PERSON.search(text[:3000]):
        return closing["name"]
    return None


# «Я, Ирина Васильевна Кудряшова, мать…», "I, Samir Haddad, …": the author names themself.
_I_NAME = re.compile(r"^\s*(?:I|Я),\s+(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){0,2}),")
# "asked that only his first name, Wilmer, be used", «просила называть её только по имени,
# Нино»: the speaker of a testimony whose surname is withheld.
_FIRST_NAME_ONLY = re.compile(
    r"(?:(?:first|given)\s+name|по\s+имени)\s*,?\s+(?P<name>[A-ZА-ЯЁ][\w'’-]+)\b"
)
# A letter signed at its end: "…\n\nМадина Сафарова, Куляб", "— Zarina Aliyeva".
_SIGNED_AT_END = re.compile(
    r"\n\s*[—–-]?\s*(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,2})"
    r"(?:,\s*[A-ZА-ЯЁ][\w'’ -]{1,40})?"
    # "— Rudo Mukaro, Chitungwiza, 13 November 2025": a date may close the signature
    r"(?:,\s*\d{1,2}\s+[A-Za-zА-Яа-яЁё]+\s+\d{4}(?:\s+(?:года|г\.))?)?\s*$"
)


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Яя]|[Мм]о[йяеё]\w*)\b")


# A post or letter headed by its author's name and a date: "Aynabat Orazova\n2 September
# 2023", «Мадина Барциц · 22 августа 2023 года».
_SIGNED_POST = re.compile(
    r"^\s*(?P<name>[A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,2})\s*(?:\n|[·•|]|[—–]\s)"
    r"[^\n]{0,40}\b(?:19|20)\d\d\b"
)


# 'He said, "…"', «один всё время бил меня и повторял: «…»», 'he could make sure Luis
# "…"': in an account, words another person said or wrote are not the author's.
_SOMEONE_ELSE_SPEAKS = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Oo]н|[Оо]на|[Оо]ни)\b[^.!?\n]{0,40}?\b(?:said|told|asked|shouted|"
    r"warned|wrote|make\s+sure|сказал\w*|говорил\w*|кричал\w*|спросил\w*)"
    # "One of them shouted:", «Один из них крикнул ей:»: someone the text does not name
    r"|(?<![\w-])(?:[Oo]ne|[Ss]omeone|[Ss]omebody|[Оо]дин|[Оо]дна|[Кк]то-то)\b[^.!?\n]{0,30}?"
    r"\b(?:said|told|shouted|yelled|сказал\w*|крикнул\w*|бросил\w*)"
    r"|\b(?:повторял\w*|кричал\w*|крикнул\w*|приговаривал\w*|угрожал\w*))[^.!?\n]{0,60}$"
)


def find_quotes(text: str) -> Iterator[QuoteClaim]:
    author: str | None = None
    for match in _QUOTED.finditer(text):
        body = next(group for group in match.groups() if group is not None)
        if len(body.split()) < 4:
            continue
        speaker = _speaker(text, match.start(), match.end())
        if speaker == "":
            speaker = None
        elif speaker is None and not _SOMEONE_ELSE_SPEAKS.search(
            text[max(0, match.start() - 60) : match.start()]
        ):
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
