"""Word lists shared by the rules: nouns that name people, words that rule a count out, and the
verbs that introduce what someone said."""

from __future__ import annotations

# English nouns naming the people (or groups of people) a count can attach to. Regular plurals
# are added below, so the list stays readable.
_EN_PERSON_SINGULAR = (
    "person individual man woman child boy girl teenager minor youth adolescent detainee "
    "prisoner inmate victim civilian resident villager inhabitant journalist reporter activist "
    "defender lawyer student protester protestor demonstrator body member relative survivor "
    "refugee migrant soldier serviceman fighter militant citizen national suspect witness "
    "hostage captive worker farmer worshipper believer muslim salafi teacher doctor officer "
    "policeman pensioner elder supporter volunteer employee conscript recruit blogger "
    "candidate dissident monk priest imam guard parent brother son daughter father mother "
    "sister husband wife local organiser organizer participant operator cameraman "
    "photographer driver patient deputy politician opponent critic mourner bystander "
    "passenger pilgrim shepherd businessman entrepreneur trader prisoner-of-war veteran "
    "nurse medic paramedic engineer athlete artist singer poet writer scholar researcher "
    "professor pupil schoolchild schoolboy schoolgirl baby infant toddler orphan widow "
    "collaborator informant defendant convict seeker asylum-seeker conscientious objector "
    "chechen ingush dagestani azerbaijani uzbek tajik kazakh afghan tatar kurd turk avar "
    "lezgin balkar cossack jew sunni shia sufi "
    # people named by their relation to someone: "five of his colleagues"
    "colleague friend neighbour neighbor cousin nephew niece uncle aunt grandson granddaughter "
    "grandfather grandmother grandchild sibling classmate comrade co-worker associate "
    "follower fellow partner spouse fiance fiancee guest tenant client relative kinsman "
    "gendarme gunman militiaman trooper attacker assailant agent official representative "
    "delegate envoy individual returnee deportee evacuee internee abductee youngster "
    "adult "
    # informal words for people: "a baker with two kids", "three guys from the village"
    "kid guy lad teen"
).split()
_EN_IRREGULAR = (
    "people persons men women children gentlemen policemen servicemen others dead wounded "
    "injured missing disappeared staff youths police killed arrested detained abducted "
    "kidnapped executed displaced evacuated deported imprisoned jailed hurt gunmen "
    "militiamen kinsmen grandchildren elderly"
).split()
EN_PERSON_NOUNS: frozenset[str] = frozenset(
    [
        *_EN_PERSON_SINGULAR,
        *(w + ("es" if w.endswith(("s", "x", "ch")) else "s") for w in _EN_PERSON_SINGULAR),
        *_EN_IRREGULAR,
        "families",
        "family",
        "households",
        "household",
        "groups",
        "group",
        "communities",
        "community",
        "bodies",
    ]
)
# Adjectives used as nouns ("20 dead"): they count people only right after the number, since
# after other words they describe ("three remain missing").
EN_STATE_NOUNS = frozenset(
    "dead wounded injured missing disappeared others killed arrested detained abducted "
    "kidnapped executed displaced evacuated deported imprisoned jailed hurt".split()
)
# Plural nouns of agents usually name people (seekers, protesters, migrants); these
# look alike but do not.
_AGENT_ENDINGS = ("ers", "ists", "ians", "ees", "ors", "ants")
_NOT_AGENTS = frozenset(
    "meters metres kilometers centimeters millimeters liters papers letters numbers orders "
    "quarters centers computers containers posters banners towers borders matters murders "
    "waters powers layers chambers headquarters doors floors corridors errors factors sectors "
    "sensors grants plants restaurants others hours years tears weapons".split()
)


def is_english_person_noun(word: str) -> bool:
    lower = word.lower()
    if lower in EN_PERSON_NOUNS:
        return True
    return lower.endswith(_AGENT_ENDINGS) and lower not in _NOT_AGENTS and len(lower) > 5


