"""Acts of violence named in text, by trigger words, mapped to the project's act types.

Each category has English and Russian triggers written from the word families that name the
act (stems with their endings), not from sample sentences. The HURIDOCS code comes from the
``act_types`` vocabulary, so the claim and the records use one list of terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rightsledger import vocab
from rightsledger.extract import anchors
from rightsledger.extract.act_lemmas import find_lemma_acts
from rightsledger.extract.claims import ActClaim
from rightsledger.extract.spans import SpanIndex

_W = r"[\w-]*"
_CURRENCY = r"lari|roubles|rubles|dollars|euros|manats|hryvnias?|tenge|soms?|somoni"
_CUSTODY_EN = r"(?:police|station|base|precinct|detention|prison|jail)"
_CUSTODY_RU = r"(?:отдел|отделени|полици|овд|участ|изолятор|спецприемник)\w*"
_PROPERTY = r"homes?|houses?|buildings?|property|shops?|villages?|schools?|cars?|mosques?|churches"
# Russian verbs in -ся/-сь are often other verbs (пытался "tried"), so endings are explicit.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killing": (
        r"found hang(?:ed|ing)",
        r"(?:found|recovered|discovered|returned|handed over) (?:\w+ ){0,3}?bod(?:y|ies)\b",
        r"(?:his|her|their|the) (?:dead )?bod(?:y|ies)\b",
        r"gunned down",
        r"massacr\w*",
        r"lost (?:their|his|her) li(?:fe|ves)",
        r"(?:stabbed|hacked|burned|burnt) to death",
        r"bodies (?:of|were|was)\b",
        r"трупы?\b",
        r"лишил\w* жизни",
        r"kill(?:ed|ing|ings|s)?\b",
        rf"murder{_W}",
        r"shot dead",
        r"executed",
        r"executions?",
        r"beaten to death",
        r"tortured to death",
        r"slain",
        r"found dead",
        r"died (?:in custody|under torture|from (?:the )?(?:beating|torture|injuries))",
        r"deaths? in custody",
        r"died (?:after|following|from|of|in|under|as a result)\b",
        r"(?:the )?deaths? of\b",
        rf"гибел{_W}",
        r"extrajudicial(?:ly)? kill" + _W,
        r"убит(?:ы|а|о|ый|ых|ого|ым)?\b",
        r"убил(?:и|а)?\b",
        rf"убийств{_W}",
        r"убива(?:ли|ют)",
        rf"расстрел{_W}",
        rf"застрел{_W}",
        r"казн(?:ь|и|ён|ены|ены|или)\b",
        r"погиб(?:ли|ла|ло|ших|шие|ший|шего|шим)?\b",
        r"скончал(?:ся|ась|ись)",
        r"забит(?:ы|а|ый)? до смерти",
        r"тела\b",
    ),
    "torture": (
        r"with (?:\w+ ){0,3}?burns\b",
        r"electric(?:al)? (?:shocks?|current|wires?)",
        r"(?:applied|attached|connected) (?:\w+ ){0,2}?(?:electrodes|wires|current)",
        r"провод\w* (?:к|на) (?:\w+ )?(?:ушам|пальцам|гениталиям|телу|рукам|ногам)",
        r"(?:подключал|подсоединял)\w* (?:\w+ )?(?:провод|ток|электрод)\w*",
        r"suffocat\w*",
        r"asphyxiat\w*",
        r"(?:cigarette burns|burn(?:ed|t|ing) (?:him |her |them )?with cigarettes)",
        r"(?:hung|suspended) (?:him |her |them )?(?:from|by)\b",
        r"душил\w*",
        r"подвешива\w*",
        rf"tortur{_W}",
        r"electric shocks?",
        rf"electrocut{_W}",
        rf"waterboard{_W}",
        r"пыт(?:ка|ки|ку|кой|ке|ок|ками|ках|кам|ал|ала|али|ают|ать|аемых|анных|анные|анный"
        r"|анным|аемые)\b",
        rf"электрошок{_W}",
        r"током\b",
        rf"истяза{_W}",
    ),
    "ill_treatment": (
        r"(?:нарушени\w* )?услови\w* содержания",
        r"(?:без|отсутстви\w*) (?:\w+ )?медицинск\w* помощ\w*",
        r"dragged (?:\w+ ){0,3}?by (?:their|his|her|the) hair",
        r"(?:head|serious|severe|bodily|multiple) injur\w*",
        r"broken (?:ribs|bones|fingers|nose|jaw|arms?|legs?)",
        r"use of (?:excessive |physical )?force",
        r"(?:сломал\w*|переломал\w*|переломы) (?:\w+ )?(?:ребр|нос|челюст|пальц|рук|ног)\w*",
        r"(?:punishment|isolation|disciplinary) cells?",
        r"solitary confinement",
        r"(?:tear gas|pepper spray|rubber bullets|stun grenades|water cannons?|batons)\b",
        r"спецсредств\w*",
        r"(?:шизо|штрафн\w* изолятор\w*|карцер\w*)",
        r"(?:слезоточив\w* газ\w*|резинов\w* пул\w*|светошумов\w* гранат\w*)",
        r"denied (?:\w+ )?(?:food|water|sleep|medical (?:care|help|treatment)|medicine|toilet)",
        r"заставил\w* (?:\w+ )?(?:раздеться|стоять|приседать|ползать|кричать|лечь)",
        r"облил\w* (?:\w+ )?(?:водой|бензином|кипятком)",
        r"(?:лишал\w*|не давал\w*) (?:\w+ )?(?:сна|еды|воды|пищи)",
        r"with (?:batons|truncheons|rifle butts|clubs|sticks|pipes|rubber batons|fists)",
        r"дубинк(?:ами|ой|и)\b",
        r"(?:ударил\w*|пинал\w*|удары|ударами)\b",
        r"(?:was|were|been|being) (?:\w+ly )?(?:hit|struck|kicked|slapped|dragged)\b",
        r"hit (?:him|her|them|us|me|with)\b",
        r"(?:forced|made|ordered|compelled) to (?:stand|kneel|squat|crouch|lie|sit|strip|crawl)\b",
        r"stress positions?",
        r"(?:severe|brutal|savage|repeated) beat\w*",
        r"физическ\w* сил\w*",
        r"(?:сломал\w*|переломал\w*) (?:ему|ей|им|мне|нам) ",
        r"beat(?:en|ing|ings)\b",
        r"beat (?:him|her|them|us|me)\b",
        rf"ill[- ]treat{_W}",
        rf"mistreat{_W}",
        rf"humiliat{_W}",
        r"degrading treatment",
        r"kicked",
        r"punched",
        r"physical(?:ly)? abuse" + _W,
        r"cruel treatment",
        r"inhuman",
        r"attacked",
        r"assault(?:ed|s)?\b",
        r"напал(?:и|а)?\b",
        rf"нападени{_W}",
        rf"избит{_W}",
        rf"избил{_W}",
        rf"избива{_W}",
        rf"избиени{_W}",
        r"побо(?:и|ев|ями)\b",
        rf"издевател{_W}",
        rf"издевал{_W}",
        rf"унижени{_W}",
        rf"унижал{_W}",
        r"жесток(?:ое|ого|им) обращени" + _W,
        r"били\b",
    ),
    "arbitrary_detention": (
        r"(?:in )?for questioning",
        r"political prisoners?",
        r"политзаключ\w*",
        r"политическ\w* заключ\w*",
        r"picked up by (?:the )?(?:police|officers|security)",
        r"(?:placed|put|remanded|kept) (?:in|into) (?:police )?custody",
        r"remand\w*",
        r"(?:сизо|ивс|спецпри[её]мник\w*)\b",
        r"(?:was|were|been|being) (?:\w+ly )?(?:held|kept|locked up)\b",
        r"held (?:for|in|at|on)\b",
        r"(?:taken|brought|driven) to (?:a |the )?(?:[\w-]+ ){0,2}?" + _CUSTODY_EN,
        r"доставл\w* (?:\w+ ){0,2}?в (?:\w+ )?" + _CUSTODY_RU,
        r"доставил\w* (?:\w+ ){0,2}?в (?:\w+ )?" + _CUSTODY_RU,
        rf"detain{_W}",
        rf"detention{_W}",
        rf"arrest{_W}",
        r"rounded up",
        r"round-?ups?",
        r"taken into custody",
        rf"imprison{_W}",
        r"jailed",
        r"secret prisons?",
        r"held (?:incommunicado|without charge|in (?:a |an )?(?:secret|unofficial|former))",
        r"(?:was|were|been) released\b",
        r"продержал" + _W,
        r"отпустили\b",
        r"задерж(?:ан|ал|ив|ани|ать|ат|ива)" + _W,
        rf"арест{_W}",
        r"под стражу",
        r"(?:секретн|тайн|незаконн)\w* тюрьм" + _W,
        r"удерживал" + _W,
        r"лишени\w* свободы",
        r"содержал(?:и|ись|ся|ась)? (?:в|под)\b",
    ),
    "enforced_disappearance": (
        r"(?:nobody|no one) (?:would|could|will|can) (?:tell|say) (?:\w+ )?where",
        r"(?:has|have) not been seen (?:by (?:\w+ ){1,3}?)?(?:since|for)\b",
        r"no contact with (?:him|her|them) (?:since|for)",
        r"(?:не выходит|не выходят|перестал\w* выходить) на связь",
        r"связь с (?:ним|ней|ними) (?:пропала|потеряна|прервалась)",
        r"(?:nobody|no one) knows where",
        r"никто не знает,? где",
        r"unaccounted for",
        r"(?:neither|none|nobody|no one)(?: of them)? (?:has|have) been (?:heard from|seen)",
        r"nothing (?:is|has been) (?:known|heard) (?:of|about)",
        r"(?:судьб|местонахождени)\w*(?:\s+\S+){0,5}?\s+ничего не (?:знают|известно)",
        r"ничего не (?:знают|известно|сообщают|слышно) о (?:\w+ )?(?:судьб|местонахожд)\w*",
        r"vanished",
        r"(?:without|no) (?:a )?trace",
        r"бесследно",
        r"сведени\w* о (?:\w+ )?(?:судьб|местонахожд)\w*",
        r"fate (?:\S+ ){0,5}?(?:unknown|unclear|remains? unknown)",
        r"(?:no|any) (?:information|news) (?:about|on|of) (?:their|his|her) whereabouts",
        r"судьб\w*(?:\s+\S+){0,4}?\s+(?:неизвестн|не известн)\w*",
        r"не (?:могут|можем|может|смогли|смог|смогла|удалось|удается) (?:\w+ )?найти",
        r"пропавш(?:их|ие|ий|его|ему|им|ими)\b",
        r"disappear(?:ed|ance|ances)\b",
        r"(?:went|remain|remains|still|are|were|is|was|reported|gone) missing",
        r"missing (?:men|women|people|persons?|man|woman|relatives?|sons?|brothers?|husbands?|"
        r"children|detainees?)\b",
        r"whereabouts(?:\s+\S+){0,4}?\s+unknown",
        r"(?:not|never) been heard from",
        r"no news (?:of|from)",
        r"whereabouts (?:remain |are |is )?unknown",
        r"(?:remain|remains|still) missing",
        rf"forcibly disappear{_W}",
        rf"исчез(?:ли|ла|нов|л|нувш){_W}",
        r"пропал(?:и|а)? без вести",
        r"пропавш\w* без вести",
        r"местонахождени\w*(?:\s+\S+){0,4}?\s+(?:неизвестн|не установлен)\w*",
    ),
    "abduction": (
        r"taken (?:away )?from (?:his|her|their|our|my|the) (?:home|house|flat|apartment|car)",
        r"forcibly (?:took|taken|seized|dragged)",
        r"(?:took|taken|take|taking) away\b",
        r"took (?:\w+ ){1,3}?away\b",
        r"(?:bundled|forced|pushed|dragged|thrown|shoved) into (?:a |an |their |the )?"
        r"(?:[\w-]+ )?(?:car|van|vehicle|minibus|jeep|truck)",
        r"took (?:me|him|her|them|us)(?: and [\w ]{1,30}?)? (?:away|across|into a)",
        r"вывез(?:ли|ен|ена|ены)? (?:\w+ )?(?:в лес|в горы|в поле|за город|в неизвестн)",
        r"(?:схватили|затолкали|запихнули) (?:\w+ )?в (?:машину|автомобиль|микроавтобус)",
        rf"abduct{_W}",
        rf"kidnap{_W}",
        r"snatched",
        r"(?:was|were) seized\b",
        r"(?:driven|taken) to an unknown (?:location|place|destination)",
        r"увез(?:ли|ен|ены|ена)? в неизвестном направлении",
        r"taken away by",
        rf"похи[тщ]{_W}",
        r"увез(?:ли|ен|ены|ена)\b",
    ),
    "forced_displacement": (
        r"refugees?\b",
        r"беженц\w*",
        r"беженк\w*",
        r"forced out\b",
        r"uproot\w*",
        r"выдвор\w*",
        r"forced [^.]{0,60}? from (?:their|his|her) (?:homes?|houses?|villages?|land)",
        r"(?:sent|pushed|forced|driven|drove|took|taken|deported|expelled)(?: \w+)? back "
        r"(?:to|across|over|into)\b",
        r"pushed (?:\w+ )?(?:across|over) the border",
        r"forcibly returned",
        r"refoul\w*",
        r"driven (?:out of|from) (?:their|his|her) ",
        r"fled",
        r"flee(?:ing|s)?\b",
        r"forced to (?:leave|flee)",
        rf"displace{_W}",
        rf"expell{_W}",
        rf"evict{_W}",
        rf"deport{_W}",
        r"forcibly (?:removed|relocated)",
        r"into exile",
        r"left (?:the|their|his|her|our|my|its) (?:city|town|village|country|region|republic|"
        r"homes?|houses?|land)",
        r"покинул(?:и|а)?\b",
        rf"evacuat{_W}",
        r"ordered\b[^.]{0,60}?\bto leave",
        r"not allowed to return",
        rf"эвакуир{_W}",
        rf"эвакуаци{_W}",
        r"(?:вы|у)ехал(?:и|а)? (?:из|за)\b",
        r"запретили возвращаться",
        r"had to leave",
        r"бежал(?:и|а)?\b",
        r"бежать",
        r"вынужден\w* (?:покинуть|уехать|бежать|покинули)",
        rf"выселен{_W}",
        rf"выселил{_W}",
        rf"депортир{_W}",
        rf"выслан{_W}",
        rf"изгнан{_W}",
        r"покинул(?:и|а)? (?:республику|страну|регион|родину|дом|дома)",
    ),
    "sexual_violence": (
        r"rap(?:e|ed|es|ing)\b",
        r"sexual(?:ly)? (?:violence|assault|abuse|abused|humiliation)",
        rf"изнасил{_W}",
        r"сексуальн\w* (?:насили|домогательств|унижени)" + _W,
    ),
    "threats_intimidation": (
        r"(?:told|warned|ordered) (?:\w+ ){0,2}?to (?:keep quiet|stay silent|keep silent|"
        r"keep their mouths shut)",
        r"(?:велел\w*|сказал\w*|предупредил\w*) (?:\w+ ){0,2}?молчать",
        r"(?:forced|made|compelled|pressured) to (?:\w+ ){0,3}?(?:public )?apolog\w*",
        r"(?:заставил\w*|вынудил\w*|принудил\w*) (?:\w+ )?(?:публично )?извин\w*",
        r"(?:put|putting|puts) pressure on",
        r"pressured\b",
        rf"threat{_W}",
        rf"intimidat{_W}",
        rf"harass{_W}",
        r"warned (?:him|her|them|that)",
        r"угроз(?:а|ы|ами|ам|у|ой)?\b",
        rf"угрожа{_W}",
        rf"запуг{_W}",
        r"давлени" + _W,
    ),
    "extortion": (
        r"(?:привез|привёз|принес|принёс|передал|отдал)\w* (?:\w+ ){0,2}?[0-9][0-9 ]*"
        r"(?:тысяч\w* )?(?:рубл|доллар|евро)\w*",
        r"hand over (?:their|his|her|the) (?:money|bank cards|cards|savings|salar\w+|wages)",
        rf"pay (?:a |an |the )?(?:[0-9][0-9,. ]*\s*)?(?:{_CURRENCY}|bribes?|ransom)\b",
        rf"demanded [0-9][0-9,. ]*\s*(?:{_CURRENCY})\b",
        rf"extort{_W}",
        r"ransom",
        r"(?:по)?требовал\w* (?:\S+ ){0,3}?(?:рубл|доллар|евро|денег|деньги)\w*",
        r"paid [0-9][0-9,. ]* (?:roubles|rubles|dollars|euros|manats|lari)\b",
        r"заплатил(?:и|а)?\b",
        rf"blackmail{_W}",
        r"demanded (?:money|a bribe|payment)",
        rf"вымогател{_W}",
        rf"вымога{_W}",
        r"выкуп" + _W,
        rf"шантаж{_W}",
        r"требовали (?:деньги|денег|заплатить)",
    ),
    "property_destruction": (
        r"(?:дом|дома|домов|квартир\w*|машин\w*|автомобил\w*|имуществ\w*)(?:\s+\w+){0,2}?\s+(?:сгорел\w*|сгорели|выгорел\w*)",
        r"ransack\w*",
        r"vandali[sz]\w*",
        r"smash\w* (?:\w+ ){0,2}?(?:windows?|doors?|cars?|furniture|equipment|gates?)",
        r"(?:разбил\w*|повредил\w*|поврежден\w*) (?:\w+ )?"
        r"(?:окн|стекл|машин|автомобил|двер|дом|имуществ)\w*",
        rf"(?:{_PROPERTY})(?: and (?:an? |the )?[\w-]+(?: [\w-]+)?)? "
        r"(?:were|was|had been|have been) (?:destroyed|demolished|burned|burnt|torched|razed|"
        r"looted|set on fire|shelled)",
        r"(?:с|вы)ломал\w* (?:\w+ ){0,2}?(?:двер|ворот|окн|замк|мебел|забор)\w*",
        r"burn(?:ed|t) (?:down|out)",
        r"torched",
        rf"demolish{_W}",
        r"bulldoz" + _W,
        r"set (?:on )?(?:fire|alight)",
        r"arson",
        r"destroyed (?:the |their |his |her )?(?:homes?|houses?|property|shops?)",
        r"сожгли",
        r"сожжен" + _W,
        r"поджог" + _W,
        r"подожгли",
        r"снесли",
        r"снос\w* дом" + _W,
        r"разрушил(?:и|а)?\b",
        r"разрушен" + _W,
        r"взорвали",
        r"(?:homes?|houses?|buildings?|property|shops?|villages?) (?:were|was|had been|have been)"
        r" (?:destroyed|demolished|burned|burnt|torched|razed|looted)",
        r"looted",
        r"razed",
    ),
}
_PATTERN = re.compile(
    "|".join(
        f"(?P<{category}>(?<![\\w-])(?:{'|'.join(triggers)}))"
        for category, triggers in _TRIGGERS.items()
    ),
    re.IGNORECASE,
)


@cache
def huridocs_code(category: str) -> str:
    return vocab.load("act_types").get(category).code


def _trigger_prefixes() -> frozenset[str]:
    prefixes: set[str] = set()
    for triggers in _TRIGGERS.values():
        for trigger in triggers:
            found = anchors.leading_prefixes(trigger)
            if found is None:
                raise AssertionError(f"trigger {trigger!r} has no literal start to anchor on")
            prefixes |= found
    return frozenset(prefixes)


_PREFIXES = _trigger_prefixes()


def could_start_trigger(word: str) -> bool:
    return word[:2] in _PREFIXES


def _patterns_by_prefix() -> dict[str, re.Pattern[str]]:
    """``_PATTERN`` cut down, for each first two letters, to the triggers that can start so.

    At a word only the triggers that can start with its letters are tried: the same matches
    as ``_PATTERN`` (alternatives keep their order), for a fraction of the work per word.
    """
    by_prefix: dict[str, dict[str, list[str]]] = {}
    for category, triggers in _TRIGGERS.items():
        for trigger in triggers:
            for prefix in anchors.leading_prefixes(trigger) or ():
                by_prefix.setdefault(prefix, {}).setdefault(category, []).append(trigger)
    return {
        prefix: re.compile(
            "|".join(
                f"(?P<{category}>(?<![\\w-])(?:{'|'.join(triggers)}))"
                for category, triggers in table.items()
            ),
            re.IGNORECASE,
        )
        for prefix, table in by_prefix.items()
    }


_BY_PREFIX = _patterns_by_prefix()


def trigger_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PATTERN`` that start at a word, without overlaps, in text order."""
    last_end = 0
    for start in anchors.starts(text, could_start_trigger):
        if start < last_end:
            continue
        match = _BY_PREFIX[text[start : start + 2].lower()].match(text, start)
        if match is not None and match.end() > match.start():
            last_end = match.end()
            yield match


