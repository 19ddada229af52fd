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
from rightsledger.extract.claims import ActClaim

_W = r"[\w-]*"
# Russian verbs in -ся/-сь are often other verbs (пытался "tried"), so endings are explicit.
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killing": (
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
        r"fled",
        r"flee(?:ing|s)?\b",
        r"forced to (?:leave|flee)",
        rf"displace{_W}",
        rf"expell{_W}",
        rf"evict{_W}",
        rf"deport{_W}",
        r"forcibly (?:removed|relocated)",
        r"into exile",
        r"left (?:the|their|his|her) (?:city|town|village|country|region|republic|homes?)",
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


def find_acts(text: str) -> Iterator[ActClaim]:
    for match in anchors.anchored(_PATTERN, text, could_start_trigger):
        category = match.lastgroup
        if category is None:
            continue
        yield ActClaim(
            start=match.start(),
            end=match.end(),
            text=match[0],
            rule=f"act.trigger.{category}",
            confidence=0.7,
            category=category,
            huridocs_code=huridocs_code(category),
        )