EN_UNITS = {
    "family": "family",
    "families": "family",
    "household": "household",
    "households": "household",
    "group": "group",
    "groups": "group",
    "community": "community",
    "communities": "community",
}
# Words that may stand between a number and its noun ("20 young gay men") in English are any
# words except these, which end the search: time and measure nouns, prepositions, verbs.
EN_GAP_STOP: frozenset[str] = frozenset(
    (
        "year years month months week weeks day days hour hours minute minutes km kilometres "
        "kilometers metres meters miles mile per percent page pages article articles times "
        "of in on at by from to for with were was are is be been being had have has who which "
        "that the their his her its these those this than or and but as after before since "
        "during when where while old year-old years-old cases case incidents incident "
        "complaints reports kg euros dollars roubles rubles"
    ).split()
)

# Russian lemmas (as pymorphy2 gives them, ё read as е) of nouns and substantivised
# participles naming people. pymorphy2 reduces a participle to its verb, hence the verbs.
RU_PERSON_LEMMAS: frozenset[str] = frozenset(
    (
        "человек люди мужчина женщина ребенок дети подросток юноша девушка парень мальчик "
        "девочка житель жительница задержанный задержать заключенный журналист журналистка "
        "активист активистка правозащитник адвокат юрист студент студентка жертва погибший "
        "погибнуть пострадавший пострадать убитый убить раненый ранить пропавший пропасть "
        "похищенный похитить арестованный арестовать беженец мигрант переселенец гражданин "
        "гражданка участник участница демонстрант протестующий протестовать родственник "
        "член сотрудник военнослужащий солдат боевик пленный тело семья группа селянин "
        "сельчанин школьник школьница пенсионер верующий мусульманин салафит гей бисексуал "
        "потерпевший свидетель подозреваемый обвиняемый осужденный осудить заложник "
        "узник политзаключенный волонтер блогер учитель врач священник имам брат сын дочь "
        "отец мать сестра муж жена родитель домохозяйство община лицо организатор оператор "
        "фотограф водитель пациент депутат политик оппонент критик сторонник противник "
        "соратник фигурант пассажир паломник предприниматель бизнесмен торговец ветеран "
        "медик медсестра инженер спортсмен художник певец поэт писатель ученый профессор "
        "ученик младенец сирота вдова обвиняемый подсудимый осужденный военный полицейский "
        "заключить депортировать эвакуировать избить выселить осудить пытать "
        "силовик рабочий пикетчик митингующий верующий прихожанин несовершеннолетний "
        "совершеннолетний иностранец соотечественник"
    ).split()
)
RU_UNITS = {
    "семья": "family",
    "группа": "group",
    "домохозяйство": "household",
    "община": "community",
}
# Lemmas of Russian time and measure words: a number before them is never a count of people.
RU_GAP_STOP: frozenset[str] = frozenset(
    (
        "год лето день месяц неделя час минута километр метр процент раз страница статья "
        "рубль доллар евро случай сутки век"
    ).split()
)


# Money units, English plural forms and Russian lemmas: a number before one is a sum, never a
# count of people («150 тысяч тенге», "2,000 manat"), whatever the dictionary guesses of them.
EN_MONEY_WORDS: frozenset[str] = frozenset(
    (
        "dollar dollars euro euros rouble roubles ruble rubles tenge manat manats som soms "
        "somoni lari dram drams hryvnia hryvnias hryvnas sum sums lira liras lire pound pounds "
        "yuan rupee rupees franc francs dinar dinars rial rials riyal riyals shilling shillings "
        "naira cedi cedis birr rand leu lei afghani afghanis taka kyat baht ringgit peso pesos "
        "real reais usd eur rub kzt cfa"
    ).split()
)
RU_MONEY_LEMMAS: frozenset[str] = frozenset(
    (
        "рубль доллар евро тенге манат сом сомони лари драм гривна гривня сум лира фунт юань "
        "рупия франк динар риал реал шиллинг найра лей афгани песо бат"
    ).split()
)

# Verbs that introduce what someone said, as regex alternations: quotes find their speaker by
# them, and actor role hints read a person named beside one as a source.
SPEECH_VERBS_EN = r"said|says|added|stated|recalled|wrote|explained|insisted|claimed|declared"
SPEECH_VERBS_RU = (
    r"сказал\w*|заявил\w*|сообщил\w*|рассказал\w*|добавил\w*|отметил\w*|написал\w*|"
    r"подчеркнул\w*|вспоминает|говорит|пояснил\w*|утверждает|утверждал\w*"
)