# An act only threatened, attempted or wished is not the act: "threatened to kill her",
# «угрожали убить», "tried to abduct". A threat is still a threat (its own trigger fires).
_NOT_DONE = re.compile(
    r"(?:threat\w*|tried|trying|attempt\w*|would|will|wanted|plans?|planned|promised|"
    r"угрожал\w*|пытал(?:ся|ась|ись)|пытаются|хотел\w*|собирал\w*|обещал\w*)"
    r"\s+(?:to\s+)?$",
    re.IGNORECASE,
)


def find_acts(text: str) -> Iterator[ActClaim]:
    found: list[ActClaim] = []
    for match in trigger_matches(text):
        category = match.lastgroup
        if category is None or _NOT_DONE.search(text[max(0, match.start() - 25) : match.start()]):
            continue
        found.append(_claim(text, match.start(), match.end(), category, "trigger"))
    # Russian words by lemma, where no pattern already took the word.
    taken = SpanIndex((claim.start, claim.end) for claim in found)
    for start, end, category in find_lemma_acts(text):
        if not taken.overlaps(start, end) and not _NOT_DONE.search(
            text[max(0, start - 25) : start]
        ):
            found.append(_claim(text, start, end, category, "lemma"))
    yield from sorted(found, key=lambda claim: claim.start)


def _claim(text: str, start: int, end: int, category: str, how: str) -> ActClaim:
    return ActClaim(
        start=start,
        end=end,
        text=text[start:end],
        rule=f"act.{how}.{category}",
        confidence=0.7,
        category=category,
        huridocs_code=huridocs_code(category),
    )
